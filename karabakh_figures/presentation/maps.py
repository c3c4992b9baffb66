"""Maps of the territories: the district features that draw each, their areas, and what the sources say of
control at a date, drawn from data/geo in the house style.

The boundaries are de jure and coarse (data/geo/README.md): every map carries CAVEATS beside it and the
CC BY-SA credit of the district file in its source line.
"""

import textwrap
from functools import lru_cache
from pathlib import Path

import geopandas as gpd
import matplotlib
import matplotlib.patheffects as path_effects
import pandas as pd
from matplotlib.collections import PatchCollection
from matplotlib.colors import Normalize
from matplotlib.lines import Line2D
from matplotlib.patches import Patch, Rectangle
from matplotlib.transforms import offset_copy
from shapely.geometry import MultiPolygon, box
from shapely.plotting import patch_from_polygon

from ..data.loading import load
from ..data.paths import DISTRICTS_FILE, data_dir
from ..data.place_names import with_both_names
from ..data.words import date_label, date_labels, formatted
from ..subjects.control import CHANGED, LISTED, PART, RULE, STATES, control_state, not_drawn_whole, passed_to
from . import charts, narrow

#: Drawn in UTM zone 38N, the local projection for the South Caucasus.
LOCAL = "EPSG:32638"
#: Areas in a Lambert azimuthal equal-area projection centred on the territories.
EQUAL_AREA = "+proj=laea +lat_0=39.8 +lon_0=46.5 +datum=WGS84 +units=m +no_defs"
CREDIT = "geoBoundaries (from Wikipedia), CC BY-SA 3.0; neighbours: Natural Earth (public domain)"
CAVEATS = [
    "De jure district boundaries (boundary year 2020), coarse: traced from a small map.",
    "No line of contact (1994–2020), no 2020 ceasefire line.",
    "No outline of the former Nagorno-Karabakh Autonomous Oblast: Nagorno-Karabakh is drawn approximately from "
    "Khojaly, Khojavend, Shusha and Khankendi; its northern part lies inside Tartar and Kalbajar districts.",
    "Shusha lies within Nagorno-Karabakh.",
]
#: The sequential scale of the dates the compilation gives, from the start of its period to its last date.
DATE_SCALE = (pd.Timestamp("1988-01-01"), pd.Timestamp("1993-10-31"))
DATE_COLOURS = "cividis"
STATE_COLOURS = {LISTED: charts.OKABE_ITO["orange"], PART: "#FFFFFF", CHANGED: charts.OKABE_ITO["blue"]}
#: Drawn hatched: a territory where a change of part is recorded and the rest is not dated by the sources here.
HATCHED = (PART,)
OTHER_DISTRICTS, NEIGHBOURS, EDGES = "#EDEDED", "#D4D4D4", "#FFFFFF"
#: The finest detail a map keeps, in metres: a fifth of a pixel of the largest map drawn (about 1 km a pixel at
#: 150 dpi), so that the simplified outline looks the same and its SVG stays light.
DRAWN_METRES = 500
_HALO = [path_effects.withStroke(linewidth=2.5, foreground="white")]


def districts() -> gpd.GeoDataFrame:
    """Azerbaijan's district and city features (validated with the data package), in the local projection."""
    load("territory_districts")  # validates the package, the map files' checksums included
    return gpd.read_file(data_dir() / DISTRICTS_FILE).to_crs(LOCAL)


def neighbours() -> gpd.GeoDataFrame:
    """The neighbouring countries, in the local projection (read once for every map of a notebook)."""
    return _neighbours(data_dir())


@lru_cache(maxsize=2)
def _neighbours(folder: Path) -> gpd.GeoDataFrame:
    return gpd.read_file(folder / "geo" / "neighbours.geojson").to_crs(LOCAL)


def territory_shapes(features: gpd.GeoDataFrame | None = None) -> gpd.GeoDataFrame:
    """One shape per territory of the compilation: the union of the features territory_districts.csv names,
    with the territory's name, dates, listed area and how well the features match."""
    features = districts() if features is None else features
    join = load("territory_districts")
    territories = load("territories")
    pieces = features.merge(join, left_on="shapeName", right_on="shape_name")
    shapes = pieces.dissolve(by="territory_id",
                             aggfunc={"match": "first", "shape_name": lambda names: " + ".join(names)})
    shapes = shapes.reset_index().merge(territories, on="territory_id")
    # A territory within another (Shusha within Nagorno-Karabakh) comes after it, so that it is drawn on top.
    order = territories.sort_values(["date_end", "date_start"], kind="stable")
    order = order.sort_values("within", na_position="first", kind="stable")["territory_id"].tolist()
    return shapes.set_index("territory_id").loc[order].reset_index()


