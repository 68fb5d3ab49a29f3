"""Numbering rules (N): operative paragraphs and sub-paragraphs in sequence."""
from __future__ import annotations

import bisect
from collections.abc import Iterator
from dataclasses import replace

import regex

from resolint.ooxml.numbering import roman
from resolint.findings import Edit, Finding, Fix, FixSafety, Severity
from resolint.model import Kind, Paragraph, Resolution, Scope
from resolint.rule import Context, Rule, lazy_pattern, search_in

from ._helpers import convention

_LABEL_VALUE = lazy_pattern(r"^\(?([a-z]{1,6})\)?\.?$")


def from_roman(s: str) -> int | None:
    for n in range(1, 400):
        if roman(n) == s:
            return n
    return None


def letter(n: int) -> str:
    """1 -> a, 26 -> z, 27 -> aa, 28 -> bb (the doubled letters of long lists)."""
    return chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1)


def from_letter(s: str) -> int | None:
    if not s or len(set(s)) != 1 or not ("a" <= s[0] <= "z"):
        return None
    return (len(s) - 1) * 26 + ord(s[0]) - ord("a") + 1


def label_value(number: str | None) -> str | None:
    """The letters of a sub-paragraph label: "(a)" -> "a", "ii)" -> "ii"."""
    m = _LABEL_VALUE.match((number or "").strip())
    return m.group(1) if m else None


def label_form(ctx: Context, level: int, value: str) -> str:
    """The label as the language writes it at ``level`` (1: letters, 2: roman numerals)."""
    forms = ctx.pack.words("subparagraph_labels") if ctx.pack is not None else []
    fmt = forms[min(level, len(forms)) - 1] if forms else "(%s)"
    return fmt % value


_TYPED_DIGITS = lazy_pattern(r"\s*(\d+)")


def renumber_fix(op: Paragraph, expected: int) -> Fix | None:
    """A fix rewriting a typed operative number to ``expected`` (negative offsets: see Edit)."""
    if op.number_source != "typed" or op.prefix_len <= 0:
        return None
    prefix = "".join(r.text for r in op.runs if r.kind == "number")
    m = _TYPED_DIGITS.match(prefix)
    if not m or len(prefix) != op.prefix_len:
        return None
    base = -op.prefix_len
    edits = [Edit(op.index, base + m.start(1), base + m.end(1), str(expected))]
    if not prefix[m.end(1):].startswith("."):
        edits.append(Edit(op.index, base + m.end(1), base + m.end(1), "."))
    return Fix(tuple(edits), FixSafety.SAFE, f"renumber as {expected}.")


def _heading_between(headings: list[int], after: int, before: int) -> bool:
    """True if a heading stands between the paragraphs with indexes ``after`` and ``before``."""
    at = bisect.bisect_right(headings, after)
    return at < len(headings) and headings[at] < before


def _described(ctx: Context, fix: Fix | None, key: str, expected: int) -> Fix | None:
    """``fix`` described in the message language (its description shows in Word comments)."""
    return fix and replace(fix, description=ctx.say(key, expected=expected))


def _renumber_from(ops: list[Paragraph], first: int, expected: int) -> Fix | None:
    """One fix renumbering ``ops[first:]`` as ``expected``, ``expected + 1``... (typed numbers only)."""
    head = renumber_fix(ops[first], expected)
    if head is None:
        return None
    edits = list(head.edits)
    for k, op in enumerate(ops[first + 1:], start=1):
        value = (op.number or "").strip().rstrip(".").strip()
        if value.isdigit() and int(value) != expected + k and (more := renumber_fix(op, expected + k)):
            edits.extend(more.edits)
    return Fix(tuple(edits), FixSafety.SAFE, f"renumber from {expected}.")


