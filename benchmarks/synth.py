"""Synthetic French resolutions of N times the size of the sample A/RES/75/10.

The text is that of ``samples/build.py`` (the French sample: title, organ formula, 21
preambular and 16 operative paragraphs, OP 13 (a)-(e), 7 footnotes, a NOTEREF re-using
footnote 6, undocs.org links, no-break spaces). A resolution of size ``n`` keeps one title
and one formula and repeats the preamble ``n`` times, then the operative part ``n`` times,
in Word automatic numbering (OP 1 ... OP 16n, sub-paragraphs at level 1), each copy with its
own footnotes (``7n`` in all) and its own NOTEREF. Copies after the first carry a short
marker, "(partie k)", before their closing punctuation, so that no two paragraphs are the
same text (real drafts do not repeat themselves; a cache keyed on text must not flatter).

Sizes: 1 -> 44 paragraphs and 7 footnotes (the sample), 10 -> 422 and 70,
100 -> 4,202 and 700. The bytes are deterministic.

Usage::

    python benchmarks/synth.py 1 10 100 --out benchmarks/out

Library::

    from synth import synthetic
    data = synthetic(10)          # .docx bytes
"""
from __future__ import annotations

import argparse
import importlib.util
import re
import sys
from functools import cache
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parent.parent
_END = re.compile(r"(\s*[,;:.]+)$")
_FOOTNOTE = re.compile(r"\^(=?)(\d+)")


@cache
def _samples() -> ModuleType:
    """``samples/build.py``, the source of the French text, imported by path."""
    spec = importlib.util.spec_from_file_location("_resolint_sample_build", ROOT / "samples" / "build.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _copy(text: str, copy: int, footnotes: int) -> str:
    """``text`` of copy ``copy`` (0-based): footnote numbers shifted, a marker after the first."""
    text = _FOOTNOTE.sub(lambda m: f"^{m.group(1)}{int(m.group(2)) + copy * footnotes}", text)
    if copy:
        m = _END.search(text)
        at = m.start() if m else len(text)
        text = f"{text[:at]} (partie {copy + 1}){text[at:]}"
    return text


def spec(n: int) -> tuple[list[tuple[str, str]], dict[int, str]]:
    """The draft of size ``n`` in ``samples/build.py``'s mark-up: (spec, footnotes)."""
    if n < 1:
        raise ValueError("size must be at least 1")
    s = _samples()
    base, notes = s.FR_75_10, s.FR_FOOTNOTES
    per = len(notes)
    head = [(label, text) for label, text in base if label in ("TITLE", "FORMULA")]
    preamble = [(label, text) for label, text in base if label.startswith("PP")]
    operative = [(label, text) for label, text in base if label.startswith("OP")]
    out = list(head)
    for block in (preamble, operative):
        for c in range(n):
            out.extend((label, _copy(text, c, per)) for label, text in block)
    footnotes = {k + c * per: text for c in range(n) for k, text in notes.items()}
    return out, footnotes


def synthetic(n: int) -> bytes:
    """The .docx bytes of the French resolution of size ``n`` (deterministic)."""
    s = _samples()
    draft, footnotes = spec(n)
    return s.render(draft, footnotes, language="fr", title=s.FR_TITLE, typography=s.fr_typography).to_bytes()


def counts(n: int) -> tuple[int, int]:
    """(body paragraphs, footnotes) of the draft of size ``n``."""
    draft, footnotes = spec(n)
    return len(draft), len(footnotes)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("sizes", nargs="*", type=int, default=[1, 10, 100])
    ap.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "out")
    args = ap.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    for n in args.sizes:
        path = args.out / f"synthetic-fr-{n}x.docx"
        path.write_bytes(synthetic(n))
        paragraphs, notes = counts(n)
        print(f"{path}  {paragraphs} paragraphs, {notes} footnotes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
