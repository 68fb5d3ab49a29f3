"""Wording rules (W): slips found in real drafts, in English and French.

A word typed twice ("the the"), one Security Council resolution cited with two years, a
document symbol after "resolution" in footnotes and titles, "2529(2020)" without its space,
the text Word shows for a broken cross-reference, and a session ordinal that is no ordinal
of the language ("deuxiéme", "cent-unième"). Citations, symbols, dates and ordinals are read
with the helpers of :mod:`resolint.rules.citations` and :mod:`resolint.rules.symbols`; the
vocabulary is in ``data/wording.toml``.
"""
from __future__ import annotations

import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from typing import Any

import regex

from resolint.findings import Finding, FixSafety, Severity
from resolint.model import Kind, Paragraph, Resolution, Scope
from resolint.rule import Context, Rule, iter_matches, lazy_pattern
from resolint.trigger import Trigger

from ._helpers import EVERY_TEXT_SCOPE, casefolded, load_data, has_any, occurrences, words_trigger
from .citations import SessionOrdinal, date_data, ordinal_words, part_citations
from .symbols import Symbol, symbols_in

_SP = "[ \u00a0\u202f]"
_SP_CHARS = " \u00a0\u202f"
_TEXT_SCOPES = (Scope.TITLE, Scope.PREAMBLE, Scope.OPERATIVE, Scope.SUBPARAGRAPH, Scope.FOOTNOTE)
#: Body parts read for citations, in the order of ``citations.document_citations``.
_BODY = (Kind.TITLE, Kind.PREAMBLE, Kind.OPERATIVE, Kind.SUBPARAGRAPH)


def _alternation(words: list[str]) -> str:
    return "|".join(regex.escape(w) for w in sorted(set(words), key=len, reverse=True))


def _plain(text: str) -> str:
    """``text`` with no-break spaces as plain spaces."""
    return text.replace("\u00a0", " ").replace("\u202f", " ")


# ----------------------------------------------------------------------------- W101


@cache
def _allowed_repeats(language: str) -> frozenset[str]:
    data = load_data("wording")["repeated_word"]
    pairs = list(data.get("names", [])) + list(data.get(language, {}).get("allowed", []))
    return frozenset(" ".join(p.split()).casefold() for p in pairs)


#: A word of letters, then one space, then the same word (case-insensitively); neither glued
#: to a letter, figure, apostrophe or hyphen ("l’un l’un", "well well-being" are not repeats).
_REPEAT = lazy_pattern(r"(?<![\p{L}\p{M}\p{N}_’'\-])(?P<first>\p{L}+)[ \u00a0](?P<second>(?P=first))"
                       r"(?![\p{L}\p{M}\p{N}_’'\-])", regex.IGNORECASE | regex.V1)


class RepeatedWord(Rule):
    """A word is not written twice in a row: "the the", "de de", "General General Assembly".

    ## What it does
    Reports a word written twice in a row with one space between ("the the", "de de",
    "General General Assembly"), whatever the capitals. Figures ("paragraphs 10 10") are
    not words here, nor are words in capitals ("annex A A/76/3", the column headings
    "DATE | DATE RECEIVED" of a table read as one line), and words glued to an apostrophe
    or a hyphen ("l’un l’autre", "Baden-Baden") are not read as repeats. Grammatical repetitions ("that that", "had
    had", "nous nous", "vous vous") and names ("Bora Bora", "Pago Pago") are allowed, from
    the lists in `data/wording.toml`. The fix (unsafe: read the sentence) deletes the
    second word.

    ## Why
    A repeated word is a typing or editing slip (a word retyped after a line break, a
    deletion that kept one word too many); spelling checkers in drafting rooms are often
    off, and the slip survives into the issued text ("the the International Atomic Energy
    Agency", S/RES/707 (1991)).

    ## Example
    ```
    1. *Requests* the the Secretary-General to report to the General General Assembly.
    ```

    ## Use instead
    ```
    1. *Requests* the Secretary-General to report to the General Assembly.
    ```

    ## References
    - observed: S/RES/548 (1984), footnote 56; S/RES/707 (1991), OP 3.
    """

    code = "W101"
    name = "repeated-word"
    summary = "No word written twice in a row ('the the', 'de de')"
    scopes = EVERY_TEXT_SCOPE
    severity = Severity.WARNING
    fix = FixSafety.UNSAFE
    #: Every repeat is two equal words around a space or a no-break space, in the case-folded
    #: text other rules join too; possessive: no retries within a word.
    trigger = Trigger("\\b(\\w++)[ \u00a0\u202f]\\1\\b", folded=True)
    bad_examples = {
        "en": ["The General Assembly,\n1. *Requests* the the Secretary-General to report to the General "
               "General Assembly."],
        "fr": ["L’Assemblée générale,\n1. *Prie* le Secrétaire général de de lui faire rapport."],
    }
    good_examples = {
        "en": ["The General Assembly,\n*Recognizing* that that approach has been followed in paragraphs 10 10 "
               "and in Bora Bora and Baden-Baden,\n1. *Notes* that States had had the opportunity."],
        "fr": ["L’Assemblée générale,\n*Convaincue* que les États doivent s’aider l’un l’autre,\n"
               "1. *Déclare* : « nous nous félicitons » et « vous vous engagez » à Bora Bora."],
    }

    def check(self, part: Paragraph, ctx: Context) -> Iterator[Finding]:
        allowed = _allowed_repeats(ctx.language)
        for m in iter_matches(_REPEAT, part.scan_text):
            first, second = m.group("first"), m.group("second")
            if f"{first} {second}".casefold() in allowed:
                continue
            if first.isupper() and second.isupper():
                continue  # "annex A A/76/3", "REGISTRATION DATE | DATE RECEIVED": labels and headings
            fix = ctx.replace(part, m.end("first"), m.end(), "", f"delete the second {second!r}")
            yield ctx.finding(part, ctx.say("W101.twice", word=second), m.start(), m.end(), fix=fix)


