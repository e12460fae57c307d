"""The ``citegraph`` command: thin click commands over ``ingest`` and ``graph``.

Library exceptions become one-line errors on stderr; progress goes to stderr.
"""
from __future__ import annotations

import contextlib
import dataclasses
import functools
import io
import json
import logging
import operator
import os
import pathlib
import shutil
import sys
import time
import webbrowser
from typing import Iterable, NoReturn

import click
from tqdm import tqdm

import ingest
from ingest import CitegraphError, ReadError, escaped

from . import pipeline  # (the graph side, which loads pandas and networkx, is imported by the commands that use it)
from .files import OutputLocked
from .schema import JSONL_FIELDS

ROOT = pathlib.Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "samples"
DEFAULT_OUT = ROOT / "output"


def warn(msg: str) -> None:
    tqdm.write(f"citegraph: {msg}", file=sys.stderr)


def nothing_read(tried: int, paths: Iterable[pathlib.Path]) -> NoReturn:
    """Fail a command that could read none of its ``tried`` files under ``paths`` (exit status 1).
    Each file has had its one line already (:func:`warn`: the file and the reason), so one file tried
    adds nothing more; several get a count; none (an empty folder) names where it looked."""
    if tried == 1:
        raise SystemExit(1)
    if tried == 0:
        raise click.ClickException(f"no file to read in {', '.join(ingest.shown_path(p) for p in paths)}")
    raise click.ClickException(f"no file could be read ({tried} tried)")


def progress(items, desc: str):
    """A tqdm bar on stderr for long runs (hidden for a handful of files)."""
    items = list(items)
    return tqdm(items, desc=desc, unit="file", file=sys.stderr, disable=len(items) < 20 or None,
                leave=False)


@click.group(invoke_without_command=True)
@click.version_option(package_name="citegraph")
@click.pass_context
def main(ctx: click.Context) -> None:
    """Turn UN documents into a citation graph. With no command: build the sample corpus into output/."""
    if ctx.invoked_subcommand is None:
        build_cmd = main.get_command(ctx, "build")
        if build_cmd is None:
            raise click.UsageError("no command given")
        ctx.invoke(build_cmd)


@main.command("extract")
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=pathlib.Path))
@click.option("--format", "fmt", type=click.Choice(["jsonl", "table"]), default="table", show_default=True)
@click.option("-j", "--jobs", type=click.IntRange(1), default=None, help="Processes reading files [default: all cores].")
def extract_cmd(paths: tuple[pathlib.Path, ...], fmt: str, jobs) -> None:
    """Print every reference found in PATHS (files or folders, read recursively).

    Files are read across all cores; names learned from any file's footnotes apply to all.
    """
    out = sys.stdout
    if fmt == "jsonl":
        # the JSON lines are made in the reading processes, on all cores
        corpus = pipeline.read_corpus(paths, cache_dir=None, jobs=jobs, on_error=warn, on_skip=warn, texts=False,
                                      encode=jsonl_lines)
        out.writelines(corpus.encoded)
    else:
        corpus = pipeline.read_corpus(paths, cache_dir=None, jobs=jobs, on_error=warn, on_skip=warn, texts=False)
        if corpus.reference_count:
            _print_table([r.to_dict() for r in corpus.references], out)
    if not corpus.documents:
        nothing_read(corpus.files + len(corpus.skipped), paths)


