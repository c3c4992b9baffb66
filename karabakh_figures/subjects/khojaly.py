"""The figures for Khojaly: those killed by group as one section states them (the remainder derived, with its
arithmetic), and the figures other publications give, each as worded, with its source."""

import pandas as pd

from ..data.loading import load
from ..data.names import check_name, checked_frames
from ..data.words import formatted
from .sources import how_read, source_addresses


@checked_frames
def killed_by_group(figures: pd.DataFrame | None = None, source_id: str = "khojaly-narrative") -> pd.DataFrame:
    """Those killed by group as one source states them, with the remainder derived from its total."""
    figures = load("khojaly_figures") if figures is None else figures
    stating = figures.loc[figures["measure"].eq("killed") & figures["group"].ne("all"), "source_id"].unique()
    check_name(source_id, stating, "source_id", "the source_ids of khojaly_figures that give those killed by group")
    killed = figures[figures["measure"].eq("killed") & figures["source_id"].eq(source_id)
                     & figures["qualifier"].eq("exact")]
    total = killed.loc[killed["group"].eq("all"), "value"].item()
    groups = killed[~killed["group"].eq("all")]
    remainder = total - groups["value"].sum()
    arithmetic = f"{formatted(total)} − " + " − ".join(formatted(value) for value in groups["value"]) + \
        f" = {formatted(remainder)}"
    table = pd.DataFrame({"group": list(groups["group"]) + ["not in these groups (derived)"],
                          "killed": list(groups["value"]) + [remainder],
                          "kind": ["stated"] * len(groups) + ["derived"],
                          "arithmetic": [""] * len(groups) + [arithmetic]})
    table["share_pct"] = table["killed"] / total * 100
    return table


@checked_frames
def estimate_data(estimates: pd.DataFrame | None = None) -> pd.DataFrame:
    """Published figures for those killed in Khojaly (and bodies counted), typed for analysis: low and high as
    numbers with the source's qualifier beside them, the measure and group, the wording, and the source."""
    estimates = load("death_toll_estimates") if estimates is None else estimates
    sources = load("sources").set_index("source_id")
    return estimates.assign(source=estimates["source_id"].map(sources["short_title"]),
                            address=estimates["source_id"].map(source_addresses(sources)),
                            how_read=how_read(estimates["source_id"]).to_numpy())[
        ["label", "qualifier", "low", "high", "measure", "group", "wording", "caveat", "how_read", "source_id",
         "source", "address"]].reset_index(drop=True)


@checked_frames
def estimates_table(estimates: pd.DataFrame | None = None) -> pd.DataFrame:
    """Published figures for those killed in Khojaly (and bodies counted), each as worded, with its source
    (estimate_data, worded)."""
    data = estimate_data(estimates)
    return pd.DataFrame({
        "Who, when": data["label"],
        "As stated": [_range_words(q, low, high) for q, low, high in zip(data["qualifier"], data["low"], data["high"])],
        "Caveat": data["caveat"],
        "How it was read": data["how_read"],
        "Measure": data["measure"] + data["group"].map(lambda group: "" if group == "all" else f" ({group})"),
        "Wording": data["wording"],
        "Source": data["source"],
        "Address": data["address"],
    }).set_index("Who, when")


def _range_words(qualifier: str, low: float, high: float) -> str:
    if qualifier == "as many as":
        return f"as many as {formatted(low)}–{formatted(high)}"
    return _worded(qualifier, low)


def _worded(qualifier: str, number: float) -> str:
    """A number with its source's qualifier: '613', 'at least 161', 'as many as 1,000'."""
    return formatted(number) if qualifier == "exact" else f"{qualifier} {formatted(number)}"


def published_range(estimates: pd.DataFrame | None = None) -> tuple[str, str]:
    """The lowest and the highest figure other publications give for those killed (all groups), each worded as
    its source words it and with whose it is: '161 (Human Rights Watch, 1993 (attribution probable))'."""
    estimates = load("death_toll_estimates") if estimates is None else estimates
    killed = estimates[estimates["measure"].eq("killed") & estimates["group"].eq("all")]
    lowest, highest = killed.loc[killed["low"].idxmin()], killed.loc[killed["high"].idxmax()]
    return (f"{_worded(lowest['qualifier'], lowest['low'])} ({lowest['label']})",
            f"{_worded(highest['qualifier'], highest['high'])} ({highest['label']})")
