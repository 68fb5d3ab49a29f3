"""The command line end to end: exit codes, one-line errors, text and JSON output."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from resolint.cli import main
from support.cli import CLEAN_DRAFT, run_cli

OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
BAD_DRAFT = """
The General Assembly,
*Recalling* its resolution 73/11 of 26 November 2018,
@1. *Decides* to act;.
@2. *Requests* a report.
"""


@pytest.mark.parametrize(("name", "content", "needle"), [
    ("missing.docx", None, "no such file"),
    ("notzip.docx", b"This is plain text, not a Word document.\n", "not a zip archive"),
    ("legacy.doc", OLE + b"\x00" * 600, "legacy Word 97-2003"),
    ("secret.docx", OLE + b"\x00" * 100 + "EncryptionInfo".encode("utf-16-le") + b"\x00" * 100, "encrypted"),
    ("empty.docx", b"", "empty file"),
])
def test_unreadable_input_is_one_line_and_exit_2(tmp_path: Path, name: str, content: bytes | None, needle: str) -> None:
    path = tmp_path / name
    if content is not None:
        path.write_bytes(content)
    proc = run_cli("check", str(path))
    assert proc.returncode == 2
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1, proc.stderr
    assert lines[0].startswith("resolint: error: ") and needle in lines[0]
    assert "Traceback" not in proc.stderr


def test_findings_exit_1_and_text_format(draft, capsys) -> None:
    path = draft(BAD_DRAFT)
    assert main(["check", str(path)]) == 1
    out = capsys.readouterr().out.splitlines()
    assert out[0] == f"{path}:3:15: P101 [OP 1] error: stacked punctuation ';.': keep one mark (';') [*]"
    assert out[-1] == "Found 1 finding in 1 draft; 1 fixable with --fix."


def test_clean_exit_0(draft, capsys) -> None:
    path = draft(CLEAN_DRAFT)
    assert main(["check", str(path)]) == 0
    assert "All checks passed" in capsys.readouterr().out


def test_json_format_keys(draft, capsys) -> None:
    path = draft(BAD_DRAFT)
    assert main(["check", "--format", "json", str(path)]) == 1
    data = json.loads(capsys.readouterr().out)
    assert isinstance(data, list) and len(data) == 1
    f = data[0]
    for key in ("path", "code", "name", "severity", "label", "paragraph", "start", "end", "message"):
        assert key in f
    assert (f["code"], f["name"], f["label"], f["severity"]) == ("P101", "stacked-punctuation", "OP 1", "error")


def test_folder_search_skips_lock_files(tmp_path: Path, draft, capsys) -> None:
    folder = tmp_path / "drafts"
    folder.mkdir()
    draft(BAD_DRAFT, name="drafts/a.docx")
    draft(CLEAN_DRAFT, name="drafts/b.docx")
    (folder / "~$a.docx").write_bytes(b"lock")
    assert main(["check", "--format", "json", str(folder)]) == 1
    paths = {Path(f["path"]).name for f in json.loads(capsys.readouterr().out)}
    assert paths == {"a.docx"}


def test_select_ignore_and_language(draft, capsys) -> None:
    path = draft(BAD_DRAFT)
    assert main(["check", "--ignore", "P101", str(path)]) == 0
    capsys.readouterr()
    assert main(["check", "--select", "stacked-punctuation", str(path)]) == 1
    capsys.readouterr()
    assert main(["check", "--language", "xx", str(path)]) == 2
    assert "unknown language" in capsys.readouterr().err


def test_rules_explain_plugins(capsys) -> None:
    assert main(["rules"]) == 0
    out = capsys.readouterr().out
    assert "P101" in out and "stacked-punctuation" in out
    assert main(["explain", "P101"]) == 0
    doc = capsys.readouterr().out
    for section in ("What it does", "Why", "Example", "Use instead", "References"):
        assert f"## {section}" in doc
    assert main(["explain", "R001"]) == 0  # findings of the engine itself are explained too
    assert "## What it does" in capsys.readouterr().out
    assert main(["explain", "no-such-rule"]) == 2
    capsys.readouterr()
    assert main(["plugins"]) == 0
    names = [line.split()[0] for line in capsys.readouterr().out.splitlines()]
    assert {"docx", "formats", "en", "fr", "rules"} <= set(names)


def test_blocking_a_plugin(draft, capsys) -> None:
    path = draft(BAD_DRAFT)
    assert main(["-p", "no:rules", "plugins"]) == 0
    out = capsys.readouterr().out
    assert "rules" not in [line.split()[0] for line in out.splitlines() if line.strip() and not line.startswith("blocked")]
    assert "blocked: rules" in out
    # Without the built-in rules there is nothing to report.
    assert main(["-p", "no:rules", "check", str(path)]) == 0
    capsys.readouterr()
    # Without the docx loader, nothing can read the file.
    assert main(["-p", "no:docx", "check", str(path)]) == 2
    assert "no loader" in capsys.readouterr().err


def test_bad_usage_is_exit_2(capsys) -> None:
    assert main(["check", "--format", "nope", "x.docx"]) == 2
    assert "unknown format" in capsys.readouterr().err
    assert main(["frobnicate"]) == 2
