"""The styles part is read without its table styles: what the model sees is unchanged."""
from __future__ import annotations

import zipfile
from pathlib import Path

import docx
from lxml import etree

from resolint.ooxml.ns import W
from resolint.ooxml.numbering import StyleNumbering, read_styles
from resolint.ooxml.package import Package, parse_xml

STYLES = "word/styles.xml"


def _facts(styles: StyleNumbering, ids: list[str]) -> dict:
    return {
        "names": {i: styles.name(i) for i in ids},  # paragraphs and runs name these, never a table style
        "default": styles.default_para_style,
        "lang": styles.default_lang,
        "flags": {i: (styles.run_flag(i, "i"), styles.run_flag(i, "b"), styles.vert_align(i)) for i in ids},
        "numbering": {i: styles.num_pr(i) for i in ids},
    }


def _draft(tmp_path: Path) -> Path:
    document = docx.Document()  # Word's default template: about a hundred table styles
    style = document.styles.add_style("Opener", 2)  # a character style after the table styles
    style.font.italic = True
    document.add_paragraph("L’Assemblée générale,", style="Title")
    document.add_paragraph().add_run("Rappelant", style="Opener")
    path = tmp_path / "draft.docx"
    document.save(path)
    return path


def test_table_styles_are_cut_and_nothing_else_changes(tmp_path: Path) -> None:
    path = _draft(tmp_path)
    with Package(path) as pkg:
        data = pkg.read(STYLES)
        cut = read_styles(pkg, STYLES)
        whole = parse_xml(data, STYLES)
    table = f"{{{W}}}type"
    assert sum(1 for s in whole.iter(f"{{{W}}}style") if s.get(table) == "table") > 50
    assert not [s for s in cut.iter(f"{{{W}}}style") if s.get(table) == "table"]
    ids = [s.get(f"{{{W}}}styleId") for s in whole.iter(f"{{{W}}}style") if s.get(table) != "table"]
    assert "Opener" in ids and len(ids) > 20
    assert _facts(StyleNumbering(cut), ids) == _facts(StyleNumbering(whole), ids)
    assert StyleNumbering(cut).run_flag("Opener", "i") is True


def _with_styles(tmp_path: Path, xml: bytes) -> Path:
    src = _draft(tmp_path)
    out = tmp_path / "edited.docx"
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(out, "w") as zout:
        for info in zin.infolist():
            zout.writestr(info, xml if info.filename == STYLES else zin.read(info.filename))
    return out


def test_a_self_closing_table_style_does_not_swallow_the_next_style(tmp_path: Path) -> None:
    xml = (f'<w:styles xmlns:w="{W}"><w:style w:type="table" w:styleId="T"/>'
           '<w:style w:type="character" w:styleId="Opener"><w:rPr><w:i/></w:rPr></w:style>'
           '<w:style\n  w:type="table" w:styleId="T2"><w:tblPr/></w:style></w:styles>').encode()
    with Package(_with_styles(tmp_path, xml)) as pkg:
        root = read_styles(pkg, STYLES)
    ids = [s.get(f"{{{W}}}styleId") for s in root.iter(f"{{{W}}}style")]
    assert ids == ["T", "Opener"]
    assert StyleNumbering(root).run_flag("Opener", "i") is True


def test_a_part_the_cut_would_break_is_parsed_whole(tmp_path: Path) -> None:
    # "</w:style>" inside a comment of a table style: cutting there leaves broken XML.
    xml = (f'<w:styles xmlns:w="{W}"><w:style w:type="table" w:styleId="T"><!-- </w:style> --></w:style>'
           '<w:style w:type="character" w:styleId="Opener"><w:rPr><w:i/></w:rPr></w:style></w:styles>').encode()
    with Package(_with_styles(tmp_path, xml)) as pkg:
        root = read_styles(pkg, STYLES)
    assert etree.tostring(root) == etree.tostring(etree.fromstring(xml))
