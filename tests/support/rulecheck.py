"""Running selected rules on a draft written in the compact notation, for rule tests."""
from __future__ import annotations

from resolint.config import Config
from resolint.engine import FileResult, check_file
from resolint.findings import Finding
from resolint.plugin_manager import get_manager

MANAGER = get_manager()


def run(draft, text: str, lang: str, select: list[str], options: dict | None = None) -> FileResult:  # type: ignore[no-untyped-def]
    """Build ``text`` as a real .docx (the ``draft`` fixture) and check it with ``select`` only."""
    path = draft(text, lang)
    result = check_file(path, Config(select=select, language=lang, rule_options=options or {}), MANAGER)
    assert result.error is None, result.error
    assert not [f for f in result.findings if f.code == "R001"], result.findings
    return result


def seen(result: FileResult, finding: Finding) -> str:
    """The text a finding flags."""
    return result.document.find(finding.label).text[finding.start:finding.end]  # type: ignore[union-attr]


def fixed(result: FileResult, finding: Finding) -> str:
    """The paragraph text after applying the finding's fix."""
    text = result.document.find(finding.label).text  # type: ignore[union-attr]
    for edit in sorted(finding.fix.edits, key=lambda e: e.start, reverse=True):  # type: ignore[union-attr]
        text = text[:edit.start] + edit.replacement + text[edit.end:]
    return text
