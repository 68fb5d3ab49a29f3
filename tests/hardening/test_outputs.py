"""The output policy through the real command line: nothing written over an input by any
route, special files, read-only drafts, colliding outputs, long names, encodings, one read
of each input, and the hostile inputs that used to give more than one line.

Tests run as root in CI, and root ignores permission bits: the read-only cases check that
resolint looked at the bits itself (the file keeps its bytes), not that the system said no.
"""
from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from support import faults as ft

from . import corpus as c

SAMPLES = Path(__file__).resolve().parents[2] / "samples"
FR = SAMPLES / "A-RES-75-10-fr.docx"
OLD_FR = SAMPLES / "A-RES-73-11-fr-previous.docx"


def _copy(folder: Path, name: str | bytes, src: Path = FR) -> Path:
    path = Path(os.fsdecode(os.path.join(os.fsencode(folder), os.fsencode(name))))
    path.write_bytes(src.read_bytes())
    return path


def _cli(*args: object, cwd: Path | None = None, env: dict[str, str] | None = None,
         **kw: object) -> subprocess.CompletedProcess[bytes]:
    full = dict(os.environ)
    full.pop("RESOLINT_DEBUG", None)
    full.update(env or {})
    return subprocess.run([sys.executable, "-m", "resolint", *map(os.fspath, args)],  # type: ignore[arg-type]
                          capture_output=True, cwd=cwd, env=full, timeout=120, **kw)


def _refused(proc: subprocess.CompletedProcess[bytes], *words: str) -> str:
    err = proc.stderr.decode("utf-8", "replace")
    assert proc.returncode == 2, (proc.returncode, err)
    lines = [line for line in err.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith("resolint: error: "), lines
    assert "internal error" not in lines[0] and "Traceback" not in err
    for word in words:
        assert word in lines[0], lines[0]
    return lines[0]


# --------------------------------------------------------------------------- 2. an input by another route
def test_diff_output_through_a_hard_link_or_a_symlink_is_refused(tmp_path: Path) -> None:
    old, new = _copy(tmp_path, "old.docx", OLD_FR), _copy(tmp_path, "new.docx")
    os.link(new, tmp_path / "hard.docx")
    (tmp_path / "soft.docx").symlink_to(old)
    before = (c.fingerprint(old), c.fingerprint(new))
    for target in ("hard.docx", "soft.docx", "./sub/../new.docx"):
        (tmp_path / "sub").mkdir(exist_ok=True)
        _refused(_cli("diff", old, new, "-o", target, cwd=tmp_path), "is the input")
    assert (c.fingerprint(old), c.fingerprint(new)) == before


def test_diff_output_through_a_bind_mount_is_refused(tmp_path: Path) -> None:
    """The same folder mounted twice: one file, two paths that no resolve() brings together."""
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    old, new = _copy(tmp_path / "a", "old.docx", OLD_FR), _copy(tmp_path / "a", "new.docx")
    mounted = subprocess.run(["mount", "--bind", str(tmp_path / "a"), str(tmp_path / "b")], capture_output=True)
    if mounted.returncode != 0:
        pytest.skip(f"bind mounts need privileges here: {mounted.stderr.decode().strip()}")
    try:
        before = c.fingerprint(new)
        _refused(_cli("diff", old, new, "-o", tmp_path / "b" / "new.docx"), "is the input")
        assert c.fingerprint(new) == before
    finally:
        subprocess.run(["umount", str(tmp_path / "b")], check=True)


def test_check_outputs_through_a_hard_link_are_refused(tmp_path: Path) -> None:
    draft = _copy(tmp_path, "draft.docx")
    os.link(draft, tmp_path / "hard.docx")
    before = c.fingerprint(draft)
    _refused(_cli("check", draft, "-o", tmp_path / "hard.docx"), "is the input")
    _refused(_cli("check", draft, "--annotate", tmp_path / "hard.docx"), "is the input")
    assert c.fingerprint(draft) == before


# --------------------------------------------------------------------------- 3. special files
def _null_device(folder: Path) -> str:
    """A character device like /dev/null to write to: a private node where this process may make
    one (as root: a broken writer must never replace the system's /dev/null), else /dev/null
    itself when not root (the system then refuses to replace it)."""
    node = folder / "null"
    try:
        os.mknod(node, stat.S_IFCHR | 0o666, os.makedev(1, 3))
        with open(node, "wb") as fh:
            fh.write(b"probe")
        return str(node)
    except OSError:
        node.unlink(missing_ok=True)
    if os.geteuid() == 0:
        pytest.skip("no private device node can be made here, and root could replace /dev/null")
    return os.devnull


def test_dev_null_stays_a_device(tmp_path: Path) -> None:
    draft = _copy(tmp_path, "draft.docx")
    null = _null_device(tmp_path)
    before = os.stat(null)
    proc = _cli("check", draft, "-o", null)
    assert proc.returncode == 1, proc.stderr
    after = os.stat(null)
    assert stat.S_ISCHR(after.st_mode) and (after.st_ino, after.st_rdev) == (before.st_ino, before.st_rdev)
    proc = _cli("check", "--annotate", null, draft)
    assert proc.returncode == 1 and stat.S_ISCHR(os.stat(null).st_mode)
    proc = _cli("diff", OLD_FR, draft, "-o", null, "--format", "docx")
    assert proc.returncode == 0 and stat.S_ISCHR(os.stat(null).st_mode)


def test_dev_stdout_and_dash_write_to_standard_output(tmp_path: Path) -> None:
    draft = _copy(tmp_path, "draft.docx")
    for target in ("/dev/stdout", "-"):
        proc = _cli("check", draft, "--format", "json", "-o", target)
        assert proc.returncode == 1, proc.stderr
        assert json.loads(proc.stdout)[0]["code"]
    proc = _cli("diff", OLD_FR, draft, "-o", "-", "--format", "docx", "--date", "2024-01-01")
    assert proc.returncode == 0 and proc.stdout[:2] == b"PK"
    assert not (tmp_path / "-").exists()


def test_a_named_pipe_is_written_to_and_stays_a_pipe(tmp_path: Path) -> None:
    draft = _copy(tmp_path, "draft.docx")
    fifo = tmp_path / "report.fifo"
    os.mkfifo(fifo)
    got: list[bytes] = []
    reader = threading.Thread(target=lambda: got.append(fifo.read_bytes()), daemon=True)
    reader.start()
    proc = _cli("check", draft, "-o", fifo)
    reader.join(timeout=60)
    assert not reader.is_alive(), "the reader of the pipe still waits"
    assert proc.returncode == 1, proc.stderr
    assert b"Found " in got[0]
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)