@main.command("inspect")
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=pathlib.Path))
@click.option("--paragraphs", is_flag=True, help="Also list every paragraph with its verb and footnotes.")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
def inspect_cmd(paths: tuple[pathlib.Path, ...], paragraphs: bool, fmt: str) -> None:
    """Show the structure found in each document: its own symbol and where it came from, title,
    date, body, session, agenda item, report line, paragraph counts and footnotes."""
    read = failed = 0

    def skipped(p, why: str) -> None:
        nonlocal failed
        failed += 1
        warn(f"{ingest.shown_path(p)}: {why}")

    for path in ingest.iter_paths(paths, skipped=skipped):
        try:
            doc = ingest.read_document(path)
        except ReadError as err:
            failed += 1
            warn(str(err))
            continue
        read += 1
        notes = {p.id: [f.number for f in p.footnotes] for p in doc.paragraphs if p.footnotes}
        info = {"file": doc.file, "symbol": doc.symbol, "symbol_source": doc.symbol_source, "format": doc.format,
                "title": doc.title, "date": doc.date, "body": doc.body, "session": doc.session,
                "agenda_item": doc.agenda_item, "report": doc.report, "distribution": doc.distribution,
                "paragraphs": doc.counts(), "footnotes": notes,
                "unplaced_footnotes": [f.number for f in doc.unplaced_footnotes]}
        if paragraphs:
            info["paragraph_list"] = [{"id": p.id, "kind": p.kind, "verb": p.verb, "number": p.number,
                                       "footnotes": [f.number for f in p.footnotes], "text": p.text}
                                      for p in doc.paragraphs]
        if fmt == "json":
            sys.stdout.write(json.dumps(info, ensure_ascii=False) + "\n")
            continue
        out = sys.stdout
        out.write(f"{doc.file}\n")
        out.write(f"  symbol      {doc.symbol}  (from the {doc.symbol_source})\n" if doc.symbol else
                  "  symbol      none found (no masthead, title line or symbol in the file name)\n")
        for key in ("title", "date", "body", "session", "agenda_item", "report", "distribution"):
            if info[key]:
                out.write(f"  {key.replace('_', ' '):<11} {info[key]}\n")
        out.write("  paragraphs  " + ", ".join(f"{n} {k}" for k, n in doc.counts().items()) + "\n")
        if notes:
            out.write("  footnotes   " + "; ".join(f"{pid}: {', '.join(ns)}" for pid, ns in notes.items()) + "\n")
        if paragraphs:
            for p in doc.paragraphs:
                fn = f" [{', '.join(f.number for f in p.footnotes)}]" if p.footnotes else ""
                out.write(f"    {p.id:<7} {(p.verb or ''):<20} {_cut(p.text, 90)}{fn}\n")
    if read == 0:
        nothing_read(failed, paths)


@main.command("aliases")
@click.argument("paths", nargs=-1, type=click.Path(path_type=pathlib.Path))
@click.option("--learned-only", is_flag=True, help="Only the names learned from footnotes.")
@click.option("--format", "fmt", type=click.Choice(["table", "tsv"]), default="table", show_default=True)
def aliases_cmd(paths: tuple[pathlib.Path, ...], learned_only: bool, fmt: str) -> None:
    """List instrument names: the curated table and the names learned from the footnotes of PATHS
    (default: the sample corpus), with where each was learned."""
    files = list(ingest.iter_paths(paths or (SAMPLE,), skipped=lambda p, why: None))
    docs = []
    for path in progress(files, "aliases"):
        try:
            docs.append(ingest.read_document(path))
        except ReadError as err:
            warn(str(err))
    table = ingest.learn_aliases(docs)
    rows = [] if learned_only else [("curated", a.name, a.target, a.pinpoint or "", a.kind, a.source)
                                    for a in table.curated]
    rows += [("learned", a.name, a.target, a.pinpoint or "", a.kind, a.learned_from or "") for a in table.learned]
    if fmt == "tsv":
        sys.stdout.write("origin\tname\ttarget\tpinpoint\tkind\tsource\n")
        for r in rows:
            sys.stdout.write("\t".join(r) + "\n")
        return
    _rows(sys.stdout, ("ORIGIN", "NAME", "TARGET", "PINPOINT", "KIND", "SOURCE"), rows, (7, 48, 26, 14, 18, 60),
          whole=(2,))


_JSON = json.JSONEncoder(ensure_ascii=False)  # one encoder: json.dumps(..., ensure_ascii=False) makes one a call
#: ``_JSON.encode``'s C encoder, made once (``JSONEncoder.encode`` makes one at every call): it gives the same
#: text for the flat, acyclic objects of JSONL_FIELDS (no circular check needed); None where the C encoder is missing
_C_ENCODE = json.encoder.c_make_encoder(None, _JSON.default, json.encoder.encode_basestring, None,
                                        _JSON.key_separator, _JSON.item_separator, False, False,
                                        True) if json.encoder.c_make_encoder else None
_JSONL_VALUES = operator.attrgetter(*JSONL_FIELDS)


