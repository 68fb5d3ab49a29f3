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
from docx.oxml.parser import parse_xml as docx_xml
from lxml import etree

from resolint.redline import canon, diff_files, styles
from resolint.redline.reader import same_format
from resolint.redline.words import EQUAL
from resolint.testing.builder import DocBuilder, Run

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


def _complex_run(piece) -> bool:
    rpr = piece.run.find(f"{{{W}}}rPr") if piece.run is not None else None
    return rpr is not None and any(canon.on_off(el) for el in rpr if el.tag in (f"{{{W}}}rtl", f"{{{W}}}cs"))


def _script_class_changes(rl):
    """The formatting changes of a diff, each with its reason when it is one a reader
    sees in Word: ``"script"`` when ``w:rtl`` or ``w:cs`` differs on characters that are
    not complex script letters (digits, Latin punctuation), which then take the other
    font, size, bold or italics (``w:cs`` and ``w:szCs`` or ``w:ascii`` and ``w:sz``) and
    these differ; ``"hidden"`` when the text became hidden (``w:vanish``); else None."""
    for o, n in _formatting_changes(rl):
        chars = o.key if not o.key.startswith("\x00") else "\x00"
        for ch, po, pn in zip(chars, _per_piece(o), _per_piece(n)):
            if po.rkey == pn.rkey:
                continue
            (co, lo, _), (cn, ln, _) = styles.key_parts(po.rkey), styles.key_parts(pn.rkey)
            if ("vanish=True" in co) != ("vanish=True" in cn):
                yield o, n, "hidden"
            elif co == cn and lo != ln and _complex_run(po) != _complex_run(pn) and not _COMPLEX_LETTER.match(ch):
                yield o, n, "script"
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


def _per_piece(tok) -> list:
    """The piece each character of a token lies in."""
    return [pc for pc in tok.pieces for _ in (pc.text if pc.text is not None else "x")]


def test_rtl_spelling_alone_is_no_change():
    """The custom-mark pair differs only by ``<w:rtl/>`` -> ``w:val="true"``."""
    _need(MARK)
    rl = diff_files(MARK / "poi-stress011-CRC-C-GC-20-ar.docx", MARK / "poi-stress011-CRC-C-GC-20-ar.rtl-val-true.docx")
    assert _changed(rl) == []


# -- the style hierarchy resolved: DocBuilder documents with written run properties -------------

_NS = f'xmlns:w="{W}"'
_STYLES = (
    '<w:style w:type="paragraph" w:styleId="Body"><w:name w:val="Body"/><w:basedOn w:val="Normal"/>'
    '<w:rPr><w:rFonts w:ascii="Arial" w:hAnsi="Arial" w:cs="Arial"/><w:b/><w:sz w:val="24"/></w:rPr></w:style>',
    '<w:style w:type="paragraph" w:styleId="Mono"><w:name w:val="Mono"/><w:basedOn w:val="Normal"/>'
    '<w:rPr><w:rFonts w:ascii="Courier New" w:hAnsi="Courier New" w:cs="Courier New"/><w:b/><w:sz w:val="24"/></w:rPr>'
    '</w:style>',
    '<w:style w:type="character" w:styleId="Emph"><w:name w:val="Emph"/><w:rPr><w:i/></w:rPr></w:style>',
    '<w:style w:type="character" w:styleId="EmphToo"><w:name w:val="Emph Too"/><w:basedOn w:val="Emph"/></w:style>',
    '<w:style w:type="character" w:styleId="Loud"><w:name w:val="Loud"/><w:rPr><w:b/></w:rPr></w:style>',
    '<w:style w:type="character" w:styleId="Slanted"><w:name w:val="Slanted"/>'
    '<w:rPr><w:i w:val="1"/></w:rPr></w:style>',
    '<w:style w:type="paragraph" w:styleId="Arabic"><w:name w:val="Arabic"/><w:basedOn w:val="Normal"/>'
    '<w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:cs="Traditional Arabic"/>'
    '<w:sz w:val="20"/><w:szCs w:val="30"/></w:rPr></w:style>',
    '<w:style w:type="paragraph" w:styleId="Even"><w:name w:val="Even"/><w:basedOn w:val="Normal"/>'
    '<w:rPr><w:rFonts w:ascii="Arial" w:hAnsi="Arial" w:cs="Arial"/><w:sz w:val="24"/><w:szCs w:val="24"/></w:rPr>'
    '</w:style>',
)


