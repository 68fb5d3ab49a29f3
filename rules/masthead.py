"""Masthead rules (M): the symbol, session, date and sponsors line above the text.

The facts are read once by the core (:mod:`resolint.masthead`, ``doc.masthead``); these
rules check them: the symbol's grammar, the session ordinal against the symbol, the date
against the session (or, for the Security Council, the resolution number against its
year: ``data/sc_years.toml``), and the sponsors line's separators and order.
"""
from __future__ import annotations

import bisect
import unicodedata
from collections.abc import Iterator
from functools import cache

import regex

from resolint.findings import Finding, Severity
from resolint.model import Resolution, Scope
from resolint.rule import Context, Rule

from ._helpers import load_data
from .citations import _ordinal_key, date_data, ordinal_words
from .symbols import symbol_problems, symbols_in

#: The session of a General Assembly symbol: "A/79/L.12", "A/C.3/79/L.12", "A/ES-11/L.2".
_GA_SESSION = regex.compile(r"^A/(?:C\.\d/|HRC/)?(?P<session>\d{1,3}|(?P<special>E?S)-(?P<special_n>\d{1,2}))/")


#: The body of the examples below: a General Assembly text after its masthead lines.
_GA = {"en": "The General Assembly,\n*Recalling* its resolution 78/1,\n*Decides* to act.",
       "fr": "L’Assemblée générale,\n*Rappelant* sa résolution 78/1,\n*Décide* d’agir."}


def _masthead_symbol(doc: Resolution):  # type: ignore[no-untyped-def]
    m = doc.masthead
    if m.symbol is None or m.symbol_at is None:
        return None, None
    found = symbols_in(m.symbol_at.text)
    return (found[0] if found else None), m.symbol_at


class MastheadSymbol(Rule):
    """The masthead symbol follows the grammar of document symbols: "A/C.3/79/L.12/Rev.1".

    ## What it does
    Reads the document symbol standing alone in the masthead and reports what the
    symbol grammar rejects (capitals, spaces around "/", "Rev 1" or "Rev1" for "Rev.1",
    a trailing "/"), and a General Assembly document symbol without its session
    ("A/C.3/L.12").

    ## Why
    The masthead symbol is the document's identity: the Secretariat, delegations and the
    documents system find the draft by it, exactly as issued.

    ## Example
    ```
    A/C.3/79/L.12/Rev 1
    The General Assembly,
    ```

    ## Use instead
    ```
    A/C.3/79/L.12/Rev.1
    The General Assembly,
    ```

    ## References
    - UN Library research guide, UN Document Symbols.
    """

    code = "M101"
    name = "masthead-symbol"
    summary = "The masthead symbol in canonical form, with its session"
    scopes = (Scope.DOCUMENT,)
    severity = Severity.ERROR
    bad_examples = {"en": ["A/C.3/79/L.12/Rev 1\n" + _GA["en"]], "fr": ["A/C.3/L.12\n" + _GA["fr"]]}
    good_examples = {"en": ["A/ES-11/L.2/Add.1\n" + _GA["en"]], "fr": ["A/C.3/79/L.12/Rev.1\n" + _GA["fr"]]}

    def check_document(self, doc: Resolution, ctx: Context) -> Iterator[Finding]:
        sym, part = _masthead_symbol(doc)
        if sym is None or part is None:
            return
        if sym.problems:
            yield ctx.finding(part, ctx.say("M101.symbol", written=sym.written, canonical=sym.canonical,
                                            problems=symbol_problems(ctx, sym)), sym.start, sym.end)
        elif sym.series == "A" and sym.parts[0] not in ("RES", "HRC") and not _GA_SESSION.match(sym.canonical):
            yield ctx.finding(part, ctx.say("M101.session", written=sym.written), sym.start, sym.end)


def _session_of(symbol: str) -> tuple[int, bool] | None:
    """(session, special) of a General Assembly symbol, or None."""
    m = _GA_SESSION.match(symbol)
    if not m:
        return None
    if m.group("special"):
        return int(m.group("special_n")), True
    return int(m.group("session")), False


def _ordinal_value(written: str, language: str) -> int | None:
    data = date_data().get(language, {}).get("ordinals", {})
    et = data.get("et_word", "\0")
    by_key = {_ordinal_key(word, et): n for n, word in ordinal_words(language).items()}
    for word in data.get("first", []):
        by_key[_ordinal_key(word, et)] = 1
    return by_key.get(_ordinal_key(written, et))


