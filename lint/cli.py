"""The command line: ``resolint check|rules|explain|plugins|diff|textconv``."""
from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .errors import ResolintError, UsageError

if TYPE_CHECKING:
    from .plugin_manager import Manager

PROG = "resolint"
WORD_SUFFIXES = (".docx", ".docm", ".dotx", ".dotm")


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        raise UsageError(f"{self.prog}: {message}")


def _csv(value: str) -> list[str]:
    return [v.strip() for v in value.split(",") if v.strip()]


def _blocked(argv: Sequence[str]) -> tuple[str, ...]:
    """Plugin names blocked with ``-p no:NAME`` (read before the parser is built)."""
    out = []
    it = iter(argv)
    for arg in it:
        value = None
        if arg == "-p":
            value = next(it, "")
        elif arg.startswith("-p") and len(arg) > 2:
            value = arg[2:]
        if value and value.startswith("no:"):
            out.append(value[3:])
    return tuple(out)


SUBCOMMANDS = {
    "check": "lint .docx drafts",
    "rules": "list the rules",
    "explain": "print a rule's documentation",
    "plugins": "list the loaded plugins",
    "diff": "write OLD -> NEW as Word tracked changes (a redline)",
    "textconv": "print a draft as labelled lines of text (git diff driver)",
}


def _command_in(argv: Sequence[str]) -> str | None:
    """The subcommand ``argv`` names (its first argument that is not ``-p VALUE``), if known."""
    i = 0
    while i < len(argv):
        arg = argv[i]
        if arg == "-p":
            i += 2
            continue
        if arg.startswith("-p"):
            i += 1
            continue
        return arg if arg in SUBCOMMANDS else None
    return None


def _hidden_plugin_option(p: argparse.ArgumentParser) -> None:
    p.add_argument("-p", dest="plugin_opts", action="append", default=[], metavar="no:NAME", help=argparse.SUPPRESS)


def _add_check(p: argparse.ArgumentParser, manager: "Manager | None") -> None:
    p.add_argument("paths", nargs="*", default=["."], help="files or folders (folders: every *.docx)")
    p.add_argument("--format", default="text", help="output format: text, json (plugins add more)")
    p.add_argument("--select", type=_csv, help="rule codes, prefixes or names to enable (comma-separated)")
    p.add_argument("--ignore", type=_csv, default=[], help="rule codes, prefixes or names to disable")
    p.add_argument("--language", help="language of the drafts (en, fr...), overriding detection")
    p.add_argument("--output", "-o", help="write the report to this file instead of standard output")
    p.add_argument("--exit-zero", action="store_true", help="exit 0 even when findings remain")
    p.add_argument("--fix", action="store_true",
                   help="apply safe fixes and write DRAFT.fixed.docx (or the input with --in-place)")
    p.add_argument("--unsafe-fixes", action="store_true", help="with --fix: apply unsafe fixes too")
    p.add_argument("--in-place", action="store_true", help="with --fix: rewrite the input file itself")
    p.add_argument("--track", action="store_true",
                   help="with --fix: write each fix as a Word tracked change to review")
    p.add_argument("--author", default=None, metavar="NAME",
                   help="author of tracked changes and comments (default: resolint)")
    p.add_argument("--date", default=None, metavar="ISO",
                   help="date of tracked changes and comments: an ISO date or 'now' "
                        "(default: a fixed date, so that output is reproducible)")
    p.add_argument("--annotate", metavar="OUT",
                   help="write a copy of the draft with every finding as a Word comment "
                            "(OUT: a .docx file, or a folder for several drafts)")
    p.add_argument("--jobs", "-j", type=int, default=0, metavar="N",
                   help="check drafts in N processes (default 0: one per CPU)")
    p.add_argument("--no-progress", action="store_true",
                   help="no progress bar (it is shown only when standard error is a terminal)")
    if manager is not None:
        manager.hook.resolint_addoption(parser=p)
    _hidden_plugin_option(p)


