"""Findings and fixes: what a rule reports."""
from __future__ import annotations

from dataclasses import asdict, dataclass, field
from enum import Enum
from typing import Any


class Severity(str, Enum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


class FixSafety(str, Enum):
    """How sure a fix is: ``safe`` fixes apply with ``--fix``; ``unsafe`` need ``--unsafe-fixes``."""

    NONE = "none"
    SAFE = "safe"
    UNSAFE = "unsafe"


@dataclass(frozen=True)
class Edit:
    """Replace ``[start, end)`` of a paragraph's text with ``replacement``.

    ``paragraph`` is the part's :attr:`~resolint.model.Paragraph.index`; offsets are in its
    :attr:`~resolint.model.Paragraph.text`. A typed paragraph number is not in ``text``: its
    ``prefix_len`` characters sit at the negative offsets ``-prefix_len .. 0``, so a fix can
    rewrite it (``Edit(p.index, -p.prefix_len, -p.prefix_len + 1, "4")``). The fixer adds
    ``prefix_len`` to reach the paragraph's full visible text. An edit that would cut into a
    footnote mark or a field result is not applied (see :mod:`resolint.fixer`).
    """

    paragraph: int
    start: int
    end: int
    replacement: str


@dataclass(frozen=True)
class Fix:
    """A set of edits and whether applying them is safe."""

    edits: tuple[Edit, ...]
    safety: FixSafety = FixSafety.SAFE
    description: str = ""


@dataclass
class Finding:
    """One problem found in one place of a document."""

    code: str
    name: str
    severity: Severity
    label: str
    paragraph: int
    start: int
    end: int
    message: str
    path: str = ""
    fix: Fix | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def column(self) -> int:
        return self.start + 1

    def sort_key(self) -> tuple[Any, ...]:
        return (self.path, self.paragraph, self.start, self.code, self.end, self.message)

    def to_dict(self) -> dict[str, Any]:
        data = {
            "path": self.path,
            "code": self.code,
            "name": self.name,
            "severity": self.severity.value,
            "label": self.label,
            "paragraph": self.paragraph,
            "start": self.start,
            "end": self.end,
            "message": self.message,
            "fix": None,
        }
        if self.fix is not None:
            data["fix"] = {
                "safety": self.fix.safety.value,
                "description": self.fix.description,
                "edits": [asdict(e) for e in self.fix.edits],
            }
        return data
