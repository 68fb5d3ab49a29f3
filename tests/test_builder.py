"""The .docx fixture builder (resolint.testing.builder) and the bundled samples."""
from __future__ import annotations

import importlib.util
import io
import os
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
from lxml import etree

from resolint.testing.builder import (
    Bookmark,
    Comment,
    Del,
    DocBuilder,
    Field,
    FootnoteRef,
    Hyperlink,
    InlineControl,
    Ins,
    Level,
    NoteRef,
    Run,
    SmartTag,
)

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
NS = {"w": W, "r": R,
      "rel": "http://schemas.openxmlformats.org/package/2006/relationships",
      "ct": "http://schemas.openxmlformats.org/package/2006/content-types"}
SAMPLES = Path(__file__).resolve().parent.parent / "samples"


def w(attr: str) -> str:
    return f"{{{W}}}{attr}"


def parts(data: bytes) -> dict[str, etree._Element]:
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        return {n: etree.fromstring(zf.read(n)) for n in zf.namelist() if n.endswith((".xml", ".rels"))}


def rel_target(p: dict[str, etree._Element], rels: str, rtype_suffix: str) -> list[etree._Element]:
    return [r for r in p[rels].findall("rel:Relationship", NS) if r.get("Type").endswith(rtype_suffix)]


def content_type(p: dict[str, etree._Element], part: str) -> str | None:
    for o in p["[Content_Types].xml"].findall("ct:Override", NS):
        if o.get("PartName") == part:
            return o.get("ContentType")
    return None


@pytest.fixture
def fr_doc() -> bytes:
    b = DocBuilder(language="fr")
    ops = b.operative_numbering()
    b.paragraph("Coopération", style="Title")
    b.paragraph("L’Assemblée générale,")
    b.paragraph(Run("Rappelant", italic=True), " sa résolution ",
                Hyperlink("https://undocs.org/fr/A/RES/51/1", "51/1"),
                FootnoteRef(["Nations Unies, ", Run("Recueil des Traités", italic=True), "."]), ",")
    b.paragraph(Run("Constatant", italic=True), " illicites",
                FootnoteRef("Voir décision 60/519.", bookmark="_Ref56000006"), ",")
    b.paragraph(Run("Demande", italic=True), " que\u00a0:", numbering=(ops, 0))
    b.paragraph("Le système", numbering=(ops, 1))
    b.paragraph(Run("Encourage", italic=True), " illicites", NoteRef("_Ref56000006"), " notamment",
                numbering=ops)
    b.paragraph("voir", NoteRef("_Ref56000006", simple=True), numbering=ops.restart())
    b.paragraph("étoile", FootnoteRef("Note à appel libre.", custom_mark="*"))
    b.paragraph("1.\tTexte", Ins(" ajouté", author="A", date="2020-11-01T00:00:00Z"),
                Del(" supprimé", author="B"), Comment("resolint: disable=GEN-001", "commenté"))
    b.paragraph(SmartTag("place", "Lyon"), InlineControl("contrôle", tag="t1"),
                Bookmark("signet", "marqué"), Field(" PAGE ", "1"))
    with b.content_control(tag="preambule", alias="Préambule"):
        b.paragraph("dans le contrôle")
    b.table([["a", Run("b", bold=True)], ["c", ["d", Run("e", italic=True)]]])
    return b.to_bytes()


def test_default_language_and_core_properties(fr_doc: bytes) -> None:
    p = parts(fr_doc)
    lang = p["word/styles.xml"].find("w:docDefaults/w:rPrDefault/w:rPr/w:lang", NS)
    assert lang.get(w("val")) == "fr-FR"
    core = etree.tostring(p["docProps/core.xml"]).decode()
    assert "2020-01-01T00:00:00Z" in core and "python-docx" not in core
    assert "docProps/thumbnail.jpeg" not in zipfile.ZipFile(io.BytesIO(fr_doc)).namelist()


