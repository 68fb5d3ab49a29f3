"""Malformed parts and unusual but valid documents: processed correctly, or one clear line."""
from __future__ import annotations

import time
from pathlib import Path

import pytest

from resolint.loader import load_document
from resolint.ooxml.text import MAX_INLINE_DEPTH

from . import corpus as c

#: Rules cheap enough to run on the very large documents within the suite's time budget;
#: the full rule set on them is in the ``slow`` tests below.
CHEAP = "S101,S103,N,F"


def texts(path: Path) -> list[str]:
    return [p.text for p in load_document(path).paragraphs]


def all_text(path: Path) -> str:
    doc = load_document(path)
    return "\n".join([p.text for p in doc.paragraphs]
                     + [fp.text for fn in doc.footnotes for fp in fn.paragraphs])


# --------------------------------------------------------------------------- malformed parts


@pytest.mark.parametrize("part_name", ["word/footnotes.xml", "word/numbering.xml", "word/styles.xml",
                                       "word/settings.xml", c.MAIN_DOC])
def test_invalid_xml_in_a_part_names_the_part(tmp_path: Path, part_name: str) -> None:
    line = c.assert_refused(c.run_main("check", c.make_invalid_xml(tmp_path, part_name)), "malformed XML")
    assert part_name in line and "line" in line


def test_footnote_reference_to_a_missing_footnote(tmp_path: Path) -> None:
    path = c.make_missing_footnote(tmp_path)
    c.assert_processed(c.run_main("check", path))
    assert any("Recalling its resolution 60/1," in t for t in texts(path))


def test_footnotes_part_missing(tmp_path: Path) -> None:
    c.assert_processed(c.run_main("check", c.make_footnotes_rel_missing_part(tmp_path)))


def test_num_id_with_no_definition(tmp_path: Path) -> None:
    path = c.make_undefined_num_id(tmp_path)
    c.assert_processed(c.run_main("check", path))
    assert sum("Decides to act, item" in t for t in texts(path)) == 3


def test_absurd_numbering_values(tmp_path: Path) -> None:
    path = c.make_bad_numbering_values(tmp_path)
    start = time.perf_counter()
    c.assert_processed(c.run_main("check", path))
    assert time.perf_counter() - start < 10
    assert {"Decides A;", "Decides B;", "Decides C;"} <= {t.strip() for t in texts(path)}


def test_style_based_on_cycle(tmp_path: Path) -> None:
    c.assert_processed(c.run_main("check", c.make_styles_based_on_cycle(tmp_path)))


def test_relationships_to_missing_parts(tmp_path: Path) -> None:
    c.assert_processed(c.run_main("check", c.make_rel_to_missing_part(tmp_path)))


def test_relationships_outside_the_package_are_never_followed(tmp_path: Path) -> None:
    secret = tmp_path / "secret.xml"
    secret.write_text(f'<w:footnotes xmlns:w="{c.W_NS}"><w:footnote w:id="1"><w:p><w:r><w:t>SECRET-8c1</w:t>'
                      "</w:r></w:p></w:footnote></w:footnotes>")
    path = c.make_rel_absolute_outside(tmp_path, secret)
    out = c.run_main("check", path, "--format", "json")
    c.assert_processed(out)
    assert "SECRET-8c1" not in out.stdout and "SECRET-8c1" not in all_text(path)


def test_broken_and_unbalanced_fields(tmp_path: Path) -> None:
    path = c.make_broken_fields(tmp_path)
    c.assert_processed(c.run_main("check", path))
    assert any("Recalling its resolution 60/1;" in t for t in texts(path))


def test_thousands_of_unclosed_fields_take_linear_time(tmp_path: Path) -> None:
    path = c.make_unclosed_fields(tmp_path, 30_000)
    start = time.perf_counter()
    load_document(path)
    assert time.perf_counter() - start < 10


def test_a_field_instruction_of_a_megabyte(tmp_path: Path) -> None:
    path = c.make_long_instruction(tmp_path)
    start = time.perf_counter()
    assert any(t.strip() == "shown" for t in texts(path))
    assert time.perf_counter() - start < 10


# --------------------------------------------------------------------------- unusual but valid


def _finding_lines(out: c.Outcome) -> list[str]:
    return [line.split(":", 1)[1] for line in out.stdout.splitlines() if ".doc" in line and ":" in line]


@pytest.mark.parametrize("make", [c.make_docm, c.make_dotx], ids=["docm", "dotx"])
def test_macro_enabled_and_template_files(tmp_path: Path, make) -> None:  # type: ignore[no-untyped-def]
    path = make(tmp_path)
    base = c.write(tmp_path, "base.docx", c.base_bytes())
    out, ref = c.run_main("check", path), c.run_main("check", base)
    c.assert_processed(out)
    assert out.code == ref.code
    assert texts(path) == texts(base)


