"""Punctuation rules (P): stacked punctuation, spacing, double spaces."""
from __future__ import annotations

from collections.abc import Iterator
from functools import cache, lru_cache
from typing import Any

import regex

from resolint.findings import Edit, Finding, Fix, FixSafety, Severity
from resolint.model import MARK, Kind, Paragraph, Scope
from resolint.rule import Context, Rule, iter_matches, lazy_pattern
from resolint.trigger import Trigger

from ._helpers import EVERY_TEXT_SCOPE, load_data, glued_matches, has_pair, is_last_operative, continued, last_in_block, top_of


#: Spaces a rule treats as word spaces: space, no-break space, narrow no-break space.
SPACES = " \u00a0\u202f"
NBSP = "\u00a0"
NNBSP = "\u202f"
_SPACE_NAMES = {" ": "space", NBSP: "no-break space", NNBSP: "narrow no-break space", "\t": "tab"}
_SPACE_WORDS = {" ": "space", NBSP: "nbsp", NNBSP: "nnbsp", "\t": "tab"}


def space_names(chars: str, ctx: Context | None = None) -> str:
    """Human names of a run of spaces: "space + no-break space" (in ``ctx``'s message language)."""
    if ctx is None:
        return " + ".join(_SPACE_NAMES.get(c, f"U+{ord(c):04X}") for c in chars)
    return " + ".join(ctx.word(_SPACE_WORDS[c]) if c in _SPACE_WORDS else f"U+{ord(c):04X}" for c in chars)

_STACKED = lazy_pattern(
    r"(?<![.])([;,:])[ \u00a0\u202f" + MARK + r"]*([.;,:])(?![.])"  # ";." ",," ",." ";;" ":." ...
    r"|(?<![.])(\.)[ \u00a0\u202f" + MARK + r"]*(\.)(?![.])"  # ".." but not "..."
)


def expected_end(ctx: Context, part: Paragraph) -> str | None:
    """The mark a paragraph should end with: ',' for PPs, ';' for OPs, '.' for the last OP."""
    doc = ctx.doc
    top = top_of(part)
    if part.kind is Kind.SUBPARAGRAPH and (not last_in_block(doc, part) or continued(doc, top)):
        return ";"  # the sentence goes on: after it, or after its sub-paragraphs
    if top.kind is Kind.PREAMBLE:
        return ","
    if top.kind is Kind.OPERATIVE:
        return "." if is_last_operative(doc, top) else ";"
    return None


class StackedPunctuation(Rule):
    """Two punctuation marks stacked where one belongs: ";.", ",,", ",.", ";;", "..".

    ## What it does
    Finds a comma, semicolon or colon followed by another mark (spaces and footnote
    indicators in between are ignored), and a doubled full stop that is not an ellipsis.

    ## Why
    Stray punctuation left by editing ("présumés ;." at the end of OP 2 of A/RES/75/10) must
    not survive into the adopted text. Spell checkers catch ".." and ",," but not ";.".

    ## Example
    ```
    2. *Stresses* the importance of cooperation;.
    ```

    ## Use instead
    ```
    2. *Stresses* the importance of cooperation;
    ```

    ## References
    - conventions.md OP-009 and section 6 (defect D1).
    """

    code = "P101"
    name = "stacked-punctuation"
    summary = "No stacked punctuation such as ';.' or ',,'"
    scopes = (Scope.TITLE, Scope.PREAMBLE, Scope.OPERATIVE, Scope.SUBPARAGRAPH, Scope.FOOTNOTE)
    trigger = Trigger(f"[;,:.][ \u00a0\u202f{MARK}]*[.;,:]")
    severity = Severity.ERROR
    fix = FixSafety.SAFE
    bad_examples = {
        "en": ["The General Assembly,\n*Recalling* its resolution 73/11,,\n1. *Decides* to act;."],
        "fr": ["L’Assemblée générale,\n*Rappelant* sa résolution 73/11,\n1. *Décide* d’agir ;."],
    }
    good_examples = {
        "en": ["The General Assembly,\n*Recalling* its resolution 73/11,\n1. *Decides* to act, etc.;\n2. *Requests* a report..."],
        "fr": ["L’Assemblée générale,\n*Rappelant* sa résolution 73/11,\n1. *Décide* d’agir ;\n2. *Prie* le Secrétaire général de faire rapport."],
    }

    def check(self, part: Paragraph, ctx: Context) -> Iterator[Finding]:
        text = part.scan_text
        end_at = part.trimmed_end()
        for m in iter_matches(_STACKED, text):
            first = m.group(1) or m.group(3)
            second = m.group(2) or m.group(4)
            start, end = m.start(), m.end()
            at_end = end >= end_at
            keep = first
            if at_end and (want := expected_end(ctx, part)) in (first, second):
                keep = want
            elif first == second:
                keep = first
            if keep == first:
                # Delete the second mark only (and the spaces just before it).
                cut = end - 1
                while cut > start + 1 and text[cut - 1] in " \u00a0\u202f":
                    cut -= 1
                fix = ctx.replace(part, cut, end, "", f"keep {keep!r}")
            else:
                # Delete the first mark and the spaces before it ("présumés ;." -> "présumés.").
                cut = start
                while cut > 0 and text[cut - 1] in " \u00a0\u202f":
                    cut -= 1
                stop = start + 1
                while stop < end - 1 and text[stop] in " \u00a0\u202f":
                    stop += 1
                fix = ctx.replace(part, cut, stop, "", f"keep {keep!r}")
            yield ctx.finding(part, ctx.say("P101.stacked", marks=first + second, keep=keep),
                              start, end, fix=fix)


