"""Fault injection: runs killed at random moments, a save during an in-place fix, signals in
the write window.

For ``check --fix --in-place``, ``check --annotate`` and ``diff -o``, children are sent
SIGKILL, SIGTERM or SIGINT after a random delay. Whatever the moment: every input is
byte-identical (an in-place fix: the draft is either the original or the whole fixed
version), an output is either absent or complete, nothing is left in ``$TMPDIR`` and,
after a catchable signal, nothing beside the draft. Delays are drawn from a seeded
generator (the seed is in the test id), spread over the run and thickest near its end,
where outputs are written.
"""
from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from support import faults as ft

from . import corpus as c

pytestmark = pytest.mark.slow

SAMPLES = Path(__file__).resolve().parents[2] / "samples"
DRAFT = SAMPLES / "A-RES-75-10-fr.docx"
OLD = SAMPLES / "A-RES-73-11-fr-previous.docx"
DATE = "2024-05-01T00:00:00Z"

COMMANDS = {
    "fix-in-place": (["check", "--fix", "--in-place", "draft.docx"], "draft.docx"),
    "annotate": (["check", "--annotate", "out.docx", "--date", DATE, "draft.docx"], "out.docx"),
    "diff": (["diff", "old.docx", "draft.docx", "-o", "out.docx", "--date", DATE], "out.docx"),
}
SIGNALS = {"SIGKILL": signal.SIGKILL, "SIGTERM": signal.SIGTERM, "SIGINT": signal.SIGINT}
TRIALS = 6  # per command and signal
SEED = 20261203


def _setup(folder: Path) -> Path:
    folder.mkdir(parents=True)
    (folder / "draft.docx").write_bytes(DRAFT.read_bytes())
    (folder / "old.docx").write_bytes(OLD.read_bytes())
    tmpdir = folder.parent / (folder.name + "-tmp")
    tmpdir.mkdir()
    return tmpdir


def _reference(base: Path, command: str) -> tuple[bytes, float]:
    """The complete output of an uninterrupted run, and how long three runs side by side take."""
    args, output = COMMANDS[command]
    procs = []
    for i in range(3):
        folder = base / f"ref-{command}-{i}"
        procs.append((folder, ft.start(args, folder, _setup(folder))))
    start = time.monotonic()
    for _folder, proc in procs:
        proc.communicate(timeout=120)
    elapsed = time.monotonic() - start
    outs = {(folder / output).read_bytes() for folder, _proc in procs}
    assert len(outs) == 1, "the reference runs disagree: output is not deterministic"
    return outs.pop(), elapsed


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_killed_runs_lose_nothing_and_leave_nothing(tmp_path: Path, command: str) -> None:
    args, output = COMMANDS[command]
    expected, elapsed = _reference(tmp_path, command)
    originals = {"draft.docx": DRAFT.read_bytes(), "old.docx": OLD.read_bytes()}
    rng = random.Random(f"{SEED}-{command}")
    litter_after_sigkill = 0
    outcomes = {True: 0, False: 0}  # output written / not written
    for trial in range(TRIALS):
        batch = []
        for name, sig in SIGNALS.items():
            folder = tmp_path / f"{command}-{name}-{trial}"
            tmpdir = _setup(folder)
            # a third of the delays anywhere in the run, the rest in its last 40 %
            delay = elapsed * (rng.uniform(0.05, 1.1) if rng.random() < 1 / 3 else rng.uniform(0.6, 1.05))
            batch.append((name, sig, folder, tmpdir, delay, ft.start(args, folder, tmpdir)))
        started = time.monotonic()
        for name, sig, folder, tmpdir, delay, proc in sorted(batch, key=lambda b: b[4]):
            time.sleep(max(0.0, started + delay - time.monotonic()))
            if proc.poll() is None:
                proc.send_signal(sig)
        for name, sig, folder, tmpdir, delay, proc in batch:
            proc.communicate(timeout=120)
            where = f"{command} {name} after {delay:.3f}s (trial {trial})"
            assert not list(tmpdir.iterdir()), f"{where}: left {list(tmpdir.iterdir())} in $TMPDIR"
            got = {n: (folder / n).read_bytes() if (folder / n).exists() else None for n in (*originals, "out.docx")}
            if command == "fix-in-place":
                assert got["draft.docx"] in (originals["draft.docx"], expected), f"{where}: draft damaged"
            else:
                assert got["draft.docx"] == originals["draft.docx"], f"{where}: input modified"
                assert got["out.docx"] in (None, expected), f"{where}: partial output"
            assert got["old.docx"] == originals["old.docx"], f"{where}: input modified"
            done = got["draft.docx"] == expected if command == "fix-in-place" else got["out.docx"] is not None
            outcomes[done] += 1
            extra = ft.listing(folder) - {"draft.docx", "old.docx", "out.docx"}
            if sig == signal.SIGKILL:
                litter_after_sigkill += bool(extra)
            else:
                assert not extra, f"{where}: left {sorted(extra)}"
    # SIGKILL cannot be caught: the unnamed temporary file (O_TMPFILE) leaves nothing behind
    # unless the kill lands in the microseconds between naming it and renaming it.
    assert litter_after_sigkill <= 1, litter_after_sigkill
    print(f"{command}: {outcomes[True]} runs wrote their output, {outcomes[False]} were stopped before")


