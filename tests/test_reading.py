"""graph.reading: one page per corpus document, every reference a link at its span (issue 18).

The browser tests open the reading page of 79/194 in Debian's headless chromium (Playwright),
refuse every request that is not a local file and check what a reader sees: each reference
``extract`` gives for 79/194 is a link over exactly its characters, hovering one shows the cited
document's title, a script planted in a title and in the text stays inert, nothing leaves the machine.
"""
from __future__ import annotations

import html
import json
import pathlib
import re
import shutil

import pytest
from click.testing import CliRunner

import ingest
from conftest import doc, ref
from graph import pipeline, reading
from graph.cli import main
from ingest import Footnote, Paragraph

ROOT = pathlib.Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "samples"
PLANT = '<script>window.__pwned=1</script><img src=x onerror="window.__pwned=2">'
PLANT_MD = '<script>window.pwnedMd=1</script><img src=x onerror="window.pwnedMd=2">'  # no "__": read as italics


@pytest.mark.parametrize("key, name", [
    ("A/RES/79/194", "A_RES_79_194"),
    ("S/RES/2720(2023)", "S_RES_2720_2023"),
    ("A/RES/2200(XXI)", "A_RES_2200_XXI"),
    ("A/79/62-E/2024/3", "A_79_62-E_2024_3"),
    ("A/RES/75/290B", "A_RES_75_290B"),
    ("E/CN.16/2018/CRP.3", "E_CN.16_2018_CRP.3"),
    ("../x/<a>", "x_a"),  # no way out of docs/, nothing that needs escaping
])
def test_page_name(key, name):
    assert reading.page_name(key) == name


# --------------------------------------------------------------------------- the pure page

def _paragraph_doc():
    text = "Recalling its resolution 78/132 of 19 December 2023, as well as previous resolutions on the issue,"
    fn = Footnote("1", "Resolutions 56/183 and 57/238.")
    p = Paragraph("pp1", "preambular", text, verb="Recalling", footnotes=(fn,), marks=(("1", len(text)),))
    op = Paragraph("op1", "operative", "1. Calls upon all States to implement the 2030 Agenda;", number="1",
                   verb="Calls upon")
    d = doc("A/RES/79/194", title=f"ICT {PLANT}", paragraphs=(p, op), date="2024-12-19", body="GA")
    refs = [ref("A/RES/79/194", "A/RES/78/132", "pp1", start=25, end=31, surface="78/132", relation="recalling"),
            ref("A/RES/79/194", "A/RES/56/183", "pp1", footnote="1", start=12, end=18, surface="56/183"),
            ref("A/RES/79/194", "A/RES/57/238", "pp1", footnote="1", start=23, end=29, surface="57/238"),
            ref("A/RES/79/194", "A/RES/70/1", "op1", kind="named", start=40, end=51, surface="2030 Agenda")]
    targets = {"A/RES/78/132": reading.Target("A/RES/78/132", f"Old {PLANT}", "2023-12-19", True),
               "A/RES/70/1": reading.Target("A/RES/70/1", "Transforming our world", "2015-09-25", False,
                                            "https://undocs.org/en/A/RES/70/1")}
    return d, refs, targets


def test_render_page_links_escapes_and_is_deterministic():
    d, refs, targets = _paragraph_doc()
    page = reading.render_page(d, refs, targets)
    assert page == reading.render_page(d, refs, targets)
    assert "<script>window" not in page and "<img" not in page  # planted markup escaped everywhere
    assert "&lt;script&gt;window.__pwned=1&lt;/script&gt;" in page
    assert '<em class="verb">Recalling</em> its resolution <a class="ref local" href="A_RES_78_132.html"' in page
    assert 'href="https://undocs.org/en/A/RES/70/1"' in page and '<a class="ref named"' in page
    assert 'href="https://undocs.org/en/A/RES/56/183"' in page  # not in targets: undocs.org, from the reference
    assert '<span class="num">1.</span> <em class="verb">Calls upon</em>' in page
    assert 'href="../graph.html#A%2FRES%2F79%2F194"' in page
    # the footnote sits under its paragraph, the mark where it was printed
    assert page.index('id="pp1-fn1"') < page.index('id="op1"')
    assert 'on the issue,<sup class="mark"><a href="#pp1-fn1">1</a></sup>' in page
    assert '<link rel="stylesheet" href="reading.css">' in page and '<script src="reading.js" defer></script>' in page
    assert "Content-Security-Policy" in page and "default-src 'none'" in page


