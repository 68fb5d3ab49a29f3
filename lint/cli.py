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


def build_parser(manager: "Manager | None" = None) -> argparse.ArgumentParser:
    parser = _Parser(prog=PROG, description="Lint and redline United Nations resolution drafts (.docx).")
    parser.add_argument("-p", dest="plugin_opts", action="append", default=[], metavar="no:NAME",
                        help="block a plugin by name (-p no:NAME)")
    parser.add_argument("--version", action="store_true", help="print the version and exit")
    sub = parser.add_subparsers(dest="command", parser_class=_Parser)

    check = sub.add_parser("check", help="lint .docx drafts")
    check.add_argument("paths", nargs="*", default=["."], help="files or folders (folders: every *.docx)")
    check.add_argument("--format", default="text", help="output format: text, json (plugins add more)")
    check.add_argument("--select", type=_csv, help="rule codes, prefixes or names to enable (comma-separated)")
    check.add_argument("--ignore", type=_csv, default=[], help="rule codes, prefixes or names to disable")
    check.add_argument("--language", help="language of the drafts (en, fr...), overriding detection")
    check.add_argument("--output", "-o", help="write the report to this file instead of standard output")
    check.add_argument("--exit-zero", action="store_true", help="exit 0 even when findings remain")
    check.add_argument("-p", dest="plugin_opts", action="append", default=[], metavar="no:NAME",
                       help=argparse.SUPPRESS)
    if manager is not None:
        manager.hook.resolint_addoption(parser=check)

    rules = sub.add_parser("rules", help="list the rules")
    rules.add_argument("--format", choices=["text", "json"], default="text")
    rules.add_argument("-p", dest="plugin_opts", action="append", default=[], help=argparse.SUPPRESS)

    explain = sub.add_parser("explain", help="print a rule's documentation")
    explain.add_argument("rule", help="rule code or name")
    explain.add_argument("-p", dest="plugin_opts", action="append", default=[], help=argparse.SUPPRESS)

    plugins = sub.add_parser("plugins", help="list the loaded plugins")
    plugins.add_argument("-p", dest="plugin_opts", action="append", default=[], help=argparse.SUPPRESS)
    return parser


def iter_inputs(paths: list[str]) -> Iterator[Path]:
    """Files named, and every ``*.docx`` under folders named (Word lock files ``~$*`` skipped)."""
    for raw in paths:
        path = Path(raw)
        if path.is_dir() and path.suffix.lower() not in WORD_SUFFIXES:
            for found in sorted(path.rglob("*.docx")):
                if found.name.startswith("~$") or not found.is_file():
                    continue
                if any(part.startswith(".") for part in found.relative_to(path).parts[:-1]):
                    continue
                yield found
        else:
            yield path


def _emit(text: str, output: str | None) -> None:
    if output:
        from .ooxml.zipwrite import write_atomic

        write_atomic(output, text.encode("utf-8"))
    else:
        sys.stdout.write(text)
        sys.stdout.flush()


def cmd_check(args: argparse.Namespace, manager: "Manager") -> int:
    from dataclasses import replace

    from .config import Config, config_for
    from .engine import FileResult, check_file

    formatters = manager.formatters
    if args.format not in formatters:
        raise UsageError(f"unknown format {args.format!r} (available: {', '.join(sorted(formatters))})")
    rule_names = {r.name for r in manager.rules.values()}
    results: list[FileResult] = []
    files = list(iter_inputs(args.paths))
    if not files:
        raise UsageError("no .docx files found in " + ", ".join(args.paths))
    cli_language = args.language
    if cli_language and cli_language not in manager.languages():
        raise UsageError(f"unknown language {cli_language!r} (available: {', '.join(sorted(manager.languages()))})")
    first_config: Config | None = None
    for path in files:
        config = config_for(path, rule_names)
        overrides: dict[str, Any] = {}
        if args.select:
            overrides["select"] = args.select
        if args.ignore:
            overrides["ignore"] = config.ignore + args.ignore
        if cli_language:
            overrides["language"] = cli_language
        config = replace(config, manager=manager, **overrides)
        if first_config is None:
            first_config = config
            manager.hook.resolint_configure(config=config)
        results.append(check_file(path, config, manager))
    for res in results:
        if res.error:
            print(f"{PROG}: error: {res.error}", file=sys.stderr)
    _emit(formatters[args.format].format(results), args.output)
    manager.hook.resolint_sessionfinish(results=results, config=first_config)
    if any(r.error for r in results):
        return 2
    if any(r.findings for r in results) and not args.exit_zero:
        return 1
    return 0


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


def cmd_plugins(args: argparse.Namespace, manager: "Manager") -> int:
    for name, origin in manager.plugins():
        print(f"{name:12} {origin}")
    if manager.blocked:
        print("blocked: " + ", ".join(manager.blocked))
    return 0


COMMANDS = {"check": cmd_check, "rules": cmd_rules, "explain": cmd_explain, "plugins": cmd_plugins}


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    try:
        from .plugin_manager import get_manager

        manager = get_manager(_blocked(argv))
        parser = build_parser(manager)
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
        print(f"{PROG}: error: {exc}", file=sys.stderr)
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
