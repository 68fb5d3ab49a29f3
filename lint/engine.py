"""The engine: load a document once, hand each part to the rules that asked for it."""
from __future__ import annotations

import traceback
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING

from . import limits as limits_mod
from .actions import Actions
from .collector import collection_paused
from .config import Config
from .errors import InputError, ResolintError
from .findings import Finding, Severity
from .model import Paragraph, Resolution, Scope
from .rule import Context, Rule
from .trigger import TextIndex

if TYPE_CHECKING:
    from .plugin_manager import Manager

CRASH_CODE = "R001"
CRASH_NAME = "rule-crashed"


@dataclass
class FileResult:
    """What checking one file gave: findings, or an error that stopped it."""

    path: str
    findings: list[Finding] = field(default_factory=list)
    error: str | None = None
    document: Resolution | None = field(default=None, repr=False)
    #: With ``--fix``: how many findings were fixed, the file written, notes on fixes not applied.
    fixed: int = 0
    written: str | None = None
    annotated: str | None = None
    notes: list[str] = field(default_factory=list)
    #: findings past the limit ``max-findings``, not reported; ``stopped``: the check itself
    #: stopped at ten times the limit (so ``cut`` is a lower bound)
    cut: int = 0
    stopped: bool = False
    #: ``fail-on`` of the file's configuration (None: the command line decides)
    fail_on: str | None = None


def parts_for(doc: Resolution, scope: Scope) -> list[Paragraph]:
    if scope is Scope.TITLE:
        return doc.title
    if scope is Scope.FORMULA:
        return [doc.formula] if doc.formula else []
    if scope is Scope.PREAMBLE:
        return doc.preamble
    if scope is Scope.OPERATIVE:
        return doc.operative
    if scope is Scope.SUBPARAGRAPH:
        return doc.subparagraphs
    if scope is Scope.FOOTNOTE:
        return doc.footnote_paragraphs()
    return []


def _crash(rule: Rule, part: Paragraph | None, exc: BaseException) -> Finding:
    where = traceback.extract_tb(exc.__traceback__)[-1] if exc.__traceback__ else None
    at = f" at {Path(where.filename).name}:{where.lineno}" if where else ""
    return Finding(CRASH_CODE, CRASH_NAME, Severity.ERROR, part.label if part else "document",
                   part.index if part else 0, 0, 0,
                   f"rule {rule.code} ({rule.name}) crashed: {type(exc).__name__}: {exc}{at}")


def run_rules(doc: Resolution, rules: list[Rule], config: Config) -> list[Finding]:
    """Run ``rules`` on ``doc``; a crashing rule becomes a finding, not a crashed run."""
    packs = config.manager.languages() if config.manager else {}
    pack = packs.get(doc.language)
    findings: list[Finding] = []
    # Findings past ten times what is reported only cost memory (a draft of commas gives
    # millions): the check stops there, and the report says "at least".
    bound = 10 * config.limits.max_findings
    index = TextIndex()
    scoped: dict[Scope, list[Paragraph]] = {}  # each scope's parts, listed once for all the rules
    for rule in rules:
        if not rule.applies_to(doc.language):
            continue
        ctx = Context(rule, doc, pack, config.options_for(rule), index)  # type: ignore[arg-type]
        try:
            trigger = rule.trigger_for(ctx)
            if trigger is not None:
                trigger.compiled()
        except Exception as exc:  # noqa: BLE001 - a bad trigger is the rule's crash
            findings.append(_crash(rule, None, exc))
            continue
        for scope in rule.scopes:
            if scope is Scope.DOCUMENT:
                try:
                    findings.extend(rule.check_document(doc, ctx))
                except Exception as exc:  # noqa: BLE001 - a rule must not crash the run
                    findings.append(_crash(rule, None, exc))
                continue
            parts = scoped.get(scope)
            if parts is None:
                parts = scoped[scope] = parts_for(doc, scope)
            check, extend = rule.check, findings.extend  # called for each part: looked up once
            for part in index.matching(scope.name, parts, trigger):
                try:
                    extend(check(part, ctx))
                except Exception as exc:  # noqa: BLE001
                    findings.append(_crash(rule, part, exc))
                if len(findings) > bound:
                    doc.facts["findings_stopped"] = True
                    return findings
    return findings


