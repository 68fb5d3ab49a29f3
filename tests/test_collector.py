"""The collector pause: no collection during a document, no big one after, no garbage kept."""
from __future__ import annotations

import gc
import weakref
from pathlib import Path

import pytest

from resolint import collector
from resolint.collector import collection_paused
from resolint.config import Config
from resolint.engine import check_file
from resolint.plugin_manager import get_manager

SAMPLE = Path(__file__).resolve().parents[1] / "samples" / "A-RES-75-10-fr.docx"


class _Node:
    def __init__(self) -> None:
        self.other: _Node | None = None


@pytest.fixture(autouse=True)
def _collector_state():
    was = gc.isenabled()
    gc.enable()
    yield
    gc.unfreeze()
    gc.collect()
    if not was:
        gc.disable()


def test_the_pause_stops_collections_and_leaves_the_young_generation_empty() -> None:
    with collection_paused():
        assert not gc.isenabled()
        kept = [[i] for i in range(50_000)]  # containers the collector tracks
        assert gc.get_count()[0] >= 50_000
    assert gc.isenabled()
    assert gc.get_count()[0] < 1_000  # frozen: the next collection does not walk them
    assert gc.get_freeze_count() >= 50_000
    del kept


def test_a_nested_pause_leaves_the_outer_one_in_charge() -> None:
    with collection_paused():
        with collection_paused():
            pass
        assert not gc.isenabled()
    assert gc.isenabled()


def test_cyclic_garbage_of_a_paused_document_is_collected_later(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(collector, "FULL_COLLECTION_AFTER", 0)
    with collection_paused():
        a, b = _Node(), _Node()
        a.other, b.other = b, a
        gone = weakref.ref(a)
        del a, b
    assert gone() is not None  # frozen, as it was left
    with collection_paused():  # the next document starts with a full collection
        pass
    assert gone() is None


def test_linting_leaves_no_cyclic_garbage() -> None:
    """A document's objects go by reference counting: a cycle would keep its whole XML alive."""
    manager = get_manager()
    check_file(SAMPLE, Config(), manager)  # first use: caches filled
    gc.unfreeze()
    gc.collect()  # whatever earlier work left
    gc.disable()
    try:
        result = check_file(SAMPLE, Config(), manager)
        assert result.findings
        gone = weakref.ref(result.document)
        del result
        gc.unfreeze()
        found = gc.collect()
    finally:
        gc.enable()
    assert gone() is None
    assert found == 0
