#!/usr/bin/env python3
"""Make the PDF/Word twins of tests/pdfs/twins/: one source, two files, made by one tool.

usage: python3 scripts/make_twin_pdfs.py [OUT_FOLDER]   (default tests/pdfs/twins)

Each document below is written once as a flat OpenDocument text (.fodt) and converted by
LibreOffice Writer (Debian: ``apt-get install libreoffice-writer-nogui``) to PDF and to Word
(.docx), so that the twins are truly the same document: what one reader finds the other must
find. The tests (tests/test_formats_pdf_twins.py) and benchmarks/pdf_vs_word.py read the files
kept in the repository; this script is only needed to make them again.

The documents show what a PDF's glyphs do to the text:

* ``ligature-glyphs``: plain words ("Reaffirming", "Trafficking", "official", "fluent",
  "effluent") typeset in DejaVu Serif, whose ``liga`` feature draws ff, fi, fl, ffi and ffl as
  one glyph each; the PDF maps such a glyph to several characters (its ToUnicode map), which
  pdfium gives as several characters sharing one box;
* ``ligature-characters``: the Alphabetic Presentation Forms U+FB00-U+FB06 written as
  characters (text pasted from a PDF keeps them: "Rea\\ufb03rming"), in the PDF and in the Word file;
* ``line-end-hyphens``: words broken at a line end with a hyphen ("deci-" | "sion 79/555",
  "resolu-" | "tion 78/132", "Traf-" | "ficking") where the joined word occurs nowhere else in
  the document: the break is an optional hyphen (U+00AD, Word's Ctrl+hyphen), which prints a
  hyphen only where the line breaks; the Word file keeps the whole word. The script checks
  that each break falls at a line end of the PDF, and stops if a LibreOffice version breaks
  the lines elsewhere.

Also written: ``links.tsv`` (file, target, count): the targets each document cites, by hand,
for pdf_vs_word.py's recall.
"""
from __future__ import annotations

import pathlib
import shutil
import subprocess
import sys
import tempfile
from xml.sax.saxutils import escape

ROOT = pathlib.Path(__file__).resolve().parent.parent
SHY = "\u00ad"

_HEAD = """<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
 xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
 xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"
 xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0"
 xmlns:dc="http://purl.org/dc/elements/1.1/"
 office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
 <office:meta><dc:title>{title}</dc:title></office:meta>
 <office:font-face-decls>
  <style:font-face style:name="{font}" svg:font-family="'{font}'"/>
 </office:font-face-decls>
 <office:styles>
  <style:default-style style:family="paragraph">
   <style:paragraph-properties fo:margin-top="0cm" fo:margin-bottom="0.25cm" fo:text-align="{align}"/>
   <style:text-properties style:font-name="{font}" fo:font-size="10pt" fo:language="en" fo:country="US"
    fo:hyphenate="false"/>
  </style:default-style>
  <style:style style:name="Footnote" style:family="paragraph">
   <style:text-properties fo:font-size="8pt"/>
  </style:style>
 </office:styles>
 <office:automatic-styles>
  <style:page-layout style:name="pm1">
   <style:page-layout-properties fo:page-width="21cm" fo:page-height="29.7cm" fo:margin-top="2.5cm"
    fo:margin-bottom="2.5cm" fo:margin-left="{left}cm" fo:margin-right="{right}cm"/>
  </style:page-layout>
  <style:style style:name="Bold" style:family="paragraph">
   <style:text-properties fo:font-weight="bold" fo:font-size="12pt"/>
  </style:style>
 </office:automatic-styles>
 <office:master-styles><style:master-page style:name="Standard" style:page-layout-name="pm1"/></office:master-styles>
 <office:body><office:text>
"""
_TAIL = " </office:text></office:body>\n</office:document>\n"


def _para(text: str, style: str = "", notes: tuple[str, ...] = ()) -> str:
    """One paragraph; ``{n}`` in ``text`` places footnote n (1-based) of ``notes``."""
    body = escape(text)
    for i, note in enumerate(notes, 1):
        xml = (f'<text:note text:id="ftn{i}" text:note-class="footnote"><text:note-citation>{i}'
               f'</text:note-citation><text:note-body><text:p text:style-name="Footnote">{escape(note)}'
               f'</text:p></text:note-body></text:note>')
        body = body.replace("{%d}" % i, xml)
    attr = f' text:style-name="{style}"' if style else ""
    return f"  <text:p{attr}>{body}</text:p>\n"


def _resolution(words: dict[str, str]) -> list[str]:
    """A resolution's text; ``words`` gives the spelling of the words that hold ligatures."""
    w = words
    notes = ("United Nations, Treaty Series, vol. 2237, No. 39574.",
             f"See the {w['Office']} of Legal Aff{w['ai']}rs, {w['official']} records, A/79/434.")
    return [
        _para("Resolution adopted by the General Assembly on 10 December 2025"),
        _para("80/901. Countering trafficking in persons", "Bold"),
        _para("The General Assembly,"),
        _para(f"{w['Reaffirming']} its resolution 78/132 of 19 December 2023 and the Protocol to Prevent, Suppress "
              f"and Punish {w['Trafficking']} in Persons, Especially Women and Children,{{1}}", notes=notes),
        _para(f"Recalling the {w['official']} records of its seventy-ninth session and the {w['effective']} "
              f"{w['fulfilment']} of commitments on the {w['flow']} of {w['financing']},{{2}}", notes=notes),
        _para(f"Noting with concern the {w['fluctuation']} of {w['staff']} in the {w['Office']} and the "
              f"{w['effluent']} of {w['conflict']},"),
        _para(f"1. {w['Affirms']} the {w['first']} report of the Secretary-General (A/80/321) on "
              f"{w['efficient']} {w['offline']} and online {w['traffic']} {w['stst']};"),
        _para(f"2. Requests the Secretary-General to report on the implementation of the present resolution, "
              f"in the light of Economic and Social Council resolution 2024/13."),
    ]