def mapped_areas(shapes: gpd.GeoDataFrame | None = None) -> pd.DataFrame:
    """Each territory's area computed from its polygons in an equal-area projection, beside the area the
    compilation states, and their ratio (derived): a check of the map, not of the compilation."""
    shapes = territory_shapes() if shapes is None else shapes
    mapped = shapes.to_crs(EQUAL_AREA).area / 1e6
    ratio = mapped / shapes["area_km2"].astype(float)
    return pd.DataFrame({
        "territory": shapes["name"],
        "features": shapes["shape_name"],
        "match": shapes["match"],
        "area on the map (km², derived)": mapped.map(formatted),
        "area in the compilation (km²)": shapes["area_km2"].map(formatted),
        "ratio (derived)": [f"{formatted(m)} ÷ {formatted(s)} = {r:.2f}"
                            for m, s, r in zip(mapped, shapes["area_km2"], ratio)],
    }).assign(ratio=ratio.round(3).to_numpy())


def zoom_bounds(shapes: gpd.GeoDataFrame, margin: float = 12_000) -> tuple[float, float, float, float]:
    xmin, ymin, xmax, ymax = shapes.total_bounds
    return xmin - margin, xmax + margin, ymin - margin, ymax + margin


def draw_context(axes, features: gpd.GeoDataFrame, bounds, names: bool = True) -> None:
    """The neighbours as grey ground (the coarse country borders leave gaps, so the ground is theirs too), the
    other districts in light grey, and the frame set to `bounds` (x0, x1, y0, y1)."""
    frame = box(bounds[0], bounds[2], bounds[1], bounds[3])
    countries = neighbours()
    axes.set_facecolor(NEIGHBOURS)
    # Only what the frame shows is drawn: a district outside it would still be written, vertex by vertex, into the
    # SVG. A margin keeps the clipped edges themselves outside the frame.
    shown = frame.buffer(5_000)
    draw_shapes(axes, countries.geometry.intersection(shown), facecolor="none", edgecolor=EDGES, linewidth=0.8)
    draw_shapes(axes, features.geometry.intersection(shown), facecolor=OTHER_DISTRICTS, edgecolor=EDGES,
                linewidth=0.6)
    if names:
        for country in countries.itertuples():
            visible = country.geometry.intersection(frame).buffer(-15_000)
            if not visible.is_empty:
                point = visible.representative_point()
                axes.text(point.x, point.y, country.name, fontsize=8, color=charts.TEXT_GREY, ha="center",
                          style="italic")
    axes.set_xlim(bounds[0], bounds[1])
    axes.set_ylim(bounds[2], bounds[3])
    axes.set_xticks([])
    axes.set_yticks([])
    axes.set_aspect("equal")
    axes.grid(False)
    for spine in axes.spines.values():
        spine.set_visible(False)


def draw_shapes(axes, geometries, **style) -> None:
    """Polygons as one matplotlib collection, simplified to the resolution drawn (DRAWN_METRES). geopandas' own
    plot redraws the whole figure after every call, and a patch added on its own has its every vertex walked to
    update the data limits, which each map sets."""
    polygons = [_polygonal(geometry) for geometry in geometries if geometry is not None and not geometry.is_empty]
    patches = [patch_from_polygon(polygon.simplify(DRAWN_METRES, preserve_topology=True)) for polygon in polygons
               if not polygon.is_empty]
    axes.add_collection(PatchCollection(patches, **style), autolim=False)


def _polygonal(geometry):
    """The polygons of a geometry: a clipped shape can come with the lines and points where it touches the clip."""
    if geometry.geom_type in ("Polygon", "MultiPolygon"):
        return geometry
    pieces = [piece for piece in getattr(geometry, "geoms", []) if piece.geom_type in ("Polygon", "MultiPolygon")]
    return MultiPolygon([part for piece in pieces for part in getattr(piece, "geoms", [piece])])


def date_colour(date: pd.Timestamp):
    scale = Normalize(DATE_SCALE[0].value, DATE_SCALE[1].value)
    return matplotlib.colormaps[DATE_COLOURS](scale(date.value))


