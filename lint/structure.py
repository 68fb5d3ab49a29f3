"""Classifying paragraphs into the parts of a resolution and naming them with labels.

Order of a resolution: preface and title, the organ formula ("The General Assembly,"),
preambular paragraphs (PP), operative paragraphs (OP) with sub-paragraphs, a closing
block, annexes. Labels name places the way negotiators do: ``PP 3``, ``OP 13(a)(i)``.
"""
from __future__ import annotations

import functools
from dataclasses import dataclass

import regex

from .language import LanguagePack
from .model import Kind, Paragraph
from .rule import search_in

_TYPED = regex.compile(
    r"""^(?:
        (?P<dec>\d{1,3})\.(?=\s)            # 1.
      | \((?P<plet>[a-z]{1,2})\)(?=\s)      # (a)  (i) is decided by context
      | (?P<let>[a-z]{1,2})\)(?=\s)         # a)
      | \((?P<prom>[ivxlc]{1,6})\)(?=\s)    # (iv)
      | (?P<rom>[ivxlc]{1,6})\)(?=\s)       # iv)
    )[\t \u00a0]*""",
    regex.VERBOSE,
)
_ROMAN = regex.compile(r"^[ivxlc]+$")


@dataclass
class Numbered:
    """The number a paragraph shows: its text, its kind (decimal/letter/roman) and source."""

    shown: str
    value: str
    style: str  # decimal | letter | roman | other
    source: str  # auto | typed
    length: int = 0  # typed: characters of the paragraph text it takes


def typed_number(text: str, prev_letter: str | None) -> Numbered | None:
    """Recognise a typed number at the start of ``text``."""
    m = _TYPED.match(text)
    if not m:
        return None
    shown = m.group(0).rstrip()
    if m.group("dec"):
        return Numbered(shown, m.group("dec"), "decimal", "typed", m.end())
    value = m.group("plet") or m.group("let") or m.group("prom") or m.group("rom")
    style = "letter"
    if _ROMAN.match(value):
        # "i" after "h" is a letter; otherwise a roman numeral (a lower level).
        is_next_letter = prev_letter is not None and len(value) == 1 and ord(value) == ord(prev_letter[-1]) + 1
        if not is_next_letter and not (value in ("c", "l") and prev_letter):
            style = "roman"
    return Numbered(shown, value, style, "typed", m.end())


def auto_style(fmt: str) -> str:
    if fmt in ("decimal", "decimalZero"):
        return "decimal"
    if fmt in ("lowerLetter", "upperLetter"):
        return "letter"
    if fmt in ("lowerRoman", "upperRoman"):
        return "roman"
    return "other"


def _value_of(shown: str) -> str:
    return shown.strip().strip("().").strip() or shown


@functools.cache
def _compiled(pattern: str):  # type: ignore[no-untyped-def]
    return regex.compile(pattern, regex.V1)


def _combined(patterns: list[str]):  # type: ignore[no-untyped-def]
    """A language pack's patterns as one (None if there are none)."""
    return _compiled("|".join(f"(?:{p})" for p in patterns)) if patterns else None


def _any(combined, text: str) -> bool:  # type: ignore[no-untyped-def]
    """True if any of the combined patterns matches (one search under the regex timeout)."""
    if combined is None:
        return False
    head = text[:300]  # the patterns are anchored at the start of short lines
    return search_in(combined, head) is not None


def _any_at_end(combined, text: str) -> bool:  # type: ignore[no-untyped-def]
    """True if any of the combined patterns (anchored at the end) matches the end of ``text``."""
    return combined is not None and search_in(combined, text[-120:]) is not None


#: Characters that open a bulleted item typed as text.
_BULLETS = frozenset("•‣◦▪–—-")
#: Marks that end a sentence or a clause; a heading ends with none of them.
_CLAUSE_END = frozenset(",;:.!?")
#: Marks that open a quotation: a paragraph opening with one after a chapeau ending ":" is quoted text.
_OPENING_QUOTES = frozenset("“\"«‘'„")
#: A heading is a short line: at most this many words.
_HEADING_WORDS = 12


def is_heading(text: str, opener: bool) -> bool:
    """A short unnumbered line without final punctuation that opens no clause ("Asset freeze")."""
    stripped = text.rstrip(" \u00a0\ufffc\t\"”’»)")
    return (not opener and bool(stripped) and stripped[-1] not in _CLAUSE_END
            and len(text.split()) <= _HEADING_WORDS)


