"""The command line: ``resolint check|rules|explain|plugins|diff|textconv|index|trace|completion``."""
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
    """An argparse parser whose errors are one line (``resolint: error: ...``, printed by
    :func:`main`), with a "did you mean" where a close option or subcommand exists, and no
    abbreviated options (``--fi`` is an error, not ``--fix``)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("allow_abbrev", False)
        super().__init__(*args, **kwargs)

    def _all_option_strings(self) -> list[str]:
        out = list(self._option_string_actions)
        for action in self._actions:
            if isinstance(action, argparse._SubParsersAction):
                for sub in action.choices.values():
                    out.extend(sub._option_string_actions)
        return sorted({o for o in out if o.startswith("--")})

    def error(self, message: str) -> None:  # type: ignore[override]
        import difflib
        import re

        hint = ""
        unknown = re.match(r"unrecognized arguments: (\S+)", message)
        choice = re.search(r"invalid choice: '([^']*)'", message)
        if unknown and unknown.group(1).startswith("--"):
            close = difflib.get_close_matches(unknown.group(1).split("=")[0], self._all_option_strings(), n=1)
            hint = f"; did you mean '{close[0]}'?" if close else ""
        elif choice and self.prog == PROG:
            close = difflib.get_close_matches(choice.group(1), list(SUBCOMMANDS), n=1)
            hint = f"; did you mean '{close[0]}'?" if close else ""
            message = f"unknown command '{choice.group(1)}' (commands: {', '.join(SUBCOMMANDS)})"
        elif choice:
            options = re.findall(r"'([^']*)'", message.split("choose from", 1)[-1])
            close = difflib.get_close_matches(choice.group(1), options, n=1)
            hint = f"; did you mean '{close[0]}'?" if close else ""
        where = "" if self.prog == PROG else f"{self.prog.removeprefix(PROG + ' ')}: "
        raise UsageError(f"{where}{message}{hint} (see '{self.prog} --help')")


def _csv(value: str) -> list[str]:
    return [v.strip() for v in value.split(",") if v.strip()]


def _plugin_values(argv: Sequence[str]) -> list[str]:
    """Every value of ``-p`` in ``argv`` (wherever it stands: before or after the subcommand)."""
    out = []
    it = iter(argv)
    for arg in it:
        if arg == "-p":
            out.append(next(it, ""))
        elif arg.startswith("-p") and len(arg) > 2 and not arg.startswith("--"):
            out.append(arg[2:])
    return out


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
    "index": "build or add to a library of adopted resolutions (agreed language)",
    "trace": "trace each paragraph of a draft to the adopted resolutions it comes from",
    "completion": "print a shell completion script (bash, zsh, fish)",
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


SEVERITY_LEVELS = ("error", "warning", "info")
#: The lowest severity that makes ``check`` exit 1 unless ``--fail-on`` or ``fail-on`` says otherwise.
DEFAULT_FAIL_ON = "warning"


def _add_check(p: argparse.ArgumentParser, manager: "Manager | None") -> None:
    formats = ", ".join(manager.formatters) if manager is not None else "text, json"
    p.add_argument("paths", nargs="*", default=["."],
                   help="files or folders (folders: every .docx, .docm, .dotx, .dotm, in any letter case)")
    p.add_argument("--format", default="text", help=f"output format: {formats} (default: text)")
    p.add_argument("--select", type=_csv, action="extend", default=None,
                   help="rule codes, prefixes or names to enable, replacing the configuration's "
                        "select and ignore (comma-separated; repeatable)")
    p.add_argument("--extend-select", type=_csv, action="extend", default=[], metavar="SELECT",
                   help="rules to enable on top of the configuration's selection (repeatable)")
    p.add_argument("--ignore", type=_csv, action="extend", default=[],
                   help="rule codes, prefixes or names to disable (repeatable)")
    p.add_argument("--config", metavar="PATH",
                   help="use this configuration file (resolint.toml or pyproject.toml) for every draft, "
                        "instead of the nearest one")
    p.add_argument("--fail-on", choices=SEVERITY_LEVELS, default=None,
                   help="lowest severity that makes the exit code 1 (default: the configuration's "
                        f"fail-on, else {DEFAULT_FAIL_ON}); findings below it are reported but pass")
    p.add_argument("--language", help="language of the drafts (en, fr...), overriding detection")
    p.add_argument("--message-language", metavar="LANG",
                   help="language of findings and Word comments: en or fr (default: the configuration's "
                        "message-language, else each draft's language)")
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
                        "(default: SOURCE_DATE_EPOCH if set, else now)")
    p.add_argument("--annotate", metavar="OUT",
                   help="write a copy of the draft with every finding as a Word comment "
                            "(OUT: a .docx file, or a folder for several drafts)")
    p.add_argument("--jobs", "-j", type=int, default=0, metavar="N",
                   help="check drafts in N processes (default 0: one per CPU)")
    p.add_argument("--no-progress", action="store_true",
                   help="no progress bar (it is shown only when standard error is a terminal)")
    from .checkopts import add_options

    add_options(p)
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
                   help="docx, html, text (paragraph map) or json (default: from the name of -o: "
                        ".docx, .html or .htm, .json; otherwise text)")
    p.add_argument("--author", default="resolint", help="author of the revisions (default: resolint)")
    p.add_argument("--date", help="date of the revisions, ISO 8601 (default: SOURCE_DATE_EPOCH if set, else now)")
    _hidden_plugin_option(p)


def _add_textconv(p: argparse.ArgumentParser, manager: "Manager | None") -> None:
    p.add_argument("path", help="a .docx draft")
    p.add_argument("--language", help="language of the draft (en, fr...), overriding detection")
    _hidden_plugin_option(p)


def _add_index(p: argparse.ArgumentParser, manager: "Manager | None") -> None:
    from .trace.cli import add_index_arguments

    add_index_arguments(p)
    _hidden_plugin_option(p)


def _add_trace(p: argparse.ArgumentParser, manager: "Manager | None") -> None:
    from .trace.cli import add_trace_arguments

    add_trace_arguments(p)
    _hidden_plugin_option(p)


def _add_completion(p: argparse.ArgumentParser, manager: "Manager | None") -> None:
    p.add_argument("shell", choices=["bash", "zsh", "fish"], help="the shell")
    _hidden_plugin_option(p)


_ARGUMENTS = {"check": _add_check, "rules": _add_rules, "explain": _add_explain, "plugins": _add_plugins,
              "diff": _add_diff, "textconv": _add_textconv, "index": _add_index, "trace": _add_trace,
              "completion": _add_completion}


def build_parser(manager: "Manager | None" = None, only: str | None = None) -> argparse.ArgumentParser:
    """The command-line parser; with ``only``, that subcommand alone (building argparse parsers
    costs milliseconds each, mostly looking up message translations)."""
    parser = _Parser(prog=PROG, description="Lint and redline United Nations resolution drafts (.docx).")
    parser.add_argument("-p", dest="plugin_opts", action="append", default=[], metavar="no:NAME",
                        help="block a plugin by name (-p no:NAME)")
    parser.add_argument("--version", action="store_true", help="print the version and exit")
    sub = parser.add_subparsers(dest="command", parser_class=_Parser, metavar="{" + ",".join(SUBCOMMANDS) + "}")
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
    """Files named, and every Word document (``.docx``, ``.docm``, ``.dotx``, ``.dotm``, in any
    letter case) under folders named (Word lock files ``~$*`` skipped)."""
    for raw in paths:
        path = Path(raw)
        if path.is_dir() and path.suffix.lower() not in WORD_SUFFIXES:
            for found in sorted(path.rglob("*")):
                if found.suffix.lower() not in WORD_SUFFIXES:
                    continue
                # Word lock files, and the outputs of --fix, are not drafts.
                if (found.name.startswith("~$") or found.stem.lower().endswith(".fixed")
                        or not found.is_file()):
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

    from .batch import Options, check_files, effective_jobs, file_config, summary
    from .engine import FileResult, cut_note

    formatters = manager.formatters
    if args.format not in formatters:
        import difflib

        close = difflib.get_close_matches(args.format, list(formatters), n=1)
        hint = f"; did you mean '{close[0]}'?" if close else ""
        raise UsageError(f"unknown format {args.format!r}{hint} (available: {', '.join(sorted(formatters))})")
    from .config import unknown_selector

    for flag, values in (("--select", args.select or ()), ("--extend-select", args.extend_select),
                         ("--ignore", args.ignore)):
        for value in values:
            problem = unknown_selector(value, manager.rules.values(), manager.blocked)
            if problem:
                raise UsageError(f"{flag}: {problem}")
    if args.config is not None and not Path(args.config).is_file():
        raise UsageError(f"--config: no such file: {args.config}")
    files = list(iter_inputs(args.paths))
    if not files:
        raise UsageError("no Word drafts (.docx) found in " + ", ".join(args.paths))
    cli_language = args.language
    if cli_language and cli_language not in manager.languages():
        raise UsageError(f"unknown language {cli_language!r} (available: {', '.join(sorted(manager.languages()))})")
    from .messages import LANGUAGES as MESSAGE_LANGUAGES

    if args.message_language is not None and args.message_language not in MESSAGE_LANGUAGES:
        raise UsageError(f"--message-language: no messages in {args.message_language!r} "
                         f"(available: {', '.join(MESSAGE_LANGUAGES)})")
    if args.jobs < 0:
        raise UsageError("--jobs takes a number of processes (0: one per CPU)")
    from .output import Plan
    from .textout import escape_kind

    plan = Plan.of(files)
    plan.claim(args.output, "-o")
    options = Options(select=tuple(args.select) if args.select else None, ignore=tuple(args.ignore),
                      language=cli_language, message_language=args.message_language, blocked=manager.blocked, extend_select=tuple(args.extend_select),
                      config=str(Path(args.config).resolve()) if args.config else None)
    actions = _actions(args, files, plan)
    from .checkopts import Extras

    extras = Extras.of(args, manager, options, writes=actions is not None, plan=plan)
    if extras.diff:
        return extras.run_diff(files)
    configs: list[Any] = []

    def configure(config: Any) -> None:
        configs.append(config)
        manager.hook.resolint_configure(config=config)

    started = time.monotonic()
    if actions is None:
        results: list[FileResult] = extras.check(files, lambda todo: check_files(
            todo, manager, options, jobs=args.jobs, progress=not args.no_progress, configure=configure))
    else:
        results = check_files(files, manager, options, jobs=args.jobs, progress=not args.no_progress,
                              configure=configure, actions=actions)
        if extras.quiet < 2:
            _report_actions(results, track=args.track)
    elapsed = time.monotonic() - started
    if not configs:  # every draft came from the cache
        configure(file_config(files[0], manager, options))
    first_config = configs[0] if configs else None
    for res in results:
        if res.error:
            print(f"{PROG}: error: {res.error}", file=sys.stderr)
        elif cut_note(res):
            print(f"{PROG}: {cut_note(res)}", file=sys.stderr)
    results = extras.filter(results)
    report = extras.report(formatters[args.format], results, args.format)
    if report is not None:
        _emit(report, args.output, escape_kind(args.format, formatters[args.format]))
    manager.hook.resolint_sessionfinish(results=results, config=first_config)
    if len(results) > 1 and not extras.quiet:
        print(summary(results, elapsed, effective_jobs(args.jobs, len(files))), file=sys.stderr)
    if any(r.error for r in results):
        return 2
    if not args.exit_zero and any(failing(r, args.fail_on) for r in results):
        return 1
    return 0


def failing(result: Any, fail_on: str | None) -> bool:
    """Whether ``result`` has a finding at or above the threshold: ``--fail-on``, else the
    file's ``fail-on``, else :data:`DEFAULT_FAIL_ON`."""
    threshold = SEVERITY_LEVELS.index(fail_on or result.fail_on or DEFAULT_FAIL_ON)
    return any(SEVERITY_LEVELS.index(f.severity.value) <= threshold for f in result.findings)


