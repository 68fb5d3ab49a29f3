"""Document-symbol rules (D): UN document symbols written, cited and linked correctly.

A string is a symbol only if it starts with a series prefix ("A", "S", "E", "ST",
"A/C.3", "E/CN.4"...) followed by "/" and a component with a digit (conventions.md
section 3): "I-24/7", "24/7", "9/11" or "2030" are never symbols.
"""
from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Any
from urllib.parse import parse_qs, unquote, urlsplit

import regex

from resolint.findings import Finding, FixSafety, Severity
from resolint.model import Paragraph, Scope
from resolint.rule import Context, Rule, iter_matches, lazy_pattern
from resolint.trigger import Trigger

from .citations import CITATION_WORDS, part_citations
from ._helpers import load_data, words_trigger

_SP = "[ \u00a0\u202f]"
_BODY_SCOPES = (Scope.TITLE, Scope.PREAMBLE, Scope.OPERATIVE, Scope.SUBPARAGRAPH)
_ALL_SCOPES = _BODY_SCOPES + (Scope.FOOTNOTE,)
_URL = lazy_pattern(r"(?:https?://|www\.)\S+", regex.IGNORECASE)
_RES_KEYWORD = lazy_pattern(rf"(?<![\p{{L}}])(?:résolutions?|resolutions?){_SP}+$", regex.IGNORECASE | regex.V1)
_DEC_KEYWORD = lazy_pattern(rf"(?<![\p{{L}}])(?:décisions?|decisions?){_SP}+$", regex.IGNORECASE | regex.V1)


def symbol_data() -> dict[str, Any]:
    return load_data("symbols")


def _alternation(words: list[str]) -> str:
    return "|".join(regex.escape(w) for w in sorted(set(words), key=len, reverse=True))


@cache
def _canon() -> tuple[dict[str, str], dict[str, str], dict[str, str]]:
    data = symbol_data()
    series = {s.casefold(): s for s in data["series"]}
    numbered = {s.casefold(): s for s in data["numbered"]}
    words = {s.casefold(): s for s in data["words"]}
    return series, numbered, words


@cache
def symbol_pattern() -> Any:
    data = symbol_data()
    series = _alternation(data["series"])
    numbered = _alternation(data["numbered"])
    comp = (rf"(?:(?:S|ES)-\d{{1,3}}|\d{{1,4}}|(?:{numbered})(?:\.|{_SP})?\d{{1,4}}(?![\p{{L}}])"
            rf"|[A-Za-z]{{1,8}}(?:\.\d{{1,4}})?|\*)")
    # With stray spaces around "/", only components that cannot be ordinary words.
    spaced = (rf"(?:(?:S|ES)-\d{{1,3}}|\d{{1,4}}|(?:{numbered})(?:\.|{_SP})?\d{{1,4}}(?![\p{{L}}])"
              rf"|(?:{_alternation(data['words'])})(?![\p{{L}}]))")
    return lazy_pattern(
        rf"(?<![\p{{L}}\p{{N}}/.\-@_])(?P<series>{series})"
        rf"(?P<rest>(?:/{comp}|{_SP}*/{_SP}*{spaced})+)"
        rf"(?P<paren>{_SP}?\((?:\d{{4}}|[IVXLC]+|S-[IVX]+|ES-[IVX]+|Vol\.[IVX]+)\))?"
        rf"(?P<trail>{_SP}*/(?![\p{{L}}\p{{N}}]))?",
        regex.IGNORECASE | regex.V1,
    )


_COMP = lazy_pattern(r"^(?P<word>[A-Za-z]+)(?P<dot>\.)?[ \u00a0\u202f]?(?P<num>\d+)?$")


@dataclass
class Symbol:
    """A document symbol found in text: where, as written, in canonical form, and what is wrong."""

    start: int
    end: int  # end of the symbol, without a trailing slash
    trail_end: int  # end including a trailing slash
    written: str
    canonical: str
    series: str
    parts: list[str]
    paren: str
    #: what is wrong, as message keys (resolint.messages) with their one value
    problems: list[tuple[str, str]]

    @property
    def resolution_series(self) -> str | None:
        """"A/RES", "S/RES", "E/RES", "A/HRC/RES" if this is a resolution symbol."""
        for prefix in sorted(symbol_data()["resolution_series"], key=len, reverse=True):
            n = prefix.count("/") + 1
            head = "/".join([self.series] + self.parts)[: len(prefix)]
            if head == prefix and len(self.parts) >= n:
                return prefix
        return None

    def short_number(self) -> str:
        """The number a citation uses: A/RES/61/171 -> "61/171", S/RES/2334 (2016) -> "2334 (2016)"."""
        prefix = self.resolution_series or ""
        n = prefix.count("/")
        rest = "/".join(self.parts[n:])
        return rest + (f" {self.paren.strip()}" if self.paren else "")


