"""Cross-reference rules X101-X102 on real .docx drafts."""
from __future__ import annotations

from resolint.findings import FixSafety
from resolint.plugin_manager import get_manager
from support.rulecheck import run, seen

MANAGER = get_manager()

EN = """The General Assembly,
*Recalling* paragraph 9 of its resolution 73/11 and paragraph 2 below,
@1. *Decides* to act:
@(a) To meet;
@(b) To report on subparagraph (a) above and on subparagraph (c) above;
@2. *Requests* a report on paragraph 1 (b) above, paragraph 1 (d) above and paragraph 3 below;
@3. *Decides* to review paragraphs 1 to 4 above, paragraph 2 below and paragraph 3 above, and paragraph 7 of resolution 73/11.
"""

FR = """L’Assemblée générale,
*Rappelant* le paragraphe 4 de sa résolution 73/11,
@1. *Décide* d’agir comme prévu au paragraphe 2 ci-dessus\u00a0:
@a) De se réunir\u00a0;
@b) De rendre compte de l’alinéa a) ci-dessus et de l’alinéa c) ci-dessous\u00a0;
@2. *Prie* le Secrétaire général de rendre compte de l’alinéa b) du paragraphe 1 ci-dessus, des paragraphes 1 et 2 de la présente résolution et du paragraphe 18 ci-dessus.
"""






def test_x101_english_missing_targets(draft) -> None:
    r = run(draft, EN, "en", ["X101"])
    got = [(f.label, seen(r, f), f.message) for f in r.findings]
    assert got == [
        ("OP 1(b)", "subparagraph (c) above", "'subparagraph (c) above': there is no sub-paragraph (c) in this paragraph"),
        ("OP 2", "paragraph 1 (d) above", "'paragraph 1 (d) above': operative paragraph 1 has no sub-paragraph (d)"),
        ("OP 3", "paragraphs 1 to 4 above", "'paragraphs 1 to 4 above': there is no operative paragraph 4"),
    ]


def test_x102_english_directions(draft) -> None:
    r = run(draft, EN, "en", ["X102"])
    got = [(f.label, seen(r, f), f.message) for f in r.findings]
    assert got == [
        ("OP 3", "paragraphs 1 to 4 above", "'paragraphs 1 to 4 above' cites OP 3, the paragraph it is in"),
        ("OP 3", "paragraph 2 below", "'paragraph 2 below': OP 2 comes before OP 3, so write 'above'"),
        ("OP 3", "paragraph 3 above", "'paragraph 3 above' cites OP 3, the paragraph it is in"),
    ]
    assert r.findings[0].fix is None and r.findings[2].fix is None
    fix = r.findings[1].fix
    assert fix.safety is FixSafety.UNSAFE
    assert [(seen(r, r.findings[1])[e.start - r.findings[1].start:e.end - r.findings[1].start], e.replacement)
            for e in fix.edits] == [("below", "above")]


def test_x101_x102_french(draft) -> None:
    r = run(draft, FR, "fr", ["X101", "X102"])
    got = [(f.code, f.label, seen(r, f)) for f in r.findings]
    assert got == [
        ("X102", "OP 1", "paragraphe 2 ci-dessus"),
        ("X101", "OP 1(b)", "alinéa c) ci-dessous"),
        ("X101", "OP 2", "paragraphe 18 ci-dessus"),
    ]
    assert r.findings[0].fix.edits[0].replacement == "ci-dessous"
    assert r.findings[2].message == "«\u00a0paragraphe 18 ci-dessus\u00a0»\u00a0: le dispositif n’a pas de paragraphe 18"


def test_references_to_other_documents_and_preamble_are_ignored(draft) -> None:
    r = run(draft, "The General Assembly,\n*Recalling* paragraph 9 of its resolution 73/11 and preambular paragraph 5 "
                   "above,\n1. *Decides* to act under paragraph 12 of resolution 2019/19;\n2. *Requests* a report.",
            "en", ["X"])
    assert r.findings == []