def jsonl_lines(references) -> str:
    """``extract --format jsonl``: one JSON object a line per reference, the fields of JSONL_FIELDS in order."""
    if _C_ENCODE is None:
        encode = _JSON.encode
        return "".join([encode({k: getattr(r, k) for k in JSONL_FIELDS}) + "\n" for r in references])
    encode, values = _C_ENCODE, _JSONL_VALUES
    return "".join(["".join(encode(dict(zip(JSONL_FIELDS, values(r))), 0)) + "\n" for r in references])


def _print_table(rows: list[dict], out) -> None:
    """``extract --format table``: one reference a row (:func:`_rows`)."""
    cols = ("source", "paragraph", "footnote", "relation", "target", "pinpoint", "kind", "surface")
    _rows(out, tuple(c.upper() for c in cols), [tuple(r[c] or "" for c in cols) for r in rows],
          (22, 9, 8, 18, 26, 12, 8, 60), whole=(0, 4))


# --------------------------------------------------------------------------- graph commands (issue 5)

def _cut(s, n: int) -> str:
    s = " ".join(str(s if s is not None else "").split())
    return s if len(s) <= n else s[: n - 1] + "…"


def _words(e: dict, width: int = 90) -> str:
    """The citing sentence of edge ``e``, starting a little before the words as written when they come late."""
    sentence, surface = " ".join((e.get("sentence") or "").split()), e.get("surface") or ""
    at = sentence.find(surface) if surface else -1
    if at > width // 2:
        cut = sentence.rfind(" ", 0, at - 20)
        sentence = "…" + sentence[cut + 1 if cut >= 0 else at - 20:]
    return ("LATER? " if e.get("later") else "") + sentence


#: Width of a table in a terminal whose width cannot be read (and COLUMNS is not set).
TABLE_WIDTH = 100


def _cell(value) -> str:
    r"""A table cell as printed: white space (line feeds, tabs) folded to single spaces, then every
    character that is still not printable (an escape sequence, a control or directional character from
    a file's name or text) as its ``repr`` escape, as error lines print names (:func:`ingest.shown_path`),
    so that nothing in a cell reaches the terminal raw.

    >>> _cell("esc\x1b[31mred.txt"), _cell("Recalling\n its  resolution"), _cell(None), _cell(12)
    ('esc\\x1b[31mred.txt', 'Recalling its resolution', '', '12')
    """
    return escaped(" ".join(str(value if value is not None else "").split()))


def _rows(out, header: tuple, rows: list[tuple], widths: tuple, whole: tuple = (0,)) -> None:
    """A table (rich), one row a line to read or grep. In a terminal it fits the terminal's width
    (``COLUMNS`` or the terminal's own): numbers are right-aligned and never cut, nor are the columns
    ``whole`` (by index: the symbols, which a cut makes useless: "S/RES/2033…" is any of ten); the
    other columns keep to the ``widths`` given (a longer name is cut with "…"), the last takes the
    room left (cut with "…"), and a narrow terminal takes from the widest of them first. Into a pipe
    or a file (no terminal, no ``COLUMNS``) nothing is cut: every cell is printed whole, with no
    colours or frames, as ``ls`` and ``git`` do."""
    from rich.console import Console  # loaded by the commands that print tables only
    from rich.table import Table

    terminal = hasattr(out, "isatty") and out.isatty()
    texts = [[_cell(v) for v in r] for r in rows]
    longest = [max([len(h), *(len(t[i]) for t in texts)]) for i, h in enumerate(header)]
    numeric = [bool(rows) and all(isinstance(r[i], (int, float)) and not isinstance(r[i], bool) for r in rows)
               for i in range(len(header))]
    # the least width of each column: a number's, and in the columns ``whole`` the longest symbol's (a name
    # there, "Charter of the United Nations", may be cut as other text is)
    least = [longest[i] if numeric[i] else
             max([len(header[i]), *(len(t[i]) for t in texts if "/" in t[i])]) if i in whole else min(8, longest[i])
             for i in range(len(header))]
    if not terminal and "COLUMNS" not in os.environ:
        sizes = list(longest)
        width = sum(sizes) + 2 * (len(header) - 1)
    else:
        width = max(shutil.get_terminal_size((TABLE_WIDTH, 24)).columns, 40)
        # other columns up to the width given; the last takes what is left (at least 12)
        sizes = [max(least[i], min(w, longest[i])) for i, w in enumerate(widths)]
        room = width - 2 * (len(header) - 1)
        sizes[-1] = max(least[-1], min(longest[-1], max(12, room - sum(sizes[:-1]))))
        while sum(sizes) > room:
            # a narrow terminal: the widest column that may still give gives way first
            shrink = [i for i in range(len(sizes)) if sizes[i] > least[i]]
            if not shrink:
                break
            sizes[max(shrink, key=lambda i: sizes[i] - least[i])] -= 1
        width = max(width, sum(sizes) + 2 * (len(header) - 1))
    buf = io.StringIO()
    console = Console(file=buf, width=width, highlight=False, soft_wrap=False, emoji=False, markup=False,
                      force_terminal=terminal, color_system="auto" if terminal else None)
    table = Table(box=None, pad_edge=False, show_edge=False, header_style="bold", padding=(0, 2, 0, 0),
                  collapse_padding=True)
    for i, h in enumerate(header):
        table.add_column(h, justify="right" if numeric[i] else "left", no_wrap=True, overflow="ellipsis",
                         width=sizes[i])
    for t in texts:
        table.add_row(*t)
    console.print(table)
    out.write("".join(line.rstrip() + "\n" for line in buf.getvalue().splitlines()))