_SPACED_SLASH = lazy_pattern(rf"{_SP}*/{_SP}+|{_SP}+/")
_NUMBER_OR_STAR = lazy_pattern(r"\d+|\*")
_SPECIAL_SESSION = lazy_pattern(r"(?i:S|ES)-\d+")
_SPACES = lazy_pattern(rf"{_SP}+")


def _canonical(m: Any) -> Symbol | None:
    series_map, numbered, words = _canon()
    series_written = m.group("series")
    series = series_map[series_written.casefold()]
    rest = m.group("rest")
    spaced = bool(_SPACED_SLASH.search(rest))
    comps = [c.strip(" \u00a0\u202f") for c in rest.split("/")[1:]]
    parts: list[str] = []
    problems: list[tuple[str, str]] = []
    known_word = False
    for c in comps:
        if _NUMBER_OR_STAR.fullmatch(c):
            parts.append(c)
            continue
        if _SPECIAL_SESSION.fullmatch(c):
            parts.append(c.upper())
            continue
        cm = _COMP.match(c)
        if not cm:
            parts.append(c)
            continue
        word, num = cm.group("word"), cm.group("num")
        key = word.casefold()
        canon = (numbered.get(key) or words.get(key)) if num else (words.get(key) or numbered.get(key))
        if canon is None:
            parts.append(c)
            continue
        known_word = True
        if canon != word:
            problems.append(("D101.capitals", canon))
        if num is not None:
            if not cm.group("dot"):
                problems.append(("D101.full_stop", canon + "." + num))
            parts.append(f"{canon}.{num}")
        else:
            parts.append(canon)
    if not any(any(ch.isdigit() for ch in p) for p in parts):
        return None
    if series_written != series:
        if not known_word:
            return None  # "a/75/10" alone is too weak to be a symbol written in the wrong case
        problems.insert(0, ("D101.capitals", series))
    if spaced:
        problems.append(("D101.spaces", ""))
    paren = m.group("paren") or ""
    canonical = "/".join([series] + parts) + paren
    trail_end = m.end()
    end = m.end("trail") - len(m.group("trail")) if m.group("trail") else m.end()
    if m.group("trail"):
        problems.append(("D101.trailing", ""))
    return Symbol(m.start(), end, trail_end, m.string[m.start():end], canonical, series, parts, paren, problems)


def symbol_problems(ctx: Context, sym: Symbol) -> str:
    """What is wrong with ``sym``, in the message language ("capitals as in 'A/RES'; ...")."""
    return ctx.word("list_sep").join(ctx.say(key, value=value) for key, value in sym.problems)


#: Every document symbol holds a slash: rules reading symbols only look at parts with one.
_SLASH = Trigger.any_of("/")


def symbols_in(text: str) -> list[Symbol]:
    """Document symbols in ``text`` (outside URLs), in order."""
    if "/" not in text:  # every symbol has one: no need to search (or compile the pattern)
        return []
    return list(_symbols_in(text))


@lru_cache(maxsize=1 << 18)  # all of a draft's texts: several rules pass over them in turn
def _symbols_in(text: str) -> tuple[Symbol, ...]:
    # Five rules ask for the symbols of the same paragraphs: found once per text. The
    # symbols are only read by the rules, never changed, so sharing them is safe.
    urls = [(u.start(), u.end()) for u in _URL.finditer(text)]
    out = []
    for m in iter_matches(symbol_pattern(), text):
        if any(s < m.end() and m.start() < e for s, e in urls):
            continue
        sym = _canonical(m)
        if sym is not None:
            out.append(sym)
    return tuple(out)