def draw_territories_by_date(axes, shapes: gpd.GeoDataFrame) -> None:
    """Each territory filled by the date the compilation gives; Nagorno-Karabakh, dated by a period, hatched in
    the colours of its start and end; each labelled with its name and date."""
    for shape in shapes.itertuples():
        if shape.date_precision == "day":
            draw_shapes(axes, [shape.geometry], facecolor=date_colour(shape.date_start), edgecolor="white",
                        linewidth=0.8)
        else:
            draw_shapes(axes, [shape.geometry], facecolor=date_colour(shape.date_start),
                        edgecolor=date_colour(shape.date_end), hatch="///", linewidth=0.8)


def label_territories(axes, shapes: gpd.GeoDataFrame, texts: list[str], offsets: dict[str, tuple[int, int]],
                      numbered: bool = True) -> None:
    """A label per territory at a point inside it (or moved by `offsets`, in points, with a leader line); on a
    phone, where the names would run into each other, a number, with a key under the map (unless not `numbered`:
    a few names apart)."""
    others = shapes.set_index("territory_id")
    labels = []
    for shape, text in zip(shapes.itertuples(), texts):
        geometry = shape.geometry
        if shape.territory_id == "nagorno-karabakh":  # label the part that Shusha does not cover
            geometry = geometry.difference(others.loc["shusha", "geometry"])
        point = geometry.representative_point()
        offset = offsets.get(shape.territory_id, (0, 0))
        labels.append(axes.annotate(
            text, (point.x, point.y), xytext=offset, textcoords="offset points", ha="center", va="center", fontsize=8,
            path_effects=_HALO,
            arrowprops={"arrowstyle": "-", "color": charts.TEXT_GREY, "linewidth": 0.6} if offset != (0, 0) else None))
    if numbered:
        narrow.numbered_on_a_phone(axes, labels)


def mark_partial(axes, shapes: gpd.GeoDataFrame, territory_ids: list[str]) -> None:
    """A dashed outline around districts that a source other than the compilation gives as only partly occupied."""
    partial = shapes[shapes["territory_id"].isin(territory_ids)]
    draw_shapes(axes, partial.geometry, facecolor="none", edgecolor="black", linewidth=1.4, linestyle=(0, (3, 2)))


def date_scale_bar(axes, shapes: gpd.GeoDataFrame) -> None:
    """The colour scale of the dates, with Nagorno-Karabakh's period bracketed on it."""
    axes.imshow([[value for value in range(256)]], aspect="auto", cmap=DATE_COLOURS,
                extent=(DATE_SCALE[0].value, DATE_SCALE[1].value, 0, 1))
    years = pd.date_range("1988-01-01", "1993-01-01", freq="YS")
    axes.set_xticks([year.value for year in years], [str(year.year) for year in years])
    axes.set_yticks([])
    axes.set_xlim(DATE_SCALE[0].value, DATE_SCALE[1].value)
    period = shapes[shapes["date_precision"].ne("day")].iloc[0]
    axes.annotate("", xy=(period.date_start.value, 1.25), xytext=(period.date_end.value, 1.25),
                  xycoords=("data", "axes fraction"), textcoords=("data", "axes fraction"),
                  arrowprops={"arrowstyle": "|-|", "color": charts.TEXT_GREY, "linewidth": 1})
    axes.text((period.date_start.value + period.date_end.value) / 2, 1.6,
              f"{period['name']}: {date_label(period.date_start, period.date_end, period.date_precision)}",
              transform=axes.get_xaxis_transform(), ha="center", fontsize=8, color=charts.TEXT_GREY)
    axes.set_xlabel("Date the compilation gives", fontsize=8)
    axes.tick_params(labelsize=8)
    for spine in axes.spines.values():
        spine.set_visible(False)


def locator_inset(axes, features: gpd.GeoDataFrame, shapes: gpd.GeoDataFrame, bounds) -> None:
    """All of Azerbaijan with its neighbours, the territories in dark grey and the main map's frame."""
    xmin, ymin, xmax, ymax = features.total_bounds
    draw_context(axes, features, (xmin - 40_000, xmax + 40_000, ymin - 40_000, ymax + 40_000), names=False)
    draw_shapes(axes, shapes.geometry, facecolor=charts.TEXT_GREY, linewidth=0)
    axes.add_patch(Rectangle((bounds[0], bounds[2]), bounds[1] - bounds[0], bounds[3] - bounds[2], fill=False,
                             edgecolor="black", linewidth=1))
    for spine in axes.spines.values():
        spine.set_visible(True)
        spine.set_color(charts.TEXT_GREY)
    axes.set_title("Azerbaijan (locator)", fontsize=8, loc="left")


