"""Checking many drafts: in parallel across processes, with a progress bar, in a stable order.

Files are split into chunks handed to a :class:`~concurrent.futures.ProcessPoolExecutor`.
Each worker process builds its own plugin manager (the same blocked plugins as the main
process), calls ``resolint_configure`` once, and returns plain picklable data: each
:class:`~resolint.engine.FileResult` without its ``document``, the flagged text of every
finding kept in ``finding.extra["span"]`` for fingerprints. Results come back in the
order of the input files, whatever order the workers finish in.
"""
from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from .context import in_context
from .engine import FileResult, check_file

if TYPE_CHECKING:
    from concurrent.futures import Future

    from .actions import Actions
    from .config import Config
    from .findings import Finding
    from .model import Resolution
    from .plugin_manager import Manager


def default_jobs() -> int:
    """The number of CPUs this process may run on."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):
        return max(1, os.cpu_count() or 1)


@dataclass(frozen=True)
class Options:
    """What the command line overrides in every file's configuration (picklable)."""

    select: tuple[str, ...] | None = None
    ignore: tuple[str, ...] = ()
    language: str | None = None
    #: ``--message-language``: the language of messages, over the configuration's
    message_language: str | None = None
    blocked: tuple[str, ...] = ()
    extend_select: tuple[str, ...] = ()
    #: ``--config PATH``: this file for every draft instead of the nearest one
    config: str | None = None


_CHECKED: dict[tuple[int, int], Any] = {}


def file_config(path: Path, manager: "Manager", options: Options) -> "Config":
    """The configuration for ``path``: its nearest config file (or ``--config``), then the
    command line as a last selection layer (so ``--select`` wins over the file's ``ignore``)."""
    from .config import Selection, check_against, config_for, config_from

    names = {r.name for r in manager.rules.values()}
    config = config_from(Path(options.config), names) if options.config else config_for(path, names)
    key = (id(config), id(manager))
    if _CHECKED.get(key) is not config:
        check_against(config, manager)
        _CHECKED[key] = config
    overrides: dict[str, Any] = {}
    if options.select or options.extend_select or options.ignore:
        overrides["layers"] = [*config.layers, Selection(tuple(options.select) if options.select else None,
                                                         tuple(options.extend_select), tuple(options.ignore))]
    if options.language:
        overrides["language"] = options.language
    if options.message_language:
        overrides["message_language"] = options.message_language
    return replace(config, manager=manager, **overrides)


def span_text(finding: "Finding", document: "Resolution | None") -> str | None:
    """The text a finding flags (footnote marks as U+FFFC), or None if the part is unknown."""
    if document is None or finding.paragraph <= 0:
        return None
    part = document.part(finding.paragraph)
    return None if part is None else part.scan_text[finding.start:finding.end]


def annotate(result: FileResult) -> FileResult:
    """Keep each finding's flagged text in ``finding.extra["span"]`` and its text in context in
    ``finding.extra["context"]``, so that formatters (SARIF fingerprints, the text report) need
    not have the document."""
    for f in result.findings:
        if "span" not in f.extra:
            text = span_text(f, result.document)
            if text is not None:
                f.extra["span"] = text
        if "context" not in f.extra:
            shown = in_context(f, result.document)
            if shown is not None:
                f.extra["context"] = shown
    return result


def detach(result: FileResult) -> FileResult:
    """``result`` as plain data: the flagged texts kept, the document dropped."""
    annotate(result)
    return replace(result, document=None)


# -- worker side -----------------------------------------------------------------------------------
_WORKER: dict[str, Any] = {}


def _init_worker(options: Options, first: str, actions: "Actions | None" = None) -> None:
    from .plugin_manager import get_manager

    manager = get_manager(options.blocked)
    _WORKER["manager"] = manager
    _WORKER["options"] = options
    _WORKER["actions"] = actions
    manager.hook.resolint_configure(config=file_config(Path(first), manager, options))


def _check_chunk(chunk: list[tuple[int, str]]) -> list[tuple[int, FileResult]]:
    manager, options, actions = _WORKER["manager"], _WORKER["options"], _WORKER["actions"]
    out = []
    for i, raw in chunk:
        path = Path(raw)
        out.append((i, detach(check_file(path, file_config(path, manager, options), manager, actions))))
    return out


