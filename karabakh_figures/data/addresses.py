"""Every outside source can be followed to a page, as its status says it was read; a section of the compilation
is read in the raw text itself."""

from .problems import Problem
from .reading import Table

#: How each outside source was read (sources.csv, column status), and the addresses that each requires.
ADDRESS_RULES = {
    "original": "the original's own page, in url",
    "second-hand": "the page it was read on, in read_at_url (and the original's, in url, where one was read)",
    "original not found": "the page it was read on, in read_at_url; url stays empty",
    "address not recorded": "no address at all; the note says why",
}


def check_source_addresses(sources: Table) -> list[Problem]:
    """Every outside source can be followed to a page, or says outright that no address was recorded; a
    section of the compilation is the raw text itself and has no address."""
    problems = []
    for row, record in sources.records():
        problems.extend(Problem(str(sources.path), row, column, record.get(column, ""), message)
                        for column, message in _address_faults(record))
    return problems


def _address_faults(record: dict):
    status, url, read_at = record.get("status", ""), record.get("url", ""), record.get("read_at_url", "")
    given = [column for column, address in (("url", url), ("read_at_url", read_at)) if address]
    if record.get("kind") == "compilation section":
        if status != "compilation":
            yield "status", "a section of the compilation has status compilation"
        yield from ((column, "a section of the compilation is read in its raw text: no address") for column in given)
        return
    if status == "compilation":
        yield "status", "only a section of the compilation has status compilation"
    elif status == "original" and not url:
        yield "url", f"an original needs its full address ({ADDRESS_RULES[status]})"
    elif status == "original" and read_at:
        yield "read_at_url", "an original is read on its own page: a source read elsewhere is second-hand"
    elif status in ("second-hand", "original not found") and not read_at:
        yield "read_at_url", f"a {status} source needs {ADDRESS_RULES[status]}"
    elif status == "original not found" and url:
        yield "url", "the original was not found: the page read goes in read_at_url"
    elif status == "address not recorded":
        yield from ((column, "an address is given, so status must say how the source was read") for column in given)
        if not record.get("note"):
            yield "note", "a source without an address must say why in its note"
