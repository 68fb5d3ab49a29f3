"""Citation and date rules (C): resolutions cited with their dates, dates in house form, session ordinals.

The helpers here read citations the way a reader does: a keyword ("resolution",
"résolutions", "decision"...) followed by one or more numbers, each with an optional date
("of 26 November 2018", "du 15 octobre 1996") or a date shared by the group
("résolutions 2019/19 et 2019/20 du Conseil économique et social, en date du 23 juillet 2019").
"""
from __future__ import annotations

import calendar
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache
from typing import Any

import regex

from resolint.findings import Finding, FixSafety, Severity
from resolint.model import Kind, Paragraph, Resolution, Scope
from resolint.rule import Context, Rule, iter_matches, lazy_pattern

from resolint.trigger import Trigger

from ._helpers import anchored_matches, casefolded, convention, has_any, load_data, memo, occurrences, word_led_matches, words_trigger

_SP = "[ \u00a0\u202f]"
_BODY = (Kind.TITLE, Kind.PREAMBLE, Kind.OPERATIVE, Kind.SUBPARAGRAPH)
_TEXT_SCOPES = (Scope.TITLE, Scope.PREAMBLE, Scope.OPERATIVE, Scope.SUBPARAGRAPH, Scope.FOOTNOTE)


def date_data() -> dict[str, Any]:
    return load_data("dates")


def _alternation(words: list[str]) -> str:
    return "|".join(regex.escape(w) for w in sorted(set(words), key=len, reverse=True))


# ----------------------------------------------------------------------------- ordinals


@cache
def ordinal_words(language: str) -> dict[int, str]:
    """Ordinal words 1..99 for sessions, built from the number words of ``dates.toml``.

    English: "first" ... "seventy-seventh"; French (traditional spelling, feminine
    for 1 as in "première session"): "première" ... "soixante et unième",
    "soixante-dix-septième", "quatre-vingt-unième".
    """
    data = date_data().get(language, {}).get("ordinals")
    if not data:
        return {}
    units, teens, tens, tens_ord = data["units"], data["teens"], data["tens"], data["tens_ordinal"]
    join = data.get("joiner", "-")
    out: dict[int, str] = {}
    if language == "fr":
        out[1] = data["first"][-1]
        for u in range(2, 10):
            out[u] = units[u - 1]
    else:
        for u in range(1, 10):
            out[u] = units[u - 1]
    for k in range(10):
        out[10 + k] = teens[k]
    et_tens = set(data.get("et_before_one", []))
    et = data.get("et_word", "")
    for n in range(20, 100):
        d, u = divmod(n, 10)
        base = tens[d - 2]
        teen_based = language == "fr" and d in (7, 9)  # soixante-dix..., quatre-vingt-dix...
        if u == 0:
            out[n] = tens_ord[d - 2]
            continue
        unit = teens[u] if teen_based else units[u - 1]
        if u == 1 and d * 10 in et_tens:
            out[n] = f"{base} {et} {unit}"
        else:
            out[n] = f"{base}{join}{unit}"
    return out


def _ordinal_key(text: str, et: str) -> str:
    parts = [p for p in regex.split(r"[-\s\u00a0]+", text.casefold()) if p and p != et]
    return "".join(parts)


@cache
def _ordinal_tables(language: str) -> tuple[frozenset[str], dict[str, str], str, str]:
    """Valid ordinals, a map from a spelling-insensitive key to the right form, and the vocabulary regex."""
    words = ordinal_words(language)
    data = date_data()[language]["ordinals"]
    et = data.get("et_word", "\0")
    valid = set(words.values())
    if language == "fr":
        valid.update(data.get("first", []))
        valid.update(data.get("second_alternatives", []))
    by_key = {_ordinal_key(w, et): w for w in words.values()}
    vocab: set[str] = set()
    for w in valid:
        vocab.update(p for p in regex.split(r"[-\s]+", w) if p)
    vocab.update(p for t in data["tens"] for p in t.split("-"))
    first = sorted(vocab - {et})
    return frozenset(valid), by_key, _alternation(sorted(vocab)), _alternation(first)


# ----------------------------------------------------------------------------- dates


@dataclass
class DateRef:
    """A date found in text, with the parts the reader wrote."""

    start: int
    end: int
    day: int
    month: int
    year: int
    day_text: str
    suffix: str
    month_text: str
    month_dot: bool
    comma: bool
    month_first: bool
    sep: str = " "

    @property
    def valid(self) -> bool:
        return 1 <= self.month <= 12 and 1 <= self.day <= calendar.monthrange(self.year, self.month)[1]

    def iso(self) -> str:
        return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"


@cache
def _month_index(language: str) -> dict[str, int]:
    data = date_data()[language]
    index = {m.casefold(): i + 1 for i, m in enumerate(data["months"])}
    for abbr, n in data.get("month_abbreviations", {}).items():
        index[abbr.casefold()] = n
    return index