_URL = lazy_pattern(r"(?:https?://|ftp://|mailto:|www\.)[^\s\u00a0\u202f<>«»\"]+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+", regex.V1)


@lru_cache(maxsize=512)
def url_spans(text: str) -> list[tuple[int, int]]:
    """Where addresses (URLs, e-mail) are in ``text``: punctuation inside them is theirs."""
    if "://" not in text and "www." not in text and "@" not in text and "mailto:" not in text:
        return []
    return [(m.start(), m.end()) for m in iter_matches(_URL, text)]


def inside(spans: list[tuple[int, int]], pos: int) -> bool:
    return any(a <= pos < b for a, b in spans)


def _marks_before_space(language: str) -> str:
    """The marks that never take a space before them in ``language``."""
    return ",;:!?." if language != "fr" else ",."


_BEFORE_MARK = lazy_pattern(r"(?<=[^\s\u00a0\u202f])([ \u00a0\u202f\t]+)([,;:!?.])", regex.V1)


class SpaceBeforePunctuation(Rule):
    """No space before a comma or full stop (and, in English, before ; : ! ?).

    ## What it does
    Finds spaces (including no-break spaces) just before a comma or a full stop, and in
    English also before a semicolon, colon, exclamation or question mark. The fix deletes
    the spaces. An ellipsis, a decimal such as ".5" and marks inside addresses (URLs) are
    left alone. French spacing before ; : ! ? is the French rules' business (P201).

    ## Why
    English typography puts no space before punctuation, and neither language puts one
    before a comma or a full stop. A space there is usually left over from editing, or
    from a footnote indicator moved around ("INTERPOL ¹ ,").

    ## Example
    ```
    *Recalling* its resolution 73/11 , and its decision 60/519 ;
    ```

    ## Use instead
    ```
    *Recalling* its resolution 73/11, and its decision 60/519;
    ```

    ## References
    - conventions.md FR-001 (French spacing is the exception), GEN-001.
    - UN Editorial Manual, punctuation (English house style: no space before punctuation).
    """

    code = "P102"
    name = "space-before-punctuation"
    summary = "No space before ',' '.' (and in English before ';' ':' '!' '?')"
    scopes = EVERY_TEXT_SCOPE
    languages = ("en", "fr")
    severity = Severity.ERROR
    fix = FixSafety.SAFE
    bad_examples = {
        "en": ["The General Assembly,\n*Recalling* its resolution 73/11 ,\n1. *Decides* to act ;\n2. *Requests* a report."],
        "fr": ["L’Assemblée générale,\n*Rappelant* sa résolution 73/11 ,\n1. *Décide* d’agir\u00a0;\n2. *Prie* le Secrétaire général de faire rapport ."],
    }
    good_examples = {
        "en": ["The General Assembly,\n*Recalling* its resolution 73/11,\n1. *Decides* to act: first, to meet (as agreed);\n"
               "2. *Requests* a report, with 0.5 per cent at most."],
        "fr": ["L’Assemblée générale,\n*Rappelant* sa résolution 73/11,\n1. *Décide* d’agir\u00a0: d’abord\u00a0;\n"
               "2. *Prie* le Secrétaire général de faire rapport."],
    }

    def trigger_for(self, ctx: Context) -> Trigger:
        return Trigger.pairs(" \t", _marks_before_space(ctx.language), plain_spaces=True)

    def check(self, part: Paragraph, ctx: Context) -> Iterator[Finding]:
        text = part.scan_text
        marks = _marks_before_space(ctx.language)
        if not has_pair(text, SPACES + "\t", marks):
            return  # a finding is a space (or tab) just before one of ``marks``
        urls = url_spans(text)
        for m in iter_matches(_BEFORE_MARK, text):
            mark = m.group(2)
            if mark not in marks or inside(urls, m.end(2) - 1) or inside(urls, m.start(1) - 1):
                continue
            before = text[m.start(1) - 1]
            after = text[m.end(2):m.end(2) + 1]
            if before in "([{«“‘/":
                continue
            if mark == "." and (before == "." or after == "." or after.isalnum()):
                continue  # ". . ." ellipsis, ".5", ".org"
            if mark in ":!?" and after in "/:":
                continue
            spaces = m.group(1)
            fix = ctx.replace(part, m.start(1), m.end(1), "", f"delete the {space_names(spaces)} before {mark!r}")
            yield ctx.finding(part, ctx.say("P102.before", spaces=space_names(spaces, ctx), mark=mark),
                              m.start(1), m.end(2), fix=fix)


