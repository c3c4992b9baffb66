"""The publishing floor: the notebook runner (build), the site and its templates, and the command line. It may
import every floor below it; nothing below imports it, so `load()` never pays for nbconvert or Jinja."""