@cache
def date_pattern(language: str) -> Any:
    month = _alternation(list(date_data()[language]["months"]) +
                         list(date_data()[language].get("month_abbreviations", {})))
    day_first = (rf"(?P<day>\d{{1,2}})(?P<suf>st|nd|rd|th|er|ier|ère|re|e|°)?{_SP}+"
                 rf"(?P<month>{month})(?P<mdot>\.)?(?P<comma>,)?{_SP}+(?P<year>\d{{4}})")
    month_first = (rf"(?P<month2>{month})(?P<mdot2>\.)?{_SP}+(?P<day2>\d{{1,2}})(?P<suf2>st|nd|rd|th)?"
                   rf"(?P<comma2>,)?{_SP}+(?P<year2>\d{{4}})")
    return lazy_pattern(rf"(?<![\p{{L}}\p{{N}}])(?:{day_first}|{month_first})(?![\p{{L}}\p{{N}}])",
                         regex.IGNORECASE | regex.V1)


def _date_from(m: Any, language: str) -> DateRef | None:
    months = _month_index(language)
    if m.group("month") is not None:
        month_text, day_text = m.group("month"), m.group("day")
        suffix, dot, comma, year, first = m.group("suf") or "", bool(m.group("mdot")), bool(m.group("comma")), \
            m.group("year"), False
        sep = m.string[m.end("suf") if m.group("suf") else m.end("day"):m.start("month")]
    else:
        month_text, day_text = m.group("month2"), m.group("day2")
        suffix, dot, comma, year, first = m.group("suf2") or "", bool(m.group("mdot2")), \
            bool(m.group("comma2")), m.group("year2"), True
        sep = " "
    if month_text == "may" and language == "en":
        return None  # the verb, not the month
    month = months.get(month_text.casefold())
    if month is None:
        return None
    return DateRef(m.start(), m.end(), int(day_text), month, int(year), day_text, suffix, month_text,
                   dot, comma, first, sep if sep.strip() == "" and sep else " ")


@cache
def _month_words(language: str) -> tuple[str, ...]:
    """Folded month names and abbreviations, without those that contain a shorter one ("janvier": "janv")."""
    data = date_data()[language]
    words = {w.casefold() for w in list(data["months"]) + list(data.get("month_abbreviations", {}))}
    return tuple(sorted(w for w in words if not any(o != w and o in w for o in words)))


@cache
def _month_prefixes(language: str) -> tuple[str, ...]:
    """The folded month names and abbreviations that no other one starts ("janv", not
    "janvier"): where a date's month group matches, one of them starts."""
    data = date_data()[language]
    forms = {w.casefold() for w in list(data["months"]) + list(data.get("month_abbreviations", {}))}
    return tuple(sorted(f for f in forms if not any(o != f and f.startswith(o) for o in forms)))


_SP_CHARS = " \u00a0\u202f"  # the characters of ``_SP``


@cache
def _month_then(language: str) -> Any:
    """A folded month name or abbreviation and the character a date has after it (a dot,
    a comma or a space), matched where a month prefix occurs: "mai" in "maintenir" is not
    a date's month, and the date pattern is not tried around it."""
    import re

    data = date_data()[language]
    forms = {w.casefold() for w in list(data["months"]) + list(data.get("month_abbreviations", {}))}
    return re.compile("(?:" + "|".join(map(re.escape, sorted(forms, key=len, reverse=True))) + ")[.,"
                      + _SP_CHARS + "]")


def date_starts(text: str, folded: str, language: str) -> list[int]:
    """Every offset where a date of ``date_pattern(language)`` can start, in order.

    A date holds a month word at some offset q (its folded text is a month form there):
    the date starts at q (month first) or, day first, at the day's digits, which stand
    before the spaces before q after at most three suffix characters ("1er", "2nd"). No
    letter or number stands just before q (spaces do, or the pattern's look-behind says
    so), and the month word ends in what follows a date's month: a dot, a comma or a
    space (:func:`_month_then`). ``folded`` is ``text.casefold()`` with the same length.
    """
    starts: set[int] = set()
    month_then = _month_then(language).match
    for q in occurrences(folded, _month_prefixes(language)):
        if q and text[q - 1].isalnum():
            continue  # inside a word ("domaine", "innovation"): a month stands after a space or a mark
        if month_then(folded, q) is None:
            continue  # the start of a longer word ("maintenir")
        starts.add(q)
        i = q
        while i > 0 and text[i - 1] in _SP_CHARS:
            i -= 1
        if i < q:  # spaces before the month: the day ends at most 3 characters earlier
            starts.update(range(max(0, i - 5), i))
    return sorted(starts)


def dates_in(text: str, language: str) -> list[DateRef]:
    """Every date in ``text``: the matches of :func:`date_pattern`, left to right.

    Scanning a paragraph with the date pattern costs about a hundred times more than
    finding the month words in it, so the pattern is only tried, anchored, where a date
    can start (:func:`date_starts`); the matches are the same as a scan's.
    """
    out: list[DateRef] = []
    folded = casefolded(text)
    if not has_any(folded, _month_words(language)):
        return out  # every date names its month
    pattern = date_pattern(language)
    if folded is None or len(folded) != len(text):
        matches = iter_matches(pattern, text)  # folding moved offsets: scan the whole text
    else:
        matches = anchored_matches(pattern, text, date_starts(text, folded, language))
    for m in matches:
        d = _date_from(m, language)
        if d is not None:
            out.append(d)
    return out