@lru_cache(maxsize=1024)
def symbol_of_url(url: str) -> str | None:
    """The document symbol a UN documents link points to ("https://undocs.org/fr/A/RES/24/7" -> "A/RES/24/7").

    Cached: a draft links to the same documents again and again, and the answer is a string.
    """
    data = symbol_data()["links"]
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return None
    host = (parts.hostname or "").casefold()
    if host not in data["hosts"]:
        return None
    query = parse_qs(parts.query)
    for key in ("symbol", "s", "Symbol"):
        if query.get(key):
            candidate = query[key][0]
            break
    else:
        segs = [s for s in unquote(parts.path).split("/") if s]
        if segs and segs[0].casefold() in data["languages"]:
            segs = segs[1:]
        candidate = "/".join(segs)
    candidate = unquote(candidate).strip()
    m = symbol_pattern().fullmatch(candidate)
    if not m:
        return None
    sym = _canonical(m)
    return sym.canonical if sym else None


@cache
def _number_pattern(short: str) -> Any:
    """A resolution number ("61/171", "2334 (2016)") as written in text, spaces optional."""
    return regex.compile(rf"(?<![\p{{L}}\p{{N}}/\-.]){regex.escape(short).replace(' ', f'{_SP}?')}"
                         rf"(?![\p{{N}}/])")


def _squash(s: str) -> str:
    return _SPACES.sub("", s).casefold()


# ----------------------------------------------------------------------------- rules


class SymbolForm(Rule):
    """Document symbols are written in their canonical form: "A/RES/75/10", "A/60/88/Corr.1".

    ## What it does
    Finds document symbols (a series prefix such as A, S, E, ST, A/C.3, E/CN.4 followed by
    "/" and components) in the text and footnotes, and reports: wrong capitals ("A/Res/75/10",
    "a/res/75/10"), spaces around "/" ("A/60/ 88"), a missing full stop in numbered
    components and modifiers ("Corr 1", "Rev1", "L20"), and a trailing "/". The fix writes the
    canonical symbol. Strings without a series prefix ("I-24/7", "24/7", "9/11") are never
    treated as symbols.

    ## Why
    A symbol identifies one document; readers and tools (ODS, undocs.org, eLUNa) look it up
    exactly as issued. The grammar is that of the UN Library guide to document symbols.

    ## Example
    ```
    1. *Takes note* of the report of the Secretary-General.^[A/60/88 and A/60/88/Corr 1.]
    ```

    ## Use instead
    ```
    1. *Takes note* of the report of the Secretary-General.^[A/60/88 and A/60/88/Corr.1.]
    ```

    ## References
    - UN Library research guide, UN Document Symbols (components and modifiers).
    - conventions.md section 3.
    """

    code = "D101"
    name = "symbol-form"
    summary = "Document symbols in canonical form (capitals, no spaces, 'Corr.1')"
    scopes = _ALL_SCOPES
    trigger = _SLASH
    severity = Severity.ERROR
    fix = FixSafety.SAFE
    bad_examples = {
        "en": ["The General Assembly,\n1. *Takes note* of the report of the Secretary-General.^[A/60/ 88 and "
               "A/60/88/Corr 1.]"],
        "fr": ["L’Assemblée générale,\n1. *Prend note* du rapport du Secrétaire général.^[Voir A/Res/75/10.]"],
    }
    good_examples = {
        "en": ["The General Assembly,\n*Noting* the 24/7 network I-24/7 and the events of 9/11,\n"
               "1. *Takes note* of the report of the Secretary-General.^[A/60/88 and A/60/88/Corr.1; "
               "see also A/CONF.192/15 and E/CN.4/Sub.2/AC.2/1987/WP.4/Add.1.]"],
        "fr": ["L’Assemblée générale,\n*Notant* le système I-24/7 et le Programme 2030,\n"
               "1. *Prend note* du rapport du Secrétaire général.^[Voir décision 60/519 et A/60/88, "
               "A/60/88/Corr.1 et A/60/88/Corr.2, annexe.]"],
    }

    def check(self, part: Paragraph, ctx: Context) -> Iterator[Finding]:
        for sym in symbols_in(part.scan_text):
            if not sym.problems:
                continue
            fix = ctx.replace(part, sym.start, sym.trail_end, sym.canonical, f"write {sym.canonical!r}")
            yield ctx.finding(part, ctx.say("D101.symbol", written=part.text[sym.start:sym.trail_end],
                                            canonical=sym.canonical, problems=symbol_problems(ctx, sym)),
                              sym.start, sym.trail_end, fix=fix)


