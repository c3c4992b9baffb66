"""The contested points side by side: each side's documented words, the compilation's own among them, and what
records from outside the parties say where the data has them. Nothing here weighs one statement against another:
rows follow one rule (ORDER: the sides take turns to open a point, then by date, the undated by speaker) whatever
their side, and each keeps its speaker, what kind of words it is, the report's words around it, every note on it,
its source and how that source was read."""

import pandas as pd

from ..data.loading import load
from ..data.names import check_name, checked_frames
from ..data.words import date_labels
from .international import act_passages, in_quotation_marks, records_table
from .sources import title_and_reading

#: The points, in the order the notebook takes them (the schema's list).
POINTS = ("who is responsible for the deaths in Khojaly", "whether a corridor was open from Khojaly",
          "what the districts around Nagorno-Karabakh were", "what the 1993 Security Council resolutions demand",
          "what General Assembly resolution 62/243 (2008) stands for",
          "why the Armenian population of Nagorno-Karabakh left in 2023")
#: The governments and de facto authorities of the conflict.
GOVERNMENTS = ("Azerbaijan", "Armenia", "de facto Nagorno-Karabakh authorities")
#: Accounts of one side that are no government's: the compilation (no publisher named), party-side sites and a
#: side's news agencies in their own words (a headline); each is counted apart from the governments in every tally.
PARTY_SIDE = ("the compilation", "a site of the Azerbaijani side", "a site of the Armenian side",
              "a news agency of the Azerbaijani side", "a news agency of the Armenian side")
#: Every party value whose words stand in the parties' tables; those outside stand under "records from outside".
PARTIES = GOVERNMENTS + PARTY_SIDE
OUTSIDE = ("mediator", "not a party")
#: The two sides, each with the party values that speak for it, in the order they open the first point.
SIDES = {"the Azerbaijani side": ("Azerbaijan", "the compilation", "a site of the Azerbaijani side",
                                  "a news agency of the Azerbaijani side"),
         "the Armenian side": ("Armenia", "de facto Nagorno-Karabakh authorities", "a site of the Armenian side",
                               "a news agency of the Armenian side")}
#: The only kind of words shown as the speaker's own, and the kind that is the speaker's words in another's words.
DIRECT = "direct speech"
TRANSLATED = "translation by someone else"
ORDER = ("On each point, one side's statements stand first and the other side's after them. The side that opens "
         "takes turns point by point, in the order of the points: " + " opens the first point, ".join(SIDES)
         + " the second, and so on; so across the points neither side opens, or closes, more points than the other. "
         "Within a side, rows are ordered by the date the page gives, earliest first; rows with no date follow, in "
         "the alphabetical order of the speaker. Statements from outside the parties follow the same date rule; the "
         "acts' own passages (the Security Council's and the General Assembly's texts) stand after those "
         "statements, in the order of the acts' dates.")
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
    """By date, earliest first, then the undated rows by speaker."""
    return rows.assign(_undated=rows["date_start"].isna()).sort_values(
        ["_undated", "date_start", "speaker", "position_id"], kind="stable").drop(columns="_undated")


def side_of(party: str) -> str | None:
    """The side a party value speaks for; None for a mediator or a body outside the parties."""
    return next((side for side, parties in SIDES.items() if party in parties), None)


def opening_side(point: str) -> str:
    """ORDER: the side whose statements stand first on `point`; the sides take turns in the order of POINTS."""
    _check_point(point)
    return list(SIDES)[POINTS.index(point) % len(SIDES)]


def _sides_in_turn(rows: pd.DataFrame, point: str) -> pd.DataFrame:
    """ORDER: the opening side's rows, then the other side's, each by date and then the undated by speaker."""
    opening = opening_side(point)
    turn = [opening] + [side for side in SIDES if side != opening]
    blocks = [_in_order(rows[rows["party"].map(side_of).eq(side)]) for side in turn]
    return pd.concat(blocks)


def _whose_words(rows: pd.DataFrame) -> list[str]:
    """Whose words each part of a statement is: 'their own words (direct speech)', 'their words in someone else's
    translation' or 'the report's words, not theirs (<kind>)', and the report's words around them, quoted."""
    shown = []
    for kind, around in zip(rows["speech"], rows["report_words"]):
        words = ("their own words (direct speech)" if kind == DIRECT else
                 "their words in someone else's translation" if kind == TRANSLATED else
                 f"the report's words, not theirs ({kind})")
        shown.append(words + (f"; around them, the report's words: “{around}”" if isinstance(around, str) and around
                              else ""))
    return shown


def _notes(rows: pd.DataFrame) -> pd.Series:
    return rows["note"].fillna("")


@checked_frames
def positions_on(point: str, positions: pd.DataFrame | None = None) -> pd.DataFrame:
    """Every documented statement of either side on `point` (one of POINTS), by ORDER: which party it is (a
    government, the compilation or a party-side site, each its own), who said it, when (as the page dates it), the
    words and whose words each part is, every note on it, and where it was read and how."""
    _check_point(point)
    positions = load("positions") if positions is None else positions
    rows = _sides_in_turn(positions[positions["point"].eq(point) & positions["party"].isin(PARTIES)], point)
    return pd.DataFrame({
        "Party": rows["party"],
        "Who, in what role": rows["speaker"] + " (" + rows["role"] + ")",
        "Words": in_quotation_marks(rows["statement"]),
        "Whose words": _whose_words(rows),
        "Note": _notes(rows),
        "Date": _dates(rows),
        "Source": title_and_reading(rows["source_id"]),
    }).set_index("Party")


