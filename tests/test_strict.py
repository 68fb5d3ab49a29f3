"""Strict Open XML ("Strict Open XML Document" in Word's Save As) read like Transitional,
and written back Strict by --fix, --annotate and diff."""
from __future__ import annotations

import os
import zipfile
from pathlib import Path

import pytest

from resolint.cli import main
from resolint.ooxml.strict import STRICT, to_strict, to_transitional

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
SHARED = Path(os.environ.get("RESOLINT_SHARED", ROOT.parent / "shared"))
XML = (".xml", ".rels")


def strict_copy(src: Path, dst: Path) -> Path:
    """``src`` with every Transitional name of its XML parts made Strict (but the package's own)."""
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            data = zin.read(info)
            zout.writestr(info.filename, to_strict(data, set()) if info.filename.endswith(XML) else data)
    return dst


def kinds_of_names(path: Path) -> set[str]:
    """Which kinds of namespace names the XML parts of ``path`` use: {"strict", "transitional"}."""
    out = set()
    with zipfile.ZipFile(path) as z:
        for name in z.namelist():
            if name.endswith(XML):
                data = z.read(name)
                if STRICT in data:
                    out.add("strict")
                if b"schemas.openxmlformats.org/wordprocessingml" in data or b"officeDocument/2006/" in data:
                    out.add("transitional")
    return out


def report(path: Path, capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, list[str]]:
    status = main(["check", str(path), *args])
    lines = capsys.readouterr().out.splitlines()
    return status, [line.split(":", 1)[1] for line in lines if line.startswith(str(path))]


def test_names_round_trip() -> None:
    sample = SAMPLES / "interpol-cooperation-en.docx"
    with zipfile.ZipFile(sample) as z:
        for name in z.namelist():
            if name.endswith(XML):
                data = z.read(name)
                assert to_transitional(to_strict(data, set())) == data, name


@pytest.mark.parametrize("name", sorted(p.name for p in SAMPLES.glob("*.docx")))
def test_strict_copy_checks_like_its_twin(name: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    twin = SAMPLES / name
    strict = strict_copy(twin, tmp_path / name)
    assert kinds_of_names(strict) == {"strict"}
    want = report(twin, capsys)
    got = report(strict, capsys)
    assert got[0] == want[0] != 2
    assert got[1] == want[1]
    assert main(["textconv", str(strict)]) == 0
    strict_text = capsys.readouterr().out
    assert main(["textconv", str(twin)]) == 0
    assert strict_text == capsys.readouterr().out


def test_fix_annotate_and_diff_of_a_strict_file_stay_strict(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    strict = strict_copy(SAMPLES / "interpol-cooperation-en.docx", tmp_path / "s.docx")
    assert main(["check", str(strict), "--fix", "--unsafe-fixes"]) in (0, 1)
    fixed = tmp_path / "s.fixed.docx"
    assert main(["check", str(strict), "--annotate", str(tmp_path / "a.docx")]) == 1
    assert main(["diff", str(SAMPLES / "interpol-cooperation-en-previous.docx"), str(strict),
                 "-o", str(tmp_path / "r.docx"), "--date", "2024-05-01"]) == 0
    capsys.readouterr()
    for out in (fixed, tmp_path / "a.docx", tmp_path / "r.docx"):
        assert kinds_of_names(out) == {"strict"}, out.name
        assert main(["textconv", str(out)]) == 0
    # The fixed copy has fewer findings; the annotated copy holds its comments.
    assert len(report(fixed, capsys)[1]) < len(report(strict, capsys)[1])
    with zipfile.ZipFile(tmp_path / "a.docx") as z:
        assert b"<w:comment " in z.read("word/comments.xml")


@pytest.mark.libreoffice
def test_libreoffice_opens_the_strict_outputs(tmp_path: Path) -> None:
    from support import libreoffice as lo
    from support.roundtrip import views

    lo.require()
    strict = strict_copy(SAMPLES / "interpol-cooperation-en.docx", tmp_path / "s.docx")
    old = SAMPLES / "interpol-cooperation-en-previous.docx"
    assert main(["check", str(strict), "--annotate", str(tmp_path / "a.docx")]) == 1
    assert main(["diff", str(old), str(strict), "-o", str(tmp_path / "r.docx")]) == 0
    # Documents with comments are read through LibreOffice's own conversion (see support.libreoffice).
    assert lo.comments(tmp_path / "a.docx")
    red = tmp_path / "r.docx"
    accepted, rejected = views(red)
    assert accepted["body"] == lo.texts(strict)["body"]
    assert rejected["body"] == lo.texts(old)["body"]


@pytest.mark.skipif(not (SHARED / "interop" / "strict").is_dir() and not os.environ.get("CI"),
                    reason="the interop files (../shared/interop) are not here")
def test_real_strict_files_are_read(capsys: pytest.CaptureFixture[str]) -> None:
    files = sorted((SHARED / "interop" / "strict").glob("*.docx"))
    assert files
    for path in files:
        status = main(["check", str(path)])
        assert status in (0, 1), (path.name, capsys.readouterr().err)
    capsys.readouterr()
    twin = SHARED / "interop" / "strict" / "interpol-cooperation-en-strict.docx"
    assert report(twin, capsys)[1] == report(SAMPLES / "interpol-cooperation-en.docx", capsys)[1]