def _actions(args: argparse.Namespace, files: list[Path], plan: Any) -> Any:
    """The :class:`~resolint.actions.Actions` the options ask for (None: lint only); every
    output they write is claimed in ``plan`` (:class:`resolint.output.Plan`) first."""
    from .actions import DEFAULT_AUTHOR, Actions, parse_date

    for flag, name in ((args.unsafe_fixes and not args.diff, "--unsafe-fixes"), (args.in_place, "--in-place"),
                       (args.track, "--track")):
        if flag and not args.fix:
            raise UsageError(f"{name} needs --fix" + (" (or --diff)" if name == "--unsafe-fixes" else ""))
    if not args.fix and args.annotate is None:
        return None
    actions = Actions(fix=args.fix, unsafe_fixes=args.unsafe_fixes, in_place=args.in_place, track=args.track,
                      author=args.author or DEFAULT_AUTHOR, date=parse_date(args.date), annotate=args.annotate,
                      docs_url=args.docs_url)
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


def _report_actions(results: list[Any], track: bool = False) -> None:
    for res in results:
        for note in res.notes:
            print(f"{PROG}: {res.path}: {note}", file=sys.stderr)
        if res.written:
            n = res.fixed
            what = f"{n} fix{'es' if n != 1 else ''}"
            if track:
                print(f"{PROG}: proposed {what} as tracked changes to review in {res.path} -> {res.written}",
                      file=sys.stderr)
            else:
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
        import difflib

        names = [*manager.rules, *(r.name for r in manager.rules.values())]
        close = difflib.get_close_matches(args.rule.upper() if args.rule[:1].isalpha() and args.rule[1:].isdigit()
                                          else args.rule, names, n=1)
        hint = f"; did you mean '{close[0]}'?" if close else ""
        raise UsageError(f"unknown rule {args.rule!r}{hint} (`resolint rules` lists them)")
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

    fmt = args.format or _format_from_name(args.output)
    if fmt == "docx" and args.output is None:
        raise UsageError("diff: --format docx needs -o OUT.docx")
    Plan.of([args.old, args.new]).claim(args.output, "diff -o")
    from .actions import source_date

    date = source_date()  # SOURCE_DATE_EPOCH, else now (None)
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