def test_unplaced_reference_is_listed_not_lost():
    d, refs, targets = _paragraph_doc()
    bad = ref("A/RES/79/194", "A/RES/60/252", "pp1", start=5, end=9, surface="60/252")  # span does not match
    page = reading.render_page(d, refs + [bad], targets)
    assert "References not placed in the text" in page and "A/RES/60/252" in page


def test_same_span_two_targets_is_one_link():
    d, refs, targets = _paragraph_doc()
    twin = ref("A/RES/79/194", "A/RES/78/132B", "pp1", start=25, end=31, surface="78/132")
    page = reading.render_page(d, refs + [twin], targets)
    assert page.count(">78/132</a>") == 1
    assert 'data-targets="A/RES/78/132 | A/RES/78/132B"' in page


@pytest.mark.parametrize("p", [
    Paragraph("op3", "operative", "3. Requests the Secretary-General to report;", number="3", verb="Requests"),
    Paragraph("op4", "operative", "Decides to remain seized of the matter;", verb="Decides"),  # number not printed
    Paragraph("op5", "operative", "(a) Encourages States to cooperate;", verb="Encourages"),
    Paragraph("pp2", "preambular", "Recalling also the Tunis Agenda, as well as its resolution 70/125,",
              verb="Recalling also"),
    Paragraph("pp3", "preambular", "Noting with concern that the verb is not where it is said to be,", verb="Stressing"),
    Paragraph("p12", "body", "12. The Committee met in Geneva — twice.", number="12"),
    Paragraph("x1", "other", "Annex"),
    Paragraph("header", "header", "Resolution adopted by the General Assembly on 19 December 2024"),
    Paragraph("op6", "operative", "6. Urges <States> & partners to act;", number="6", verb="Urges"),  # escaped
    Paragraph("op7", "operative", "7.  ’Requests’ the Council;", number="7", verb="Requests"),
])
@pytest.mark.parametrize("change, change_id", [(None, None), ("unchanged", "op3-op3-2"), ("changed", "op3-op2-3"),
                                               ("added", "op4-x-4"), ("moved", "op5-pp1-5")])
def test_a_plain_paragraph_is_what_the_link_placing_path_makes(p, change, change_id):
    """A paragraph without references, marks or footnotes skips the link-placing machinery (a changed one
    with its mark too): the same bytes as the path that places links."""
    assert reading._plain_paragraph_html(p, change, change_id) == reading._paragraph_html(p, (), {}, change, change_id)


def test_a_page_task_sent_to_another_process_makes_the_same_page(tmp_path):
    """A task travels with its references as plain tuples (PageReference's fields) and makes the page
    that render_page makes from the Reference objects themselves."""
    import pickle

    d, refs, targets = _paragraph_doc()
    task = reading.PageTask("A/RES/79/194", d, tuple(map(reading.page_reference, refs)), targets, str(tmp_path),
                            old_references=tuple(refs))
    sent = pickle.loads(pickle.dumps(task))
    assert all(type(r) is reading.PageReference for r in sent.references + sent.old_references)
    for r, back in zip(refs, sent.old_references):
        assert all(getattr(r, f) == getattr(back, f) for f in reading.PAGE_FIELDS)
    name, _, kept = reading.make_page(sent)
    assert (name, kept) == ("A_RES_79_194.html", False)
    assert (tmp_path / name).read_text(encoding="utf-8") == reading.render_page(d, refs, targets, key="A/RES/79/194")


@pytest.mark.parametrize("end, frozen_before", [
    ("wait", False),
    ("cancel", False),
    ("wait", True),  # someone else's freeze: left as it is, not thawed with the job's
])
def test_a_page_job_freezes_what_exists_while_it_runs_and_thaws_it_after(built, tmp_path, end, frozen_before):
    """The objects that exist when the pages start (the graph, the build's tables) are out of the cycle
    collector's walks until the pages are made; then they are given back, whether the job ends or is
    cancelled."""
    import gc

    from graph.files import tool_version

    out, corpus = built
    if frozen_before:
        gc.freeze()
    try:
        before = gc.get_freeze_count()
        job = reading.start_pages(corpus.graph, corpus.documents, corpus.reference_table, tmp_path, jobs=1,
                                  keys=corpus.keys, store=(str(out / pipeline.CACHE_DIRNAME), tool_version()))
        assert gc.get_freeze_count() > 0
        made = getattr(job, end)()
        assert (gc.get_freeze_count() > 0) is frozen_before
        if end == "wait":
            assert made["pages"] == len(corpus.documents)
            assert (tmp_path / "docs" / "A_RES_79_194.html").read_bytes() \
                == (out / "docs" / "A_RES_79_194.html").read_bytes()
        else:
            assert not (tmp_path / "docs").exists() and not list(tmp_path.glob(".docs.*"))
        assert before > 0 or not frozen_before
    finally:
        gc.unfreeze()