def _add_rules(p: argparse.ArgumentParser, manager: "Manager | None") -> None:
    p.add_argument("--format", choices=["text", "json"], default="text")
    _hidden_plugin_option(p)


def _add_explain(p: argparse.ArgumentParser, manager: "Manager | None") -> None:
    p.add_argument("rule", help="rule code or name")
    _hidden_plugin_option(p)


def _add_plugins(p: argparse.ArgumentParser, manager: "Manager | None") -> None:
    _hidden_plugin_option(p)


def _add_diff(p: argparse.ArgumentParser, manager: "Manager | None") -> None:
    p.add_argument("old", help="the earlier text (the official A/RES document or the previous draft)")
    p.add_argument("new", help="the new draft")
    p.add_argument("-o", "--output", help="where to write the result (docx: required; others: stdout if absent)")
    p.add_argument("--format", choices=["docx", "html", "text", "json"], default=None,
                   help="docx (default with -o FILE.docx), html, text (paragraph map) or json")
    p.add_argument("--author", default="resolint", help="author of the revisions (default: resolint)")
    p.add_argument("--date", help="date of the revisions, ISO 8601 (default: now)")
    _hidden_plugin_option(p)


def _add_textconv(p: argparse.ArgumentParser, manager: "Manager | None") -> None:
    p.add_argument("path", help="a .docx draft")
    p.add_argument("--language", help="language of the draft (en, fr...), overriding detection")
    _hidden_plugin_option(p)


_ARGUMENTS = {"check": _add_check, "rules": _add_rules, "explain": _add_explain, "plugins": _add_plugins,
              "diff": _add_diff, "textconv": _add_textconv}


def build_parser(manager: "Manager | None" = None, only: str | None = None) -> argparse.ArgumentParser:
    """The command-line parser; with ``only``, that subcommand alone (building argparse parsers
    costs milliseconds each, mostly looking up message translations)."""
    parser = _Parser(prog=PROG, description="Lint and redline United Nations resolution drafts (.docx).")
    parser.add_argument("-p", dest="plugin_opts", action="append", default=[], metavar="no:NAME",
                        help="block a plugin by name (-p no:NAME)")
    parser.add_argument("--version", action="store_true", help="print the version and exit")
    sub = parser.add_subparsers(dest="command", parser_class=_Parser)
    for name, text in SUBCOMMANDS.items():
        if only in (None, name):
            _ARGUMENTS[name](sub.add_parser(name, help=text), manager)
    return parser


_PARSERS: dict[tuple[int, str | None], argparse.ArgumentParser] = {}


def _parser_for(manager: "Manager", only: str | None) -> argparse.ArgumentParser:
    """:func:`build_parser`, once per plugin manager and subcommand (``main`` may run many
    times in one process: tests, editors, the benchmarks)."""
    key = (id(manager), only)
    parser = _PARSERS.get(key)
    if parser is None:
        parser = _PARSERS[key] = build_parser(manager, only=only)
    return parser


def iter_inputs(paths: list[str]) -> Iterator[Path]:
    """Files named, and every ``*.docx`` under folders named (Word lock files ``~$*`` skipped)."""
    for raw in paths:
        path = Path(raw)
        if path.is_dir() and path.suffix.lower() not in WORD_SUFFIXES:
            for found in sorted(path.rglob("*.docx")):
                # Word lock files, and the outputs of --fix, are not drafts.
                if found.name.startswith("~$") or found.name.endswith(".fixed.docx") or not found.is_file():
                    continue
                if any(part.startswith(".") for part in found.relative_to(path).parts[:-1]):
                    continue
                yield found
        else:
            yield path


def _emit(text: str, output: str | None, kind: str = "text") -> None:
    from .output import emit

    emit(text, output, kind)


