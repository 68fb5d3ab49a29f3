"""No change reported where a reader sees none: a document against its own re-save.

Run properties and field instructions are compared by meaning (``resolint.redline.canon``);
the samples are re-saved by LibreOffice in the test, and the real re-saves of
``../shared/interop/lo-resave-noise/`` and ``custom-mark-footnote/`` are read from there.
"""
from __future__ import annotations

import collections
import io
import os
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
import regex
from lxml import etree

from resolint.redline import canon, diff_files, styles
from resolint.redline.reader import same_format
from resolint.redline.words import EQUAL

from support import libreoffice as lo

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
SHARED = Path(os.environ.get("RESOLINT_SHARED", ROOT.parent / "shared"))
NOISE = SHARED / "interop" / "lo-resave-noise"
MARK = SHARED / "interop" / "custom-mark-footnote"
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def _rpr(xml: str) -> etree._Element:
    return etree.fromstring(f'<w:rPr xmlns:w="{W}">{xml}</w:rPr>')


@pytest.mark.parametrize("spelling", ['<w:rtl/>', '<w:rtl w:val="true"/>', '<w:rtl w:val="1"/>',
                                      '<w:rtl w:val="on"/>'])
def test_on_off_spellings_are_one_value(spelling):
    assert canon.rpr_key_of(_rpr(spelling)) == canon.rpr_key_of(_rpr('<w:rtl/>'))
    assert canon.rpr_key_of(_rpr(spelling)) != canon.rpr_key_of(_rpr('<w:rtl w:val="false"/>'))
    assert canon.rpr_key_of(_rpr('<w:b w:val="0"/>')) == canon.rpr_key_of(_rpr('<w:b w:val="off"/>'))


def test_hint_order_and_duplicates_ignored_but_not_fonts():
    a = _rpr('<w:rFonts w:hint="cs" w:ascii="Arial" w:cs="Arial"/><w:b/><w:lang w:val="fr-FR" w:bidi="ar-SA"/>')
    b = _rpr('<w:lang w:bidi="ar-SA" w:val="fr-FR"/><w:b w:val="true"/><w:b/><w:rFonts w:cs="Arial" w:ascii="Arial"/>')
    assert canon.rpr_key_of(a) == canon.rpr_key_of(b)
    assert canon.rpr_key_of(_rpr('<w:rFonts w:hint="cs"/>')) == canon.rpr_key_of(_rpr(''))
    assert canon.rpr_key_of(_rpr('<w:rFonts w:ascii="Arial"/>')) != canon.rpr_key_of(_rpr(''))


def test_field_instruction_spaces_collapsed():
    def instr(text):
        return etree.fromstring(f'<w:instrText xmlns:w="{W}">{text}</w:instrText>')

    assert canon.object_xml_key(instr(" NOTEREF _Ref1 \\h ")) == canon.object_xml_key(instr("NOTEREF _Ref1 \\h"))
    assert canon.object_xml_key(instr("NOTEREF _Ref1 \\h")) != canon.object_xml_key(instr("NOTEREF _Ref2 \\h"))


def test_renamed_character_style_compares_by_its_formatting():
    styles = etree.fromstring(
        f'<w:styles xmlns:w="{W}">'
        '<w:style w:type="character" w:styleId="Base"><w:rPr><w:b/></w:rPr></w:style>'
        '<w:style w:type="character" w:styleId="FootnoteReference"><w:basedOn w:val="Base"/>'
        '<w:rPr><w:vertAlign w:val="superscript"/></w:rPr></w:style>'
        '<w:style w:type="character" w:styleId="FootnoteCharacters"><w:rPr><w:b w:val="1"/>'
        '<w:vertAlign w:val="superscript"/></w:rPr></w:style>'
        '<w:style w:type="character" w:styleId="Plain"><w:rPr><w:vertAlign w:val="superscript"/></w:rPr></w:style>'
        '</w:styles>')
    st = canon.character_styles(etree.tostring(styles))
    key = canon.rpr_key_of(_rpr('<w:rStyle w:val="FootnoteReference"/>'), st)
    assert key == canon.rpr_key_of(_rpr('<w:rStyle w:val="FootnoteCharacters"/>'), st)
    assert key != canon.rpr_key_of(_rpr('<w:rStyle w:val="Plain"/>'), st)


def _changed(rl) -> list[tuple[str, str, str, bool]]:
    return [(e.old_label, e.new_label, e.status, e.formatting_only)
            for e in rl.paragraphs + rl.footnotes if e.status != "unchanged"]


def _resave(src: Path, out: Path) -> Path:
    exe = lo.soffice_path()
    assert exe is not None
    profile = (out / "profile").as_uri()
    work = out / "in"
    work.mkdir(exist_ok=True)
    shutil.copyfile(src, work / src.name)
    subprocess.run([exe, f"-env:UserInstallation={profile}", "--headless", "--norestore",
                    "--convert-to", "docx:MS Word 2007 XML", "--outdir", str(out), str(work / src.name)],
                   check=True, capture_output=True, timeout=180)
    return out / src.name


@pytest.mark.libreoffice
@pytest.mark.parametrize("name", sorted(p.name for p in SAMPLES.glob("*.docx")))
def test_sample_against_its_libreoffice_resave(tmp_path, name):
    lo.require()
    src = SAMPLES / name
    resaved = _resave(src, tmp_path)
    assert resaved.read_bytes() != src.read_bytes()
    for old, new in ((src, resaved), (resaved, src)):
        rl = diff_files(old, new)
        assert _changed(rl) == []
        with zipfile.ZipFile(io.BytesIO(rl.docx_bytes())) as z:
            body = z.read("word/document.xml")
        assert not regex.search(rb"<w:(ins|del|rPrChange) ", body)