@main.command("build")
@click.argument("paths", nargs=-1, type=click.Path(path_type=pathlib.Path))
@click.option("-o", "--out", "out_dir", type=click.Path(file_okay=False, path_type=pathlib.Path),
              default=DEFAULT_OUT, show_default="output/", help="Folder for the graph files.")
@click.option("-j", "--jobs", type=click.IntRange(1), default=None, help="Processes reading files [default: all cores].")
@click.option("--no-cache", is_flag=True, help="Read every file again (the cache is OUT/.citegraph-cache).")
@click.option("--no-html", is_flag=True, help="Skip graph.html and the reading pages.")
@click.option("--no-pages", is_flag=True, help="Skip the reading pages (OUT/docs/).")
@click.option("--focus", metavar="SYMBOL", default=None, help="graph.html: open on SYMBOL's neighbourhood.")
@click.option("--depth", type=click.IntRange(1, 3), default=1, show_default=True,
              help="graph.html: how many citations away from --focus the view reaches.")
@click.option("--max-nodes", type=click.IntRange(0), default=None, metavar="N",
              help="graph.html: the overview draws at most N documents, corpus documents first (0: all); "
                   "every document is in the page all the same [default: 15000].")
@click.option("--no-wait", is_flag=True, help="Fail at once when another build is writing OUT (default: wait for it).")
@click.option("-v", "--verbose", is_flag=True, help="Say on stderr what the cache does (misses and why).")
@click.option("--engine", type=click.Choice(["local", "dask"]), default="local", show_default=True,
              help="Where files are read and extracted: this machine's processes, or a Dask cluster "
                   "(a local one, or --scheduler's).")
@click.option("--scheduler", metavar="ADDRESS", default=None,
              help="Read and extract on the existing Dask scheduler at ADDRESS (tcp://host:8786); implies --engine dask.")
@click.option("--dask-workers", type=click.IntRange(1), default=None, metavar="N",
              help="--engine dask without --scheduler: worker processes of the local cluster [default: all cores].")
@click.option("--dask-threads", type=click.IntRange(1), default=1, show_default=True, metavar="N",
              help="--engine dask without --scheduler: threads per worker.")
