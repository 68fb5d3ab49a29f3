"""The options of ``check`` around linting itself: cache, baseline, statistics, quiet, colour, fix preview.

:func:`add_options` declares them; :class:`Extras` is built from the parsed arguments
(checking them first, one line and exit 2 when wrong) and gives ``cmd_check`` its hooks:
:meth:`Extras.check` (the cache), :meth:`Extras.filter` (the baseline), :meth:`Extras.report`
(statistics, quiet, colour) and :meth:`Extras.run_diff` (``--diff``).
"""
from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .colour import CHOICES as COLOUR_CHOICES
from .errors import UsageError

if TYPE_CHECKING:
    from .batch import Options
    from .engine import FileResult
    from .plugin_manager import Manager

PROG = "resolint"


def add_options(p: argparse.ArgumentParser) -> None:
    """Declare the options of this module on the ``check`` parser."""
    p.add_argument("--statistics", action="store_true",
                   help="print how many findings each rule gave instead of the findings (JSON with --format json)")
    p.add_argument("--diff", action="store_true",
                   help="show what --fix would change, as a diff of the drafts' text, and write nothing "
                        "(exit 1 if there is something to fix)")
    p.add_argument("-q", "--quiet", action="count", default=0,
                   help="only the findings, no summary; -qq (or --silent): nothing, only the exit code")
    p.add_argument("--silent", action="store_const", const=2, dest="quiet_level", default=None,
                   help=argparse.SUPPRESS)
    p.add_argument("--color", choices=COLOUR_CHOICES, default="auto",
                   help="colour the text report: auto (on a terminal, unless NO_COLOR is set), always, never")
    p.add_argument("--baseline", metavar="FILE",
                   help="report only findings not recorded in FILE; if FILE does not exist, record "
                        "every current finding in it (adopting resolint on old drafts)")
    p.add_argument("--update-baseline", action="store_true",
                   help="with --baseline: record the current findings in FILE again")
    p.add_argument("--docs-url", metavar="URL", default=None,
                   help="base of the rule pages linked from Word comments (default: RESOLINT_DOCS_URL, "
                        "else the repository's docs/rules)")
    p.add_argument("--no-cache", action="store_true",
                   help="neither read nor write the cache of unchanged drafts "
                        "(folder: RESOLINT_CACHE_DIR, else ~/.cache/resolint)")


def _say(text: str) -> None:
    print(f"{PROG}: {text}", file=sys.stderr)


@dataclass
class Extras:
    """What the options of this module ask of one ``check`` run."""

    manager: "Manager"
    options: "Options"
    statistics: bool = False
    diff: bool = False
    quiet: int = 0
    color: str = "auto"
    baseline: Path | None = None
    update_baseline: bool = False
    cache: bool = True
    output: str | None = None
    unsafe_fixes: bool = False

    @classmethod
    def of(cls, args: argparse.Namespace, manager: "Manager", options: "Options", writes: bool,
           plan: Any = None) -> "Extras":
        """From the parsed arguments; ``writes``: the run fixes or annotates (no cache, no --diff);
        ``plan`` (:class:`resolint.output.Plan`): where a baseline to be recorded is claimed."""
        quiet = max(args.quiet, args.quiet_level or 0)
        if args.update_baseline and not args.baseline:
            raise UsageError("--update-baseline needs --baseline FILE")
        if args.diff and writes:
            raise UsageError("--diff shows fixes without writing: it does not go with --fix or --annotate")
        if args.diff and (args.statistics or args.baseline):
            raise UsageError("--diff does not go with --statistics or --baseline")
        baseline = Path(args.baseline) if args.baseline else None
        if baseline is not None and baseline.is_dir():
            raise UsageError(f"--baseline: {baseline} is a folder; give a file name")
        if baseline is not None and plan is not None and (args.update_baseline or not baseline.exists()):
            plan.claim(baseline, "--baseline")  # written: never over a draft, a folder, a read-only file
        return cls(manager, options, statistics=args.statistics, diff=args.diff, quiet=quiet, color=args.color,
                   baseline=baseline, update_baseline=args.update_baseline,
                   cache=not args.no_cache and not writes, output=args.output, unsafe_fixes=args.unsafe_fixes)

    # -- hooks ---------------------------------------------------------------------------------
    def check(self, files: list[Path], run: Callable[[list[Path]], "list[FileResult]"]) -> "list[FileResult]":
        """``run(files)``, through the cache unless ``--no-cache``."""
        if not self.cache:
            return run(files)
        from .cache import Cache, check_cached

        return check_cached(files, Cache(self.manager, self.options), run)

    def filter(self, results: "list[FileResult]") -> "list[FileResult]":
        """``results`` without the findings of the baseline (recording it first if asked or absent)."""
        if self.baseline is None:
            return results
        from . import baseline

        if self.update_baseline or not self.baseline.exists():
            n = baseline.record(self.baseline, results)
            if self.quiet < 2:
                _say(f"recorded {n} finding{'s' if n != 1 else ''} in {self.baseline}; "
                     "later runs with --baseline report only new ones")
            return [_without_findings(r) for r in results]
        kept, hidden = baseline.subtract(results, baseline.read(self.baseline), self.baseline)
        if hidden and not self.quiet:
            _say(f"{hidden} finding{'s' if hidden != 1 else ''} recorded in {self.baseline} not shown")
        return kept

    def report(self, formatter: Any, results: "list[FileResult]", fmt: str) -> str | None:
        """The report to write (None: nothing, with ``-qq``)."""
        if self.quiet >= 2:
            return None
        if self.statistics:
            from .stats import statistics

            return statistics(results, "json" if fmt == "json" else "text")
        if self.quiet and _takes_summary(formatter):
            text = formatter.format(results, summary=False)
        else:
            text = formatter.format(results)
        if fmt in ("text", "concise"):
            from .colour import colourise, wanted

            to_file = self.output is not None and self.output not in ("-", "/dev/stdout")
            if wanted(self.color, sys.stdout, to_file):
                text = colourise(text)
        return text

    def run_diff(self, files: list[Path]) -> int:
        """``--diff``: print what ``--fix`` would change; 1 if anything, 0 if nothing, 2 on errors."""
        from .batch import file_config
        from .errors import ResolintError
        from .output import emit
        from .preview import preview

        chunks, fixes, drafts, errors = [], 0, 0, 0
        for path in files:
            try:
                text, n = preview(path, file_config(path, self.manager, self.options), self.manager,
                                  unsafe=self.unsafe_fixes)
            except ResolintError as exc:
                _say(f"error: {exc}")
                errors += 1
                continue
            if text:
                chunks.append(text)
                fixes += n
                drafts += 1
        if self.quiet < 2:
            emit("".join(chunks), self.output, "text")
        if self.quiet == 0:
            _say(f"{fixes} fix{'es' if fixes != 1 else ''} would be made in {drafts} draft{'s' if drafts != 1 else ''}"
                 + (" (run with --fix to write them)" if fixes else ""))
        return 2 if errors else 1 if fixes else 0


def _without_findings(result: "FileResult") -> "FileResult":
    from dataclasses import replace

    return replace(result, findings=[])


def _takes_summary(formatter: Any) -> bool:
    import inspect

    try:
        return "summary" in inspect.signature(formatter.format).parameters
    except (TypeError, ValueError):
        return False
