"""The one resolver of what a user types or pastes -> a node of the citation graph.

``citegraph show``, ``path``, ``build --focus``, :mod:`graph.analysis` and the
explorer page (its search box, Focus, Path and ``graph.html#fragment``) all
find documents through these rules. The page is JavaScript, so the rules are
data, ``graph/data/lookup.json``, which this module and the page's script
(``graph/templates/lookup.js``) both apply; ``tests/test_lookup.py`` runs a
table of inputs through both and checks that they agree.

How a text is read
------------------
1. **Characters**: NFKC, typographic dashes and quotes made plain, runs of
   spaces made one, upper case; quotes, brackets and a final full stop trimmed.
2. **Exact**: the text without spaces (and a leading "the") is a node's key, one of its aliases
   (``s/res/2720 (2023)``, ``Charter of the United Nations``) or a name of the named instrument it
   holds (:func:`instrument_names`: ``Paris Agreement``, ``the 2030 Agenda``, ``Tunis Agenda``).
3. **Qualifiers** in front are read and dropped, each narrowing the match:
   ``resolution``/``res.`` (kind), ``decision``/``dec.``, ``Security Council``,
   ``General Assembly``, ``ECOSOC``, ``UNSCR`` (body and kind) ...
4. **Symbol** spelled compactly (``2720 (2023)`` -> ``2720(2023)``); an old
   Assembly resolution's part is tried with and without it (``217 A (III)``
   -> ``217A(III)``, then ``217(III)``).
5. Matched, in this order, against each node's key, its **tails** from a
   slash on that still hold a slash or a parenthesis (``79/194``,
   ``2024/13``, ``2720(2023)``), and its **bases**: the key without the year
   or Roman session in parentheses and its tails (``1325``, ``S/RES/1325``,
   ``217``).
6. One match is the answer. Of several, a single resolution wins (``70/1`` is
   ``A/RES/70/1``, not the report ``A/70/1``; the others are kept in
   :attr:`Match.others`); otherwise the input is ambiguous and
   :class:`AmbiguousNode` lists the candidates.

Not supported: free words of a title (the page's search box ranks those
itself; a named instrument's names are read whole, above), misspelt symbols, a range ("resolutions
1325 to 1327").

Examples
--------
>>> import networkx as nx
>>> G = nx.DiGraph()
>>> G.add_node("S/RES/2720(2023)", kind="resolution", body="Security Council")
>>> G.add_node("A/RES/70/1", kind="resolution", body="General Assembly")
>>> G.add_node("A/70/1", kind="report", body="General Assembly")
>>> resolve(G, "resolution 2720 (2023)"), resolve(G, "70/1"), lookup(G, "70/1").others
('S/RES/2720(2023)', 'A/RES/70/1', ('A/70/1',))
"""
from __future__ import annotations

import json
import pathlib
import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, Iterable

import networkx as nx

from ingest import CitegraphError

__all__ = ["RULES_FILE", "rules", "NodeNotFound", "AmbiguousNode", "Query", "Match", "Index", "parse", "lookup",
           "resolve", "index_of", "instrument_names"]

#: The rules, as data shared with the explorer page.
RULES_FILE = pathlib.Path(__file__).resolve().parent / "data" / "lookup.json"

#: How many candidates an ambiguity names in its message.
SHOWN_CANDIDATES = 8


class NodeNotFound(CitegraphError, KeyError):
    """No node matches the text asked for; the message names that text."""

    def __str__(self) -> str:  # KeyError would quote the message
        return str(self.args[0])


class AmbiguousNode(NodeNotFound):
    """The text matches several documents and none is to be preferred; ``candidates`` lists them."""

    def __init__(self, message: str, candidates: tuple[str, ...] = ()):
        super().__init__(message)
        self.candidates = candidates