# --------------------------------------------------------------------------- the build writes them

@pytest.fixture(scope="module")
def built(sample_written):
    """The sample built with its pages (conftest's session build)."""
    return sample_written


def test_build_writes_a_page_per_document(built):
    out, corpus = built
    pages = sorted(p.name for p in (out / "docs").glob("*.html"))
    assert len(pages) == len(corpus.documents) == corpus.pages["pages"]
    assert "A_RES_79_194.html" in pages and (out / "docs" / "reading.css").exists() \
        and (out / "docs" / "reading.js").exists()
    page = (out / "docs" / "A_RES_79_194.html").read_text(encoding="utf-8")
    assert '<section id="changes" class="changes"><h2>Changes since <a href="A_RES_78_132.html">78/132</a></h2>' \
        in page
    assert corpus.pages["changes"] >= 1
    assert "<style" not in page and "<script>" not in page  # the shared files, not copies


@pytest.mark.slow  # five builds of the sample
def test_pages_are_byte_identical_and_stale_ones_go(built, tmp_path):
    out, _ = built
    src = tmp_path / "corpus"
    shutil.copytree(SAMPLE, src)
    other = tmp_path / "out"
    pipeline.build([src], other, progress=False)
    for p in (out / "docs").iterdir():
        assert p.read_bytes() == (other / "docs" / p.name).read_bytes(), p.name
    again = pipeline.build([src], other, progress=False)  # nothing changed: every page kept as it was
    assert again.pages["kept"] == again.pages["pages"] == len(list((out / "docs").glob("*.html")))
    for p in (out / "docs").iterdir():
        assert p.read_bytes() == (other / "docs" / p.name).read_bytes(), p.name
    # a changed text: its page, its successor's and the pages citing it are made again, the others kept,
    # and every page is what a build from scratch makes
    t = src / "text" / "A_RES_78_132.txt"
    t.write_text(t.read_text(encoding="utf-8").replace("Stresses the important role played by the private sector",
                                                       "Stresses the vital role played by the private sector"),
                 encoding="utf-8")
    changed = pipeline.build([src], other, progress=False)
    assert 0 < changed.pages["kept"] < changed.pages["pages"]
    fresh = tmp_path / "fresh"
    pipeline.build([src], fresh, progress=False)
    for p in (fresh / "docs").iterdir():
        assert p.read_bytes() == (other / "docs" / p.name).read_bytes(), p.name
    assert "vital" in (other / "docs" / "A_RES_79_194.html").read_text(encoding="utf-8")
    t.unlink()
    pipeline.build([src], other, progress=False)
    assert not (other / "docs" / "A_RES_78_132.html").exists()
    assert "Changes since" not in (other / "docs" / "A_RES_79_194.html").read_text(encoding="utf-8")
    assert not list(other.glob(".docs.*"))  # no staging folder left


def _page_citation_rows(page: str) -> list[tuple[str, str, str]]:
    """(change, "pp21 fn 12", cited symbol) for each citation of a page's table "Citations added and
    dropped", read from its HTML (a row's links name their symbols in their tooltips)."""
    table = re.search(r'<table class="citations">.*?</table>', page, re.S)
    rows = []
    for change, place, cites in re.findall(r'<tr class="(added|dropped)"><td>.*?</td><td>(.*?)</td><td>(.*?)</td>',
                                           table.group(0) if table else ""):
        where = html.unescape(re.sub(r"<[^>]+>", "", place))
        rows += [(change, where, tip["s"]) for t in re.findall(r'data-tip="([^"]*)"', cites)
                 for tip in json.loads(html.unescape(t))]
    return rows