_MULTI_SPACE = lazy_pattern(r"[ \u00a0\u202f]{2,}")


class DoubleSpace(Rule):
    """One space between words: no double spaces, whether plain or no-break.

    ## What it does
    Finds runs of two or more spaces inside a paragraph, counting plain spaces, no-break
    spaces (U+00A0) and narrow no-break spaces (U+202F) alike, so that "organisée" +
    space + no-break space + ";" is caught. Spaces at the very start or end of a paragraph
    are layout, not text, and are ignored. The fix keeps one space: the no-break one if
    the run has one (in French, a no-break space before ; : ! ? » or after «), a plain one
    otherwise.

    ## Why
    Double spaces are invisible on screen but show in print and in the word-by-word
    comparison of versions. A/RES/75/10 (French) has five: "programmes de  formation",
    "sauvages  menacées", "volés,  la base", "organisée  ;", "assistance  ;".

    ## Example
    ```
    1. *Demande* de renforcer les programmes de  formation ;
    ```

    ## Use instead
    ```
    1. *Demande* de renforcer les programmes de formation ;
    ```

    ## References
    - conventions.md GEN-001 and section 6 (defect D8).
    - LanguageTool WHITESPACE_RULE (multiple spaces).
    """

    code = "P103"
    name = "double-space"
    summary = "No runs of two or more spaces (plain or no-break)"
    scopes = EVERY_TEXT_SCOPE
    trigger = Trigger.pairs(" ", " ", plain_spaces=True)
    languages = ("en", "fr")
    severity = Severity.WARNING
    fix = FixSafety.SAFE
    bad_examples = {
        "en": ["The General Assembly,\n*Recalling* its resolution  73/11,\n1. *Decides* to act;\n2. *Requests* a report."],
        "fr": ["L’Assemblée générale,\n*Rappelant* sa résolution 73/11,\n1. *Décide* de renforcer les programmes de  formation\u00a0;"
               "\n2. *Prie* le Secrétaire général de faire rapport sur la criminalité organisée \u00a0;"],
    }
    good_examples = {
        "en": ["The General Assembly,\n*Recalling* its resolution 73/11,\n1. *Decides* to act;\n2. *Requests* a report."],
        "fr": ["L’Assemblée générale,\n*Rappelant* sa résolution 73/11,\n1. *Décide* de renforcer les programmes de formation\u00a0;"
               "\n2. *Prie* le Secrétaire général de faire rapport sur la criminalité organisée\u00a0: «\u00a0Coopération\u00a0»."],
    }

    def check(self, part: Paragraph, ctx: Context) -> Iterator[Finding]:
        text = part.scan_text
        before_marks = _marks_before_space(ctx.language)
        if not has_pair(text, SPACES, SPACES):
            return  # no two spaces in a row
        for m in iter_matches(_MULTI_SPACE, text):
            start, end = m.start(), m.end()
            if not text[:start].strip() or not text[end:].strip():
                continue  # leading or trailing layout spaces
            nxt = text[end]
            if nxt in before_marks and ctx.language in ("en", "fr"):
                continue  # the spaces before a comma are P102's (one finding, one fix)
            run = m.group()
            keep = next((c for c in run if c in (NBSP, NNBSP)), None)
            if keep is None:
                french_mark = ctx.language == "fr" and (nxt in ";:!?»" or text[start - 1] == "«")
                keep = NBSP if french_mark else " "
            fix = ctx.replace(part, start, end, keep, f"keep one {space_names(keep)}")
            what = ctx.say("P103.double") if len(run) == 2 else ctx.say("P103.run", count=len(run))
            detail = f" ({space_names(run, ctx)})" if set(run) != {" "} else ""
            yield ctx.finding(part, f"{what}{detail}", start, end, fix=fix)


