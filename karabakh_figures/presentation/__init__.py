"""The presentation floor: the house style of report tables, charts and maps, and the list of sources a notebook
ends with. It draws what the subjects and the data give it, and imports nothing from the publishing floor."""
