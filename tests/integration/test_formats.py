"""Output formats for CI: ``github`` annotations and summary, ``junit`` XML, and the list of formats."""
from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

from resolint.plugins.formats import GithubFormatter, _gh_data, _gh_prop

from .conftest import PINNED, run_resolint


def test_every_format_is_offered(tmp_path: Path, faulty_and_clean: tuple[Path, Path]) -> None:
    for name in ("text", "json", "sarif", "github", "junit"):
        proc = run_resolint("check", *PINNED, "--format", name, *map(str, faulty_and_clean), cwd=tmp_path)
        assert proc.returncode == 1, (name, proc.stderr)
        assert proc.stdout.strip()
    proc = run_resolint("check", *PINNED, "--format", "nope", str(faulty_and_clean[0]), cwd=tmp_path)
    assert proc.returncode == 2
    assert "sarif" in proc.stderr and "github" in proc.stderr and "junit" in proc.stderr


def test_github_annotations(tmp_path: Path, faulty_and_clean: tuple[Path, Path]) -> None:
    summary = tmp_path / "summary.md"
    proc = run_resolint("check", *PINNED, "--format", "github", *map(str, faulty_and_clean), cwd=tmp_path,
                        env={"GITHUB_STEP_SUMMARY": str(summary)})
    assert proc.returncode == 1
    lines = proc.stdout.splitlines()
    annotations = [line for line in lines if line.startswith("::")]
    assert len(annotations) == 2
    p101 = next(line for line in annotations if "P101" in line)
    assert p101.startswith("::error file=faulty.docx,line=5,col=32,endColumn=34,title=P101 stacked-punctuation::")
    assert "[OP 1] stacked punctuation ';.': keep one mark (';')" in p101
    assert lines[-1] == "resolint: 2 findings in 1 draft (2 drafts checked)"
    md = summary.read_text(encoding="utf-8")
    assert "## resolint" in md and "| `faulty.docx` | 2 | P101, S101 |" in md
    assert "clean.docx" not in md


def test_github_escaping_and_levels() -> None:
    assert _gh_data("50% done\nnext") == "50%25 done%0Anext"
    assert _gh_prop("a,b:c") == "a%2Cb%3Ac"
    from resolint.engine import FileResult
    from resolint.findings import Finding, Severity

    f = Finding("X1", "x-rule", Severity.INFO, "OP 1", 3, 0, 0, "just so", path="d.docx")
    out = GithubFormatter().format([FileResult("d.docx", [f]), FileResult("e.docx", error="e.docx: broken")])
    assert "::notice file=d.docx,line=3,col=1,title=X1 x-rule::[OP 1] just so" in out
    assert "::error file=e.docx,title=resolint::e.docx: broken" in out
    assert "1 unreadable draft" in out


def test_junit(tmp_path: Path, faulty_and_clean: tuple[Path, Path]) -> None:
    proc = run_resolint("check", *PINNED, "--format", "junit", *map(str, faulty_and_clean), cwd=tmp_path)
    root = ET.fromstring(proc.stdout)
    assert root.tag == "testsuites"
    assert (root.get("tests"), root.get("failures"), root.get("errors")) == ("3", "2", "0")
    suites = {s.get("name"): s for s in root.findall("testsuite")}
    assert set(suites) == {"faulty.docx", "clean.docx"}
    failures = suites["faulty.docx"].findall("testcase/failure")
    assert sorted(f.get("type") for f in failures) == ["P101", "S101"]
    clean_cases = suites["clean.docx"].findall("testcase")
    assert len(clean_cases) == 1 and clean_cases[0].find("failure") is None


def test_json_is_unchanged_by_span_annotations(tmp_path: Path, faulty_and_clean: tuple[Path, Path]) -> None:
    proc = run_resolint("check", *PINNED, "--format", "json", "--jobs", "2", *map(str, faulty_and_clean), cwd=tmp_path)
    data = json.loads(proc.stdout)
    assert [d["code"] for d in data] == ["S101", "P101"]
    assert all("span" not in d and "extra" not in d for d in data)