def document_dates(doc: Resolution, text: str, language: str) -> list[DateRef]:
    """:func:`dates_in`, once per paragraph text of ``doc``: C104 and C105 read the same dates.

    Kept by the text object, not its content: two paragraphs that read alike are still
    searched each (a draft repeating itself should not be cheaper to check).
    """
    found = memo(doc, f"citations.dates.{language}")
    entry = found.get(id(text))
    if entry is None or entry[0] is not text:
        entry = found[id(text)] = (text, dates_in(text, language))
    return entry[1]  # type: ignore[no-any-return]


def house_date(d: DateRef, language: str) -> str:
    """The house form of a date: "15 October 1996", "15 octobre 1996", "1er août 2006"."""
    data = date_data()[language]
    month = data["months"][d.month - 1]
    day = str(d.day)
    if language == "fr" and d.day == 1:
        day = data.get("first_day", "1er")
    return f"{day}{d.sep}{month}{d.sep}{d.year}"


# ----------------------------------------------------------------------------- citations


@dataclass
class Cited:
    """One resolution or decision number in a citation, with its date if the text gives one."""

    part: Paragraph
    start: int
    end: int
    number: str
    form: str  # session (73/11) | year (2019/19) | sc (2334 (2016)) | old (217 A (III)) | bare (2334)
    decision: bool
    keyword: str
    keyword_start: int
    organ: str | None = None
    date: DateRef | None = None
    #: True when the date was written after a later number of the list ("resolutions 60/1 and 73/11
    #: of 26 November 2018"): it may belong to the last number only.
    date_inferred: bool = False

    @property
    def organ_code(self) -> str:
        """The organ the number belongs to: the one named, else the one its form implies."""
        if self.organ:
            return self.organ
        return {"session": "GA", "year": "ECOSOC", "sc": "SC", "bare": "SC", "old": "GA"}[self.form]

    @property
    def key(self) -> tuple[str, str, bool]:
        return (self.organ_code, self.number, self.decision)

    @property
    def what(self) -> str:
        return f"{'decision' if self.decision else 'resolution'} {self.number}"


@cache
def _organ_patterns() -> tuple[Any, Any, dict[str, str]]:
    names: dict[str, str] = {}
    for lang in ("en", "fr"):
        for name, code in date_data().get("organs", {}).get(lang, {}).items():
            names[name.casefold()] = code
    alt = _alternation(list(names))
    before = lazy_pattern(rf"(?:{alt}){_SP}*$", regex.IGNORECASE | regex.V1)
    after = lazy_pattern(rf"{_SP}*,?{_SP}*(?:du|de{_SP}+la|de{_SP}+l['’]|des|of{_SP}+the)?{_SP}*(?P<organ>{alt})"
                          rf"(?![\p{{L}}])", regex.IGNORECASE | regex.V1)
    return before, after, names


_KEYWORD = lazy_pattern(r"(?<![\p{L}])(?P<kw>résolutions?|resolutions?|décisions?|decisions?)(?![\p{L}])",
                         regex.IGNORECASE | regex.V1)
#: The keywords of _KEYWORD, folded (without the plural "s"): one of them is in every citation.
_KEYWORD_WORDS = ("résolution", "resolution", "décision", "decision")
#: Every citation starts with one of these words (case-folded).
CITATION_WORDS = _KEYWORD_WORDS
_LETTERS = rf"(?:{_SP}[A-Z](?:{_SP}(?:and|et|to|à){_SP}[A-Z])?(?![\p{{L}}\p{{N}}]))"
_ITEM = lazy_pattern(
    rf"""(?:
        (?P<year>\d{{4}}/\d{{1,4}}){_LETTERS}?(?![\p{{N}}/])
      | (?P<sess>(?:S-|ES-)?\d{{1,3}}/\d{{1,4}}){_LETTERS}?(?![\p{{N}}/])
      | (?P<sc>\d{{1,4}}){_SP}?\((?P<scy>\d{{4}})\)
      | (?P<old>\d{{1,4}}{_LETTERS}?{_SP}\((?:S-|ES-)?[IVXLC]+\))
      | (?P<bare>\d{{1,4}})(?![\p{{N}}/]|[.,]\p{{N}}|{_SP}?\(|{_SP}[A-Z]{_SP}?\()
    )""",
    regex.VERBOSE | regex.V1,
)
_DATE_INTRO = lazy_pattern(rf"{_SP}*,?{_SP}*(?:of|dated|adopted{_SP}+on|du|en{_SP}+date{_SP}+du|"
                            rf"adoptées?{_SP}+le){_SP}+", regex.IGNORECASE | regex.V1)
