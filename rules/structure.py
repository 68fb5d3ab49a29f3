"""Structure rules (S): the shape of the formula, preambular and operative paragraphs."""
from __future__ import annotations

from collections.abc import Iterator

from resolint.findings import Finding, FixSafety, Severity
from resolint.model import Kind, Paragraph, Scope
from resolint.rule import Context, Rule

from ._helpers import children
from .punctuation import _STACKED, expected_end

_NAMES = {",": "a comma", ";": "a semicolon", ".": "a full stop", ":": "a colon"}


class ParagraphEnding(Rule):
    """Preambular paragraphs end with a comma; operative paragraphs with a semicolon, the last with a full stop.

    ## What it does
    Checks the last mark of each paragraph (after trailing spaces and footnote
    indicators): "," for preambular paragraphs, ";" for operative paragraphs and their
    sub-paragraphs, "." for the last operative paragraph (and its last sub-paragraph). A
    paragraph that introduces sub-paragraphs may end with a colon.

    ## Why
    A resolution is a single sentence: the preamble's clauses run on with commas, the
    operative clauses with semicolons, and the whole ends with a full stop.

    ## Example
    ```
    *Recalling* its resolution 73/11;
    1. *Decides* to act.
    2. *Requests* a report;
    ```

    ## Use instead
    ```
    *Recalling* its resolution 73/11,
    1. *Decides* to act;
    2. *Requests* a report.
    ```

    ## References
    - AKN4UN, Modelling of GA resolutions (preambular paragraphs end with a comma).
    - conventions.md PP-003, OP-004.
    """

    code = "S101"
    name = "paragraph-ending"
    summary = "PPs end with ',', OPs with ';', the last OP with '.'"
    scopes = (Scope.PREAMBLE, Scope.OPERATIVE, Scope.SUBPARAGRAPH)
    severity = Severity.ERROR
    fix = FixSafety.UNSAFE
    bad_examples = {
        "en": ["The General Assembly,\n*Recalling* its resolution 73/11;\n1. *Decides* to act.\n2. *Requests* a report;"],
        "fr": ["L’Assemblée générale,\n*Rappelant* sa résolution 73/11 ;\n1. *Décide* d’agir.\n2. *Prie* le Secrétaire général de faire rapport ;"],
    }
    good_examples = {
        "en": ["The General Assembly,\n*Recalling* its resolution 73/11,\n1. *Decides* to act;\n2. *Requests* a report."],
        "fr": ["L’Assemblée générale,\n*Rappelant* sa résolution 73/11,\n1. *Décide* d’agir ;\n2. *Prie* le Secrétaire général de faire rapport."],
    }

    def check(self, part: Paragraph, ctx: Context) -> Iterator[Finding]:
        want = expected_end(ctx, part)
        if want is None:
            return
        text = part.scan_text
        end = part.trimmed_end()
        if end == 0:
            return
        # Closing quotes and brackets may follow the sentence's mark: « ... ». or "...";
        last = text[end - 1]
        if last in "»”\"’)]" and end >= 2 and text[end - 2] in ".;,:":
            end -= 1
            last = text[end - 1]
        m = _STACKED.search(text, max(0, end - 4))
        if m and m.end() >= end:
            return  # stacked punctuation is P101's finding
        if last == want:
            return
        if last == ":" and part.kind is not Kind.SUBPARAGRAPH and children(ctx.doc, part):
            return
        if part.kind is Kind.SUBPARAGRAPH and last == ":" and children(ctx.doc, part):
            return
        kind = {Kind.PREAMBLE: "preambular paragraph", Kind.OPERATIVE: "operative paragraph",
                Kind.SUBPARAGRAPH: "sub-paragraph"}[part.kind]
        if part.kind is Kind.OPERATIVE and want == ".":
            kind = "the last operative paragraph"
        got = _NAMES.get(last, repr(last))
        if last in ".;,:":
            fix = ctx.replace(part, end - 1, end, want, f"end with {want!r}")
            yield ctx.finding(part, f"{kind} should end with {_NAMES[want]}, not {got}", end - 1, end, fix=fix)
        else:
            fix = ctx.replace(part, end, end, want, f"add {want!r}")
            yield ctx.finding(part, f"{kind} should end with {_NAMES[want]}", end, end, fix=fix)
