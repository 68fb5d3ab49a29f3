"""What to do with a file besides linting it: fix it, annotate it (picklable for workers)."""
from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass
from pathlib import Path

from .errors import UsageError

#: A placeholder date for library callers that give none (the command line always gives one:
#: ``--date``, else ``SOURCE_DATE_EPOCH``, else now; see :func:`parse_date`).
DEFAULT_DATE = "1980-01-01T00:00:00Z"
#: Author of tracked changes and comments unless ``--author`` is given.
DEFAULT_AUTHOR = "resolint"


def source_date() -> _dt.datetime | None:
    """``SOURCE_DATE_EPOCH`` (reproducible builds: seconds since 1970, UTC) as a date, if set."""
    import os

    raw = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if not raw:
        return None
    try:
        return _dt.datetime.fromtimestamp(int(raw), _dt.timezone.utc)
    except (ValueError, OverflowError, OSError):
        raise UsageError(f"SOURCE_DATE_EPOCH: expected a number of seconds since 1970, got {raw!r}") from None


def parse_date(value: str | None) -> str:
    """The date of tracked changes and comments, as ``diff`` dates its revisions: ``value``
    (an ISO date or date-time, or ``"now"``), else ``SOURCE_DATE_EPOCH``, else now (UTC)."""
    if value is None:
        fixed = source_date()
        value = "now" if fixed is None else fixed.strftime("%Y-%m-%dT%H:%M:%SZ")
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
    #: base of the rule pages linked from comments (None: RESOLINT_DOCS_URL, else the default)
    docs_url: str | None = None
    #: with ``track``: a comment on each tracked change of spaces only (:mod:`resolint.spacemarks`)
    mark_spaces: bool = True

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
