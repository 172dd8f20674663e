"""Charts for the HTML report, drawn with matplotlib as inline SVG: text as paths (no font to fetch or
miss), no script. matplotlib is imported inside the functions, so the bot pays for it only when a report
is made, never at start-up.

A hidden count ("<5" or "x") is never drawn as a bar; its marker is written where the bar would be.
"""

from __future__ import annotations

import io
import re
from collections.abc import Callable, Sequence
from itertools import count
from typing import Any

from bot.i18n import format_number

# Okabe-Ito: colours that colour-blind readers can tell apart, and that print readably in grey.
BLUE, ORANGE, VERMILLION, PURPLE, GREEN, SKY, GREY = (
    "#0072B2", "#E69F00", "#D55E00", "#CC79A7", "#009E73", "#56B4E9", "#999999")
OUTCOME_COLOURS = {"answered": BLUE, "unsure": ORANGE, "unanswered": VERMILLION, "safety": PURPLE}
WIDTH = 7.2  # inches: the text column of an A4 page
_ids = count(1)


def _figure(height: float) -> Any:
    from matplotlib.figure import Figure

    return Figure(figsize=(WIDTH, height), dpi=100, layout="constrained")


def _style(ax: Any, grid: str) -> None:
    ax.spines[["top", "right"]].set_visible(False)
    ax.tick_params(labelsize=9)
    ax.grid(axis=grid, color="#dddddd", linewidth=0.6)
    ax.set_axisbelow(True)


def _svg(figure: Any) -> str:
    """The figure as an inline <svg> element that scales with the page, with ids unique in the document."""
    import matplotlib

    buffer = io.StringIO()
    with matplotlib.rc_context({"svg.fonttype": "path", "svg.hashsalt": "husly", "font.family": "DejaVu Sans"}):
        figure.savefig(buffer, format="svg", metadata={"Date": None, "Creator": None})
    svg = buffer.getvalue()
    svg = svg[svg.index("<svg"):]
    svg = re.sub(r"\s*<metadata>.*?</metadata>", "", svg, flags=re.DOTALL)
    prefix = f"c{next(_ids)}-"
    svg = re.sub(r'\bid="([^"]+)"', lambda m: f'id="{prefix}{m.group(1)}"', svg)
    svg = re.sub(r"url\(#([^)]+)\)", lambda m: f"url(#{prefix}{m.group(1)})", svg)
    svg = re.sub(r'xlink:href="#([^"]+)"', lambda m: f'xlink:href="#{prefix}{m.group(1)}"', svg)
    svg = re.sub(r'<svg([^>]*?) width="[^"]+" height="[^"]+"', r'<svg\1 role="img"', svg, count=1)
    return svg


def _value(shown: Any) -> float:
    return float(shown) if isinstance(shown, int) else 0.0


def _mark(shown: Any) -> str:
    return shown if isinstance(shown, str) else ""


def stacked_bars(labels: Sequence[str], series: Sequence[tuple[str, str, Sequence[Any]]], *,
                 horizontal: bool = False, legend: bool = True,
                 number: Callable[[float], str] = format_number) -> str:
    """Bars of several series stacked (fx questions per week by outcome): ``series`` = (name, colour, counts)."""
    figure = _figure(3.0 if not horizontal else 0.45 * len(labels) + 1.2)
    ax = figure.subplots()
    positions = list(range(len(labels)))
    base = [0.0] * len(labels)
    for name, colour, counts in series:
        values = [_value(v) for v in counts]
        if horizontal:
            ax.barh(positions, values, left=base, color=colour, label=name, height=0.65)
        else:
            ax.bar(positions, values, bottom=base, color=colour, label=name, width=0.7)
        base = [b + v for b, v in zip(base, values, strict=True)]
    hidden = ["/".join(sorted({_mark(c[i]) for _, _, c in series} - {""})) for i in range(len(labels))]
    top = max(base) if base and max(base) > 0 else 1.0
    for i, note in enumerate(hidden):
        if note:
            if horizontal:
                ax.text(base[i] + top * 0.01, i, note, va="center", fontsize=8, color="#444444")
            else:
                ax.text(i, base[i] + top * 0.01, note, ha="center", va="bottom", fontsize=8, color="#444444")
    if horizontal:
        ax.set_yticks(positions, labels)
        ax.invert_yaxis()
    else:
        ax.set_xticks(positions, labels, rotation=45 if len(labels) > 8 else 0, ha="right" if len(labels) > 8
                      else "center")
    axis = ax.xaxis if horizontal else ax.yaxis
    from matplotlib.ticker import FuncFormatter, MaxNLocator

    axis.set_major_locator(MaxNLocator(integer=True))
    axis.set_major_formatter(FuncFormatter(lambda value, _pos: number(value)))
    _style(ax, "x" if horizontal else "y")
    if legend:
        ax.legend(fontsize=8, frameon=False, ncols=min(4, len(series)), loc="lower center",
                  bbox_to_anchor=(0.5, 1.0))
    return _svg(figure)


