"""R004: content the reader cannot read (an embedded HTML chunk) is reported, not passed."""
from __future__ import annotations

from pathlib import Path

from resolint.cli import main
from resolint.testing import DocBuilder, Run


def test_an_embedded_html_chunk_is_reported(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    b = DocBuilder(language="en")
    b.paragraph(Run("The General Assembly", italic=True), ",")
    b.paragraph("1.\t", Run("Decides", italic=True), " to act.")
    plain = tmp_path / "plain.docx"
    b.save(str(plain))
    assert main(["check", str(plain), "--select", "R004"]) == 0
    assert "All checks passed" in capsys.readouterr().out
    b.alt_chunk("<html><body><p>2. Requests a report;.</p></body></html>")
    chunked = tmp_path / "chunk.docx"
    b.save(str(chunked))
    assert main(["check", str(chunked), "--select", "R004"]) == 1
    out = capsys.readouterr().out
    assert "R004" in out and "w:altChunk" in out and "All checks passed" not in out