# ----------------------------------------------------------------------------- W102 / W104


@dataclass
class _Numbered:
    """A Security Council resolution number with its year, cited or in a symbol."""

    part: Paragraph
    start: int
    end: int
    organ: str
    number: str
    year: int
    decision: bool = False


#: A number and its year in parentheses, with or without the space, not inside a symbol.
_YEAR_ITEM = lazy_pattern(rf"(?<![\p{{L}}\p{{N}}/.\-])\d{{1,4}}(?P<sp>{_SP}?)(?P<paren>\()(?P<y>\d{{4}})\)")
#: "resolution" or "résolutions" and the spaces after it.
_KEYWORD_THEN = lazy_pattern(rf"r[ée]solutions?{_SP}+", regex.IGNORECASE | regex.V1)
#: What may stand between two items of a list: a date (its year may be left for the last
#: item), then a comma or "and" / "et".
_LIST_GAP = lazy_pattern(
    rf"(?:{_SP}*,?{_SP}*(?:of|dated|du|en{_SP}+date{_SP}+du){_SP}+\d{{1,2}}(?:er)?{_SP}+\p{{L}}+\.?"
    rf"(?:,?{_SP}+\d{{4}})?)?(?:{_SP}*,{_SP}*(?:(?:and|et){_SP}+)?|{_SP}+(?:and|et){_SP}+)",
    regex.IGNORECASE | regex.V1)
#: The words a resolution citation starts with, case-folded.
_RESOLUTION_WORDS = ("resolution", "résolution")
_SC_NUMBER = lazy_pattern(rf"(?P<n>\d{{1,4}})(?P<sp>{_SP}?)\((?P<y>\d{{4}})\)")
_PAREN_YEAR = lazy_pattern(rf"(?P<sp>{_SP}?)\((?P<y>\d{{4}})\)")


def _sc_symbol_year(sym: Symbol) -> tuple[str, int] | None:
    """("2334", 2016) for "S/RES/2334 (2016)"; None for other symbols."""
    if sym.resolution_series != "S/RES" or len(sym.parts) != 2 or not sym.parts[1].isdigit():
        return None
    pm = _PAREN_YEAR.fullmatch(sym.paren) if sym.paren else None
    return (sym.parts[1], int(pm.group("y"))) if pm else None


def _numbered_in(doc: Resolution, part: Paragraph, language: str) -> list[_Numbered]:
    """Security Council numbers with a year in ``part``: "resolution 2334 (2016)", "S/RES/2334 (2016)"."""
    out: list[_Numbered] = []
    text = part.scan_text
    for c in part_citations(doc, part, language):
        if c.form != "sc":
            continue
        m = _SC_NUMBER.fullmatch(text, c.start, c.end)
        if m is not None:
            out.append(_Numbered(part, c.start, c.end, c.organ_code, m.group("n"), int(m.group("y")), c.decision))
    for sym in symbols_in(text):
        found = _sc_symbol_year(sym)
        if found is not None:
            out.append(_Numbered(part, sym.start, sym.end, "SC", found[0], found[1]))
    return sorted(out, key=lambda n: n.start)