@checked_frames
def turns(positions: pd.DataFrame | None = None) -> pd.DataFrame:
    """For every point, the side whose statement stands first and the side whose stands last in positions_on, and
    below them how many points each side opens and closes (the two counts ORDER keeps equal)."""
    ends = []
    for point in POINTS:
        sides = positions_on(point, positions).index.map(side_of)
        ends.append({"point": point, "opens": sides[0], "closes": sides[-1]} if len(sides) else
                    {"point": point, "opens": "", "closes": ""})
    table = pd.DataFrame(ends).set_index("point")
    counts = pd.DataFrame({end: table[end].value_counts().reindex(list(SIDES), fill_value=0) for end in
                           ("opens", "closes")})
    return pd.concat([table, counts.rename(index=lambda side: f"points {side} opens or closes")]).rename_axis("point")


def balanced(turns_table: pd.DataFrame) -> bool:
    """Whether, across the points of `turns_table` (as turns() gives it), each side opens as many points as each
    other side, and closes as many."""
    points = turns_table[turns_table.index.isin(POINTS)]
    return all(points[end].value_counts().reindex(list(SIDES), fill_value=0).nunique() == 1
               for end in ("opens", "closes"))


def _dates(rows: pd.DataFrame) -> list[str]:
    return [label if precision != "unknown" else f"not given: {note}" for label, precision, note in
            zip(date_labels(rows), rows["date_precision"], rows["date_note"])]


@checked_frames
def not_read(point: str, positions: pd.DataFrame | None = None) -> list[str]:
    """The governments and de facto authorities of whom no statement on `point` was read (which never means that
    they made none)."""
    _check_point(point)
    positions = load("positions") if positions is None else positions
    spoke = set(positions.loc[positions["point"].eq(point), "party"])
    return [party for party in GOVERNMENTS if party not in spoke]


@checked_frames
def in_brief(point: str, positions: pd.DataFrame | None = None) -> str:
    """How many statements of either side the data holds on `point`, by party (the governments, the compilation and
    party-side sites each counted apart), how many are the speaker's own words, how many were read only
    second-hand, which government has none read, and how many records from outside the parties stand beside
    them."""
    _check_point(point)
    positions = load("positions") if positions is None else positions
    rows = positions[positions["point"].eq(point) & positions["party"].isin(PARTIES)]
    parties = rows["party"].value_counts().reindex(PARTIES).dropna().astype(int)
    status = rows["source_id"].map(load("sources").set_index("source_id")["status"])
    direct = int(rows["speech"].eq(DIRECT).sum())
    outside, accounts = outside_records(point), compilation_accounts(point)
    records = (f"{len(outside)} passages of records from outside the parties are set beside them"
               if len(outside) else "no record from outside the parties in the data speaks to this point")
    if len(accounts):
        records += f", and {len(accounts)} texts of outside bodies as the compilation gives them"
    missing = not_read(point, positions)
    named = [f"the {party}" if party.startswith("de facto") else party for party in missing]
    silence = (" No statement of " + " or of ".join(named) + " on this point was read here; that is not to say "
               "that none was made." if missing else "")
    return (f"{len(rows)} statements of the two sides on {point}, each party counted apart: "
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
    """What records from outside the parties, read here, say on `point`, in ORDER: the findings and statements of
    bodies that are not parties (Human Rights Watch, Memorial, the Council of Europe, the UN, the mediators), each
    with whose words each part is and every note on it, and, on the districts and the resolutions, the Security
    Council's and the General Assembly's texts as the copies read give them, after the statements. The texts the
    compilation gives of outside bodies are not among them (compilation_accounts). Empty where the data holds none."""
    _check_point(point)
    positions = load("positions")
    found = _in_order(positions[positions["point"].eq(point) & positions["party"].isin(OUTSIDE)
                                & ~positions["in_compilation"]])
    records = [records_table(found["speaker"] + " (" + found["role"] + ")", found["statement"], _whose_words(found),
                             found["source_id"], _notes(found))]
    if point in ACT_KINDS:
        records.append(act_passages(ACT_KINDS[point], ACT_YEARS[point]))
    return pd.concat(records)


def compilation_accounts(point: str) -> pd.DataFrame:
    """The texts of bodies outside the parties that the data knows only as the compilation gives them (the Czech
    and Pakistani committees), on `point`: the compilation's account of them, not records read here, each with
    what was read beside it of the act it belongs to (the caveats on that act: the Czech foreign ministry's "no
    relevance to the policy of the Ministry"). Empty where the compilation gives none."""
    _check_point(point)
    positions = load("positions")
    found = _in_order(positions[positions["point"].eq(point) & positions["party"].isin(OUTSIDE)
                                & positions["in_compilation"]])
    acts = load("recognitions").groupby("source_id")["recognition_id"].agg(list)
    caveats = load("caveats").query("table == 'recognitions'").groupby("row_id")["caveat"].agg(list)
    beside = [" ".join(caveat for act in acts.get(source_id, []) for caveat in caveats.get(act, []))
              for source_id in found["source_id"]]
    table = records_table(found["speaker"] + " (" + found["role"] + ")", found["statement"],
                          ["the compilation's account of their text, not read elsewhere"] * len(found),
                          found["source_id"], _notes(found))
    return table.assign(**{"Read beside it": beside})
