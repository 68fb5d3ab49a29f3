"""Property-based fuzzing: mutate valid drafts' XML and bytes; check (and diff) never crash.

Whatever the mutation, ``resolint check`` either processes the file (exit 0 or 1) or stops
with exit 2 and one line ``resolint: error: ...``; never a traceback, never an internal
error. The same holds for ``resolint diff OLD NEW -o OUT`` once that command exists, and
neither command ever modifies its inputs.
"""
from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree

from . import corpus as c

FUZZ = settings(max_examples=60, deadline=None, derandomize=True, database=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

#: XML parts of the base draft the loader reads (styles.xml is large: mutated less often).
XML_PARTS = [c.MAIN_DOC, c.MAIN_DOC, c.MAIN_DOC, "word/footnotes.xml", "word/numbering.xml", "word/settings.xml",
             "word/_rels/document.xml.rels", "_rels/.rels", "word/styles.xml", "[Content_Types].xml"]
W = "{%s}" % c.W_NS
ATTRS = ["val", "id", "numId", "ilvl", "fldCharType", "instr", "char", "type", "customMarkFollows", "name",
         "anchor", "abstractNumId", "styleId"]
TAGS = ["p", "r", "t", "tbl", "tr", "tc", "sdt", "sdtContent", "ins", "del", "moveFrom", "moveTo", "hyperlink",
        "fldSimple", "fldChar", "instrText", "footnoteReference", "footnote", "numPr", "ilvl", "numId", "pPr",
        "rPr", "pStyle", "lvl", "abstractNum", "num", "start", "lvlText", "numFmt", "smartTag", "customXml",
        "sym", "tab", "br", "delText", "bookmarkStart", "commentReference", "footnotePr", "numStart", "body"]

values = st.one_of(
    st.sampled_from(["", "0", "-1", "1", "8", "9", "99999999999999999999", "9" * 5000, "\u00b2", "\u0661",
                     "begin", "separate", "end", "NOTEREF _Ref1 \\h", 'HYPERLINK "x"', "superscript", "FFFF",
                     "D800", "110000", "lowerLetter", "upperRoman", "bullet", "%1.%2.%3", "%\u00b2", "separator",
                     "true", "Title", "../../etc/passwd", "/word/document.xml", "\u202e", "x" * 10000]),
    st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), max_size=40),
    st.integers(min_value=-(10**12), max_value=10**12).map(str),
)
xml_text = st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), max_size=200)


@st.composite
def xml_mutation(draw: st.DrawFn) -> tuple[str, bytes]:
    """A part name and its XML after one to three structural mutations (still well-formed)."""
    name = draw(st.sampled_from(XML_PARTS))
    root = etree.fromstring(c.part(c.base_bytes(), name))
    for _ in range(draw(st.integers(1, 3))):
        elements = list(root.iter())
        el = elements[draw(st.integers(0, len(elements) - 1))]
        op = draw(st.sampled_from(["delete", "duplicate", "attr", "text", "wrap", "move", "insert", "clear"]))
        parent = el.getparent()
        if op == "delete" and parent is not None:
            parent.remove(el)
        elif op == "duplicate" and parent is not None:
            from copy import deepcopy

            for _n in range(draw(st.integers(1, 50))):
                el.addnext(deepcopy(el))
        elif op == "attr":
            el.set(W + draw(st.sampled_from(ATTRS)), draw(values))
        elif op == "text":
            el.text = draw(xml_text)
        elif op == "wrap" and parent is not None:
            wrapper = etree.Element(W + draw(st.sampled_from(TAGS)))
            el.addprevious(wrapper)
            wrapper.append(el)
        elif op == "move" and parent is not None:
            target = elements[draw(st.integers(0, len(elements) - 1))]
            if el not in target.iterancestors() and target is not el:
                target.append(el)
        elif op == "insert":
            new = etree.SubElement(el, W + draw(st.sampled_from(TAGS)))
            new.set(W + draw(st.sampled_from(ATTRS)), draw(values))
            if draw(st.booleans()):
                new.text = draw(xml_text)
        elif op == "clear":
            el.clear()
    return name, etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


@st.composite
def byte_mutation(draw: st.DrawFn) -> bytes:
    """The base draft's zip, or one of its parts, with bytes flipped, cut or inserted."""
    data = c.base_bytes()
    whole = draw(st.booleans())
    name = draw(st.sampled_from(XML_PARTS))
    blob = bytearray(data if whole else c.part(data, name))
    for _ in range(draw(st.integers(1, 4))):
        op = draw(st.sampled_from(["flip", "cut", "insert", "truncate"]))
        i = draw(st.integers(0, max(len(blob) - 1, 0)))
        if op == "flip" and blob:
            blob[i] ^= draw(st.integers(1, 255))
        elif op == "cut":
            del blob[i:i + draw(st.integers(1, 64))]
        elif op == "insert":
            blob[i:i] = draw(st.binary(min_size=1, max_size=64))
        elif op == "truncate":
            del blob[i:]
    if whole:
        return bytes(blob)
    return c.edit(data, {name: bytes(blob)})


def _assert_contract(out: c.Outcome) -> None:
    assert "Traceback" not in out.stdout + out.stderr, out.stderr
    assert out.code in (0, 1, 2), out.code
    lines = out.error_lines
    assert all("internal error" not in line for line in lines), lines
    errors = [line for line in lines if line.startswith("resolint: error: ")]
    if out.code == 2:
        assert len(errors) == 1 and len(lines) == 1, lines
    else:
        assert errors == [], lines  # a command may print its own summary line, never an error


def _check(data: bytes) -> c.Outcome:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "mutant.docx"
        path.write_bytes(data)
        before = c.fingerprint(path)
        out = c.run_main("check", path)
        assert c.fingerprint(path) == before
    return out


@FUZZ
@given(xml_mutation())
def test_check_survives_xml_mutations(mutation: tuple[str, bytes]) -> None:
    name, xml = mutation
    _assert_contract(_check(c.edit(c.base_bytes(), {name: xml})))


@FUZZ
@given(byte_mutation())
def test_check_survives_byte_mutations(data: bytes) -> None:
    _assert_contract(_check(data))


def _diff_available() -> bool:
    from resolint import cli

    return "diff" in cli.COMMANDS


@pytest.mark.skipif(not _diff_available(), reason="`resolint diff` is not a command yet")
@FUZZ
@given(st.one_of(xml_mutation().map(lambda m: c.edit(c.base_bytes(), {m[0]: m[1]})), byte_mutation()),
       st.booleans())
def test_diff_survives_mutations(data: bytes, mutant_is_old: bool) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        good = c.write(Path(tmp), "good.docx", c.base_bytes())
        bad = c.write(Path(tmp), "mutant.docx", data)
        old, new = (bad, good) if mutant_is_old else (good, bad)
        before = (c.fingerprint(old), c.fingerprint(new))
        out_path = Path(tmp) / "redline.docx"
        out = c.run_main("diff", old, new, "-o", out_path)
        assert (c.fingerprint(old), c.fingerprint(new)) == before
        _assert_contract(out)
        if out.code == 2:
            assert not out_path.exists()
        leftovers = [p.name for p in Path(tmp).iterdir() if p.name.endswith(".tmp")]
        assert leftovers == []
