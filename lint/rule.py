"""The rule base class: rules are data-rich objects, not hooks.

A rule declares its code, kebab-case name, the scopes it wants (the engine hands it
only those parts), its languages, severity and fix safety, and its documentation in
the docstring, with the sections What it does / Why / Example / Use instead / References.
"""
from __future__ import annotations

import inspect
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any, ClassVar

from . import limits
from .findings import Edit, Finding, Fix, FixSafety, Severity
from .model import Paragraph, Resolution, Scope
from .trigger import TextIndex, Trigger

if TYPE_CHECKING:
    from .language import LanguagePack

DOC_SECTIONS = ("What it does", "Why", "Example", "Use instead", "References")


class Context:
    """What a rule sees besides the part: the document, its language pack, its options, and
    the language of its messages (``message_language``: the draft's, unless the configuration's
    ``message-language`` or ``--message-language`` says otherwise)."""

    def __init__(self, rule: "Rule", doc: Resolution, pack: "LanguagePack", options: dict[str, Any],
                 index: TextIndex | None = None) -> None:
        self.rule = rule
        self.doc = doc
        self.pack = pack
        self.language = doc.language
        self.message_language: str = doc.facts.get("message_language") or doc.language
        self.options = options
        self.index = index if index is not None else TextIndex()

    def matching(self, key: str, parts: list[Paragraph], trigger: Trigger | None) -> list[Paragraph]:
        """The parts of ``parts`` in which ``trigger`` matches (all of them without a trigger).

        For document-scoped rules that read many parts: the parts' texts are joined and
        searched once (see :mod:`resolint.trigger`). ``key`` names the list (``"body"``):
        lists under the same key are joined once per run.
        """
        return self.index.matching(key, parts, trigger)

    def say(self, key: str, /, **values: Any) -> str:
        """Message ``key`` of the catalogues (:mod:`resolint.messages`) in the message language,
        its placeholders filled with ``values``: ``ctx.say("S101.not", kind=..., want=..., got=...)``."""
        from . import messages

        return messages.message(key, self.message_language, **values)

    def word(self, key: str) -> str:
        """The word ``key`` (``"comma"``: catalogue entry ``word.comma``) in the message language."""
        return self.say(f"word.{key}")

    def ordinal(self, n: int) -> str:
        """``n`` as an ordinal in figures in the message language ("73rd", "73e")."""
        from . import messages

        return messages.ordinal(n, self.message_language)

    def option(self, key: str, default: Any = None) -> Any:
        return self.options.get(key, default)

    def finding(self, part: Paragraph | None, message: str, start: int = 0, end: int | None = None, *,
                fix: Fix | None = None, severity: Severity | None = None) -> Finding:
        """Build a finding on ``part`` (``None``: the whole document). ``message``: a plain string,
        or what :meth:`say` returned (its English text is kept, for baselines, in ``extra["message_en"]``)."""
        rule = self.rule
        extra: dict[str, Any] = {}
        if self.message_language != "en" and type(message) is not str:
            from .messages import Said, english

            if isinstance(message, Said):  # a baseline matches findings without context on this
                extra["message_en"] = english(message)
        if part is None:
            return Finding(rule.code, rule.name, severity or rule.severity, "document", 0, 0, 0, message, fix=fix,
                           extra=extra)
        if end is None:
            end = len(part.text)
        return Finding(rule.code, rule.name, severity or rule.severity, part.label or f"¶{part.index}",
                       part.index, start, end, message, fix=fix, extra=extra)

    def replace(self, part: Paragraph, start: int, end: int, replacement: str, description: str = "",
                safety: FixSafety | None = None) -> Fix:
        """A one-edit fix on ``part``."""
        return Fix((Edit(part.index, start, end, replacement),), safety or self.rule.fix or FixSafety.SAFE,
                   description)


