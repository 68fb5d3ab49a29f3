"""Rule pages and conventions (issue 17, point 11): ``docs/rules/`` generated from the rules
(``python -m resolint.docs``), failing when they drift; every section of ``docs/conventions.md``
that the rules cite exists."""
from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

from resolint.cli import main
from resolint.docs import Conventions, anchor, citations, missing

ROOT = Path(__file__).resolve().parent.parent
RULES_DIR = ROOT / "docs" / "rules"


def docs_cli(*args: object) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "resolint.docs", *map(str, args)], capture_output=True, text=True)


def test_pages_match_the_rules() -> None:
    proc = docs_cli("--check")
    assert proc.returncode == 0, proc.stderr


def test_check_fails_on_a_changed_missing_or_extra_page(tmp_path) -> None:
    out = tmp_path / "rules"
    shutil.copytree(RULES_DIR, out)
    page = out / "P101.md"
    page.write_text(page.read_text(encoding="utf-8").replace("Severity | error", "Severity | info"), encoding="utf-8")
    (out / "S101.md").unlink()
    (out / "Z999.md").write_text("# gone\n", encoding="utf-8")
    proc = docs_cli("--check", "--out", out)
    assert proc.returncode == 1
    assert proc.stderr.splitlines() == [
        "docs/rules/P101.md: differs from the rule (run python -m resolint.docs)",
        "docs/rules/S101.md: differs from the rule (run python -m resolint.docs)",
        "docs/rules/Z999.md: no such rule",
    ]
    proc = docs_cli("--out", out)  # regenerating repairs all three
    assert proc.returncode == 0 and docs_cli("--check", "--out", out).returncode == 0
    assert not (out / "Z999.md").exists()
    assert sorted(p.name for p in out.iterdir()) == sorted(p.name for p in RULES_DIR.iterdir())


def test_one_page_per_listed_rule_with_its_facts(capsys) -> None:
    assert main(["rules", "--format", "json"]) == 0
    rules = json.loads(capsys.readouterr().out)
    for r in rules:
        text = (RULES_DIR / f"{r['code']}.md").read_text(encoding="utf-8")
        assert text.startswith(f"# {r['code']} {r['name']}\n")
        assert f"| Severity | {r['severity']} |" in text
        assert not re.search(r"^## What it does", text, re.M) and "\n### What it does" in text
        assert f"[{r['code']}]({r['code']}.md)" in (RULES_DIR / "README.md").read_text(encoding="utf-8")
    assert (RULES_DIR / "R001.md").exists()  # the crash finding has its page too


def _cited_in_sources() -> dict[str, list[str]]:
    """Every file of the package citing conventions.md -> what it cites."""
    out = {}
    for folder in ("rules", "lint", "plugins"):
        for path in sorted((ROOT / folder).rglob("*.py")):
            text = path.read_text(encoding="utf-8")
            if "conventions.md" in text and path.name != "docs.py":
                out[str(path.relative_to(ROOT))] = citations(text)
    return out


def test_every_cited_convention_exists() -> None:
    conv = Conventions.read()
    cited = _cited_in_sources()
    assert len(cited) >= 8 and sum(len(v) for v in cited.values()) >= 50
    assert {k: missing(v, conv) for k, v in cited.items() if missing(v, conv)} == {}
    # The cited identifiers all appear (the test can fail: a made-up one is missing).
    assert missing(["OP-004", "section 3", "D6", "OP-099", "section 9", "D99"], conv) == ["OP-099", "section 9", "D99"]


def test_links_of_the_pages_land_on_headings() -> None:
    text = (ROOT / "docs" / "conventions.md").read_text(encoding="utf-8")
    anchors = {anchor(t) for t in re.findall(r"^#{1,3} (.+?)\s*$", text, re.M)}
    targets = set()
    for page in RULES_DIR.glob("*.md"):
        targets |= set(re.findall(r"\.\./conventions\.md#([^)\s]+)", page.read_text(encoding="utf-8")))
    assert targets and targets <= anchors, targets - anchors


def test_citations_are_read_across_lines() -> None:
    text = 'x\n    - conventions.md section 6 (defect D6), CIT-005,\n      GEN-004.\n    - other OP-001\n"""'
    assert citations(text) == ["section 6", "D6", "CIT-005", "GEN-004"]


def test_sarif_links_each_rule_to_its_page(draft, capsys, monkeypatch) -> None:
    monkeypatch.setenv("RESOLINT_DOCS_URL", "https://example.org/rules")
    path = draft("The General Assembly,\n*Recalling* its resolution 73/11 of 26 November 2018,\n@1. *Decides* to act;.\n")
    main(["check", "--no-progress", "--format", "sarif", str(path)])
    rules = json.loads(capsys.readouterr().out)["runs"][0]["tool"]["driver"]["rules"]
    assert rules and all(r["helpUri"] == f"https://example.org/rules/{r['id']}.md" for r in rules)
    assert all((RULES_DIR / f"{r['id']}.md").exists() for r in rules)


def test_sarif_makes_up_no_address(draft, capsys, monkeypatch) -> None:
    # Without RESOLINT_DOCS_URL there is no known address of the pages: no helpUri at all.
    monkeypatch.delenv("RESOLINT_DOCS_URL", raising=False)
    path = draft("The General Assembly,\n*Recalling* its resolution 73/11 of 26 November 2018,\n@1. *Decides* to act;.\n")
    main(["check", "--no-progress", "--format", "sarif", str(path)])
    rules = json.loads(capsys.readouterr().out)["runs"][0]["tool"]["driver"]["rules"]
    assert rules and not any("helpUri" in r for r in rules)
