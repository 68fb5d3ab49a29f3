"""Broken inputs and zip bombs: one clear line and exit 2, never a traceback, never a hang.

Also: inputs are never modified, outputs are written atomically, and an output path equal
to an input path is refused unless ``--in-place`` says so.
"""
from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from resolint.errors import InputError, UsageError
from resolint.ooxml.package import Limits, Package
from resolint.ooxml.zipwrite import refuse_overwrite, write_atomic

from . import corpus as c

BROKEN = sorted(c.BROKEN)
BOMBS = sorted(c.BOMBS)


@pytest.mark.parametrize("case", BROKEN)
def test_broken_input_is_one_line_and_exit_2(tmp_path: Path, case: str) -> None:
    make, word = c.BROKEN[case]
    path = make(tmp_path)
    line = c.assert_refused(c.run_main("check", path), word)
    assert path.name in line


@pytest.mark.parametrize("case", BOMBS)
def test_zip_bomb_refused_before_inflating(tmp_path: Path, case: str) -> None:
    make, word = c.BOMBS[case]
    path = make(tmp_path)
    start = time.perf_counter()
    c.assert_refused(c.run_main("check", path), word)
    assert time.perf_counter() - start < 10


def test_every_broken_file_through_the_real_cli(tmp_path: Path) -> None:
    """One child process over the whole corpus: one error line per file, exit 2, no traceback."""
    paths = [make(tmp_path) for make, _w in c.BROKEN.values()]
    paths += [make(tmp_path) for name, (make, _w) in c.BOMBS.items() if name in ("ratio", "lying-header", "many-entries")]
    out = c.run_cli("check", *paths)
    assert "Traceback" not in out.stderr + out.stdout
    assert out.code == 2
    lines = [line for line in out.error_lines if line.startswith("resolint: error: ")]
    assert len(lines) == len(paths), out.stderr
    # Besides one error line per file, only resolint's own summary line may appear.
    assert all(line.startswith("resolint: ") for line in out.error_lines), out.stderr
    for path in paths:
        assert sum(str(path) in line or path.name + ":" in line for line in lines) >= 1, path


def test_one_broken_file_among_good_ones_does_not_stop_the_others(tmp_path: Path) -> None:
    good = c.write(tmp_path, "good.docx", c.base_bytes())
    bad = c.make_truncated_zip(tmp_path)
    out = c.run_main("check", good, bad, "--format", "json")
    assert out.code == 2
    errors = [line for line in out.error_lines if line.startswith("resolint: error:")]
    assert len(errors) == 1 and "truncated.docx" in errors[0]
    assert "good.docx" in out.stdout


