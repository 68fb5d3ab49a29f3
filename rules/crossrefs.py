"""Cross-reference rules (X): references to paragraphs of the resolution itself."""
from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache
from typing import Any

import regex

from resolint.findings import Finding, FixSafety, Severity
from resolint.model import Kind, Paragraph, Resolution, Scope
from resolint.rule import Context, Rule, iter_matches, lazy_pattern

from ._helpers import casefolded, has_any, top_of, words_trigger

_SP = r"[\s\u00a0\u202f]"

# English: "paragraph 5 above", "paragraphs 3 and 4 below", "paragraphs 3 to 5 above",
# "paragraph 5 (b) above", "subparagraph (b) above", "subparagraph (b) of paragraph 5 below",
# "paragraph 5 of the present resolution".
_EN_REF = r"(?:\d{1,3}(?:" + _SP + r"?\([a-z]{1,4}\)){0,2}|\([a-z]{1,4}\)(?:" + _SP + r"?\([ivxl]{1,6}\))?)"
_EN = (
    r"(?<![\p{L}-])(?P<kw>sub-?paragraphs?|paragraphs?)" + _SP + r"+"
    r"(?P<refs>" + _EN_REF + r"(?:(?:," + _SP + r"*(?:and" + _SP + r"+)?|" + _SP + r"+(?:and|to|or)" + _SP + r"+)"
    + _EN_REF + r")*)"
    r"(?:" + _SP + r"+of" + _SP + r"+paragraph" + _SP + r"+(?P<parent>\d{1,3}))?"
    r"(?:" + _SP + r"*,)?" + _SP + r"+(?P<qual>above|below|of" + _SP + r"+the" + _SP + r"+present" + _SP
    + r"+resolution)(?![\p{L}])"
)
# French: "paragraphe 18 ci-dessus", "paragraphes 3 et 4 ci-dessous", "paragraphe 5 b) ci-dessus",
# "alinéa b) ci-dessus", "alinéa b) du paragraphe 5 ci-dessous", "paragraphe 5 de la présente résolution".
_FR_REF = r"(?:\d{1,3}(?:" + _SP + r"?[a-z]{1,4}\)){0,2}|[a-z]{1,4}\)(?:" + _SP + r"?[ivxl]{1,6}\))?)"
_FR = (
    r"(?<![\p{L}-])(?P<kw>alinéas?|paragraphes?)" + _SP + r"+"
    r"(?P<refs>" + _FR_REF + r"(?:(?:," + _SP + r"*(?:et" + _SP + r"+)?|" + _SP + r"+(?:et|à|ou)" + _SP + r"+)"
    + _FR_REF + r")*)"
    r"(?:" + _SP + r"+du" + _SP + r"+paragraphe" + _SP + r"+(?P<parent>\d{1,3}))?"
    r"(?:" + _SP + r"*,)?" + _SP + r"+(?P<qual>ci-dessus|ci-dessous|de" + _SP + r"+la" + _SP + r"+présente"
    + _SP + r"+résolution)(?![\p{L}])"
)
_ONE_REF = {
    "en": lazy_pattern(r"(?P<num>\d{1,3})?(?P<subs>(?:" + _SP + r"?\([a-z]{1,6}\))*)", regex.V1),
    "fr": lazy_pattern(r"(?P<num>\d{1,3})?(?P<subs>(?:" + _SP + r"?[a-z]{1,6}\))*)", regex.V1),
}
_SPLIT = {
    "en": lazy_pattern(r"," + _SP + r"*(?:and" + _SP + r"+)?|" + _SP + r"+(?P<op>and|to|or)" + _SP + r"+", regex.V1),
    "fr": lazy_pattern(r"," + _SP + r"*(?:et" + _SP + r"+)?|" + _SP + r"+(?P<op>et|à|ou)" + _SP + r"+", regex.V1),
}
_ABOVE = {"above", "ci-dessus"}
_BELOW = {"below", "ci-dessous"}
_OPPOSITE = {"above": "below", "below": "above", "ci-dessus": "ci-dessous", "ci-dessous": "ci-dessus"}


@cache
def _pattern(language: str) -> Any:
    return lazy_pattern(_FR if language == "fr" else _EN, regex.V1 | regex.IGNORECASE)