class OperativeNumbering(Rule):
    """Operative paragraphs are numbered 1, 2, 3... with no gap, duplicate or missing number.

    ## What it does
    Checks the number the reader sees on each operative paragraph, whether Word numbers
    it automatically or it was typed: the first is 1 and each next one adds 1. A lone
    operative paragraph must not be numbered.

    ## Why
    Operative paragraphs are numbered consecutively with Arabic numerals followed by a
    full stop, and a single operative paragraph is not numbered (AKN4UN modelling of GA
    resolutions). Negotiators cite paragraphs by number: a gap or a duplicate makes
    "OP 4" ambiguous.

    ## Example
    ```
    3. *Requests* the Secretary-General to report;
    5. *Decides* to remain seized of the matter.
    ```

    ## Use instead
    ```
    3. *Requests* the Secretary-General to report;
    4. *Decides* to remain seized of the matter.
    ```

    ## References
    - AKN4UN, Modelling of GA resolutions (numbered operative paragraphs).
    - conventions.md OP-001.
    """

    code = "N101"
    name = "operative-numbering"
    summary = "Operative paragraphs are numbered 1..n in sequence"
    scopes = (Scope.DOCUMENT,)
    severity = Severity.ERROR
    fix = FixSafety.SAFE
    bad_examples = {
        "en": ["The General Assembly,\n1. *Decides* to act;\n3. *Requests* a report."],
        "fr": ["L’Assemblée générale,\n1. *Décide* d’agir ;\n1. *Prie* le Secrétaire général de faire rapport."],
    }
    good_examples = {
        "en": ["The General Assembly,\n1. *Decides* to act;\n2. *Requests* a report."],
        "fr": ["L’Assemblée générale,\n1. *Décide* d’agir ;\n2. *Prie* le Secrétaire général de faire rapport."],
    }

    def check_document(self, doc: Resolution, ctx: Context) -> Iterator[Finding]:
        ops = doc.operative
        if len(ops) == 1:
            if ops[0].number:
                yield ctx.finding(ops[0], ctx.say("N101.single", number=ops[0].number.strip()), 0, 0)
            return
        free_last = [regex.compile(p, regex.V1) for p in convention(doc, "unnumbered-last")]
        headings = [p.index for p in doc.by_kind(Kind.HEADING)]
        expected = 1
        for i, op in enumerate(ops):
            shown = (op.number or "").strip()
            value = shown.rstrip(".").strip()
            if value == "1" and i and _heading_between(headings, ops[i - 1].index, op.index):
                expected = 1  # parts A, B... (or I, II...) under headings number their paragraphs anew
            if not shown:
                if i and i == len(ops) - 1 and any(search_in(p, op.text.strip()) for p in free_last):
                    continue  # "Decides to remain seized of the matter." as the organ writes it
                yield ctx.finding(op, ctx.say("N101.unnumbered", expected=expected), 0, 0)
            elif not value.isdigit():
                yield ctx.finding(op, ctx.say("N101.not_digit", shown=shown, expected=expected), 0, 0)
            elif int(value) != expected:
                what = ctx.word("duplicate" if int(value) < expected else "gap")
                after = len(ops) - i - 1
                tail = ctx.say("N101.tail", after=after, value=value) if after else ""
                yield ctx.finding(op, ctx.say("N101.wrong", value=value, expected=expected, what=what, tail=tail),
                                  0, 0, fix=_described(ctx, _renumber_from(ops, i, expected), "N101.fix_from", expected))
                expected = int(value)  # the next ones follow this one: one finding per break, not a cascade
            elif not shown.endswith("."):
                yield ctx.finding(op, ctx.say("N101.full_stop", shown=shown), 0, 0,
                                  fix=_described(ctx, renumber_fix(op, expected), "N101.fix_as", expected))
            expected += 1


class PreambleNumbered(Rule):
    """Preambular paragraphs are not numbered.

    ## What it does
    Reports a preambular paragraph that carries a number, typed or automatic ("1.", "(a)").
    Sub-paragraphs of a preambular paragraph keep their letters.

    ## Why
    The preamble is a run of unnumbered paragraphs; only operative paragraphs are numbered
    (AKN4UN: "unnumbered paragraphs"). A numbered preamble usually comes from a list style
    applied to the whole text.

    ## Example
    ```
    The General Assembly,
    1. *Recalling* its resolution 73/11,
    ```

    ## Use instead
    ```
    The General Assembly,
    *Recalling* its resolution 73/11,
    ```

    ## References
    - AKN4UN, Modelling of GA resolutions (preamble: unnumbered paragraphs).
    - conventions.md PP-004.
    """

    code = "N102"
    name = "preamble-numbered"
    summary = "Preambular paragraphs are not numbered"
    scopes = (Scope.PREAMBLE,)
    severity = Severity.ERROR
    bad_examples = {
        "en": ["The General Assembly,\n1. *Recalling* its resolution 73/11,\n2. *Decides* to act;\n"
               "3. *Requests* a report."],
        "fr": ["L’Assemblée générale,\n1. *Rappelant* sa résolution 73/11,\n2. *Décide* d’agir ;\n"
               "3. *Prie* le Secrétaire général de faire rapport."],
    }
    good_examples = {
        "en": ["The General Assembly,\n*Recalling* its resolution 73/11,\n1. *Decides* to act;\n2. *Requests* a report."],
        "fr": ["L’Assemblée générale,\n*Rappelant* sa résolution 73/11,\n1. *Décide* d’agir ;\n"
               "2. *Prie* le Secrétaire général de faire rapport."],
    }

    def check(self, part: Paragraph, ctx: Context) -> Iterator[Finding]:
        if part.number:
            how = ctx.word("automatic" if part.number_source == "auto" else "typed")
            yield ctx.finding(part, ctx.say("N102.numbered", how=how, number=part.number.strip()), 0, 0)