def cmd_check(args: argparse.Namespace, manager: "Manager") -> int:
    import time

    from .batch import Options, check_files, effective_jobs, summary
    from .engine import FileResult, cut_note

    formatters = manager.formatters
    if args.format not in formatters:
        raise UsageError(f"unknown format {args.format!r} (available: {', '.join(sorted(formatters))})")
    files = list(iter_inputs(args.paths))
    if not files:
        raise UsageError("no .docx files found in " + ", ".join(args.paths))
    cli_language = args.language
    if cli_language and cli_language not in manager.languages():
        raise UsageError(f"unknown language {cli_language!r} (available: {', '.join(sorted(manager.languages()))})")
    if args.jobs < 0:
        raise UsageError("--jobs takes a number of processes (0: one per CPU)")
    from .output import Plan
    from .textout import escape_kind

    plan = Plan.of(files)
    plan.claim(args.output, "-o")
    options = Options(select=tuple(args.select) if args.select else None, ignore=tuple(args.ignore),
                      language=cli_language, blocked=manager.blocked)
    actions = _actions(args, files, plan)
    configs: list[Any] = []

    def configure(config: Any) -> None:
        configs.append(config)
        manager.hook.resolint_configure(config=config)

    started = time.monotonic()
    if actions is None:
        results: list[FileResult] = check_files(files, manager, options, jobs=args.jobs,
                                                progress=not args.no_progress, configure=configure)
    else:
        results = check_files(files, manager, options, jobs=args.jobs, progress=not args.no_progress,
                              configure=configure, actions=actions)
        _report_actions(results)
    elapsed = time.monotonic() - started
    first_config = configs[0] if configs else None
    for res in results:
        if res.error:
            print(f"{PROG}: error: {res.error}", file=sys.stderr)
        elif cut_note(res):
            print(f"{PROG}: {cut_note(res)}", file=sys.stderr)
    _emit(formatters[args.format].format(results), args.output,
          escape_kind(args.format, formatters[args.format]))
    manager.hook.resolint_sessionfinish(results=results, config=first_config)
    if len(results) > 1:
        print(summary(results, elapsed, effective_jobs(args.jobs, len(files))), file=sys.stderr)
    if any(r.error for r in results):
        return 2
    if any(r.findings for r in results) and not args.exit_zero:
        return 1
    return 0


def _actions(args: argparse.Namespace, files: list[Path], plan: Any) -> Any:
    """The :class:`~resolint.actions.Actions` the options ask for (None: lint only); every
    output they write is claimed in ``plan`` (:class:`resolint.output.Plan`) first."""
    from .actions import DEFAULT_AUTHOR, Actions, parse_date

    for flag, name in ((args.unsafe_fixes, "--unsafe-fixes"), (args.in_place, "--in-place"), (args.track, "--track")):
        if flag and not args.fix:
            raise UsageError(f"{name} needs --fix")
    if not args.fix and args.annotate is None:
        return None
    actions = Actions(fix=args.fix, unsafe_fixes=args.unsafe_fixes, in_place=args.in_place, track=args.track,
                      author=args.author or DEFAULT_AUTHOR, date=parse_date(args.date), annotate=args.annotate)
    if args.fix:
        for path in files:
            plan.claim(actions.fixed_path(path), "--fix", in_place=path if args.in_place else None)
    if args.annotate is not None:
        if not args.annotate.strip():
            raise UsageError("--annotate: empty output path")
        out = Path(args.annotate)
        if len(files) > 1 and not out.is_dir():
            raise UsageError("--annotate: with several drafts, OUT must be an existing folder")
        for path in files:
            plan.claim(actions.annotated_path(path), "--annotate")
    return actions


def _report_actions(results: list[Any]) -> None:
    for res in results:
        for note in res.notes:
            print(f"{PROG}: {res.path}: {note}", file=sys.stderr)
        if res.written:
            n = res.fixed
            print(f"{PROG}: fixed {n} finding{'s' if n != 1 else ''} in {res.path} -> {res.written}",
                  file=sys.stderr)
        if res.annotated:
            n = len(res.findings)
            print(f"{PROG}: {n} comment{'s' if n != 1 else ''} in {res.annotated}", file=sys.stderr)


