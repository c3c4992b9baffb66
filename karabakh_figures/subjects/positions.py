"""The contested points side by side: each party's documented words, the compilation's own, and what records from
outside the parties say where the data has them. Nothing here weighs one statement against another: rows are
ordered by party and date, and each keeps its speaker, its source and how that source was read."""

import pandas as pd

from ..data.loading import load
from ..data.words import date_labels
from .sources import how_read

#: The points, in the order the notebook takes them (the schema's list).
POINTS = ("who is responsible for the deaths in Khojaly", "whether a corridor was open from Khojaly",
          "what the districts around Nagorno-Karabakh were", "what the 1993 Security Council resolutions demand")
#: The parties in the order every table lists them: the compilation's side first, as the collection's subject.
PARTIES = ("Azerbaijan", "Armenia", "de facto Nagorno-Karabakh authorities", "mediator", "not a party")
#: Estimators of the Khojaly figures who are not parties to the conflict.
OUTSIDE_ESTIMATORS = ("Human Rights Watch", "Memorial Human Rights Centre")
#: What an act's text does, where it speaks to the districts or to what the parties must do.
ACT_DEMANDS = ("demands", "condemns", "calls for")
UN_BODIES = ("UN Security Council", "UN General Assembly")


def positions_on(point: str, positions: pd.DataFrame | None = None) -> pd.DataFrame:
    """Every documented statement on `point`, party by party: who said it, when (as the page dates it), the
    words, and where they were read and how."""
    positions = load("positions") if positions is None else positions
    rows = positions[positions["point"].eq(point)].copy()
    rows["order"] = rows["party"].map(PARTIES.index)
    rows = rows.sort_values(["order", "date_start"], kind="stable")
    return pd.DataFrame({
        "Party": rows["party"],
        "Who, in what role": rows["speaker"] + " (" + rows["role"] + ")",
        "Their words": "“" + rows["statement"] + "”",
        "Date": [label if precision != "unknown" else f"not given: {note}" for label, precision, note in
                 zip(date_labels(rows), rows["date_precision"], rows["date_note"])],
        "Source": _source_and_reading(rows["source_id"]),
    }).set_index("Party")


def in_brief(point: str, positions: pd.DataFrame | None = None) -> str:
    """How many statements the data holds on `point`, whose, how many were read only second-hand, and whether
    records from outside the parties speak to it."""
    positions = load("positions") if positions is None else positions
    rows = positions[positions["point"].eq(point)]
    parties = rows["party"].value_counts().reindex(PARTIES).dropna().astype(int)
    status = rows["source_id"].map(load("sources").set_index("source_id")["status"])
    outside = outside_records(point)
    records = (f"{len(outside)} passages of records from outside the parties are set beside them"
               if len(outside) else "no record from outside the parties in the data speaks to this point")
    return (f"{len(rows)} statements on {point}: " + ", ".join(f"{party} {count}" for party, count in parties.items())
            + f"; {int(status.eq('second-hand').sum())} of them read only second-hand. {records[0].upper()}"
            + f"{records[1:]}.")


def district_names(positions: pd.DataFrame | None = None) -> pd.DataFrame:
    """The names the statements in the data use for the districts around Nagorno-Karabakh, each with whose
    statement it is in."""
    positions = load("positions") if positions is None else positions
    named = positions.dropna(subset=["term_used"]).assign(term=lambda rows: rows["term_used"].str.split(";"))
    named = named.explode("term")
    named["order"] = named["party"].map(PARTIES.index)
    named = named.sort_values(["order", "position_id"], kind="stable")
    return pd.DataFrame({"Name used": "“" + named["term"] + "”", "Party": named["party"],
                         "In the words of": named["speaker"]}).set_index("Name used")


def outside_records(point: str) -> pd.DataFrame:
    """What records from outside the parties in the data say on `point`: Human Rights Watch's and Memorial's
    figures for the deaths in Khojaly; the Security Council's and the General Assembly's texts on the districts
    and on what they demand. Empty where the data holds none."""
    if point == POINTS[0]:
        estimates = load("death_toll_estimates")
        rows = estimates[estimates["estimator"].isin(OUTSIDE_ESTIMATORS)]
        return _records(rows["label"], rows["wording"], rows["source_id"])
    if point in POINTS[2:]:
        statements = load("act_statements")
        acts = load("international_acts").set_index("act_id")
        rows = statements[statements["statement"].isin(ACT_DEMANDS) & statements["act_id"].map(acts["body"]).isin(
            UN_BODIES)]
        if point == POINTS[3]:
            rows = rows[rows["act_id"].map(acts["date_start"]).dt.year.eq(1993)]
        body = rows["act_id"].map(acts["body"]) + ", " + rows["act_id"].map(acts["symbol"]).fillna(rows["act_id"])
        return _records(body, rows["source_quote"], rows["source_id"])
    return _records(pd.Series(dtype=str), pd.Series(dtype=str), pd.Series(dtype=str))


def _records(who: pd.Series, words: pd.Series, source_ids: pd.Series) -> pd.DataFrame:
    return pd.DataFrame({"Record": who.to_numpy(), "Its words": ("“" + words + "”").to_numpy(),
                         "Source": _source_and_reading(source_ids).to_numpy()}).set_index("Record")


def _source_and_reading(source_ids: pd.Series) -> pd.Series:
    """Each source's short title and how it was read: 'NEWS.am (Balasanyan), second-hand; read in media …'."""
    return source_ids.map(load("sources").set_index("source_id")["short_title"]) + ", " + how_read(source_ids)
