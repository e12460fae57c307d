"""citegraph.graph: references -> citation graph -> analysis, exports, explorer, CLI."""