def test_numbering_part_levels_and_restart(fr_doc: bytes) -> None:
    p = parts(fr_doc)
    assert rel_target(p, "word/_rels/document.xml.rels", "/numbering")
    assert content_type(p, "/word/numbering.xml").endswith("numbering+xml")
    numbering = p["word/numbering.xml"]
    body = p["word/document.xml"].find("w:body", NS)
    num_ids = [int(n.get(w("val"))) for n in body.iterfind(".//w:numPr/w:numId", NS)]
    first = num_ids[0]
    num = numbering.find(f"w:num[@w:numId='{first}']", NS)
    abstract_id = num.find("w:abstractNumId", NS).get(w("val"))
    absn = numbering.find(f"w:abstractNum[@w:abstractNumId='{abstract_id}']", NS)
    levels = [(lv.find("w:numFmt", NS).get(w("val")), lv.find("w:lvlText", NS).get(w("val")))
              for lv in absn.findall("w:lvl", NS)]
    assert levels == [("decimal", "%1."), ("lowerLetter", "%2)"), ("lowerRoman", "%3)")]
    ilvls = [int(e.get(w("val"))) for e in body.iterfind(".//w:numPr/w:ilvl", NS)]
    assert ilvls == [0, 1, 0, 0]
    restarted = numbering.find(f"w:num[@w:numId='{num_ids[-1]}']", NS)
    assert num_ids[-1] != first
    assert restarted.find("w:abstractNumId", NS).get(w("val")) == abstract_id
    assert restarted.find("w:lvlOverride[@w:ilvl='0']/w:startOverride", NS).get(w("val")) == "1"
    # abstractNum elements precede num elements, as the schema requires
    tags = [etree.QName(c).localname for c in numbering]
    assert tags.index("num") > max(i for i, t in enumerate(tags) if t == "abstractNum")


def test_english_operative_levels_and_style_linked_list() -> None:
    b = DocBuilder(language="en")
    ops = b.operative_numbering()
    b.list_style("OperativePara", ops, name="Operative paragraph")
    b.list_style("SubPara", ops, 1)
    b.paragraph("Decides", style="OperativePara")
    b.paragraph("first", style="SubPara")
    custom = b.numbering([Level("upperLetter", "%1."), Level("bullet", "\u2022", restart=0)])
    b.paragraph("A.", numbering=custom.at(0))
    p = parts(b.to_bytes())
    absn = p["word/numbering.xml"].find(f"w:abstractNum[@w:abstractNumId='{ops.abstract_id}']", NS)
    assert [lv.find("w:lvlText", NS).get(w("val")) for lv in absn.findall("w:lvl", NS)] == \
        ["%1.", "(%2)", "(%3)"]
    assert absn.find("w:lvl[@w:ilvl='0']/w:pStyle", NS).get(w("val")) == "OperativePara"
    styles = p["word/styles.xml"]
    op = styles.find("w:style[@w:styleId='OperativePara']/w:pPr/w:numPr", NS)
    assert op.find("w:numId", NS).get(w("val")) == str(ops.num_id) and op.find("w:ilvl", NS) is None
    sub = styles.find("w:style[@w:styleId='SubPara']/w:pPr/w:numPr", NS)
    assert sub.find("w:ilvl", NS).get(w("val")) == "1"
    body = p["word/document.xml"].find("w:body", NS)
    assert body.find("w:p[1]/w:pPr/w:numPr", NS) is None  # numbering comes from the style
    cabs = p["word/numbering.xml"].find(f"w:abstractNum[@w:abstractNumId='{custom.abstract_id}']", NS)
    assert cabs.find("w:lvl[@w:ilvl='1']/w:lvlRestart", NS).get(w("val")) == "0"


