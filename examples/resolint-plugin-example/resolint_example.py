"""An example resolint plugin: a rule (``EX101 no-exclamation``) and a ``csv`` output format.

Installed with ``pip install .``, it is found through the ``resolint`` entry-point group:
``resolint plugins`` lists it as ``example`` and ``resolint rules`` shows its rule.
"""
from __future__ import annotations

import csv
import io
from collections.abc import Iterator

from resolint.findings import Finding, Severity
from resolint.hookspecs import hookimpl
from resolint.model import Paragraph, Scope
from resolint.rule import Context, Rule


class NoExclamation(Rule):
    """Resolutions do not use exclamation marks.

    ## What it does
    Flags every "!" in the title, preamble, operative paragraphs and footnotes.

    ## Why
    The register of a resolution is formal; an exclamation mark is almost always a
    leftover from a negotiator's comment.

    ## Example
    ```
    1. *Decides* to act now!
    ```

    ## Use instead
    ```
    1. *Decides* to act now.
    ```

    ## References
    - An example rule shipped with the resolint plugin guide.
    """

    code = "EX101"
    name = "no-exclamation"
    summary = "No exclamation marks"
    scopes = (Scope.TITLE, Scope.PREAMBLE, Scope.OPERATIVE, Scope.SUBPARAGRAPH, Scope.FOOTNOTE)
    severity = Severity.WARNING

    def check(self, part: Paragraph, ctx: Context) -> Iterator[Finding]:
        text = part.scan_text
        start = text.find("!")
        while start != -1:
            yield ctx.finding(part, "exclamation mark in a resolution", start, start + 1)
            start = text.find("!", start + 1)


class CsvFormatter:
    description = "CSV: path, label, code, severity, message (one row per finding)"

    def format(self, results: list) -> str:
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(["path", "label", "code", "severity", "message"])
        for res in results:
            for f in res.findings:
                writer.writerow([f.path, f.label, f.code, f.severity.value, f.message])
        return out.getvalue()


@hookimpl
def resolint_rules() -> list[Rule]:
    return [NoExclamation()]


@hookimpl
def resolint_formatters() -> dict[str, object]:
    return {"csv": CsvFormatter()}