class Rule:
    """Base class of every rule. Subclass, set the class attributes, implement ``check``.

    ``check(part, ctx)`` is called once per part of each scope the rule asked for;
    document-scoped rules get ``check_document(doc, ctx)`` once. Both yield findings.
    A rule with a ``trigger`` is called only on the parts where the trigger matches
    (see :mod:`resolint.trigger`).
    """

    code: ClassVar[str] = ""
    name: ClassVar[str] = ""
    summary: ClassVar[str] = ""
    scopes: ClassVar[tuple[Scope, ...]] = ()
    languages: ClassVar[tuple[str, ...] | None] = None  # None: every language
    severity: ClassVar[Severity] = Severity.ERROR
    fix: ClassVar[FixSafety] = FixSafety.NONE
    options: ClassVar[dict[str, Any]] = {}
    #: The values an option may take, for options that take one of a list (checked when the
    #: configuration is read: another value is a configuration error). Options not listed
    #: here must have the type of their default.
    option_choices: ClassVar[dict[str, tuple[Any, ...]]] = {}
    #: Examples for documentation and tests: language -> list of text snippets.
    bad_examples: ClassVar[dict[str, list[str]]] = {}
    good_examples: ClassVar[dict[str, list[str]]] = {}
    #: What every part the rule can report on holds (:mod:`resolint.trigger`); None: every part is checked.
    trigger: ClassVar[Trigger | None] = None
    #: Which plugin registered the rule (set by the manager).
    plugin: str = ""

    def trigger_for(self, ctx: Context) -> Trigger | None:
        """The trigger for this document (its language, the rule's options); ``trigger`` by default."""
        return self.trigger

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


# The ``regex`` module's timeout guards against runaway patterns. It is passed by position:
# as a keyword it costs the module about 4,500 instructions a call (each keyword name is
# built and hashed anew), several times the search of a short paragraph; by position,
# about 1,100. The positions are those of ``regex`` 2024 and later (string, pos, endpos,
# [overlapped,] concurrent, partial, timeout); tests/test_regex_timeout.py holds them.


def iter_matches(pattern: Any, text: str, pos: int | None = None, endpos: int | None = None) -> Iterator[Any]:
    """Regex matches with the ``regex`` module's timeout guarding against runaway patterns."""
    return pattern.finditer(text, pos, endpos, False, None, False, limits.REGEX_TIMEOUT)


def match_at(pattern: Any, text: str, pos: int | None = None, endpos: int | None = None) -> Any:
    """``pattern.match`` at ``pos`` under the regex timeout."""
    return pattern.match(text, pos, endpos, None, False, limits.REGEX_TIMEOUT)


def search_in(pattern: Any, text: str, pos: int | None = None, endpos: int | None = None) -> Any:
    """``pattern.search`` under the regex timeout."""
    return pattern.search(text, pos, endpos, None, False, limits.REGEX_TIMEOUT)


# -- lazily compiled patterns ------------------------------------------------------------------
#
# Compiling with the ``regex`` module is slow (its parser and optimiser are written in
# Python), and slowest with full case folding, which ``regex.V1 | regex.IGNORECASE``
# switches on: every letter of the pattern gets its multi-character folds ("ss" for "ß",
# "st" for "ﬆ"). Two things keep start-up fast without changing what matches:
#
# - rules build their patterns with :func:`lazy_pattern`: nothing is compiled at import,
#   a pattern is compiled the first time a rule searches with it, once per process;
# - a case-insensitive V1 pattern searches a text in which no character has a
#   multi-character case fold (the class below: ß, İ, ŉ, ligatures, some Greek and
#   Armenian letters) with a simple-folding copy (``(?-f)``), which compiles several times
#   faster and matches exactly the same there: simple and full folding differ only on
#   those characters. A text holding one of them is searched with the full-folding
#   pattern. Patterns that spell such a character themselves always use full folding.

#: Every character whose full case fold is more than one character (``len(c.casefold()) > 1``),
#: with a few neighbours: a superset is safe, it only sends more texts to the full pattern.
_MULTI_FOLD = "\u00df\u0130\u0149\u01f0\u0390\u03b0\u0587\u1e96-\u1e9e\u1f50-\u1ffc\ufb00-\ufb17"
_MULTI_FOLD_RE: Any = None
_ESCAPE_RE: Any = None


#: Answers of :func:`_has_multi_fold` by text: each rule searches each paragraph, so every
#: text is asked about once per rule. Bounded; cleared when full.
_FOLD_CHECKS: dict[str, bool] = {}
_FOLD_CHECKS_MAX = 250_000  # a whole draft of the largest size the limits allow


def _has_multi_fold(text: str) -> bool:
    """Whether ``text`` holds a character with a multi-character case fold."""
    global _MULTI_FOLD_RE
    found = _FOLD_CHECKS.get(text)
    if found is None:
        if _MULTI_FOLD_RE is None:
            import re

            _MULTI_FOLD_RE = re.compile(f"[{_MULTI_FOLD}]")
        if len(_FOLD_CHECKS) >= _FOLD_CHECKS_MAX:
            _FOLD_CHECKS.clear()
        found = _FOLD_CHECKS[text] = _MULTI_FOLD_RE.search(text) is not None
    return found


