"""What to do with a file besides linting it: fix it, annotate it (picklable for workers)."""
from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass
from pathlib import Path

from .errors import UsageError

#: Date written on tracked changes and comments unless ``--date`` is given: fixed, so that
#: the same input gives the same bytes (the zip entries carry the same placeholder date).
DEFAULT_DATE = "1980-01-01T00:00:00Z"
#: Author of tracked changes and comments unless ``--author`` is given.
DEFAULT_AUTHOR = "resolint"


def parse_date(value: str | None) -> str:
    """``None`` -> :data:`DEFAULT_DATE`; ``"now"`` -> the current UTC time; else an ISO date or date-time."""
    if value is None:
        return DEFAULT_DATE
    if value == "now":
        return _dt.datetime.now(_dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
    try:
        parsed = _dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        raise UsageError(f"--date: expected an ISO date such as 2024-05-01 or 2024-05-01T09:30:00Z, got {value!r}") from None
    if parsed.tzinfo is not None:
        parsed = parsed.astimezone(_dt.timezone.utc).replace(tzinfo=None)
    return parsed.strftime("%Y-%m-%dT%H:%M:%SZ")


@dataclass(frozen=True)
class Actions:
    """Per-file work requested on the command line; passed to :func:`resolint.engine.check_file`.

    ``fix``: apply safe fixes (``unsafe_fixes`` adds unsafe ones) and write ``DRAFT.fixed.docx``
    next to the input, or the input itself with ``in_place``. ``track``: write the fixes as
    tracked changes by ``author`` dated ``date``. ``annotate``: write a copy with every
    remaining finding as a comment, to this path (a folder: ``FOLDER/DRAFT.docx``).
    """

    fix: bool = False
    unsafe_fixes: bool = False
    in_place: bool = False
    track: bool = False
    author: str = DEFAULT_AUTHOR
    date: str = DEFAULT_DATE
    annotate: str | None = None

    @property
    def writes(self) -> bool:
        return self.fix or self.annotate is not None

    def fixed_path(self, path: Path) -> Path:
        """Where the fixed copy of ``path`` goes."""
        if self.in_place:
            return path
        return path.with_name(path.stem + ".fixed" + path.suffix)

    def annotated_path(self, path: Path) -> Path | None:
        if self.annotate is None:
            return None
        out = Path(self.annotate)
        if out.is_dir():
            return out / path.name
        return out


def refuse_overwrite(output: Path, inputs: list[Path], what: str) -> None:
    """Refuse to write ``output`` over one of ``inputs`` (only ``--in-place`` may); ``what`` names the option."""
    from .ooxml.zipwrite import refuse_overwrite as refuse

    try:
        refuse(output, inputs)
    except UsageError as exc:
        raise UsageError(f"{what}: {exc}") from None