_SHARED_DATE = lazy_pattern(rf"{_SP}*,?{_SP}*(?:en{_SP}+date{_SP}+du|of|dated|du){_SP}+",
                             regex.IGNORECASE | regex.V1)
_SEPARATOR = lazy_pattern(rf"{_SP}*(?:,{_SP}*(?:(?:and|et){_SP}+)?|{_SP}+(?:and|et){_SP}+)",
                           regex.IGNORECASE | regex.V1)


_SPACES = lazy_pattern(rf"{_SP}+")


def _normal(number: str) -> str:
    return _SPACES.sub(" ", number)


def citations_in(part: Paragraph, language: str) -> list[Cited]:
    """Every resolution or decision number cited in ``part``, in text order."""
    text = part.scan_text
    out: list[Cited] = []
    folded = casefolded(text)
    if not has_any(folded, _KEYWORD_WORDS):
        return out  # no keyword, no citation
    lang = language if language in date_data() else "en"
    dpat = date_pattern(lang)
    before, after, names = _organ_patterns()
    for km in word_led_matches(_KEYWORD, text, folded, _KEYWORD_WORDS, word_start=True):
        kw = km.group("kw")
        decision = kw.casefold().startswith("d")
        pos = km.end()
        m = _SPACES.match(text, pos)
        if not m:
            continue
        pos = m.end()
        group: list[Cited] = []
        named = None
        bm = before.search(text, max(0, km.start() - 80), km.start())
        if bm:
            named = names.get(_normal(bm.group(0)).strip().casefold())
        while True:
            im = _ITEM.match(text, pos)
            if im is None:
                break
            form = next(k for k in ("year", "sess", "sc", "old", "bare") if im.group(k) is not None)
            if form == "bare" and group and group[0].form != "bare":
                break
            form = "session" if form == "sess" else form
            item = Cited(part, im.start(), im.end(), _normal(im.group(0)), form, decision, kw, km.start(),
                         organ=named)
            if form == "sc":
                item.number = f"{im.group('sc')} ({im.group('scy')})"
            group.append(item)
            pos = im.end()
            dm = _DATE_INTRO.match(text, pos)
            if dm and (dd := dpat.match(text, dm.end())) and (d := _date_from(dd, lang)):
                for prev in reversed(group):
                    if prev.date is not None:
                        break
                    prev.date, prev.date_inferred = d, prev is not item
                pos = dd.end()
            om = after.match(text, pos)
            if om:
                code = names.get(_normal(om.group("organ")).casefold())
                for g in group:
                    g.organ = g.organ or code
                pos = om.end()
                sm = _SHARED_DATE.match(text, pos)
                if sm and (dd := dpat.match(text, sm.end())) and (d := _date_from(dd, lang)):
                    for prev in reversed(group):
                        if prev.date is not None and not prev.date_inferred:
                            break
                        prev.date, prev.date_inferred = d, False
                    pos = dd.end()
            sep = _SEPARATOR.match(text, pos)
            if sep is None or _ITEM.match(text, sep.end()) is None:
                break
            pos = sep.end()
        out.extend(group)
    return out


def document_citations(doc: Resolution, language: str) -> list[Cited]:
    """Citations of the body (document order), then of the footnotes."""
    cache_key = ("citations", language)
    found = doc.facts.get(cache_key)
    if found is None:
        found = []
        for part in doc.paragraphs:
            if part.kind in _BODY:
                found.extend(part_citations(doc, part, language))
        for part in doc.footnote_paragraphs():
            found.extend(part_citations(doc, part, language))
        doc.facts[cache_key] = found
    return found


def part_citations(doc: Resolution, part: Paragraph, language: str) -> list[Cited]:
    """:func:`citations_in`, once per part of ``doc``: several rules read the citations of a part."""
    found = memo(doc, f"citations.parts.{language}")
    cited = found.get(id(part))  # parts live as long as the document (and its facts)
    if cited is None:
        cited = found[id(part)] = citations_in(part, language)
    return cited


def _what(ctx: Context, c: "Cited") -> str:
    """"resolution 73/11", "la résolution 73/11": the citation in the message language."""
    return ctx.say("word.decision_n" if c.decision else "word.resolution_n", number=c.number)


_SESSION = lazy_pattern(r"(\d{1,3})/\d")


def session_of(number: str) -> int | None:
    m = _SESSION.match(number)
    return int(m.group(1)) if m else None


# ----------------------------------------------------------------------------- rules