class ResolutionYearConsistency(Rule):
    """One Security Council resolution, one year: not "2334 (2016)" here and "2334 (2017)" there.

    ## What it does
    Reads every citation of a resolution with its year in parentheses ("resolution 2334
    (2016)", "résolutions 1267 (1999) et 1989 (2011)") and every Security Council
    resolution symbol with its year ("S/RES/2334 (2016)"), in the text and the footnotes,
    and reports a later one that gives the same number another year, naming where the
    first year was given. Resolutions of other organs ("Human Rights Council resolution
    5/1") and numbers without a year are not concerned; two different dates for one
    resolution are C102's.

    ## Why
    A Security Council resolution has one number and one year; "2334 (2017)" after
    "2334 (2016)" is a slip that sends one of the two readers to a resolution that does not
    exist (the number of 2017 is not 2334).

    ## Example
    ```
    *Recalling* its resolution 2334 (2016),
    1. *Demands* the full implementation of resolution 2334 (2017);
    ```

    ## Use instead
    ```
    *Recalling* its resolution 2334 (2016),
    1. *Demands* the full implementation of resolution 2334 (2016);
    ```

    ## References
    - Dag Hammarskjöld Library research guide, Security Council resolutions (number and year).
    - conventions.md CIT-003.
    """

    code = "W102"
    name = "resolution-year-consistency"
    summary = "One Security Council resolution, one year across the document"
    scopes = (Scope.DOCUMENT,)
    languages = ("en", "fr")
    severity = Severity.ERROR
    bad_examples = {
        "en": ["The Security Council,\n*Recalling* its resolution 2334 (2016),\n"
               "1. *Demands* the full implementation of resolution 2334 (2017)."],
        "fr": ["Le Conseil de sécurité,\n*Rappelant* sa résolution 1373 (2001),\n"
               "1. *Décide* d’agir^[Voir S/RES/1373 (2002).]."],
    }
    good_examples = {
        "en": ["The Security Council,\n*Recalling* its resolutions 2334 (2016) and 1373 (2001),\n"
               "1. *Demands* the full implementation of resolution 2334 (2016).^[S/RES/2334 (2016).]"],
        "fr": ["Le Conseil de sécurité,\n*Rappelant* ses résolutions 1267 (1999) et 1989 (2011),\n"
               "1. *Décide* d’appliquer la résolution 1267 (1999)^[S/RES/1267 (1999).]."],
    }

    def check_document(self, doc: Resolution, ctx: Context) -> Iterator[Finding]:
        parts = [p for p in doc.paragraphs if p.kind in _BODY] + doc.footnote_paragraphs()
        first: dict[tuple[str, str, bool], _Numbered] = {}
        for part in parts:
            for n in _numbered_in(doc, part, ctx.language):
                key = (n.organ, n.number, n.decision)
                seen = first.get(key)
                if seen is None:
                    first[key] = n
                elif seen.year != n.year:
                    where = seen.part.label or f"¶{seen.part.index}"
                    what = ctx.say("word.sc_resolution_n" if n.organ == "SC" else "word.resolution_n", number=n.number)
                    yield ctx.finding(part, ctx.say("W102.year", what=what, year=n.year, other=seen.year, where=where),
                                      n.start, n.end)