#: ``diff -o NAME``: the format its extension asks for (others: the text map).
DIFF_SUFFIXES = {".docx": "docx", ".html": "html", ".htm": "html", ".json": "json"}


def _format_from_name(output: str | None) -> str:
    return DIFF_SUFFIXES.get(Path(output).suffix.lower(), "text") if output else "text"


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
    from .engine import load_draft
    from .output import emit
    from .textconv import render

    doc, _ = load_draft(Path(args.path), args.language, manager)
    emit(render(doc), None, "text")
    return 0


def cmd_index(args: argparse.Namespace, manager: "Manager") -> int:
    from .trace.cli import cmd_index as run

    return run(args, manager)


def cmd_trace(args: argparse.Namespace, manager: "Manager") -> int:
    from .trace.cli import cmd_trace as run

    return run(args, manager)


def cmd_completion(args: argparse.Namespace, manager: "Manager") -> int:
    """Print the completion script of ``args.shell``, generated from the whole parser."""
    from .completion import script

    print(script(args.shell, build_parser(manager), choices={("check", "--format"): sorted(manager.formatters)}),
          end="")
    return 0


COMMANDS = {"check": cmd_check, "rules": cmd_rules, "explain": cmd_explain, "plugins": cmd_plugins,
            "diff": cmd_diff,
            "textconv": cmd_textconv, "index": cmd_index, "trace": cmd_trace, "completion": cmd_completion}


def _check_plugin_options(values: list[str], manager: "Manager") -> None:
    """``-p`` takes ``no:NAME`` of a plugin that exists (blocked or not)."""
    import difflib

    for value in values:
        if not value.startswith("no:"):
            raise UsageError(f"-p takes no:NAME to block a plugin, got {value!r}")
        name = value[3:]
        if name not in manager.known_plugins:
            close = difflib.get_close_matches(name, sorted(manager.known_plugins), n=1)
            hint = f"; did you mean 'no:{close[0]}'?" if close else ""
            raise UsageError(f"-p: unknown plugin {name!r}{hint} (plugins: {', '.join(sorted(manager.known_plugins))})")


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
        _check_plugin_options(_plugin_values(argv), manager)
        if args.version:
            from . import __version__

            print(f"{PROG} {__version__}")
            return 0
        if args.command is None:
            parser.print_help()
            return 2
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