class ResolutionDate(Rule):
    """A cited resolution's date fits its number: GA session, Security Council or year of adoption.

    ## What it does
    Reads each citation that gives a date and checks it against the number:
    General Assembly resolutions and decisions numbered `N/x` (since the 31st session, 1976)
    belong to session N, which runs from September of 1945+N to September of 1946+N;
    Security Council resolutions carry their year in parentheses ("2334 (2016)"); numbers
    that start with a year ("Economic and Social Council resolution 2019/19") were adopted
    that year. Citations that name another organ numbered by session (Human Rights Council)
    are not checked against the General Assembly calendar.

    ## Why
    A wrong date in a citation sends the reader to the wrong text, and drafts copied from
    year to year carry stale dates. The numbering systems are those of the UN Editorial
    Manual and the Dag Hammarskjöld Library research guides.

    ## Example
    ```
    *Recalling* its resolution 73/11 of 26 November 2017,
    ```

    ## Use instead
    ```
    *Recalling* its resolution 73/11 of 26 November 2018,
    ```

    ## References
    - UN Editorial Manual, Resolutions: system of identification (GA numbering since the 31st session).
    - Dag Hammarskjöld Library, Security Council resolutions guide (year in parentheses).
    - conventions.md CIT-001, CIT-003, section 3.
    """

    code = "C101"
    name = "resolution-date"
    summary = "A cited resolution's date falls in its session or year"
    scopes = (Scope.DOCUMENT,)
    languages = ("en", "fr")
    severity = Severity.ERROR
    bad_examples = {
        "en": ["The General Assembly,\n*Recalling* its resolution 73/11 of 26 November 2017,\n"
               "1. *Decides* to act."],
        "fr": ["L’Assemblée générale,\n*Rappelant* la résolution 2334 (2016) du Conseil de sécurité, "
               "en date du 23 décembre 2017,\n1. *Décide* d’agir."],
    }
    good_examples = {
        "en": ["The General Assembly,\n*Recalling* its resolution 73/11 of 26 November 2018 and Security "
               "Council resolution 2334 (2016) of 23 December 2016,\n*Noting* Economic and Social Council "
               "resolution 2019/19 of 23 July 2019,\n1. *Decides* to act."],
        "fr": ["L’Assemblée générale,\n*Rappelant* ses résolutions 71/19 du 21 novembre 2016 et 73/11 du "
               "26 novembre 2018, ainsi que les résolutions 2019/19 et 2019/20 du Conseil économique et "
               "social, en date du 23 juillet 2019,\n1. *Décide* d’agir."],
    }

    def check_document(self, doc: Resolution, ctx: Context) -> Iterator[Finding]:
        for c in document_citations(doc, ctx.language):
            d = c.date
            if d is None or not d.valid or c.date_inferred:
                continue
            said = d.iso()
            if c.form == "session" and c.organ_code == "GA" and not c.number.startswith(("S-", "ES-")):
                if c.organ is None and doc.organ in ("HRC", "OTHER"):
                    continue  # "its resolution 5/1" of another organ numbered by session
                n = session_of(c.number)
                if n is None or n < 31:
                    continue
                first, last = (1945 + n, 9, 1), (1946 + n, 9, 30)
                if not first <= (d.year, d.month, d.day) <= last:
                    yield ctx.finding(
                        c.part, ctx.say("C101.session", what=_what(ctx, c), nth=ctx.ordinal(n), start=1945 + n,
                                        end=1946 + n, date=said), c.start, d.end)
            elif c.form == "sc":
                year = int(c.number.split("(")[1].rstrip(")"))
                if d.year != year:
                    yield ctx.finding(c.part, ctx.say("C101.sc", what=_what(ctx, c), year=year, date=said),
                                      c.start, d.end)
            elif c.form == "year":
                year = int(c.number[:4])
                if d.year != year:
                    yield ctx.finding(c.part, ctx.say("C101.year", what=_what(ctx, c), year=year, date=said),
                                      c.start, d.end)


class ResolutionDateConsistency(Rule):
    """The same resolution is cited with the same date everywhere in the document.

    ## What it does
    Collects every dated citation of a resolution or decision, in the body and in the
    footnotes, and reports a citation whose date differs from the first one given for the
    same number.

    ## Why
    A resolution has one adoption date; two different dates in one draft mean at least one
    is wrong (typically a date changed in one place and not in the other).

    ## Example
    ```
    *Recalling* its resolution 73/11 of 26 November 2018,
    1. *Recalls* its resolution 73/11 of 27 November 2018;
    ```

    ## Use instead
    ```
    *Recalling* its resolution 73/11 of 26 November 2018,
    1. *Recalls* its resolution 73/11;
    ```

    ## References
    - conventions.md CIT-001.
    """

    code = "C102"
    name = "resolution-date-consistency"
    summary = "One resolution, one date across the document"
    scopes = (Scope.DOCUMENT,)
    languages = ("en", "fr")
    severity = Severity.ERROR
    bad_examples = {
        "en": ["The General Assembly,\n*Recalling* its resolution 73/11 of 26 November 2018,\n"
               "1. *Recalls* its resolution 73/11 of 27 November 2018."],
        "fr": ["L’Assemblée générale,\n*Rappelant* sa résolution 51/1 du 15 octobre 1996,\n"
               "1. *Rappelle* sa résolution 51/1 du 16 octobre 1996."],
    }
    good_examples = {
        "en": ["The General Assembly,\n*Recalling* its resolution 73/11 of 26 November 2018,\n"
               "1. *Recalls* its resolution 73/11."],
        "fr": ["L’Assemblée générale,\n*Rappelant* sa résolution 51/1 du 15 octobre 1996,\n"
               "1. *Rappelle* sa résolution 51/1."],
    }

    def check_document(self, doc: Resolution, ctx: Context) -> Iterator[Finding]:
        first: dict[tuple[str, str, bool], Cited] = {}
        for c in document_citations(doc, ctx.language):
            if c.date is None or c.form == "bare" or c.date_inferred:
                continue
            seen = first.get(c.key)
            if seen is None:
                first[c.key] = c
            elif seen.date is not None and seen.date.iso() != c.date.iso():
                yield ctx.finding(c.part, ctx.say("C102.differs", what=_what(ctx, c), date=c.date.iso(),
                                                  other=seen.date.iso(), where=seen.part.label),
                                  c.start, c.date.end)


