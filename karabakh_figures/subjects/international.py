"""The compilation's dates beside the international record: the acts of bodies outside the parties, what their
texts name, and the captures Human Rights Watch dated in 1993. Every comparison is computed from the data, with
its arithmetic; a territory no text read names says so, never an inferred match."""

import pandas as pd

from ..data.loading import load
from ..data.names import check_name, checked_frames
from ..data.words import date_label, date_labels, formatted, written_date
from .sources import title_and_reading

NOT_NAMED = "not named in the texts read"
NOT_LISTED = "not in the compilation's list"


#: The columns of act_statements that count a vote, with the words for each.
VOTE_COLUMNS = {"votes_for": "in favour", "votes_against": "against", "votes_abstaining": "abstaining",
                "votes_absent": "absent"}


@checked_frames
def act_data(acts: pd.DataFrame | None = None, statements: pd.DataFrame | None = None) -> pd.DataFrame:
    """Every act in date order, typed for analysis: its dates as dates, the meeting's number and each vote count
    as numbers (the first vote its pages give; empty where none), and the territories its text names, as
    written."""
    acts = load("international_acts") if acts is None else acts
    statements = load("act_statements") if statements is None else statements
    meeting = statements[statements["statement"].eq("meeting")].groupby("act_id")["meeting"].first()
    votes = statements[statements["statement"].eq("vote")].groupby("act_id")[list(VOTE_COLUMNS)].first()
    names = _as_written(statements[statements["statement"].eq("names territory")]).groupby("act_id").agg("; ".join)
    ordered = acts.sort_values("date_start", kind="stable").reset_index(drop=True)
    return ordered.assign(act=ordered["symbol"].fillna(ordered["kind"]), meeting=ordered["act_id"].map(meeting),
                          **{column: ordered["act_id"].map(votes[column]).astype("Int64") for column in VOTE_COLUMNS},
                          names=ordered["act_id"].map(names))[
        ["act_id", "act", "kind", "body", "date_start", "date_end", "date_precision", "meeting", *VOTE_COLUMNS,
         "names"]]


@checked_frames
def acts_table(acts: pd.DataFrame | None = None, statements: pd.DataFrame | None = None) -> pd.DataFrame:
    """Every act in date order: its body, symbol, date, meeting and vote as the pages read give them, and the
    territories its text names, as written (act_data, worded, with every vote its pages give)."""
    statements = load("act_statements") if statements is None else statements
    data = act_data(acts, statements)
    votes = statements[statements["statement"].eq("vote")]
    voted = pd.Series([_vote_words(row) for row in votes.itertuples()], index=votes.index).groupby(
        votes["act_id"]).agg("; ".join)
    return pd.DataFrame({
        "Act": data["act"],
        "Body": data["body"],
        "Date": date_labels(data),
        # A meeting's number is an identifier, written without a thousands separator.
        "Meeting": data["meeting"].map(lambda number: f"{number:.0f}" if pd.notna(number) else ""),
        "Vote": data["act_id"].map(voted).fillna(""),
        "Names": data["names"].fillna(data["kind"].map({"resolution": "no district in the passages read"})).fillna(""),
    }).set_index("Act")


def _vote_words(row) -> str:
    """A vote worded whole, every count its page gives ('39 in favour, 7 against, 100 abstaining'), then the page's
    own words for it."""
    counts = [f"{getattr(row, column):.0f} {label}" for column, label in VOTE_COLUMNS.items()
              if pd.notna(getattr(row, column))]
    worded = f"“{row.wording}”" if isinstance(row.wording, str) else ""
    return f"{', '.join(counts)} (as worded: {worded})" if counts and worded else ", ".join(counts) or worded


#: The kinds of an act's words that are the act's own; the others (a paraphrase, a press release's summary, a table
#: of facts) are a third party's words about it.
ACT_OWN_WORDS = ("the act's text (a copy)", "a translation of the act's text")
#: The act's words in quotation marks inside a third party's sentence ('called “for …”'): the quoted words are the
#: act's, the rest the third party's.
ACT_WORDS_QUOTED = "the act's words quoted by a third party"
#: What an act's passage does, where it speaks to the districts, to the forces or to what the parties must do.
PASSAGE_KINDS = ("names territory", "describes", "demands", "condemns", "calls for", "vote", "records")
UN_BODIES = ("UN Security Council", "UN General Assembly")