class SecurityCouncilYear(Rule):
    """Security Council resolutions carry their year: "S/RES/2334 (2016)", "resolution 2334 (2016)".

    ## What it does
    Reports the symbol of a Security Council resolution without its year in parentheses
    ("S/RES/2334"), and a citation of a Security Council resolution by number alone
    ("Security Council resolution 1373 of 28 September 2001", or "resolution 1373" in a
    Security Council text). When the citation gives the date, the fix (unsafe: check the
    date) adds its year.

    ## Why
    Security Council resolutions are identified by number and year: "S/RES/1373 (2001)",
    cited "resolution 1373 (2001)" (Dag Hammarskjöld Library, Security Council resolutions guide).

    ## Example
    ```
    *Recalling* Security Council resolution 1373 of 28 September 2001,
    ```

    ## Use instead
    ```
    *Recalling* Security Council resolution 1373 (2001) of 28 September 2001,
    ```

    ## References
    - Dag Hammarskjöld Library research guide, Security Council resolutions.
    - conventions.md CIT-003, section 3.
    """

    code = "D102"
    name = "sc-resolution-year"
    summary = "Security Council resolutions carry their year in parentheses"
    scopes = _ALL_SCOPES
    trigger = words_trigger(("/",) + CITATION_WORDS)  # a symbol or a citation
    languages = ("en", "fr")
    severity = Severity.ERROR
    fix = FixSafety.UNSAFE
    bad_examples = {
        "en": ["The General Assembly,\n*Recalling* Security Council resolution 1373 of 28 September 2001,\n"
               "1. *Decides* to act.^[S/RES/1373.]"],
        "fr": ["L’Assemblée générale,\n*Rappelant* la résolution 1373 du Conseil de sécurité,\n1. *Décide* d’agir."],
    }
    good_examples = {
        "en": ["The General Assembly,\n*Recalling* Security Council resolution 1373 (2001) of 28 September "
               "2001,\n1. *Decides* to act.^[S/RES/1373 (2001).]"],
        "fr": ["L’Assemblée générale,\n*Rappelant* la résolution 1373 (2001) du Conseil de sécurité, en date du "
               "28 septembre 2001,\n1. *Décide* d’agir."],
    }

    def check(self, part: Paragraph, ctx: Context) -> Iterator[Finding]:
        for sym in symbols_in(part.scan_text):
            if sym.resolution_series == "S/RES" and not sym.paren and len(sym.parts) == 2 \
                    and sym.parts[1].isdigit():
                yield ctx.finding(part, ctx.say("D102.symbol", written=sym.written), sym.start, sym.end)
        for c in part_citations(ctx.doc, part, ctx.language):
            if c.form != "bare":
                continue
            if not (c.organ == "SC" or (c.organ is None and ctx.doc.organ == "SC")):
                continue
            fix = None
            if c.date is not None and c.date.valid:
                fix = ctx.replace(part, c.end, c.end, f" ({c.date.year})", f"add '({c.date.year})'")
            yield ctx.finding(part, ctx.say("D102.cited", number=c.number), c.start, c.end, fix=fix,
                              severity=Severity.WARNING)


