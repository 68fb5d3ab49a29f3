"""The agreed-language trace on real texts: a library of the 808 adopted Security Council
resolutions of ``../shared/corpus/sc-adopted`` and generated drafts with known sources.

Copied and edited paragraphs (words inserted, deleted or replaced, about one in ten, or a
number typed in front) are taken from adopted paragraphs of at least ten words; new ones are
paragraphs of at least fifteen words of the Security Council's drafts of 2017 to 2024
(``../shared/corpus/sc-drafts``), written after the library's last text (2002). A few of
those repeat older formulas ("Acting under Chapter VII of the Charter of the United
Nations,") and are rightly found in the library: the bar for new is 95%, not 100%.
A source is right when its text is the text the paragraph was taken from (up to what the
similarity ignores): the same paragraph often stands in several resolutions.
"""
from __future__ import annotations

import os
import random
import time
from collections import Counter
from pathlib import Path

import pytest

from resolint.testing import agreed
from resolint.testing.draft import write_draft
from resolint.loader import load_document
from resolint.trace import source
from resolint.trace.library import Library, build_or_update
from resolint.trace.text import key, tokens
from resolint.trace.trace import Traced, trace_document

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("RESOLINT_SHARED", ROOT.parent / "shared"))
ADOPTED = SHARED / "corpus" / "sc-adopted"
DRAFTS = SHARED / "corpus" / "sc-drafts"

pytestmark = pytest.mark.skipif(not ADOPTED.is_dir() or not DRAFTS.is_dir(),
                                reason="the real texts (../shared/corpus) are not here")


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[source.Adopted], list[str]]:
    """The library of the adopted texts (built once for the module: about 3 s), the records, new texts."""
    records = [source.read(p) for p in source.iter_sources([ADOPTED])]
    path = tmp_path_factory.mktemp("trace") / "sc.sqlite"
    start = time.perf_counter()
    build_or_update(path, records)
    print(f"library of {len(records)} resolutions built in {time.perf_counter() - start:.1f} s")
    new = [t for p in source.iter_sources([DRAFTS]) for _l, t in source.read(p).paragraphs if len(t.split()) >= 15]
    return path, records, new


def test_corpus_library_holds_every_resolution(corpus) -> None:  # type: ignore[no-untyped-def]
    path, records, _new = corpus
    assert len(records) == 808
    with Library.open(path) as lib:
        stats = lib.stats()
    assert stats["resolutions"] == len({r.symbol for r in records})
    assert stats["paragraphs"] == sum(len(r.paragraphs) for r in records)
    assert all(r.symbol.startswith("S/RES/") and r.date and r.date[:4] == r.symbol[-5:-1] for r in records)


def test_generated_drafts_traced_to_their_sources(corpus, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path, records, new = corpus
    rng = random.Random(20261203)
    items = agreed.samples(records, new, rng, copied=100, edited=200, new=100)
    # Real drafts: five .docx files of 80 paragraphs each, labelled by the classifier.
    results: list[tuple[agreed.Sample, Traced | None]] = []
    with Library.open(path) as lib:
        for n in range(0, len(items), 80):
            chunk = items[n:n + 80]
            body = "\n".join(s.text for s in chunk)
            doc = load_document(write_draft(tmp_path / f"draft{n}.docx", f"The Security Council,\n{body}\n"))
            by_index = {t.index: t for t in trace_document(lib, doc)}
            assert [p.text for p in doc.paragraphs[1:]] == [s.text.split("\t")[-1] for s in chunk]
            # Paragraph 1 is the formula; a sample the classifier does not take as a paragraph
            # (a heading, say) is not traced, and counts as a miss.
            results.extend((s, by_index.get(i)) for i, s in enumerate(chunk, 2))
    right: Counter[str] = Counter()
    total: Counter[str] = Counter()
    for sample, t in results:
        total[sample.how] += 1
        if t is None:
            continue
        if sample.how == "new":
            right["new"] += t.status == "new"
        else:
            right[sample.how] += bool(t.sources) and key(tokens(t.sources[0].text)) == key(tokens(sample.original or ""))
            if sample.how == "copied":
                right["copied agreed"] += t.status == "agreed"
    rate = {how: right[how] / total[how] for how in total}
    print({how: f"{right[how]}/{total[how]}" for how in total})
    assert rate["copied"] >= 0.95 and rate["edited"] >= 0.95
    assert (right["copied"] + right["edited"]) / (total["copied"] + total["edited"]) >= 0.95
    assert right["copied agreed"] / total["copied"] >= 0.95
    assert rate["new"] >= 0.95


def test_index_ended_by_a_signal_leaves_no_file(tmp_path: Path) -> None:
    import signal
    import subprocess
    import sys

    target = tmp_path / "lib.sqlite"
    proc = subprocess.Popen([sys.executable, "-m", "resolint", "index", str(ADOPTED), "-o", str(target)],
                            stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 30
    while not any(tmp_path.glob(".lib.sqlite.*.part")) and time.monotonic() < deadline and proc.poll() is None:
        time.sleep(0.02)
    assert proc.poll() is None, "the build ended before it could be stopped"
    time.sleep(0.3)
    proc.send_signal(signal.SIGTERM)
    proc.wait(timeout=30)
    assert proc.returncode != 0
    assert list(tmp_path.iterdir()) == []
