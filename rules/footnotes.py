"""Footnote rules (F): indicators numbered in reading order, repeated references, placement, footnote text."""
from __future__ import annotations

from collections.abc import Iterator
from functools import cache

import regex

from resolint.findings import Finding, FixSafety, Severity
from resolint.model import MARK, FootnoteRef, Kind, Paragraph, Resolution, Scope
from resolint.rule import Context, Rule, lazy_pattern

from ._helpers import load_data, memo

_BODY = (Kind.TITLE, Kind.FORMULA, Kind.PREAMBLE, Kind.OPERATIVE, Kind.SUBPARAGRAPH, Kind.CLOSING,
         Kind.ANNEX, Kind.TABLE, Kind.PREFACE)
_SPACES = " \u00a0\u202f\t"


@cache
def _footnote_words() -> list[str]:
    return list(load_data("dates").get("footnotes", {}).get("repeat_words", []))


def _body_refs(doc: Resolution) -> Iterator[tuple[Paragraph, FootnoteRef]]:
    """Every indicator of the body, in the order the reader meets them."""
    for p in doc.paragraphs:
        if p.kind in _BODY:
            for ref in sorted(p.footnote_refs, key=lambda r: r.start):
                yield p, ref


_WHITE = lazy_pattern(r"\s+")
_LETTER = lazy_pattern(r"\p{L}")
_LETTERS = lazy_pattern(r"\p{L}+")
_NUMBER_OR_SLASH = lazy_pattern(r"[\p{N}/]")


def _normal_text(text: str) -> str:
    return _WHITE.sub(" ", text).strip().casefold()


class FootnoteIntegrity(Rule):
    """Footnote indicators are numbers in reading order, one mark per footnote, none empty or stale.

    ## What it does
    Checks the footnote indicators as the reader sees them: each footnote is referenced by
    exactly one footnote mark; indicators are Arabic numerals (no custom marks such as "*"
    or letters, no lettered numbering format); a cross-reference (NOTEREF) that repeats an
    indicator shows the current number of its footnote and does not come before the
    footnote's own mark; no footnote is empty. Footnote numbers themselves follow the order
    of the marks, as Word numbers them.

    ## Why
    Resolutions use numbered indicators only, and editors "check all indicator numbers
    against the footnotes … that no numbers have been repeated incorrectly or skipped"
    (UN Editorial Manual, Footnotes IX). A NOTEREF field keeps the number it had when
    fields were last updated: after footnotes are added or moved it can show the wrong
    number (update fields to fix it).

    ## Example
    ```
    *Recalling* the Global Counter-Terrorism Strategy,^[]
    ```

    ## Use instead
    ```
    *Recalling* the Global Counter-Terrorism Strategy,^[Resolution 60/288.]
    ```

    ## References
    - UN Editorial Manual, Footnotes IX. Footnote indicators.
    - conventions.md FN-002, FN-005.
    """

    code = "F101"
    name = "footnote-integrity"
    summary = "One numbered mark per footnote, in reading order; NOTEREFs up to date; no empty footnote"
    scopes = (Scope.DOCUMENT,)
    severity = Severity.ERROR
    bad_examples = {
        "en": ["The General Assembly,\n*Recalling* the Global Counter-Terrorism Strategy,^[]\n1. *Decides* to act."],
        "fr": ["L’Assemblée générale,\n*Rappelant* la Stratégie antiterroriste mondiale^[],\n1. *Décide* d’agir."],
    }
    good_examples = {
        "en": ["The General Assembly,\n*Recalling* the Global Counter-Terrorism Strategy,^[#gs: Resolution 60/288.]\n"
               "1. *Decides* to act in line with the Strategy.^ref[gs]"],
        "fr": ["L’Assemblée générale,\n*Rappelant* la Stratégie antiterroriste mondiale^[#gs: Résolution 60/288.],\n"
               "1. *Décide* d’agir conformément à la Stratégie^ref[gs]."],
    }

    def check_document(self, doc: Resolution, ctx: Context) -> Iterator[Finding]:
        first_part = {fn.id: (fn.paragraphs[0] if fn.paragraphs else None) for fn in doc.footnotes}
        highest = 0
        bad_format = False
        for part, ref in _body_refs(doc):
            shown = ref.shown.strip()
            if ref.custom_mark:
                if part.kind in (Kind.PREFACE, Kind.TITLE):
                    continue  # "*" notes on the symbol or title ("Reissued for technical reasons")
                yield ctx.finding(part, ctx.say("F101.custom", shown=shown), ref.start, ref.end)
                continue
            if ref.via_noteref:
                target = ref.target_number
                if target is None:
                    yield ctx.finding(part, ctx.say("F101.dangling", shown=shown), ref.start, ref.end)
                    continue
                if shown != target:
                    yield ctx.finding(part, ctx.say("F101.stale", shown=shown, target=target), ref.start, ref.end)
                if target.isdigit() and int(target) > highest:
                    yield ctx.finding(part, ctx.say("F101.order", target=target), ref.start, ref.end)
                continue
            if not shown.isdigit():
                if not bad_format:
                    yield ctx.finding(part, ctx.say("F101.not_number", shown=shown), ref.start, ref.end)
                bad_format = True
                continue
            highest = max(highest, int(shown))
        for fn in doc.footnotes:
            part = first_part.get(fn.id)
            where = part if part is not None else None
            name = ctx.say("word.footnote_n", number=fn.number) if fn.number else ctx.word("a_footnote")
            if fn.references == 0:
                yield ctx.finding(where, ctx.say("F101.unreferenced", name=name))
            elif fn.references > 1:
                yield ctx.finding(where, ctx.say("F101.many_marks", name=name, count=fn.references))
            if not fn.text.strip():
                yield ctx.finding(where, ctx.say("F101.empty", name=name))