class FirstMentionDate(Rule):
    """The first mention of a resolution in the text gives its date.

    ## What it does
    For each resolution or decision cited in the body (preamble and operative part), checks
    that its first mention carries the adoption date ("resolution 73/11 of 26 November
    2018"). Citations found only in footnotes ("Résolution 60/288.") are not concerned:
    footnotes cite the number alone.

    ## Why
    UN texts give the date at the first mention and the number alone afterwards (A/RES/51/1,
    S/RES/1373 (2001), the sample A/RES/75/10). A first mention without a date, with the
    date given later, reads as if the order of paragraphs had been changed. The Security
    Council cites its resolutions by number and year ("resolution 808 (1993)") and never
    by date: the rule does not apply to its texts (`rules/data/organs.toml`).

    ## Example
    ```
    *Recalling* its resolution 73/11,
    1. *Recalls* its resolution 73/11 of 26 November 2018;
    ```

    ## Use instead
    ```
    *Recalling* its resolution 73/11 of 26 November 2018,
    1. *Recalls* its resolution 73/11;
    ```

    ## References
    - observed: A/RES/51/1, S/RES/1373 (2001), A/RES/75/10 (PP 1, PP 19).
    - conventions.md CIT-001.
    """

    code = "C103"
    name = "first-mention-date"
    summary = "The first mention of a resolution in the text carries its date"
    scopes = (Scope.DOCUMENT,)
    languages = ("en", "fr")
    severity = Severity.WARNING
    bad_examples = {
        "en": ["The General Assembly,\n*Recalling* its resolution 73/11,\n"
               "1. *Recalls* its resolution 73/11 of 26 November 2018."],
        "fr": ["L’Assemblée générale,\n*Rappelant* sa résolution 51/1,\n1. *Décide* d’agir."],
    }
    good_examples = {
        "en": ["The General Assembly,\n*Recalling* its resolution 73/11 of 26 November 2018,\n"
               "1. *Recalls* its resolution 73/11.^[Resolution 60/288.]"],
        "fr": ["L’Assemblée générale,\n*Rappelant* sa résolution 51/1 du 15 octobre 1996,\n"
               "1. *Rappelle* sa résolution 51/1 et la Stratégie antiterroriste mondiale^[Résolution 60/288.]."],
    }

    def check_document(self, doc: Resolution, ctx: Context) -> Iterator[Finding]:
        if not convention(doc, "first-mention-date"):
            return  # the Security Council cites "resolution 808 (1993)", never by date
        text_kinds = (Kind.PREAMBLE, Kind.OPERATIVE, Kind.SUBPARAGRAPH)
        body = [c for c in document_citations(doc, ctx.language) if c.part.kind in text_kinds and c.form != "bare"]
        firsts: dict[tuple[str, str, bool], Cited] = {}
        dated_later: dict[tuple[str, str, bool], Cited] = {}
        for c in body:
            if c.key not in firsts:
                firsts[c.key] = c
            elif c.date is not None and c.key not in dated_later:
                dated_later[c.key] = c
        for key, c in firsts.items():
            if c.date is not None:
                continue
            later = dated_later.get(key)
            hint = ctx.say("C103.later", where=later.part.label) if later else ""
            yield ctx.finding(c.part, ctx.say("C103.first", what=_what(ctx, c), hint=hint),
                              c.start, c.end)