def _spells_multi_fold(source: str) -> bool:
    """Whether a pattern's text names a multi-fold character, literally or as an escape."""
    global _ESCAPE_RE
    if _has_multi_fold(source):
        return True
    if _ESCAPE_RE is None:
        import re

        _ESCAPE_RE = re.compile(r"\\(?:x([0-9A-Fa-f]{2})|u([0-9A-Fa-f]{4})|U([0-9A-Fa-f]{8})|x\{([0-9A-Fa-f]+)\})")
    if "\\N" in source:  # a named character: stay exact
        return True
    for m in _ESCAPE_RE.finditer(source):
        code = int(next(g for g in m.groups() if g), 16)
        if code <= 0x10FFFF and _has_multi_fold(chr(code)):
            return True
    return False


class LazyPattern:
    """A ``regex`` pattern compiled on first use, with the API of a compiled pattern.

    ``lazy_pattern(source, flags)`` matches exactly what ``regex.compile(source, flags)``
    matches; see the comment above for the simple-folding copy it may search with.
    """

    __slots__ = ("source", "_flags", "_full", "_simple", "_simplify")

    def __init__(self, source: str, flags: int = 0) -> None:
        self.source = source
        self._flags = flags
        self._full: Any = None
        self._simple: Any = None
        self._simplify: bool | None = None

    @property
    def compiled(self) -> Any:
        """The pattern exactly as ``regex.compile`` gives it (full case folding if V1 + IGNORECASE)."""
        if self._full is None:
            import regex

            self._full = regex.compile(self.source, self._flags)
        return self._full

    def _can_simplify(self) -> bool:
        import regex

        flags, source = self._flags, self.source
        v1 = bool(flags & regex.V1) or "(?V1)" in source
        folds = bool(flags & regex.IGNORECASE) or "(?i" in source
        return (v1 and folds and not flags & regex.FULLCASE and "(?f" not in source
                and not _spells_multi_fold(source))

    def _for(self, text: Any) -> Any:
        # Called for every search of every rule: the common cases first, no property.
        simplify = self._simplify
        if simplify is None:
            simplify = self._simplify = self._can_simplify()
        if simplify and type(text) is str and not _has_multi_fold(text):
            simple = self._simple
            if simple is None:
                import regex

                simple = self._simple = regex.compile("(?-f)" + self.source, self._flags)
            return simple
        full = self._full
        return full if full is not None else self.compiled

    @property
    def pattern(self) -> str:
        return self.source

    @property
    def flags(self) -> int:
        return self.compiled.flags

    @property
    def groupindex(self) -> Any:
        return self.compiled.groupindex

    @property
    def groups(self) -> int:
        return self.compiled.groups

    def search(self, string: str, *args: Any, **kwargs: Any) -> Any:
        return self._for(string).search(string, *args, **kwargs)

    def match(self, string: str, *args: Any, **kwargs: Any) -> Any:
        return self._for(string).match(string, *args, **kwargs)

    def fullmatch(self, string: str, *args: Any, **kwargs: Any) -> Any:
        return self._for(string).fullmatch(string, *args, **kwargs)

    def finditer(self, string: str, *args: Any, **kwargs: Any) -> Any:
        return self._for(string).finditer(string, *args, **kwargs)

    def findall(self, string: str, *args: Any, **kwargs: Any) -> Any:
        return self._for(string).findall(string, *args, **kwargs)

    def split(self, string: str, *args: Any, **kwargs: Any) -> Any:
        return self._for(string).split(string, *args, **kwargs)

    def sub(self, repl: Any, string: str, *args: Any, **kwargs: Any) -> Any:
        return self._for(string).sub(repl, string, *args, **kwargs)

    def subn(self, repl: Any, string: str, *args: Any, **kwargs: Any) -> Any:
        return self._for(string).subn(repl, string, *args, **kwargs)

    def __repr__(self) -> str:
        return f"lazy_pattern({self.source!r}, {self._flags})"


def lazy_pattern(source: str, flags: int = 0) -> LazyPattern:
    """A pattern compiled with ``regex`` when first used (see :class:`LazyPattern`)."""
    return LazyPattern(source, flags)
