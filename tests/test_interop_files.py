"""Every real Word file of ../shared/interop is read, through the command line as a user runs
it: none is refused (exit 2), a file whose content is an embedded HTML chunk says so, and the
annotated copies of drafts with footnote findings open in LibreOffice."""
from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from support.cli import run_cli

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("RESOLINT_SHARED", ROOT.parent / "shared"))
INTEROP = SHARED / "interop"
FILES = sorted(INTEROP.glob("*/*.docx")) if INTEROP.is_dir() else []

pytestmark = pytest.mark.skipif(not FILES, reason="../shared/interop is not here")


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_no_real_file_is_refused(path: Path) -> None:
    got = run_cli("check", "--format", "json", path)
    assert got.returncode in (0, 1), got.stderr
    assert isinstance(json.loads(got.stdout), (list, dict))


def test_embedded_html_is_reported_not_passed() -> None:
    got = run_cli("check", "--format", "concise", INTEROP / "altchunk" / "poi-stress012-altchunk.docx")
    assert got.returncode == 1
    assert "R004" in got.stdout and "All checks passed" not in got.stdout


@pytest.mark.libreoffice
@pytest.mark.parametrize("name", ["interpol-en-fn1-no-full-stop.docx", "pandoc-link_in_notes.docx"])
def test_annotated_footnote_findings_open_in_libreoffice(name: str, tmp_path: Path) -> None:
    from support import libreoffice as lo

    lo.require()
    out = tmp_path / "annotated.docx"
    got = run_cli("check", "--annotate", out, INTEROP / "annotate-footnote" / name)
    assert got.returncode in (0, 1), got.stderr
    assert out.exists()
    # LibreOffice's own conversion reads the copy and its comments (a copy it cannot load
    # raises); the footnote finding is there, anchored in the body and naming its footnote.
    found = lo.comments(out)
    assert found
    if name.startswith("interpol"):
        assert any("FN 1" in text for _, text, _ in found)
