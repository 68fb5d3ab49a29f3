"""``resolint.trace``: a library of adopted resolutions (.docx and plain text) and drafts traced to it."""
from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from resolint.errors import InputError
from resolint.loader import load_document
from resolint.testing.draft import write_draft
from resolint.trace import library, source
from resolint.trace.annotate import annotate_bytes
from resolint.trace.history import history
from resolint.trace.library import Library, build_or_update
from resolint.trace.trace import trace_document

RES_1 = """
RESOLUTION 901 (1994)
Adopted by the Security Council at its 3340th meeting, on 4 March 1994
The Security Council,
*Recalling* its resolution 858 (1993) of 24 August 1993,
*Welcoming* the signing of the ceasefire agreement by the parties in Moscow,
1. *Calls upon* all parties to respect the ceasefire and to cooperate fully with the Mission;
2. *Requests* the Secretary-General to report to the Council within three months on the situation;
3. *Decides* to remain seized of the matter.
"""

RES_2 = """
RESOLUTION 906 (1994)
Adopted by the Security Council at its 3354th meeting, on 25 March 1994
The Security Council,
*Recalling* its resolution 901 (1994) of 4 March 1994,
*Deeply concerned* by the continuing violations of the ceasefire along the line of separation,
1. *Calls upon* all parties to respect the ceasefire and to cooperate fully with the Observer Mission;
2. *Urges* the parties to resume negotiations without delay under the auspices of the United Nations;
3. *Decides* to remain seized of the matter.
"""

DRAFT = """
The Security Council,
*Recalling* its resolution 858 (1993) of 24 August 1993,^[S/RES/858 (1993).]
*Noting with appreciation* the work of the regional organizations in the fight against piracy off the coast,
1. *Calls upon* all parties to respect the ceasefire and to cooperate fully and without delay with the Observer Mission;
2. *Urges* the parties to resume negotiations without delay under the auspices of the United Nations;
3. *Decides* to remain seized of the matter.
"""


@pytest.fixture()
def adopted(tmp_path: Path) -> Path:
    folder = tmp_path / "adopted"
    folder.mkdir()
    write_draft(folder / "res901.docx", RES_1)
    write_draft(folder / "res906.docx", RES_2)
    return folder


@pytest.fixture()
def lib_path(tmp_path: Path, adopted: Path) -> Path:
    path = tmp_path / "lib.sqlite"
    build_or_update(path, (source.read(p) for p in source.iter_sources([adopted])))
    return path


def test_sources_read_symbol_date_and_labels(adopted: Path) -> None:
    rec = source.read(adopted / "res901.docx")
    assert (rec.symbol, rec.date, rec.organ) == ("S/RES/901 (1994)", "1994-03-04", "SC")
    assert [label for label, _ in rec.paragraphs] == ["PP 1", "PP 2", "OP 1", "OP 2", "OP 3"]
    assert rec.paragraphs[2][1].startswith("Calls upon all parties")


def test_plain_text_source(tmp_path: Path) -> None:
    txt = tmp_path / "S_RES_0999_1995_EN_GOLD.txt"
    txt.write_text("# SOURCE: x | SYMBOL: S/RES/999 (1995) | LANG: en | FORMAT: plain | ORIGIN: test\n"
                   "RESOLUTION 999 (1995)\n\nAdopted by the Security Council at its 3500th meeting,\n"
                   "on 2 February 1995\n\nThe Security Council,\n\nRecalling its resolution 901 (1994) of 4 March\n"
                   "1994,\n\n1. Decides to extend the mandate of the Mission;\n\n"
                   "2. Decides to remain seized of the matter.\n", encoding="utf-8")
    rec = source.read(txt)
    assert rec.symbol == "S/RES/999 (1995)" and rec.date == "1995-02-02"
    assert rec.paragraphs == [("PP 1", "Recalling its resolution 901 (1994) of 4 March 1994,"),
                              ("OP 1", "Decides to extend the mandate of the Mission;"),
                              ("OP 2", "Decides to remain seized of the matter.")]


