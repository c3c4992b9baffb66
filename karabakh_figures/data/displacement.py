"""The figures of people displaced: each one dated as its measure needs, each issuer on its own side, and every
gap of the register naming figures of its group."""

import re

from .consistency import page_host
from .problems import Problem
from .reading import Table

OUTSIDE = "outside the parties"
#: The parties' sides, by the names that an issuer of theirs bears ("Armenia's Migration and Citizenship Service",
#: "the Government of Azerbaijan", "Human Rights Ombudsman of the de facto authorities").
PARTY_NAMES = re.compile(r"\b(?:Azerbaijan\w*|Armenia\w*|Nagorno[- ]Karabakh|Artsakh|de facto)\b", re.IGNORECASE)
#: Words that make a name a state body's rather than, say, an outlet's ("Armenian Mirror-Spectator").
STATE_BODIES = re.compile(r"\b(?:government|ministry|minister|committee|president|prime minister|parliament|"
                          r"national assembly|service|ombudsman|authorities|spokes\w+|press secretary|office)\b",
                          re.IGNORECASE)
PARTY_PAGE = "run by a party to the conflict"
#: What each measure needs from its dates: a stock counts people at a date, a flow people who moved over a period.
NEEDS = {"stock": "a stock counts people at a date", "flow": "a flow counts people who moved over a period"}


def check_measure_dates(figures: Table) -> list[Problem]:
    """A stock has the date it counts at and a flow its period (or its end, precision by); where the source gives
    none, date_note says so."""
    return [Problem(str(figures.path), row, "date_precision", "unknown",
                    f"{NEEDS[record['measure']]}: give it, or say in date_note why the source gives none")
            for row, record in figures.records()
            if record.get("measure") in NEEDS and record.get("date_precision") == "unknown"
            and not record.get("date_note")]


def check_sides(figures: Table, sources: Table, hosts: Table) -> list[Problem]:
    """A figure that a party's body gives, or that stands on a page a party runs, is not marked as from outside
    the parties; an outside body that relays a party's count says whose count it is in count_by."""
    pages = {record["source_id"]: page_host(record.get("read_at_url") or record.get("url", ""))
             for _, record in sources.records()}
    judged = {record["host"]: record["party_link"] for _, record in hosts.records()}
    problems = []
    for row, record in figures.records():
        if record.get("side") != OUTSIDE:
            continue
        issuer, host = record.get("issuer", ""), pages.get(record.get("source_id", ""), "")
        if PARTY_NAMES.search(issuer) and STATE_BODIES.search(issuer):
            problems.append(Problem(str(figures.path), row, "side", OUTSIDE,
                                    f'the issuer "{issuer}" is a party\'s body: give that party as the side'))
        elif judged.get(host) == PARTY_PAGE and not record.get("count_by"):
            problems.append(Problem(str(figures.path), row, "side", OUTSIDE,
                                    f"the page read, on {host}, is run by a party (hosts.csv): give that party "
                                    "as the side, or say whose count it is in count_by"))
    return problems


def check_gap_figures(gaps: Table, figures: Table) -> list[Problem]:
    """Each gap of the register names figures that exist, at least one of them of the gap's group (a total may be
    set against its parts, which are other groups)."""
    groups = {record["figure_id"]: record.get("group", "") for _, record in figures.records()}
    problems = []
    for row, record in gaps.records():
        named = [figure_id for figure_id in record.get("figure_ids", "").split(";") if figure_id]
        unknown = [figure_id for figure_id in named if figure_id not in groups]
        problems.extend(Problem(str(gaps.path), row, "figure_ids", figure_id, f"not a figure_id in {figures.path.name}")
                        for figure_id in unknown)
        if named and not unknown and record.get("group") not in {groups[figure_id] for figure_id in named}:
            problems.append(Problem(str(gaps.path), row, "group", record.get("group", ""),
                                    "none of the figures in figure_ids is of this group"))
    return problems


#: The columns of a figure's places, each of which stands in the quote or is named in inferred_fields.
PLACE_COLUMNS = ("place_from", "place_to")


def _plain(text: str) -> str:
    """Lower case, hyphens and runs of white space as one space: 'Nagorno-Karabakh' and 'Nagorno Karabakh' match."""
    return " ".join(re.sub(r"[-‐–]", " ", text).lower().split())


def check_places(figures: Table) -> list[Problem]:
    """A place that the quote does not name in those words ("elsewhere in Azerbaijan", a region the reference
    reads into it) is named in inferred_fields, so that a reader knows it is our reading."""
    return [Problem(str(figures.path), row, column, record[column],
                    "the quote does not name this place in these words: add the column to inferred_fields and say "
                    "in note how the place is read")
            for row, record in figures.records() for column in PLACE_COLUMNS
            if record.get(column) and not re.search(rf"\b{re.escape(_plain(record[column]))}\b",
                                                    _plain(record.get("source_quote", "")))
            and column not in record.get("inferred_fields", "").split(";")]


#: The source's words for each qualifier of the data: a figure "about" some number stands beside "about",
#: "around", "some"… in its quote, and an exact figure's own words carry none of them ("an estimated 650,000" is an
#: estimate, count_basis says so, not "about").
QUALIFIER_WORDS = {"about": r"about|around|some|approximately|roughly|nearly",
                   "more than": r"more than|over|above|upwards of", "almost": r"almost|nearly",
                   "up to": r"up to|as many as", "at least": r"at least", "between": r"between|to|and|-|–"}
ANY_QUALIFIER = "|".join(words for qualifier, words in QUALIFIER_WORDS.items() if qualifier != "between")


def check_qualifiers(figures: Table) -> list[Problem]:
    """A qualifier stands in the quote ("about" where it says "around"), and a figure coded exact has no qualifier
    in its own words: the data never adds a qualifier that the source lacks, nor drops one that it gives."""
    problems = []
    for row, record in figures.records():
        qualifier = record.get("qualifier", "")
        if qualifier in QUALIFIER_WORDS and not re.search(rf"(?<!\w)(?:{QUALIFIER_WORDS[qualifier]})(?!\w)",
                                                           record.get("source_quote", ""), re.IGNORECASE):
            problems.append(Problem(str(figures.path), row, "qualifier", qualifier,
                                    "the quote has no word for this qualifier: code the figure as the source words it"))
        elif qualifier == "exact" and re.search(rf"(?<!\w)(?:{ANY_QUALIFIER})(?!\w)", record.get("wording", ""),
                                                re.IGNORECASE):
            problems.append(Problem(str(figures.path), row, "qualifier", qualifier,
                                    f'the wording "{record.get("wording", "")}" qualifies the figure: code its '
                                    "qualifier"))
    return problems


#: What a source's note in sources.csv says where its date is the host page's, not the document's.
HOST_DATE = re.compile(r"the date is the host page's", re.IGNORECASE)


def check_host_dates(figures: Table, sources: Table) -> list[Problem]:
    """A figure is not dated by the date of the page a copy was read on (sources.csv's note says "the date is the
    host page's"): a date that the quote does not give leaves the row undated, with the host's date in date_note."""
    hosted = {record["source_id"] for _, record in sources.records() if HOST_DATE.search(record.get("note", ""))}
    return [Problem(str(figures.path), row, "date_text", record["date_text"],
                    "the quote does not give this date and the source's date is its host page's (sources.csv): "
                    "leave the row undated and give the host's date in date_note")
            for row, record in figures.records()
            if record.get("source_id") in hosted and record.get("date_text")
            and record["date_text"].lower() not in " ".join(record.get("source_quote", "").split()).lower()]