def build_cmd(paths: tuple[pathlib.Path, ...], out_dir: pathlib.Path, jobs, no_cache: bool, no_html: bool,
              no_pages: bool, focus, depth: int, max_nodes, no_wait: bool, verbose: bool, engine: str,
              scheduler, dask_workers, dask_threads) -> None:
    """Read PATHS (default: the sample corpus), build the citation graph and write it to OUT.

    Writes graph.graphml, graph.gexf, graph.json (node-link), nodes.csv, edges.csv,
    references.csv, graph.html and a reading page per document (docs/), then prints a summary.
    Fails only when no file could be read.
    """
    from . import analysis, measures  # loads pandas: only the graph commands import it
    from .lookup import NodeNotFound

    measures.IGRAPH_DRAWING = False  # this process draws nothing with igraph: loaded without matplotlib
    _log_to_stderr(verbose)
    with contextlib.ExitStack() as stack:
        cluster = None
        if engine == "dask" or scheduler:
            from .engine import DaskEngine, EngineError  # loads dask: only a Dask build imports it
            try:
                cluster = stack.enter_context(DaskEngine(scheduler, workers=dask_workers, threads=dask_threads))
            except EngineError as err:
                raise click.ClickException(str(err)) from err
            warn(cluster.describe())
        try:
            corpus = pipeline.build(paths or (SAMPLE,), out_dir, cache=not no_cache, jobs=jobs,
                                    on_error=warn, on_skip=warn, html=False, pages=not (no_html or no_pages),
                                    wait=not no_wait, on_wait=warn, engine=cluster,
                                    explorer=None if no_html else {"focus": focus, "depth": depth,
                                                                   "max_nodes": max_nodes})
        except OutputLocked as err:
            raise click.ClickException(str(err)) from err
        except NodeNotFound as err:
            raise click.ClickException(f"--focus: {err}") from err
        except CitegraphError as err:
            if cluster is None:
                raise
            raise click.ClickException(str(err)) from err
    if not corpus.documents:
        nothing_read(corpus.files + len(corpus.skipped), paths or (SAMPLE,))
    G = corpus.graph
    if corpus.drawn is not None:
        warn(_page_note(corpus.drawn))
    in_corpus = sum(1 for _, d in G.nodes(data=True) if d.get("in_corpus"))
    later = sum(1 for *_, d in G.edges(data=True) if d.get("later"))
    out = sys.stdout
    out.write(f"documents  {len(corpus.documents)} read, {corpus.failed} failed"
              f"{f', {len(corpus.skipped)} skipped' if corpus.skipped else ''}"
              f" ({corpus.read} read now, {corpus.cached} from cache)\n")
    out.write(f"references {corpus.reference_count}\n")
    out.write(f"nodes      {G.number_of_nodes()} ({in_corpus} in the corpus, {G.number_of_nodes() - in_corpus} cited only)\n")
    out.write(f"edges      {G.number_of_edges()}{f' ({later} cite a later document)' if later else ''}\n")
    if corpus.pages:
        kept = corpus.pages.get("kept", 0)
        out.write(f"pages      {corpus.pages['pages']} reading pages ({corpus.pages['changes']} with changes since "
                  f"their predecessor{f'; {kept} unchanged since the last build' if kept else ''}) in "
                  f"{out_dir / 'docs'}/\n")
    t = corpus.timings
    out.write(f"time       {t.get('reading', 0.0) + t.get('building', 0.0) + t.get('writing', 0.0):.1f} s: "
              f"reading {t.get('reading', 0.0):.1f} s ({corpus.cached} of {corpus.files} files from the cache), "
              f"building {t.get('building', 0.0):.1f} s, writing {t.get('writing', 0.0):.1f} s\n")
    if corpus.outputs_kept:
        out.write("kept       the graph's files of the last build: nothing they show changed\n")
    out.write(f"written to {out_dir}/\n\nmost cited\n")
    top = analysis.most_cited(G, 10)
    _rows(out, ("symbol", "cited by", "citations", "title"),
          [(r.symbol, int(r.cited_by), int(r.citations), r.title or "") for r in top.itertuples()], (22, 8, 9, 60))


def _page_note(drawn: dict) -> str:
    """What graph.html's overview draws and leaves out, for stderr."""
    if not drawn["left_out_nodes"]:
        note = f"graph.html: the overview draws all {drawn['graph_nodes']} documents and {drawn['graph_edges']} links"
    else:
        note = (f"graph.html: the overview draws {drawn['nodes']} of {drawn['graph_nodes']} documents and "
                f"{drawn['edges']} of {drawn['graph_edges']} links (corpus documents first, then the most connected); "
                f"it leaves out {drawn['left_out_nodes']} ({drawn['left_out_in_corpus']} of them in the corpus), "
                f"which the page still finds, focuses on and lists (--max-nodes 0 draws all)")
    return note + (f"; it opens on {drawn['focus']}" if drawn["focus"] else "")


class _Warn(logging.Handler):
    def emit(self, record: logging.LogRecord) -> None:
        warn(self.format(record))


