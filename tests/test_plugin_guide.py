"""The plugin guide (issue 17, point 13): its example plugin and test, taken from
``docs/plugins.md`` as written, installed as a plugin and run; a malformed rule code is
refused at load with one line; ``explain`` finds every rule ``rules`` lists."""
from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from resolint.cli import main

ROOT = Path(__file__).resolve().parent.parent
GUIDE = ROOT / "docs" / "plugins.md"


def guide_files() -> dict[str, str]:
    """The code blocks of the guide marked ``<!-- guide-example: NAME -->``, by NAME."""
    text = GUIDE.read_text(encoding="utf-8")
    found = re.findall(r"<!-- guide-example: (\S+) -->\n```python\n(.*?)\n```\n", text, re.S)
    return {name: code + "\n" for name, code in found}


def install(site: Path, module: str, source: str, plugin: str) -> dict[str, str]:
    """``source`` as module ``module``, with a distribution declaring it as resolint plugin ``plugin``."""
    site.mkdir(parents=True, exist_ok=True)
    (site / f"{module}.py").write_text(source, encoding="utf-8")
    dist = site / f"{module}-0.1.dist-info"
    dist.mkdir()
    (dist / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {module.replace('_', '-')}\nVersion: 0.1\n",
                                   encoding="utf-8")
    (dist / "entry_points.txt").write_text(f"[resolint]\n{plugin} = {module}\n", encoding="utf-8")
    return dict(os.environ, PYTHONPATH=os.pathsep.join(filter(None, [str(site), os.environ.get("PYTHONPATH")])))


def cli(env: dict[str, str], *args: object, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "resolint", *map(str, args)], capture_output=True, text=True,
                          env=env, cwd=cwd)


@pytest.fixture(scope="module")
def guide_env(tmp_path_factory: pytest.TempPathFactory) -> tuple[dict[str, str], Path]:
    files = guide_files()
    assert set(files) == {"resolint_guide.py", "test_guide.py"}
    site = tmp_path_factory.mktemp("site")
    return install(site, "resolint_guide", files["resolint_guide.py"], "guide"), site


def test_the_guide_plugin_through_the_command_line(guide_env, draft, tmp_path) -> None:
    env, _ = guide_env
    listed = {r["code"]: r for r in json.loads(cli(env, "rules", "--format", "json").stdout)}
    assert listed["GD101"]["name"] == "in-order-to" and listed["GD101"]["languages"] == ["en"]
    assert listed["GD101"]["fix"] == "unsafe" and listed["GD101"]["plugin"] == "guide"
    for key in ("GD101", "gd101", "in-order-to"):
        shown = cli(env, "explain", key)
        assert shown.returncode == 0 and shown.stdout.startswith("GD101 in-order-to")
        assert "phrase = 'in order to'" in shown.stdout
    path = draft("The General Assembly,\n@1. *Decides* to meet in order to review progress;\n@2. *Requests* a report.\n")
    found = cli(env, "check", "--no-progress", "--select", "GD101", "--format", "json", path)
    assert found.returncode == 0, found.stderr  # info: below the default fail-on
    (f,) = json.loads(found.stdout)
    assert (f["label"], f["severity"], f["fix"]["safety"]) == ("OP 1", "info", "unsafe")
    preview = cli(env, "check", "--select", "GD101", "--diff", "--unsafe-fixes", path)
    assert "+[OP] Decides to meet to review progress;" in preview.stdout
    (tmp_path / "resolint.toml").write_text('[tool.resolint.in-order-to]\nphrase = "so as to"\n', encoding="utf-8")
    other = draft("The General Assembly,\n@1. *Decides* to meet so as to review progress.\n", name="other.docx")
    found = cli(env, "check", "--no-progress", "--select", "GD101", "--format", "json", other)
    assert [f["message"] for f in json.loads(found.stdout)] == [
        "'so as to' in an operative paragraph: 'to' says the same"]
    (tmp_path / "resolint.toml").write_text('[tool.resolint.in-order-to]\nphrase = 3\n', encoding="utf-8")
    bad = cli(env, "check", "--select", "GD101", other)
    assert bad.returncode == 2 and len(bad.stderr.strip().splitlines()) == 1 and "phrase" in bad.stderr


def test_the_guide_test_passes(guide_env, tmp_path) -> None:
    env, site = guide_env
    test = tmp_path / "test_guide.py"
    test.write_text(guide_files()["test_guide.py"], encoding="utf-8")
    proc = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", str(test)],
                          capture_output=True, text=True, env=env, cwd=tmp_path)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "3 passed" in proc.stdout


@pytest.mark.parametrize(("code", "name", "needle"), [
    ("hereby-1", "hereby", "code 'hereby-1' is not a rule code"),
    ("HB101", "Hereby Rule", "name 'Hereby Rule' is not a rule name"),
])
def test_a_malformed_rule_is_refused_at_load(tmp_path, draft, code, name, needle) -> None:
    source = ("from resolint.hookspecs import hookimpl\nfrom resolint.model import Scope\n"
              "from resolint.rule import Rule\n\n\nclass Hereby(Rule):\n"
              f"    code = {code!r}\n    name = {name!r}\n    summary = 'x'\n    scopes = (Scope.OPERATIVE,)\n\n\n"
              "@hookimpl\ndef resolint_rules():\n    return [Hereby()]\n")
    env = install(tmp_path / "site", "resolint_hereby", source, "hereby")
    path = draft("The General Assembly,\n@1. *Decides* to act.\n")
    for args in (["rules"], ["check", path], ["explain", code]):
        proc = cli(env, *args)
        assert proc.returncode == 2, (args, proc.stdout)
        assert proc.stderr.strip().splitlines() == [f"resolint: error: plugin 'hereby', rule Hereby: {needle} "
                                                    + ("(capital letters then digits, such as 'EX101')"
                                                       if "code" in needle else
                                                       "(lower-case words joined by hyphens, such as "
                                                       "'no-exclamation')")]
    assert cli(env, "-p", "no:hereby", "rules").returncode == 0  # blocking the plugin works around it


def test_explain_finds_every_listed_rule(capsys) -> None:
    assert main(["rules", "--format", "json"]) == 0
    rules = json.loads(capsys.readouterr().out)
    assert len(rules) > 50
    for r in rules:
        for key in (r["code"], r["name"], r["code"].lower()):
            assert main(["explain", key]) == 0, key
            assert capsys.readouterr().out.startswith(f"{r['code']} {r['name']}\n")