class FootnoteRepeated(Rule):
    """Repeated references follow the house policy: a new footnote (English) or the same indicator (French).

    ## What it does
    With policy `new-footnote`, reports every indicator repeated through a cross-reference
    (NOTEREF): the repeated reference must be a new footnote with the same text. With policy
    `reuse`, a repeated indicator is accepted, and a footnote whose text repeats an earlier
    footnote word for word is reported (info): reuse the earlier indicator instead.
    "Ibid." footnotes are never repeats.

    ## Why
    The sources disagree. The current English Editorial Manual: "numbered footnote
    indicators are no longer repeated in resolutions. When a reference must be repeated, a
    new footnote with the identical text should be inserted." The French manual (older):
    "Les appels de note numérotés peuvent être répétés si nécessaire dans l'ensemble d'une
    résolution" — and A/RES/75/10 (French, 2020) repeats indicator 6. The default is
    therefore `new-footnote` for English and `reuse` for French.

    ## Example
    ```
    *Recalling* the Instrument,^[#it: A/60/88, annex.]
    1. *Calls for* the implementation of the Instrument.^ref[it]
    ```

    ## Use instead
    ```
    *Recalling* the Instrument,^[A/60/88, annex.]
    1. *Calls for* the implementation of the Instrument.^[A/60/88, annex.]
    ```

    ## Options
    - `policy`: `"auto"` (default: `new-footnote` for English, `reuse` for French and other
      languages that follow the French manual), `"new-footnote"` or `"reuse"`, for all languages:

    ```toml
    [tool.resolint.footnote-repeated]
    policy = "new-footnote"
    ```

    ## References
    - UN Editorial Manual, Footnotes V. Repeated references (English).
    - Manuel de rédaction, Notes de bas de page V. Répétition des références (French).
    - conventions.md FN-006, FN-007, section 6 (D9).
    """

    code = "F102"
    name = "footnote-repeated"
    summary = "Repeated references: new footnote (en) or reused indicator (fr), per policy"
    scopes = (Scope.DOCUMENT,)
    severity = Severity.WARNING
    options = {"policy": "auto"}
    option_choices = {"policy": ("auto", "new-footnote", "reuse")}
    POLICIES = ("new-footnote", "reuse")
    DEFAULTS = {"en": "new-footnote", "fr": "reuse", "es": "reuse"}
    bad_examples = {
        "en": ["The General Assembly,\n*Recalling* the Instrument,^[#it: A/60/88, annex.]\n"
               "1. *Calls for* the implementation of the Instrument.^ref[it]"],
        "fr": ["L’Assemblée générale,\n*Rappelant* l’Instrument international^[A/60/88, annexe.],\n"
               "1. *Demande* l’application de l’Instrument^[A/60/88, annexe.]."],
    }
    good_examples = {
        "en": ["The General Assembly,\n*Recalling* the Instrument,^[A/60/88, annex.]\n"
               "1. *Calls for* the implementation of the Instrument.^[A/60/88, annex.]"],
        "fr": ["L’Assemblée générale,\n*Rappelant* l’Instrument international^[#it: A/60/88, annexe.],\n"
               "1. *Demande* l’application de l’Instrument^ref[it]."],
    }

    def policy(self, ctx: Context) -> tuple[str, str | None]:
        value = str(ctx.option("policy", "auto") or "auto").strip().lower()
        if value == "auto":
            return self.DEFAULTS.get(ctx.language, "new-footnote"), None
        if value not in self.POLICIES:
            fallback = self.DEFAULTS.get(ctx.language, "new-footnote")
            return fallback, ctx.say("F102.policy", value=value, rule=self.name, fallback=fallback)
        return value, None

    def check_document(self, doc: Resolution, ctx: Context) -> Iterator[Finding]:
        policy, problem = self.policy(ctx)
        if problem:
            yield ctx.finding(None, problem)
        if policy == "new-footnote":
            for part, ref in _body_refs(doc):
                if ref.via_noteref and ref.target_number:
                    yield ctx.finding(part, ctx.say("F102.repeated", number=ref.target_number), ref.start, ref.end)
            return
        skip = tuple(w.casefold() for w in _footnote_words())
        seen: dict[str, str] = {}
        for fn in doc.footnotes:
            text = _normal_text(fn.text)
            if not text or text.startswith(skip) or not fn.number:
                continue
            if text in seen:
                part = fn.paragraphs[0] if fn.paragraphs else None
                yield ctx.finding(part, ctx.say("F102.reuse", number=fn.number, first=seen[text]),
                                  severity=Severity.INFO)
            else:
                seen[text] = fn.number