class MastheadSession(Rule):
    """The session line agrees with the symbol: "A/C.3/79/L.12" is of the "Seventy-ninth session".

    ## What it does
    Compares the ordinal of the masthead's session line with the session in the masthead
    symbol of a General Assembly document (an emergency special session: the number
    after "ES-").

    ## Why
    A draft re-used from an earlier session keeps its old session line or symbol; the two
    must name the same session.

    ## Example
    ```
    A/C.3/79/L.12
    Seventy-eighth session
    The General Assembly,
    ```

    ## Use instead
    ```
    A/C.3/79/L.12
    Seventy-ninth session
    The General Assembly,
    ```

    ## References
    - UN Library research guide, UN Document Symbols (the session as second component).
    """

    code = "M102"
    name = "masthead-session"
    summary = "The session line names the session of the masthead symbol"
    scopes = (Scope.DOCUMENT,)
    languages = ("en", "fr")
    severity = Severity.ERROR
    bad_examples = {"en": ["A/C.3/79/L.12\nSeventy-eighth session\n" + _GA["en"]],
                    "fr": ["A/C.3/79/L.12\nSoixante-dix-huitième session\n" + _GA["fr"]]}
    good_examples = {"en": ["A/C.3/79/L.12\nSeventy-ninth session\n" + _GA["en"]],
                     "fr": ["A/C.3/79/L.12\nSoixante-dix-neuvième session\n" + _GA["fr"]]}

    def check_document(self, doc: Resolution, ctx: Context) -> Iterator[Finding]:
        m = doc.masthead
        sym, _part = _masthead_symbol(doc)
        if sym is None or m.session is None or m.session_at is None:
            return
        session = _session_of(sym.canonical)
        said = _ordinal_value(m.session.strip(), ctx.language)
        if session is None or said is None:
            return
        if said != session[0]:
            line = m.session_at.text.strip()
            yield ctx.finding(m.session_at, ctx.say("M102.session", said=said, line=line, symbol=sym.canonical,
                                                    session=session[0]), 0, len(m.session_at.text.rstrip()))


@cache
def _sc_years() -> tuple[list[tuple[int, int]], int]:
    data = load_data("sc_years")
    return sorted((n, y) for y, n in ((int(y), n) for y, n in data["first"].items())), int(data["last_known"])


def sc_year_of(number: int) -> int | None:
    """The year Security Council resolution ``number`` was adopted (None past the table)."""
    firsts, last_known = _sc_years()
    if number < 1 or number > last_known:
        return None
    at = bisect.bisect_right(firsts, (number, 10**4)) - 1
    return firsts[at][1] if at >= 0 else None


class MastheadDate(Rule):
    """The date of the masthead lies in the session, and a Security Council resolution's year is its own.

    ## What it does
    For a General Assembly document of a regular session N (symbol "A/79/...", "A/C.3/79/..."),
    the masthead date must lie in that session: from September of 1945 + N to September of
    the next year. For an adopted Security Council resolution ("Resolution 827 (1993)",
    "S/RES/827 (1993)"), the year in parentheses must be the year resolution 827 was
    adopted (``data/sc_years.toml``) and agree with the adoption date.

    ## Why
    A masthead copied from an earlier draft keeps its old date; a mistyped resolution
    number or year cites another resolution.

    ## Example
    ```
    A/C.3/79/L.12
    12 November 2023
    The General Assembly,
    ```

    ## Use instead
    ```
    A/C.3/79/L.12
    12 November 2024
    The General Assembly,
    ```

    ## References
    - Rules of procedure of the General Assembly, rule 1 (the regular session opens in September).
    - Dag Hammarskjöld Library, Security Council resolutions by year (``data/sc_years.toml``).
    """

    code = "M103"
    name = "masthead-date"
    summary = "The masthead date lies in the session; an SC resolution number matches its year"
    scopes = (Scope.DOCUMENT,)
    languages = ("en", "fr")
    severity = Severity.ERROR
    bad_examples = {"en": ["A/C.3/79/L.12\n12 November 2023\n" + _GA["en"]],
                    "fr": ["Résolution 2334 (2015)\nLe Conseil de sécurité,\n*Rappelant* sa résolution 242 (1967),\n"
                           "*Décide* de rester saisi de la question."]}
    good_examples = {"en": ["A/C.3/79/L.12\n12 November 2024\n" + _GA["en"]],
                     "fr": ["Résolution 2334 (2016)\nLe Conseil de sécurité,\n*Rappelant* sa résolution 242 (1967),\n"
                            "*Décide* de rester saisi de la question."]}

    def check_document(self, doc: Resolution, ctx: Context) -> Iterator[Finding]:
        m = doc.masthead
        sym, _part = _masthead_symbol(doc)
        session = _session_of(sym.canonical) if sym is not None else None
        if session is not None and not session[1] and m.date is not None and m.date_at is not None:
            n = session[0]
            start, end = (1945 + n, 9, 1), (1946 + n, 9, 30)
            if not start <= (m.date.year, m.date.month, m.date.day) <= end:
                yield ctx.finding(m.date_at, ctx.say("M103.session", date=m.date.isoformat(), session=n,
                                                     start=1945 + n, end=1946 + n))
        if m.resolution is not None and (doc.organ == "SC" or (sym is not None and sym.series == "S")):
            number, year = m.resolution
            adopted = sc_year_of(number)
            at = m.resolution_at
            if adopted is not None and adopted != year and at is not None:
                yield ctx.finding(at, ctx.say("M103.adopted", number=number, adopted=adopted, year=year), 0, 0)
            elif m.date is not None and m.date.year != year and m.date_at is not None:
                yield ctx.finding(m.date_at, ctx.say("M103.year", date=m.date.isoformat(), year=year, number=number))