_PLAIN = {k: k for k in ("Reaffirming", "Trafficking", "official", "effective", "fulfilment", "flow", "financing",
                         "fluctuation", "staff", "Office", "effluent", "conflict", "Affirms", "first", "efficient",
                         "offline", "traffic")}
_PLAIN.update({"ai": "ai", "stst": "(first, last)"})
_LIGATED = {
    "Reaffirming": "Rea\ufb03rming", "Trafficking": "Tra\ufb03cking", "official": "o\ufb03cial",
    "effective": "e\ufb00ective", "fulfilment": "ful\ufb01lment", "flow": "\ufb02ow", "financing": "\ufb01nancing",
    "fluctuation": "\ufb02uctuation", "staff": "sta\ufb00", "Office": "O\ufb03ce", "effluent": "e\ufb04uent",
    "conflict": "con\ufb02ict", "Affirms": "A\ufb03rms", "first": "\ufb01rst", "efficient": "e\ufb03cient",
    "offline": "o\ufb04ine", "traffic": "tra\ufb03c", "ai": "ai", "stst": "(\ufb01r\ufb05, la\ufb06)",
}


def _hyphens() -> list[str]:
    """A letter whose line-end hyphens break words that occur nowhere else in it."""
    return [
        _para("Letter dated 1 October 2025 from the Permanent Representative of Norway to the United Nations "
              "addressed to the Secretary-General", "Bold"),
        _para("I have the honour to refer to the work of the Open-ended Working Group on the budget for the "
              f"biennium, as set out by the General Assembly in its deci{SHY}sion 79/555 of 24 December 2024, and "
              "to the report before the Fifth Committee."),
        _para("My Government would like to recall that the General Assembly, in its resolu"
              f"{SHY}tion 78/132, asked all Member States to take part in that work without delay."),
        _para("We further recall that the Protocol to Prevent, Suppress and Punish "
              f"Traf{SHY}ficking in Persons, Especially Women and Children, is the instrument of reference for "
              "its member countries and partners."),
        _para("I should be grateful if the present letter could be circulated as a document of the General "
              "Assembly under agenda item 136."),
    ]


#: (name, font, text alignment, left and right margins in cm, paragraphs, line-end breaks the PDF must show,
#:  targets cited)
DOCUMENTS = [
    ("ligature-glyphs", "DejaVu Serif", "start", 2.5, 2.5, _resolution(_PLAIN), (),
     ["A/RES/78/132", "A/RES/55/25", "A/79/434", "A/80/321", "E/RES/2024/13"]),
    ("ligature-characters", "DejaVu Serif", "start", 2.5, 2.5, _resolution(_LIGATED), (),
     ["A/RES/78/132", "A/RES/55/25", "A/79/434", "A/80/321", "E/RES/2024/13"]),
    ("line-end-hyphens", "Liberation Serif", "justify", 2.5, 7.54, _hyphens(),
     ("deci", "resolu", "Traf"), ["A/DEC/79/555", "A/RES/78/132", "A/RES/55/25"]),
]


def _line_ends(pdf: pathlib.Path) -> list[str]:
    """The last word of each line of the PDF (pdfplumber's words, grouped by baseline)."""
    import pdfplumber

    ends = []
    with pdfplumber.open(pdf) as doc:
        for page in doc.pages:
            lines: dict[int, list] = {}
            for word in page.extract_words(keep_blank_chars=False):
                lines.setdefault(round(word["bottom"]), []).append(word)
            ends.extend(max(ws, key=lambda w: w["x1"])["text"] for ws in lines.values())
    return ends


def make(out: pathlib.Path) -> None:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if not soffice:
        sys.exit("LibreOffice is needed: apt-get install -y libreoffice-writer-nogui")
    out.mkdir(parents=True, exist_ok=True)
    rows = ["file\ttarget\tcount"]
    with tempfile.TemporaryDirectory() as tmp:
        for name, font, align, left, right, paras, breaks, targets in DOCUMENTS:
            src = pathlib.Path(tmp) / f"{name}.fodt"
            src.write_text(_HEAD.format(title=name, font=font, align=align, left=left, right=right)
                           + "".join(paras) + _TAIL, encoding="utf-8")
            for fmt in ("pdf:writer_pdf_Export", 'docx:MS Word 2007 XML'):
                subprocess.run([soffice, "--headless", f"-env:UserInstallation=file://{tmp}/profile",
                                "--convert-to", fmt, "--outdir", str(out), str(src)],
                               check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            ends = _line_ends(out / f"{name}.pdf")
            for half in breaks:
                if not any(e.endswith(half + "-") for e in ends):
                    sys.exit(f"{name}.pdf: no line ends with {half + '-'!r} (line ends: {ends})")
            rows.extend(f"{name}\t{t}\t1" for t in targets)
            print(f"{out / name}.pdf, .docx")
    (out / "links.tsv").write_text("\n".join(rows) + "\n", encoding="utf-8")


if __name__ == "__main__":
    make(pathlib.Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "tests" / "pdfs" / "twins")