@dataclass
class Reference:
    """One cited paragraph: its words in the text and the part it points to (None: missing)."""

    shown: str
    target: Paragraph | None
    #: why the target is missing: a message key (resolint.messages) and its values
    reason: str = ""
    values: dict[str, str] = field(default_factory=dict)


@dataclass
class Citation:
    """A matched reference phrase: what it cites, and how it qualifies it."""

    part: Paragraph
    start: int
    end: int
    qualifier: str
    qual_start: int
    qual_end: int
    references: list[Reference]


def _sub_labels(subs: str) -> list[str]:
    return [s for s in regex.split(r"[\s\u00a0\u202f()]+", subs) if s]


def _op_by_number(doc: Resolution) -> dict[int, Paragraph]:
    """Operative paragraphs by the number the reader sees (computed once per document)."""
    cached = doc.facts.get("crossrefs.ops")
    if cached is not None:
        return cached  # type: ignore[no-any-return]
    out: dict[int, Paragraph] = {}
    for i, op in enumerate(doc.operative, 1):
        shown = (op.number or "").strip().rstrip(".").strip()
        out.setdefault(int(shown) if shown.isdigit() else i, op)
    doc.facts["crossrefs.ops"] = out
    return out


def _child(doc: Resolution, parent: Paragraph, label: str) -> Paragraph | None:
    for p in doc.children(parent):
        if regex.sub(r"[\s().]", "", p.number or "").casefold() == label.casefold():
            return p
    return None


def _descend(doc: Resolution, base: Paragraph, labels: list[str]) -> Paragraph | None:
    node: Paragraph | None = base
    for label in labels:
        if node is None:
            return None
        node = _child(doc, node, label)
    return node


#: Every reference names a (sub)paragraph or an alinéa (case-folded).
_REFERENCE_WORDS = ("paragraph", "alinéa")


def citations(part: Paragraph, doc: Resolution, language: str) -> Iterator[Citation]:
    """The references of ``part`` to paragraphs of the resolution itself, resolved."""
    if part.kind not in (Kind.PREAMBLE, Kind.OPERATIVE, Kind.SUBPARAGRAPH):
        return
    text = part.scan_text
    if not has_any(casefolded(text), _REFERENCE_WORDS):
        return  # every reference names a (sub)paragraph or an alinéa
    ops = _op_by_number(doc)
    if not ops:
        return
    lang = "fr" if language == "fr" else "en"
    for m in iter_matches(_pattern(language), text):
        before = text[max(0, m.start() - 30):m.start()].casefold()
        if regex.search(r"(?:preambular|préambule|du préambule)" + _SP + r"*$", before):
            continue
        kw = m.group("kw").casefold()
        is_sub = kw.startswith(("sub", "alin"))
        parent_num = m.group("parent")
        refs: list[Reference] = []
        pieces = []
        pos = 0
        raw = m.group("refs")
        for sep in _SPLIT[lang].finditer(raw):
            pieces.append((raw[pos:sep.start()], sep.group("op")))
            pos = sep.end()
        pieces.append((raw[pos:], None))
        expanded: list[str] = []
        for i, (piece, op) in enumerate(pieces):
            expanded.append(piece)
            if op in ("to", "à") and i + 1 < len(pieces):
                a, b = piece.strip(), pieces[i + 1][0].strip()
                if a.isdigit() and b.isdigit() and int(a) < int(b) <= int(a) + 50:
                    expanded.extend(str(n) for n in range(int(a) + 1, int(b)))
        for piece in expanded:
            piece = piece.strip()
            one = _ONE_REF[lang].fullmatch(piece)
            if not one:
                continue
            subs = _sub_labels(one.group("subs"))
            num = one.group("num")
            if num and not is_sub:
                op = ops.get(int(num))
                if op is None:
                    refs.append(Reference(piece, None, "X101.no_op", {"num": num}))
                    continue
                target = _descend(doc, op, subs)
                refs.append(Reference(piece, target, "" if target else "X101.no_sub_of",
                                      {"num": num, "sub": piece[len(num):].strip()}))
            elif is_sub and subs:
                if parent_num:
                    base = ops.get(int(parent_num))
                    if base is None:
                        refs.append(Reference(piece, None, "X101.no_op", {"num": parent_num}))
                        continue
                    target = _descend(doc, base, subs)
                else:
                    top = top_of(part)
                    if top.kind is not Kind.OPERATIVE:
                        continue  # a sub-paragraph of which paragraph? not ours to guess
                    target = _descend(doc, top, subs)
                    if target is None and part.parent is not None and len(subs) == 1:
                        target = _child(doc, part.parent, subs[0])  # a sibling "(i)" of "(ii)"
                why = "X101.no_sub_in_op" if parent_num else "X101.no_sub_here"
                refs.append(Reference(piece, target, "" if target else why, {"sub": piece, "num": parent_num or ""}))
        if refs:
            q = m.group("qual")
            yield Citation(part, m.start(), m.end(), regex.sub(_SP + "+", " ", q.casefold()),
                           m.start("qual"), m.end("qual"), refs)