def test_footnotes_part_ids_and_references(fr_doc: bytes) -> None:
    p = parts(fr_doc)
    rels = rel_target(p, "word/_rels/document.xml.rels", "/footnotes")
    assert len(rels) == 1 and rels[0].get("Target") == "footnotes.xml"
    assert content_type(p, "/word/footnotes.xml") == \
        "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"
    notes = p["word/footnotes.xml"].findall("w:footnote", NS)
    assert [(n.get(w("id")), n.get(w("type"))) for n in notes] == [
        ("-1", "separator"), ("0", "continuationSeparator"), ("1", None), ("2", None), ("3", None)]
    assert notes[0].find(".//w:separator", NS) is not None
    assert notes[1].find(".//w:continuationSeparator", NS) is not None
    first_run = notes[2].find("w:p/w:r", NS)
    assert first_run.find("w:footnoteRef", NS) is not None
    assert first_run.find("w:rPr/w:rStyle", NS).get(w("val")) == "FootnoteReference"
    assert "".join(notes[2].itertext()).strip() == "Nations Unies, Recueil des Traités."
    refs = p["word/document.xml"].findall(".//w:footnoteReference", NS)
    assert [r.get(w("id")) for r in refs] == ["1", "2", "3"]
    custom = refs[2]
    assert custom.get(w("customMarkFollows")) == "1"
    assert custom.getnext().tag == w("t") and custom.getnext().text == "*"
    assert notes[4].find("w:p/w:r/w:footnoteRef", NS) is None
    assert notes[4].find("w:p/w:r/w:t", NS).text == "*"
    style = p["word/styles.xml"].find("w:style[@w:styleId='FootnoteReference']/w:rPr/w:vertAlign", NS)
    assert style.get(w("val")) == "superscript"
    settings = p["word/settings.xml"].find("w:footnotePr", NS)
    assert [f.get(w("id")) for f in settings.findall("w:footnote", NS)] == ["-1", "0"]


def test_noteref_field_structure(fr_doc: bytes) -> None:
    doc = parts(fr_doc)["word/document.xml"]
    start = doc.find(".//w:bookmarkStart[@w:name='_Ref56000006']", NS)
    ref_run = start.getnext()
    assert ref_run.find("w:footnoteReference", NS).get(w("id")) == "2"
    assert ref_run.getnext().tag == w("bookmarkEnd")
    assert ref_run.getnext().get(w("id")) == start.get(w("id"))
    instr = [t for t in doc.iterfind(".//w:instrText", NS) if "NOTEREF" in t.text][0]
    assert instr.text == r" NOTEREF _Ref56000006 \f \h "
    run = instr.getparent()
    before = run.getprevious()
    assert before.find("w:fldChar", NS).get(w("fldCharType")) == "begin"
    sep = run.getnext()
    assert sep.find("w:fldChar", NS).get(w("fldCharType")) == "separate"
    result = sep.getnext()
    assert result.find("w:t", NS).text == "2"
    assert result.find("w:rPr/w:vertAlign", NS).get(w("val")) == "superscript"
    assert result.getnext().find("w:fldChar", NS).get(w("fldCharType")) == "end"
    simple = [f for f in doc.iterfind(".//w:fldSimple", NS) if "NOTEREF" in f.get(w("instr"))]
    assert len(simple) == 1 and "".join(simple[0].itertext()) == "2"


def test_tracked_changes_and_comments(fr_doc: bytes) -> None:
    p = parts(fr_doc)
    doc = p["word/document.xml"]
    ins = doc.find(".//w:ins", NS)
    assert (ins.get(w("author")), ins.get(w("date"))) == ("A", "2020-11-01T00:00:00Z")
    assert ins.find("w:r/w:t", NS).text == " ajouté"
    dele = doc.find(".//w:del", NS)
    assert dele.get(w("author")) == "B" and dele.get(w("id")) != ins.get(w("id"))
    assert dele.find("w:r/w:delText", NS).text == " supprimé" and dele.find(".//w:t", NS) is None
    assert rel_target(p, "word/_rels/document.xml.rels", "/comments")
    assert content_type(p, "/word/comments.xml").endswith("comments+xml")
    comment = p["word/comments.xml"].find("w:comment", NS)
    cid = comment.get(w("id"))
    assert "".join(comment.itertext()) == "resolint: disable=GEN-001"
    assert doc.find(f".//w:commentRangeStart[@w:id='{cid}']", NS) is not None
    end = doc.find(f".//w:commentRangeEnd[@w:id='{cid}']", NS)
    assert end.getnext().find("w:commentReference", NS).get(w("id")) == cid