def caveat_text(axes, top: float = 1.0, extra: tuple[str, ...] = ()) -> None:
    """The caveats of every map, as a list beside it, not a footnote."""
    axes.set_axis_off()
    lines = ["What this map does not show:"] + [textwrap.fill(f"• {line}", 36)
                                                for line in with_both_names([*CAVEATS, *extra])]
    axes.text(0, top, "\n".join(lines), va="top", ha="left", fontsize=8, color=charts.TEXT_GREY, linespacing=1.35,
              transform=axes.transAxes)


def draw_control(axes, features: gpd.GeoDataFrame, shapes: gpd.GeoDataFrame, state: pd.DataFrame, bounds,
                 partial: list[str]) -> None:
    """One panel: each territory drawn in the state the data gives it by the panel's date (subjects.control.RULE);
    a town whose change is recorded, as a ringed dot in its district; a dashed outline around the districts
    that other sources give as only partly occupied (`partial`, territory ids)."""
    draw_context(axes, features, bounds)
    shaded = shapes.merge(state, on="territory_id")
    for shape in shaded.itertuples():
        draw_shapes(axes, [shape.geometry], linewidth=0.8, **_state_style(shape.state))
    mark_partial(axes, shapes, partial)
    towns = town_points(features, shaded[shaded["town_changed"]])
    axes.plot(towns.x, towns.y, "o", markersize=6, markerfacecolor="white", markeredgecolor="black",
              markeredgewidth=1.2, linestyle="none")


def town_points(features: gpd.GeoDataFrame, territories: pd.DataFrame) -> gpd.GeoSeries:
    """Where a town's marker goes: Shusha's city feature, or a point inside the town's district."""
    join = load("territory_districts")
    points = []
    for territory_id in territories["territory_id"]:
        names = join.loc[join["territory_id"].eq(territory_id), "shape_name"]
        city = [name for name in names if name.endswith("City")]
        chosen = features[features["shapeName"].isin(city or list(names))]
        points.append(chosen.union_all().representative_point())
    return gpd.GeoSeries(points, crs=features.crs)


def _state_style(state: str) -> dict:
    """How a state of control is drawn, on the map and in its legend alike."""
    hatched = state in HATCHED
    return {"facecolor": STATE_COLOURS[state], "hatch": "////" if hatched else None,
            "edgecolor": charts.OKABE_ITO["blue"] if hatched else "white"}


def control_legend(axes, rule_axes, changes: pd.DataFrame, partial_by: str) -> None:
    """The legend in `axes`, and below it, in `rule_axes`, to whom control passed as the quotes of the rows drawn
    (`changes`) name it and the map's rule; `partial_by` names the sources that give a district as only partly
    held before 2020 (the dashed outline)."""
    handles = [Patch(label=textwrap.fill(state, 40), **_state_style(state)) for state in STATES]
    handles.append(Line2D([], [], marker="o", markersize=6, markerfacecolor="white",
                          markeredgecolor="black", linestyle="none", label="a change of the town is recorded"))
    partial = f'dashed outline: according to {partial_by}, only part of the district was "occupied" before 2020'
    handles.append(Patch(facecolor="white", edgecolor="black", linestyle=(0, (3, 2)), linewidth=1.4,
                         label=textwrap.fill(partial, 40)))
    handles.append(Patch(facecolor=OTHER_DISTRICTS, edgecolor="#BBBBBB", label="other districts"))
    axes.set_axis_off()
    axes.legend(handles=handles, loc="upper left", fontsize=8, frameon=False, title="By the panel's day",
                title_fontsize=8, alignment="left")
    rule_axes.set_axis_off()
    rule_axes.text(0, 1.0, textwrap.fill(passed_to_text(changes), 46) + "\n\n"
                   + textwrap.fill("The rule of the map: " + RULE, 46), transform=rule_axes.transAxes, va="top",
                   fontsize=8, color=charts.TEXT_GREY)


def passed_to_text(changes: pd.DataFrame) -> str:
    """To whom control passed, in the words of the rows' quotes (subjects.control.passed_to)."""
    named, unnamed = passed_to(changes)
    return ("To whom control passed, in the rows' quotes: " + ", ".join(f'"{words}"' for words in named)
            + f"; {unnamed} of the {len(changes)} rows name no one (what changed, or who left, only).")