def _collation_key(name: str) -> str:
    """A name as it sorts in a list of Member States: accents, case and punctuation ignored."""
    plain = "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))
    return " ".join(regex.sub(r"[^\p{L}\p{N}]+", " ", plain.casefold()).split())


class SponsorsLine(Rule):
    """The sponsors line lists the names in alphabetical order, joined by ", " and a last "and".

    ## What it does
    Reads the sponsors line of a draft ("Algeria, Ecuador, Guyana and Japan: draft
    resolution") and reports a separator other than ", " between names (";", a comma
    before the last "and"), a last name not joined by "and" ("et" in French), and names
    out of the alphabetical order of the draft's language (accents, case and punctuation
    ignored: "Côte d’Ivoire" sorts as "cote d ivoire").

    ## Why
    Sponsors are listed in the alphabetical order of the language of the document, in
    the short names of Member States, in the form the Secretariat issues.

    ## Example
    ```
    Japan, Algeria, and Ecuador: draft resolution
    ```

    ## Use instead
    ```
    Algeria, Ecuador and Japan: draft resolution
    ```

    ## References
    - United Nations Editorial Manual: Member States listed in the alphabetical order of the language.
    """

    code = "M104"
    name = "sponsors-line"
    summary = "Sponsors in alphabetical order, joined by ', ' and a last 'and'"
    scopes = (Scope.DOCUMENT,)
    languages = ("en", "fr")
    severity = Severity.WARNING
    bad_examples = {"en": ["Japan, Algeria, and Ecuador: draft resolution\nThe Security Council,\n"
                           "*Recalling* its resolution 2254 (2015),\n*Decides* to remain seized of the matter."],
                    "fr": ["Japon, Algérie et Équateur : projet de résolution\nLe Conseil de sécurité,\n"
                           "*Rappelant* sa résolution 2254 (2015),\n*Décide* de rester saisi de la question."]}
    good_examples = {"en": ["Algeria, Ecuador, Trinidad and Tobago and United Kingdom of Great Britain and Northern "
                            "Ireland: draft resolution\nThe Security Council,\n*Recalling* its resolution 2254 (2015),"
                            "\n*Decides* to remain seized of the matter."],
                     "fr": ["Algérie, Équateur et Japon : projet de résolution\nLe Conseil de sécurité,\n"
                            "*Rappelant* sa résolution 2254 (2015),\n*Décide* de rester saisi de la question."]}

    def check_document(self, doc: Resolution, ctx: Context) -> Iterator[Finding]:
        m = doc.masthead
        part, written, names = m.sponsors_at, m.sponsors_text, m.sponsors
        if part is None or not written or not names:
            return
        conj = ctx.pack.get("sponsor_conjunction", "and") if ctx.pack is not None else "and"
        end = len(written)
        if ";" in written:
            yield ctx.finding(part, ctx.say("M104.semicolons"), 0, end)
        elif regex.search(rf",\s+{regex.escape(conj)}\s+[^,]*$", written):
            yield ctx.finding(part, ctx.say("M104.comma", conj=conj), 0, end)
        elif len(names) > 1 and not regex.search(rf"\s{regex.escape(conj)}\s+{regex.escape(names[-1])}$", written):
            yield ctx.finding(part, ctx.say("M104.last", conj=conj, before=names[-2], last=names[-1]), 0, end)
        keys = [_collation_key(n) for n in names]
        for before, after, name_before, name_after in zip(keys, keys[1:], names, names[1:]):
            if after < before:
                at = written.find(name_after)
                yield ctx.finding(part, ctx.say("M104.order", after=name_after, before=name_before),
                                  max(at, 0), max(at, 0) + len(name_after))
                break
