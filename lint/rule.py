"""The rule base class: rules are data-rich objects, not hooks.

A rule declares its code, kebab-case name, the scopes it wants (the engine hands it
only those parts), its languages, severity and fix safety, and its documentation in
the docstring, with the sections What it does / Why / Example / Use instead / References.
"""
from __future__ import annotations

import inspect
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any, ClassVar

from .findings import Edit, Finding, Fix, FixSafety, Severity
from .model import Paragraph, Resolution, Scope

if TYPE_CHECKING:
    from .language import LanguagePack

DOC_SECTIONS = ("What it does", "Why", "Example", "Use instead", "References")


class Context:
    """What a rule sees besides the part: the document, its language pack, its options."""

    def __init__(self, rule: "Rule", doc: Resolution, pack: "LanguagePack", options: dict[str, Any]) -> None:
        self.rule = rule
        self.doc = doc
        self.pack = pack
        self.language = doc.language
        self.options = options

    def option(self, key: str, default: Any = None) -> Any:
        return self.options.get(key, default)

    def finding(self, part: Paragraph | None, message: str, start: int = 0, end: int | None = None, *,
                fix: Fix | None = None, severity: Severity | None = None) -> Finding:
        """Build a finding on ``part`` (``None``: the whole document)."""
        rule = self.rule
        if part is None:
            return Finding(rule.code, rule.name, severity or rule.severity, "document", 0, 0, 0, message, fix=fix)
        if end is None:
            end = len(part.text)
        return Finding(rule.code, rule.name, severity or rule.severity, part.label or f"¶{part.index}",
                       part.index, start, end, message, fix=fix)

    def replace(self, part: Paragraph, start: int, end: int, replacement: str, description: str = "",
                safety: FixSafety | None = None) -> Fix:
        """A one-edit fix on ``part``."""
        return Fix((Edit(part.index, start, end, replacement),), safety or self.rule.fix or FixSafety.SAFE,
                   description)


class Rule:
    """Base class of every rule. Subclass, set the class attributes, implement ``check``.

    ``check(part, ctx)`` is called once per part of each scope the rule asked for;
    document-scoped rules get ``check_document(doc, ctx)`` once. Both yield findings.
    """

    code: ClassVar[str] = ""
    name: ClassVar[str] = ""
    summary: ClassVar[str] = ""
    scopes: ClassVar[tuple[Scope, ...]] = ()
    languages: ClassVar[tuple[str, ...] | None] = None  # None: every language
    severity: ClassVar[Severity] = Severity.ERROR
    fix: ClassVar[FixSafety] = FixSafety.NONE
    options: ClassVar[dict[str, Any]] = {}
    #: Examples for documentation and tests: language -> list of text snippets.
    bad_examples: ClassVar[dict[str, list[str]]] = {}
    good_examples: ClassVar[dict[str, list[str]]] = {}
    #: Which plugin registered the rule (set by the manager).
    plugin: str = ""

    def check(self, part: Paragraph, ctx: Context) -> Iterable[Finding]:
        return ()

    def check_document(self, doc: Resolution, ctx: Context) -> Iterable[Finding]:
        return ()

    # -- documentation --------------------------------------------------------------------------
    @classmethod
    def documentation(cls) -> str:
        return inspect.cleandoc(cls.__doc__ or "")

    @classmethod
    def missing_doc_sections(cls) -> list[str]:
        doc = cls.documentation()
        return [s for s in DOC_SECTIONS if f"## {s}" not in doc]

    def applies_to(self, language: str) -> bool:
        return self.languages is None or language in self.languages


def iter_matches(pattern: Any, text: str) -> Iterator[Any]:
    """Regex matches with the ``regex`` module's timeout guarding against runaway patterns."""
    from .limits import REGEX_TIMEOUT

    yield from pattern.finditer(text, timeout=REGEX_TIMEOUT)