def load(path: Path, config: Config, manager: "Manager") -> Resolution:
    doc = manager.hook.resolint_load_document(path=path, config=config)
    if doc is None:
        raise InputError(f"{path}: no loader can read this file")
    return doc


def load_draft(path: Path, language: str | None, manager: "Manager") -> tuple[Resolution, bytes]:
    """One draft read for a command that reports on it (``textconv``, ``trace``): the model
    and the bytes it was read from (one version, however often the file is saved meanwhile),
    with the configuration of its folder. Any failure is one :class:`ResolintError` line."""
    from .batch import Options, file_config
    from .errors import UsageError
    from .ooxml.package import read_snapshot

    if language and language not in manager.languages():
        raise UsageError(f"unknown language {language!r} (available: {', '.join(sorted(manager.languages()))})")
    config = file_config(path, manager, Options(language=language, blocked=manager.blocked))
    snap = read_snapshot(path, config.limits)
    try:
        with snap.pinned():
            doc = load(path, config, manager)
    except ResolintError as exc:
        if str(path) in str(exc):
            raise
        raise ResolintError(f"{path}: {exc}") from None
    except RecursionError:
        raise ResolintError(f"{path}: cannot read the document (content nested too deeply)") from None
    except Exception as exc:  # noqa: BLE001 - unknown damage: one line, never a traceback
        raise ResolintError(f"{path}: cannot read the document ({type(exc).__name__}: {exc})") from None
    return doc, snap.data


def _filtered(findings: list[Finding], doc: Resolution, config: Config, manager: "Manager",
              shown: Path) -> list[Finding]:
    kept = []
    for f in findings:
        f.path = str(shown)
        votes = manager.hook.resolint_filter_finding(finding=f, document=doc, config=config)
        if any(v is False for v in votes):
            continue
        kept.append(f)
    return kept


def lint_path(path: Path, config: Config, manager: "Manager",
              shown: Path | None = None) -> tuple[Resolution, list[Finding]]:
    """Load ``path`` and lint it; findings are reported under ``shown`` (default: ``path``).

    Rules with ``after_filtering = True`` (unused suppressions) run once the findings of
    the others went through ``resolint_filter_finding``, and see what was suppressed.
    """
    shown = shown or path
    doc = load(path, config, manager)
    doc.path = str(shown)
    if config.organ:
        doc.organ = config.organ
    doc.facts["message_language"] = config.message_language or doc.language
    rules = config.selected_rules(manager.rules.values(), shown)
    doc.facts["rules_known"] = {r.code: r.name for r in manager.rules.values()}
    doc.facts["rules_run"] = {r.code for r in rules if r.applies_to(doc.language)}
    later = [r for r in rules if getattr(r, "after_filtering", False)]
    first = [r for r in rules if not getattr(r, "after_filtering", False)]
    kept = _filtered(run_rules(doc, first, config), doc, config, manager, shown)
    if later:
        kept += _filtered(run_rules(doc, later, config), doc, config, manager, shown)
    if config.severity:
        for f in kept:
            level = config.severity_for(f.code, f.name)
            if level is not None:
                f.severity = Severity(level)
    kept.sort(key=Finding.sort_key)
    return doc, kept


def capped(findings: list[Finding], config: Config) -> tuple[list[Finding], int]:
    """The findings reported (the first ``max-findings``, in document order) and how many are
    not; the fixer sees them all, reports and annotated copies only these."""
    cap = config.limits.max_findings
    return (findings, 0) if len(findings) <= cap else (findings[:cap], len(findings) - cap)