def test_hyperlinks_controls_smart_tags_tables(fr_doc: bytes) -> None:
    p = parts(fr_doc)
    doc = p["word/document.xml"]
    link = doc.find(".//w:hyperlink", NS)
    rid = link.get(f"{{{R}}}id")
    rel = [r for r in p["word/_rels/document.xml.rels"].findall("rel:Relationship", NS)
           if r.get("Id") == rid][0]
    assert rel.get("Target") == "https://undocs.org/fr/A/RES/51/1"
    assert rel.get("TargetMode") == "External"
    assert "".join(link.itertext()) == "51/1"
    body = doc.find("w:body", NS)
    block = body.find("w:sdt", NS)
    assert block.find("w:sdtPr/w:tag", NS).get(w("val")) == "preambule"
    assert "".join(block.find("w:sdtContent/w:p", NS).itertext()) == "dans le contrôle"
    inline = body.find("w:p/w:sdt", NS)
    assert inline.find("w:sdtPr/w:tag", NS).get(w("val")) == "t1"
    assert doc.find(".//w:smartTag", NS).get(w("element")) == "place"
    assert doc.find(".//w:bookmarkStart[@w:name='signet']", NS) is not None
    cells = ["".join(tc.itertext()) for tc in body.iterfind("w:tbl/w:tr/w:tc", NS)]
    assert cells == ["a", "b", "c", "de"]
    typed = [pp for pp in body.iterfind("w:p", NS) if "Texte" in "".join(pp.itertext())][0]
    first = typed.find("w:r", NS)
    assert [etree.QName(c).localname for c in first] == ["t", "tab", "t"]


def test_save_is_deterministic(tmp_path: Path) -> None:
    def build() -> DocBuilder:
        b = DocBuilder(language="en", title="T")
        ops = b.operative_numbering()
        b.paragraph(Run("Recalling", italic=True), " x,", FootnoteRef("A/1.", bookmark="_Ref1"))
        b.paragraph(Run("Decides", italic=True), " y;", NoteRef("_Ref1"), numbering=ops)
        b.paragraph(Hyperlink("https://undocs.org/en/A/RES/1/1", "1/1"), Comment("c", "z"))
        return b

    one, two = build(), build()
    assert one.to_bytes() == two.to_bytes() == one.to_bytes()
    one.save(tmp_path / "a.docx")
    two.save(tmp_path / "b.docx")
    assert (tmp_path / "a.docx").read_bytes() == (tmp_path / "b.docx").read_bytes()
    with zipfile.ZipFile(tmp_path / "a.docx") as zf:
        assert {i.date_time for i in zf.infolist()} == {(1980, 1, 1, 0, 0, 0)}


def test_blocks_go_before_the_section_properties_without_scanning_the_body(monkeypatch) -> None:
    """Each block is placed by looking at the body's last child: python-docx's ``body.sectPr``
    scans every child, which made building a 40,000-paragraph draft quadratic (minutes)."""
    from docx.oxml.document import CT_Body

    lookups = []
    original = CT_Body.sectPr

    def counted(body):  # type: ignore[no-untyped-def]
        lookups.append(1)
        return original.fget(body)

    monkeypatch.setattr(CT_Body, "sectPr", property(counted))
    b = DocBuilder()
    for i in range(200):
        b.paragraph(f"p{i}")
    b.table([["cell"]])
    with b.content_control(tag="t"):
        b.paragraph("inside")
    b.paragraph("last")
    assert len(lookups) < 10
    with zipfile.ZipFile(io.BytesIO(b.to_bytes())) as zf:
        body = etree.fromstring(zf.read("word/document.xml")).find(w("body"))
    kids = [etree.QName(k).localname for k in body]
    assert kids[-1] == "sectPr" and kids.count("sectPr") == 1
    assert kids[:-1] == ["p"] * 200 + ["tbl", "sdt", "p"]