class SpaceBeforeYear(Rule):
    """A space between a resolution number and its year: "2529 (2020)", not "2529(2020)".

    ## What it does
    Reports a cited resolution number followed directly by its year in parentheses, with
    no space ("resolution 1373(2001)", "resolutions 1267 (1999) and 1989(2011)"), and a
    Security Council resolution symbol written the same way ("S/RES/2334(2016)"). Only
    years from 1946 to 2100 count, and only numbers that follow "resolution" or
    "résolution", alone or further down a list ("resolutions 209 (1965) of 4 September,
    210(1965) of 6 September"), with no semicolon between: "paragraph 4(2001)" or a year
    glued to a symbol other than a resolution's is not reported. The fix inserts the space.

    ## Why
    Security Council resolutions are cited "resolution 2529 (2020)" and their symbols are
    "S/RES/2529 (2020)", with a space (Dag Hammarskjöld Library). The missing space also
    splits the citation badly at the end of a line and defeats searches.

    ## Example
    ```
    *Recalling* its resolution 2529(2020),
    ```

    ## Use instead
    ```
    *Recalling* its resolution 2529 (2020),
    ```

    ## References
    - Dag Hammarskjöld Library research guide, Security Council resolutions.
    - conventions.md CIT-003.
    """

    code = "W104"
    name = "space-before-year"
    summary = "A space before a resolution's year: '2529 (2020)'"
    scopes = _TEXT_SCOPES
    languages = ("en", "fr")
    severity = Severity.ERROR
    fix = FixSafety.SAFE
    trigger = Trigger.any_of(tuple(f"{d}(" for d in "0123456789"))  # a figure glued to "(": found in C
    bad_examples = {
        "en": ["The Security Council,\n*Recalling* its resolution 1373(2001),\n1. *Decides* to act."],
        "fr": ["Le Conseil de sécurité,\n*Rappelant* ses résolutions 1267 (1999) et 2529(2020),\n"
               "1. *Décide* d’agir^[S/RES/2529(2020).]."],
    }
    good_examples = {
        "en": ["The Security Council,\n*Recalling* its resolution 1373 (2001) and paragraph 4(1999) of its "
               "report,\n1. *Decides* to act.^[S/RES/1373 (2001).]"],
        "fr": ["Le Conseil de sécurité,\n*Rappelant* ses résolutions 1267 (1999) et 2529 (2020) et la "
               "résolution 217(III) de l’Assemblée générale,\n1. *Décide* d’agir."],
    }

    def check(self, part: Paragraph, ctx: Context) -> Iterator[Finding]:
        text = part.scan_text
        found: list[tuple[int, int, int]] = []  # start, end, where the "(" is
        for n in _numbered_in(ctx.doc, part, ctx.language):
            m = _PAREN_YEAR.search(text, n.start, n.end)
            if m is not None and not m.group("sp") and 1946 <= n.year <= 2100:
                found.append((n.start, n.end, m.start()))
        found.extend(self._in_lists(text, {s for s, _e, _a in found}))
        for start, end, at in sorted(found):
            written = text[start:end]
            fix = ctx.replace(part, at, at, " ", "insert a space before the year")
            good = written[:at - start] + " " + written[at - start:]
            yield ctx.finding(part, ctx.say("W104.space", written=written, good=good), start, end, fix=fix)

    @staticmethod
    def _in_lists(text: str, known: set[int]) -> Iterator[tuple[int, int, int]]:
        """Numbers glued to a year further down a list than the citation reader reads:
        "resolutions 209 (1965) of 4 September, 210(1965) of 6 September" (a date without
        its year ends the reader's list). From a "resolution" keyword, items "N (year)"
        are followed as long as only a date and a comma or "and" stand between them."""
        folded = casefolded(text)
        if folded is None or len(folded) != len(text):
            return
        for k in occurrences(folded, _RESOLUTION_WORDS):
            km = _KEYWORD_THEN.match(text, k)
            if km is None or (k and text[k - 1].isalpha()):
                continue
            pos = km.end()
            while (m := _YEAR_ITEM.match(text, pos)) is not None:
                if not m.group("sp") and m.start() not in known and 1946 <= int(m.group("y")) <= 2100:
                    known.add(m.start())
                    yield m.start(), m.end(), m.start("paren")
                gap = _LIST_GAP.match(text, m.end())
                if gap is None:
                    break
                pos = gap.end()


# ----------------------------------------------------------------------------- W103


@cache
def _resolution_keyword() -> tuple[Any, Any]:
    """A keyword ending just before a symbol, and a draft word ending just before that keyword."""
    data = load_data("wording")["resolution_symbol"]
    kw = lazy_pattern(rf"(?<![\p{{L}}])(?:{_alternation(data['keywords'])}){_SP}+$", regex.IGNORECASE | regex.V1)
    drafts = [_SP.join(regex.escape(w) for w in d.split()) for d in data["draft_words"]]
    draft = lazy_pattern(rf"(?<![\p{{L}}])(?:{'|'.join(drafts)}){_SP}+$", regex.IGNORECASE | regex.V1)
    return kw, draft


def _number_of(sym: Symbol) -> str | None:
    """The resolution number a symbol after "resolution" stands for, when it is clear.

    A resolution symbol gives its number ("A/RES/75/10" -> "75/10", "S/RES/2334 (2016)" ->
    "2334 (2016)"). A document symbol built like a resolution number gives that number:
    "A/76/3" -> "76/3", "A/HRC/46/3" -> "46/3", "E/2019/19" -> "2019/19". Others (reports
    with "L.", "Add.", "Corr." components, "S/2017/444") are not read as resolutions.
    """
    if sym.resolution_series is not None:
        return sym.short_number() if len(sym.parts) > sym.resolution_series.count("/") else None
    if sym.paren:
        return None
    parts = sym.parts
    if sym.series == "A" and len(parts) == 2 and all(p.isdigit() for p in parts):
        return "/".join(parts)
    if sym.series == "A" and len(parts) == 3 and parts[0] == "HRC" and parts[1].isdigit() and parts[2].isdigit():
        return "/".join(parts[1:])
    if sym.series == "E" and len(parts) == 2 and len(parts[0]) == 4 and all(p.isdigit() for p in parts):
        return "/".join(parts)
    return None