class CrossReferenceTarget(Rule):
    """A reference to "paragraph 5 above" points to a paragraph that exists.

    ## What it does
    Reads references to paragraphs of the resolution itself: "paragraph 5 above",
    "paragraphs 3 and 4 below", "paragraphs 3 to 5 above", "paragraph 5 (b) above",
    "subparagraph (b) of paragraph 5 below", "paragraph 5 of the present resolution";
    in French "paragraphe 18 ci-dessus", "paragraphes 3 et 4 ci-dessous", "alinéa b)
    ci-dessus", "alinéa b) du paragraphe 5 ci-dessous", "paragraphe 5 de la présente
    résolution". Reports each cited operative paragraph or sub-paragraph that the
    resolution does not have. Operative paragraphs are found by the number the reader sees.

    Only qualified references are read: "paragraph 5 of resolution 73/11" cites another
    document and is ignored, and so is a bare "subparagraph (b)".

    ## Why
    Paragraphs get added, merged and renumbered during negotiations; a reference left
    behind points to the wrong paragraph or to none at all.

    ## Example
    ```
    1. *Decides* to act;
    2. *Requests* a report on the measures referred to in paragraph 4 above.
    ```

    ## Use instead
    ```
    1. *Decides* to act;
    2. *Requests* a report on the measures referred to in paragraph 1 above.
    ```

    ## References
    - conventions.md STR-007 (the resolution refers to itself as "the present resolution").
    - UN Editorial Manual, resolutions: references to paragraphs.
    """

    code = "X101"
    name = "cross-reference-target"
    summary = "'paragraph N above/below' points to an existing paragraph"
    scopes = (Scope.PREAMBLE, Scope.OPERATIVE, Scope.SUBPARAGRAPH)
    trigger = words_trigger(_REFERENCE_WORDS)
    languages = ("en", "fr")
    severity = Severity.ERROR
    fix = FixSafety.NONE
    bad_examples = {
        "en": ["The General Assembly,\n*Recalling* its resolution 73/11,\n1. *Decides* to act;\n"
               "2. *Requests* a report on the measures referred to in paragraph 4 above."],
        "fr": ["L’Assemblée générale,\n*Rappelant* sa résolution 73/11,\n1. *Décide* d’agir\u00a0;\n"
               "2. *Prie* le Secrétaire général de rendre compte des mesures visées au paragraphe 18 ci-dessus."],
    }
    good_examples = {
        "en": ["The General Assembly,\n*Recalling* paragraph 4 of its resolution 73/11,\n1. *Decides* to act:\n"
               "(a) To meet;\n(b) To report on subparagraph (a) above;\n"
               "2. *Requests* a report on the measures referred to in paragraph 1 (b) above and paragraph 3 below;\n"
               "3. *Decides* to review paragraphs 1 and 2 of the present resolution."],
        "fr": ["L’Assemblée générale,\n*Rappelant* le paragraphe 4 de sa résolution 73/11,\n1. *Décide* d’agir\u00a0:\n"
               "a) De se réunir\u00a0;\nb) De rendre compte de l’alinéa a) ci-dessus\u00a0;\n"
               "2. *Prie* le Secrétaire général de rendre compte des mesures visées au paragraphe 1 ci-dessus "
               "et au paragraphe 3 ci-dessous\u00a0;\n3. *Décide* d’examiner l’alinéa b) du paragraphe 1 ci-dessus."],
    }

    def check(self, part: Paragraph, ctx: Context) -> Iterator[Finding]:
        for cite in citations(part, ctx.doc, ctx.language):
            for ref in cite.references:
                if ref.target is None:
                    yield ctx.finding(part, ctx.say("X101.missing", cite=part.text[cite.start:cite.end],
                                                    reason=ctx.say(ref.reason, **ref.values)),
                                      cite.start, cite.end)