class SubparagraphSequence(Rule):
    """Sub-paragraphs run a, b, c... and i, ii, iii... under each paragraph, with no gap or duplicate.

    ## What it does
    Under each paragraph, checks the letters of its sub-paragraphs (a, b, c...; then aa, bb)
    and, under each lettered sub-paragraph, the roman numerals (i, ii, iii...). Each list starts
    again under a new parent. After a wrong label the count continues from that label, so one
    slip gives one finding.

    ## Why
    Sub-paragraphs are cited by their label ("OP 13 (b)"): a gap or a duplicate makes the
    citation ambiguous. First-degree sub-paragraphs take letters, second-degree ones roman
    numerals (UN Editorial Manual, Paragraphs and subparagraphs).

    ## Example
    ```
    1. *Encourages* States to use:
    (a) The system;
    (c) The databases.
    ```

    ## Use instead
    ```
    1. *Encourages* States to use:
    (a) The system;
    (b) The databases.
    ```

    ## References
    - UN Editorial Manual, Paragraphs and subparagraphs.
    - AKN4UN (`<num>(b)</num>`, `<num>(i)</num>`).
    - conventions.md OP-006.
    """

    code = "N103"
    name = "subparagraph-sequence"
    summary = "Sub-paragraphs are lettered (a), (b)... and (i), (ii)... in sequence"
    scopes = (Scope.DOCUMENT,)
    severity = Severity.ERROR
    bad_examples = {
        "en": ["The General Assembly,\n1. *Encourages* States to use:\n(a) The system;\n(c) The databases;\n"
               "2. *Requests* a report."],
        "fr": ["L’Assemblée générale,\n1. *Encourage* les États à utiliser :\na) Le système ;\nb) Les bases :\n"
               "i) La première ;\niii) La seconde ;\n2. *Prie* le Secrétaire général de faire rapport."],
    }
    good_examples = {
        "en": ["The General Assembly,\n1. *Encourages* States to use:\n(a) The system;\n(b) The databases:\n"
               "(i) The first;\n(ii) The second;\n2. *Requests* the following:\n(a) A report;\n(b) A briefing."],
        "fr": ["L’Assemblée générale,\n1. *Encourage* les États à utiliser :\na) Le système ;\nb) Les bases :\n"
               "i) La première ;\nii) La seconde ;\n2. *Prie* le Secrétaire général de faire rapport."],
    }

    def check_document(self, doc: Resolution, ctx: Context) -> Iterator[Finding]:
        expected: dict[int, int] = {}  # id(parent) -> next expected value
        roman_lists: set[int] = set()  # parents whose first-level list runs (i), (ii)...
        roman_first = convention(doc, "roman-first-level")
        for part in doc.subparagraphs:
            parent = part.parent
            if parent is None:
                continue
            value = label_value(part.number)
            if value is None:
                continue
            if roman_first and part.level == 1 and value == "i" and id(parent) not in expected:
                roman_lists.add(id(parent))
            roman_level = part.level >= 2 or id(parent) in roman_lists
            want = expected.get(id(parent), 1)
            got = from_roman(value) if roman_level else from_letter(value)
            if roman_level and got is None:
                got = from_letter(value)
            if got != want:
                shown = label_form(ctx, part.level, roman(want) if roman_level else letter(want))
                where = parent.label or ctx.word("its_paragraph")
                if got is None:
                    msg = ctx.say("N103.label", number=part.number.strip(), shown=shown, where=where)
                else:
                    what = ctx.word("duplicate" if got < want else "gap")
                    msg = ctx.say("N103.wrong", number=part.number.strip(), shown=shown, where=where, what=what)
                yield ctx.finding(part, msg, 0, 0)
            expected[id(parent)] = (got if got is not None else want) + 1


