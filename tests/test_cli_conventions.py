"""The command line the way ruff users expect it (issue 17, points 1, 3, 4, 5, 6 and 8):
unknown selectors and settings are errors, severities and a failure threshold, formats
inferred from output names, every Word extension in folder scans, ``--config``,
``extend``, ``--extend-select``, and ``--fix`` reports. Every test goes through the
command line (:func:`resolint.cli.main`, or a real ``python -m resolint`` process)."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from resolint.cli import main
from support.cli import CLEAN_DRAFT as CLEAN
from support.cli import run_cli

ROOT = Path(__file__).resolve().parent.parent

# P101 (stacked punctuation, safe fix) in OP 1, S101 (preambular paragraph ends with ';') in PP 1.
DRAFT = """
The General Assembly,
*Recalling* its resolution 73/11 of 26 November 2018;
@1. *Decides* to act;.
@2. *Requests* a report.
"""


def check_json(capsys, *args: str) -> tuple[int, list[dict]]:
    rc = main(["check", "--format", "json", "--no-progress", *map(str, args)])
    out = capsys.readouterr().out
    return rc, (json.loads(out) if out.strip() else [])


def codes(capsys, *args: str) -> list[str]:
    rc, data = check_json(capsys, *args)
    assert rc in (0, 1), rc
    return sorted(f["code"] for f in data)


def one_error_line(capsys) -> str:
    captured = capsys.readouterr()
    lines = captured.err.strip().splitlines()
    assert len(lines) == 1, captured.err
    assert lines[0].startswith("resolint: error: ") and "resolint: error: resolint" not in lines[0]
    assert "Traceback" not in captured.err
    return lines[0]


# -- 1. unknown rule selectors --------------------------------------------------------------------------
@pytest.mark.parametrize(("args", "needle"), [
    (["--select", "XYZ"], "--select: unknown rule selector 'XYZ'"),
    (["--ignore", "P999"], "--ignore: unknown rule selector 'P999'"),
    (["--extend-select", "P101,Q1"], "--extend-select: unknown rule selector 'Q1'"),
    (["--select", "stacked-punctuaton"], "unknown rule selector 'stacked-punctuaton'; did you mean 'stacked-punctuation'?"),
])
def test_unknown_selector_on_the_command_line_is_exit_2(draft, capsys, args, needle) -> None:
    path = draft(DRAFT)
    assert main(["check", *args, str(path)]) == 2
    assert needle in one_error_line(capsys)


@pytest.mark.parametrize("setting", [
    'select = ["XYZ"]', 'ignore = ["P999"]', 'extend-select = ["P9"]',
    '[per-file-ignores]\n"*.docx" = ["P999"]', '[severity]\nP999 = "info"',
])
def test_unknown_selector_in_the_config_file_is_exit_2(tmp_path, draft, capsys, setting) -> None:
    (tmp_path / "resolint.toml").write_text(setting + "\n")
    path = draft(DRAFT)
    assert main(["check", str(path)]) == 2
    line = one_error_line(capsys)
    assert "resolint.toml: unknown rule selector" in line
    assert capsys.readouterr().out == ""


def test_known_selectors_are_accepted(draft, capsys) -> None:
    path = draft(DRAFT)
    for selector in ("ALL", "P", "P1", "p101", "stacked-punctuation", "R001"):
        rc = main(["check", "--select", selector, "--no-progress", str(path)])
        assert rc in (0, 1), (selector, capsys.readouterr().err)
        capsys.readouterr()


def test_code_of_a_blocked_plugin_is_unknown(draft, capsys) -> None:
    path = draft(DRAFT)
    assert main(["-p", "no:rules", "check", "--ignore", "P101", str(path)]) == 2
    line = one_error_line(capsys)
    assert "unknown rule selector 'P101'" in line and "blocked plugins: rules" in line


# -- 3. severity: override, threshold, shown ------------------------------------------------------------
def test_severity_is_shown_in_every_text_finding(tmp_path, draft, capsys) -> None:
    (tmp_path / "resolint.toml").write_text('[severity]\nS101 = "info"\n')
    path = draft(DRAFT)
    assert main(["check", str(path)]) == 1
    lines = [line for line in capsys.readouterr().out.splitlines() if line.startswith(str(path))]
    assert len(lines) == 2
    for line in lines:
        assert re.match(rf"{re.escape(str(path))}:\d+:\d+: [A-Z]\d{{3}} \[[^]]+\] (error|warning|info): ", line), line
    assert any(" S101 [PP 1] info: " in line for line in lines)
    assert any(" P101 [OP 1] error: " in line for line in lines)


def test_severity_override_most_specific_wins(tmp_path, draft, capsys) -> None:
    (tmp_path / "resolint.toml").write_text('[severity]\nALL = "info"\nP = "info"\nP101 = "warning"\n')
    path = draft(DRAFT)
    _rc, data = check_json(capsys, path)
    assert {f["code"]: f["severity"] for f in data} == {"P101": "warning", "S101": "info"}
    (tmp_path / "resolint.toml").write_text('[severity]\nstacked-punctuation = "info"\n')
    _rc, data = check_json(capsys, path)
    assert {f["code"]: f["severity"] for f in data} == {"P101": "info", "S101": "error"}


def test_fail_on_threshold_decides_the_exit_code(tmp_path, draft, capsys) -> None:
    path = draft(DRAFT)
    config = tmp_path / "resolint.toml"
    config.write_text('[severity]\nS101 = "info"\nP101 = "warning"\n')
    assert main(["check", str(path)]) == 1  # default: warnings fail
    assert main(["check", "--fail-on", "error", str(path)]) == 0
    assert main(["check", "--fail-on", "info", str(path)]) == 1
    config.write_text('[severity]\nS101 = "info"\nP101 = "info"\n')
    assert main(["check", str(path)]) == 0  # info findings are reported, but pass
    assert "S101" in capsys.readouterr().out
    assert main(["check", "--fail-on", "info", str(path)]) == 1
    config.write_text('fail-on = "error"\n[severity]\nP101 = "warning"\nS101 = "warning"\n')
    assert main(["check", str(path)]) == 0
    assert main(["check", "--fail-on", "warning", str(path)]) == 1  # the command line wins
    capsys.readouterr()


@pytest.mark.parametrize("setting", ['[severity]\nP101 = "fatal"', 'fail-on = "never"', 'severity = "info"'])
def test_invalid_severity_setting_is_exit_2(tmp_path, draft, capsys, setting) -> None:
    (tmp_path / "resolint.toml").write_text(setting + "\n")
    path = draft(DRAFT)
    assert main(["check", str(path)]) == 2
    assert "resolint.toml" in one_error_line(capsys)


def test_fail_on_takes_a_severity(draft, capsys) -> None:
    assert main(["check", "--fail-on", "warn", str(draft(DRAFT))]) == 2
    assert "did you mean 'warning'?" in one_error_line(capsys)


# -- 4. diff infers the format from the output name ------------------------------------------------------
def test_diff_format_from_the_output_name(tmp_path, draft, capsys) -> None:
    old = draft(CLEAN, name="old.docx")
    new = draft(DRAFT, name="new.docx")
    html = tmp_path / "redline.HTML"
    assert main(["diff", str(old), str(new), "-o", str(html)]) == 0
    assert html.read_text(encoding="utf-8").lstrip().lower().startswith("<!doctype html")
    js = tmp_path / "redline.json"
    assert main(["diff", str(old), str(new), "-o", str(js)]) == 0
    data = json.loads(js.read_text(encoding="utf-8"))
    assert data["new"].endswith("new.docx")
    docx = tmp_path / "redline.docx"
    assert main(["diff", str(old), str(new), "-o", str(docx)]) == 0
    assert docx.read_bytes()[:2] == b"PK"
    txt = tmp_path / "redline.txt"
    assert main(["diff", str(old), str(new), "-o", str(txt)]) == 0
    text = txt.read_text(encoding="utf-8")
    assert not text.lstrip().startswith(("<", "{"))
    # --format still wins over the name.
    assert main(["diff", str(old), str(new), "-o", str(tmp_path / "x.html"), "--format", "json"]) == 0
    json.loads((tmp_path / "x.html").read_text(encoding="utf-8"))
    capsys.readouterr()


# -- 5. every Word extension, in any letter case ------------------------------------------------------------
WORD_NAMES = ["A.DOCX", "b.Docx", "c.docm", "d.dotx", "e.DOTM"]


def test_folder_scan_finds_every_word_extension(tmp_path, draft, capsys) -> None:
    folder = tmp_path / "drafts"
    folder.mkdir()
    for name in WORD_NAMES:
        draft(DRAFT, name=f"drafts/{name}")
    draft(DRAFT, name="drafts/~$lock.DOCX")
    draft(DRAFT, name="drafts/old.fixed.DOCX")
    (folder / "notes.txt").write_text("not a draft")
    _rc, data = check_json(capsys, folder)
    assert sorted({Path(f["path"]).name for f in data}) == sorted(WORD_NAMES)


def test_pre_commit_hooks_match_every_word_extension() -> None:
    import yaml

    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert hooks
    for hook in hooks:
        files, exclude = re.compile(hook["files"]), re.compile(hook["exclude"])
        for name in [*WORD_NAMES, "sub/dir/draft.docx"]:
            assert files.search(name) and not exclude.search(name), (hook["id"], name)
        for name in ["~$lock.DOCX", "sub/~$x.docm"]:
            assert exclude.search(name), (hook["id"], name)
        for name in ["notes.txt", "draft.doc", "draft.docx.bak"]:
            assert not files.search(name), (hook["id"], name)


# -- 6. configuration -----------------------------------------------------------------------------------
@pytest.mark.parametrize(("setting", "needle"), [
    ('[footnote-repeated]\npolcy = "reuse"', "unknown option 'polcy' for rule F102 (footnote-repeated); did you mean 'policy'?"),
    ('[stacked-punctuation]\nx = 1', "unknown option 'x' for rule P101 (stacked-punctuation) (it has no options)"),
    ('[footnote-repeated]\npolicy = "banana"', "invalid value 'banana' for option 'policy' of rule F102"),
    ('[french-apostrophe]\napostrophe = "curly"', "invalid value 'curly' for option 'apostrophe' of rule P203"),
    ('[operative-opener]\naccept-unlisted-forms = "yes"', "expected true or false"),
    ('[repeated-opener]\nmax-distance = "two"', "expected a whole number"),
    ('language = "de"', "no language pack for 'de' (installed: en, fr)"),
    ('selekt = ["P"]', "unknown setting 'selekt' in [tool.resolint]; did you mean 'select'?"),
])
def test_config_errors_are_one_line_and_exit_2(tmp_path, draft, capsys, setting, needle) -> None:
    (tmp_path / "resolint.toml").write_text(setting + "\n")
    path = draft(DRAFT)
    assert main(["check", str(path)]) == 2
    line = one_error_line(capsys)
    assert needle in line and str(tmp_path / "resolint.toml") in line
    assert capsys.readouterr().out == ""  # not a finding


def test_valid_rule_options_are_accepted(tmp_path, draft, capsys) -> None:
    (tmp_path / "resolint.toml").write_text('[footnote-repeated]\npolicy = "reuse"\n'
                                            '[repeated-opener]\nmax-distance = 3\n')
    assert codes(capsys, draft(DRAFT)) == ["P101", "S101"]


def test_textconv_reports_config_errors_too(tmp_path, draft, capsys) -> None:
    (tmp_path / "resolint.toml").write_text('language = "de"\n')
    assert main(["textconv", str(draft(DRAFT))]) == 2
    assert "no language pack for 'de'" in one_error_line(capsys)


def test_command_line_select_wins_over_the_config_ignore(tmp_path, draft, capsys) -> None:
    (tmp_path / "resolint.toml").write_text('ignore = ["P101"]\n')
    path = draft(DRAFT)
    assert codes(capsys, path) == ["S101"]
    assert codes(capsys, "--select", "P101", path) == ["P101"]
    assert codes(capsys, "--select", "P,S", path) == ["P101", "S101"]
    assert codes(capsys, "--ignore", "S101", path) == []  # --ignore adds to the file's ignore


def test_extend_select(tmp_path, draft, capsys) -> None:
    (tmp_path / "resolint.toml").write_text('select = ["P"]\n')
    path = draft(DRAFT)
    assert codes(capsys, path) == ["P101"]
    assert codes(capsys, "--extend-select", "S101", path) == ["P101", "S101"]
    assert codes(capsys, "--extend-select", "S101", "--ignore", "P", path) == ["S101"]


def test_config_option_replaces_discovery(tmp_path, draft, capsys) -> None:
    (tmp_path / "resolint.toml").write_text('ignore = ["S101"]\n')
    elsewhere = tmp_path / "conf"
    elsewhere.mkdir()
    (elsewhere / "strict.toml").write_text('ignore = ["P101"]\n')
    (elsewhere / "pyproject.toml").write_text('[tool.resolint]\nselect = ["P"]\n')
    path = draft(DRAFT)
    assert codes(capsys, path) == ["P101"]
    assert codes(capsys, "--config", elsewhere / "strict.toml", path) == ["S101"]
    assert codes(capsys, "--config", elsewhere / "pyproject.toml", path) == ["P101"]
    assert main(["check", "--config", str(elsewhere / "missing.toml"), str(path)]) == 2
    assert "--config: no such file" in one_error_line(capsys)
    (elsewhere / "bad.toml").write_text('ignore = ["P999"]\n')
    assert main(["check", "--config", str(elsewhere / "bad.toml"), str(path)]) == 2
    assert "unknown rule selector 'P999'" in one_error_line(capsys)


def test_extend_a_base_configuration(tmp_path, draft, capsys) -> None:
    base = tmp_path / "base.toml"
    base.write_text('ignore = ["P101"]\n[severity]\nS101 = "warning"\n[per-file-ignores]\n"old/*" = ["S"]\n')
    team = tmp_path / "team"
    team.mkdir()
    (team / "resolint.toml").write_text('extend = "../base.toml"\n')
    path = draft(DRAFT, name="team/d.docx")
    _rc, data = check_json(capsys, path)
    assert [(f["code"], f["severity"]) for f in data] == [("S101", "warning")]
    # The extending file's settings come after the base's: its extend-select re-enables P101.
    (team / "resolint.toml").write_text('extend = "../base.toml"\nextend-select = ["P101"]\n'
                                        '[severity]\nS101 = "info"\n')
    _rc, data = check_json(capsys, path)
    assert sorted((f["code"], f["severity"]) for f in data) == [("P101", "error"), ("S101", "info")]
    # per-file-ignores of the base are relative to the base's folder.
    (tmp_path / "old").mkdir()
    old = draft(DRAFT, name="old/o.docx")
    (tmp_path / "old" / "resolint.toml").write_text('extend = "../base.toml"\n')
    assert codes(capsys, old) == []
    # Errors: a missing base, a cycle.
    (team / "resolint.toml").write_text('extend = "../nope.toml"\n')
    assert main(["check", str(path)]) == 2
    assert "nope.toml: no such configuration file" in one_error_line(capsys)
    base.write_text('extend = "team/resolint.toml"\n')
    (team / "resolint.toml").write_text('extend = "../base.toml"\n')
    assert main(["check", str(path)]) == 2
    assert "'extend' makes a cycle" in one_error_line(capsys)


# -- 8. --fix reports, parser strictness ----------------------------------------------------------------
def test_fix_on_a_folder_writes_only_changed_drafts(tmp_path, draft, capsys) -> None:
    folder = tmp_path / "drafts"
    folder.mkdir()
    bad = draft(DRAFT, name="drafts/bad.docx")
    clean = draft(CLEAN, name="drafts/clean.docx")
    assert main(["check", "--fix", "--no-progress", str(folder)]) == 1  # S101 has no fix
    err = capsys.readouterr().err
    assert bad.with_name("bad.fixed.docx").is_file()
    assert not clean.with_name("clean.fixed.docx").exists()
    assert f"fixed 1 finding in {bad}" in err and str(clean) not in err


def test_fix_with_track_says_proposed_not_fixed(draft, capsys) -> None:
    path = draft(DRAFT)
    main(["check", "--fix", "--track", str(path)])
    err = capsys.readouterr().err
    assert "proposed 1 fix as tracked changes to review" in err and "fixed 1 finding" not in err
    assert path.with_name(path.stem + ".fixed.docx").is_file()


def test_summaries_agree(tmp_path, draft) -> None:
    folder = tmp_path / "drafts"
    folder.mkdir()
    for i in range(2):
        draft(DRAFT, name=f"drafts/bad{i}.docx")
    draft(CLEAN, name="drafts/clean.docx")
    proc = run_cli("check", "--no-progress", "--jobs", "1", folder)
    assert proc.returncode == 1
    assert proc.stdout.splitlines()[-1] == "Found 4 findings in 2 drafts (3 checked); 2 fixable with --fix."
    assert "; 4 findings in 2 drafts" in proc.stderr.strip().splitlines()[-1]


@pytest.mark.parametrize(("args", "needle"), [
    (["check", "--fi"], "unrecognized arguments: --fi; did you mean '--fix'?"),
    (["check", "--selct", "P"], "did you mean '--select'?"),
    (["chek"], "unknown command 'chek'"),
    (["check", "--format", "jsn"], "unknown format 'jsn'; did you mean 'json'?"),
    (["-p", "no:rulez", "check"], "unknown plugin 'rulez'; did you mean 'no:rules'?"),
    (["check", "-p", "rules"], "-p takes no:NAME"),
    (["-p", "typo", "check"], "-p takes no:NAME"),
])
def test_usage_errors_are_one_line_without_a_doubled_prefix(draft, args, needle) -> None:
    path = draft(DRAFT)
    proc = run_cli(*args, path)
    assert proc.returncode == 2, proc.stderr
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("resolint: error: "), proc.stderr
    assert "resolint: error: resolint" not in lines[0] and needle in lines[0]
    assert proc.stdout == ""
    assert not path.with_name(path.stem + ".fixed.docx").exists()  # --fi is not --fix


def test_repeated_select_accumulates(draft, capsys) -> None:
    path = draft(DRAFT)
    assert codes(capsys, "--select", "P101", path) == ["P101"]
    assert codes(capsys, "--select", "P101", "--select", "S101", path) == ["P101", "S101"]
    assert codes(capsys, "--ignore", "P101", "--ignore", "S101", path) == []


def test_check_help_lists_every_format(capsys) -> None:
    from resolint.plugin_manager import get_manager

    with pytest.raises(SystemExit):
        main(["check", "--help"])
    out = " ".join(capsys.readouterr().out.split())
    formats = list(get_manager().formatters)
    assert {"text", "json", "sarif", "github", "junit"} <= set(formats)
    for name in formats:
        assert re.search(rf"\b{name}\b", out), name


def test_explain_suggests_a_close_rule(capsys) -> None:
    assert main(["explain", "stacked-punctuaton"]) == 2
    assert "unknown rule 'stacked-punctuaton'; did you mean 'stacked-punctuation'?" in one_error_line(capsys)


def test_config_error_of_a_subfolder_in_a_parallel_run(tmp_path, draft) -> None:
    folder = tmp_path / "drafts"
    (folder / "sub").mkdir(parents=True)
    for i in range(3):
        draft(DRAFT, name=f"drafts/d{i}.docx")
    draft(DRAFT, name="drafts/sub/z.docx")
    (folder / "sub" / "resolint.toml").write_text('[footnote-repeated]\npolicy = "banana"\n')
    proc = run_cli("check", "--no-progress", "--jobs", "2", folder)
    assert proc.returncode == 2
    assert proc.stderr.strip().splitlines() == [
        f"resolint: error: {folder / 'sub' / 'resolint.toml'}: invalid value 'banana' for option 'policy' of "
        "rule F102 (footnote-repeated): use 'auto', 'new-footnote', 'reuse'"]