def _log_to_stderr(verbose: bool) -> None:
    """citegraph's loggers (``citegraph.store`` ...) on stderr: warnings always, what the cache
    does with ``-v``."""
    logger = logging.getLogger("citegraph")
    if not any(isinstance(h, _Warn) for h in logger.handlers):
        logger.addHandler(_Warn())
    logger.setLevel(logging.INFO if verbose else logging.WARNING)


def _load_graph(graph_file: pathlib.Path):
    """The graph in GRAPH_FILE; when that is the default and missing, the sample corpus is built first."""
    if not graph_file.exists():
        if graph_file.resolve() != (DEFAULT_OUT / "graph.json").resolve():
            raise click.ClickException(f"{graph_file}: no such file (run `citegraph build -o DIR` first)")
        warn(f"{graph_file} not found: building the sample corpus first")
        corpus = pipeline.build((SAMPLE,), DEFAULT_OUT, on_error=warn)
        return corpus.graph
    from . import export

    try:
        return export.read_json(graph_file)
    except (OSError, ValueError, KeyError) as err:
        raise click.ClickException(f"{graph_file}: not a citegraph graph.json ({err})") from err


_GRAPH_OPTION = click.option("-g", "--graph", "graph_file", type=click.Path(dir_okay=False, path_type=pathlib.Path),
                             default=DEFAULT_OUT / "graph.json", show_default="output/graph.json",
                             help="A graph.json written by `citegraph build`.")


def _graph_errors(fn):
    """Turn citegraph errors into one-line CLI errors."""
    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        try:
            return fn(*args, **kwargs)
        except ingest.CitegraphError as err:
            raise click.ClickException(str(err)) from err
    return wrapper


@main.command("show")
@click.argument("symbol")
@_GRAPH_OPTION
@click.option("-n", "--limit", type=click.IntRange(1), default=50, show_default=True, help="Rows per list.")
@_graph_errors
def show_cmd(symbol: str, graph_file: pathlib.Path, limit: int) -> None:
    """What SYMBOL cites and what cites it, with the citing words.

    SYMBOL as written or pasted: 79/194, "resolution 2720 (2023)", "A/RES/217 A (III)", 1325."""
    from . import analysis, lookup  # loads pandas: only the graph commands import it

    G = _load_graph(graph_file)
    match = lookup.lookup(G, symbol)
    node = match.node
    if match.others:
        warn(f"{symbol!r}: {node}, the resolution (also {', '.join(match.others)})")
    d = G.nodes[node]
    out = sys.stdout
    where = f"in the corpus ({d.get('file')})" if d.get("in_corpus") else "cited only"
    out.write(f"{node}  {d.get('kind')}, {d.get('body')}{', ' + d['date'] if d.get('date') else ''}, {where}\n")
    if d.get("title") or d.get("subject"):
        out.write(f"{d.get('title') or d.get('subject')}\n")
    if d.get("aliases"):
        out.write(f"also {d['aliases']}\n")
    out.write(f"{d.get('url')}\n")
    for name, edges in (("cites", [(v, e) for _, v, e in G.out_edges(node, data=True)]),
                        ("cited by", [(u, e) for u, _, e in G.in_edges(node, data=True)])):
        edges.sort(key=lambda x: (analysis._natural(x[0])))
        out.write(f"\n{name} ({len(edges)})\n")
        rows = [(other, e.get("paragraphs", ""), e.get("count", 1), _words(e)) for other, e in edges[:limit]]
        if rows:
            _rows(out, ("symbol", "where", "times", "words"), rows, (22, 14, 5, 90))
        if len(edges) > limit:
            out.write(f"… {len(edges) - limit} more (use -n)\n")


@main.command("top")
@_GRAPH_OPTION
@click.option("-n", "--limit", type=click.IntRange(1), default=20, show_default=True)
@click.option("--by", type=click.Choice(["citations", "cited_by", "pagerank"]), default="citations", show_default=True,
              help="citations: reference occurrences; cited_by: citing documents; pagerank.")
@click.option("--kind", default=None, help="Only this kind, any case: resolution(s), decision, report, PRST, ...")
@click.option("--body", default=None, help='Only this body, any case, by name or code: GA, SC, ECOSOC, HRC, '
                                            '"Security Council", ...')
