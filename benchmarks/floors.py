"""The floors the benchmarks compare with: reading every paragraph's text, and nothing else.

Two readers, both measured in every run:

- :func:`python_docx_floor`: ``docx.Document(path)`` and ``paragraph.text`` for every body
  paragraph, plus the footnotes part (which python-docx loads but does not model) read
  from its blob with lxml. This is what a tool built on python-docx pays before it does
  anything: python-docx parses every XML part of the package and builds an object per run.
- :func:`lxml_floor`: :mod:`zipfile` and :mod:`lxml` only: parse ``word/document.xml`` and
  ``word/footnotes.xml``, join the ``w:t`` of each ``w:p``. No styles, numbering or
  formatting: the least any reader of a .docx can do.

Each returns the number of paragraphs read, so a caller can check both saw the same text.
"""
from __future__ import annotations

import gc
import zipfile
from pathlib import Path

from lxml import etree

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
FOOTNOTES_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes"


def settle() -> None:
    """Start a measured call from the same heap as any other: garbage collected, nothing frozen.

    resolint freezes what a document leaves alive (``resolint.collector``): a floor measured
    right after it would find fewer objects to walk, and resolint would meet the garbage
    the floor left. Collecting before every measured call, outside the timer, gives each
    the same start. Call it before each timed call.
    """
    gc.unfreeze()
    gc.collect()


def _texts(root: etree._Element) -> list[str]:
    return ["".join(t.text or "" for t in p.iter(f"{W}t")) for p in root.iter(f"{W}p")]


def lxml_floor(path: Path) -> int:
    """Every paragraph's text, body and footnotes, with zipfile and lxml alone."""
    parser = etree.XMLParser(resolve_entities=False)
    n = 0
    with zipfile.ZipFile(path) as z:
        names = set(z.namelist())
        for name in ("word/document.xml", "word/footnotes.xml"):
            if name in names:
                n += len(_texts(etree.fromstring(z.read(name), parser)))
    return n


def python_docx_floor(path: Path) -> int:
    """Every body paragraph's text through python-docx, and the footnotes' text with lxml."""
    import docx

    document = docx.Document(str(path))
    n = len([p.text for p in document.paragraphs])
    for rel in document.part.rels.values():
        if rel.reltype == FOOTNOTES_REL and not rel.is_external:
            n += len(_texts(etree.fromstring(rel.target_part.blob, etree.XMLParser(resolve_entities=False))))
    return n


#: Source of a fresh process running each floor (``python -c SOURCE FILE``), for whole-process timings.
PROCESS = {
    "lxml": "import sys; sys.path.insert(0, {here!r}); from floors import lxml_floor; lxml_floor(sys.argv[1])",
    "python-docx": ("import sys; sys.path.insert(0, {here!r}); from floors import python_docx_floor; "
                    "python_docx_floor(sys.argv[1])"),
}


def process_source(kind: str) -> str:
    return PROCESS[kind].format(here=str(Path(__file__).resolve().parent))
