"""What the reader sees in runs that are not plain text: ruby (a phonetic guide over its base
text) and symbols of symbol fonts (``w:sym``)."""
from __future__ import annotations

import zipfile
from pathlib import Path

from resolint.loader import load_document
from resolint.testing import DocBuilder

RUBY = ('<w:r><w:ruby><w:rubyPr><w:lid w:val="ja-JP"/></w:rubyPr>'
        '<w:rt><w:r><w:t>とうきょう</w:t></w:r></w:rt>'
        '<w:rubyBase><w:r><w:t>東京</w:t></w:r></w:rubyBase></w:ruby></w:r>')


def _with_runs(tmp_path: Path, text: str, runs: str) -> Path:
    """A real .docx of one paragraph ``text`` whose placeholder HERE is replaced by ``runs``."""
    b = DocBuilder(language="en")
    b.paragraph(text)
    plain = tmp_path / "plain.docx"
    b.save(str(plain))
    out = tmp_path / "runs.docx"
    with zipfile.ZipFile(plain) as zin, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            data = zin.read(info)
            if info.filename == "word/document.xml":
                # Split the run around the placeholder and put the runs between the halves.
                data = data.decode("utf-8").replace(
                    "HERE", "</w:t></w:r>" + runs + "<w:r><w:t xml:space=\"preserve\">").encode("utf-8")
            zout.writestr(info, data)
    return out


def _texts(path: Path) -> list[str]:
    return [p.text for p in load_document(path).paragraphs if p.text.strip()]


def test_ruby_reads_as_its_base_text(tmp_path: Path) -> None:
    out = _with_runs(tmp_path, "Meeting in HERE on 3 May", RUBY)
    assert _texts(out) == ["Meeting in 東京 on 3 May"]


def _sym(font: str, *codes: str) -> str:
    return "".join(f'<w:r><w:sym w:font="{font}" w:char="{c}"/></w:r>' for c in codes)


def test_symbol_font_codes_read_as_the_characters_shown(tmp_path: Path) -> None:
    # Greek typed in the Symbol font (kappa upsilon beta epsilon rho nu alpha omega), a
    # Wingdings frowning face and check mark, a Symbol "less than or equal to".
    runs = (_sym("Symbol", "F06B", "F075", "F062", "F065", "F072", "F06E", "F061", "F077")
            + _sym("Wingdings", "F04C", "F0FC") + _sym("Symbol", "F0A3"))
    out = _with_runs(tmp_path, "Word HERE end", runs)
    assert _texts(out) == ["Word κυβερναω☹✓≤ end"]


def test_symbol_without_equivalent_is_never_read_as_a_letter(tmp_path: Path) -> None:
    # Wingdings 0x27 (a candle) has no Unicode equivalent in the chart; Webdings has no chart.
    runs = _sym("Wingdings", "F027") + _sym("Webdings", "F041") + _sym("Times New Roman", "0041")
    out = _with_runs(tmp_path, "Mark HERE end", runs)
    assert _texts(out) == ["Mark \uf027\uf041A end"]