@_graph_errors
def top_cmd(graph_file: pathlib.Path, limit: int, by: str, kind, body) -> None:
    """The most cited documents. An unknown --kind or --body lists the valid ones (exit status 2)."""
    from . import analysis  # loads pandas: only the graph commands import it

    G = _load_graph(graph_file)
    for option, resolve, value in (("--kind", analysis.resolve_kind, kind), ("--body", analysis.resolve_body, body)):
        try:
            resolve(G, value)
        except analysis.UnknownValue as err:
            raise click.BadParameter(str(err), param_hint=option) from err
    if by == "pagerank":
        df = analysis.pagerank(G, limit, kind=kind, body=body)
        rows = [(r.symbol, f"{r.pagerank:.5f}", int(r.cited_by), r.kind, r.title or "") for r in df.itertuples()]
        _rows(sys.stdout, ("symbol", "pagerank", "cited by", "kind", "title"), rows, (22, 8, 8, 12, 60))
        return
    df = analysis.most_cited(G, limit, by=by, kind=kind, body=body)
    rows = [(r.symbol, int(r.cited_by), int(r.citations), r.kind, r.title or "") for r in df.itertuples()]
    _rows(sys.stdout, ("symbol", "cited by", "citations", "kind", "title"), rows, (22, 8, 9, 12, 60))


@main.command("path")
@click.argument("a")
@click.argument("b")
@_GRAPH_OPTION
@click.option("--either-way", is_flag=True, help="Follow citations in both directions.")
@_graph_errors
def path_cmd(a: str, b: str, graph_file: pathlib.Path, either_way: bool) -> None:
    """The shortest chain of citations from A to B (A cites … cites B)."""
    from . import analysis  # loads pandas: only the graph commands import it

    G = _load_graph(graph_file)
    try:
        df = analysis.citation_path(G, a, b, directed=not either_way)
    except analysis.NoCitationPath as err:
        hint = "" if either_way else "; try --either-way"
        raise click.ClickException(f"{err}{hint}") from err
    rows = [(int(r.step), r.citing, "cites", r.cited, r.paragraphs, _words(G.edges[r.citing, r.cited], 70))
            for r in df.itertuples()]
    _rows(sys.stdout, ("step", "citing", "", "cited", "where", "words"), rows, (4, 22, 5, 22, 12, 70), whole=(1, 3))


# --------------------------------------------------------------------------- reading pages and diffs (issue 18)

def _can_open_browser() -> bool:
    """A browser window can be shown: not a headless session (Linux without DISPLAY or WAYLAND_DISPLAY)."""
    if sys.platform.startswith("linux"):
        return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))
    return True


@main.command("read")
@click.argument("symbol")
@_GRAPH_OPTION
@click.option("-p", "--print-path", is_flag=True, help="Print the page's path instead of opening it.")
@_graph_errors
def read_cmd(symbol: str, graph_file: pathlib.Path, print_path: bool) -> None:
    """Open the reading page of SYMBOL (79/194 finds A/RES/79/194): its text with every reference
    linked, and what changed since its predecessor. In a session with no display, or with
    --print-path, prints the page's path."""
    from . import lookup  # the graph side (networkx, pandas): imported by the commands that use it,
    from .reading import page_path  # so that `citegraph extract` starts without it

    G = _load_graph(graph_file)
    node = lookup.resolve(G, symbol)
    if not G.nodes[node].get("in_corpus"):
        raise click.ClickException(f"{node} is cited but not in the corpus, so it has no reading page; "
                                   f"its text is at {G.nodes[node].get('url')}")
    page = page_path(graph_file.parent, node)
    if not page.exists():
        raise click.ClickException(f"{page}: no reading page (run `citegraph build` without --no-pages)")
    if print_path or not _can_open_browser():
        click.echo(str(page.resolve()))
        return
    if not webbrowser.open(page.resolve().as_uri()):
        click.echo(str(page.resolve()))


