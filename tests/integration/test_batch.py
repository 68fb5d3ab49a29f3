"""Batch runs: parallel across processes, results in input order, progress only on a terminal."""
from __future__ import annotations

import io
import json
import pickle
from pathlib import Path

import pytest

from resolint.batch import Options, Progress, check_files, detach, effective_jobs
from resolint.plugin_manager import get_manager
from resolint.testing.draft import write_draft

from .conftest import CLEAN, FAULTY, PINNED, run_resolint


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """Twelve drafts in nested folders, every third one faulty, plus one unreadable file."""
    root = tmp_path / "drafts"
    for i in range(12):
        sub = root / ("ga" if i % 2 else "sc") / f"session-{i % 3}"
        sub.mkdir(parents=True, exist_ok=True)
        write_draft(sub / f"draft-{i:02}.docx", FAULTY if i % 3 == 0 else CLEAN)
    (root / "sc" / "broken.docx").write_bytes(b"not a zip file")
    (root / "sc" / "~$draft-00.docx").write_bytes(b"lock")
    return root


def test_parallel_results_match_serial_in_the_same_order(folder: Path) -> None:
    one = run_resolint("check", *PINNED, "--format", "json", "--jobs", "1", str(folder))
    two = run_resolint("check", *PINNED, "--format", "json", "--jobs", "2", str(folder))
    auto = run_resolint("check", *PINNED, "--format", "json", str(folder))
    assert one.returncode == two.returncode == auto.returncode == 2  # broken.docx
    assert one.stdout == two.stdout == auto.stdout
    paths = [d["path"] for d in json.loads(two.stdout)]
    assert paths == sorted(paths) and len(set(paths)) == 4
    assert two.stderr.count("error:") == 1 and "broken.docx" in two.stderr


def test_summary_and_no_progress_bar_when_piped(folder: Path) -> None:
    proc = run_resolint("check", *PINNED, "--jobs", "2", str(folder))
    assert "\r" not in proc.stderr and "[#" not in proc.stderr
    last = proc.stderr.strip().splitlines()[-1]
    assert last == ("resolint: checked 13 drafts in " + last.split(" in ", 1)[1].split("s (")[0]
                    + "s (2 jobs); 8 findings in 4 drafts; 1 draft could not be read")


def test_in_process_api_keeps_input_order(folder: Path) -> None:
    files = sorted(folder.rglob("draft-*.docx"), key=lambda p: p.name, reverse=True)
    manager = get_manager()
    seen = []
    results = check_files(files, manager, Options(select=("S101", "P101")), jobs=2, progress=False,
                          configure=seen.append)
    assert [r.path for r in results] == [str(p) for p in files]
    assert len(seen) == 1
    assert all(r.document is None for r in results)  # plain data from the workers
    faulty = [r for r in results if r.findings]
    assert len(faulty) == 4
    assert all(f.extra["span"] == ";." for r in faulty for f in r.findings if f.code == "P101")
    serial = check_files(files, manager, Options(select=("S101", "P101")), jobs=1, progress=False)
    assert all(r.document is not None for r in serial)
    assert [[f.to_dict() for f in r.findings] for r in serial] == [[f.to_dict() for f in r.findings]
                                                                 for r in results]


def test_worker_results_are_picklable(folder: Path) -> None:
    path = next(folder.rglob("draft-00.docx"))
    manager = get_manager()
    from resolint.batch import file_config
    from resolint.engine import check_file

    result = check_file(path, file_config(path, manager, Options()), manager)
    assert result.document is not None
    plain = detach(result)
    assert plain.document is None and result.document is not None
    assert pickle.loads(pickle.dumps(plain)).findings == plain.findings


def test_blocked_plugins_are_blocked_in_workers(folder: Path) -> None:
    proc = run_resolint("-p", "no:rules", "check", "--format", "json", "--jobs", "2", str(folder / "ga"))
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout) == []


def test_progress_bar_only_on_a_terminal() -> None:
    class Tty(io.StringIO):
        def isatty(self) -> bool:
            return True

    tty = Tty()
    bar = Progress(3, stream=tty)
    for _ in range(3):
        bar.advance()
    bar.close()
    out = tty.getvalue()
    assert "\r[" in out and "3/3 drafts" in out and out.endswith("\r\x1b[K")

    piped = io.StringIO()
    bar = Progress(3, stream=piped)
    bar.advance(3)
    bar.close()
    assert piped.getvalue() == ""

    quiet = Tty()
    bar = Progress(3, stream=quiet, enabled=False)  # --no-progress
    bar.advance(3)
    bar.close()
    assert quiet.getvalue() == ""


def test_jobs_option() -> None:
    assert effective_jobs(1, 100) == 1
    assert effective_jobs(8, 3) == 3
    assert effective_jobs(0, 100) >= 1
    assert effective_jobs(4, 100, keep_documents=True) == 1
    proc = run_resolint("check", "--jobs", "-1", ".")
    assert proc.returncode == 2 and "--jobs" in proc.stderr
