"""The masthead and closing lines of a resolution read as facts: symbol, date, year, session, sponsors.

A draft circulated as an L-document opens with a masthead ("A/C.3/79/L.12/Rev.1",
"Distr.: Limited", "12 November 2024", "Seventy-ninth session", "Agenda item 71 (b)",
"Argentina, Brazil and Chile: draft resolution"); an adopted resolution with its symbol and
adoption line ("Resolution 827 (1993)", "Adopted by the Security Council at its 3217th
meeting, on 25 May 1993"). The classifier marks these lines as preface or closing; this
module reads what they say into a :class:`Masthead` (``Resolution.facts["masthead"]``),
which rules check and :attr:`Resolution.year` dates the text by.
"""
from __future__ import annotations

import datetime
from dataclasses import dataclass, field

import regex

from .language import LanguagePack
from .model import Kind, Paragraph

#: A line that is a document symbol alone ("S/2019/580", "A/ES-11/L.2/Add.1", "S/RES/827 (1993)").
_SYMBOL_LINE = regex.compile(r"^(?:United\s+Nations\s+)?(?P<symbol>[A-Za-z]{1,6}(?:\s*/\s*[\w.\-*]+(?:\s\d+)?)+"
                             r"(?:\s*\(\d{4}\))?)$")
#: "Resolution 827 (1993)", "827 (1993). Resolution of ...": the number and year of a resolution.
_RESOLUTION_HEAD = regex.compile(r"^(?:RESOLUTION\s+|Resolution\s+|Résolution\s+)?(?P<number>\d{1,4})\s*"
                                 r"\((?P<year>\d{4})\)")
#: A session line: "Seventy-ninth session", "Soixante-dix-neuvième session", "Tenth emergency special session".
_SESSION_LINE = regex.compile(r"^(?P<ordinal>[\p{L}\- ]+?)\s+(?:(?:emergency\s+)?special\s+|extraordinaire\s+)?session$",
                              regex.IGNORECASE)


@dataclass
class Masthead:
    """What the masthead and closing lines say; each fact with the paragraph it was read from."""

    symbol: str | None = None
    symbol_at: Paragraph | None = None
    date: datetime.date | None = None
    date_at: Paragraph | None = None
    resolution: tuple[int, int] | None = None  # (number, year) of an adopted resolution
    resolution_at: Paragraph | None = None
    session: str | None = None  # the ordinal as written ("Seventy-ninth")
    session_at: Paragraph | None = None
    sponsors: list[str] = field(default_factory=list)
    sponsors_text: str | None = None  # the names as written, before ": draft resolution"
    sponsors_at: Paragraph | None = None

    @property
    def year(self) -> int | None:
        """The year of the text: of its date, else of its resolution number."""
        if self.date is not None:
            return self.date.year
        return self.resolution[1] if self.resolution else None


def _date_pattern(pack: LanguagePack) -> regex.Pattern[str] | None:
    months = pack.words("months")
    if not months:
        return None
    names = "|".join(regex.escape(m) for m in months)
    return regex.compile(rf"(?<!\d)(?P<day>\d{{1,2}})(?:er)?[\s\u00a0]+(?P<month>{names})[\s\u00a0]+(?P<year>\d{{4}})\b",
                         regex.IGNORECASE)


def _date_in(text: str, pattern: regex.Pattern[str] | None, months: list[str]) -> datetime.date | None:
    m = pattern.search(text) if pattern is not None else None
    if not m:
        return None
    month = [x.casefold() for x in months].index(m.group("month").casefold()) + 1
    try:
        return datetime.date(int(m.group("year")), month, int(m.group("day")))
    except ValueError:
        return None


def _sponsors(text: str, pack: LanguagePack) -> tuple[str, list[str]]:
    """The names of a sponsors line as written and as a list ("A, B and C" -> [A, B, C])."""
    names = text.rpartition(":")[0].rstrip(" \u00a0")
    joined = set(pack.words("sponsor_names_with_conjunction"))
    conj = pack.get("sponsor_conjunction", "and")
    pieces = [p.strip() for p in regex.split(r"[,;]\s*", names) if p.strip()]
    out: list[str] = []
    for piece in pieces:
        if piece in joined:
            out.append(piece)
            continue
        # "Peru and the Republic of Korea": split at a conjunction that does not join a known name.
        words = piece.split(f" {conj} ")
        current = words[0]
        for w in words[1:]:
            both = f"{current} {conj} {w}"
            if both in joined or any(n.startswith(both) for n in joined):
                current = both
            else:
                out.append(current)
                current = w
        out.append(current)
    return names, [n.removeprefix(f"{conj} ").strip() for n in out if n.strip()]


def read(paragraphs: list[Paragraph], pack: LanguagePack, classify_sponsors) -> Masthead:  # type: ignore[no-untyped-def]
    """The facts of the preface, title and closing lines of ``paragraphs``."""
    found = Masthead()
    date_pattern = _date_pattern(pack)
    months = pack.words("months")
    for p in paragraphs:
        if p.kind not in (Kind.PREFACE, Kind.TITLE, Kind.CLOSING):
            continue
        text = p.text.strip()
        if found.symbol is None and (m := _SYMBOL_LINE.match(text)) and "/" in text:
            found.symbol, found.symbol_at = m.group("symbol"), p
        if found.resolution is None and (m := _RESOLUTION_HEAD.match(text)):
            found.resolution = (int(m.group("number")), int(m.group("year")))
            found.resolution_at = p
        if found.session is None and p.kind is not Kind.CLOSING and (m := _SESSION_LINE.match(text)):
            found.session, found.session_at = m.group("ordinal"), p
        if found.sponsors_at is None and p.kind is Kind.PREFACE and classify_sponsors(text):
            found.sponsors_text, found.sponsors = _sponsors(text, pack)
            found.sponsors_at = p
        if found.date is None and (date := _date_in(text, date_pattern, months)) is not None:
            found.date, found.date_at = date, p
    if found.resolution is None and found.symbol and (m := regex.search(r"RES/(\d{1,4})\s*\((\d{4})\)", found.symbol)):
        found.resolution = (int(m.group(1)), int(m.group(2)))
        found.resolution_at = found.symbol_at
    return found