def test_changes_section_matches_the_diff(built):
    """`citegraph diff OLD NEW` over the build lists the citations the page's section lists, row for row
    (it read the two texts without the names learned from the corpus, and called two citations of 78/132
    by a learned name, "Road map for digital cooperation" in its pp20, added in 79/194's pp21)."""
    out, _ = built
    args = ["diff", "78/132", "79/194", "-g", str(out / "graph.json"), "--corpus", str(SAMPLE)]
    r = CliRunner().invoke(main, args + ["--format", "json"])
    assert r.exit_code == 0, r.output
    data = json.loads(r.output)
    shown = [(c["change"], c["paragraph"] + (f" fn {', '.join(c['footnotes'])}" if c["footnotes"] else ""),
              c["target"]) for c in data["citations"]]
    page = (out / "docs" / "A_RES_79_194.html").read_text(encoding="utf-8")
    on_page = _page_citation_rows(page)
    assert len(on_page) > 50 and ("added", "header", "A/79/434") in on_page  # the table was read
    assert sorted(shown) == sorted(on_page)
    assert not {("added", "pp21 fn 12", "A/74/821"), ("added", "pp21 fn 13", "A/75/982")} & set(shown)
    r = CliRunner().invoke(main, args + ["--width", "400"])
    summary = r.output.splitlines()[2]
    assert f'<p class="summary">{summary}. ' in page and "citations added" in summary
    assert "<del>Recognizing also</del></td><td><ins>Recognizes</ins>" in page
    assert 'class="para operative chg-added" id="op6"' in page


def test_cli_read_and_no_pages(built, tmp_path):
    out, _ = built
    r = CliRunner().invoke(main, ["read", "79/194", "-g", str(out / "graph.json"), "--print-path"])
    assert r.exit_code == 0, r.output
    assert r.output.strip() == str((out / "docs" / "A_RES_79_194.html").resolve())
    r = CliRunner().invoke(main, ["read", "56/183", "-g", str(out / "graph.json"), "-p"])
    assert r.exit_code == 1 and "not in the corpus" in r.output
    r = CliRunner().invoke(main, ["build", str(SAMPLE), "-o", str(tmp_path / "o"), "--no-pages"])
    assert r.exit_code == 0 and not (tmp_path / "o" / "docs").exists()


# --------------------------------------------------------------------------- in a real browser

@pytest.fixture(scope="module")
def planted(tmp_path_factory):
    """The sample corpus with markup planted in the title of 78/317 (cited in 79/194's footnote 11) and in a
    paragraph of 79/194 itself; built with its reading pages."""
    tmp = tmp_path_factory.mktemp("planted")
    src = tmp / "corpus"
    shutil.copytree(SAMPLE, src)
    p = src / "text" / "A_RES_78_317.txt"
    p.write_text(p.read_text(encoding="utf-8").replace("78/317.\tThe Antigua and Barbuda Agenda",
                                                       f"78/317.\tThe Antigua {PLANT_MD} and Barbuda Agenda"),
                 encoding="utf-8")
    m = src / "A_RES_79_194.md"
    m.write_text(m.read_text(encoding="utf-8").replace(
        "*Recalling also* Economic and Social Council resolution",
        f"*Recalling also* {PLANT_MD} Economic and Social Council resolution"),
        encoding="utf-8")
    out = tmp / "out"
    corpus = pipeline.build([src], out, progress=False)
    return out, corpus, src


def _open(browser, path):
    """A page on ``path`` with every request that is not a local file refused and recorded."""
    page = browser.new_page()
    outside = []

    def route(r):
        if r.request.url.startswith(("file:", "data:")):
            r.continue_()
        else:
            outside.append(r.request.url)
            r.abort()

    page.route("**/*", route)
    page.goto(path.resolve().as_uri())
    page.wait_for_load_state("load")
    return page, outside


SPANS_JS = """() => {
  const out = [];
  for (const box of document.querySelectorAll('header.doc span.text, main span.text')) {
    let pos = 0;
    const walk = document.createTreeWalker(box, NodeFilter.SHOW_TEXT);
    for (let n = walk.nextNode(); n; n = walk.nextNode()) {
      if (n.parentElement.closest('sup.mark')) continue;
      const a = n.parentElement.closest('a.ref');
      if (a) out.push([box.dataset.para, box.dataset.fn || null, pos, pos + n.data.length,
                       a.dataset.targets, n.data]);
      pos += n.data.length;
    }
  }
  return out;
}"""


def test_every_reference_is_a_link_at_its_span(browser, built):
    out, corpus = built
    G = corpus.graph
    page, outside = _open(browser, out / "docs" / "A_RES_79_194.html")
    links = page.evaluate(SPANS_JS)
    at = {}
    for para, fn, s, e, targets, text in links:
        at.setdefault((para, fn, s, e), set()).update(targets.split(" | "))
    _, refs = ingest.extract_file(SAMPLE / "A_RES_79_194.md")
    info = reading.target_info(G, refs)
    assert len(refs) == 95
    for r in refs:
        key = (r.paragraph, r.footnote, r.start, r.end)
        assert key in at, f"{r.surface!r} ({r.paragraph} fn {r.footnote}, {r.start}-{r.end}) is not a link"
        assert reading._lookup(info, r).key in at[key]
    assert outside == []
    page.close()