def cmd_rules(args: argparse.Namespace, manager: "Manager") -> int:
    rules = list(manager.rules.values())
    if args.format == "json":
        import json

        data = [{"code": r.code, "name": r.name, "summary": r.summary, "severity": r.severity.value,
                 "scopes": [s.value for s in r.scopes], "languages": list(r.languages or ["all"]),
                 "fix": r.fix.value, "plugin": r.plugin} for r in rules]
        print(json.dumps(data, ensure_ascii=False, indent=2))
        return 0
    rows = [("CODE", "NAME", "SEVERITY", "LANGUAGES", "FIX", "SCOPE")]
    for r in rules:
        rows.append((r.code, r.name, r.severity.value, ",".join(r.languages or ("all",)),
                     r.fix.value if r.fix.value != "none" else "-", ",".join(s.value for s in r.scopes)))
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    for row in rows:
        print("  ".join(cell.ljust(widths[i]) for i, cell in enumerate(row)).rstrip())
    return 0


def cmd_explain(args: argparse.Namespace, manager: "Manager") -> int:
    rule = manager.rule(args.rule)
    if rule is None and args.rule.upper() in ("R001", "RULE-CRASHED"):
        print(CRASH_DOC)
        return 0
    if rule is None:
        raise UsageError(f"unknown rule {args.rule!r}; `resolint rules` lists them")
    doc = rule.documentation()
    first, _, rest = doc.partition("\n")
    print(f"{rule.code} {rule.name}")
    print()
    print(first)
    print()
    fix = {"none": "no automatic fix", "safe": "safe fix (applied by --fix)",
           "unsafe": "unsafe fix (applied by --fix --unsafe-fixes)"}[rule.fix.value]
    print(f"Severity: {rule.severity.value} · Languages: {', '.join(rule.languages or ('all',))} · {fix}")
    print(f"Scope: {', '.join(s.value for s in rule.scopes)}")
    if rule.options:
        print("Options ([tool.resolint." + rule.name + "]): "
              + ", ".join(f"{k} = {v!r}" for k, v in rule.options.items()))
    print(rest.rstrip())
    return 0


def cmd_diff(args: argparse.Namespace, manager: "Manager") -> int:
    import json
    from datetime import datetime

    from .ooxml.package import read_snapshot
    from .output import Plan, write
    from .textout import escape_kind
    from .redline import diff_files

    fmt = args.format or ("docx" if args.output and args.output.lower().endswith(".docx") else "text")
    if fmt == "docx" and args.output is None:
        raise UsageError("diff: --format docx needs -o OUT.docx")
    Plan.of([args.old, args.new]).claim(args.output, "diff -o")
    date = None
    if args.date:
        try:
            date = datetime.fromisoformat(args.date.replace("Z", "+00:00"))
        except ValueError:
            raise UsageError(f"diff: --date {args.date!r} is not an ISO 8601 date") from None
    old = read_snapshot(args.old)
    new = old if _same_arg(args.old, args.new) else read_snapshot(args.new)
    with old.pinned(), new.pinned():  # each input read once, the labels included
        try:
            redline = diff_files(args.old, args.new, author=args.author, date=date)
        except RecursionError:
            raise ResolintError(f"{args.new}: cannot compare: content nested too deeply") from None
        if fmt == "docx":
            write(args.output, redline.docx_bytes())
            counts = redline.counts
            print(", ".join(f"{n} {k}" for k, n in counts.items()) + f" -> {args.output}", file=sys.stderr)
            return 0
        if fmt == "html":
            text = redline.to_html()
        elif fmt == "json":
            text = json.dumps(redline.to_json(), ensure_ascii=False, indent=2) + "\n"
        else:
            text = redline.to_text()
    _emit(text, args.output, escape_kind(fmt))
    return 0