def test_footnotes_rejected_inside_footnotes() -> None:
    b = DocBuilder()
    with pytest.raises(ValueError):
        b.paragraph("x", FootnoteRef(["a", FootnoteRef("b")]))
    with pytest.raises(TypeError):
        b.paragraph(Ins(Hyperlink("https://example.org", "x")))  # type: ignore[arg-type]


# --------------------------------------------------------------------------- samples


def _load_build():
    spec = importlib.util.spec_from_file_location("samples_build", SAMPLES / "build.py")
    module = importlib.util.module_from_spec(spec)
    assert spec.loader is not None
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def built() -> dict[str, bytes]:
    return _load_build().build_all()


def test_samples_are_up_to_date_and_deterministic(built: dict[str, bytes]) -> None:
    again = _load_build().build_all()
    assert again == built
    for name, data in built.items():
        path = SAMPLES / name
        assert path.exists(), f"{name} missing: run python samples/build.py"
        assert path.read_bytes() == data, f"{name} is stale: run python samples/build.py"


def _texts(data: bytes) -> list[str]:
    body = parts(data)["word/document.xml"].find("w:body", NS)
    return ["".join(t.text or "" for t in p.iterfind(".//w:t", NS)) for p in body.iterfind("w:p", NS)]


def test_french_sample_structure(built: dict[str, bytes]) -> None:
    data = built["A-RES-75-10-fr.docx"]
    p = parts(data)
    body = p["word/document.xml"].find("w:body", NS)
    paras = body.findall("w:p", NS)
    levels = [int(pp.find("w:pPr/w:numPr/w:ilvl", NS).get(w("val"))) if pp.find("w:pPr/w:numPr", NS) is not None
              else None for pp in paras]
    assert levels.count(0) == 16 and levels.count(1) == 5
    assert levels[:23] == [None] * 23  # title, formula, 21 PPs
    texts = _texts(data)
    assert texts[0].startswith("Coopération entre l’Organisation des Nations Unies et l’Organisation")
    assert texts[1] == "L’Assemblée générale,"
    openers = [pp for pp, lvl in zip(paras[2:], levels[2:]) if lvl != 1]  # PPs and OPs
    assert len(openers) == 21 + 16
    assert all(pp.find("w:r[1]/w:rPr/w:i", NS) is not None for pp in openers)
    notes = [n for n in p["word/footnotes.xml"].findall("w:footnote", NS) if int(n.get(w("id"))) > 0]
    assert len(notes) == 7
    assert "".join(notes[6].itertext()).strip().endswith("(A/CONF.192/15), chap. IV, par. 24.")
    full = "\n".join(texts)
    for defect in ("présumés\u00a0;.", "l ’Organisation", "l ’échelle", "l ’application", "celle -ci",
                   "cont re", "l’éboration", "biologiques radiologiques", "de  formation",
                   "sauvages  menacées", "volés,  la", "organisée \u00a0;", "assistance \u00a0;"):
        assert defect in full, defect
    assert "pour ce qui est\u00a0: a) de prévenir" in full
    assert "«\u00a0Coopération entre" in full
    links = {r.get("Target") for r in rel_target(p, "word/_rels/document.xml.rels", "/hyperlink")}
    assert "https://undocs.org/fr/A/RES/24/7" in links
    assert "https://undocs.org/fr/E/RES/2019/19" in links
    op9 = [pp for pp in paras if "illicites" in "".join(pp.itertext()) and "notamment en utilisant"
           in "".join(pp.itertext())][0]
    assert r"NOTEREF _Ref56000006 \f \h" in "".join(t.text for t in op9.iterfind(".//w:instrText", NS))


