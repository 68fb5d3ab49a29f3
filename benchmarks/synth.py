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
100 -> 4,202 and 700, 1000 -> 42,002 and 7,000. The bytes are deterministic.

Variants of the same text, for :mod:`bench_scale`:

- :func:`head_only`: the title and the formula alone (what a command costs before any paragraph);
- :func:`suppressed`: the draft of size ``n`` with, on every paragraph where the sample has
  findings, a ``resolint: ignore[CODES] reason`` comment naming their rules (the codes come
  from checking the 1x draft, so they follow the rules as they are);
- :func:`long_paragraph`: the sample's preambular and operative text as one paragraph of
  ``chars`` characters, in one run or one character per run;
- :func:`commas`: an English draft of ``chars`` characters of ``",  "`` (stacked punctuation
  and double spaces: about one finding per two characters).

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
import tempfile
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


def head_only() -> bytes:
    """The title and the formula of the sample, and nothing else."""
    s = _samples()
    draft, _ = spec(1)
    head = [(label, text) for label, text in draft if label in ("TITLE", "FORMULA")]
    return s.render(head, {}, language="fr", title=s.FR_TITLE, typography=s.fr_typography).to_bytes()


@cache
def sample_codes() -> dict[str, tuple[str, ...]]:
    """Label in the sample (``"PP1"``, ``"OP13(a)"``) -> codes of the findings in that paragraph of the 1x draft."""
    from resolint.config import Config
    from resolint.engine import check_file
    from resolint.plugin_manager import get_manager

    draft, _ = spec(1)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "sample.docx"
        path.write_bytes(synthetic(1))
        result = check_file(path, Config(), get_manager())
    if result.error is not None:
        raise RuntimeError(result.error)
    codes: dict[str, set[str]] = {}
    for f in result.findings:
        if 1 <= f.paragraph <= len(draft):  # body paragraphs are the spec's, in order
            codes.setdefault(draft[f.paragraph - 1][0], set()).add(f.code)
    return {label: tuple(sorted(c)) for label, c in codes.items()}


def suppressed(n: int) -> bytes:
    """The draft of size ``n``, every paragraph with findings in the sample under a suppression of them."""
    s = _samples()
    draft, footnotes = spec(n)
    codes = sample_codes()
    comments = {i: f"resolint: ignore[{', '.join(codes[label])}] quoted from the adopted text"
                for i, (label, _) in enumerate(draft) if label in codes}
    return s.render(draft, footnotes, language="fr", title=s.FR_TITLE, typography=s.fr_typography,
                    comments=comments).to_bytes()


def suppressions(n: int) -> int:
    """The number of suppression comments in :func:`suppressed` of size ``n``."""
    draft, _ = spec(1)
    return n * sum(1 for label, _ in draft if label in sample_codes() and label not in ("TITLE", "FORMULA"))


def _plain(text: str) -> str:
    """Text of one paragraph of the sample as a reader sees it, without its footnotes."""
    s = _samples()
    text = s.fr_typography(text)
    return s._MARKUP.sub(lambda m: m.group("i") or m.group("sup") or m.group("lt") or "", text)


def long_paragraph(chars: int, one_char_runs: bool = False) -> bytes:
    """Title, formula and one preambular paragraph of ``chars`` characters: the sample's
    preambular and operative texts one after the other (copies marked as in :func:`spec`),
    in one run, or with ``one_char_runs`` in one run per character."""
    from resolint.testing.builder import DocBuilder, Run

    s = _samples()
    n = 1
    while True:
        draft, _ = spec(n)
        body = [_plain(text) for label, text in draft if label not in ("TITLE", "FORMULA")]
        text = " ".join(body)
        if len(text) >= chars:
            break
        n *= 2
    text = text[:chars]
    head = {label: _plain(t) for label, t in draft if label in ("TITLE", "FORMULA")}
    b = DocBuilder(language="fr", title=s.FR_TITLE)
    b.paragraph(head["TITLE"], style="Title")
    b.paragraph(head["FORMULA"])
    b.paragraph(*([Run(c) for c in text] if one_char_runs else [text]))
    return b.to_bytes()


def commas(chars: int, per_paragraph: int = 300) -> bytes:
    """An English draft: the formula, then paragraphs of ``Recalling`` and ``per_paragraph``
    times ``",  "``, ``chars`` characters of them in all."""
    from resolint.testing.builder import DocBuilder

    b = DocBuilder(language="en")
    b.paragraph("The General Assembly,")
    text = "Recalling " + ",  " * per_paragraph
    for _ in range(max(1, chars // len(text))):
        b.paragraph(text)
    return b.to_bytes()


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