class SubparagraphLabelForm(Rule):
    """Sub-paragraph labels take the form of the language: (a), (i) in English; a), i) in French.

    ## What it does
    Compares each sub-paragraph's label with the form the language pack gives for its level
    (`subparagraph_labels`): "(a)" and "(i)" in English, "a)" and "i)" in French and Spanish.
    No fix: the label is outside the paragraph's text (typed labels must be retyped, automatic
    ones changed in the list style).

    ## Why
    UN Editorial Manual: first-degree sub-paragraphs "(a) (b)", in French and Spanish "a), b)";
    second degree "(i), (ii)", in French and Spanish "i), ii)". A text translated or pasted from
    another language keeps the wrong form.

    ## Example
    ```
    1. Encourage les États à utiliser :
    (a) Le système ;
    ```

    ## Use instead
    ```
    1. Encourage les États à utiliser :
    a) Le système ;
    ```

    ## References
    - UN Editorial Manual, Paragraphs and subparagraphs.
    - conventions.md OP-006, FR-007.
    """

    code = "N104"
    name = "subparagraph-label-form"
    summary = "Sub-paragraph labels: (a) (i) in English, a) i) in French"
    scopes = (Scope.SUBPARAGRAPH,)
    languages = ("en", "fr")
    severity = Severity.ERROR
    bad_examples = {
        "en": ["The General Assembly,\n1. *Encourages* States to use:\na) The system;\nb) The databases;\n"
               "2. *Requests* a report."],
        "fr": ["L’Assemblée générale,\n1. *Encourage* les États à utiliser :\n(a) Le système ;\n(b) Les bases ;\n"
               "2. *Prie* le Secrétaire général de faire rapport."],
    }
    good_examples = {
        "en": ["The General Assembly,\n1. *Encourages* States to use:\n(a) The system;\n(b) The databases:\n"
               "(i) The first;\n(ii) The second;\n2. *Requests* a report."],
        "fr": ["L’Assemblée générale,\n1. *Encourage* les États à utiliser :\na) Le système ;\nb) Les bases :\n"
               "i) La première ;\nii) La seconde ;\n2. *Prie* le Secrétaire général de faire rapport."],
    }

    def check(self, part: Paragraph, ctx: Context) -> Iterator[Finding]:
        shown = (part.number or "").strip()
        value = label_value(shown)
        if value is None or part.level < 1:
            return
        want = label_form(ctx, part.level, value)
        if shown != want:
            language = ctx.pack.name if ctx.pack is not None else ctx.language
            if ctx.language in ("en", "fr"):
                language = ctx.word(f"language_{ctx.language}")
            yield ctx.finding(part, ctx.say("N104.form", shown=shown, want=want, language=language), 0, 0)


class MixedNumbering(Rule):
    """One document does not mix Word automatic numbering and typed numbers.

    ## What it does
    Counts the numbered paragraphs (operative paragraphs, sub-paragraphs, numbered preambular
    paragraphs) whose number Word computes and those whose number was typed. When both occur,
    reports the first paragraph of the less frequent kind.

    ## Why
    Typed numbers do not follow when a paragraph is inserted or deleted during negotiations,
    while automatic ones do: a mix ends with duplicates or gaps after the next edit (a typed
    "5." next to an automatic 5).

    ## Example
    ```
    @1. *Decides* to act;
    2. *Requests* a report.
    ```

    ## Use instead
    ```
    @1. *Decides* to act;
    @2. *Requests* a report.
    ```

    ## References
    - conventions.md OP-001, DIFF-004 (paragraphs renumbered between versions).
    """

    code = "N105"
    name = "mixed-numbering"
    summary = "Automatic and typed numbering are not mixed"
    scopes = (Scope.DOCUMENT,)
    severity = Severity.WARNING
    bad_examples = {
        "en": ["The General Assembly,\n@1. *Decides* to act;\n2. *Requests* a report;\n@3. *Decides* to remain seized."],
        "fr": ["L’Assemblée générale,\n1. *Décide* d’agir ;\n2. *Prie* le Secrétaire général de faire rapport ;\n"
               "@3. *Décide* de rester saisie de la question."],
    }
    good_examples = {
        "en": ["The General Assembly,\n@1. *Decides* to act:\n@(a) The system;\n@2. *Requests* a report."],
        "fr": ["L’Assemblée générale,\n1. *Décide* d’agir :\na) Le système ;\n"
               "2. *Prie* le Secrétaire général de faire rapport."],
    }

    def check_document(self, doc: Resolution, ctx: Context) -> Iterator[Finding]:
        numbered = [p for p in doc.paragraphs if p.number and p.number_source in ("auto", "typed")
                    and p.kind in (Kind.PREAMBLE, Kind.OPERATIVE, Kind.SUBPARAGRAPH)]
        auto = [p for p in numbered if p.number_source == "auto"]
        typed = [p for p in numbered if p.number_source == "typed"]
        if not auto or not typed:
            return
        minority, kind = (typed, "typed") if len(typed) <= len(auto) else (auto, "automatic")
        first = minority[0]
        yield ctx.finding(first, ctx.say("N105.mixed", auto=len(auto), typed=len(typed), kind=ctx.word(kind),
                                         number=first.number.strip()), 0, 0)
