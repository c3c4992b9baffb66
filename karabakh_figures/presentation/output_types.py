"""The mimetypes under which a notebook's outputs carry data for the site beside what they show. Kept apart from
the code that writes them so that the site reads them without importing pandas (a build with nothing to do stays
cheap)."""

#: The sources a notebook used (source_list.used_here), for the site's Sources page.
SOURCES_MIMETYPE = "application/vnd.karabakh.sources+json"
