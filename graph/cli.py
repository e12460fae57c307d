"""The ``citegraph`` command: thin click commands over ``ingest`` and ``graph``.

Library exceptions become one-line errors on stderr; progress goes to stderr.
"""
from __future__ import annotations

import json
import pathlib
import sys

import click
from tqdm import tqdm

import ingest
from ingest.model import ReadError

ROOT = pathlib.Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "samples"
DEFAULT_OUT = ROOT / "output"

JSONL_FIELDS = ("file", "source", "target", "kind", "paragraph", "footnote", "pinpoint", "relation",
                "surface", "start", "end", "target_body", "target_type", "target_date",
                "target_subject", "target_title", "evidence")


def warn(msg: str) -> None:
    tqdm.write(f"citegraph: {msg}", file=sys.stderr)


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
def extract_cmd(paths: tuple[pathlib.Path, ...], fmt: str) -> None:
    """Print every reference found in PATHS (files or folders, read recursively)."""
    files = list(ingest.iter_paths(paths, skipped=lambda p, why: warn(f"{p}: {why}")))
    read = 0
    out = sys.stdout
    rows = []
    for path in progress(files, "extract"):
        try:
            doc, refs = ingest.extract_file(path)
        except ReadError as err:
            warn(str(err))
            continue
        read += 1
        for r in refs:
            d = r.to_dict()
            if fmt == "jsonl":
                out.write(json.dumps({k: d[k] for k in JSONL_FIELDS}, ensure_ascii=False) + "\n")
            else:
                rows.append(d)
    if fmt == "table" and rows:
        _print_table(rows, out)
    if read == 0:
        raise click.ClickException("no file could be read")


def _print_table(rows: list[dict], out) -> None:
    cols = ("source", "paragraph", "footnote", "relation", "target", "pinpoint", "kind", "surface")
    widths = {c: min(40, max(len(c), *(len(str(r[c] or "")) for r in rows))) for c in cols}
    out.write("  ".join(c.upper().ljust(widths[c]) for c in cols).rstrip() + "\n")
    for r in rows:
        cells = []
        for c in cols:
            v = str(r[c] or "")
            if len(v) > widths[c]:
                v = v[: widths[c] - 1] + "…"
            cells.append(v.ljust(widths[c]))
        out.write("  ".join(cells).rstrip() + "\n")


if __name__ == "__main__":
    main()
