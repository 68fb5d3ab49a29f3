"""What the reader sees in runs that are not plain text: ruby (a phonetic guide over its base text)."""
from __future__ import annotations

import zipfile
from pathlib import Path

from resolint.loader import load_document
from resolint.testing import DocBuilder

RUBY = ('<w:r><w:ruby><w:rubyPr><w:lid w:val="ja-JP"/></w:rubyPr>'
        '<w:rt><w:r><w:t>とうきょう</w:t></w:r></w:rt>'
        '<w:rubyBase><w:r><w:t>東京</w:t></w:r></w:rubyBase></w:ruby></w:r>')


def test_ruby_reads_as_its_base_text(tmp_path: Path) -> None:
    b = DocBuilder(language="en")
    b.paragraph("Meeting in RUBYHERE on 3 May")
    plain = tmp_path / "plain.docx"
    b.save(str(plain))
    out = tmp_path / "ruby.docx"
    with zipfile.ZipFile(plain) as zin, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            data = zin.read(info)
            if info.filename == "word/document.xml":
                text = data.decode("utf-8")
                # Split the run around the placeholder and put the ruby run between the halves.
                text = text.replace("RUBYHERE", "</w:t></w:r>" + RUBY + "<w:r><w:t xml:space=\"preserve\">")
                data = text.encode("utf-8")
            zout.writestr(info, data)
    doc = load_document(out)
    assert [p.text for p in doc.paragraphs if p.text.strip()] == ["Meeting in 東京 on 3 May"]
