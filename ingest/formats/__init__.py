"""File formats -> citegraph markup: one module per format, and what they share.

Each reader turns a file into citegraph markup (the text format
:func:`ingest.structure.parse_text` reads: blank-line-separated blocks, ``<sup>N</sup>``
marks, ``---`` before footnote definitions, ``[text](url)`` links) plus the hints
its masthead gives; :mod:`ingest.read` dispatches by suffix and parses the markup.

* :mod:`.files` - a file's bytes, or a one-line error (every format);
* :mod:`.text` - plain text and Markdown: bytes -> text, whatever the encoding;
* :mod:`.pdf` - PDF pages -> plain dicts (the I/O: pypdfium2 or pdfplumber);
* :mod:`.pdf_layout` - plain dicts -> markup (pure, named tolerances);
* :mod:`.word` - .docx -> markup (python-docx, lxml);
* :mod:`.masthead` - the hints a first page's masthead gives (PDF and Word).

Characters and line joins shared with every reader are :mod:`ingest.normalize`.
"""
