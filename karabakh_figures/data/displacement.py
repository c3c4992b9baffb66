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