@cache
def _apostrophe_patterns() -> tuple[Any, Any]:
    data = load_data("typography")["apostrophe"]
    elisions = sorted(data["french_elisions"], key=len, reverse=True)
    fr = lazy_pattern(
        r"(?<![\p{L}\p{M}’'])(?i:" + "|".join(map(regex.escape, elisions)) + r")"
        r"(?P<before>[ \u00a0\u202f]*)(?P<apos>[’'])(?P<after>[ \u00a0\u202f]*)(?=\p{L})",
        regex.V1)
    suffixes = sorted(data["english_suffixes"], key=len, reverse=True)
    en = lazy_pattern(
        r"(?<=\p{L})(?P<before>[ \u00a0\u202f]*)(?P<apos>[’'])(?P<after>[ \u00a0\u202f]*)"
        r"(?=(?:" + "|".join(map(regex.escape, suffixes)) + r")(?![\p{L}\d]))",
        regex.V1)
    return fr, en


def apostrophe_matches(pattern: Any, text: str) -> Iterator[Any]:
    """The matches of an apostrophe pattern that hold a space, as a scan finds them.

    Every match that holds a space has it next to its apostrophe and starts in the word
    glued to those spaces (the elision "l", or the spaces after "State"); the pattern is
    tried there only. The matches without a space that a scan also finds give no finding
    and cannot overlap one that has a space.
    """
    return glued_matches(pattern, text, "’'", SPACES)


