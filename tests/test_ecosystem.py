"""The ecosystem check: every finding on the real texts of ../shared/corpus is reviewed.

A rule change that adds a finding nobody reviewed, or loses one judged right, fails here;
`python benchmarks/ecosystem.py` shows which, `--update` records them for review.
"""
from __future__ import annotations

import importlib.util
import os
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("RESOLINT_SHARED", ROOT.parent / "shared"))


def _ecosystem():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("ecosystem", ROOT / "benchmarks" / "ecosystem.py")
    module = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
    sys.modules["ecosystem"] = module  # its dataclasses look their module up
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    return module


@pytest.mark.slow
@pytest.mark.skipif(not (SHARED / "corpus").is_dir() and not os.environ.get("CI"),
                    reason="the real texts (../shared/corpus) are not here")
def test_every_finding_on_real_texts_is_reviewed(capsys: pytest.CaptureFixture[str]) -> None:
    eco = _ecosystem()
    status = eco.main(["--shared", str(SHARED)])
    out = capsys.readouterr().out
    assert status == 0, "\n".join(line for line in out.splitlines() if line.startswith(("added", "gone")))[:5000]


def test_notation_reads_both_forms(tmp_path: Path) -> None:
    """The corpus notation, plain and marked, becomes paragraphs, italics and footnotes."""
    from resolint.loader import load_document
    from resolint.testing import notation

    plain = notation.parse("# SOURCE: x | SYMBOL: S/RES/1 (1946) | LANG: en | FORMAT: plain\n"
                           "The Security Council,\nRecalling its resolution\n808 (1993), 12\n\n"
                           "1. Decides to act.\n\nAdopted at the 2nd meeting.\n\n12 Document S/1.\n")
    assert plain.paragraphs == ["The Security Council,", "Recalling its resolution 808 (1993),[^12]",
                                "1. Decides to act.", "Adopted at the 2nd meeting."]
    assert plain.notes == {"12": "Document S/1."}
    marked = notation.parse("# SOURCE: x | SYMBOL: S/2019/1 | LANG: en | FORMAT: marked\n"
                            "*The Security Council*,\n1.\t*Decides* to act.[^1]\n\n[^1]: S/RES/1.\n")
    notation.build(marked).save(str(tmp_path / "m.docx"))
    doc = load_document(tmp_path / "m.docx")
    op = doc.operative[0]
    assert op.text.startswith("Decides to act.")
    assert next(r for r in op.runs if r.kind == "text").italic
    assert [fn.text for fn in doc.footnotes] == ["S/RES/1."]


def test_notation_reads_what_text_layers_do() -> None:
    """A paragraph opening on the line after a clause, and footnote marks set as "2/" or ",1"."""
    from resolint.testing import notation

    plain = notation.parse("# SOURCE: x | SYMBOL: S/RES/150 (1960) | LANG: en | FORMAT: plain\n"
                           "The Security Council,\n\nHaving examined the application of\nthe Ivory Coast, 26\n"
                           "Recommends to the General Assembly that it be\nadmitted.\n\n"
                           "Noting the report,2/\n\nNoting the letter ,33\n\nRecalling paragraphs 1, 2\n\nAdopted at the 891st meeting.\n")
    assert plain.paragraphs == ["The Security Council,", "Having examined the application of the Ivory Coast,[^26]",
                                "Recommends to the General Assembly that it be admitted.", "Noting the report,[^2]", "Noting the letter ,[^33]",
                                "Recalling paragraphs 1, 2", "Adopted at the 891st meeting."]


#: Words that open two or more paragraphs of the adopted texts and are no opener, with why
#: (the texts of 1946-1951, whose form had not settled, are not checked for openers).
NOT_OPENERS = {
    "Nothing": "the scan's 'Nothing further' for 'Noting further'",
    "Reguests": "the scan's 'Reguests' for 'Requests'",
    "ll": "the scan's 'll.' for the number '11.'",
}


@pytest.mark.slow
@pytest.mark.skipif(not (SHARED / "corpus").is_dir() and not os.environ.get("CI"),
                    reason="the real texts (../shared/corpus) are not here")
def test_openers_used_twice_in_adopted_texts_are_known() -> None:
    """Every opening phrase used at least twice in the adopted texts is in the English lexicon."""
    from collections import Counter

    from resolint.batch import Options, check_files
    from resolint.plugin_manager import get_manager

    eco = _ecosystem()
    texts = [t for t in eco.corpus_texts(SHARED) if t.name.startswith("sc-adopted/")]
    assert len(texts) > 700
    results = check_files([t.docx for t in texts], get_manager(), Options(select=("S103", "S104")), progress=False)
    unknown: Counter[str] = Counter()
    for res in results:
        for f in res.findings:
            if "of the lexicon" in f.message:
                unknown[f.message.split("'")[1] if "'" in f.message else f.message.split('"')[1]] += 1
    missing = {word: n for word, n in unknown.items() if n >= 2 and word not in NOT_OPENERS}
    assert not missing, f"openers used twice or more and not in the lexicon: {missing}"