def test_hover_shows_the_target(browser, built):
    out, _ = built
    page, outside = _open(browser, out / "docs" / "A_RES_79_194.html")
    page.locator("#pp1 a.ref", has_text="78/132").first.hover()
    tip = page.locator("#tip")
    tip.wait_for(state="visible")
    text = tip.inner_text()
    assert "A/RES/78/132" in text and "Information and communications technologies for sustainable development" \
        in text and "2023-12-19" in text and "recall" in text  # the relation as a lemma (issue 14)
    # a named reference shows its instrument
    page.locator("a.ref.named", has_text="2030 Agenda").first.hover()
    assert "A/RES/70/1" in tip.inner_text() and "Transforming our world" in tip.inner_text()
    # the link goes to the cited document's own page
    page.locator("#pp1 a.ref", has_text="78/132").first.click()
    page.wait_for_load_state("load")
    assert page.url.endswith("/docs/A_RES_78_132.html")
    assert outside == []
    page.close()


def test_planted_script_stays_inert(browser, planted):
    out, corpus, src = planted
    page, outside = _open(browser, out / "docs" / "A_RES_79_194.html")
    assert page.evaluate("window.__pwned") is None and page.evaluate("window.pwnedMd") is None
    assert page.evaluate("document.querySelectorAll('script').length") == 1  # reading.js only
    assert page.evaluate("document.querySelectorAll('main img').length") == 0
    assert PLANT_MD in page.locator("#pp2").inner_text()  # shown as text
    link = page.locator("a.ref", has_text="78/317").first
    link.hover()
    assert f"The Antigua {PLANT_MD} and Barbuda" in page.locator("#tip").inner_text()
    assert page.evaluate("window.__pwned") is None and page.evaluate("window.pwnedMd") is None
    assert outside == []
    page.close()


def test_no_request_leaves_the_machine(browser, built):
    out, _ = built
    page, outside = _open(browser, out / "docs" / "A_RES_79_194.html")
    for a in page.locator("a.ref").all()[:40]:
        a.hover()
    page.locator("nav a.tochanges").click()
    assert outside == []
    assert page.evaluate("getComputedStyle(document.querySelector('ins')).backgroundColor") != "rgba(0, 0, 0, 0)"
    page.close()


def test_the_bar_leads_to_the_explorer_focused_on_the_document(browser, built):
    """The page's link back (``../graph.html#A%2FRES%2F79%2F194``) opens the explorer with the document
    focused: its details panel names it and links back to this page."""
    out, _ = built
    page, outside = _open(browser, out / "docs" / "A_RES_79_194.html")
    page.locator("nav a.explorer").click()
    page.wait_for_function("() => window.citegraph && window.citegraph.ready", timeout=120_000)
    assert page.url.endswith("/graph.html#A%2FRES%2F79%2F194")
    page.wait_for_function("() => (document.querySelector('#panel h3') || {}).textContent === 'A/RES/79/194'",
                           timeout=60_000)
    back = page.locator("#panel a", has_text="read the text").get_attribute("href")
    assert back == "docs/A_RES_79_194.html"
    assert outside == []
    page.close()


@pytest.mark.parametrize("name", [
    "memo\x1b[31m red.txt",          # an escape sequence
    "A_RES_79_1\x1b.txt",            # a control character in a symbol-like name
    "note\x07 bell\x0b.txt",         # bell and vertical tab
])
def test_a_file_name_with_control_characters_still_gets_its_reading_page(tmp_path, name):
    """The node's ``file`` goes through the cleaning step (graph.clean); the page of its document is
    found all the same (it was silently left out)."""
    src = tmp_path / "in"
    src.mkdir()
    (src / name).write_text("The General Assembly,\n\nRecalling its resolution 78/132 of 19 December 2023,\n\n"
                            "1.\tDecides to remain seized of the matter.\n", encoding="utf-8")
    (src / "plain.txt").write_text("The General Assembly,\n\nRecalling its resolution 77/150,\n", encoding="utf-8")
    out = tmp_path / "out"
    pipeline.build([src], out, progress=False)
    pages = sorted(p.name for p in (out / "docs").glob("*.html"))
    assert len(pages) == 2, pages