@lru_cache(maxsize=None)
def rules() -> dict:
    """The rules of ``graph/data/lookup.json``, their patterns compiled (``*_re`` keys)."""
    with open(RULES_FILE, encoding="utf-8") as f:
        data = json.load(f)
    data["characters_re"] = [(re.compile(p), r) for p, r in data["characters"]]
    data["trim_re"] = re.compile(data["trim"])
    data["qualifiers_re"] = [(re.compile(q["pattern"]), q["what"]) for q in data["qualifiers"]]
    data["compact_re"] = [(re.compile(p), r) for p, r in data["compact"]]
    data["part_re"] = re.compile(data["part"]["pattern"])
    data["session_re"] = re.compile(data["session_paren"])
    return data


@dataclass(frozen=True)
class Query:
    """What a text asks for: the keys to try in order, and the kind and body it names (or "")."""

    text: str
    whole: str  # the text upper-cased without spaces: matched first, as a node key or alias
    keys: tuple[str, ...]
    kind: str = ""
    body: str = ""


@dataclass(frozen=True)
class Match:
    """The node found for ``query``, by which ``rule`` (exact, symbol, tail, base), and
    ``others``: the documents that matched as well but lost to a resolution."""

    node: str
    query: Query = field(compare=False)
    rule: str = ""
    others: tuple[str, ...] = ()


def _clean(text: str) -> str:
    r = rules()
    s = str(text)
    if not (s.isascii() and _PLAIN.match(s)):  # (the rules change nothing else)
        s = unicodedata.normalize("NFKC", s)
        for pattern, repl in r["characters_re"]:
            s = pattern.sub(repl, s)
    return r["trim_re"].sub("", s.upper())


_PLAIN = re.compile(r"^(?:[!-~]| (?! ))*$")  # printable ASCII, single spaces


def key_of(symbol: str) -> str:
    """The form in which a node key, an alias or a typed symbol is compared: cleaned, no spaces."""
    return _clean(symbol).replace(" ", "")


def parse(text: str) -> Query:
    """Read ``text`` by the rules (steps 1, 3 and 4 of the module's list).

    >>> parse("resolution A/RES/217 A (III)")
    Query(text='resolution A/RES/217 A (III)', whole='RESOLUTIONA/RES/217A(III)', keys=('A/RES/217A(III)', 'A/RES/217(III)'), kind='resolution', body='')
    """
    r = rules()
    s = _clean(text)
    whole = s.replace(" ", "")
    what: dict[str, str] = {}
    changed = True
    while changed:
        changed = False
        for pattern, said in r["qualifiers_re"]:
            m = pattern.search(s)
            if m and m.end() < len(s):
                s = s[m.end():]
                for k, v in said.items():
                    what.setdefault(k, v)
                changed = True
                break
    for pattern, repl in r["compact_re"]:
        s = pattern.sub(repl, s)
    keys = [s.replace(" ", "")]
    m = r["part_re"].match(s)
    if m:
        keys.append((m.group(1) + m.group(3)).replace(" ", ""))
    return Query(text=text, whole=whole, keys=tuple(dict.fromkeys(keys)), kind=what.get("kind", ""),
                 body=what.get("body", ""))


def _natural(s: str) -> tuple:
    return tuple((0, int(p), "") if p.isdigit() else (1, 0, p) for p in re.split(r"(\d+)", s))