def _doc(path: Path, *paras, restyle: dict[str, str] | None = None) -> Path:
    """A real .docx with the styles above (``restyle``: some of them replaced, by id) and one
    paragraph per ``(paragraph style, [(rPr children XML, text), ...])``."""
    b = DocBuilder()
    root = b.document.styles.element
    for xml in _STYLES:
        sid = regex.search(r'w:styleId="([^"]+)"', xml).group(1)
        xml = (restyle or {}).get(sid, xml)
        root.append(docx_xml(xml.replace("<w:style ", f"<w:style {_NS} ", 1)))
    for pstyle, runs in paras:
        p = b.paragraph(*[Run(text) for _, text in runs], style=pstyle)._p
        for r, (rpr, _) in zip(p.findall(f"{{{W}}}r"), runs):
            if rpr:
                r.insert(0, docx_xml(f"<w:rPr {_NS}>{rpr}</w:rPr>"))
    b.save(path)
    return path


_FORMATTED = [("modified", True)]  # one paragraph, its formatting alone changed


def _pair(tmp_path: Path, old, new, **kw) -> list:
    """The changed entries of OLD -> NEW and of NEW -> OLD (both must agree)."""
    a, b = _doc(tmp_path / "old.docx", *old, **kw), _doc(tmp_path / "new.docx", *new)
    there, back = _changed(diff_files(a, b)), _changed(diff_files(b, a))
    assert len(there) == len(back)
    return [(status, fmt) for _, _, status, fmt in there]


def test_inherited_and_written_properties_are_one(tmp_path):
    """A run that inherits Arial, bold, 12 pt from its paragraph style and one that writes
    them out (with defaults spelt out and a colour in capitals) show the same."""
    old = [("Body", [("", "Recalling its resolution 75/10,")])]
    new = [("Body", [('<w:rFonts w:ascii="Arial" w:hAnsi="Arial"/><w:b w:val="1"/><w:sz w:val="24"/>'
                      '<w:kern w:val="0"/><w:color w:val="auto"/><w:noProof/>', "Recalling its resolution 75/10,")])]
    assert _pair(tmp_path, old, new) == []


def test_direct_italics_removed_is_a_change(tmp_path):
    old = [(None, [("<w:i/>", "Recalling"), ("", " its resolution 75/10,")])]
    new = [(None, [("", "Recalling"), ("", " its resolution 75/10,")])]
    assert _pair(tmp_path, old, new) == _FORMATTED


def test_character_style_compared_by_the_formatting_it_gives(tmp_path):
    """A style based on another that adds nothing, or one of another name that gives the
    same italics (as LibreOffice renames ``FootnoteReference`` ``FootnoteCharacters``), is
    no change; a style giving bold instead is one."""
    text = " its resolution 75/10,"
    emph = [(None, [('<w:rStyle w:val="Emph"/>', "Recalling"), ("", text)])]
    assert _pair(tmp_path, emph, [(None, [('<w:rStyle w:val="EmphToo"/>', "Recalling"), ("", text)])]) == []
    assert _pair(tmp_path, emph, [(None, [('<w:rStyle w:val="Slanted"/>', "Recalling"), ("", text)])]) == []
    assert _pair(tmp_path, emph, [(None, [('<w:rStyle w:val="Loud"/>', "Recalling"), ("", text)])]) != []


def test_toggle_properties_combine_by_exclusive_or(tmp_path):
    """Bold from the paragraph style and bold from the character style cancel (17.7.3):
    that run is not bold, like a run of the same paragraph style with bold turned off
    directly, and unlike a run left bold by the paragraph style alone."""
    loud = [("Body", [('<w:rStyle w:val="Loud"/>', "Recalling"), ("", " its resolution,")])]
    off = [("Body", [('<w:b w:val="0"/>', "Recalling"), ("", " its resolution,")])]
    left = [("Body", [("", "Recalling"), ("", " its resolution,")])]
    assert _pair(tmp_path, loud, off) == []
    assert _pair(tmp_path, loud, left) == _FORMATTED


def test_paragraph_style_change_changes_the_run_font(tmp_path):
    """Arial to Courier New through the paragraph style: each word shows a formatting
    change (and the paragraph its new style)."""
    rl = diff_files(_doc(tmp_path / "old.docx", ("Body", [("", "Recalling its resolution,")])),
                    _doc(tmp_path / "new.docx", ("Mono", [("", "Recalling its resolution,")])))
    assert [(s, f) for _, _, s, f in _changed(rl)] == _FORMATTED
    assert any(not same_format(o, n) for o, n in _formatting_changes(rl))