def _need(folder: Path) -> None:
    if not folder.is_dir():
        pytest.skip(f"{folder} is not here")


@pytest.mark.parametrize("name", ["A-RES-75-10-fr.lo74-resaved.docx", "A-RES-75-10-fr.noteref-instr-trimmed.docx"])
def test_lo_resave_noise_french_is_silent(name):
    _need(NOISE)
    for old, new in ((SAMPLES / "A-RES-75-10-fr.docx", NOISE / name), (NOISE / name, SAMPLES / "A-RES-75-10-fr.docx")):
        assert _changed(diff_files(old, new)) == []


def test_through_doc_shows_only_what_a_reader_sees():
    """Through .doc, LibreOffice breaks the NOTEREF of OP 9 (its text becomes an error
    message) and gives the symbol hyperlinks its blue underlined "Internet Link" style
    (the originals are plain text): both are seen by a reader, nothing else shows."""
    _need(NOISE)
    rl = diff_files(SAMPLES / "A-RES-75-10-fr-corrected.docx", NOISE / "A-RES-75-10-fr-corrected.via-doc.docx")
    changed = _changed(rl)
    assert ("OP 9", "OP 9", "modified", False) in changed
    others = [e for e in rl.paragraphs + rl.footnotes if e.status != "unchanged" and e.old_label != "OP 9"]
    assert others and all(e.status == "modified" and all(op == EQUAL for op, _ in e.ops) for e in others)
    for e in rl.paragraphs + rl.footnotes:
        if e.status == "modified" and e.old_label != "OP 9":
            for op, items in e.ops:
                for o, n in items if op == EQUAL else []:
                    if not same_format(o, n):
                        assert "000080" in "".join(n.rpr_keys()) and "single" in "".join(n.rpr_keys())


_LETTER = regex.compile(r"\p{L}")


def _formatting_changes(rl):
    for e in rl.paragraphs + rl.footnotes:
        for op, items in (e.ops if e.status == "modified" else []):
            if op == EQUAL:
                for o, n in items:
                    if not o.key.startswith("\x00fn") and not same_format(o, n):
                        yield o, n


_COMPLEX_LETTER = regex.compile(r"[\u0590-\u08ff]")


def _script_class_changes(rl):
    """The formatting changes of a diff, each with its reason when it is one a reader
    sees in Word: ``"script"`` when ``w:rtl`` or ``w:cs`` differs on characters that are
    not complex script letters (digits, Latin punctuation), which then take the other
    font, size, bold or italics (``w:cs`` and ``w:szCs`` or ``w:ascii`` and ``w:sz``) and
    these differ; ``"hidden"`` when the text became hidden (``w:vanish``); else None."""
    for o, n in _formatting_changes(rl):
        chars = o.key if not o.key.startswith("\x00") else "\x00"
        for ch, ko, kn in zip(chars, _per_char(o), _per_char(n)):
            if ko == kn:
                continue
            (co, so, _), (cn, sn, _) = styles.key_parts(ko), styles.key_parts(kn)
            if "vanish=True" in cn and "vanish=True" not in co or "vanish=True" in co and "vanish=True" not in cn:
                yield o, n, "hidden"
            elif co == cn and set(so) != set(sn) and (so.get("cs") or sn.get("cs")) and not _COMPLEX_LETTER.match(ch):
                # one side sets these characters as complex script, the other not: shown
                # differently only if the two sets of font, size, bold and italics differ
                yield o, n, "script" if sorted(so.values()) != sorted(sn.values()) else None
            else:
                yield o, n, None
            break


def test_arabic_resave_keeps_only_what_word_shows():
    """LibreOffice writes ``w:rtl w:val="true"`` for ``<w:rtl/>``, drops ``w:hint`` and
    ``w:noProof``, writes inherited properties out and changes the kerning threshold
    (``w:kern`` 14 -> 2 on 15-point text): none shows. It also drops ``w:rtl`` from runs of
    digits and Latin punctuation, which Word then sets in the Latin font and size
    (Times New Roman 10 pt) instead of the Arabic ones (Traditional Arabic 15 pt): seen,
    so still reported, and nothing else is."""
    _need(NOISE)
    rl = diff_files(NOISE / "poi-stress010-CEDAW-ar.docx", NOISE / "poi-stress010-CEDAW-ar.lo74-resaved.docx")
    reasons = collections.Counter(reason for _, _, reason in _script_class_changes(rl))
    assert reasons["script"] > 1000  # the digits are there: the check below runs
    assert set(reasons) == {"script"}, reasons


def _per_char(tok) -> list[str]:
    return [pc.rkey for pc in tok.pieces for _ in (pc.text if pc.text is not None else "x")]


def test_rtl_spelling_alone_is_no_change():
    """The custom-mark pair differs only by ``<w:rtl/>`` -> ``w:val="true"``."""
    _need(MARK)
    rl = diff_files(MARK / "poi-stress011-CRC-C-GC-20-ar.docx", MARK / "poi-stress011-CRC-C-GC-20-ar.rtl-val-true.docx")
    assert _changed(rl) == []
