"""How to cite the collection, as CITATION.cff gives it (read with a YAML parser), and how to cite the compilation
itself, as sources.csv describes it: a ready citation and a BibTeX entry for each."""

import re
from pathlib import Path

from ..data.paths import ROOT

#: The compilation's row of sources.csv: the section that opens it, whose title is the compilation's.
COMPILATION_SOURCE = "occupation-in-figures"


def citation(path: Path = ROOT / "CITATION.cff") -> dict[str, str]:
    """The collection's version, release date, the file's message, a ready citation and a BibTeX entry."""
    import yaml

    try:
        about = yaml.safe_load(path.read_text(encoding="utf-8"))
        authors = [author["name"] for author in about["authors"]]
        title, version, released = about["title"], str(about["version"]), str(about["date-released"])
    except (yaml.YAMLError, KeyError, TypeError) as problem:
        raise ValueError(f"{path}: no title, version, date-released or authors' names ({problem})") from None
    entry = {"author": " and ".join(f"{{{_escaped(name)}}}" for name in authors), "title": title, "year": released[:4],
             "version": version, "date": released, "note": "Data set", "license": about.get("license", "")}
    return {"title": title, "version": version, "date": released, "message": about.get("message", ""),
            "text": f"{' & '.join(authors)} ({released[:4]}). {title} (version {version}) [Data set].",
            "bibtex": bibtex("karabakh-in-figures-" + version.replace(".", "-"), entry)}


def compilation_citation(sources, collection: dict[str, str]) -> dict[str, str]:
    """The compilation as sources.csv (`sources`, loaded) describes its opening section: its title and issuer, its
    date where one is recorded, and where its verbatim copy is kept."""
    import pandas as pd

    from ..data.words import written_date

    row = sources.set_index("source_id").loc[COMPILATION_SOURCE]
    dated = written_date(row["date"]) if pd.notna(row["date"]) else "undated"
    kept = (f"Copy kept verbatim in {collection['title']} (version {collection['version']}), "
            "data/raw/the-occupation-in-figures.txt")
    return {"text": f"{row['title']} [compilation]. {row['issuer']}, {dated}. {kept}.",
            "bibtex": bibtex("occupation-in-figures", {"title": row["title"], "organization": row["issuer"],
                                                       "year": dated if dated != "undated" else "",
                                                       "note": f"Compilation, {dated}. {kept}"})}


def bibtex(key: str, fields: dict[str, str]) -> str:
    """A @misc entry of the non-empty `fields` (each written as LaTeX reads it: its special characters escaped; an
    author in braces, a name that BibTeX must not split into given name and surname)."""
    lines = [f"  {name} = {{{value if name == 'author' else _escaped(value)}}}," for name, value in fields.items()
             if value]
    return "@misc{" + key + ",\n" + "\n".join(lines).rstrip(",") + "\n}"


def _escaped(value: str) -> str:
    return re.sub(r"([&%$#_{}])", r"\\\1", value)