class SymbolInRunningText(Rule):
    """Running text cites "resolution 61/171", not the document symbol "A/RES/61/171".

    ## What it does
    Reports a resolution's document symbol (A/RES/..., S/RES/..., E/RES/..., A/HRC/RES/...)
    in the preamble or operative part. After "resolution" the fix (unsafe) keeps only the
    number: "resolution A/RES/61/171" becomes "resolution 61/171". Footnotes, where sources
    are cited, are not checked.

    ## Why
    Resolutions cite other resolutions by number in the text ("its resolution 61/171 of 19
    December 2006") and give sources in footnotes; the A/RES symbol belongs to the
    document, not to the sentence.

    ## Example
    ```
    *Recalling* its resolution A/RES/61/171 of 19 December 2006,
    ```

    ## Use instead
    ```
    *Recalling* its resolution 61/171 of 19 December 2006,
    ```

    ## References
    - observed in all primary texts (A/RES/51/1, A/RES/75/10, S/RES/1373 (2001)).
    - conventions.md CIT-004.
    """

    code = "D103"
    name = "symbol-in-running-text"
    summary = "Cite 'resolution 61/171' in the text, not 'A/RES/61/171'"
    scopes = (Scope.PREAMBLE, Scope.OPERATIVE, Scope.SUBPARAGRAPH)
    trigger = _SLASH
    severity = Severity.WARNING
    fix = FixSafety.UNSAFE
    bad_examples = {
        "en": ["The General Assembly,\n*Recalling* its resolution A/RES/61/171 of 19 December 2006,\n"
               "1. *Decides* to act."],
        "fr": ["L’Assemblée générale,\n*Rappelant* sa résolution A/RES/61/171 du 19 décembre 2006,\n"
               "1. *Décide* d’agir."],
    }
    good_examples = {
        "en": ["The General Assembly,\n*Recalling* its resolution 61/171 of 19 December 2006,\n"
               "1. *Decides* to act.^[A/RES/61/171.]"],
        "fr": ["L’Assemblée générale,\n*Rappelant* sa résolution 61/171 du 19 décembre 2006,\n"
               "1. *Décide* d’agir.^[A/RES/61/171.]"],
    }

    def check(self, part: Paragraph, ctx: Context) -> Iterator[Finding]:
        text = part.scan_text
        for sym in symbols_in(text):
            if sym.resolution_series is None:
                continue
            before = text[max(0, sym.start - 30):sym.start]
            if _DEC_KEYWORD.search(before):
                continue  # D104
            short = sym.short_number()
            if _RES_KEYWORD.search(before):
                fix = ctx.replace(part, sym.start, sym.end, short, f"write {short!r}")
                yield ctx.finding(part, ctx.say("D103.number", short=short),
                                  sym.start, sym.end, fix=fix)
            else:
                yield ctx.finding(part, ctx.say("D103.footnote", short=short, written=sym.written),
                                  sym.start, sym.end)


class DecisionSymbol(Rule):
    """Decisions have no document symbol: "decision 60/519", never "decision A/RES/60/519".

    ## What it does
    Reports "decision" / "décision" followed by a resolution symbol (A/RES/..., E/RES/...).
    The fix (unsafe) keeps only the number.

    ## Why
    General Assembly decisions are numbered (60/519) but have no document series symbol;
    an A/RES symbol built from a decision number designates another document, or none
    (Dag Hammarskjöld Library, General Assembly resolutions guide).

    ## Example
    ```
    *Recalling* its decision A/RES/60/519,
    ```

    ## Use instead
    ```
    *Recalling* its decision 60/519,
    ```

    ## References
    - Dag Hammarskjöld Library research guide, GA resolutions and decisions.
    - conventions.md CIT-005.
    """

    code = "D104"
    name = "decision-symbol"
    summary = "Decisions are cited by number; they have no A/RES symbol"
    scopes = _ALL_SCOPES
    trigger = _SLASH
    severity = Severity.ERROR
    fix = FixSafety.UNSAFE
    bad_examples = {
        "en": ["The General Assembly,\n*Recalling* its decision A/RES/60/519,\n1. *Decides* to act."],
        "fr": ["L’Assemblée générale,\n1. *Décide* d’agir.^[Voir décision A/RES/60/519.]"],
    }
    good_examples = {
        "en": ["The General Assembly,\n*Recalling* its decision 60/519,\n1. *Decides* to act."],
        "fr": ["L’Assemblée générale,\n1. *Décide* d’agir.^[Voir décision 60/519 et A/60/88.]"],
    }

    def check(self, part: Paragraph, ctx: Context) -> Iterator[Finding]:
        text = part.scan_text
        for sym in symbols_in(text):
            if sym.resolution_series is None:
                continue
            if not _DEC_KEYWORD.search(text[max(0, sym.start - 30):sym.start]):
                continue
            short = sym.short_number()
            fix = ctx.replace(part, sym.start, sym.end, short, f"write {short!r}")
            yield ctx.finding(part, ctx.say("D104.decision", short=short, written=sym.written),
                              sym.start, sym.end, fix=fix)


