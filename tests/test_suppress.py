"""Suppressions in the document (``resolint: ignore[...] reason`` comments) and per-file-ignores."""
from __future__ import annotations

from pathlib import Path

import pytest

from resolint.actions import Actions
from resolint.cli import main
from resolint.config import Config, config_for
from resolint.engine import check_file
from resolint.loader import load_document
from resolint.plugin_manager import get_manager
from resolint.plugins.suppressions import parse

MANAGER = get_manager()


def _codes(path: Path, config: Config | None = None, manager=MANAGER) -> list[tuple[str, int]]:
    res = check_file(path, config or Config(), manager)
    assert res.error is None, res.error
    return [(f.code, f.paragraph) for f in res.findings if f.code in ("P101", "N101", "R002", "R003")]


def test_parse() -> None:
    assert parse("resolint: ignore[P101, stacked-punctuation] quoted verbatim") == (
        ("P101", "stacked-punctuation"), "quoted verbatim")
    assert parse("Resolint: Ignore[P101]: agreed   language") == (("P101",), "agreed language")
    assert parse("resolint: ignore[P101]") == (("P101",), "")
    assert parse("Please check resolint: ignore[P101]") is None


def test_comments_are_read_with_their_range(draft) -> None:
    path = draft("The General Assembly,\n1. *Decides* to [[act now|resolint: ignore[P101] x]];.", "en")
    doc = load_document(path)
    (c,) = doc.comments
    part = doc.paragraphs[1]
    assert (c.author, c.text) == ("Reviewer", "resolint: ignore[P101] x")
    assert c.start_paragraph == c.end_paragraph == part.index
    assert part.text[c.start_offset:c.end_offset] == "act now"


@pytest.mark.parametrize(("text", "lang"), [
    ("The General Assembly,\n1. *Decides* to act[[;.|resolint: ignore[P101] quoted verbatim]]\n2. *Requests* a report;.",
     "en"),
    ("L’Assemblée générale,\n1. *Décide* d’agir [[;.|resolint: ignore[stacked-punctuation] citation]]\n"
     "2. *Prie* le Secrétaire général de faire rapport ;.", "fr"),
])
def test_suppression_hides_the_finding_in_its_range_only(draft, text, lang) -> None:
    got = _codes(draft(text, lang))
    assert ("P101", 3) in got
    assert ("P101", 2) not in got
    assert not [c for c, _ in got if c in ("R002", "R003")]


def test_unused_suppression_is_reported(draft) -> None:
    text = "The General Assembly,\n1. *Decides* to [[act|resolint: ignore[P101, N101] quoted]];.\n2. *Requests* a report."
    res = check_file(draft(text, "en"), Config(), MANAGER)
    r002 = [f for f in res.findings if f.code == "R002"]
    assert len(r002) == 2 and {f.paragraph for f in r002} == {2}
    assert [f for f in res.findings if f.code == "P101"], "the finding is outside the commented range"
    assert res.document.paragraphs[1].text[r002[0].start:r002[0].end] == "act"


def test_unknown_code_and_unselected_rules(draft) -> None:
    text = "The General Assembly,\n1. *Decides* to [[act|resolint: ignore[P999, P101] quoted]];\n2. *Requests* a report."
    path = draft(text, "en")
    res = check_file(path, Config(select=["R002"]), MANAGER)
    msgs = [f.message for f in res.findings]
    assert len(msgs) == 1 and "no known rule" in msgs[0] and "P999" in msgs[0]


def test_suppression_without_reason(draft) -> None:
    text = "L’Assemblée générale,\n1. *Décide* d’agir [[;.|resolint: ignore[P101]]]\n2. *Prie* le Secrétaire général de faire rapport."
    got = _codes(draft(text, "fr"))
    assert ("R003", 2) in got and ("P101", 2) not in got and ("R002", 2) not in got


def test_paragraph_finding_suppressed_by_a_comment_in_its_paragraph(draft) -> None:
    text = """
    The General Assembly,
    1. *Decides* to act;
    3. *Requests* a [[report|resolint: ignore[N101] numbering agreed with the co-facilitators]].
    """
    got = _codes(draft(text, "en"))
    assert not [c for c, _ in got if c in ("N101", "R002")], got


def test_fix_leaves_suppressed_findings(draft) -> None:
    text = "The General Assembly,\n1. *Decides* to act[[;.|resolint: ignore[P101] quoted verbatim]]\n2. *Requests* a report;."
    path = draft(text, "en")
    res = check_file(path, Config(), MANAGER, Actions(fix=True))
    assert res.fixed == 1
    doc = load_document(res.written)
    assert doc.paragraphs[1].text == "Decides to act;."
    assert doc.paragraphs[2].text == "Requests a report."
    assert [c.text for c in doc.comments] == ["resolint: ignore[P101] quoted verbatim"]


def test_blocked_plugin_applies_no_suppression(draft) -> None:
    from resolint.plugin_manager import Manager

    manager = Manager(("suppressions",))
    text = "The General Assembly,\n1. *Decides* to act[[;.|resolint: ignore[P101] quoted verbatim]]\n2. *Requests* a report."
    got = _codes(draft(text, "en"), manager=manager)
    assert ("P101", 2) in got and not [c for c, _ in got if c in ("R002", "R003")]


def test_per_file_ignores(draft, tmp_path) -> None:
    (tmp_path / "resolint.toml").write_text('[tool.resolint]\nper-file-ignores = { "old-*.docx" = ["P101"] }\n')
    text = "The General Assembly,\n1. *Decides* to act;.\n2. *Requests* a report."
    old = draft(text, "en", name="old-draft.docx")
    new = draft(text, "en", name="new-draft.docx")
    names = {r.name for r in MANAGER.rules.values()}
    assert ("P101", 2) not in _codes(old, config_for(old, names))
    assert ("P101", 2) in _codes(new, config_for(new, names))


def test_rules_lists_and_explains_the_suppression_rules(capsys) -> None:
    assert main(["rules"]) == 0
    out = capsys.readouterr().out
    assert "R002" in out and "unused-suppression" in out
    assert "R003" in out and "suppression-without-reason" in out
    assert main(["explain", "R003"]) == 0
    assert "resolint: ignore[" in capsys.readouterr().out
