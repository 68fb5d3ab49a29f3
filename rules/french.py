"""French typography rules (P2xx): spaces before high punctuation, guillemets, apostrophes."""
from __future__ import annotations

from collections.abc import Iterator
from functools import cache

import regex

from resolint.findings import Finding, FixSafety, Severity
from resolint.model import Paragraph
from resolint.rule import Context, Rule, iter_matches, lazy_pattern
from resolint.trigger import Trigger

from ._helpers import EVERY_TEXT_SCOPE
from .punctuation import NBSP, NNBSP, inside, load_data, space_names, url_spans

_SCOPES = EVERY_TEXT_SCOPE
STYLES = ("any-nbsp", "nnbsp", "nbsp")
_ANY = (NBSP, NNBSP)


def wanted_space(style: str, mark: str) -> tuple[tuple[str, ...], str]:
    """The spaces accepted before (or inside, for guillemets) ``mark`` and the one a fix inserts.

    ``any-nbsp`` accepts U+00A0 and U+202F and inserts U+00A0 (what Word types);
    ``nnbsp`` wants U+202F before ; ! ? and U+00A0 before : and inside « »;
    ``nbsp`` wants U+00A0 everywhere.
    """
    if style == "nnbsp":
        want = NNBSP if mark in ";!?" else NBSP
        return (want,), want
    if style == "nbsp":
        return (NBSP,), NBSP
    return _ANY, NBSP


def _style(ctx: Context) -> str:
    style = str(ctx.option("style", "any-nbsp"))
    if style not in STYLES:
        raise ValueError(f"style must be one of {', '.join(STYLES)}, not {style!r}")
    return style


def _judge(ctx: Context, part: Paragraph, gap_at: int, space: str, mark: str, where: str,
           insert_at: int) -> Finding | None:
    """A finding for the space ``space`` (``""``: none) that ``mark`` needs at ``gap_at``."""
    accepted, want = wanted_space(_style(ctx), mark)
    name = space_names(want)
    said = space_names(want, ctx)
    side = ctx.word(where)
    if not space:
        fix = ctx.replace(part, insert_at, insert_at, want, f"insert a {name}")
        at = insert_at if where == "before" else insert_at - 1
        return ctx.finding(part, ctx.say("P201.none", side=side, mark=mark, name=said),
                           at, at + 1, fix=fix, severity=Severity.ERROR)
    if space in accepted:
        return None
    if space in _ANY:
        got = space_names(space, ctx)
        fix = ctx.replace(part, gap_at, gap_at + 1, want, f"use a {name}")
        return ctx.finding(part, ctx.say("P201.style", got=got, side=side, mark=mark, name=said),
                           gap_at, gap_at + 1, fix=fix, severity=Severity.WARNING)
    fix = ctx.replace(part, gap_at, gap_at + 1, want, f"use a {name}")
    return ctx.finding(part, ctx.say("P201.breakable", got=space_names(space, ctx), side=side, mark=mark,
                                     name=said),
                       gap_at, gap_at + 1, fix=fix, severity=Severity.WARNING)


_HIGH = lazy_pattern(r"[;:!?]")
_SPACE_CHARS = " \t" + NBSP + NNBSP + "\u2009\u2007"