class DateValidity(Rule):
    """Dates are real calendar dates.

    ## What it does
    Finds dates written with a month name ("31 February 2019", "31 juin 2018", including
    both days of a range such as "9-20 juillet 2001") and reports days that do not exist in
    that month and year.

    ## Why
    An impossible date is a typing error; in a citation it hides which text is meant.

    ## Example
    ```
    *Recalling* its resolution 73/11 of 31 November 2018,
    ```

    ## Use instead
    ```
    *Recalling* its resolution 73/11 of 26 November 2018,
    ```

    ## References
    - conventions.md DAT-001.
    """

    code = "C104"
    name = "date-validity"
    summary = "Dates exist in the calendar"
    scopes = _TEXT_SCOPES
    languages = ("en", "fr")
    severity = Severity.ERROR
    bad_examples = {
        "en": ["The General Assembly,\n*Recalling* its resolution 73/11 of 31 November 2018,\n1. *Decides* to act."],
        "fr": ["L’Assemblée générale,\n*Rappelant* l’arrangement du 30 février 2017,\n1. *Décide* d’agir."],
    }
    good_examples = {
        "en": ["The General Assembly,\n*Recalling* its resolution 73/11 of 26 November 2018,\n"
               "1. *Decides* to meet on 29 February 2024."],
        "fr": ["L’Assemblée générale,\n*Rappelant* l’arrangement du 21 juillet 2017,\n"
               "1. *Prend note* du rapport^[New York, 9-20 juillet 2001 (A/CONF.192/15).]."],
    }

    _RANGE = lazy_pattern(rf"(?<![\p{{N}}])(?P<d1>\d{{1,2}}){_SP}?[-–]{_SP}?$")

    def check(self, part: Paragraph, ctx: Context) -> Iterator[Finding]:
        text = part.scan_text
        for d in document_dates(ctx.doc, text, ctx.language):
            if not d.valid:
                yield ctx.finding(part, ctx.say("C104.invalid", date=text[d.start:d.end]), d.start, d.end)
                continue
            r = self._RANGE.search(text, max(0, d.start - 6), d.start)
            if r and not 1 <= int(r.group("d1")) <= calendar.monthrange(d.year, d.month)[1]:
                yield ctx.finding(part, ctx.say("C104.range", day=r.group("d1")),
                                  r.start(), d.end)


class DateForm(Rule):
    """Dates are written day, month in words, year: "15 October 1996", "15 octobre 1996", "1er août 2006".

    ## What it does
    Finds dates with a month name and reports forms other than the house form: month
    first ("October 15, 1996"), ordinal suffixes ("15th October 1996"), abbreviated months
    ("15 Oct. 1996"), a comma before the year, a capitalised month in French or a
    lower-case one in English, a leading zero, and in French the first day of the month
    written "1" or "1ère" instead of "1er". The fix rewrites the date in house form.

    ## Why
    UN texts write dates as day-month-year with the month in full (A/RES/51/1 "15 October
    1996"; A/RES/75/10 "15 octobre 1996"); French writes the first of the month "1er"
    (Canada Guide du rédacteur 2.4.2; UN French "du 1er août 2006 au 31 juillet 2007").

    ## Example
    ```
    *Recalling* its resolution 51/1 of October 15, 1996,
    ```

    ## Use instead
    ```
    *Recalling* its resolution 51/1 of 15 October 1996,
    ```

    ## References
    - conventions.md DAT-001, DAT-002.
    """

    code = "C105"
    name = "date-form"
    summary = "Dates in house form: 15 October 1996, 1er août 2006"
    scopes = _TEXT_SCOPES
    languages = ("en", "fr")
    severity = Severity.WARNING
    fix = FixSafety.SAFE
    bad_examples = {
        "en": ["The General Assembly,\n*Recalling* its resolution 51/1 of October 15, 1996,\n1. *Decides* to act."],
        "fr": ["L’Assemblée générale,\n*Rappelant* la période du 1 août 2006 au 31 Juillet 2007,\n1. *Décide* d’agir."],
    }
    good_examples = {
        "en": ["The General Assembly,\n*Recalling* its resolution 51/1 of 15 October 1996,\n"
               "1. *Decides* to meet from 1 August 2006."],
        "fr": ["L’Assemblée générale,\n*Rappelant* la période du 1er août 2006 au 31 juillet 2007,\n"
               "1. *Décide* d’agir."],
    }

    def check(self, part: Paragraph, ctx: Context) -> Iterator[Finding]:
        text = part.scan_text
        lang = ctx.language
        data = date_data()[lang]
        for d in document_dates(ctx.doc, text, lang):
            if not d.valid:
                continue  # C104's finding
            problems = []
            if d.month_first:
                problems.append(ctx.say("C105.month_first"))
            if d.suffix and not (lang == "fr" and d.day == 1 and d.suffix == "er"):
                problems.append(ctx.say("C105.suffix", suffix=d.suffix) if lang == "en" or d.day != 1
                                else ctx.say("C105.premier", suffix=d.suffix))
            elif lang == "fr" and d.day == 1 and not d.suffix:
                problems.append(ctx.say("C105.premier_missing"))
            if d.day_text.startswith("0"):
                problems.append(ctx.say("C105.zero"))
            full = data["months"][d.month - 1]
            if d.month_text.casefold() != full.casefold() or d.month_dot:
                problems.append(ctx.say("C105.month_full", month=full))
            elif d.month_text != full:
                problems.append(ctx.say("C105.lower" if lang == "fr" else "C105.capital"))
            if d.comma:
                problems.append(ctx.say("C105.comma"))
            if not problems:
                continue
            good = house_date(d, lang)
            fix = ctx.replace(part, d.start, d.end, good, f"write {good!r}")
            yield ctx.finding(part, ctx.say("C105.form", date=text[d.start:d.end], good=good,
                                            problems=ctx.word("list_sep").join(problems)),
                              d.start, d.end, fix=fix)


