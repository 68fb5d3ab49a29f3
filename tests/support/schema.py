"""Schema validation of a redline: the findings of the OOXML validator (openxml-audit) that
the redline has and NEW itself does not (the test is skipped where the validator is absent)."""
from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest

from resolint.redline import diff_files


def added_schema_errors(tmp_path: Path, old: bytes, new: bytes, date: datetime) -> list[str]:
    audit = pytest.importorskip("openxml_audit")
    (tmp_path / "old.docx").write_bytes(old)
    (tmp_path / "new.docx").write_bytes(new)
    data = diff_files(tmp_path / "old.docx", tmp_path / "new.docx", date=date).docx_bytes()
    (tmp_path / "red.docx").write_bytes(data)
    validator = audit.OpenXmlValidator()
    base = {str(e) for e in validator.validate(str(tmp_path / "new.docx")).errors}
    return [str(e) for e in validator.validate(str(tmp_path / "red.docx")).errors if str(e) not in base]
