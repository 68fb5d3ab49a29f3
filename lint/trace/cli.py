"""The ``index`` and ``trace`` subcommands: their options and what they do.

``resolint index DIR... -o LIBRARY`` adds adopted resolutions to a library (a new one is
built in a temporary file and renamed when complete; an existing one is added to in one
transaction). ``resolint trace DRAFT.docx --library LIBRARY`` reports each paragraph as
agreed, modified or new, in text, JSON or HTML, with ``--annotate OUT.docx`` as Word
comments, or with ``--history LABEL`` one paragraph's versions across the library.
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import InputError, UsageError

if TYPE_CHECKING:
    from ..plugin_manager import Manager


def add_index_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("paths", nargs="+", metavar="PATH",
                   help="adopted resolutions: .docx files, plain-text files in the corpus notation (.txt), or folders")
    p.add_argument("-o", "--output", required=True, metavar="LIBRARY",
                   help="the library file (SQLite): built when it does not exist, else added to")
    p.add_argument("--quiet", "-q", action="store_true", help="no summary on standard error")


def add_trace_arguments(p: argparse.ArgumentParser) -> None:
    from .report import FORMATS
    from .trace import MAX_SOURCES, MODIFIED_AT

    p.add_argument("draft", help="the draft (.docx)")
    p.add_argument("--library", "-l", required=True, metavar="LIBRARY", help="a library built by 'resolint index'")
    p.add_argument("--format", choices=FORMATS, default="text", help="text, json or html (default: text)")
    p.add_argument("--output", "-o", help="write the report to this file instead of standard output")
    p.add_argument("--annotate", metavar="OUT.docx", help="write a copy of the draft with the trace as Word comments")
    p.add_argument("--history", metavar="LABEL",
                   help="one paragraph's versions across the library, oldest first (e.g. 'OP 3')")
    p.add_argument("--max-sources", type=int, default=MAX_SOURCES, metavar="N",
                   help=f"sources listed per paragraph (default {MAX_SOURCES})")
    p.add_argument("--threshold", type=float, default=MODIFIED_AT, metavar="S",
                   help=f"least similarity of modified language, 0 to 1 (default {MODIFIED_AT})")
    p.add_argument("--language", help="language of the draft (en, fr...), overriding detection")
    p.add_argument("--author", default=None, metavar="NAME", help="author of the comments (default: resolint)")
    p.add_argument("--date", default=None, metavar="ISO", help="date of the comments (default: SOURCE_DATE_EPOCH, else now)")


def cmd_index(args: argparse.Namespace, manager: "Manager") -> int:
    """Build or add to a library."""
    from .library import build_or_update
    from .source import iter_sources, read

    out = Path(args.output)
    if out.is_dir():
        raise UsageError(f"index: -o {out} is a folder; name the library file")
    files = list(iter_sources(args.paths))
    if not files:
        raise InputError("index: no .docx or .txt file in " + ", ".join(args.paths))
    try:
        if any(f.resolve() == out.resolve() for f in files):
            raise UsageError(f"index: -o {out} is one of the inputs")
    except OSError:
        pass
    start = time.perf_counter()
    added, new = build_or_update(out, (read(f) for f in files))
    if not args.quiet:
        from .library import Library

        with Library.open(out, readonly=True) as lib:
            stats = lib.stats()
        print(f"{'built' if new else 'updated'} {out}: {_count(added, 'resolution')} added; "
              f"{_count(stats['resolutions'], 'resolution')}, {_count(stats['paragraphs'], 'paragraph')}, "
              f"{_count(stats['texts'], 'distinct text')} "
              f"({time.perf_counter() - start:.1f} s)", file=sys.stderr)
    return 0


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}{'' if n == 1 else 's'}"


def _load_draft(path: Path, language: str | None, manager: "Manager"):  # type: ignore[no-untyped-def]
    from ..engine import load_draft

    if not path.is_file():
        raise InputError(f"{path}: no such file")
    return load_draft(path, language, manager)


def cmd_trace(args: argparse.Namespace, manager: "Manager") -> int:
    """Trace a draft against a library."""
    from ..actions import DEFAULT_AUTHOR, parse_date
    from ..output import Plan, emit, write
    from ..textout import escape_kind
    from .library import Library
    from .report import render
    from .trace import trace_document

    if not 0.0 < args.threshold <= 1.0:
        raise UsageError(f"trace: --threshold must be above 0 and at most 1, got {args.threshold}")
    if args.max_sources < 1:
        raise UsageError(f"trace: --max-sources must be at least 1, got {args.max_sources}")
    plan = Plan.of([args.draft, args.library])
    plan.claim(args.output, "trace -o")
    if args.annotate:
        plan.claim(args.annotate, "--annotate")
    date = parse_date(args.date)
    draft = Path(args.draft)
    with Library.open(args.library, readonly=True) as lib:
        doc, data = _load_draft(draft, args.language, manager)
        if args.history:
            return _history(args, lib, doc)
        items = trace_document(lib, doc, max_sources=args.max_sources, threshold=args.threshold)
    if args.annotate:
        from .annotate import annotate_bytes

        write(args.annotate, annotate_bytes(data, doc, items, author=args.author or DEFAULT_AUTHOR, date=date))
    emit(render(items, args.format, title=f"Agreed language: {draft.name}"), args.output, escape_kind(args.format))
    return 0


def _history(args: argparse.Namespace, lib, doc) -> int:  # type: ignore[no-untyped-def]
    from ..output import emit
    from ..textout import escape_kind
    from . import history

    part = doc.find(args.history)
    if part is None or not part.text.strip():
        labels = ", ".join(p.label for p in doc.paragraphs if p.label.startswith(("PP", "OP")))[:200]
        raise UsageError(f"trace --history: no paragraph {args.history!r} in {args.draft} (labels: {labels})")
    versions = history.history(lib, part.text, threshold=args.threshold)
    render = {"json": history.as_json, "html": history.as_html}.get(args.format, history.as_text)
    emit(render(args.history, versions), args.output, escape_kind(args.format))
    return 0
