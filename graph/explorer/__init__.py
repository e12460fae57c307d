"""The explorer: one self-contained, offline HTML page for a citation graph (sigma.js, WebGL).

Three rooms, data flowing one way:

* :mod:`graph.explorer.data` - the graph as plain records (pure): every node and edge, the
  overview's selection, shapes, colours and times;
* :mod:`graph.explorer.layout` - the overview's positions (pure, deterministic);
* :mod:`graph.explorer.page` - the records packed into the HTML page with the vendored
  scripts, and written atomically (the I/O edge).

The page's own script is ``templates/page.js`` (with ``templates/lookup.js``, the same symbol
rules as :mod:`graph.lookup`). Documents are found through :func:`graph.lookup.resolve`.
"""
from .data import BODY_COLOURS, DEFAULT_MAX_NODES, SHAPE_OF_KIND, SHAPES, add_layout, body_colours, explorer_data, \
    shape_of, time_of
from .page import pack, render_explorer, write_explorer

__all__ = ["write_explorer", "render_explorer", "explorer_data", "pack", "time_of", "shape_of", "add_layout",
           "body_colours", "BODY_COLOURS",
           "DEFAULT_MAX_NODES", "SHAPES", "SHAPE_OF_KIND"]