class IndicatorPosition(Rule):
    """Footnote indicators go after punctuation in English and before it in French.

    ## What it does
    Looks at the characters around each indicator in the text: in English an indicator
    must follow a comma, semicolon, colon or full stop ("Rights,¹"), in French it must come
    before it ("INTERPOL¹,"). Several indicators at one place are separated by commas
    ("Secretary-General,¹,²"), which is not a misplacement. The option `position`
    ("auto", "after" or "before") sets the house rule for all languages.

    ## Why
    "The footnote indicator is placed after the punctuation in English but before the
    punctuation in French and Spanish" (UN Editorial Manual, Footnotes IX).

    ## Example
    ```
    *Guided by* the Universal Declaration of Human Rights^[Resolution 217 A (III).], the Covenants,
    ```

    ## Use instead
    ```
    *Guided by* the Universal Declaration of Human Rights,^[Resolution 217 A (III).] the Covenants,
    ```

    ## References
    - UN Editorial Manual, Footnotes IX. Footnote indicators.
    - conventions.md FN-003, FN-004.
    """

    code = "F103"
    name = "indicator-position"
    summary = "Indicator after punctuation in English, before it in French"
    scopes = (Scope.PREAMBLE, Scope.OPERATIVE, Scope.SUBPARAGRAPH, Scope.TITLE)
    severity = Severity.ERROR
    options = {"position": "auto"}
    option_choices = {"position": ("auto", "after", "before")}
    DEFAULTS = {"en": "after", "fr": "before", "es": "before"}
    _PUNCT = ",;:."
    bad_examples = {
        "en": ["The General Assembly,\n*Guided by* the Universal Declaration of Human Rights^[Resolution 217 A "
               "(III).], the Covenants and other instruments,\n1. *Decides* to act."],
        "fr": ["L’Assemblée générale,\n*Rappelant* l’Accord de coopération entre l’Organisation et INTERPOL,"
               "^[Nations Unies, Recueil des Traités, vol. 1996, nº 1200.] ainsi que les autres accords,\n"
               "1. *Décide* d’agir."],
    }
    good_examples = {
        "en": ["The General Assembly,\n*Taking note* of the reports of the Secretary-General,^[A/74/89.],^[A/74/90.] "
               "and of the Universal Declaration of Human Rights,^[Resolution 217 A (III).]\n1. *Decides* to act."],
        "fr": ["L’Assemblée générale,\n*Rappelant* l’Accord de coopération entre l’Organisation et INTERPOL"
               "^[Nations Unies, Recueil des Traités, vol. 1996, nº 1200.], ainsi que la Stratégie"
               "^[Résolution 60/288.],\n1. *Décide* d’agir conformément au Programme 2030^[Résolution 70/1.]."],
    }

    def check(self, part: Paragraph, ctx: Context) -> Iterator[Finding]:
        value = str(ctx.option("position", "auto") or "auto").lower()
        position = self.DEFAULTS.get(ctx.language) if value == "auto" else value
        if position not in ("after", "before"):
            return
        text = part.scan_text
        refs = sorted(part.footnote_refs, key=lambda r: r.start)
        for ref in refs:
            if position == "after":
                i = ref.end
                if i < len(text) and text[i] in self._PUNCT:
                    if text[i] == "," and i + 1 < len(text) and text[i + 1] == MARK:
                        continue  # "Secretary-General,¹,²": a separator between indicators
                    if text[i] == "." and text[i:i + 3] == "...":
                        continue
                    yield ctx.finding(part, ctx.say("F103.after", shown=ref.shown, mark=text[i]), ref.start, i + 1)
            else:
                i = ref.start
                if i > 0 and text[i - 1] in self._PUNCT:
                    mark = text[i - 1]
                    if mark == "," and i >= 2 and text[i - 2] == MARK:
                        continue  # "général¹,²": a separator
                    if mark == "." and (regex.search(r"(?<![\p{L}])\p{Ll}{1,4}\.$", text[max(0, i - 6):i])
                                        or text[max(0, i - 3):i] == "..."):
                        continue  # an abbreviation ("etc.", "par.") or an ellipsis
                    yield ctx.finding(part, ctx.say("F103.before", shown=ref.shown, mark=mark), i - 1, ref.end)


