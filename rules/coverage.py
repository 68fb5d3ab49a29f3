"""What resolint could not read (R): content of the draft that no rule has checked."""
from __future__ import annotations

from collections.abc import Iterator

from resolint.findings import Finding, Severity
from resolint.model import Resolution, Scope
from resolint.rule import Context, Rule


class UnreadContent(Rule):
    """Content the reader cannot read as text is reported, never passed in silence.

    ## What it does
    Reports the parts of the body resolint could not read, and so did not check: an
    embedded document chunk (`w:altChunk`: HTML, RTF or another .docx pasted in as a whole,
    which Word turns into text only when it opens the file) is a warning; an embedded
    object (`w:object`, an OLE object such as an old equation or a sheet) an info.

    ## Why
    "All checks passed" must mean that the text was checked. A draft whose paragraphs are an
    embedded HTML chunk has no text resolint can see.

    ## Example
    ```
    A .docx whose body is one w:altChunk pointing at an HTML part.
    ```

    ## Use instead
    ```
    Open the draft in Word and save it again: Word writes the chunk's text as paragraphs.
    ```

    ## References
    - ISO/IEC 29500-1, 17.17.2.1 altChunk (Anchor for Imported External Content).
    """

    code = "R004"
    name = "unread-content"
    summary = "Content that could not be read (embedded HTML chunks, OLE objects) is reported"
    scopes = (Scope.DOCUMENT,)
    severity = Severity.WARNING
    bad_examples = {"en": ["The General Assembly,\n<<html: <p>1. Decides to act;.</p>>>"],
                    "fr": ["L’Assemblée générale,\n<<html: <p>1. Décide d’agir ;.</p>>>"]}
    good_examples = {"en": ["The General Assembly,\n1. *Decides* to act."],
                     "fr": ["L’Assemblée générale,\n1. *Décide* d’agir."]}

    def check_document(self, doc: Resolution, ctx: Context) -> Iterator[Finding]:
        for what, count in sorted(doc.facts.get("unread", {}).items()):
            level = Severity.WARNING if "altChunk" in what else Severity.INFO
            head = f"{count} times an" if count > 1 else "an"
            yield ctx.finding(None, f"{head} {what} was not read: its text was not checked; open the draft in "
                                    "Word and save it again to turn it into paragraphs", severity=level)