def cut_note(result: "FileResult") -> str | None:
    """The line that says how many findings of a file were not reported, if any were not."""
    if not result.cut and not result.stopped:
        return None
    n = result.cut
    more = f"at least {n}" if result.stopped else str(n)
    why = (f"; the check stopped past {10 * len(result.findings)}" if result.stopped else "")
    return (f"{result.path}: {more} more finding{'s' if n != 1 else ''} not reported (the first "
            f"{len(result.findings)} are{why}; limit max-findings in [tool.resolint.limits])")


def _act(path: Path, config: Config, manager: "Manager", actions: Actions,
         result: FileResult) -> tuple[Resolution, list[Finding]]:
    """Fix and/or annotate one file as ``actions`` asks; returns the final lint.

    The draft is read once (:class:`~resolint.snapshot.Snapshot`); an in-place fix is
    written only if the draft on disk is still that version (see :mod:`resolint.output`).
    """
    from .actions import refuse_overwrite
    from .ooxml.package import read_snapshot
    from .output import write

    snap = read_snapshot(path, config.limits)
    data = snap.data
    if actions.fix:
        from .fixer import fix_data

        target = actions.fixed_path(path)
        if not actions.in_place:
            refuse_overwrite(target, [path], "--fix")
        elif snap.read_only:
            raise InputError(f"{path}: the draft is read-only; --in-place does not rewrite it")

        def lint(p: Path) -> tuple[Resolution, list[Finding]]:
            return lint_path(p, config, manager, target)

        out = fix_data(data, path, lint, unsafe=actions.unsafe_fixes, track=actions.track,
                       author=actions.author, date=actions.date)
        data, doc, findings = out.data, out.document, out.findings
        result.fixed, result.notes = out.fixed, out.notes
        if out.changed:  # a draft with nothing to fix gets no output (ruff writes nothing either)
            written = data
            if actions.track and actions.mark_spaces:  # a change of spaces only gets a comment, or it goes unseen
                from .spacemarks import mark_space_changes

                written = mark_space_changes(data, author=actions.author, date=actions.date, language=doc.facts.get("message_language") or doc.language)
            write(target, written, expect=snap if actions.in_place else None)
            result.written = str(target)
    else:
        with snap.pinned():
            doc, findings = lint_path(path, config, manager)
    annotated = actions.annotated_path(path)
    if annotated is not None:
        from .annotate import annotate_data

        if not actions.in_place:
            refuse_overwrite(annotated, [path], "--annotate")
        shown = capped(findings, config)[0]
        write(annotated, annotate_data(data, doc, shown, manager, author=actions.author, date=actions.date,
                                             docs_url=actions.docs_url))
        result.annotated = str(annotated)
    return doc, findings


def check_file(path: Path, config: Config, manager: "Manager", actions: Actions | None = None) -> FileResult:
    """Load and lint one file; input problems become ``FileResult.error``.

    ``actions`` (picklable, so this runs in worker processes too) asks for fixes and
    annotated copies; see :class:`~resolint.actions.Actions`.
    """
    path = Path(path)
    result = FileResult(str(path), fail_on=config.fail_on)
    config = replace(config, manager=manager)
    limits_mod.set_regex_timeout(config.regex_timeout)
    try:
        with collection_paused():
            if actions is not None and actions.writes:
                doc, findings = _act(path, config, manager, actions, result)
            else:
                doc, findings = lint_path(path, config, manager)
    except ResolintError as exc:
        message = " ".join(str(exc).split())  # one line, whatever the message holds
        result.error = message if path.name in message else f"{path}: {message}"
        return result
    except RecursionError:
        result.error = f"{path}: cannot read the document (content nested too deeply)"
        return result
    except OSError as exc:
        result.error = f"{path}: {exc.strerror or exc}" + (f": {exc.filename}" if exc.filename else "")
        return result
    except Exception as exc:  # noqa: BLE001 - unknown damage: one line, never a traceback
        detail = " ".join(str(exc).split())[:300]
        result.error = f"{path}: cannot read the document ({type(exc).__name__}: {detail})"
        return result
    result.findings, result.cut = capped(findings, config)
    result.stopped = bool(doc.facts.get("findings_stopped"))
    result.document = doc
    return result