def test_bombs_are_refused_on_declared_sizes_without_reading(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Declared size and ratio are checked on the central directory: no part is inflated at all."""
    import zipfile

    bombs = [make(tmp_path) for make in (c.make_bomb_declared, c.make_bomb_ratio, c.make_many_entries)]
    opened: list[str] = []
    real_open = zipfile.ZipFile.open

    def spy(self, name, *a, **kw):  # type: ignore[no-untyped-def]
        opened.append(getattr(name, "filename", name))
        return real_open(self, name, *a, **kw)

    monkeypatch.setattr(zipfile.ZipFile, "open", spy)
    for bomb in bombs:
        with pytest.raises(InputError, match="zip bomb|entries"):
            Package(bomb)
    assert opened == []


def test_central_directory_is_counted_before_zipfile_reads_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """An end record claiming 8 entries over a directory of 60,000 is refused before zipfile parses it."""
    import zipfile

    bomb = c.make_huge_central_directory(tmp_path)
    calls: list[str] = []
    monkeypatch.setattr(zipfile, "ZipFile", lambda *a, **k: calls.append("zipfile") or (_ for _ in ()).throw(AssertionError))
    with pytest.raises(InputError, match="too many zip entries"):
        Package(bomb)
    assert calls == []


def test_inflating_stops_at_the_declared_size(tmp_path: Path) -> None:
    """A header that lies (2,000 bytes declared, 512 MiB inside) never yields more than it declared."""
    with Package(c.make_bomb_lying(tmp_path)) as pkg:
        with pytest.raises(InputError, match="document.xml"):
            pkg.read(c.MAIN_DOC)


def _configured(tmp_path: Path, name: str, toml: str) -> Path:
    """The base draft in a folder of its own with ``toml`` as its resolint.toml."""
    folder = tmp_path / name
    folder.mkdir()
    (folder / "resolint.toml").write_text(toml)
    return c.write(folder, "draft.docx", c.base_bytes())


@pytest.mark.parametrize("toml, words", [
    ("[limits]\nmax-file-bytes = 1000\n", ["larger than the limit of 1000"]),
    ("[limits]\nmax-paragraphs = 3\n", ["more than 3 paragraphs"]),
    ("[limits]\nmax-entries = 5\n", ["too many zip entries"]),
    ("[limits]\nmax-part-bytes = 1000\n", ["limit of 1000"]),
    ("[limits]\nmax-total-bytes = 1000\n", ["zip bomb"]),
    ("[limits]\nmax-ratio = 2\nratio-min-bytes = 1000\n", ["compression ratio over 2:1"]),
    ("[limits]\nregex-timeout = 1\n", ["unknown limit"]),
    ("regex-timeout = -1\n", ["regex-timeout"]),
])
def test_limits_are_configurable(tmp_path: Path, toml: str, words: list[str]) -> None:
    path = _configured(tmp_path, "case", toml)
    c.assert_refused(c.run_main("check", path), *words)


def test_generous_limits_and_regex_timeout_accepted(tmp_path: Path) -> None:
    path = _configured(tmp_path, "ok", "regex-timeout = 0.5\n[limits]\nmax-paragraphs = 100000\n"
                                       "max-file-bytes = 1000000\n")
    out = c.run_main("check", path)
    assert out.code in (0, 1) and not out.stderr


def test_limits_defaults_are_documented() -> None:
    doc = (Path(__file__).resolve().parents[2] / "docs" / "limits.md").read_text(encoding="utf-8")
    for name, value in vars(Limits()).items():
        assert name.replace("_", "-") in doc, name
        assert f"{value:,}" in doc or str(value) in doc, (name, value)
    assert "regex-timeout" in doc


# --------------------------------------------------------------------------- inputs never modified


def test_check_never_modifies_its_inputs(tmp_path: Path) -> None:
    paths = [c.write(tmp_path, "good.docx", c.base_bytes()), c.make_truncated_zip(tmp_path),
             c.make_missing_footnote(tmp_path), c.make_every_field(tmp_path)]
    os.utime(paths[0], ns=(1_000_000_000, 1_000_000_000))
    before = {p: c.fingerprint(p) for p in paths}
    c.run_main("check", *paths)
    c.run_main("check", *paths, "--format", "json")
    assert {p: c.fingerprint(p) for p in paths} == before


def test_check_reads_read_only_inputs(tmp_path: Path) -> None:
    path = c.write(tmp_path, "readonly.docx", c.base_bytes())
    path.chmod(0o444)
    try:
        c.assert_processed(c.run_main("check", path))
    finally:
        path.chmod(0o644)


@pytest.mark.skipif(os.geteuid() == 0 if hasattr(os, "geteuid") else True, reason="root reads anything")
def test_unreadable_input_is_one_line(tmp_path: Path) -> None:
    path = c.write(tmp_path, "secret.docx", c.base_bytes())
    path.chmod(0)
    try:
        c.assert_refused(c.run_main("check", path), "secret.docx")
    finally:
        path.chmod(0o644)


def test_missing_input_is_one_line(tmp_path: Path) -> None:
    c.assert_refused(c.run_main("check", tmp_path / "nowhere.docx"), "nowhere.docx")


def test_report_output_is_written_atomically(tmp_path: Path) -> None:
    path = c.write(tmp_path, "draft.docx", c.base_bytes())
    report = tmp_path / "report.json"
    report.write_text("old report")
    out = c.run_main("check", path, "--format", "json", "-o", report)
    assert out.code in (0, 1)
    assert report.read_text().lstrip().startswith(("[", "{"))
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []


def test_write_atomic_leaves_the_old_file_when_writing_fails(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "out.docx"
    target.write_bytes(b"previous")

    def boom(*_a: object) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", boom)
    with pytest.raises(OSError):
        write_atomic(target, b"new content")
    assert target.read_bytes() == b"previous"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.docx"]


def test_check_report_over_its_input_is_refused(tmp_path: Path) -> None:
    path = c.write(tmp_path, "draft.docx", c.base_bytes())
    before = c.fingerprint(path)
    out = c.run_main("check", path, "-o", path)
    assert c.fingerprint(path) == before
    c.assert_refused(out, "input")


# --------------------------------------------------------------------------- refuse_overwrite


def test_refuse_overwrite_same_path(tmp_path: Path) -> None:
    src = c.write(tmp_path, "a.docx", b"x")
    with pytest.raises(UsageError, match="refusing to overwrite an input file.*--in-place"):
        refuse_overwrite(src, [src])


def test_refuse_overwrite_other_spellings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    src = c.write(tmp_path, "a.docx", b"x")
    (tmp_path / "sub").mkdir()
    monkeypatch.chdir(tmp_path / "sub")
    for spelling in ("../a.docx", str(tmp_path / "sub" / ".." / "a.docx"), Path("..") / "." / "a.docx"):
        with pytest.raises(UsageError):
            refuse_overwrite(spelling, [tmp_path / "b.docx", src])


def test_refuse_overwrite_links(tmp_path: Path) -> None:
    src = c.write(tmp_path, "a.docx", b"x")
    link = tmp_path / "link.docx"
    link.symlink_to(src)
    hard = tmp_path / "hard.docx"
    os.link(src, hard)
    for out in (link, hard):
        with pytest.raises(UsageError):
            refuse_overwrite(out, [src])
        with pytest.raises(UsageError):
            refuse_overwrite(src, [out])


def test_refuse_overwrite_allows_other_outputs_and_in_place(tmp_path: Path) -> None:
    src = c.write(tmp_path, "a.docx", b"x")
    refuse_overwrite(tmp_path / "a.redline.docx", [src])
    refuse_overwrite(tmp_path / "new" / "a.docx", [src])  # not existing yet
    refuse_overwrite(c.write(tmp_path, "b.docx", b"x"), [src])  # same content, other file
    refuse_overwrite(src, [src], in_place=True)
    refuse_overwrite(src, [])


def test_refuse_overwrite_is_a_one_line_usage_error(tmp_path: Path) -> None:
    src = c.write(tmp_path, "a.docx", b"x")
    with pytest.raises(UsageError) as info:
        refuse_overwrite(str(src), [str(src)])
    assert "\n" not in str(info.value) and str(src) in str(info.value)


def test_diff_output_over_an_input_is_refused(tmp_path: Path) -> None:
    from resolint import cli

    if "diff" not in cli.COMMANDS:
        pytest.skip("`resolint diff` is not a command yet")
    old = c.write(tmp_path, "old.docx", c.base_bytes())
    new = c.write(tmp_path, "new.docx", c.draft_bytes(c.BASE_DRAFT.replace("annually", "every year"), "en"))
    before = (c.fingerprint(old), c.fingerprint(new))
    for target in (old, new):
        c.assert_refused(c.run_main("diff", old, new, "-o", target), "input")
    assert (c.fingerprint(old), c.fingerprint(new)) == before
    out = c.run_main("diff", old, new, "-o", tmp_path / "redline.docx")
    assert out.code in (0, 1), out.stderr
    assert (c.fingerprint(old), c.fingerprint(new)) == before


# --------------------------------------------------------------------------- special files


def test_fifo_named_docx_does_not_hang(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.docx"
    os.mkfifo(fifo)
    out = c.run_cli("check", fifo, timeout=60)
    c.assert_refused(out, "pipe.docx")


def test_folder_of_drafts_skips_lock_files_and_reports_broken_ones(tmp_path: Path) -> None:
    c.write(tmp_path, "good.docx", c.base_bytes())
    c.write(tmp_path, "~$good.docx", b"\x00" * 162)  # Word's lock file
    c.make_empty(tmp_path)
    out = c.run_main("check", tmp_path)
    assert out.code == 2
    errors = [line for line in out.error_lines if line.startswith("resolint: error:")]
    assert len(errors) == 1 and "empty.docx" in errors[0]


def test_interrupted_child_leaves_no_partial_report(tmp_path: Path) -> None:
    """A killed run never leaves a half-written report at the output path."""
    path = c.make_many_paragraphs(tmp_path, 3000)
    report = tmp_path / "report.txt"
    proc = subprocess.Popen([sys.executable, "-m", "resolint", "check", str(path), "-o", str(report)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    time.sleep(1.0)
    proc.kill()
    proc.wait()
    assert not report.exists() or report.stat().st_size > 0