def not_drawn_whole_lines(state: pd.DataFrame, names: pd.Series) -> list[str]:
    """What the map does not have, by the last panel (`state`): each territory still drawn in part, and why
    (subjects.control.not_drawn_whole); `names`: territory_id -> name."""
    return [f"{names[territory]}, drawn in part to the end: {reason}."
            for territory, reason in not_drawn_whole(state).items()]


def date_and_share_labels(shapes: gpd.GeoDataFrame, shares: pd.DataFrame) -> list[str]:
    """Each territory's name and the date the compilation gives, with the share that other sources give as
    occupied where they give one, named (`shares`: area_figures rows of 'share of district other sources give as
    occupied')."""
    issuers = load("sources").set_index("source_id")["issuer"]
    stated = {row.territory_id: ("" if row.qualifier == "exact" else f"{row.qualifier} ") + f"{row.value:g}%"
              + f' of it "occupied",\naccording to {issuers[row.source_id]}' for row in shares.itertuples()}
    dates = date_labels(shapes, "date_start", "date_end")
    shares_said = [f"\n{stated[territory]}" if territory in stated else ""
                   for territory in shapes["territory_id"]]
    return [f"{name}\n{date}{share}" for name, date, share in zip(shapes["name"], dates, shares_said)]


def control_panels(axes_list, features: gpd.GeoDataFrame, shapes: gpd.GeoDataFrame, dates: dict[str, pd.Timestamp],
                   bounds, partial: list[str]) -> list[pd.DataFrame]:
    """One panel per date, titled with it and with the sources first used by it; returns each panel's state, with
    the sources it adds."""
    short_titles = load("sources").set_index("source_id")["short_title"]
    states, seen = [], set()
    for axes, (title, date) in zip(axes_list, dates.items()):
        state = control_state(date)
        draw_control(axes, features, shapes, state, bounds, partial)
        used = list(dict.fromkeys(source for sources in state["sources"] for source in sources))
        added = [short_titles[source] for source in used if source not in seen]
        seen |= set(used)
        note = textwrap.fill("Sources added: " + ("; ".join(added) if added else "none"), 76)
        # The title stands above the list of sources, however many lines it takes (6.5 pt lines, in points).
        axes.set_title(title, fontsize=10, fontweight="bold", pad=6 + 9 * (note.count("\n") + 1))
        # Two points above the frame on every render (a text, not a label: the narrow render leaves it as wrapped).
        axes.text(0, 1, note, transform=offset_copy(axes.transAxes, fig=axes.figure, y=2, units="points"),
                  fontsize=6.5, va="bottom", color=charts.TEXT_GREY)
        states.append(state.assign(panel=title, added="; ".join(added)))
    for axes in axes_list[len(dates):]:
        axes.set_axis_off()
    return states


def panel_items(states: list[pd.DataFrame], names: pd.Series) -> list[str]:
    """The control panels for the alt text, one item per panel (as control_panels returns them): each territory's
    state by the panel's date (`names`: territory_id -> name), and the sources the panel adds."""
    return [f"{state['panel'].iloc[0]}: " + ", ".join(
                f"{names[row.territory_id]} {row.state}" + (" (town's change recorded)" if row.town_changed else "")
                for row in state.itertuples()) + f"; sources added: {state['added'].iloc[0] or 'none'}"
            for state in states]


def named_panel(axes, features: gpd.GeoDataFrame, shapes: gpd.GeoDataFrame, named: list[str], bounds, title: str,
                note: str) -> None:
    """One small map: the territories a text names (`named`, territory ids) filled and labelled, the other listed
    territories outlined, with the panel's title above and what the text names, as written, below."""
    draw_context(axes, features, bounds, names=False)
    draw_shapes(axes, shapes.geometry, facecolor="none", edgecolor=charts.TEXT_GREY, linewidth=0.6)
    chosen = shapes[shapes["territory_id"].isin(named)]
    draw_shapes(axes, chosen.geometry, facecolor=charts.OKABE_ITO["vermillion"], edgecolor="white", linewidth=0.8)
    label_territories(axes, chosen, list(chosen["name"]), {}, numbered=False)
    axes.set_title(title, fontsize=10, fontweight="bold")
    axes.text(0, -0.02, textwrap.fill(note, 48), transform=axes.transAxes, fontsize=8, va="top",
              color=charts.TEXT_GREY)
