"""The acts the compilation reports: in date order, with the words each uses for the events and whose words
they are, what other sources say of them, and counted by year, level of body and term."""

import pandas as pd

from ..data.loading import load
from ..data.names import checked_frames
from ..data.words import date_labels


@checked_frames
def by_date(table: pd.DataFrame) -> pd.DataFrame:
    """Rows in date order; rows without a date last, in file order."""
    return table.sort_values(["date_start", "date_end"], kind="stable", na_position="last").reset_index(drop=True)


@checked_frames
def recognition_data(recognitions: pd.DataFrame | None = None) -> pd.DataFrame:
    """Every act, sorted by date, typed for analysis: its dates as dates (date_start, date_end, date_precision),
    its body, level and place, the terms it uses as a list (empty where it uses none) with whose words they are,
    and what other sources say of it."""
    recognitions = by_date(load("recognitions") if recognitions is None else recognitions)
    return recognitions.assign(
        place=recognitions["subdivision"].fillna(recognitions["country"]).fillna("international"),
        terms=recognitions["terms"].str.split(";").map(lambda terms: terms if isinstance(terms, list) else []),
        other_sources_say=recognitions["recognition_id"].map(_other_sources_say()).fillna(""),
    )[["recognition_id", "label", "date_start", "date_end", "date_precision", "body", "body_level", "place",
       "instrument", "instrument_ref", "subject", "terms", "terms_basis", "other_sources_say"]]


@checked_frames
def recognition_table(recognitions: pd.DataFrame | None = None) -> pd.DataFrame:
    """Every act, sorted by date, with what other sources say of it beside it, the words it uses for the events and
    whose words they are (recognition_data, worded)."""
    data = recognition_data(recognitions)
    terms = [f"{', '.join(terms)} ({basis})" if terms else "none given"
             for terms, basis in zip(data["terms"], data["terms_basis"])]
    return pd.DataFrame({
        "Date": date_labels(data),
        "Act": data["label"],
        "Other sources say": data["other_sources_say"],
        "Terms used": terms,
        "Body (as named in the compilation)": data["body"],
        "Level of body": data["body_level"],
        "Country or state": data["place"],
        # An act's title or number as the compilation gives it, in quotation marks: a title such as "On aggression
        # of …" is the act's words, never ours.
        "Instrument": data["instrument"] + data["instrument_ref"].map(
            lambda ref: f" (“{ref}”)" if pd.notna(ref) else "", na_action=None),
        "Subject": data["subject"].str.replace(";", ", "),
    })


def _other_sources_say() -> pd.Series:
    caveats = load("caveats")
    sources = load("sources").set_index("source_id")["short_title"]
    said = caveats[caveats["table"].eq("recognitions")]
    return (said["caveat"] + " (" + said["source_id"].map(sources) + ")").groupby(said["row_id"]).agg(" / ".join)


def year_of(row_start, precision: str) -> str:
    """The calendar year an item falls in, where the source's wording fixes one."""
    return str(row_start.year) if precision in ("day", "month", "season", "year") else "no date given"


@checked_frames
def recognition_counts(recognitions: pd.DataFrame | None = None) -> dict[str, pd.DataFrame]:
    """Acts counted by year, by level of body and by the terms they use (an act using two terms counts under
    both, so that table sums to more than the number of acts)."""
    recognitions = load("recognitions") if recognitions is None else recognitions
    years = pd.Series([year_of(s, p) for s, p in zip(recognitions["date_start"], recognitions["date_precision"])])
    terms = recognitions["terms"].fillna("none given").str.split(";").explode()
    by_year = _count(years, "Year")
    return {
        "year": by_year.loc[sorted(by_year.index, key=lambda year: (not year.isdigit(), year))],
        "level": _count(recognitions["body_level"], "Level of body"),
        "terms": _count(terms, "Term used"),
    }


def _count(values: pd.Series, name: str) -> pd.DataFrame:
    counts = values.value_counts().rename_axis(name).reset_index(name="Acts")
    return counts.sort_values(["Acts", name], ascending=[False, True], kind="stable").set_index(name)
