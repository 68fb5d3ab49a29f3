"""``resolint index`` and ``resolint trace`` through the real command line."""
from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from resolint.loader import load_document
from resolint.testing.draft import write_draft
from support.cli import run_cli
from test_trace import DRAFT, RES_1, RES_2


@pytest.fixture(scope="module")
def setup(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, Path]:
    tmp = tmp_path_factory.mktemp("trace-cli")
    adopted = tmp / "adopted"
    adopted.mkdir()
    write_draft(adopted / "901.docx", RES_1)
    lib = tmp / "lib.sqlite"
    done = run_cli("index", adopted, "-o", lib)
    assert done.returncode == 0, done.stderr
    assert "built" in done.stderr and "1 resolution added; 1 resolution," in done.stderr
    write_draft(tmp / "906.docx", RES_2)
    done = run_cli("index", tmp / "906.docx", "-o", lib)  # incremental
    assert done.returncode == 0, done.stderr
    assert "updated" in done.stderr and "2 resolutions, 10 paragraphs" in done.stderr
    draft = Path(write_draft(tmp / "draft.docx", DRAFT))
    return tmp, lib, draft


def test_trace_json(setup) -> None:  # type: ignore[no-untyped-def]
    _tmp, lib, draft = setup
    lib.chmod(0o444)  # a library on a read-only share is traced against
    try:
        done = run_cli("trace", draft, "--library", lib, "--format", "json")
    finally:
        lib.chmod(0o644)
    assert done.returncode == 0, done.stderr
    done = run_cli("trace", draft, "--library", lib, "--format", "json")
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    assert [(d["label"], d["status"]) for d in data] == [
        ("PP 1", "agreed"), ("PP 2", "new"), ("OP 1", "modified"), ("OP 2", "agreed"), ("OP 3", "agreed")]
    assert all(set(d) == {"label", "paragraph", "status", "sources"} for d in data)
    assert data[2]["sources"][0] == {"symbol": "S/RES/906 (1994)", "label": "OP 1",
                                     "similarity": data[2]["sources"][0]["similarity"]}
    sims = [s["similarity"] for s in data[2]["sources"]]
    assert sims == sorted(sims, reverse=True) and all(0 <= s < 1 for s in sims)


def test_trace_text_html_history_annotate(setup) -> None:  # type: ignore[no-untyped-def]
    tmp, lib, draft = setup
    done = run_cli("trace", draft, "--library", lib)
    assert done.returncode == 0, done.stderr
    assert "OP 1: modified (S/RES/906 (1994) OP 1" in done.stdout
    assert "{+and without delay+}" in done.stdout
    assert done.stdout.rstrip().endswith("5 paragraphs: 3 agreed, 1 modified, 1 new")
    out = tmp / "trace.html"
    assert run_cli("trace", draft, "--library", lib, "--format", "html", "-o", out).returncode == 0
    assert "<ins>and without delay</ins>" in out.read_text(encoding="utf-8")
    done = run_cli("trace", draft, "--library", lib, "--history", "OP 1")
    assert done.returncode == 0, done.stderr
    assert done.stdout.index("S/RES/901 (1994)") < done.stdout.index("S/RES/906 (1994)")
    annotated = tmp / "annotated.docx"
    done = run_cli("trace", draft, "--library", lib, "--annotate", annotated)
    assert done.returncode == 0, done.stderr
    assert len(load_document(annotated).comments) == 5


def test_errors_are_one_line_and_exit_2(setup) -> None:  # type: ignore[no-untyped-def]
    tmp, lib, draft = setup
    bad = tmp / "bad.sqlite"
    bad.write_bytes(b"hello")
    other = tmp / "other.sqlite"
    with sqlite3.connect(other) as db:
        db.execute("CREATE TABLE x (y)")
    broken = tmp / "broken.docx"
    broken.write_bytes(b"PK\x03\x04 not really")
    cases = [
        (("trace", draft, "--library", tmp / "missing.sqlite"), "no such library"),
        (("trace", draft, "--library", bad), "not a resolint library"),
        (("trace", draft, "--library", other), "not a resolint library"),
        (("trace", tmp / "nothing.docx", "--library", lib), "no such file"),
        (("trace", broken, "--library", lib), "broken.docx"),
        (("trace", draft, "--library", lib, "--history", "OP 99"), "no paragraph 'OP 99'"),
        (("trace", draft, "--library", lib, "-o", draft), ""),
        (("index", tmp / "nowhere", "-o", tmp / "x.sqlite"), "no such file or folder"),
        (("index", tmp / "906.docx", "-o", bad), "not a resolint library"),
        (("index", tmp / "906.docx", broken, "-o", lib), "broken.docx"),
    ]
    before = lib.read_bytes()
    for args, message in cases:
        done = run_cli(*args)
        assert done.returncode == 2, (args, done.stderr)
        assert len(done.stderr.strip().splitlines()) == 1 and "Traceback" not in done.stderr, done.stderr
        assert message in done.stderr
    assert not (tmp / "x.sqlite").exists()
    assert lib.read_bytes() == before  # an index run stopped by a damaged input adds nothing
    assert bad.read_bytes() == b"hello"
    assert load_document(draft).paragraphs  # the draft named as output is untouched