def bars(labels: Sequence[str], counts: Sequence[Any], colour: str = BLUE) -> str:
    """Horizontal bars, in the order given (fx the most asked topics, largest first)."""
    return stacked_bars(labels, [("", colour, counts)], horizontal=True, legend=False)


def wait_times(levels: Sequence[tuple[str, float | None, float | None, int]], labels: tuple[str, str, str]) -> str:
    """Minutes to the first caseworker contact, p50 and p90 per urgency, with the promised time as a line.

    ``levels`` = (name, p50, p90, SLA minutes); a level with too few cases has None and is left empty.
    """
    figure = _figure(0.9 * len(levels) + 1.3)
    ax = figure.subplots()
    p50_label, p90_label, sla_label = labels
    for i, (_name, p50, p90, sla) in enumerate(levels):
        if p50 is not None:
            ax.barh(i - 0.18, p50, height=0.34, color=BLUE, label=p50_label if i == 0 else None)
        if p90 is not None:
            ax.barh(i + 0.18, p90, height=0.34, color=SKY, label=p90_label if i == 0 else None)
        ax.plot([sla, sla], [i - 0.45, i + 0.45], color=VERMILLION, linewidth=2,
                label=sla_label if i == 0 else None)
    ax.set_yticks(range(len(levels)), [name for name, *_ in levels])
    ax.invert_yaxis()
    from matplotlib.ticker import FuncFormatter

    ax.xaxis.set_major_formatter(FuncFormatter(lambda value, _pos: format_number(value)))
    _style(ax, "x")
    ax.legend(fontsize=8, frameon=False, ncols=3, loc="lower center", bbox_to_anchor=(0.5, 1.0))
    return _svg(figure)


def heatmap(rows: Sequence[str], columns: Sequence[str], cells: Sequence[Sequence[Any]]) -> str:
    """A grid of counts, darker for more (fx searches with no result by municipality and rent); hidden cells
    are grey with their marker."""
    import numpy as np
    from matplotlib.colors import LinearSegmentedColormap

    values = np.array([[_value(v) if isinstance(v, int) else np.nan for v in row] for row in cells], dtype=float)
    figure = _figure(0.42 * len(rows) + 1.2)
    ax = figure.subplots()
    colours = LinearSegmentedColormap.from_list("husly", ["#f4f8fb", BLUE]).with_extremes(bad="#d9d9d9")
    highest = np.nanmax(values) if np.isfinite(values).any() else 1.0
    # Vector cells (not an embedded picture), so the chart prints sharply.
    ax.pcolormesh(np.ma.masked_invalid(values), cmap=colours, vmin=0, vmax=max(highest, 1.0), edgecolors="white",
                  linewidth=1.5)
    ax.set_xlim(0, len(columns))
    ax.set_ylim(len(rows), 0)
    for r, row in enumerate(cells):
        for c, shown in enumerate(row):
            text = format_number(shown) if isinstance(shown, int) else str(shown)
            dark = isinstance(shown, int) and shown > highest * 0.6
            ax.text(c + 0.5, r + 0.5, text, ha="center", va="center", fontsize=8,
                    color="white" if dark else "#222222")
    ax.set_xticks([c + 0.5 for c in range(len(columns))], columns, fontsize=8)
    ax.set_yticks([r + 0.5 for r in range(len(rows))], rows, fontsize=8)
    ax.tick_params(length=0)
    for spine in ax.spines.values():
        spine.set_visible(False)
    return _svg(figure)