class SymbolAfterResolution(Rule):
    """After "resolution", the resolution number, not a document symbol: "resolution 76/3".

    ## What it does
    Reports a document symbol written directly after "resolution" or "résolution" where
    the resolution number belongs: a document symbol built like the number ("General
    Assembly resolution A/76/3", "A/HRC/46/3", "E/2019/19") anywhere, and in titles and
    footnotes also a resolution symbol ("résolution A/RES/75/10", "resolution S/RES/2334
    (2016)"); in the preamble and operative part resolution symbols are reported by D103
    (symbol-in-running-text). The fix (unsafe: check which text is meant) keeps the number:
    "resolution 76/3", "résolution 75/10", "resolution 2334 (2016)". "Draft resolution
    A/C.3/75/L.10" and "projet de résolution A/76/L.3" are right and never reported, nor
    are symbols with "L.", "Add." or "Corr." components or other series ("S/2017/444").

    ## Why
    Resolutions are cited by number after the word "resolution", in the text and in
    footnotes ("Resolution 60/288."); a symbol after the word names the document that
    carries the resolution, and "A/76/3" is another document altogether (a report).

    ## Example
    ```
    1. *Takes note* of the report.^[See General Assembly resolution A/76/3.]
    ```

    ## Use instead
    ```
    1. *Takes note* of the report.^[See General Assembly resolution 76/3.]
    ```

    ## References
    - UN Editorial Manual, Footnotes (citation of resolutions).
    - conventions.md CIT-004.
    """

    code = "W103"
    name = "symbol-after-resolution"
    summary = "After 'resolution', its number ('76/3'), not a document symbol ('A/76/3')"
    scopes = _TEXT_SCOPES
    severity = Severity.WARNING
    fix = FixSafety.UNSAFE
    trigger = Trigger.any_of("/")
    bad_examples = {
        "en": ["The General Assembly,\n*Recalling* its resolution A/76/3,\n"
               "1. *Takes note* of the report.^[See General Assembly resolution A/76/3.]"],
        "fr": ["L’Assemblée générale,\n1. *Rappelle* la Stratégie^[Résolution A/RES/60/288.]."],
    }
    good_examples = {
        "en": ["The General Assembly,\n1. *Takes note* of the report.^[See resolution 76/3, draft resolution "
               "A/C.3/75/L.10 and A/76/3.]"],
        "fr": ["L’Assemblée générale,\n1. *Rappelle* la Stratégie^[Résolution 60/288 ; voir le projet de "
               "résolution A/76/L.3 et A/RES/60/288.]."],
    }

    def check(self, part: Paragraph, ctx: Context) -> Iterator[Finding]:
        text = part.scan_text
        kw, draft = _resolution_keyword()
        # D103's scopes. (Footnote parts are not told apart by their kind: the loader leaves
        # them the kind of their last run.)
        body = part.kind in (Kind.PREAMBLE, Kind.OPERATIVE, Kind.SUBPARAGRAPH)
        for sym in symbols_in(text):
            number = _number_of(sym)
            if number is None or (body and sym.resolution_series is not None):
                continue  # a resolution symbol in the body: D103's
            before = text[max(0, sym.start - 40):sym.start]
            km = kw.search(before)
            if km is None or draft.search(before, 0, km.start()):
                continue
            fix = ctx.replace(part, sym.start, sym.end, number, f"write {number!r}")
            yield ctx.finding(part, ctx.say("W103.number", number=number, written=sym.written),
                              sym.start, sym.end, fix=fix)


# ----------------------------------------------------------------------------- W105


def _error_pattern_source(message: str) -> str:
    """A pattern for one error text: any spaces (or none) around "!" and ":", any space
    between words (no-break too), the final full stop optional."""
    text = message.strip()
    stop = text.endswith(".")
    if stop:
        text = text[:-1]
    out = []
    for piece in regex.split(r"(\s*[!:]\s*|\s+)", text):
        if not piece:
            continue
        mark = piece.strip()
        if mark in ("!", ":"):
            out.append(f"{_SP}*{regex.escape(mark)}{_SP}*")
        elif not mark:
            out.append(f"{_SP}+")
        else:
            out.append(regex.escape(piece))
    return "".join(out) + (r"\.?" if stop else "")