class Index:
    """Lookup tables of a graph's nodes: key and aliases, tails and bases (see the module).

    ``records`` are ``(node, kind, body, aliases)``; :func:`index_of` makes one from a graph.
    """

    def __init__(self, records: Iterable[tuple[str, str, str, Iterable[str]]]):
        self.kind: dict[str, str] = {}
        self.body: dict[str, str] = {}
        self.exact: dict[str, list[str]] = {}
        self.tail: dict[str, list[str]] = {}
        self.base: dict[str, list[str]] = {}
        session = rules()["session_re"]
        for node, kind, body, aliases in records:
            self.kind[node], self.body[node] = kind or "", body or ""
            for name in (node, *aliases):
                k = key_of(name)
                if not k:
                    continue
                _add(self.exact, k, node)
                parts = k.split("/")
                for i in range(1, len(parts)):
                    t = "/".join(parts[i:])
                    if "/" in t or "(" in t:
                        _add(self.tail, t, node)
                m = session.search(k)
                if m and "/" in k:
                    b = k[: m.start()].split("/")
                    for i in range(len(b)):
                        _add(self.base, "/".join(b[i:]), node)

    def __len__(self) -> int:
        return len(self.kind)

    def find(self, text: str) -> Match:
        """The :class:`Match` for ``text``; :class:`NodeNotFound` or :class:`AmbiguousNode` naming it."""
        q = parse(text)
        if not q.whole:
            raise NodeNotFound(f"no document {text!r}: give a symbol such as 79/194")
        hits = self.exact.get(q.whole)
        if hits:
            return self._choose(q, hits, "exact")
        for key in q.keys:
            for rule, table in (("symbol", self.exact), ("tail", self.tail), ("base", self.base)):
                hits = [n for n in table.get(key, ()) if (not q.kind or self.kind[n] == q.kind)
                        and (not q.body or self.body[n] == q.body)]
                if hits:
                    return self._choose(q, hits, rule)
        raise NodeNotFound(f"no document {text!r} in the graph")

    def _choose(self, q: Query, hits: list[str], rule: str) -> Match:
        hits = sorted(set(hits), key=_natural)
        if len(hits) == 1:
            return Match(hits[0], q, rule)
        preferred = [n for n in hits if self.kind[n] == rules()["prefer_kind"]]
        if len(preferred) == 1:
            return Match(preferred[0], q, rule, tuple(n for n in hits if n != preferred[0]))
        shown = ", ".join(hits[:SHOWN_CANDIDATES]) + (f" and {len(hits) - SHOWN_CANDIDATES} more"
                                                      if len(hits) > SHOWN_CANDIDATES else "")
        raise AmbiguousNode(f"{q.text!r} is ambiguous: {shown}", tuple(hits))


def _add(table: dict[str, list[str]], key: str, node: str) -> None:
    nodes = table.setdefault(key, [])
    if node not in nodes:
        nodes.append(node)


def _aliases(value: Any) -> list[str]:
    if not value:
        return []
    if isinstance(value, str):
        return [a.strip() for a in value.split("|") if a.strip()]
    return [str(a) for a in value]


@lru_cache(maxsize=None)
def instrument_names() -> dict[str, tuple[str, ...]]:
    """The names of each named instrument (``ingest/data/instruments.tsv``, as ``ingest.named`` reads
    them: "Paris Agreement"; "2030 Agenda for Sustainable Development", "Transforming our world: the
    2030 Agenda for Sustainable Development", "2030 Agenda"), by the node key of the document that holds
    it ("FCCC/CP/2015/10/Add.1", "A/RES/70/1"): what people type for it, found as an alias is. The
    explorer page gets the same names for its nodes (``graph.explorer.data``)."""
    from ingest import curated

    out: dict[str, list[str]] = {}
    for a in curated().curated:
        if a.name != a.target and a.name not in out.setdefault(a.target, []):
            out[a.target].append(a.name)
    return {k: tuple(v) for k, v in out.items() if v}


def index_of(G: nx.DiGraph) -> Index:
    """The :class:`Index` of ``G``'s nodes (about 30 ms for 10,000 nodes)."""
    names = instrument_names()
    return Index((str(n), str(d.get("kind") or ""), str(d.get("body") or ""),
                  [*_aliases(d.get("aliases")), *names.get(str(n), ())])
                 for n, d in G.nodes(data=True))


def lookup(G: nx.DiGraph, text: str) -> Match:
    """The :class:`Match` for ``text`` in ``G`` (the node, the rule that found it, the others)."""
    return index_of(G).find(text)


def resolve(G: nx.DiGraph, text: str) -> str:
    """The node of ``G`` that ``text`` means.

    Raises
    ------
    NodeNotFound
        naming ``text`` when nothing matches;
    AmbiguousNode
        (a :class:`NodeNotFound`) naming ``text`` and its candidates.
    """
    if text in G:
        return text
    return lookup(G, text).node