class SessionOrdinal(Rule):
    """Session numbers are spelled-out ordinals in correct form: "seventy-seventh", "soixante et unième".

    ## What it does
    Finds the ordinal before "session" and checks it against the ordinals 1 to 99 built
    from number words: figures ("77th session", "77e session") and misspelled compounds
    ("seventy seventh", "soixante-et-unième", "soixante-dix-sept") are reported, with the
    right words as the fix. French follows the traditional spelling used by the UN: "vingt
    et unième", "soixante et onzième", "quatre-vingt-unième".

    ## Why
    Resolutions spell out session numbers in running text ("à sa soixante-dix-septième
    session", "at its fifty-first session"); UN French writes "soixante et unième
    session" without hyphens around "et".

    ## Example
    ```
    1. *Decides* to include the item in the provisional agenda of its 77th session.
    ```

    ## Use instead
    ```
    1. *Decides* to include the item in the provisional agenda of its seventy-seventh session.
    ```

    ## References
    - observed: A/RES/75/10 OP 15-16; A/RES/51/1; UN French agenda of the sixty-third session.
    - conventions.md SES-001.
    """

    code = "C106"
    name = "session-ordinal"
    summary = "Session ordinals spelled out correctly"
    scopes = _TEXT_SCOPES
    languages = ("en", "fr")
    severity = Severity.WARNING
    fix = FixSafety.SAFE
    bad_examples = {
        "en": ["The General Assembly,\n1. *Decides* to include the item in the provisional agenda of its "
               "seventy seventh session."],
        "fr": ["L’Assemblée générale,\n1. *Prie* le Secrétaire général de lui rendre compte à sa "
               "soixante-et-unième session."],
    }
    good_examples = {
        "en": ["The General Assembly,\n*Recalling* its resolution 51/1 adopted at its fifty-first session,\n"
               "1. *Decides* to include the item in the provisional agenda of its seventy-seventh session."],
        "fr": ["L’Assemblée générale,\n*Rappelant* les travaux de sa soixante et unième session,\n"
               "1. *Prie* le Secrétaire général de lui rendre compte à sa soixante-dix-septième session."],
    }

    @staticmethod
    @cache
    def _patterns(language: str) -> tuple[Any, Any]:
        data = date_data()[language]
        _valid, _keys, vocab, vocab_first = _ordinal_tables(language)
        quals = data.get("session_qualifiers", [])
        qual = rf"(?:(?:{_alternation(quals)}){_SP}+)?" if quals else ""
        session = rf"{_SP}+{qual}{regex.escape(data['session_word'])}(?![\p{{L}}])"
        words = lazy_pattern(rf"(?<![\p{{L}}\-])(?P<ord>(?:{vocab_first})(?:(?:-|{_SP}+)(?:{vocab}))*)(?={session})",
                              regex.IGNORECASE | regex.V1)
        suffixes = _alternation(data["ordinals"]["figure_suffixes"])
        figures = lazy_pattern(rf"(?<![\p{{L}}\p{{N}}])(?P<num>\d{{1,2}})(?P<suf>{suffixes})(?={session})",
                                regex.IGNORECASE | regex.V1)
        return words, figures

    def trigger_for(self, ctx: Context) -> Trigger:
        return words_trigger((date_data()[ctx.language]["session_word"],))

    def check(self, part: Paragraph, ctx: Context) -> Iterator[Finding]:
        lang = ctx.language
        text = part.scan_text
        if not has_any(casefolded(text), (date_data()[lang]["session_word"].casefold(),)):
            return  # both patterns end before the word "session"
        valid, by_key, _vocab, _first = _ordinal_tables(lang)
        et = date_data()[lang]["ordinals"].get("et_word", "\0")
        words, figures = self._patterns(lang)
        ordinals = ordinal_words(lang)
        for m in iter_matches(words, text):
            got = m.group("ord")
            if got.casefold() in valid:
                continue
            last = regex.split(r"[-\s\u00a0]+", got.casefold())[-1]
            if not (last.endswith(("th", "st", "nd", "rd", "ième", "ier", "ière")) or last in valid):
                continue  # a cardinal ("seventy"), not an ordinal
            right = by_key.get(_ordinal_key(got, et))
            if right is None:
                continue  # not one ordinal ("première et deuxième"): nothing sure to say
            if got[:1].isupper():
                right = right[:1].upper() + right[1:]
            fix = ctx.replace(part, m.start(), m.end(), right, f"write {right!r}")
            yield ctx.finding(part, ctx.say("C106.ordinal", got=got, right=right), m.start(), m.end(), fix=fix)
        for m in iter_matches(figures, text):
            n = int(m.group("num"))
            right = ordinals.get(n)
            if not right:
                continue
            fix = ctx.replace(part, m.start(), m.end(), right, f"write {right!r}")
            yield ctx.finding(part, ctx.say("C106.figures", got=m.group(0), right=right),
                              m.start(), m.end(), fix=fix)