@cache
def _broken_reference() -> tuple[Any, Trigger]:
    """The pattern of every language's error texts, and a trigger on their wording."""
    data = load_data("wording")["broken_reference"]
    messages = [m for lang in sorted(data) for m in data[lang]]
    pattern = lazy_pattern("|".join(f"(?:{_error_pattern_source(m)})" for m in messages),
                           regex.IGNORECASE | regex.V1)
    # What follows "!" or ":" ("Reference source not found"), folded: in every error text.
    needles = [regex.split(r"[!:]", m, maxsplit=1)[-1].strip().rstrip(".") for m in messages]
    return pattern, Trigger.any_of(needles, folded=True, plain_spaces=True)


class BrokenReference(Rule):
    """No "Error! Reference source not found." where a cross-reference should be.

    ## What it does
    Reports the text Word or LibreOffice shows in place of a cross-reference whose target
    (a bookmark, a footnote, a numbered paragraph) was deleted: "Error! Reference source not
    found.", "Error! Bookmark not defined.", "Error: Reference source not found", and in
    French "Erreur ! Source du renvoi introuvable.", "Erreur ! Signet non défini.", with or
    without the space before "!" and with no-break spaces. Every language's texts are looked
    for in every draft (a French draft edited in an English Word shows the English text), in
    every paragraph: text, footnotes, annexes, tables, and the results of NOTEREF fields.
    There is no fix: the reference must be made again.

    ## Why
    The error text is what the field shows after its target is gone; it prints as it is
    and, after fields are updated, it replaces the paragraph or footnote number the reader
    needs. F101 (footnote-integrity) also reports a NOTEREF whose bookmark is missing; this
    rule reports the text a reader sees, wherever it is.

    ## Example
    ```
    1. *Recalls* paragraph Error! Reference source not found. above;
    ```

    ## Use instead
    ```
    1. *Recalls* paragraph 4 above;
    ```

    ## References
    - Microsoft Support, "Error! Reference source not found" (cross-reference fields).
    - observed in drafts exchanged between delegations.
    """

    code = "W105"
    name = "broken-reference"
    summary = "No 'Error! Reference source not found.' in the text"
    scopes = (Scope.DOCUMENT,)
    severity = Severity.ERROR
    bad_examples = {
        "en": ["The General Assembly,\n1. *Recalls* paragraph Error! Reference source not found. above."],
        "fr": ["L’Assemblée générale,\n1. *Rappelle* le paragraphe Erreur ! Source du renvoi introuvable. "
               "ci-dessus et la note Error! Bookmark not defined."],
    }
    good_examples = {
        "en": ["The General Assembly,\n*Noting* that an error in the reference source was not found,\n"
               "1. *Recalls* paragraph 4 above."],
        "fr": ["L’Assemblée générale,\n*Notant* qu’aucune erreur n’a été trouvée et que la source du renvoi est "
               "connue,\n1. *Rappelle* le paragraphe 4 ci-dessus."],
    }

    def check_document(self, doc: Resolution, ctx: Context) -> Iterator[Finding]:
        pattern, trigger = _broken_reference()
        parts = doc.all_parts()
        # The trigger reads the text with footnote marks masked, and a NOTEREF result is a mark:
        # parts with one are read too.
        chosen = {id(p) for p in ctx.matching("wording.all-parts", parts, trigger)}
        for part in parts:
            if id(part) not in chosen and not any(r.via_noteref for r in part.footnote_refs):
                continue
            for m in iter_matches(pattern, part.text):
                yield ctx.finding(part, ctx.say("W105.broken", shown=m.group(0)),
                                  m.start(), m.end())


# ----------------------------------------------------------------------------- W106


