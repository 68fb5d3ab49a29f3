"""The example external plugin package, installed for real and seen by the command line."""
from __future__ import annotations

import csv
import io
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import run_resolint

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "resolint-plugin-example"


@pytest.fixture(scope="module")
def plugin_env(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """The example installed (wheel built from its pyproject) into a folder on PYTHONPATH."""
    target = tmp_path_factory.mktemp("site")
    work = tmp_path_factory.mktemp("build")
    source = work / EXAMPLE.name  # built from a copy: no build/ or egg-info left in the repository
    shutil.copytree(EXAMPLE, source, ignore=shutil.ignore_patterns("build", "*.egg-info", "__pycache__"))
    proc = subprocess.run([sys.executable, "-m", "pip", "install", "--no-deps",
                           "--disable-pip-version-check", "--quiet",
                           "--target", str(target), str(source)],
                          cwd=work, capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    assert (target / "resolint_example.py").is_file()
    assert any(target.glob("resolint_plugin_example-*.dist-info/entry_points.txt"))
    path = os.pathsep.join(filter(None, [str(target), os.environ.get("PYTHONPATH")]))
    return {"PYTHONPATH": path}


@pytest.mark.slow
def test_plugins_and_rules_list_the_example(plugin_env: dict[str, str]) -> None:
    plugins = run_resolint("plugins", env=plugin_env)
    assert plugins.returncode == 0, plugins.stderr
    line = next(line for line in plugins.stdout.splitlines() if line.startswith("example "))
    assert "resolint-plugin-example 0.1.0" in line

    rules = run_resolint("rules", "--format", "json", env=plugin_env)
    by_code = {r["code"]: r for r in json.loads(rules.stdout)}
    assert by_code["EX101"]["name"] == "no-exclamation"
    assert by_code["EX101"]["severity"] == "warning"
    text = run_resolint("rules", env=plugin_env).stdout
    assert "EX101" in text and "no-exclamation" in text
    assert "no-exclamation" in run_resolint("explain", "EX101", env=plugin_env).stdout

    blocked = run_resolint("-p", "no:example", "rules", env=plugin_env)
    assert "EX101" not in blocked.stdout


@pytest.mark.slow
def test_the_example_rule_and_format_run(plugin_env: dict[str, str], draft, tmp_path: Path) -> None:
    path = draft("""
    The General Assembly,
    @1. *Decides* to act now!
    @2. *Requests* a report.
    """)
    for jobs in ("1", "2"):
        proc = run_resolint("check", "--select", "EX101", "--format", "csv", "--jobs", jobs, str(path), path.name,
                            cwd=tmp_path, env=plugin_env)
        assert proc.returncode == 1, proc.stderr
        rows = list(csv.reader(io.StringIO(proc.stdout)))
        assert rows[0] == ["path", "label", "code", "severity", "message"]
        assert rows[1][1:] == ["OP 1", "EX101", "warning", "exclamation mark in a resolution"]
        assert len(rows) == 3  # the same draft named twice: both checked, in order
    formats = run_resolint("check", "--format", "nope", str(path), env=plugin_env)
    assert "csv" in formats.stderr


def test_every_hook_is_documented() -> None:
    import runpy

    from resolint import hookspecs

    docs = EXAMPLE.parents[1] / "docs" / "plugins.md"
    text = docs.read_text(encoding="utf-8")
    names = [n for n, fn in vars(hookspecs).items() if n.startswith("resolint_") and callable(fn)]
    assert len(names) >= 8
    for name in names:
        assert f"#### `{name}`" in text, name
        first = (getattr(hookspecs, name).__doc__ or "").strip().splitlines()[0]
        assert first and first in text, name
    hookref = runpy.run_path(str(docs.with_name("hookref.py")))
    assert hookref["updated"](text) == text, "run python docs/hookref.py"
