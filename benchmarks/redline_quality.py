"""How much a redline marks: resolint against LibreOffice's Compare and python-redlines.

Usage::

    python benchmarks/redline_quality.py [--no-libreoffice] [--no-python-redlines] [--markdown]

For each pair (the bundled sample pairs, and successive Security Council resolutions of
the corpus in ``../shared/corpus/`` built into .docx, the way the ecosystem check builds
them), each comparer writes a tracked-change document of NEW against OLD, and the same
counter reads all of them (body and footnotes):

- ``marked``: characters inside insertions and deletions (moves counted once each side);
  fewer is better, as long as Accept All gives NEW and Reject All gives OLD (tested
  elsewhere for resolint; not checked here for the others);
- ``revisions``: insertion and deletion elements holding text (``w:ins``, ``w:del``,
  ``w:moveFrom``, ``w:moveTo``), a reader's number of marks to review;
- ``format``: formatting revisions (``w:rPrChange``, ``w:pPrChange``).

python-redlines runs when it is installed (``pip install 'python-redlines[docxodus]'``: its
actively maintained DocxDiff engine, a self-contained .NET binary); LibreOffice through
``tests/support/libreoffice`` (soffice and the system Python's ``uno``). Nothing is asserted:
this prints a table, measured in one run.
"""
from __future__ import annotations

import argparse
import sys
import tempfile
import zipfile
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(HERE))

from ecosystem import SAMPLES, SHARED  # noqa: E402

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
TEXT_MARKS = {f"{{{W}}}{t}" for t in ("ins", "del", "moveFrom", "moveTo")}
FORMAT_MARKS = {f"{{{W}}}{t}" for t in ("rPrChange", "pPrChange")}
TEXTS = {f"{{{W}}}{t}" for t in ("t", "delText")}

#: Bundled pairs: an earlier resolution and its successor, and a draft and its correction.
SAMPLE_PAIRS = (
    ("A-RES-73-11-fr-previous.docx", "A-RES-75-10-fr.docx"),
    ("A-RES-75-10-fr.docx", "A-RES-75-10-fr-corrected.docx"),
    ("interpol-cooperation-en-previous.docx", "interpol-cooperation-en.docx"),
)
#: Successive Security Council resolutions on one mandate (corpus file stems, OLD then NEW):
#: UNIFIL renewals, the Angola and Liberia texts of 1993-1994.
CORPUS_PAIRS = (
    ("S_RES_0684_1991_EN_GOLD", "S_RES_0701_1991_EN_GOLD"),
    ("S_RES_0701_1991_EN_GOLD", "S_RES_0734_1992_EN_GOLD"),
    ("S_RES_0852_1993_EN_GOLD", "S_RES_0895_1994_EN_GOLD"),
    ("S_RES_0874_1993_EN_GOLD", "S_RES_0884_1993_EN_GOLD"),
    ("S_RES_0834_1993_EN_GOLD", "S_RES_0851_1993_EN_GOLD"),
    ("S_RES_0851_1993_EN_GOLD", "S_RES_0864_1993_EN_GOLD"),
)


@dataclass
class Marks:
    marked: int = 0
    revisions: int = 0
    format: int = 0

    def cell(self) -> str:
        return f"{self.marked:,} / {self.revisions} / {self.format}"


def count(docx: bytes | Path) -> Marks:
    """Characters and elements marked in a tracked-change document (body and footnotes)."""
    out = Marks()
    src = docx if isinstance(docx, Path) else __import__("io").BytesIO(docx)
    with zipfile.ZipFile(src) as z:
        for name in ("word/document.xml", "word/footnotes.xml"):
            if name not in z.namelist():
                continue
            root = etree.fromstring(z.read(name))
            for el in root.iter():
                if el.tag in FORMAT_MARKS:
                    out.format += 1
                elif el.tag in TEXT_MARKS and el.getparent() is not None \
                        and el.getparent().tag != f"{{{W}}}rPr":
                    chars = sum(len(t.text or "") for t in el.iter() if t.tag in TEXTS)
                    if chars:
                        out.marked += chars
                        out.revisions += 1
    return out


def pairs(tmp: Path) -> list[tuple[str, Path, Path]]:
    """(name, OLD, NEW) of every pair whose files are here."""
    out = [(f"{new.removesuffix('.docx')} (sample)", SAMPLES / old, SAMPLES / new)
           for old, new in SAMPLE_PAIRS]
    folder = SHARED / "corpus" / "sc-adopted"
    if folder.is_dir():
        from resolint.testing import notation

        for old, new in CORPUS_PAIRS:
            built = []
            for stem in (old, new):
                src = next(folder.glob(f"{stem}*"), None)
                if src is None:
                    break
                path = tmp / f"{stem}.docx"
                notation.build(notation.parse(src.read_text("utf-8"))).save(str(path))
                built.append(path)
            if len(built) == 2:
                name = f"S/RES/{int(old[6:10])} -> {int(new[6:10])}"
                out.append((name, built[0], built[1]))
    return out


def python_redlines_engine():  # type: ignore[no-untyped-def]
    """python-redlines' DocxDiff engine, or the reason it cannot run."""
    try:
        from python_redlines.engines import DocxodusEngine

        return DocxodusEngine()
    except Exception as exc:  # not installed, or its binary cannot run here
        return f"{type(exc).__name__}: {exc}".splitlines()[0]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--no-libreoffice", action="store_true")
    ap.add_argument("--no-python-redlines", action="store_true")
    args = ap.parse_args(argv)

    from resolint.redline import diff_files

    lo = None
    if not args.no_libreoffice:
        from support import libreoffice

        lo = libreoffice if libreoffice.available() else None
        if lo is None:
            print("LibreOffice: not run (soffice or uno missing)", file=sys.stderr)
    engine = None if args.no_python_redlines else python_redlines_engine()
    if isinstance(engine, str):
        print(f"python-redlines: not run ({engine})", file=sys.stderr)
        engine = None

    rows = []
    totals = {"resolint": Marks(), "LibreOffice": Marks(), "python-redlines": Marks()}
    with tempfile.TemporaryDirectory() as tmpdir:
        tmp = Path(tmpdir)
        try:
            for name, old, new in pairs(tmp):
                row = {"pair": name, "resolint": count(diff_files(old, new).docx_bytes())}
                if lo is not None:
                    out = tmp / "lo.docx"
                    lo.compare(old, new, out)
                    row["LibreOffice"] = count(out)
                if engine is not None:
                    red = engine.run_redline("resolint-bench", old.read_bytes(), new.read_bytes())
                    row["python-redlines"] = count(red[0] if isinstance(red, tuple) else red)
                for key, marks in row.items():
                    if isinstance(marks, Marks):
                        t = totals[key]
                        t.marked, t.revisions, t.format = (t.marked + marks.marked, t.revisions + marks.revisions,
                                                           t.format + marks.format)
                rows.append(row)
        finally:
            if lo is not None:
                lo.close()
    tools = [t for t in ("resolint", "LibreOffice", "python-redlines") if any(t in r for r in rows)]
    print("| pair | " + " | ".join(f"{t}: marked / revisions / format" for t in tools) + " |")
    print("|---|" + "---|" * len(tools))
    for row in rows:
        print(f"| {row['pair']} | " + " | ".join(row[t].cell() if t in row else "-" for t in tools) + " |")
    print("| all | " + " | ".join(totals[t].cell() for t in tools) + " |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