class ApostropheSpacing(Rule):
    """No space before or after an apostrophe inside a word: "l’Organisation", "State’s".

    ## What it does
    French: finds an elided word (l, d, qu, jusqu...) separated from its apostrophe, or
    the apostrophe from the next word ("l ’Organisation", "l’ Organisation"). English:
    finds a space inside a contraction or a possessive ("State ’s"). The fix deletes the
    spaces; the apostrophe itself is kept (P203 handles straight against curly).

    ## Why
    The apostrophe joins the two words: "apostrophe pas d’espace avant ni après". A/RES/75/10
    (French) has "l ’Organisation", "l ’échelle" and "l ’application", left by a search and
    replace of straight apostrophes.

    ## Example
    ```
    *Rappelant* sa résolution 73/11, dans laquelle elle a demandé que l ’Organisation des Nations Unies et INTERPOL renforcent leur coopération,
    ```

    ## Use instead
    ```
    *Rappelant* sa résolution 73/11, dans laquelle elle a demandé que l’Organisation des Nations Unies et INTERPOL renforcent leur coopération,
    ```

    ## References
    - conventions.md FR-003 and section 6 (defect D2).
    - Achyra typographic sheet: "ne pas écrire l' école ou l ' école".
    """

    code = "P104"
    name = "apostrophe-spacing"
    summary = "No space around an apostrophe inside a word"
    scopes = EVERY_TEXT_SCOPE
    trigger = Trigger.pairs(" ", "’'", both_ways=True, plain_spaces=True)
    languages = ("en", "fr")
    severity = Severity.ERROR
    fix = FixSafety.SAFE
    bad_examples = {
        "en": ["The General Assembly,\n*Recalling* the Organization ’s mandate,\n1. *Decides* to act;\n2. *Requests* a report."],
        "fr": ["L’Assemblée générale,\n*Rappelant* sa résolution 73/11, dans laquelle elle a demandé que l ’Organisation "
               "des Nations Unies et INTERPOL renforcent leur coopération,\n1. *Décide* d’ agir\u00a0;"],
    }
    good_examples = {
        "en": ["The General Assembly,\n*Recalling* the Organization’s mandate and the States’ obligations,\n"
               "1. *Decides* to act;\n2. *Requests* a report."],
        "fr": ["L’Assemblée générale,\n*Rappelant* sa résolution 73/11, dans laquelle elle a demandé que l’Organisation "
               "des Nations Unies et INTERPOL renforcent leur coopération,\n1. *Décide* d’agir aujourd’hui\u00a0;"],
    }

    def check(self, part: Paragraph, ctx: Context) -> Iterator[Finding]:
        text = part.scan_text
        if not (has_pair(text, SPACES, "’'") or has_pair(text, "’'", SPACES)):
            return  # a finding needs a space just before or just after the apostrophe
        fr, en = _apostrophe_patterns()
        for m in apostrophe_matches(fr if ctx.language == "fr" else en, text):
            before, after = m.group("before"), m.group("after")
            if not before and not after:
                continue
            if ctx.language != "fr" and m.group("apos") == "'" and before and after:
                continue  # a straight quote standing alone, not an apostrophe
            start = m.start("before") if before else m.start("apos")
            end = m.end("after")
            apos = m.group("apos")
            # Delete the spaces only: the apostrophe itself may get its own fix (P203).
            edits = tuple(Edit(part.index, a, b, "") for a, b in
                          ((m.start("before"), m.end("before")), (m.start("after"), m.end("after"))) if b > a)
            fix = Fix(edits, FixSafety.SAFE, ctx.say("P104.fix"))
            side = "before_and_after" if before and after else ("before" if before else "after")
            word = text[m.start():m.start("before")]
            yield ctx.finding(part, ctx.say("P104.apostrophe", side=ctx.word(side), word=word + apos),
                              start, end, fix=fix)


@cache
def _hyphen_data() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    data = load_data("typography")["hyphen"]
    fold = lambda words: frozenset(w.casefold() for w in words)  # noqa: E731
    return fold(data["tails"]), fold(data["heads"]), fold(data["suspension_words"])


_SPACED_HYPHEN = lazy_pattern(
    r"(?P<head>\p{L}[\p{L}\p{M}’']*)"
    r"(?:(?P<sp1>[ \u00a0\u202f]+)(?P<h1>[-\u2010\u2011])(?=\p{L})"      # "celle -ci"
    r"|(?P<h2>[-\u2010\u2011])(?P<sp2>[ \u00a0\u202f]+)(?=\p{L}))"         # "celle- ci"
    r"(?P<tail>\p{L}[\p{L}\p{M}]*)?",
    regex.V1)


_HYPHENS = "-\u2010\u2011"


def spaced_hyphen_matches(text: str) -> Iterator[Any]:
    """The matches of the spaced-hyphen pattern, as a scan finds them: tried only in the words
    glued to a hyphen with a space on one side (every match is one)."""
    return glued_matches(_SPACED_HYPHEN, text, _HYPHENS, SPACES)
