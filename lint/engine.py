"""The engine: load a document once, hand each part to the rules that asked for it."""
from __future__ import annotations

import traceback
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING

from . import limits as limits_mod
from .config import Config
from .errors import InputError, ResolintError
from .findings import Finding, Severity
from .model import Paragraph, Resolution, Scope
from .rule import Context, Rule

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
    for rule in rules:
        if not rule.applies_to(doc.language):
            continue
        ctx = Context(rule, doc, pack, config.options_for(rule))  # type: ignore[arg-type]
        for scope in rule.scopes:
            if scope is Scope.DOCUMENT:
                try:
                    findings.extend(rule.check_document(doc, ctx))
                except Exception as exc:  # noqa: BLE001 - a rule must not crash the run
                    findings.append(_crash(rule, None, exc))
                continue
            for part in parts_for(doc, scope):
                try:
                    findings.extend(rule.check(part, ctx))
                except Exception as exc:  # noqa: BLE001
                    findings.append(_crash(rule, part, exc))
    return findings


def load(path: Path, config: Config, manager: "Manager") -> Resolution:
    doc = manager.hook.resolint_load_document(path=path, config=config)
    if doc is None:
        raise InputError(f"{path}: no loader can read this file")
    return doc


def check_file(path: Path, config: Config, manager: "Manager") -> FileResult:
    """Load and lint one file; input problems become ``FileResult.error``."""
    result = FileResult(str(path))
    config = replace(config, manager=manager)
    limits_mod.set_regex_timeout(config.regex_timeout)
    try:
        doc = load(path, config, manager)
    except ResolintError as exc:
        result.error = str(exc)
        return result
    except Exception as exc:  # noqa: BLE001 - unknown damage: one line, never a traceback
        result.error = f"{path}: cannot read the document ({type(exc).__name__}: {exc})"
        return result
    rules = [r for r in manager.rules.values() if config.selected(r, path)]
    findings = run_rules(doc, rules, config)
    kept = []
    for f in findings:
        f.path = str(path)
        votes = manager.hook.resolint_filter_finding(finding=f, document=doc, config=config)
        if any(v is False for v in votes):
            continue
        kept.append(f)
    kept.sort(key=Finding.sort_key)
    result.findings = kept
    result.document = doc
    return result