def test_trace_agreed_modified_new(tmp_path: Path, lib_path: Path) -> None:
    draft = write_draft(tmp_path / "draft.docx", DRAFT)
    with Library.open(lib_path) as lib:
        items = trace_document(lib, load_document(draft))
    got = {t.label: t for t in items}
    assert [t.label for t in items] == ["PP 1", "PP 2", "OP 1", "OP 2", "OP 3"]
    assert got["PP 1"].status == "agreed"  # its footnote mark is not a word of it
    assert [(s.symbol, s.label, s.similarity) for s in got["PP 1"].sources] == [("S/RES/901 (1994)", "PP 1", 1.0)]
    assert got["PP 2"].status == "new" and got["PP 2"].sources == []
    op1 = got["OP 1"]
    assert op1.status == "modified"
    assert (op1.sources[0].symbol, op1.sources[0].label) == ("S/RES/906 (1994)", "OP 1")  # closer than 901's
    assert op1.sources[0].similarity > op1.sources[1].similarity
    assert ("+", "and without delay") in op1.diff()
    assert got["OP 2"].status == "agreed" and got["OP 2"].sources[0].symbol == "S/RES/906 (1994)"
    # The same words in two resolutions: both sources, the newest first.
    assert [s.symbol for s in got["OP 3"].sources] == ["S/RES/906 (1994)", "S/RES/901 (1994)"]


def test_adding_a_resolution_again_replaces_only_its_rows(tmp_path: Path, lib_path: Path) -> None:
    def rows(sql: str) -> list[tuple[object, ...]]:
        with sqlite3.connect(lib_path) as db:
            return db.execute(sql).fetchall()

    others = rows("SELECT p.id, p.label, p.text FROM para p JOIN resolution r ON r.id = p.resolution "
                  "WHERE r.symbol = 'S/RES/906 (1994)'")
    changed = RES_1.replace("within three months", "within six months")
    build_or_update(lib_path, [source.read(Path(write_draft(tmp_path / "again.docx", changed)))])
    assert rows("SELECT p.id, p.label, p.text FROM para p JOIN resolution r ON r.id = p.resolution "
                "WHERE r.symbol = 'S/RES/906 (1994)'") == others
    assert rows("SELECT COUNT(*) FROM resolution") == [(2,)]
    with Library.open(lib_path) as lib:
        assert lib.stats()["paragraphs"] == 10
        old = "Requests the Secretary-General to report to the Council within three months on the situation;"
        new = old.replace("three", "six")
        from resolint.trace.trace import trace_paragraph

        assert trace_paragraph(lib, "OP 2", new).status == "agreed"
        assert trace_paragraph(lib, "OP 2", old).status == "modified"  # the old text is gone
        # No text nor band of the old wording is left behind.
        assert rows("SELECT COUNT(*) FROM text WHERE shown LIKE '%three months%'") == [(0,)]
        assert rows("SELECT COUNT(*) FROM band b LEFT JOIN text t ON t.id = b.text WHERE t.id IS NULL") == [(0,)]


def test_build_stopped_half_way_leaves_nothing(tmp_path: Path, adopted: Path) -> None:
    target = tmp_path / "lib.sqlite"

    def records():  # type: ignore[no-untyped-def]
        yield source.read(adopted / "res901.docx")
        raise InputError("broken input")

    with pytest.raises(InputError):
        build_or_update(target, records())
    assert list(tmp_path.iterdir()) == [adopted]


def test_update_stopped_half_way_keeps_the_library(tmp_path: Path, lib_path: Path, adopted: Path) -> None:
    before = lib_path.read_bytes()

    def records():  # type: ignore[no-untyped-def]
        yield source.read(Path(write_draft(tmp_path / "x.docx", RES_1.replace("901", "950"))))
        raise InputError("broken input")

    with pytest.raises(InputError):
        build_or_update(lib_path, records())
    with Library.open(lib_path) as lib:
        assert lib.stats()["resolutions"] == 2
    assert lib_path.read_bytes() == before


@pytest.mark.parametrize("content", [b"", b"not a database at all", None])
def test_not_a_library(tmp_path: Path, content: bytes | None) -> None:
    path = tmp_path / "lib.sqlite"
    if content is None:
        with sqlite3.connect(path) as db:
            db.execute("CREATE TABLE t (x)")
    else:
        path.write_bytes(content)
    with pytest.raises(InputError, match="not a resolint library"):
        Library.open(path)
    with pytest.raises(InputError, match="no such library"):
        Library.open(tmp_path / "missing.sqlite")


def _annotated(tmp_path: Path, lib_path: Path):  # type: ignore[no-untyped-def]
    """The draft traced against the library and written with its trace in comments:
    (the traced items, the annotated copy)."""
    draft = Path(write_draft(tmp_path / "draft.docx", DRAFT))
    doc = load_document(draft)
    with Library.open(lib_path) as lib:
        items = trace_document(lib, doc)
    out = tmp_path / "out.docx"
    out.write_bytes(annotate_bytes(draft.read_bytes(), doc, items))
    return items, out


