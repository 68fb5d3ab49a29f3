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
            kind = "unread_chunk" if "altChunk" in what else "unread_object" if "w:object" in what else None
            shown = ctx.word(kind) if kind else what
            yield ctx.finding(None, ctx.say("R004.many", count=count, what=shown) if count > 1
                              else ctx.say("R004.once", what=shown), severity=level)


#: The examples of R005: one text in each language, long enough for its words to show it.
_EN = ("The General Assembly,\n*Recalling* its resolution 73/11 of 26 November 2018 on the cooperation between "
       "the United Nations and the International Criminal Police Organization,\n1. *Requests* the "
       "Secretary-General to report to the General Assembly on the implementation of the present resolution "
       "and on the work of the two organizations.")
_FR = ("L’Assemblée générale,\n*Rappelant* sa résolution 73/11 du 26 novembre 2018 sur la coopération entre "
       "l’Organisation des Nations Unies et l’Organisation internationale de police criminelle,\n1. *Prie* le "
       "Secrétaire général de lui présenter un rapport sur l’application de la présente résolution et sur les "
       "travaux des deux organisations.")


class LanguageMismatch(Rule):
    """A draft checked in one language whose text is plainly in another is reported.

    ## What it does
    When the language of the check was set (``language = "fr"`` in the configuration, or
    ``--language``) and the draft's own words are clearly of another installed language
    (their common words, counted on the first 4,000), reports it once: every finding of the
    language's rules would be off.

    ## Why
    A folder configured for French drafts that holds an English one gives dozens of wrong
    findings with no hint of why; one line saying so saves the drafter the search.

    ## Example
    ```
    language = "fr" for a draft that reads "The General Assembly, Recalling its resolution ..."
    ```

    ## Use instead
    ```
    Check it with --language en, or leave the language to be detected.
    ```

    ## References
    - resolint's language detection: the languages' stop words (language packs).
    """

    code = "R005"
    name = "language-mismatch"
    summary = "The language set for the check is not the language of the text"
    scopes = (Scope.DOCUMENT,)
    severity = Severity.WARNING
    bad_examples = {"en": [_FR], "fr": [_EN]}
    good_examples = {"en": [_EN], "fr": [_FR]}

    def check_document(self, doc: Resolution, ctx: Context) -> Iterator[Finding]:
        shown = doc.facts.get("text_language")
        if shown and shown != doc.language:
            yield ctx.finding(None, ctx.say("R005.mismatch", shown=shown, language=doc.language))
