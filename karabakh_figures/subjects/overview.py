"""The overview's key figures: one per notebook, as a sentence with its attribution."""

import pandas as pd

from ..data.figure_words import range_text
from ..data.loading import load
from ..data.words import date_label, formatted
from .crosschecks import discrepancies
from .displacement import OUTSIDE, apart, departure_counts, in_numbers
from .international import NOT_NAMED, dates_against_resolutions
from .khojaly import published_range
from .positions import DIRECT, PARTIES, POINTS, outside_records
from .territories import area_totals


def key_figures() -> pd.DataFrame:
    """One key figure per notebook, as a sentence with its attribution, for the overview."""
    territories, figures, recognitions = load("territories"), load("khojaly_figures"), load("recognitions")
    totals = area_totals(territories)
    killed = figures[figures["measure"].eq("killed") & figures["group"].eq("all") & figures["qualifier"].eq("exact")]
    narrative_total = killed.loc[killed["source_id"].eq("khojaly-narrative"), "value"].item()
    dated = recognitions["date_start"].dropna()
    differing = discrepancies(figures)["measure"]
    districts = load("territory_districts")
    first, last = load("control_changes").sort_values("date_start").iloc[[0, -1]].itertuples()
    record = dates_against_resolutions(territories)
    precisions = territories.set_index("territory_id")["date_precision"]
    named = record.dropna(subset=["days"])
    positions = load("positions")
    of_parties = positions[positions["party"].isin(PARTIES)]
    by_party = of_parties["party"].value_counts().reindex(PARTIES).dropna().astype(int)
    with_records = sum(len(outside_records(point)) > 0 for point in POINTS)
    displaced = in_numbers()
    arrivals = departure_counts().query("count_basis == 'arrivals'")
    rows = [
        ("01-territories.ipynb",
         f"{len(territories)} territories listed; their areas sum to {formatted(totals['km2'][0])} km², or "
         f"{formatted(totals['km2'][1])} km² counting Shusha once (derived)."),
        ("02-khojaly-casualties.ipynb",
         f"{formatted(narrative_total)} persons killed, according to the compilation's narrative; the figure "
         f"is stated in {len(killed)} sections; other published figures for those killed run "
         f"{published_range()}."),
        ("03-recognition-timeline.ipynb",
         f"{len(recognitions)} acts reported, {len(dated)} of them dated, {dated.min().year}–{dated.max().year}."),
        ("04-data-notes.ipynb",
         f"{len(differing)} measures on which sections differ ({', '.join(differing)}); "
         f"{len(load('caveats'))} caveats from other sources."),
        ("05-maps.ipynb",
         f"{len(territories)} territories drawn from {districts['shape_name'].nunique()} district features "
         f"({', '.join(sorted(set(districts['match'])))}); the changes of control recorded run from "
         f"{date_label(first.date_start, first.date_end, first.date_precision)} to "
         f"{date_label(last.date_start, last.date_end, last.date_precision)}, according to other sources."),
        ("06-international-record.ipynb",
         f"The compilation's date falls before the Security Council resolution whose text names the territory for "
         f"{int((named['days'] > 0).sum())} of {len(named)} territories ("
         # A date given as a month or a period is read at its latest day: the days are then a least number.
         + "; ".join(f"{name}: {'' if precisions[place] == 'day' else 'at least '}{days:.0f} days"
                     for name, days, place in zip(named["territory"], named["days"], named["territory_id"]))
         + f"; derived); {int(record['named in the text as'].eq(NOT_NAMED).sum())} territories are not named in "
         "the texts read."),
        ("07-contested-claims.ipynb",
         f"{by_party.sum()} documented statements of the parties on {positions['point'].nunique()} contested points ("
         + ", ".join(f"{party} {count}" for party, count in by_party.items())
         + f"), {int(of_parties['speech'].eq(DIRECT).sum())} of them in the speaker's own words (direct speech); "
         f"records from outside the parties stand beside {with_records} of the {len(POINTS)} points."),
        ("08-displacement.ipynb",
         f"{displaced['figures']} published figures of people displaced, in {displaced['groups']} groups, and "
         f"{displaced['other rows']} rows on other people (a population, those who remained, returns, people not "
         f"displaced by the conflict); of the {displaced['figures']}, totals that also count other people: "
         f"{displaced['totals with others']}, counts of a single day: {displaced['one day']}; "
         f"{displaced[OUTSIDE]} are from bodies outside the parties, {displaced['relayed']} of which relay a party's "
         "count. The arrivals in Armenia of 2023, in "
         f"the {len(arrivals)} running counts of arrivals that the sources date: "
         + range_text(arrivals, apart(), described=lambda row: f"{row['label']}") + "."),
    ]
    return pd.DataFrame(rows, columns=["notebook", "key figure"]).set_index("notebook")