def test_style_redefined_in_new_is_a_change(tmp_path):
    """The same paragraph style id and the same runs, but NEW's style gives another font:
    not hidden by the shortcut for paragraphs written alike. An unused style changed in
    NEW's styles part changes nothing."""
    para = [("Body", [("", "Recalling its resolution,")])]
    mono = {"Body": _STYLES[1].replace('"Mono"', '"Body"')}
    assert _pair(tmp_path, para, para, restyle=mono) == _FORMATTED
    unused = {"Loud": _STYLES[4].replace("<w:b/>", "<w:u w:val=\"single\"/>")}
    assert _pair(tmp_path, para, para, restyle=unused) == []


def test_kerning_is_a_threshold(tmp_path):
    """``w:kern`` kerns text of that size and above: 1 pt and 7 pt thresholds kern 12-point
    text alike; no kerning, or a 14 pt threshold, does not kern it."""
    def para(kern):
        return [("Body", [(f'<w:kern w:val="{kern}"/>', "Recalling its resolution,")])]

    assert _pair(tmp_path, para(2), para(14)) == []
    assert _pair(tmp_path, para(0), para(28)) == []
    assert _pair(tmp_path, para(2), para(0)) == _FORMATTED


def test_direction_of_digits_counts_only_where_fonts_differ(tmp_path):
    """Digits with and without ``w:rtl``: set as complex script or as Latin text, which
    shows only if the two fonts or sizes differ (Traditional Arabic 15 pt against Times
    New Roman 10 pt in "Arabic", Arial 12 pt for both in "Even"). Arabic letters are
    complex script either way, and spaces show neither font nor direction."""
    def para(style, rtl):
        return [(style, [("<w:rtl/>", "المادة"), ("<w:rtl/>" if rtl else "", " 2016 ")])]

    assert _pair(tmp_path, para("Even", True), para("Even", False)) == []
    assert _pair(tmp_path, para("Arabic", True), para("Arabic", False)) == _FORMATTED
    letters = [("Arabic", [("", "المادة الثانية")])]
    assert _pair(tmp_path, letters, [("Arabic", [("<w:rtl/>", "المادة الثانية")])]) == []


def test_blank_shows_lines_not_fonts(tmp_path):
    """A tab or a space in another language or width shows nothing; underlined, it shows."""
    def para(rpr):
        return [(None, [("", "Recalling"), (rpr, " \t"), ("", "its resolution,")])]

    assert _pair(tmp_path, para(""), para('<w:lang w:val="fr-FR"/><w:w w:val="103"/><w:sz w:val="30"/>')) == []
    assert _pair(tmp_path, para(""), para('<w:u w:val="single"/>')) == _FORMATTED


#: Tokens a LibreOffice 7.4 re-save of the CRC text changes, each seen by a reader: the
#: parentheses around a footnote's number moved after its tab ("(1)<tab>" -> "1<tab>()"), the
#: custom mark "*" and a space in its footnote, page breaks written into the text, a drawing
#: rewritten.
_CRC_TEXT = {"(", ")", "\x00fnref", "\x00tab", " ", "*", "\x00br:page"}


def test_crc_resave_shows_only_what_word_shows():
    """The CRC general comment against its LibreOffice 7.4 re-save. Formatting written out
    from the styles, dropped where inherited, ``w:noProof`` and the kerning threshold no
    longer count (157 paragraphs were "formatting" before). What is left is seen in Word:
    digits and Latin punctuation whose ``w:rtl`` LibreOffice dropped or added, now set in
    the other font and size ("script"); the table of contents' page numbers, hidden in Web
    layout only (``w:webHidden``), made hidden everywhere (``w:vanish``: "hidden"); the
    footnote's own "*" raised and made bold ("mark"); and the text changes of
    ``_CRC_TEXT``, plus empty paragraphs added."""
    _need(MARK)
    rl = diff_files(MARK / "poi-stress011-CRC-C-GC-20-ar.docx", MARK / "poi-stress011-CRC-C-GC-20-ar.lo74-resaved.docx")
    reasons = collections.Counter()
    for o, n, reason in _script_class_changes(rl):
        raised = ["superscript" in tok.pieces[0].rkey for tok in (o, n)]
        if reason is None and o.key == "*" and raised == [False, True]:
            reason = "mark"
        reasons[reason] += 1
    assert reasons["script"] and reasons["hidden"], reasons  # the checks below run
    assert set(reasons) <= {"script", "hidden", "mark"}, reasons
    for e in rl.paragraphs + rl.footnotes:
        if e.status == "added":
            assert not e.ops or all(not t.key.strip() for _, toks in e.ops for t in toks)
        elif e.status != "unchanged":
            assert e.status == "modified"
            for op, items in e.ops:
                if op != EQUAL:
                    assert all(t.key in _CRC_TEXT or t.key.startswith("\x00obj:<w:drawing") for t in items), items
