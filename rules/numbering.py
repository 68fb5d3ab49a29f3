"""Numbering rules (N): operative paragraphs and sub-paragraphs in sequence."""
from __future__ import annotations

from collections.abc import Iterator

from resolint.findings import Finding, Severity
from resolint.model import Resolution, Scope
from resolint.rule import Context, Rule


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
                yield ctx.finding(ops[0], "a single operative paragraph is not numbered", 0, 0)
            return
        expected = 1
        for op in ops:
            shown = (op.number or "").strip()
            value = shown.rstrip(".").strip()
            if not shown:
                yield ctx.finding(op, f"operative paragraph is not numbered (expected {expected}.)", 0, 0)
            elif not value.isdigit():
                yield ctx.finding(op, f"operative paragraph numbered {shown!r}; expected {expected}.", 0, 0)
            elif int(value) != expected:
                what = "duplicate" if int(value) < expected else "gap"
                yield ctx.finding(op, f"operative paragraph numbered {value}, expected {expected} ({what})", 0, 0)
            elif not shown.endswith("."):
                yield ctx.finding(op, f"operative number {shown!r} should be followed by a full stop", 0, 0)
            expected += 1