class FootnoteText(Rule):
    """Footnote text starts with a capital letter and ends with a full stop.

    ## What it does
    Checks each footnote: the first letter is a capital ("Résolution 60/288.", "See
    resolution 72/284."), and the text ends with a full stop (after a closing quotation
    mark or bracket if the sentence ends inside one). The fix adds the missing full stop
    (safe) or replaces a final comma, semicolon or colon by one; capitalising the first
    letter is an unsafe fix. Empty footnotes are F101's finding.

    ## Why
    UN footnotes are sentences: "¹ Resolution 217 A (III).", "¹ A/74/89.", "³ Voir résolution
    72/284." (A/RES/60/147, Editorial Manual Footnotes V, A/RES/75/10: all seven footnotes).

    ## Example
    ```
    *Recalling* the Strategy,^[resolution 60/288]
    ```

    ## Use instead
    ```
    *Recalling* the Strategy,^[Resolution 60/288.]
    ```

    ## References
    - UN Editorial Manual, Footnotes V (example footnotes "1 A/74/89.").
    - conventions.md FN-008.
    """

    code = "F104"
    name = "footnote-text"
    summary = "Footnotes start with a capital and end with a full stop"
    scopes = (Scope.FOOTNOTE,)
    severity = Severity.WARNING
    fix = FixSafety.SAFE
    _CLOSERS = "»”\"’')]"
    bad_examples = {
        "en": ["The General Assembly,\n*Recalling* the Strategy,^[resolution 60/288]\n1. *Decides* to act."],
        "fr": ["L’Assemblée générale,\n*Rappelant* la Stratégie^[Résolution 60/288],\n1. *Décide* d’agir."],
    }
    good_examples = {
        "en": ["The General Assembly,\n*Recalling* the Strategy,^[Resolution 60/288.] the report^[A/74/89.] and "
               "the Declaration,^[See “Report of the Conference”, chap. I.]\n1. *Decides* to act."],
        "fr": ["L’Assemblée générale,\n*Rappelant* la Stratégie^[Résolution 60/288.] et l’Accord"
               "^[Nations Unies, Recueil des Traités, vol. 1996, nº 1200.],\n"
               "1. *Décide* d’agir^[Voir résolution 72/284.]."],
    }

    @staticmethod
    def _place(doc: Resolution, part: Paragraph) -> tuple[bool, bool]:
        """Whether ``part`` is the first / the last paragraph with text of its footnote."""
        places = memo(doc, "footnotes.place")
        if not places:
            for fn in doc.footnotes:
                nonempty = [q for q in fn.paragraphs if q.text.strip()]
                for q in fn.paragraphs:
                    places[id(q)] = (bool(nonempty) and nonempty[0] is q, bool(nonempty) and nonempty[-1] is q)
        return places.get(id(part), (True, True))  # type: ignore[no-any-return]

    def check(self, part: Paragraph, ctx: Context) -> Iterator[Finding]:
        text = part.text
        if not text.strip():
            return
        is_first, is_last = self._place(ctx.doc, part)
        if is_first:
            m = _LETTER.search(text)
            lead = text[:m.start()] if m else ""
            if m and m.group(0).islower() and not _NUMBER_OR_SLASH.search(lead):
                i = m.start()
                word = _LETTERS.match(text, i).group(0)
                # Leave alone words with capitals inside ("iPhone") and symbols ("e/2019/1").
                if word == word.lower() and not text[i + len(word):i + len(word) + 1] == "/":
                    fix = ctx.replace(part, i, i + 1, text[i].upper(), "capitalise", safety=FixSafety.UNSAFE)
                    yield ctx.finding(part, ctx.say("F104.capital", letter=text[i].upper()),
                                      i, i + 1, fix=fix)
        if is_last:
            end = part.trimmed_end()
            scan = part.scan_text
            last = scan[end - 1]
            if last in ".?!…":
                return
            if last in self._CLOSERS:
                j = end - 1
                while j > 0 and scan[j - 1] in self._CLOSERS + _SPACES:
                    j -= 1
                if j > 0 and scan[j - 1] in ".?!…":
                    return
            if last in ",;:":
                fix = ctx.replace(part, end - 1, end, ".", "end with '.'")
                yield ctx.finding(part, ctx.say("F104.end_not", last=last), end - 1, end, fix=fix)
            else:
                fix = ctx.replace(part, end, end, ".", "add '.'")
                yield ctx.finding(part, ctx.say("F104.end"), end, end, fix=fix)