def _diff_side(arg: str, G_loader, corpus: pathlib.Path, graph_file: pathlib.Path) -> tuple:
    """A document and its references, or None for them: ARG is a file (read; its references are
    extracted by the caller, under the names the documents of the command teach), else a symbol of the
    graph whose corpus file is read from CORPUS (the folder the graph was built from: file names in the
    graph are relative) and whose references are the build's (:func:`_build_references`)."""
    path = pathlib.Path(arg)
    if path.is_file():
        return ingest.read_document(path), None
    from . import lookup  # (networkx: see read_cmd)

    G = G_loader()
    node = lookup.resolve(G, arg)
    file = G.nodes[node].get("file")
    if not file:
        raise click.ClickException(f"{node} is cited but not in the corpus: there is no text to compare")
    where = corpus / file
    if not where.is_file():
        raise click.ClickException(f"{node}: {where} not found (give the folder the graph was built from "
                                   f"with --corpus)")
    try:
        return ingest.read_document(where), _build_references(graph_file, file)
    except ReadError as err:
        raise click.ClickException(str(err)) from err


def _build_references(graph_file: pathlib.Path, file: str) -> tuple:
    """The build's references of the corpus file ``file`` (as the graph names it): its rows of the
    ``references.parquet`` beside ``graph_file``, in the table's order, as the reading pages take them
    (:class:`graph.reading.PageReference`) - with the names learned from the whole corpus, which the
    file alone does not teach (issue 18: `diff 78/132 79/194` called two citations of 78/132 by a
    learned name added)."""
    import pyarrow.parquet as pq  # (pyarrow: imported by the commands that use it)

    from .reading import _PAGE_DEFAULTS, PAGE_FIELDS, PageReference

    path = graph_file.parent / "references.parquet"
    if not path.is_file():
        raise click.ClickException(f"{path} not found: the diff of symbols takes their references from the "
                                   f"build that wrote {graph_file.name} (run `citegraph build`), or give files")
    names = set(pq.read_schema(path).names)
    table = pq.read_table(path, columns=[f for f in PAGE_FIELDS if f in names], filters=[("file", "==", file)])
    columns = [table.column(f).to_pylist() if f in names else [_PAGE_DEFAULTS[f]] * table.num_rows
               for f in PAGE_FIELDS]
    return tuple(PageReference._make(row) for row in zip(*columns))


@main.command("diff")
@click.argument("old")
@click.argument("new")
@_GRAPH_OPTION
@click.option("-c", "--corpus", type=click.Path(file_okay=False, path_type=pathlib.Path), default=SAMPLE,
              show_default="samples/", help="The folder the graph was built from (where the texts are).")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.option("--unchanged", is_flag=True, help="Also list the paragraphs that did not change.")
@click.option("--width", type=click.IntRange(40), default=None, help="Terminal width [default: the terminal's].")
@_graph_errors
def diff_cmd(old: str, new: str, graph_file: pathlib.Path, corpus: pathlib.Path, fmt: str, unchanged: bool,
             width) -> None:
    """What changed from OLD to NEW (symbols of the graph, e.g. `diff 78/132 79/194`, or files):
    paragraphs added, dropped, moved and changed with the changed words marked, verbs changed,
    citations added and dropped. Paragraphs are aligned by their words, whatever their numbers.

    \b
    A symbol's references are the build's (references.parquet beside --graph), as on its reading
    page: named references include the names learned from the whole corpus. A file's references
    know the curated names and the names OLD and NEW teach in their footnotes, not the corpus's."""
    from .diff import diff_documents, render_terminal  # (numpy, rapidfuzz: see read_cmd)

    loaded = []

    def graph():
        if not loaded:
            loaded.append(_load_graph(graph_file))
        return loaded[0]

    (a, a_refs), (b, b_refs) = (_diff_side(arg, graph, corpus, graph_file) for arg in (old, new))
    if a_refs is None or b_refs is None:  # a file: its references under the names both documents teach
        table = ingest.learn_aliases([a, b])
        a_refs = ingest.extract(a, aliases=table) if a_refs is None else a_refs
        b_refs = ingest.extract(b, aliases=table) if b_refs is None else b_refs
    result = diff_documents(a, b, a_refs, b_refs)
    if fmt == "json":
        sys.stdout.write(json.dumps(dataclasses.asdict(result), ensure_ascii=False) + "\n")
        return
    from rich.console import Console  # rich: loaded by the commands that print to a terminal only

    render_terminal(result, Console(width=width, highlight=False), unchanged=unchanged)


if __name__ == "__main__":
    main()