class FrenchHighPunctuationSpacing(Rule):
    """French puts a no-break space before ; : ! and ?.

    ## What it does
    Checks the character before each semicolon, colon, exclamation and question mark in
    French text. A no-break space (U+00A0) or a narrow no-break space (U+202F) is right;
    a plain space is a warning (the mark may be pushed to the start of a line); no space
    at all is an error. Both fixes are safe and put in the space the `style` option asks for.
    Times ("23:20"), ratios ("3:1"), addresses ("https://"), and a mark after another
    mark or an opening bracket are left alone; runs of several spaces are P103's.

    Option `style`:
    - `"any-nbsp"` (default): U+00A0 and U+202F are both accepted; fixes insert U+00A0.
    - `"nnbsp"`: U+202F before ; ! ? and U+00A0 before : (LanguageTool's suggestion).
    - `"nbsp"`: U+00A0 everywhere (Imprimerie nationale word space before the colon).

    ## Why
    French typography spaces the "high" punctuation marks. United Nations French texts of
    2001-2005 had no space before ";", the 2020 A/RES/75/10 has one: the exact character
    is a house-style choice, hence the option.

    ## Example
    ```
    1. *Décide* d’agir pour ce qui est: a) de prévenir la criminalité ;
    ```

    ## Use instead
    ```
    1. *Décide* d’agir pour ce qui est : a) de prévenir la criminalité ;
    ```
    (with no-break spaces before ":" and ";")

    ## References
    - conventions.md FR-001 and section 6 (D15: the extraction lost the no-break spaces).
    - LanguageTool FRENCH_WHITESPACE (QuestionWhitespaceRule) and its exceptions; PR #519.
    """

    code = "P201"
    name = "french-punctuation-spacing"
    summary = "French: a no-break space before ; : ! ?"
    scopes = _SCOPES
    languages = ("fr",)
    severity = Severity.ERROR
    fix = FixSafety.SAFE
    options = {"style": "any-nbsp"}
    option_choices = {"style": STYLES}
    bad_examples = {"fr": [
        "L’Assemblée générale,\n*Rappelant* sa résolution 73/11,\n1. *Décide* d’agir pour ce qui est: a) de prévenir la "
        "criminalité\u00a0;\n2. *Prie* le Secrétaire général de faire rapport ;",
    ]}
    good_examples = {"fr": [
        "L’Assemblée générale,\n*Rappelant* sa résolution 73/11 (voir https://undocs.org/fr/A/RES/73/11),\n"
        "1. *Décide* d’agir pour ce qui est\u00a0: a) de prévenir la criminalité à 23:20\u202f;\n"
        "2. *Prie* le Secrétaire général de faire rapport\u00a0!",
    ]}

    def trigger_for(self, ctx: Context) -> Trigger | None:
        # A finding is a mark without an accepted space just before it.
        style = ctx.option("style", "any-nbsp")
        if style not in STYLES:
            return None  # every part: the check reports the bad option
        groups: dict[str, str] = {}
        for mark in ";:!?":
            accepted = "".join(wanted_space(style, mark)[0])
            groups[accepted] = groups.get(accepted, "") + mark
        return Trigger("[;:!?]" + "".join(f"(?<![{accepted}][{marks}])" for accepted, marks in groups.items()))

    def check(self, part: Paragraph, ctx: Context) -> Iterator[Finding]:
        text = part.scan_text
        urls = url_spans(text)
        for m in iter_matches(_HIGH, text):
            i = m.start()
            mark = text[i]
            if i == 0 or inside(urls, i):
                continue
            prev = text[i - 1]
            nxt = text[i + 1:i + 2]
            if mark == ":" and (nxt == "/" or (prev.isdigit() and nxt.isdigit())):
                continue  # "https://", "23:20", "3:1"
            if prev in ";:!?([{/\\«\u201c\u2018-":
                continue  # "?!", "(!)", stacked marks (P101)
            if prev in _SPACE_CHARS:
                if i >= 2 and text[i - 2] in _SPACE_CHARS:
                    continue  # several spaces: P103
                if i >= 2 and not text[:i - 1].strip():
                    continue
                finding = _judge(ctx, part, i - 1, prev, mark, "before", i)
            else:
                finding = _judge(ctx, part, i, "", mark, "before", i)
            if finding is not None:
                yield finding


_GUILLEMET = lazy_pattern(r"[«»]")


class FrenchGuillemetSpacing(Rule):
    """French guillemets take a no-break space inside: « Coopération ».

    ## What it does
    Checks the character after « and before ». A no-break space (U+00A0, or U+202F) is
    right; a plain space is a warning; no space is an error. The fixes are safe and use the
    space the `style` option asks for (U+00A0 in `"any-nbsp"` and `"nnbsp"`, as
    LanguageTool suggests; U+00A0 in `"nbsp"`). Runs of several spaces are P103's.

    ## Why
    French quotation marks are set off by no-break spaces so that a guillemet never ends
    up alone at the start or end of a line. A/RES/75/10 quotes agenda item titles this
    way: « Coopération entre l’Organisation des Nations Unies et ... ».

    ## Example
    ```
    2. *Décide* d’inscrire la question intitulée «Coopération entre l’Organisation des Nations Unies et INTERPOL ».
    ```

    ## Use instead
    ```
    2. *Décide* d’inscrire la question intitulée « Coopération entre l’Organisation des Nations Unies et INTERPOL ».
    ```
    (with no-break spaces inside the guillemets)

    ## References
    - conventions.md FR-002.
    - LanguageTool FRENCH_WHITESPACE (no-break space inside guillemets).
    """

    code = "P202"
    name = "french-guillemet-spacing"
    summary = "French: a no-break space inside « »"
    scopes = _SCOPES
    languages = ("fr",)
    severity = Severity.ERROR
    fix = FixSafety.SAFE
    options = {"style": "any-nbsp"}
    option_choices = {"style": STYLES}
    bad_examples = {"fr": [
        "L’Assemblée générale,\n*Rappelant* sa résolution 73/11,\n1. *Décide* d’agir\u00a0;\n2. *Décide* d’inscrire la "
        "question intitulée «Coopération entre l’Organisation des Nations Unies et INTERPOL »."
    ]}
    good_examples = {"fr": [
        "L’Assemblée générale,\n*Rappelant* sa résolution 73/11,\n1. *Décide* d’agir\u00a0;\n2. *Décide* d’inscrire la "
        "question intitulée «\u00a0Coopération entre l’Organisation des Nations Unies et INTERPOL\u202f»."
    ]}

    trigger = Trigger.any_of("«»")

    def check(self, part: Paragraph, ctx: Context) -> Iterator[Finding]:
        text = part.scan_text
        if "«" not in text and "»" not in text:
            return  # nothing for _GUILLEMET to find
        for m in iter_matches(_GUILLEMET, text):
            i = m.start()
            mark = text[i]
            if mark == "«":
                if i + 1 >= len(text):
                    continue
                nxt = text[i + 1]
                if nxt in _SPACE_CHARS:
                    if i + 2 < len(text) and text[i + 2] in _SPACE_CHARS:
                        continue  # P103
                    finding = _judge(ctx, part, i + 1, nxt, mark, "after", i + 1)
                else:
                    finding = _judge(ctx, part, i + 1, "", mark, "after", i + 1)
            else:
                if i == 0:
                    continue
                prev = text[i - 1]
                if prev in _SPACE_CHARS:
                    if i >= 2 and text[i - 2] in _SPACE_CHARS:
                        continue  # P103
                    finding = _judge(ctx, part, i - 1, prev, mark, "before", i)
                else:
                    finding = _judge(ctx, part, i, "", mark, "before", i)
            if finding is not None:
                yield finding