# -- progress ------------------------------------------------------------------------------------------
@dataclass
class Progress:
    """A one-line progress bar on a terminal; silent when ``stream`` is not a TTY."""

    total: int
    stream: IO[str] = field(default_factory=lambda: sys.stderr)
    enabled: bool = True
    width: int = 30
    done: int = 0
    _shown: bool = False
    _last: float = 0.0

    def __post_init__(self) -> None:
        isatty = getattr(self.stream, "isatty", None)
        self.enabled = bool(self.enabled and self.total > 1 and isatty is not None and isatty())

    def advance(self, n: int = 1) -> None:
        self.done += n
        if not self.enabled:
            return
        now = time.monotonic()
        if self.done < self.total and now - self._last < 0.05:
            return
        self._last = now
        filled = self.width * self.done // max(self.total, 1)
        bar = "#" * filled + "-" * (self.width - filled)
        self.stream.write(f"\r[{bar}] {self.done}/{self.total} drafts")
        self.stream.flush()
        self._shown = True

    def close(self) -> None:
        if self._shown:
            self.stream.write("\r\x1b[K")
            self.stream.flush()
            self._shown = False


# -- main side -----------------------------------------------------------------------------------------
def _chunks(paths: Sequence[Path], jobs: int) -> list[list[tuple[int, str]]]:
    n = len(paths)
    size = max(1, min(32, n // (jobs * 4) or 1))
    items = [(i, str(p)) for i, p in enumerate(paths)]
    return [items[i:i + size] for i in range(0, n, size)]


def effective_jobs(jobs: int | None, n_files: int, keep_documents: bool = False) -> int:
    """How many processes a run of ``n_files`` uses for ``--jobs jobs`` (0 or None: CPUs)."""
    if keep_documents:
        return 1
    jobs = default_jobs() if jobs is None or jobs <= 0 else jobs
    return max(1, min(jobs, n_files))


def check_files(paths: Sequence[Path], manager: "Manager", options: Options, *, jobs: int | None = None,
                progress: bool = True, keep_documents: bool = False,
                configure: Callable[["Config"], None] | None = None,
                actions: "Actions | None" = None) -> list[FileResult]:
    """Check ``paths`` and return their results in the same order.

    ``jobs`` processes (default: the CPU count); one job, one file or ``keep_documents``
    check in this process and keep each result's document. ``configure`` is called with
    the first file's configuration before any file is checked (``resolint_configure``).
    ``actions`` (fix, annotate) run on each file where it is checked, workers included.
    """
    jobs = effective_jobs(jobs, len(paths), keep_documents)
    if paths and configure is not None:
        configure(file_config(paths[0], manager, options))
    bar = Progress(len(paths), enabled=progress)
    try:
        if jobs <= 1:
            results = []
            for path in paths:
                results.append(annotate(check_file(path, file_config(path, manager, options), manager, actions)))
                bar.advance()
            return results
        slots: list[FileResult | None] = [None] * len(paths)
        # Imported here: process pools cost start-up time that one-file runs should not pay.
        from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait

        with ProcessPoolExecutor(max_workers=jobs, initializer=_init_worker,
                                 initargs=(options, str(paths[0]), actions)) as pool:
            pending: set[Future[list[tuple[int, FileResult]]]] = {
                pool.submit(_check_chunk, chunk) for chunk in _chunks(paths, jobs)}
            while pending:
                done, pending = wait(pending, return_when=FIRST_COMPLETED)
                for fut in done:
                    got = fut.result()
                    for i, res in got:
                        slots[i] = res
                    bar.advance(len(got))
        return [r if r is not None else FileResult(str(p), error=f"{p}: not checked")
                for r, p in zip(slots, paths)]
    finally:
        bar.close()


def summary(results: Sequence[FileResult], seconds: float, jobs: int) -> str:
    """One line for the end of a batch run."""
    total = sum(len(r.findings) for r in results)
    with_findings = sum(1 for r in results if r.findings)
    errors = sum(1 for r in results if r.error)
    n = len(results)

    def plural(k: int, word: str) -> str:
        return f"{k} {word}{'s' if k != 1 else ''}"

    parts = [f"checked {plural(n, 'draft')} in {seconds:.1f}s ({plural(jobs, 'job')})",
             f"{plural(total, 'finding')} in {plural(with_findings, 'draft')}"]
    if errors:
        parts.append(f"{plural(errors, 'draft')} could not be read")
    return "resolint: " + "; ".join(parts)
