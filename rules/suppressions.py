"""resolint's own rules (R) about suppressions written in the draft as Word comments."""
from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar

from resolint.findings import Finding, Severity
from resolint.model import Resolution, Scope
from resolint.plugins.suppressions import Suppression, selector_matches, suppressions_of
from resolint.rule import Context, Rule

#: Codes that are not rules but may be suppressed (a crashing rule).
_NOT_RULES = {"R001": "rule-crashed"}


def _finding(doc: Resolution, ctx: Context, sup: Suppression, message: str) -> Finding:
    c = sup.comment
    part = doc.part(c.start_paragraph) if c.start_paragraph else None
    if part is None:
        return ctx.finding(None, message)
    end = c.end_offset if c.end_paragraph == c.start_paragraph else len(part.text)
    start = min(c.start_offset, len(part.text))
    return ctx.finding(part, message, start, max(start, min(end, len(part.text))))


class UnusedSuppression(Rule):
    """A `resolint: ignore[...]` comment that suppresses nothing.

    ## What it does
    Reports each code or rule name of a suppression comment that suppressed no finding in
    the commented text, and names that match no rule at all. Suppressions of rules that
    were not run (not selected, or not for the document's language) are left alone.

    ## Why
    A suppression outlives the problem it hid: once the text is corrected, or the comment
    was anchored on the wrong words, it hides nothing but would silently hide the next
    problem there. Remove it, or move it onto the text it is about.

    ## Example
    ```
    A Word comment "resolint: ignore[P101] quoted verbatim" on "cooperation;" (no stacked
    punctuation there).
    ```

    ## Use instead
    ```
    Delete the comment, or anchor it on the text that has the finding ("cooperation;.").
    ```

    ## References
    - The `resolint: ignore[...]` syntax: `resolint explain R003`.
    """

    code = "R002"
    name = "unused-suppression"
    summary = "A suppression comment must suppress something"
    scopes = (Scope.DOCUMENT,)
    severity = Severity.WARNING
    #: Run once the other rules' findings went through the suppressions.
    after_filtering: ClassVar[bool] = True
    bad_examples = {
        "en": ["The General Assembly,\n1. *Decides* to [[act|resolint: ignore[P999] verbatim quote]];"],
        "fr": ["L’Assemblée générale,\n1. *Décide* d’[[agir|resolint: ignore[P999] citation textuelle]] ;"],
    }
    good_examples = {
        "en": ["The General Assembly,\n1. *Decides* to [[act|Please check this term.]];"],
        "fr": ["L’Assemblée générale,\n1. *Décide* d’[[agir|resolint: ignore[P101] citation textuelle]] ;"],
    }

    def check_document(self, doc: Resolution, ctx: Context) -> Iterator[Finding]:
        sups = suppressions_of(doc)
        if not sups:
            return
        known = dict(doc.facts.get("rules_known") or {})
        known.update(_NOT_RULES)
        ran = set(doc.facts.get("rules_run") or ()) | set(_NOT_RULES)
        for sup in sups:
            for sel in sup.selectors:
                if sel in sup.used:
                    continue
                codes = [code for code, name in known.items() if selector_matches(sel, code, name)]
                if not codes:
                    yield _finding(doc, ctx, sup, ctx.say("R002.unknown", selector=sel))
                elif any(code in ran for code in codes):
                    yield _finding(doc, ctx, sup, ctx.say("R002.unused", selector=sel))


class SuppressionWithoutReason(Rule):
    """A `resolint: ignore[...]` comment must say why.

    ## What it does
    Reports a suppression comment with nothing after the closing bracket. A suppression is a
    Word comment whose text starts with `resolint: ignore[CODES] reason`: CODES are rule
    codes (P101), code prefixes (P) or rule names (stacked-punctuation), separated by
    commas; the findings of those rules in the commented text are not reported.

    ## Why
    The next editor must know why the convention does not apply here (a quotation, a title
    of a treaty, agreed language), or the suppression will be removed or copied blindly.

    ## Example
    ```
    A Word comment "resolint: ignore[P101]" on "Rome Statute;." in a quotation.
    ```

    ## Use instead
    ```
    A Word comment "resolint: ignore[P101] quoted verbatim from the Rome Statute".
    ```

    ## References
    - Suppression comments are like `# noqa: CODE` comments of code linters.
    """

    code = "R003"
    name = "suppression-without-reason"
    summary = "A suppression comment gives a reason after the codes"
    scopes = (Scope.DOCUMENT,)
    severity = Severity.WARNING
    bad_examples = {
        "en": ["The General Assembly,\n1. *Decides* to [[act|resolint: ignore[P101]]];"],
        "fr": ["L’Assemblée générale,\n1. *Décide* d’[[agir|resolint: ignore[P101]]] ;"],
    }
    good_examples = {
        "en": ["The General Assembly,\n1. *Decides* to [[act|resolint: ignore[P101] agreed language]];"],
        "fr": ["L’Assemblée générale,\n1. *Décide* d’[[agir|resolint: ignore[P101] libellé agréé]] ;"],
    }

    def check_document(self, doc: Resolution, ctx: Context) -> Iterator[Finding]:
        for sup in suppressions_of(doc) or ():
            if not sup.reason:
                what = ", ".join(sup.selectors) or ctx.word("nothing")
                yield _finding(doc, ctx, sup, ctx.say("R003.reason", what=what))