def test_corrected_and_previous_samples(built: dict[str, bytes]) -> None:
    fixed = "\n".join(_texts(built["A-RES-75-10-fr-corrected.docx"]))
    for defect in (";.", " ’", "celle -ci", "cont re", "éboration", "biologiques radiologiques", "  "):
        assert defect not in fixed, defect
    p = parts(built["A-RES-75-10-fr-corrected.docx"])
    links = {r.get("Target") for r in rel_target(p, "word/_rels/document.xml.rels", "/hyperlink")}
    assert "https://undocs.org/fr/A/RES/24/7" not in links
    assert p["word/document.xml"].find(".//w:instrText", NS) is not None  # D9 kept
    prev = built["A-RES-73-11-fr-previous.docx"]
    text = "\n".join(_texts(prev))
    assert "COVID-19" not in text and "soixante-quinzième" in text
    notes = [n for n in parts(prev)["word/footnotes.xml"].findall("w:footnote", NS) if int(n.get(w("id"))) > 0]
    assert len(notes) == 6
    en = "\n".join(_texts(built["interpol-cooperation-en.docx"]))
    assert "justice;." in en and "leadership  training" in en
    en_notes = [n for n in parts(built["interpol-cooperation-en.docx"])["word/footnotes.xml"]
                .findall("w:footnote", NS) if int(n.get(w("id"))) > 0]
    assert len(en_notes) == 8
    assert "".join(en_notes[5].itertext()) == "".join(en_notes[7].itertext())


# --------------------------------------------------------------------------- LibreOffice


def _soffice() -> str:
    exe = shutil.which("soffice") or shutil.which("libreoffice")
    if exe is None:
        if os.environ.get("CI"):
            pytest.fail("LibreOffice (soffice) is required when CI is set")
        pytest.skip("LibreOffice (soffice) not installed")
    return exe


def _convert(exe: str, src: Path, fmt: str, out: Path) -> Path:
    profile = (out / "profile").as_uri()
    subprocess.run([exe, f"-env:UserInstallation={profile}", "--headless", "--convert-to", fmt,
                    "--outdir", str(out), str(src)], check=True, capture_output=True, timeout=180)
    return out / (src.stem + "." + fmt.split(":")[0])


@pytest.mark.libreoffice
def test_libreoffice_reads_french_sample(tmp_path: Path) -> None:
    exe = _soffice()
    src = SAMPLES / "A-RES-75-10-fr.docx"
    text = _convert(exe, src, "txt:Text", tmp_path).read_text(encoding="utf-8-sig")
    assert "L’Assemblée générale," in text
    assert "1. Demande que l’Organisation" in text
    assert "9. Encourage l’Organisation" in text
    assert "16. Décide d’inscrire" in text
    assert "a) Le système mondial de communication policière sécurisée I-24/7" in text
    assert "e) Les activités d’appui" in text
    assert "Nations Unies et INTERPOL1, ainsi que" in text
    assert "petit calibre illicites6 notamment" in text  # NOTEREF cached result
    odt = _convert(exe, src, "odt", tmp_path)
    with zipfile.ZipFile(odt) as zf:
        content = etree.fromstring(zf.read("content.xml"))
    tns = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
    notes = content.findall(f".//{{{tns}}}note")
    bodies = ["".join(n.find(f"{{{tns}}}note-body").itertext()).strip() for n in notes]
    citations = [n.find(f"{{{tns}}}note-citation").text for n in notes]
    assert citations == [str(i) for i in range(1, 8)]
    assert bodies[0] == "Nations Unies, Recueil des Traités, vol. 1996, no 1200."
    assert bodies[5].startswith("Voir décision 60/519 et A/60/88")