def act_passages(kinds: tuple[str, ...] = PASSAGE_KINDS, years: tuple[int, ...] = (1993, 2008),
                 bodies: tuple[str, ...] | None = UN_BODIES) -> pd.DataFrame:
    """The passages of `kinds` in acts of `years` by `bodies` (None: every body), in date order, each in the words
    read, with whether those words are the act's own or a third party's, and the source and how it was
    read, and every note on it (a passage several rows record stands once): among them resolution 822's words on
    who took Kalbajar, 884's call on the Government of Armenia, the states voting against 62/243 and what 62/243
    says beyond the districts."""
    statements = load("act_statements")
    acts = load("international_acts").set_index("act_id")
    by_body = statements["act_id"].map(acts["body"]).isin(bodies) if bodies else True
    rows = statements[statements["statement"].isin(kinds) & by_body
                      & statements["act_id"].map(acts["date_start"]).dt.year.isin(years)]
    # One passage is printed once, though it names two places (884's district of Zanguelan and town of Goradiz).
    rows = rows.drop_duplicates(subset=["act_id", "source_id", "source_quote"])
    rows = rows.assign(_date=rows["act_id"].map(acts["date_start"])).sort_values("_date", kind="stable")
    # A passage that several rows record (two places one sentence names) is shown once, with every row's note.
    rows = rows.assign(note=rows["note"].fillna("")).groupby(["act_id", "source_quote"], sort=False,
                                                             as_index=False).agg(
        {"words_kind": "first", "source_id": "first", "note": lambda notes: " ".join(filter(None, notes))})
    # An act without a symbol is named by its kind and date, not by its id.
    named = acts["symbol"].fillna(acts["kind"] + " of " + pd.Series(date_labels(acts.reset_index()), index=acts.index))
    body = rows["act_id"].map(acts["body"]) + ", " + rows["act_id"].map(named)
    return records_table(body, rows["source_quote"], [_whose_words(kind) for kind in rows["words_kind"]],
                         rows["source_id"], rows["note"])


def _whose_words(kind: str) -> str:
    """Whose an act's passage is: the act's own, the act's inside the quotation marks and a third party's around
    them, or a third party's."""
    if kind in ACT_OWN_WORDS:
        return f"the act's own words ({kind})"
    if kind == ACT_WORDS_QUOTED:
        return "the act's own words inside the quotation marks; the words around them are the third party's"
    return f"not the act's words ({kind})"


def records_table(who: pd.Series, words: pd.Series, kinds: list[str], source_ids: pd.Series,
                  notes: pd.Series) -> pd.DataFrame:
    """A record's words as the collection shows them: who, the words in quotation marks, whose words they are, every
    note on them, and the source with how it was read."""
    return pd.DataFrame({"Record": who.to_numpy(), "Words": in_quotation_marks(words).to_numpy(), "Whose words": kinds,
                         "Note": notes.to_numpy(), "Source": title_and_reading(source_ids).to_numpy()}
                        ).set_index("Record")


#: Marks a quotation opens with: words that open with one are shown as the page has them, not quoted twice.
_OPENING_MARKS = ("“", '"', "«", "„")


def in_quotation_marks(words: pd.Series) -> pd.Series:
    """Words in quotation marks, unless the page's own marks open them ('“We are talking …,”' stays as it is)."""
    return words.map(lambda text: text if text.startswith(_OPENING_MARKS) else f"“{text}”")


def _as_written(passages: pd.DataFrame) -> pd.Series:
    """Each passage's words in quotation marks with the language read, by act: “the Kelbadjar district” (English)."""
    return ("“" + passages["wording"] + "” (" + passages["language"] + ")").set_axis(passages["act_id"])


@checked_frames
def dates_against_resolutions(territories: pd.DataFrame | None = None, acts: pd.DataFrame | None = None,
                              statements: pd.DataFrame | None = None) -> pd.DataFrame:
    """For every territory of the compilation, and every other place a resolution names: the resolutions whose
    text names it, and whether the compilation's date falls before the resolution's, by how many days (derived:
    the resolution's date less the latest date the compilation's wording allows)."""
    territories = load("territories") if territories is None else territories
    acts = load("international_acts") if acts is None else acts
    statements = load("act_statements") if statements is None else statements
    named = statements[statements["statement"].eq("names territory")].merge(
        acts[["act_id", "symbol", "date_start"]], on="act_id")
    rows = []
    for territory in territories.sort_values(["date_end", "date_start"], kind="stable").itertuples():
        compiled = date_label(territory.date_start, territory.date_end, territory.date_precision)
        naming = named[named["territory_id"].eq(territory.territory_id)]
        if naming.empty:
            rows.append(_comparison(territory.name, compiled, NOT_NAMED))
        for (symbol, resolution_date), passages in naming.groupby(["symbol", "date_start"], sort=False):
            days = (resolution_date - territory.date_end).days
            # A month or a period is read at its latest day, never as that day: the days are then a least number.
            latest = ("" if territory.date_precision == "day"
                      else f" (its latest day, {written_date(territory.date_end)})")
            rows.append(_comparison(
                territory.name, compiled, "; ".join(_as_written(passages)), symbol, written_date(resolution_date),
                f"{written_date(resolution_date)} − {compiled}{latest} = {'' if not latest else 'at least '}"
                f"{formatted(days)} days",
                "yes" if days > 0 else "no", days, territory.territory_id, resolution_date))
    for (symbol, resolution_date, wording), passages in named[named["territory_id"].isna()].groupby(
            ["symbol", "date_start", "wording"], sort=False):
        rows.append(_comparison(wording, NOT_LISTED, "; ".join(_as_written(passages)), symbol,
                                written_date(resolution_date)))
    return pd.DataFrame(rows)