class LinkTarget(Rule):
    """A link to a UN document is on the citation of that document.

    ## What it does
    Reads the links to UN documents (undocs.org, documents.un.org...) and compares the
    symbol in the link with the text it is on. Reports a link on text that is not that
    document or its citation: "I-24/7" (the name of a police network) linked to resolution
    A/RES/24/7, "73/11" linked to A/RES/73/12, "decision 60/519" linked to A/RES/60/519,
    "A/60/89" linked to A/60/88. A resolution link on a bare number that no "resolution"
    citation introduces is reported as a warning.

    ## Why
    Symbol linkers turn any "N/N" into a resolution link. In A/RES/75/10 (French) the system
    name "I-24/7" in OP 13 (a) and OP 14 was linked to https://undocs.org/fr/A/RES/24/7, a
    resolution of 1969 that has nothing to do with the text.

    ## Example
    ```
    (a) The secure global police communications system [I-24/7](https://undocs.org/A/RES/24/7);
    ```

    ## Use instead
    ```
    (a) The secure global police communications system I-24/7;
    ```

    ## References
    - conventions.md section 6 (defect D6), CIT-005, GEN-004.
    """

    code = "D105"
    name = "link-target"
    summary = "Links to UN documents sit on the citation of the linked document"
    scopes = _ALL_SCOPES
    severity = Severity.ERROR
    bad_examples = {
        "en": ["The General Assembly,\n1. *Encourages* the use of the police communications system "
               "[I-24/7](https://undocs.org/en/A/RES/24/7)."],
        "fr": ["L’Assemblée générale,\n1. *Encourage* l’utilisation du système "
               "I-[24/7](https://undocs.org/fr/A/RES/24/7)."],
    }
    good_examples = {
        "en": ["The General Assembly,\n*Recalling* its resolutions [71/19](https://undocs.org/en/A/RES/71/19) of "
               "21 November 2016 and [73/11](https://undocs.org/en/A/RES/73/11) of 26 November 2018,\n"
               "1. *Decides* to act.^[[A/60/88](https://undocs.org/en/A/60/88).]"],
        "fr": ["L’Assemblée générale,\n*Rappelant* sa résolution [51/1](https://undocs.org/fr/A/RES/51/1) du "
               "15 octobre 1996 et les résolutions [2019/19](https://undocs.org/fr/E/RES/2019/19) du Conseil "
               "économique et social, en date du 23 juillet 2019,\n1. *Encourage* l’utilisation du système I-24/7."],
    }

    @staticmethod
    def anchors(part: Paragraph) -> list[tuple[int, int, str]]:
        """Linked stretches of text: (start, end, url), adjacent runs of one link merged."""
        out: list[tuple[int, int, str]] = []
        for run in part.runs:
            if not run.hyperlink or run.kind != "text" or run.end <= run.start:
                continue
            if out and out[-1][2] == run.hyperlink and out[-1][1] == run.start:
                out[-1] = (out[-1][0], run.end, run.hyperlink)
            else:
                out.append((run.start, run.end, run.hyperlink))
        return out

    def check(self, part: Paragraph, ctx: Context) -> Iterator[Finding]:
        text = part.scan_text
        cited = None
        for start, end, url in self.anchors(part):
            target = symbol_of_url(url)
            if target is None:
                continue
            anchor = text[start:end].strip()
            if not anchor:
                continue
            # The word the link sits in: "I-24/7" for a link on "24/7".
            t0, t1 = start, end
            while t0 > 0 and not text[t0 - 1].isspace() and text[t0 - 1] not in "([«“\"'’":
                t0 -= 1
            while t1 < len(text) and not text[t1].isspace() and text[t1] not in ",;:)]»”\"’" + "\ufffc" and \
                    not (text[t1] == "." and (t1 + 1 == len(text) or not text[t1 + 1].isalnum())):
                t1 += 1
            word = text[t0:t1].strip() if " " not in anchor else anchor
            found = symbols_in(word)
            if any(s.canonical.casefold() == target.casefold() for s in found):
                continue
            tsym = symbols_in(target)
            if not tsym:
                continue
            tsym0 = tsym[0]
            if tsym0.resolution_series is None:
                if found or regex.search(r"\d+/\d+", word):
                    yield ctx.finding(part, ctx.say("D105.other", target=target, word=word), start, end)
                continue
            short = tsym0.short_number()
            if not _number_pattern(short).search(word):
                yield ctx.finding(part, ctx.say("D105.not_it", target=target, word=word, short=short),
                                  start, end)
                continue
            if cited is None:
                cited = part_citations(ctx.doc, part, ctx.language)
            covering = [c for c in cited if c.start < end and start < c.end]
            if any(c.decision for c in covering):
                yield ctx.finding(part, ctx.say("D105.decision", target=target),
                                  start, end)
            elif not any(_squash(c.number) == _squash(short) for c in covering):
                yield ctx.finding(part, ctx.say("D105.not_cited", target=target, word=word),
                                  start, end, severity=Severity.WARNING)