def _same_arg(a: str, b: str) -> bool:
    return os.fspath(a) == os.fspath(b)


CRASH_DOC = """R001 rule-crashed

A rule raised an error on one part of the draft.

## What it does
The engine runs every rule on its own: when a rule fails on a paragraph (a bug in a plugin,
or a regular-expression search that passed `regex-timeout`), the failure becomes this
finding at that paragraph, naming the rule and the error, and the other rules still run.

## Why
One broken rule must not hide every other finding, nor crash a pre-commit hook or CI.

## Example
R001 [OP 2] rule X101 (cross-reference-target) crashed: TimeoutError: regex timed out

## Use instead
Report the message to the rule's author; meanwhile `--ignore` the rule, or raise
`regex-timeout` in [tool.resolint] if the draft has very long paragraphs.

## References
- README, "Hostile and broken files"; docs/limits.md."""


def cmd_plugins(args: argparse.Namespace, manager: "Manager") -> int:
    for name, origin in manager.plugins():
        print(f"{name:12} {origin}")
    if manager.blocked:
        print("blocked: " + ", ".join(manager.blocked))
    return 0


def cmd_textconv(args: argparse.Namespace, manager: "Manager") -> int:
    """Print a draft as labelled lines (``git config diff.resolint.textconv "resolint textconv"``)."""
    from dataclasses import replace

    from .config import config_for
    from .engine import load
    from .textconv import render

    from .ooxml.package import read_snapshot
    from .output import emit

    path = Path(args.path)
    if args.language and args.language not in manager.languages():
        raise UsageError(f"unknown language {args.language!r} (available: {', '.join(sorted(manager.languages()))})")
    config = config_for(path, {r.name for r in manager.rules.values()})
    config = replace(config, manager=manager, **({"language": args.language} if args.language else {}))
    try:
        with read_snapshot(path, config.limits).pinned():
            doc = load(path, config, manager)
    except ResolintError as exc:
        if str(path) in str(exc):
            raise
        raise ResolintError(f"{path}: {exc}") from None
    except RecursionError:
        raise ResolintError(f"{path}: cannot read the document (content nested too deeply)") from None
    except Exception as exc:  # noqa: BLE001 - unknown damage: one line, never a traceback
        raise ResolintError(f"{path}: cannot read the document ({type(exc).__name__}: {exc})") from None
    emit(render(doc), None, "text")
    return 0


COMMANDS = {"check": cmd_check, "rules": cmd_rules, "explain": cmd_explain, "plugins": cmd_plugins,
            "diff": cmd_diff,
            "textconv": cmd_textconv}


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    try:
        from .output import install_signal_cleanup

        install_signal_cleanup()
        if any("\0" in arg for arg in argv):
            raise UsageError("an argument holds a NUL byte")
        from .plugin_manager import get_manager

        manager = get_manager(_blocked(argv))
        parser = _parser_for(manager, _command_in(argv))
        args = parser.parse_args(argv)
        if args.version:
            from . import __version__

            print(f"{PROG} {__version__}")
            return 0
        if args.command is None:
            parser.print_help()
            return 2
        bad = [p for p in args.plugin_opts if not p.startswith("no:")]
        if bad:
            raise UsageError(f"-p takes no:NAME to block a plugin, got {bad[0]!r}")
        return COMMANDS[args.command](args, manager)
    except ResolintError as exc:
        print(f"{PROG}: error: {' '.join(str(exc).split())}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print(f"{PROG}: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 1
    except Exception as exc:  # noqa: BLE001 - never a traceback for the user
        if os.environ.get("RESOLINT_DEBUG"):
            raise
        print(f"{PROG}: internal error: {type(exc).__name__}: {exc} (set RESOLINT_DEBUG=1 for details)",
              file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