def _comparison(place: str, compiled: str, named_as: str, resolution: str = "", resolution_date: str = "",
                arithmetic: str = "", before: str = "", days=None, territory_id=None, act_date=None) -> dict:
    """One row of the comparison; `days`, `territory_id` and `act_date` are for charts, not for reading."""
    return {"territory": place, "compilation's date": compiled, "named in the text as": named_as,
            "resolution": resolution, "resolution's date": resolution_date,
            "days from the compilation's date to the resolution (derived)": arithmetic,
            "compilation's date before the resolution": before, "days": days, "territory_id": territory_id,
            "act_date": act_date}


@checked_frames
def report_date_data(territories: pd.DataFrame | None = None, captures: pd.DataFrame | None = None) -> pd.DataFrame:
    """For every town Human Rights Watch dates in 1993, typed for analysis: the report's dates and the compilation's
    for the territory of that name (dates as dates, with each precision), and whether the compilation's range of
    dates lies within the report's (a boolean; empty for a town not in the compilation's list). The report gives
    most of these towns only a year: a day within it is consistent, not confirmed."""
    territories = load("territories") if territories is None else territories
    captures = load("reported_captures") if captures is None else captures
    listed = territories.set_index("territory_id")
    data = captures.reset_index(drop=True)
    data = data.assign(place=data["place_as_written"].str.replace(";", " / "),
                       territory=data["territory_id"].map(listed["name"]),
                       compilation_date_start=data["territory_id"].map(listed["date_start"]),
                       compilation_date_end=data["territory_id"].map(listed["date_end"]),
                       compilation_date_precision=data["territory_id"].map(listed["date_precision"]))
    data["within_report"] = (data["date_start"].le(data["compilation_date_start"])
                     & data["compilation_date_end"].le(data["date_end"])).astype("boolean")
    data.loc[data["territory_id"].isna(), "within_report"] = pd.NA
    return data[["place", "territory_id", "territory", "date_start", "date_end", "date_precision",
                 "compilation_date_start", "compilation_date_end", "compilation_date_precision", "within_report",
                 "note"]]


@checked_frames
def dates_against_report(territories: pd.DataFrame | None = None,
                         captures: pd.DataFrame | None = None) -> pd.DataFrame:
    """For every town Human Rights Watch dates in 1993: the report's date at its precision beside the
    compilation's date for the territory of that name, and whether the compilation's range of dates lies within the
    report's (report_date_data, worded). The report gives most of these towns only a year: a day within it is
    consistent, not confirmed."""
    data = report_date_data(territories, captures)
    compiled = [date_label(start, end, precision) if pd.notna(precision) else "" for start, end, precision in
                zip(data["compilation_date_start"], data["compilation_date_end"], data["compilation_date_precision"])]
    return pd.DataFrame({
        "town (as the report spells it)": data["place"],
        "territory": data["territory"].fillna(NOT_LISTED),
        "report's date": [f"{reported} ({precision})" for reported, precision in
                          zip(date_labels(data), data["date_precision"])],
        "compilation's date": compiled,
        "compilation's date within the report's": data["within_report"].map({True: "yes", False: "no"},
                                                              na_action="ignore").fillna(""),
        "note": data["note"],
    })


def record_checks() -> pd.DataFrame:
    """The two checks of the compilation's dates against the record, counted, for the data notes."""
    resolutions = dates_against_resolutions()
    compared = resolutions[resolutions["days"].notna()]
    report = dates_against_report()
    dated = report[report["compilation's date within the report's"].ne("")]
    unnamed = int(resolutions["named in the text as"].eq(NOT_NAMED).sum())
    return pd.DataFrame([
        {"check": "the compilation's date falls before the resolution that names the territory",
         "holds": int(compared["compilation's date before the resolution"].eq("yes").sum()), "of": len(compared),
         "not compared": f"{unnamed} territories {NOT_NAMED}"},
        {"check": "the compilation's date falls within Human Rights Watch's (a year, or a day), which confirms no day",
         "holds": int(dated["compilation's date within the report's"].eq("yes").sum()), "of": len(dated),
         "not compared": f"{len(report) - len(dated)} town {NOT_LISTED}"},
    ]).set_index("check")


@checked_frames
def act_votes(statements: pd.DataFrame | None = None, act_id: str = "unga-62-243") -> pd.DataFrame:
    """An act's vote, one row per way of voting, each count with the source that gives it and, against, the
    members named."""
    statements = load("act_statements") if statements is None else statements
    voted = statements.loc[statements["statement"].eq("vote"), "act_id"].unique()
    check_name(act_id, voted, "act_id", "the act_ids of act_statements with a vote")
    sources = load("sources").set_index("source_id")["short_title"]
    rows = statements[statements["act_id"].eq(act_id) & statements["statement"].eq("vote")]
    counted = []
    for column, label in VOTE_COLUMNS.items():
        for row in rows[rows[column].notna()].itertuples():
            counted.append({"vote": label, "members": int(getattr(row, column)),
                            "named": row.named.replace(";", ", ") if column == "votes_against" and pd.notna(row.named)
                            else "", "source": sources[row.source_id]})
    return pd.DataFrame(counted)