class Classifier:
    """Assigns :class:`Kind` and labels to body paragraphs, in one pass."""

    def __init__(self, pack: LanguagePack, packs: dict[str, LanguagePack]) -> None:
        self.pack = pack
        self.packs = packs
        self._preface = _combined(pack.words("preface_patterns"))
        self._annex = _combined(pack.words("annex_patterns"))
        self._closing = _combined(pack.words("closing_patterns"))
        self._sponsors = _combined(pack.words("sponsors_patterns"))

    def _organ_from_masthead(self, paras: list[Paragraph], body: list[int]) -> dict[str, object]:
        """The organ named by the masthead when the text has no formula ("S/RES/778 (1992)")."""
        hints = [(code, _compiled(pattern)) for code, pattern in self.pack.data.get("organ_hints", [])]
        for i in body[:12]:
            head = paras[i].text.strip()[:200]
            for code, pattern in hints:
                if search_in(pattern, head) is not None:
                    organ = next((o for o in self.pack.data.get("organs", []) if o.get("code") == code), None)
                    return {"organ": organ} if organ else {}
        return {}

    def is_sponsors(self, text: str) -> bool:
        """The sponsors line of a draft ("Argentina, Brazil and Chile: draft resolution")."""
        return _any_at_end(self._sponsors, text)

    def is_preface(self, text: str) -> bool:
        """A masthead line: symbol, distribution, date, session, agenda item, sponsors..."""
        return _any(self._preface, text) or _any_at_end(self._sponsors, text)

    def _match_formula(self, text: str) -> dict | None:  # type: ignore[type-arg]
        found = self.pack.match_formula(text)
        if found is None:
            for pack in self.packs.values():
                if pack is not self.pack and (found := pack.match_formula(text)):
                    break
        return found

    def classify(self, paras: list[Paragraph], numbers: list[Numbered | None]) -> dict[str, object]:
        """Set kind, label, number and parent on each paragraph; return facts (organ...)."""
        facts: dict[str, object] = {}
        body = [i for i, p in enumerate(paras) if p.text.strip() and not p.in_table]
        formula_at = None
        for i in body[:40]:
            organ = self._match_formula(paras[i].text)
            if organ is not None:
                formula_at = i
                facts["organ"] = organ
                break
        pack = self.pack
        if "organ" not in facts:
            facts.update(self._organ_from_masthead(paras, body))
        # Before the formula: preface lines, then the title.
        if formula_at is not None:
            for i in body:
                if i >= formula_at:
                    break
                p = paras[i]
                if self.is_preface(p.text.strip()):
                    p.kind, p.label = Kind.PREFACE, "preface"
                else:
                    p.kind, p.label = Kind.TITLE, "title"
            paras[formula_at].kind = Kind.FORMULA
            paras[formula_at].label = "formula"
            start = formula_at + 1
        else:
            start = 0
        any_decimal = any(n is not None and n.style == "decimal" for n in numbers)
        section = "preamble"
        pp_count = op_count = 0
        top: Paragraph | None = None
        sub1: Paragraph | None = None
        sub1_roman = False
        prev_letter: str | None = None
        in_annex = in_closing = False
        nested: int | None = None  # next number of a numbered list inside an operative paragraph
        bullets: dict[int, int] = {}  # id(paragraph) -> bulleted items under it so far
        items: dict[tuple[int, str], int] = {}  # (id(paragraph), "item" or "quote") -> how many under it so far
        quoting = False  # inside a quotation introduced by a paragraph ending ":"
        leading_title = formula_at is None
        last_text: Paragraph | None = None  # the paragraph with text before this one
        for i, p in enumerate(paras):
            if i < start:
                if not p.text.strip():
                    p.kind, p.label = Kind.EMPTY, ""
                elif p.in_table:
                    p.kind, p.label = Kind.TABLE, "table"
                continue
            text = p.text.strip()
            if not text:
                p.kind, p.label = Kind.EMPTY, ""
                continue
            if p.in_table:
                p.kind, p.label = Kind.TABLE, "table"
                continue
            prev, last_text = last_text, p
            if in_annex:
                p.kind, p.label = Kind.ANNEX, "annex"
                continue
            if _any(self._annex, text):
                in_annex = True
                p.kind, p.label = Kind.ANNEX, "annex"
                continue
            if in_closing or ((section == "operative" or pp_count) and _any(self._closing, text)):
                # The closing block (meeting, date, adoption line) and what stands after it.
                in_closing = True
                p.kind, p.label = Kind.CLOSING, "closing"
                continue
            num = numbers[i]
            if num is not None and num.source == "typed" and num.style != "decimal" and prev_letter is not None:
                # Re-decide (i) versus the letter i now that we know the previous letter.
                retyped = typed_number(p.text, prev_letter)
                if retyped is not None:
                    num = numbers[i] = retyped
            opener_op = pack.starts_with_any(text, pack.operative_set)
            opener_pp = pack.starts_with_any(text, pack.preamble_set)
            if leading_title and num is None and not (opener_pp or opener_op):
                if self.is_preface(text):
                    p.kind, p.label = Kind.PREFACE, "preface"
                else:
                    p.kind, p.label = Kind.TITLE, "title"
                continue
            leading_title = False
            if top is not None and text[:1] in _OPENING_QUOTES and (quoting or top.text.rstrip().endswith(":")):
                # Text quoted by the paragraph above ("Reaffirms its resolution 425 (1978), which reads:").
                quoting = True
                n = items[id(top), "quote"] = items.get((id(top), "quote"), 0) + 1
                p.kind, p.level, p.parent = Kind.QUOTE, 1, top
                p.label = f"{top.label} quote {n}"
                continue
            quoting = False
            if num is not None:
                p.number, p.number_source = num.shown, num.source
            if num is not None and num.style == "decimal" and top is not None and top.kind is Kind.OPERATIVE \
                    and not opener_op and (nested is not None or (
                        num.value == "1" and (op_count > 1 or not top.number) and sub1 is None
                        and top.text.rstrip().endswith(":"))):
                if nested is None or num.value == str(nested):
                    # "7. ... to report on: 1. ...; 2. ...": items of the paragraph, not paragraphs.
                    nested = int(num.value) + 1
                    p.kind, p.level, p.parent = Kind.SUBPARAGRAPH, 1, top
                    p.label = f"{top.label}({num.value})"
                    continue
                nested = None
            if num is not None and num.style == "decimal":
                nested = None
                if section == "preamble" and opener_pp and not opener_op and not pack.leads_in(text):
                    pp_count += 1
                    p.kind, p.label, p.level = Kind.PREAMBLE, f"PP {pp_count}", 0
                    top, sub1, prev_letter = p, None, None
                    continue
                section = "operative"
                op_count += 1
                value = num.value if num.value.isdigit() else str(op_count)
                p.kind, p.label, p.level = Kind.OPERATIVE, f"OP {value}", 0
                top, sub1, prev_letter = p, None, None
                continue
            if num is not None and num.style in ("letter", "roman") and top is not None:
                value = _value_of(num.value)
                if num.style == "letter" or sub1 is None or (sub1_roman and p.level <= sub1.level):
                    # (a) under a paragraph, or (i) straight under it and its siblings (ii), (iii).
                    p.kind, p.level, p.parent = Kind.SUBPARAGRAPH, 1, top
                    p.label = f"{top.label}({value})"
                    sub1, sub1_roman = p, num.style == "roman"
                    if num.style == "letter":
                        prev_letter = value
                else:
                    p.kind, p.level, p.parent = Kind.SUBPARAGRAPH, 2, sub1
                    p.label = f"{sub1.label}({value})"
                continue
            # Unnumbered paragraph.
            if section == "operative" and prev is not None and prev.kind is Kind.HEADING:
                # A part of the text with a preamble of its own ("B", "The Security Council,", "Determined ...").
                if len(text) < 80 and self._match_formula(text) is not None:
                    p.kind, p.label = Kind.FORMULA, "formula"
                    section, top, sub1 = "preamble", None, None
                    continue
                if opener_pp and not opener_op:
                    section = "preamble"
            if num is None and top is not None and text[:1] in _BULLETS:
                # A bulleted item of the paragraph above ("• the progress in ..."): no number, no label.
                bullets[id(top)] = bullets.get(id(top), 0) + 1
                p.kind, p.level, p.parent, p.number = Kind.SUBPARAGRAPH, 1, top, "•"
                p.label = f"{top.label} bullet {bullets[id(top)]}"
                continue
            if (num is None and top is not None and top.kind in (Kind.PREAMBLE, Kind.OPERATIVE) and sub1 is None
                    and not opener_op and not opener_pp and top.text.rstrip().endswith(":")
                    and not is_heading(text, False)):
                # An unnumbered item of a chapeau ("Resolves:" / "To defer ...;" / "To request ...;").
                n = items[id(top), "item"] = items.get((id(top), "item"), 0) + 1
                p.kind, p.level, p.parent = Kind.SUBPARAGRAPH, 1, top
                p.label = f"{top.label} item {n}"
                continue
            if num is None and is_heading(text, opener_pp or opener_op) and (pp_count or op_count):
                # A heading inside the preamble or the operative part ("Asset freeze", "A", "II").
                p.kind, p.label = Kind.HEADING, "heading"
                continue
            if (num is None and sub1 is not None and top is not None and top.kind is Kind.OPERATIVE
                    and not opener_op and not opener_pp):
                # The sentence of an operative paragraph going on after its sub-paragraphs.
                p.kind, p.label, p.level, p.parent = Kind.CONTINUATION, f"{top.label} (cont.)", 0, top
                continue
            if section == "preamble" and opener_op and not opener_pp and (not any_decimal or text.endswith(":")):
                section = "operative"
            if section == "preamble":
                pp_count += 1
                p.kind, p.label, p.level = Kind.PREAMBLE, f"PP {pp_count}", 0
            else:
                op_count += 1
                p.kind, p.label, p.level = Kind.OPERATIVE, f"OP {op_count}", 0
            top, sub1, prev_letter = p, None, None
        return facts
