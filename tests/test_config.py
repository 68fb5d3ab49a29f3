"""Configuration files: nearest wins, select/ignore/per-file-ignores/language, rule options."""
from __future__ import annotations

import json
from pathlib import Path

from resolint.cli import main

DRAFT = """
The General Assembly,
*Recalling* its resolution 73/11 of 26 November 2018;
@1. *Decides* to act;.
@2. *Requests* a report.
"""


def codes(capsys, *args: str) -> list[str]:
    main(["check", "--format", "json", *args])
    return sorted(f["code"] for f in json.loads(capsys.readouterr().out))


def test_nearest_config_wins(tmp_path: Path, draft, capsys) -> None:
    (tmp_path / "pyproject.toml").write_text('[tool.resolint]\nignore = ["P101"]\n')
    sub = tmp_path / "sub"
    sub.mkdir()
    top = draft(DRAFT, name="top.docx")
    inner = draft(DRAFT, name="sub/inner.docx")
    assert codes(capsys, str(top)) == ["S101"]
    (sub / "resolint.toml").write_text('ignore = ["S101"]\n')
    assert codes(capsys, str(inner)) == ["P101"]
    assert codes(capsys, str(top)) == ["S101"]


def test_pyproject_without_section_is_skipped(tmp_path: Path, draft, capsys) -> None:
    (tmp_path / "resolint.toml").write_text('select = ["P"]\n')
    sub = tmp_path / "sub"
    sub.mkdir()
    (sub / "pyproject.toml").write_text('[project]\nname = "x"\n')
    path = draft(DRAFT, name="sub/d.docx")
    assert codes(capsys, str(path)) == ["P101"]


def test_per_file_ignores(tmp_path: Path, draft, capsys) -> None:
    (tmp_path / "resolint.toml").write_text('[per-file-ignores]\n"old-*.docx" = ["P1", "paragraph-ending"]\n')
    old = draft(DRAFT, name="old-1.docx")
    new = draft(DRAFT, name="new-1.docx")
    assert codes(capsys, str(old)) == []
    assert codes(capsys, str(new)) == ["P101", "S101"]


def test_language_setting_and_cli_override(tmp_path: Path, draft, capsys) -> None:
    (tmp_path / "resolint.toml").write_text('language = "fr"\n')
    path = draft(DRAFT)
    main(["check", "--format", "json", str(path)])
    assert json.loads(capsys.readouterr().out)  # still checked, with the French pack
    from resolint.config import config_for
    assert config_for(path, set()).language == "fr"


def test_unknown_setting_is_one_line_exit_2(tmp_path: Path, draft, capsys) -> None:
    (tmp_path / "resolint.toml").write_text('selekt = ["P"]\n')
    path = draft(DRAFT)
    assert main(["check", str(path)]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "unknown setting 'selekt'" in err[0]


def test_rule_options_table(tmp_path: Path) -> None:
    from resolint.config import parse_config
    from resolint.plugin_manager import get_manager

    manager = get_manager()
    rule = manager.rule("P101")
    cfg = parse_config({"stacked-punctuation": {"x": 1}}, tmp_path / "resolint.toml", {rule.name})
    assert cfg.options_for(rule)["x"] == 1