def test_a_save_during_an_in_place_fix_is_kept(tmp_path: Path) -> None:
    """Word saves by replacing the file: a version saved while --fix --in-place works is never
    overwritten by the fixed old version (5 trials, as the issue reported 5 losses of 5)."""
    if not ft.inotify_available():
        pytest.skip("inotify is Linux-only")
    saved = OLD.read_bytes()  # "the user's new version": any other content does
    for trial in range(5):
        folder = tmp_path / f"save-{trial}"
        tmpdir = _setup(folder)
        draft = folder / "draft.docx"
        watch = ft.Watch(draft, ft.IN_CLOSE_NOWRITE)
        try:
            proc = ft.start(["check", "--fix", "--in-place", "draft.docx"], folder, tmpdir)
            assert watch.wait(ft.IN_CLOSE_NOWRITE), "the draft was never read"
        finally:
            watch.close()
        tmp = folder / "~WRL0001.tmp"  # how Word saves: a new file renamed over the old one
        tmp.write_bytes(saved)
        os.replace(tmp, draft)
        _out, err = proc.communicate(timeout=120)
        lines = [line for line in err.decode().splitlines() if line.strip()]
        assert draft.read_bytes() == saved, f"trial {trial}: the saved version was overwritten"
        assert proc.returncode == 2, (proc.returncode, lines)
        assert any("changed on disk" in line and "nothing written" in line for line in lines), lines
        assert "Traceback" not in err.decode()
        assert ft.listing(folder) == {"draft.docx", "old.docx"}


_SIGNAL_IN_WRITE = textwrap.dedent("""
    import os, signal, sys
    from resolint import atomic, output
    atomic.install_signal_cleanup()
    if sys.argv[2] == "named":
        atomic._LINKAT = None   # the fallback where O_TMPFILE is missing: a named hidden file
    real = os.fsync
    def fsync(fd):  # the signal arrives while the data is being flushed
        real(fd)
        os.kill(os.getpid(), getattr(signal, sys.argv[3]))
    os.fsync = fsync
    output.write(sys.argv[1], b"new content")
""")


@pytest.mark.parametrize("temp", ["unnamed", "named"])
@pytest.mark.parametrize("sig", ["SIGTERM", "SIGINT", "SIGHUP"])
def test_a_signal_in_the_write_window_leaves_the_old_file_and_no_litter(tmp_path: Path, temp: str,
                                                                      sig: str) -> None:
    target = tmp_path / "out.docx"
    target.write_bytes(b"previous")
    proc = subprocess.run([sys.executable, "-c", _SIGNAL_IN_WRITE, str(target), temp, sig],
                          capture_output=True, text=True, timeout=60)
    assert proc.returncode == -getattr(signal, sig), proc.stderr  # the signal ended the write
    assert target.read_bytes() == b"previous"
    assert ft.listing(tmp_path) == {"out.docx"}