def test_folder_scan_includes_docm_named_explicitly(tmp_path: Path) -> None:
    c.assert_processed(c.run_main("check", c.make_docm(tmp_path), c.make_dotx(tmp_path)))


def test_right_to_left_arabic(tmp_path: Path) -> None:
    path = c.make_arabic(tmp_path)
    out = c.run_main("check", path)
    if out.code == 2:  # a clear refusal is acceptable when no language pack reads Arabic
        c.assert_refused(out, "language")
    else:
        c.assert_processed(out)
        assert any(line in t for t in texts(path) for line in c.ARABIC_LINES[1:2])


def test_english_quoting_arabic_and_chinese(tmp_path: Path) -> None:
    path = c.make_english_with_rtl(tmp_path)
    out = c.run_main("check", path, "--format", "json")
    c.assert_processed(out)
    body = "\n".join(texts(path))
    assert "إعلان الدوحة" in body and "北京" in body


def test_chinese(tmp_path: Path) -> None:
    path = c.make_chinese(tmp_path)
    out = c.run_main("check", path)
    if out.code == 2:
        c.assert_refused(out, "language")
    else:
        c.assert_processed(out)
        assert "大会，" in "\n".join(texts(path))


def test_a_one_megabyte_paragraph(tmp_path: Path) -> None:
    path = c.make_long_paragraph(tmp_path)
    assert max(len(t) for t in texts(path)) >= 1_000_000
    start = time.perf_counter()
    c.assert_processed(c.run_main("check", path, "--select", CHEAP))
    assert time.perf_counter() - start < 20


def test_a_one_megabyte_word(tmp_path: Path) -> None:
    path = c.make_long_word(tmp_path)
    c.assert_processed(c.run_main("check", path, "--select", CHEAP))


def test_five_thousand_paragraphs(tmp_path: Path) -> None:
    path = c.make_many_paragraphs(tmp_path, 5000)
    start = time.perf_counter()
    doc = load_document(path)
    assert len(doc.paragraphs) == 5000
    assert time.perf_counter() - start < 10
    c.assert_processed(c.run_main("check", path, "--select", CHEAP))


@pytest.mark.slow
@pytest.mark.parametrize("make", [c.make_many_paragraphs, c.make_long_paragraph], ids=["5000-paragraphs", "1mb"])
def test_large_documents_with_every_rule(tmp_path: Path, make) -> None:  # type: ignore[no-untyped-def]
    """Every rule on the large documents: must finish, without a rule crash, in reasonable time."""
    path = make(tmp_path)
    start = time.perf_counter()
    c.assert_processed(c.run_main("check", path))
    assert time.perf_counter() - start < 60


@pytest.mark.parametrize("depth", [50, 680])
def test_deeply_nested_tables(tmp_path: Path, depth: int) -> None:
    path = c.make_nested_tables(tmp_path, depth)
    c.assert_processed(c.run_main("check", path))
    doc = load_document(path)
    inner = [p for p in doc.paragraphs if "remain seized" in p.text]
    assert len(inner) == 1 and inner[0].in_table


def test_tables_deeper_than_the_parser_allows(tmp_path: Path) -> None:
    c.assert_refused(c.run_main("check", c.make_nested_tables(tmp_path, 700)), "depth")


def test_content_controls_nested_a_thousand_deep(tmp_path: Path) -> None:
    path = c.make_nested_sdt(tmp_path, 1000)
    c.assert_processed(c.run_main("check", path))
    assert any("remain seized" in t for t in texts(path))


def test_inline_wrappers_nested_deeply(tmp_path: Path) -> None:
    ok = c.make_nested_inline(tmp_path, MAX_INLINE_DEPTH - 10)
    c.assert_processed(c.run_main("check", ok))
    assert any("remain seized" in t for t in texts(ok))
    c.assert_refused(c.run_main("check", c.make_nested_inline(tmp_path, 1000)), "nested", "nested-inline-1000")


def test_text_boxes(tmp_path: Path) -> None:
    path = c.make_text_boxes(tmp_path)
    c.assert_processed(c.run_main("check", path))
    assert any("Recalling its resolution 60/1" in t for t in texts(path))


def test_fields_of_every_kind(tmp_path: Path) -> None:
    path = c.make_every_field(tmp_path)
    c.assert_processed(c.run_main("check", path))
    body = "\n".join(texts(path))
    assert "A/RES/73/11" in body and "1 May 2024" in body and "Decides first to act;" in body
    for code in ("MERGEFIELD", "HYPERLINK", "INCLUDETEXT", "DOCPROPERTY", "FORMTEXT"):
        assert code not in body


def test_a_draft_full_of_tracked_changes_and_comments(tmp_path: Path) -> None:
    path = c.make_tracked_and_comments(tmp_path)
    c.assert_processed(c.run_main("check", path))
    body = "\n".join(texts(path))
    assert "Inserted block." in body and "Deleted paragraph." not in body
    assert "59/2" in body and "59/1" not in body
    assert body.count("Moved text.") == 1
