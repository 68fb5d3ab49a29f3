"""The pre-commit hooks of this repository, run by the real pre-commit on a drafting repository."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from resolint.testing.draft import write_draft

from .conftest import CLEAN, FAULTY

ROOT = Path(__file__).resolve().parents[2]
HOOKS = ROOT / ".pre-commit-hooks.yaml"

IGNORED = ("__pycache__", "*.egg-info", ".git", ".pytest_cache", ".hypothesis", "build", "dist", "*.pyc")


def git(cwd: Path, *args: str) -> str:
    env = {**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org",
           "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.org"}
    return subprocess.run(["git", *args], cwd=cwd, env=env, check=True, capture_output=True, text=True).stdout


def pre_commit() -> list[str]:
    exe = shutil.which("pre-commit")
    return [exe] if exe else [sys.executable, "-m", "pre_commit"]


def test_hook_definitions() -> None:
    hooks = {h["id"]: h for h in yaml.safe_load(HOOKS.read_text(encoding="utf-8"))}
    assert set(hooks) == {"resolint", "resolint-fix"}
    import re

    for hook in hooks.values():
        assert hook["language"] == "python"
        files = re.compile(hook["files"])  # every Word extension, in any letter case
        assert all(files.search(n) for n in ("a.docx", "A.DOCX", "b.Docx", "c.docm", "d.dotx", "e.dotm"))
        assert not files.search("notes.txt") and not files.search("old.doc")
        assert hook["entry"].startswith("resolint check")
        exclude = re.compile(hook["exclude"])
        assert exclude.search("~$draft.docx") and exclude.search("drafts/~$A-78-L.1.docx")
        assert not exclude.search("drafts/A-78-L.1.docx")
    assert hooks["resolint"]["entry"] == "resolint check"
    assert hooks["resolint-fix"]["entry"] == "resolint check --fix --in-place"


@pytest.fixture(scope="module")
def hook_repo(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """This working tree (committed or not) as a git repository pre-commit can install from."""
    repo = tmp_path_factory.mktemp("hook-repo") / "resolint"
    shutil.copytree(ROOT, repo, ignore=shutil.ignore_patterns(*IGNORED))
    git(repo, "init", "-q")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "snapshot")
    return repo, git(repo, "rev-parse", "HEAD").strip()


@pytest.mark.slow
def test_check_hook_fails_on_findings_and_passes_on_a_clean_draft(hook_repo: tuple[Path, str],
                                                                 tmp_path: Path) -> None:
    repo, rev = hook_repo
    work = tmp_path / "drafts"
    work.mkdir()
    git(work, "init", "-q")
    (work / ".pre-commit-config.yaml").write_text(
        f"repos:\n  - repo: {repo.as_posix()}\n    rev: {rev}\n    hooks:\n      - id: resolint\n",
        encoding="utf-8")
    # The rules these drafts are written for (the catalogue grows; the hook reads this file).
    (work / "resolint.toml").write_text('select = ["S101", "P101"]\n', encoding="utf-8")
    write_draft(work / "clean.docx", CLEAN)
    (work / "~$clean.docx").write_bytes(b"\x00lock")  # a Word lock file: never linted
    git(work, "add", "-A")
    git(work, "commit", "-q", "-m", "drafts")
    env = {**os.environ, "PRE_COMMIT_HOME": str(tmp_path / "pre-commit-home"), "PIP_DISABLE_PIP_VERSION_CHECK": "1"}
    env.pop("RESOLINT_DEBUG", None)

    ok = subprocess.run([*pre_commit(), "run", "--all-files"], cwd=work, env=env,
                        capture_output=True, text=True, timeout=600)
    assert ok.returncode == 0, ok.stdout + ok.stderr
    assert "resolint" in ok.stdout and "Passed" in ok.stdout

    write_draft(work / "faulty.docx", FAULTY)
    git(work, "add", "faulty.docx")
    bad = subprocess.run([*pre_commit(), "run", "--files", "faulty.docx", "clean.docx"], cwd=work, env=env,
                         capture_output=True, text=True, timeout=600)
    assert bad.returncode == 1, bad.stdout + bad.stderr
    assert "Failed" in bad.stdout
    assert "faulty.docx" in bad.stdout and "P101" in bad.stdout
    assert "clean.docx:" not in bad.stdout