def test_a_descriptor_path_like_process_substitution(tmp_path: Path) -> None:
    draft = _copy(tmp_path, "draft.docx")
    r, w = os.pipe()
    try:
        proc = subprocess.Popen([sys.executable, "-m", "resolint", "check", str(draft), "-o", f"/dev/fd/{w}"],
                                pass_fds=(w,), stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        os.close(w)
        with os.fdopen(r, "rb") as fh:
            data = fh.read()
        proc.wait(timeout=120)
    finally:
        pass
    assert proc.returncode == 1, proc.stderr.read()
    assert b"Found " in data


@pytest.mark.parametrize("target", ["folder", ""])
def test_a_directory_or_an_empty_output_is_refused(tmp_path: Path, target: str) -> None:
    draft = _copy(tmp_path, "draft.docx")
    (tmp_path / "folder").mkdir()
    _refused(_cli("check", draft, "-o", target, cwd=tmp_path))
    _refused(_cli("diff", OLD_FR, draft, "-o", target, "--format", "text", cwd=tmp_path))
    assert sorted(p.name for p in tmp_path.iterdir()) == ["draft.docx", "folder"]
    assert not list((tmp_path / "folder").iterdir())


# --------------------------------------------------------------------------- 4. read-only drafts
def test_in_place_fix_leaves_a_read_only_draft_alone(tmp_path: Path) -> None:
    draft = _copy(tmp_path, "draft.docx")
    draft.chmod(0o444)
    before = c.fingerprint(draft)
    _refused(_cli("check", "--fix", "--in-place", draft), "read-only")
    assert c.fingerprint(draft) == before and stat.S_IMODE(draft.stat().st_mode) == 0o444
    report = tmp_path / "report.txt"
    report.write_text("kept")
    report.chmod(0o444)
    _refused(_cli("check", draft, "-o", report), "read-only")
    assert report.read_text() == "kept"


# --------------------------------------------------------------------------- 5. encodings
def test_a_file_name_that_is_not_utf8_keeps_the_whole_report(tmp_path: Path) -> None:
    _copy(tmp_path, b"r\xe9solution.docx")
    name = os.fsdecode(b"r\xe9solution.docx")
    proc = _cli("check", name, "--format", "sarif", "-o", "out.sarif", cwd=tmp_path)
    assert proc.returncode == 1, proc.stderr
    sarif = json.loads((tmp_path / "out.sarif").read_bytes())
    assert sarif["runs"][0]["results"] and sarif["runs"][0]["artifacts"][0]["location"]["uri"] == name
    proc = _cli("check", name, "--format", "sarif", cwd=tmp_path)
    assert proc.returncode == 1 and json.loads(proc.stdout)["runs"][0]["results"]
    proc = _cli("check", name, cwd=tmp_path)
    assert proc.returncode == 1 and proc.stdout.startswith(b"r\xe9solution.docx:")  # the name's own bytes
    summary = tmp_path / "summary.md"
    proc = _cli("check", name, "--format", "github", cwd=tmp_path, env={"GITHUB_STEP_SUMMARY": str(summary)})
    assert proc.returncode == 1 and "r\\udce9solution.docx" in summary.read_text()
    for fmt in ("html", "json", "text"):
        proc = _cli("diff", OLD_FR, name, "--format", fmt, "-o", f"map.{fmt}", cwd=tmp_path)
        assert proc.returncode == 0 and (tmp_path / f"map.{fmt}").stat().st_size > 1000, proc.stderr
    assert json.loads((tmp_path / "map.json").read_bytes())["new"] == name


@pytest.mark.parametrize(("encoding", "name"), [("cp1252", "决议.docx"), ("ascii", "draft.docx")])
def test_a_narrow_console_encoding_keeps_the_whole_report(tmp_path: Path, encoding: str, name: str) -> None:
    _copy(tmp_path, name)
    env = {"PYTHONIOENCODING": encoding}
    text = _cli("check", name, cwd=tmp_path, env=env)
    assert text.returncode == 1, text.stderr
    lines = text.stdout.decode(encoding).splitlines()
    assert lines[-1].startswith("Found 13 findings") and len(lines) == 2 * 13 + 1  # each with its context
    data = _cli("check", name, "--format", "json", cwd=tmp_path, env=env)
    assert data.returncode == 1 and json.loads(data.stdout.decode(encoding))[0]["path"] == name
    assert lines[0].startswith(name.encode(encoding, "backslashreplace").decode(encoding) + ":")
    conv = _cli("textconv", name, cwd=tmp_path, env=env)
    title = "Coopération".encode(encoding, "backslashreplace").decode(encoding)
    assert conv.returncode == 0 and title in conv.stdout.decode(encoding)


# --------------------------------------------------------------------------- 6. one read per input
def test_annotate_and_diff_open_each_input_once(tmp_path: Path) -> None:
    if not ft.inotify_available():
        pytest.skip("inotify is Linux-only")
    draft, old = _copy(tmp_path, "draft.docx"), _copy(tmp_path, "old.docx", OLD_FR)
    for args, watched in ((["check", "--annotate", "out.docx", "draft.docx"], [draft]),
                          (["diff", "./old.docx", str(draft), "-o", "red.docx"], [old, draft]),
                          (["diff", "old.docx", "draft.docx"], [old, draft]),
                          (["textconv", "draft.docx"], [draft])):
        # opens and closes alternate: inotify merges repeated identical events, not these
        watches = [ft.Watch(p, ft.IN_OPEN | ft.IN_CLOSE_NOWRITE) for p in watched]
        try:
            proc = _cli(*args, cwd=tmp_path)
            assert proc.returncode in (0, 1), proc.stderr
            assert [w.count(ft.IN_OPEN) for w in watches] == [1] * len(watched), args
        finally:
            for w in watches:
                w.close()


# --------------------------------------------------------------------------- 7. outputs that collide
def test_outputs_of_one_run_never_collide(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    (tmp_path / "out").mkdir()
    one, two = _copy(tmp_path / "a", "draft.docx"), _copy(tmp_path / "b", "draft.docx")
    _refused(_cli("check", one, two, "--annotate", tmp_path / "out"), "overwrite each other")
    assert not list((tmp_path / "out").iterdir())
    _refused(_cli("check", "--fix", one, "-o", tmp_path / "a" / "draft.fixed.docx"), "overwrite each other")
    assert sorted(p.name for p in (tmp_path / "a").iterdir()) == ["draft.docx"]
    _refused(_cli("check", one, "--annotate", "/dev/stdout"), "overwrite each other")


def test_an_empty_annotate_path_does_not_write_into_the_current_folder(tmp_path: Path) -> None:
    (tmp_path / "drafts").mkdir()
    draft = _copy(tmp_path / "drafts", "draft.docx")
    bystander = _copy(tmp_path, "draft.docx", OLD_FR)  # a file of the current folder
    before = c.fingerprint(bystander)
    _refused(_cli("check", draft, "--annotate", "", cwd=tmp_path), "empty")
    assert c.fingerprint(bystander) == before


# --------------------------------------------------------------------------- 8. long names
def test_a_250_byte_name_can_be_fixed_in_place_and_annotated(tmp_path: Path) -> None:
    name = "r" * 245 + ".docx"
    draft = _copy(tmp_path, name)
    (tmp_path / "out").mkdir()
    proc = _cli("check", "--fix", "--in-place", name, "--annotate", "out", cwd=tmp_path)
    assert proc.returncode in (0, 1), proc.stderr
    assert draft.read_bytes() != FR.read_bytes()
    assert (tmp_path / "out" / name).read_bytes()[:2] == b"PK"
    assert ft.listing(tmp_path) == {name, "out"}
    line = _refused(_cli("check", "--fix", name, cwd=tmp_path), "longer than the file system allows")
    assert ".fixed.docx" in line


# --------------------------------------------------------------------------- 10, 11, 12. hostile inputs
def test_deep_content_controls_diff_and_textconv(tmp_path: Path) -> None:
    deep = c.make_nested_sdt(tmp_path, 1000)
    base = c.write(tmp_path, "base.docx", c.base_bytes())
    proc = _cli("diff", base, deep, "-o", tmp_path / "red.docx", "--date", "2024-01-01")
    assert proc.returncode == 0, proc.stderr
    proc = _cli("diff", base, deep)
    assert proc.returncode == 0 and b"Paragraphs:" in proc.stdout
    proc = _cli("textconv", deep)
    assert proc.returncode == 0 and b"Decides to remain seized" in proc.stdout
    inline = c.make_nested_inline(tmp_path, 1600)  # refused by check and textconv alike, naming the file
    _refused(_cli("textconv", inline), inline.name, "nested more than 200 levels")
    for args in ((base, inline), (inline, base, "-o", tmp_path / "red2.docx")):
        proc = _cli("diff", *args)  # compared, as deep as the XML parser allows
        assert proc.returncode == 0, proc.stderr


def test_a_nul_byte_is_one_line_in_every_command(tmp_path: Path) -> None:
    data = c.base_bytes()
    body = c.part(data, "word/document.xml").replace(b"Decides", b"Dec\x00ides", 1)
    bad = c.write(tmp_path, "nul.docx", c.edit(data, {"word/document.xml": body}))
    base = c.write(tmp_path, "base.docx", data)
    for args in (["diff", base, bad], ["diff", base, bad, "-o", tmp_path / "r.docx"], ["textconv", bad],
                 ["check", bad], ["check", "--fix", "--in-place", bad]):
        _refused(_cli(*args), "nul.docx")
    assert not (tmp_path / "r.docx").exists()


def test_two_main_document_entries_are_refused_and_nothing_is_written(tmp_path: Path) -> None:
    data = c.base_bytes()
    parts = c.read_parts(data)
    main = dict(parts)["word/document.xml"]
    twice = c.write(tmp_path, "twice.docx", c.package_bytes(
        [*parts, ("word/document.xml", main.replace(b"Decides", b"Decides;."))]))
    base = c.write(tmp_path, "base.docx", data)
    before = c.fingerprint(twice)
    for args in (["check", twice], ["check", "--fix", twice], ["check", "--fix", "--in-place", twice],
                 ["diff", base, twice, "-o", tmp_path / "r.docx"], ["textconv", twice]):
        _refused(_cli(*args), "two entries named word/document.xml")
    assert c.fingerprint(twice) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["base.docx", "twice.docx"]


@pytest.mark.parametrize("value", ["inf", "nan"])
def test_an_infinite_regex_timeout_is_one_line(tmp_path: Path, value: str) -> None:
    _copy(tmp_path, "draft.docx")
    (tmp_path / "resolint.toml").write_text(f"regex-timeout = {value}\n")
    _refused(_cli("check", "draft.docx", cwd=tmp_path), "regex-timeout", "finite")


MANY_PASSES = """
# Cooperation between the United Nations and the International Criminal Police Organization
The General Assembly,
*Recalling*  its   resolution 73/11 of 26 November 2018,,,,,,,,,,,,
1. *Decides* to act;.;.;.;.;.;.;.;.;.;.;.;.
3. *Requests* the Secretary-General to report ,,,,,,,,, on cooperation;;;;;;;;;;;;;;;;;
4. *Decides* to remain seized of the matter..........
"""


def test_unsafe_fixes_settle_in_one_run(tmp_path: Path, draft) -> None:  # type: ignore[no-untyped-def]
    """This draft needs 13 passes: a second run must change nothing."""
    path = draft(MANY_PASSES)
    first = _cli("check", "--fix", "--unsafe-fixes", "--in-place", path)
    assert first.returncode in (0, 1), first.stderr
    once = path.read_bytes()
    second = _cli("check", "--fix", "--unsafe-fixes", "--in-place", path)
    assert second.returncode in (0, 1) and path.read_bytes() == once
    assert b"fixed" in first.stderr and b"fixed" not in second.stderr  # nothing changed: nothing written


# --------------------------------------------------------------------------- 13. bounded findings
def test_findings_are_capped_per_document_with_one_line_saying_what_was_cut(tmp_path: Path) -> None:
    body = c.para("The General Assembly,") + "".join(c.para("Recalling " + ",  " * 300) for _ in range(5))
    path = c.write(tmp_path, "commas.docx", c.with_body(body))
    full = _cli("check", path, "--format", "json")
    total = len(json.loads(full.stdout))
    assert total > 1000 and full.returncode == 1
    (tmp_path / "resolint.toml").write_text("[limits]\nmax-findings = 300\n")
    capped = _cli("check", path, "--format", "json")
    assert capped.returncode == 1
    assert json.loads(capped.stdout) == json.loads(full.stdout)[:300]
    lines = capped.stderr.decode().splitlines()
    assert lines == [f"resolint: {path}: {total - 300} more findings not reported (the first 300 are; "
                     "limit max-findings in [tool.resolint.limits])"]
    # past ten times the limit the check itself stops (memory stays bounded): "at least"
    (tmp_path / "resolint.toml").write_text("[limits]\nmax-findings = 100\n")
    stopped = _cli("check", path, "--format", "json")
    assert stopped.returncode == 1 and len(json.loads(stopped.stdout)) == 100
    line = stopped.stderr.decode().strip()
    head, _, rest = line.partition(" more findings not reported ")
    assert head.startswith(f"resolint: {path}: at least ") and int(head.rsplit(" ", 1)[1]) >= 900, line
    assert "the check stopped past 1000" in rest, line
