"""The figures for Khojaly: those killed by group as one section states them (the remainder derived, with its
arithmetic), and the figures other publications give, each as worded, with its source."""

import pandas as pd

from ..data.figure_words import figure_text, range_text
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
        "As stated": [figure_text(row) for _, row in data.iterrows()],
        "Caveat": data["caveat"],
        "How it was read": data["how_read"],
        "Measure": data["measure"] + data["group"].map(lambda group: "" if group == "all" else f" ({group})"),
        "Wording": data["wording"],
        "Source": data["source"],
        "Address": data["address"],
    }).set_index("Who, when")


def published_range(estimates: pd.DataFrame | None = None) -> str:
    """The range of the figures other publications give for those killed (all groups), each end printed whole
    (figure_text) with whose it is: 'from at least 161 (Human Rights Watch, 1993 (attribution probable)) to as
    many as 500–1,000 (Human Rights Watch, 1994, footnote 28)'."""
    estimates = load("death_toll_estimates") if estimates is None else estimates
    killed = estimates[estimates["measure"].eq("killed") & estimates["group"].eq("all")]
    return range_text(killed, described=lambda row: f"{figure_text(row)} ({row['label']})")