def _fold(word: str) -> str:
    """A word case-folded and without accents ("Deuxiéme" -> "deuxieme")."""
    decomposed = unicodedata.normalize("NFD", word.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


_WORD_SPLIT = lazy_pattern(rf"(?:-|{_SP})+")


@cache
def ordinal_forms(language: str) -> dict[int, tuple[str, ...]]:
    """The written ordinals 1 to 199 of ``language``, the house form first.

    1 to 99 are :func:`~resolint.rules.citations.ordinal_words` (with "premier" and
    "second(e)" in French); 100 to 199 add the words of ``wording.toml``: "one hundredth",
    "one hundred and first" (or "one hundred first"), "centième", "cent unième", "cent
    vingt et unième", "cent quatre-vingt-unième".
    """
    base = ordinal_words(language)
    data = load_data("wording").get("ordinals", {}).get(language)
    if not base or not data:
        return {}
    ordinals = date_data()[language]["ordinals"]
    out: dict[int, tuple[str, ...]] = {n: (w,) for n, w in base.items()}
    if language == "fr":
        out[1] = (base[1],) + tuple(w for w in ordinals.get("first", []) if w != base[1])
        out[2] = (base[2],) + tuple(ordinals.get("second_alternatives", []))
    out[100] = tuple(data["hundredth"])
    one = data.get("one")
    for n in range(1, 100):
        tail = one if n == 1 and one else base[n]
        out[100 + n] = tuple(f"{prefix} {tail}" for prefix in data["prefixes"])
    return out


@dataclass(frozen=True)
class _Ordinals:
    valid: frozenset[str]  # every form, case-folded
    by_key: dict[str, tuple[str, ...]]  # key (folded words without accents or connectors) -> forms
    vocab: frozenset[str]  # every word of a form, folded without accents
    connectors: frozenset[str]  # "and", "et"


@cache
def _ordinals(language: str) -> _Ordinals:
    forms = ordinal_forms(language)
    connectors = frozenset(_fold(c) for c in load_data("wording")["ordinals"][language].get("connectors", []))
    number_of: dict[str, int | None] = {}
    by_key: dict[str, list[str]] = {}
    vocab: set[str] = set()
    for n, written in forms.items():
        for form in written:
            words = [w for w in _WORD_SPLIT.split(form) if w]
            vocab.update(_fold(w) for w in words)
            key = "".join(_fold(w) for w in words if _fold(w) not in connectors)
            if number_of.get(key, n) != n:
                number_of[key] = None  # two numbers read alike: say nothing
            else:
                number_of[key] = n
            by_key.setdefault(key, []).append(form)
    keys = {k: tuple(v) for k, v in by_key.items() if number_of[k] is not None}
    data = load_data("wording")["ordinals"][language]
    for wrong in data.get("one_mistakes", []):  # "cent première": read as 101, never valid
        for prefix in data["prefixes"]:
            key = "".join(_fold(w) for w in _WORD_SPLIT.split(f"{prefix} {wrong}") if w and _fold(w) not in connectors)
            keys.setdefault(key, forms[101])
    valid = frozenset(f.casefold() for written in forms.values() for f in written)
    return _Ordinals(valid, keys, frozenset(vocab), connectors)


_LETTERS = lazy_pattern(r"[\p{L}\p{M}]+")


def _ordinal_before(text: str, end: int, ords: _Ordinals) -> tuple[int, list[str]] | None:
    """The words of ordinals' vocabulary that end at ``end`` joined by hyphens or spaces.

    Returns their start and the words (without leading connectors), or None when there are
    none or when they are glued to another word ("x-deuxième", "l’unième").
    """
    lo = max(0, end - 160)
    found = [(m.start(), m.end()) for m in _LETTERS.finditer(text, lo, end)]
    if not found or found[-1][1] != end:
        return None
    kept: list[tuple[int, int]] = []
    for s, e in reversed(found):
        if _fold(text[s:e]) not in ords.vocab:
            break
        if kept:
            gap = text[e:kept[-1][0]]
            if gap != "-" and (not gap or gap.strip(_SP_CHARS)):
                break  # a hyphen alone or spaces alone: "Twenty- seventh" is P105's
        kept.append((s, e))
    if not kept:
        return None
    kept.reverse()
    while kept and _fold(text[kept[0][0]:kept[0][1]]) in ords.connectors:
        kept.pop(0)
    if not kept:
        return None
    start = kept[0][0]
    if start > 0 and not (text[start - 1] in _SP_CHARS or text[start - 1] in "(«“\"\n\t\ufffc"):
        return None  # glued to something the vocabulary does not know
    return start, [text[s:e] for s, e in kept]


class OrdinalSpelling(Rule):
    """A session ordinal is an ordinal of the language: "deuxième", not "deuxiéme".

    ## What it does
    Reads the ordinal written in words before "session" and checks it against every valid
    ordinal from 1st to 199th, generated from the number words of `dates.toml` and
    `wording.toml`: English "seventy-seventh", "one hundred and first"; French
    "soixante-dix-septième", "vingt et unième", "soixante et onzième",
    "quatre-vingt-unième" (no "et" for 81 and 91), "centième", "cent unième". It reports what
    C106 (session-ordinal) does not: accents ("deuxiéme", "troisiême", "premiere") and
    ordinals over 99 ("cent-unième", "one-hundred-and-first"), and any invalid ordinal in
    the masthead above the title ("Soixante-dix septième session"), which C106 does not
    read. In the title, text and footnotes, spacing and hyphens of ordinals 1 to 99 with
    right accents ("seventy seventh", "soixante-dix septième") are C106's findings and not
    repeated here. Words that read as no single ordinal ("première
    et deuxième") and cardinals are not reported. The fix (unsafe) writes the valid form.

    ## Why
    Resolutions spell out session numbers ("à sa soixante-dix-septième session"); an
    accent typed on the wrong side or a compound cut in two is a spelling error in the
    most visible words of a title or a request to report. UN French keeps the traditional
    spelling: "vingt et unième", "cent unième".

    ## Example
    ```
    1. *Décide* d’inscrire la question à l’ordre du jour de sa soixante-deuxiéme session.
    ```

    ## Use instead
    ```
    1. *Décide* d’inscrire la question à l’ordre du jour de sa soixante-deuxième session.
    ```

    ## References
    - Académie française, Dictionnaire (nombres ordinaux); UN French "soixante et unième session".
    - conventions.md SES-001.
    """

    code = "W106"
    name = "ordinal-spelling"
    summary = "Session ordinals are valid ordinals of the language (accents, over 99, masthead)"
    scopes = (Scope.DOCUMENT,)
    languages = ("en", "fr")
    severity = Severity.WARNING
    fix = FixSafety.UNSAFE
    bad_examples = {
        "en": ["The General Assembly,\n1. *Requests* the Executive Board to report at its one-hundred-and-first "
               "session."],
        "fr": ["L’Assemblée générale,\n1. *Décide* d’inscrire la question à l’ordre du jour de sa "
               "soixante-deuxiéme session et de sa troisiême session extraordinaire."],
    }
    good_examples = {
        "en": ["The General Assembly,\n*Recalling* its first and second session and the hundredth session,\n"
               "1. *Requests* the Board to report at its one hundred and first session and its one hundred "
               "twenty-first session."],
        "fr": ["L’Assemblée générale,\n*Rappelant* sa première et deuxième session et sa soixante et onzième "
               "session,\n1. *Décide* de se réunir à sa quatre-vingt-unième session, à la cent unième session "
               "et à la cent vingt et unième session."],
    }

    @staticmethod
    @cache
    def _session(language: str) -> Any:
        data = date_data()[language]
        quals = data.get("session_qualifiers", [])
        qual = rf"(?:(?:{_alternation(quals)}){_SP}+)?" if quals else ""
        return lazy_pattern(rf"{_SP}+{qual}{regex.escape(data['session_word'])}(?![\p{{L}}])",
                            regex.IGNORECASE | regex.V1)

    def check_document(self, doc: Resolution, ctx: Context) -> Iterator[Finding]:
        lang = ctx.language
        session = date_data()[lang]["session_word"]
        preface = doc.by_kind(Kind.PREFACE)
        parts = preface + doc.by_kind(*_BODY) + doc.footnote_paragraphs()
        masthead = {id(p) for p in preface}
        for part in ctx.matching("wording.ordinals", parts, words_trigger((session,))):
            yield from self._check_part(part, ctx, id(part) not in masthead)

    def _check_part(self, part: Paragraph, ctx: Context, defer: bool) -> Iterator[Finding]:
        """The findings in one part; with ``defer``, none where C106 reports (its scopes)."""
        lang = ctx.language
        text = part.scan_text
        if not has_any(casefolded(text), (date_data()[lang]["session_word"].casefold(),)):
            return
        ords = _ordinals(lang)
        if not ords.valid:
            return
        c106: list[tuple[int, int]] | None = None
        for m in iter_matches(self._session(lang), text):
            found = _ordinal_before(text, m.start(), ords)
            if found is None:
                continue
            start, words = found
            got = text[start:m.start()]
            if _plain(got).casefold() in ords.valid:
                continue
            key = "".join(_fold(w) for w in words if _fold(w) not in ords.connectors)
            forms = ords.by_key.get(key)
            if not forms:
                continue  # no single ordinal: nothing sure to say
            if defer:
                if c106 is None:
                    c106 = [(f.start, f.end) for f in SessionOrdinal().check(part, ctx)]
                if any(s < m.start() and start < e for s, e in c106):
                    continue  # C106 reports it
            joined = any(_fold(w) in ords.connectors for w in words)
            right = next((f for f in forms if any(_fold(w) in ords.connectors for w in _WORD_SPLIT.split(f))
                          == joined), forms[0])
            if got[:1].isupper():
                right = right[:1].upper() + right[1:]
            fix = ctx.replace(part, start, m.start(), right, f"write {right!r}")
            yield ctx.finding(part, ctx.say("W106.ordinal", got=got, right=right), start, m.start(), fix=fix)
