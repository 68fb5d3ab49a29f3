"""Punctuation rules (P): stacked punctuation, spacing, double spaces."""
from __future__ import annotations

from collections.abc import Iterator

import regex

from resolint.findings import Finding, FixSafety, Severity
from resolint.model import MARK, Kind, Paragraph, Scope
from resolint.rule import Context, Rule, iter_matches

from ._helpers import is_last_operative, last_in_block, top_of

_STACKED = regex.compile(
    r"(?<![.])([;,:])[ \u00a0\u202f" + MARK + r"]*([.;,:])(?![.])"  # ";." ",," ",." ";;" ":." ...
    r"|(?<![.])(\.)[ \u00a0\u202f" + MARK + r"]*(\.)(?![.])"  # ".." but not "..."
)


def expected_end(ctx: Context, part: Paragraph) -> str | None:
    """The mark a paragraph should end with: ',' for PPs, ';' for OPs, '.' for the last OP."""
    doc = ctx.doc
    top = top_of(part)
    if part.kind is Kind.SUBPARAGRAPH and not last_in_block(doc, part):
        return ";"
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
            yield ctx.finding(part, f"stacked punctuation {first + second!r}: keep one mark ({keep!r})",
                              start, end, fix=fix)
