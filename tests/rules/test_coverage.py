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


def test_a_folder_set_to_french_says_an_english_draft_looks_english(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    from resolint.rules.coverage import _EN
    from resolint.testing.draft import write_draft

    folder = tmp_path / "fr-drafts"
    folder.mkdir()
    write_draft(folder / "english.docx", _EN, "en")
    (folder / "resolint.toml").write_text('language = "fr"\n', encoding="utf-8")
    main(["check", str(folder)])
    out = capsys.readouterr().out
    # The messages are in the language the draft is checked in (French here).
    assert "R005" in out and "«\u00a0en\u00a0», mais il est vérifié comme «\u00a0fr\u00a0»" in out
    (folder / "resolint.toml").unlink()
    main(["check", str(folder)])
    assert "R005" not in capsys.readouterr().out
