"""Property: for random edits, the redline's accepted view is NEW and its rejected view OLD.

Edits cover paragraphs, footnotes and tables (rows inserted, deleted, moved, cells
changed, tables inserted and deleted); the views include each table's rows.

The views come from an independent reader of the revision XML
(``tests/support/redline_views.py``), not from the redline package.
"""
from __future__ import annotations

import tempfile
from datetime import datetime, timezone
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from resolint.redline import diff_files

from support import redline_pairs as rp
from support.redline_views import view

EDIT_NAMES = ["word", "insert", "delete", "move", "split", "merge", "fn_add", "fn_remove", "fn_change",
              "unitalic", "typed", "row_add", "row_del", "row_move", "cell", "table_add", "table_del"]
#: edits that need paragraph ``i`` (and ``i + 1`` for a merge) to be a paragraph, not a table
_PARAGRAPH_EDITS = {"word", "split", "merge", "fn_add", "fn_remove", "fn_change", "unitalic"}


def apply(specs, name, a, b):
    n = len(specs)
    i, j = a % n, b % n
    if name in _PARAGRAPH_EDITS and (isinstance(specs[i], rp.T)
                                     or (name == "merge" and i + 1 < n and isinstance(specs[i + 1], rp.T))):
        return specs
    if name == "row_add":
        return rp.row_insert(specs, a, b, f"row {b}")
    if name == "row_del":
        return rp.row_delete(specs, a, b)
    if name == "row_move":
        return rp.row_move(specs, a, b, a + b)
    if name == "cell":
        return rp.cell_change(specs, a, b, a, ["changed", "999", "x"][b % 3])
    if name == "table_add":
        return rp.with_table(specs, i, seed=b, nrows=1 + b % 4)
    if name == "table_del":
        tables = [k for k, s in enumerate(specs) if isinstance(s, rp.T)]
        return rp.delete(specs, tables[a % len(tables)]) if tables and n > 1 else specs
    if name == "word":
        return rp.change_word(specs, i, ["strengthened", "INTERPOL", "x", "further"][b % 4])
    if name == "insert":
        return rp.insert(specs, i, "Text inserted " + str(b))
    if name == "delete":
        return rp.delete(specs, i) if n > 1 else specs
    if name == "move":
        return rp.move(specs, i, j % max(1, n - 1))
    if name == "split":
        return rp.split(specs, i) if len(specs[i].text.split()) > 1 else specs
    if name == "merge":
        return rp.merge(specs, i) if i + 1 < n else specs
    if name == "fn_add":
        return rp.add_footnote(specs, i, f"See A/75/{b}.")
    if name == "fn_remove":
        return rp.remove_footnote(specs, i)
    if name == "fn_change":
        return rp.change_footnote(specs, i) if specs[i].fn else specs
    if name == "unitalic":
        return rp.unitalic(specs, i)
    return rp.typed(specs)


edits = st.lists(st.tuples(st.sampled_from(EDIT_NAMES), st.integers(0, 1000), st.integers(0, 1000)),
                 min_size=0, max_size=6)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(n=st.integers(1, 12), seed=st.integers(0, 10_000), ops=edits, typed_old=st.booleans(),
       table_at=st.one_of(st.none(), st.integers(0, 14)))
def test_accept_is_new_reject_is_old(n, seed, ops, typed_old, table_at):
    old = rp.base(n, seed, footnote_every=3)
    if typed_old:
        old = rp.typed(old)
    if table_at is not None:
        old = rp.with_table(old, table_at % (len(old) + 1), seed=seed, nrows=1 + seed % 5)
    new = old
    for name, a, b in ops:
        new = apply(new, name, a, b)
    old_b, new_b = rp.build(old), rp.build(new)
    with tempfile.TemporaryDirectory() as tmp:
        Path(tmp, "old.docx").write_bytes(old_b)
        Path(tmp, "new.docx").write_bytes(new_b)
        rl = diff_files(Path(tmp, "old.docx"), Path(tmp, "new.docx"),
                        date=datetime(2024, 1, 1, tzinfo=timezone.utc))
        data = rl.docx_bytes()
    assert view(data, "accept") == view(new_b)
    assert view(data, "reject") == view(old_b)
    if new == old:
        assert all(e.status == "unchanged" for e in rl.paragraphs)