def test_annotate_puts_the_trace_in_comments(tmp_path: Path, lib_path: Path) -> None:
    items, out = _annotated(tmp_path, lib_path)
    annotated = load_document(out)
    comments = {annotated.part(c.start_paragraph).label: c.text for c in annotated.comments}  # type: ignore[union-attr]
    assert set(comments) == {"PP 1", "PP 2", "OP 1", "OP 2", "OP 3"}
    assert "agreed language: S/RES/901 (1994) PP 1" in comments["PP 1"]
    assert "new language" in comments["PP 2"]
    assert "{+and without delay+}" in comments["OP 1"]
    draft = load_document(tmp_path / "draft.docx")
    assert [p.text for p in annotated.paragraphs] == [p.text for p in draft.paragraphs]


def test_history_oldest_first_with_diffs(lib_path: Path) -> None:
    with Library.open(lib_path) as lib:
        versions = history(lib, "Welcomes the report of the Secretary-General on the question of Haiti;")
        assert versions == []
        versions = history(lib, "Calls upon all parties to respect the ceasefire and to cooperate fully with the Mission;")
    assert [(v.symbol, v.label) for v in versions] == [("S/RES/901 (1994)", "OP 1"), ("S/RES/906 (1994)", "OP 1")]
    assert versions[0].diff == []
    assert ("+", "Observer") in versions[1].diff
    with Library.open(lib_path) as lib:
        same = history(lib, "Decides to remain seized of the matter.")
    # One wording adopted twice: one version, dated by its first adoption.
    assert [(v.symbol, v.adopted, v.last) for v in same] == [("S/RES/901 (1994)", 2, "S/RES/906 (1994)")]


def test_french_library(tmp_path: Path) -> None:
    res = """
RÉSOLUTION 2000 (2011)
Le Conseil de sécurité,
*Rappelant* sa résolution 1975 (2011) du 30 mars 2011,
1. *Prie* le Secrétaire général de lui présenter un rapport sur l’application de la présente résolution ;
2. *Décide* de rester saisi de la question.
"""
    write_draft(tmp_path / "r.docx", res, language="fr")
    lib_file = tmp_path / "fr.sqlite"
    build_or_update(lib_file, [source.read(tmp_path / "r.docx")])
    draft = write_draft(tmp_path / "d.docx", """
Le Conseil de sécurité,
*Rappelant* sa résolution 1975 (2011) du 30 mars 2011,
1. *Prie* le Secrétaire général de lui présenter un rapport détaillé sur l'application de la présente résolution ;
2. *Décide* de rester saisi de la question.
""", language="fr")
    with Library.open(lib_file) as lib:
        items = trace_document(lib, load_document(draft))
    assert [(t.label, t.status) for t in items] == [("PP 1", "agreed"), ("OP 1", "modified"), ("OP 2", "agreed")]
    assert ("+", "détaillé") in items[1].diff()
    assert library.FORMAT == "resolint-library"


def test_one_symbol_in_two_languages_is_two_entries(tmp_path: Path) -> None:
    en = source.Adopted("S/RES/2000 (2011)", "SC", "2011-07-27", "en", "en.docx",
                        [("OP 1", "Decides to remain seized of the matter.")])
    fr = source.Adopted("S/RES/2000 (2011)", "SC", "2011-07-27", "fr", "fr.docx",
                        [("OP 1", "Décide de rester saisi de la question.")])
    path = tmp_path / "lib.sqlite"
    build_or_update(path, [en, fr])
    build_or_update(path, [en])
    with Library.open(path) as lib:
        assert lib.stats() == {"resolutions": 2, "paragraphs": 2, "texts": 2}


@pytest.mark.libreoffice
def test_libreoffice_shows_the_trace_comments_on_their_paragraphs(tmp_path: Path, lib_path: Path) -> None:
    from support import libreoffice as lo
    from support import lo_extra

    lo.require()
    items, out = _annotated(tmp_path, lib_path)
    shown = [c for c in lo_extra.comments(out) if c[0] == "resolint"]
    assert [text.split(":")[0] for _a, text, _anchored in shown] == [t.label for t in items]
    for (_a, text, anchored), t in zip(shown, items):
        assert t.paragraph.rstrip(";.,") in anchored
        assert t.status in text