@cache
def _elisions() -> frozenset[str]:
    return frozenset(w.casefold() for w in load_data("typography")["apostrophe"]["french_elisions"])


APOSTROPHE_POLICIES = ("typographic", "straight", "any")
_STRAIGHT = lazy_pattern(r"(?<=\p{L}[ \u00a0\u202f]?)'(?=[ \u00a0\u202f]?\p{L})", regex.V1)
_CURLY = lazy_pattern(r"(?<=\p{L}[ \u00a0\u202f]?)’(?=[ \u00a0\u202f]?\p{L})", regex.V1)


class FrenchApostrophe(Rule):
    """French text uses one kind of apostrophe: the typographic ’ by default.

    ## What it does
    With the default option `apostrophe = "typographic"`, finds straight apostrophes (')
    between letters ("l'Organisation") and offers a safe fix to the typographic one (’).
    `apostrophe = "straight"` does the reverse; `apostrophe = "any"` turns the check off.
    A straight quote that opens or closes a quotation (space on one side, letter on the
    other) is not an apostrophe and is left alone, unless it follows an elided word.

    ## Why
    United Nations French documents use the typographic apostrophe: the sample A/RES/75/10
    has 206 of them and no straight one. Mixing both breaks searches and comparisons.

    ## Example
    ```
    1. *Décide* d'agir dans l'intérêt de l’Organisation ;
    ```

    ## Use instead
    ```
    1. *Décide* d’agir dans l’intérêt de l’Organisation ;
    ```

    ## References
    - conventions.md FR-003.
    - LanguageTool APOS_TYP (typographic apostrophe, picky mode), issue #10963.
    """

    code = "P203"
    name = "french-apostrophe"
    summary = "French: typographic apostrophe ’ (configurable)"
    scopes = _SCOPES
    languages = ("fr",)
    severity = Severity.WARNING
    fix = FixSafety.SAFE
    options = {"apostrophe": "typographic"}
    option_choices = {"apostrophe": APOSTROPHE_POLICIES}
    bad_examples = {"fr": [
        "L’Assemblée générale,\n*Rappelant* sa résolution 73/11,\n1. *Décide* d'agir dans l'intérêt de l’Organisation\u00a0;"
    ]}
    good_examples = {"fr": [
        "L’Assemblée générale,\n*Rappelant* sa résolution 73/11,\n1. *Décide* d’agir dans l’intérêt de l’Organisation\u00a0;"
    ]}

    def trigger_for(self, ctx: Context) -> Trigger | None:
        policy = str(ctx.option("apostrophe", "typographic"))
        if policy not in ("typographic", "straight"):
            return None  # "any" checks nothing; a bad value is reported by the check
        return Trigger.any_of("'" if policy == "typographic" else "’")

    def check(self, part: Paragraph, ctx: Context) -> Iterator[Finding]:
        policy = str(ctx.option("apostrophe", "typographic"))
        if policy not in APOSTROPHE_POLICIES:
            raise ValueError(f"apostrophe must be one of {', '.join(APOSTROPHE_POLICIES)}, not {policy!r}")
        if policy == "any":
            return
        pattern, good, what = ((_STRAIGHT, "’", "straight_apostrophe") if policy == "typographic"
                               else (_CURLY, "'", "curly_apostrophe"))
        text = part.scan_text
        wrong = "’" if good == "'" else "'"  # the apostrophe the pattern looks for
        if wrong not in text:
            return
        for m in iter_matches(pattern, text):
            i = m.start()
            spaced_before = text[i - 1] in " \u00a0\u202f"
            spaced_after = text[i + 1] in " \u00a0\u202f"
            if spaced_before and spaced_after:
                continue
            if spaced_before or spaced_after:
                # "l 'Organisation": an apostrophe only after a short elided word.
                j = i - 1 if not spaced_before else i - 2
                k = j
                while k >= 0 and text[k].isalpha():
                    k -= 1
                if text[k + 1:j + 1].casefold() not in _elisions():
                    continue
            word_start = i - 1
            while word_start > 0 and text[word_start - 1].isalpha():
                word_start -= 1
            fix = ctx.replace(part, i, i + 1, good, f"use {good!r}")
            yield ctx.finding(part, ctx.say("P203.apostrophe", what=ctx.word(what), word=text[word_start:i + 1],
                                            good=good),
                              i, i + 1, fix=fix)
