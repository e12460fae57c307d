"""The colours of the bodies, the same in every view: the explorer, GEXF's ``viz:color``, the notebook's plots.

:func:`body_colours` gives each body of a graph its colour: the principal organs and bodies keep
theirs (:data:`BODY_COLOURS`), the others take :data:`PALETTE` in order of their names, and
"unknown" is grey. A module of its own, with no dependency, so that the page, the exports and
:mod:`graph.analysis` share it without importing one another.
"""
from __future__ import annotations

from typing import Iterable

__all__ = ["BODY_COLOURS", "PALETTE", "UNKNOWN_COLOUR", "body_colours"]

#: Colours of the principal organs and bodies; others get PALETTE in order.
BODY_COLOURS = {
    "General Assembly": "#2f6fb3",
    "Security Council": "#d1363b",
    "Economic and Social Council": "#2e9a57",
    "Human Rights Council": "#e08a1e",
    "Secretariat": "#7d5ba6",
    "Secretary-General": "#7d5ba6",
    "International Court of Justice": "#8c564b",
    "Trusteeship Council": "#bcbd22",
}
#: Colours of the other bodies, in order of their names.
PALETTE = ["#17becf", "#e377c2", "#9467bd", "#8c564b", "#bcbd22", "#1f9e89", "#b5651d",
           "#6b6ecf", "#ad494a", "#637939"]
#: The colour of "unknown", and of bodies beyond the palette.
UNKNOWN_COLOUR = "#9a9a9a"


def body_colours(bodies: Iterable[str]) -> dict[str, str]:
    """Body -> ``#rrggbb`` as the explorer draws it.

    >>> body_colours(["Security Council", "UNFCCC", "unknown"])
    {'Security Council': '#d1363b', 'UNFCCC': '#17becf', 'unknown': '#9a9a9a'}
    """
    colours, spare = {}, iter(PALETTE)
    for b in sorted(set(bodies), key=lambda b: (b not in BODY_COLOURS, b)):
        if b in BODY_COLOURS:
            colours[b] = BODY_COLOURS[b]
        elif b == "unknown":
            colours[b] = UNKNOWN_COLOUR
        else:
            colours[b] = next(spare, UNKNOWN_COLOUR)
    return colours