class CrossReferenceDirection(Rule):
    """"above" points to an earlier paragraph, "below" to a later one.

    ## What it does
    For each reference of the kinds read by X101 that finds its target, checks the word
    of direction: "above" / "ci-dessus" needs a paragraph placed before the citing one,
    "below" / "ci-dessous" one placed after it. A sub-paragraph may cite its own
    operative paragraph as "above". A reference to the citing paragraph itself is also
    reported. The unsafe fix swaps the direction word (the number may be the mistake).

    ## Why
    After paragraphs are moved, "paragraph 5 above" may now sit before paragraph 5. The
    reader looks in the wrong place, and the error survives into the adopted text.

    ## Example
    ```
    1. *Decides* to act as set out in paragraph 2 above;
    2. *Requests* a report.
    ```

    ## Use instead
    ```
    1. *Decides* to act as set out in paragraph 2 below;
    2. *Requests* a report.
    ```

    ## References
    - UN Editorial Manual, resolutions: references to paragraphs ("above", "below").
    """

    code = "X102"
    name = "cross-reference-direction"
    summary = "'above' cites an earlier paragraph, 'below' a later one"
    scopes = (Scope.PREAMBLE, Scope.OPERATIVE, Scope.SUBPARAGRAPH)
    trigger = words_trigger(_REFERENCE_WORDS)
    languages = ("en", "fr")
    severity = Severity.ERROR
    fix = FixSafety.UNSAFE
    bad_examples = {
        "en": ["The General Assembly,\n*Recalling* its resolution 73/11,\n1. *Decides* to act as set out in "
               "paragraph 2 above;\n2. *Requests* a report."],
        "fr": ["L’Assemblée générale,\n*Rappelant* sa résolution 73/11,\n1. *Décide* d’agir comme prévu au "
               "paragraphe 2 ci-dessus\u00a0;\n2. *Prie* le Secrétaire général de faire rapport."],
    }
    good_examples = {
        "en": ["The General Assembly,\n*Recalling* its resolution 73/11,\n1. *Decides* to act as set out in "
               "paragraph 2 below:\n(a) To meet;\n(b) To act under paragraph 1 above;\n2. *Requests* a report "
               "on paragraph 1 (a) above."],
        "fr": ["L’Assemblée générale,\n*Rappelant* sa résolution 73/11,\n1. *Décide* d’agir comme prévu au "
               "paragraphe 2 ci-dessous\u00a0;\n2. *Prie* le Secrétaire général de faire rapport sur l’application "
               "du paragraphe 1 ci-dessus."],
    }

    def check(self, part: Paragraph, ctx: Context) -> Iterator[Finding]:
        for cite in citations(part, ctx.doc, ctx.language):
            if cite.qualifier not in _ABOVE | _BELOW:
                continue
            for ref in cite.references:
                target = ref.target
                if target is None:
                    continue
                above = cite.qualifier in _ABOVE
                if target is part:
                    yield ctx.finding(part, ctx.say("X102.self", cite=part.text[cite.start:cite.end], label=part.label),
                                      cite.start, cite.end)
                    break
                ancestor = False
                p = part.parent
                while p is not None:
                    ancestor = ancestor or p is target
                    p = p.parent
                earlier = ancestor or target.index < part.index
                if earlier == above:
                    continue
                word = cite.qualifier
                other = _OPPOSITE[word]
                where = ctx.word("before" if earlier else "after")
                fix = ctx.replace(part, cite.qual_start, cite.qual_end, other, f"write {other!r}")
                yield ctx.finding(part, ctx.say("X102.order", cite=part.text[cite.start:cite.end], target=target.label,
                                                where=where, label=part.label, other=other),
                                  cite.start, cite.end, fix=fix)
                break
