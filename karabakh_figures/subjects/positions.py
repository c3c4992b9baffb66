"""The contested points side by side: each party's documented words, the compilation's own, and what records from
outside the parties say where the data has them. Nothing here weighs one statement against another: rows follow
one rule (ORDER: by date, then the undated by speaker) whatever their side, and each keeps its speaker, what kind
of words it is, its source and how that source was read."""

import pandas as pd

from ..data.loading import load
from ..data.names import check_name, checked_frames
from ..data.words import date_labels
from .international import act_passages, records_table
from .sources import title_and_reading

#: The points, in the order the notebook takes them (the schema's list).
POINTS = ("who is responsible for the deaths in Khojaly", "whether a corridor was open from Khojaly",
          "what the districts around Nagorno-Karabakh were", "what the 1993 Security Council resolutions demand",
          "what General Assembly resolution 62/243 (2008) stands for",
          "why the Armenian population of Nagorno-Karabakh left in 2023")
#: The parties to the conflict, and those outside it whose words stand under "records from outside the parties".
PARTIES = ("Azerbaijan", "Armenia", "de facto Nagorno-Karabakh authorities")
OUTSIDE = ("mediator", "not a party")
#: The only kind of words shown as the speaker's own.
DIRECT = "direct speech"
ORDER = ("Rows are ordered by the date the page gives, earliest first; rows with no date follow, in the "
         "alphabetical order of the speaker. The order is the same for every party, so that no side has the last "
         "word by design.")
#: What an act's text does, where it speaks to what the parties must do.
ACT_DEMANDS = ("demands", "condemns", "calls for")
#: Kinds of act_statements rows shown for each point the acts speak to.
ACT_KINDS = {POINTS[2]: ("names territory", "describes") + ACT_DEMANDS, POINTS[3]: ("names territory",) + ACT_DEMANDS,
             POINTS[4]: ("vote", "records", "demands")}
#: Which act each of those points reads: the 1993 resolutions, or 62/243.
ACT_YEARS = {POINTS[2]: (1993, 2008), POINTS[3]: (1993,), POINTS[4]: (2008,)}


def _check_point(point: str) -> None:
    check_name(point, POINTS, "point", "POINTS")


def _in_order(rows: pd.DataFrame) -> pd.DataFrame:
    """ORDER: by date, earliest first, then the undated rows by speaker."""
    return rows.assign(_undated=rows["date_start"].isna()).sort_values(
        ["_undated", "date_start", "speaker", "position_id"], kind="stable").drop(columns="_undated")


def _words_kind(speech: pd.Series, notes: pd.Series) -> list[str]:
    """'their own words (direct speech)', or 'the report's words (indirect speech): <note>'."""
    return [f"their own words ({kind})" if kind == DIRECT else
            f"the report's words, not theirs ({kind})" + (f": {note}" if isinstance(note, str) and note else "")
            for kind, note in zip(speech, notes)]


@checked_frames
def positions_on(point: str, positions: pd.DataFrame | None = None) -> pd.DataFrame:
    """Every party's documented statement on `point` (one of POINTS), by ORDER: who said it, when (as the page
    dates it), the words and what kind of words they are, and where they were read and how."""
    _check_point(point)
    positions = load("positions") if positions is None else positions
    rows = _in_order(positions[positions["point"].eq(point) & positions["party"].isin(PARTIES)])
    return pd.DataFrame({
        "Party": rows["party"],
        "Who, in what role": rows["speaker"] + " (" + rows["role"] + ")",
        "Words": "“" + rows["statement"] + "”",
        "Whose words": _words_kind(rows["speech"], rows["note"]),
        "Date": _dates(rows),
        "Source": title_and_reading(rows["source_id"]),
    }).set_index("Party")


def _dates(rows: pd.DataFrame) -> list[str]:
    return [label if precision != "unknown" else f"not given: {note}" for label, precision, note in
            zip(date_labels(rows), rows["date_precision"], rows["date_note"])]


@checked_frames
def not_read(point: str, positions: pd.DataFrame | None = None) -> list[str]:
    """The parties of whom no statement on `point` was read (which never means that they made none)."""
    _check_point(point)
    positions = load("positions") if positions is None else positions
    spoke = set(positions.loc[positions["point"].eq(point), "party"])
    return [party for party in PARTIES if party not in spoke]


@checked_frames
def in_brief(point: str, positions: pd.DataFrame | None = None) -> str:
    """How many statements the data holds on `point`, whose, how many are the speaker's own words, how many were
    read only second-hand, which party has none read, and how many records from outside the parties stand
    beside them."""
    _check_point(point)
    positions = load("positions") if positions is None else positions
    rows = positions[positions["point"].eq(point) & positions["party"].isin(PARTIES)]
    parties = rows["party"].value_counts().reindex(PARTIES).dropna().astype(int)
    status = rows["source_id"].map(load("sources").set_index("source_id")["status"])
    direct = int(rows["speech"].eq(DIRECT).sum())
    outside = outside_records(point)
    records = (f"{len(outside)} passages of records from outside the parties are set beside them"
               if len(outside) else "no record from outside the parties in the data speaks to this point")
    missing = not_read(point, positions)
    named = [f"the {party}" if party.startswith("de facto") else party for party in missing]
    silence = (" No statement of " + " or of ".join(named) + " on this point was read here; that is not to say "
               "that none was made." if missing else "")
    return (f"{len(rows)} statements of the parties on {point}: "
            + ", ".join(f"{party} {count}" for party, count in parties.items())
            + f"; {direct} of them in the speaker's own words (direct speech), "
            + f"{int(status.eq('second-hand').sum())} read only second-hand. {records[0].upper()}{records[1:]}."
            + silence)


@checked_frames
def district_names(positions: pd.DataFrame | None = None) -> pd.DataFrame:
    """The names the statements in the data use for the districts around Nagorno-Karabakh, each with whose
    statement it is in."""
    positions = load("positions") if positions is None else positions
    named = positions.dropna(subset=["term_used"]).assign(term=lambda rows: rows["term_used"].str.split(";"))
    named = named.explode("term")
    named["order"] = named["party"].map((PARTIES + OUTSIDE).index)
    named = named.sort_values(["order", "position_id"], kind="stable")
    return pd.DataFrame({"Name used": "“" + named["term"] + "”", "Party": named["party"],
                         "In the words of": named["speaker"]}).set_index("Name used")


def outside_records(point: str) -> pd.DataFrame:
    """What records from outside the parties in the data say on `point`, by ORDER: the findings and statements of
    bodies that are not parties (Human Rights Watch, Memorial, the Council of Europe, the UN, the mediators, the
    committees whose texts the compilation carries), and, on the districts and the resolutions, the Security
    Council's and the General Assembly's texts as the copies read give them, each with the kind of words it is.
    Empty where the data holds none."""
    _check_point(point)
    positions = load("positions")
    found = _in_order(positions[positions["point"].eq(point) & positions["party"].isin(OUTSIDE)])
    records = [records_table(found["speaker"] + " (" + found["role"] + ")", found["statement"],
                        _words_kind(found["speech"], found["note"]), found["source_id"])]
    if point in ACT_KINDS:
        records.append(act_passages(ACT_KINDS[point], ACT_YEARS[point]))
    return pd.concat(records)