_HYPHEN_GAP = lazy_pattern(r"[ \u00a0\u202f][-\u2010\u2011]\p{L}|\p{L}[-\u2010\u2011][ \u00a0\u202f]", regex.V1)


class HyphenSpacing(Rule):
    """No space on one side of a hyphen in a compound: "celle-ci", not "celle -ci".

    ## What it does
    Finds a hyphen with a space on one side only, between two words ("celle -ci",
    "non- governmental"). A spaced dash used as punctuation (" - ", space on both
    sides), a range ("9-20") and a suspended compound ("pre- and post-conflict",
    "pré- et post-conflit") are left alone. The fix joins the compound: safe when one side
    is a known element of compounds (-ci, -là, -même, non-, anti-...), unsafe otherwise.

    ## Why
    A hyphen joins the words of a compound with no space on either side. A/RES/75/10
    (French) has "la coopération entre celle -ci et les organisations".

    ## Example
    ```
    *Rappelant en outre* que la coopération entre celle -ci et les organisations internationales peut contribuer à prévenir la criminalité,
    ```

    ## Use instead
    ```
    *Rappelant en outre* que la coopération entre celle-ci et les organisations internationales peut contribuer à prévenir la criminalité,
    ```

    ## References
    - conventions.md FR-004 and section 6 (defect D3).
    """

    code = "P105"
    name = "hyphen-spacing"
    summary = "No space on one side of a hyphen in a compound"
    scopes = EVERY_TEXT_SCOPE
    trigger = Trigger.pairs(" ", _HYPHENS, both_ways=True, plain_spaces=True)
    languages = ("en", "fr")
    severity = Severity.WARNING
    fix = FixSafety.SAFE
    bad_examples = {
        "en": ["The General Assembly,\n*Recalling* the role of non -governmental organizations,\n1. *Decides* to act;\n"
               "2. *Requests* a report."],
        "fr": ["L’Assemblée générale,\n*Rappelant en outre* que la coopération entre celle -ci et les organisations "
               "internationales peut contribuer à prévenir la criminalité,\n1. *Décide* d’agir\u00a0;"],
    }
    good_examples = {
        "en": ["The General Assembly,\n*Recalling* the role of non-governmental organizations in pre- and post-conflict "
               "situations - a role recalled on 9-20 July 2001,\n1. *Decides* to act;\n2. *Requests* a report."],
        "fr": ["L’Assemblée générale,\n*Rappelant en outre* que la coopération entre celle-ci et les organisations "
               "internationales - en situation pré- et post-conflit - peut contribuer à prévenir la criminalité,\n"
               "1. *Décide* d’agir du 9-20 juillet\u00a0;"],
    }

    def check(self, part: Paragraph, ctx: Context) -> Iterator[Finding]:
        text = part.scan_text
        if not (has_pair(text, SPACES, _HYPHENS) or has_pair(text, _HYPHENS, SPACES)):
            return  # cheaper than _HYPHEN_GAP, and needed by it
        if not _HYPHEN_GAP.search(text):
            return
        tails, heads, suspension = _hyphen_data()
        urls = url_spans(text)
        for m in spaced_hyphen_matches(text):
            head, tail = m.group("head"), m.group("tail") or ""
            hyphen = m.group("h1") or m.group("h2")
            hpos = m.start("h1") if m.group("h1") else m.start("h2")
            if inside(urls, hpos):
                continue
            if m.group("h2"):
                if tail.casefold() in suspension:
                    continue  # "pre- and post-conflict"
                gap_start, gap_end = m.end("h2"), m.end("sp2")
            else:
                gap_start, gap_end = m.start("sp1"), m.end("sp1")
            known = tail.casefold() in tails or head.casefold() in heads
            safety = FixSafety.SAFE if known else FixSafety.UNSAFE
            fix = ctx.replace(part, gap_start, gap_end, "", f"join {head}{hyphen}{tail}", safety=safety)
            yield ctx.finding(part, ctx.say("P105.hyphen", side=ctx.word("before" if m.group("h1") else "after"),
                                            written=text[m.start():m.end()], right=head + hyphen + tail),
                              m.start(), m.end(), fix=fix)
