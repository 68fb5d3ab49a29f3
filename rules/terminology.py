"""Terminology rules (T): fixed United Nations terms, abbreviations, acronyms, self-reference."""
from __future__ import annotations

from collections.abc import Iterator
from functools import cache
from typing import Any

import regex

from resolint.findings import Finding, FixSafety, Severity
from resolint.model import Kind, Paragraph, Resolution, Scope
from resolint.rule import Context, Rule, iter_matches, lazy_pattern

from resolint.trigger import Trigger

from ._helpers import casefolded, convention, word_led_matches, words_trigger
from .punctuation import inside, load_data, url_spans

_BODY = (Scope.TITLE, Scope.PREAMBLE, Scope.OPERATIVE, Scope.SUBPARAGRAPH)
_SEVERITY = {"error": Severity.ERROR, "warning": Severity.WARNING, "info": Severity.INFO}
_SAFETY = {"safe": FixSafety.SAFE, "unsafe": FixSafety.UNSAFE}
_WS = lazy_pattern(r"[\s\u00a0\u202f]+")


def _terms() -> dict[str, Any]:
    return load_data("terms")


@cache
def _term_patterns(language: str, skip_correct: bool = True) -> list[tuple[Any, dict[str, Any], tuple[str, ...]]]:
    """One pattern per fixed term, longest first: the term's words in any case, space or hyphen between.

    With each pattern, the term's words case-folded: a text without all of them (folded)
    cannot match, and is not searched. With ``skip_correct``, the pattern does not match
    the term written correctly, which is most of what a draft holds and has nothing to
    report: the search passes over it in C. Only where no match can start inside the
    correct term (its first word does not come again in it), so that the other matches
    are those of the full pattern.
    """
    out = []
    for entry in sorted(_terms().get("terms", {}).get(language, []), key=lambda e: -len(e["correct"])):
        words = entry["correct"].replace("-", " ").split()
        body = r"[\s\u00a0\u202f\-]+".join(regex.escape(w) for w in words)
        if skip_correct and words[0].casefold() not in {w.casefold() for w in words[1:]}:
            body = rf"(?!(?-i:{regex.escape(entry['correct'])})){body}"
        pattern = lazy_pattern(r"(?<![\p{L}\p{M}\d\-])" + body + r"(?![\p{L}\p{M}\d])", regex.V1 | regex.IGNORECASE)
        out.append((pattern, entry, tuple(w.casefold() for w in words)))
    return out


@cache
def _compiled(pattern: str, flags: int = 0) -> Any:
    return lazy_pattern(pattern, regex.V1 | flags)


def _overlaps(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(start < b and a < end for a, b in spans)


class FixedTerms(Rule):
    """Fixed United Nations terms are written one way: "Secretary-General", "États Membres".

    ## What it does
    Checks the spelling, capitals and hyphen of the fixed terms listed in
    `rules/data/terms.toml`: Member States, Secretary-General, General Assembly, Security
    Council, Economic and Social Council, Charter of the United Nations, United Nations;
    États Membres, Secrétaire général, Assemblée générale, Conseil de sécurité, Conseil
    économique et social, Charte des Nations Unies, Organisation des Nations Unies, Nations
    Unies. Wrong capitals or separators ("Secretary General", "Secrétaire Général",
    "Nations unies") are errors with a safe fix.

    "Member States" / "États Membres" (capital M) is reserved for the Members of the United
    Nations; the members of another organization are "member States" / "États membres".
    So "États membres" (or "member States") is only a warning, and only when no qualifier
    follows ("États membres de l’Union européenne", "d’INTERPOL") and no possessive
    precedes ("ses États membres"). A lower-case "states"/"états", or a hyphen, is an error.
    Words in all capitals, and common nouns ("a general assembly of its members"), are left alone.

    ## Why
    The UN Correspondence Manual fixes these names; French United Nations texts capitalize
    "Membres" for United Nations membership only: A/RES/75/10 writes "États Membres de
    l’Organisation qui sont également membres d’INTERPOL".

    ## Example
    ```
    1. *Prie* le Secrétaire Général de faire rapport aux États membres ;
    ```

    ## Use instead
    ```
    1. *Prie* le Secrétaire général de faire rapport aux États Membres ;
    ```

    ## References
    - conventions.md CAP-001.
    - UN Correspondence Manual (names never abbreviated or altered).
    """

    code = "T101"
    name = "fixed-terms"
    summary = "Fixed UN terms spelled and capitalized one way"
    scopes = _BODY + (Scope.FOOTNOTE,)
    languages = ("en", "fr")
    severity = Severity.ERROR
    fix = FixSafety.SAFE
    bad_examples = {
        "en": ["The General Assembly,\n*Recalling* the Charter of the United Nations,\n"
               "1. *Requests* the Secretary General to report to member states;"],
        "fr": ["L’Assemblée générale,\n*Rappelant* la Charte des Nations unies,\n"
               "1. *Prie* le Secrétaire Général de faire rapport aux États membres\u00a0;"],
    }
    good_examples = {
        "en": ["The General Assembly,\n*Recalling* the Charter of the United Nations,\n"
               "1. *Requests* the Secretary-General to report to Member States and to the member States of the "
               "European Union;\n2. *Invites* the Security Council and the Economic and Social Council to act."],
        "fr": ["L’Assemblée générale,\n*Rappelant* la Charte des Nations Unies,\n"
               "1. *Prie* le Secrétaire général de faire rapport aux États Membres de l’Organisation qui sont "
               "également membres d’INTERPOL et aux États membres de l’Union européenne\u00a0;\n"
               "2. *Invite* l’Organisation des Nations Unies, INTERPOL et ses États membres à coopérer."],
    }

    def check(self, part: Paragraph, ctx: Context) -> Iterator[Finding]:
        text = part.scan_text
        lang = ctx.language
        taken: list[tuple[int, int]] = []
        folded = casefolded(text)
        holds = folded.__contains__ if folded is not None else None
        for pattern, entry, words in _term_patterns(lang):
            if holds is not None and not all(map(holds, words)):
                continue
            correct = entry["correct"]
            for m in iter_matches(pattern, text):
                found = m.group()
                if found == correct or _WS.sub(" ", found) == correct or found.isupper() or _overlaps(taken, m.start(), m.end()):
                    continue
                if entry.get("lower_ok") and found == found.lower():
                    continue
                if (after := entry.get("unless_after")) and _compiled(after).search(text[m.end():m.end() + 80]):
                    continue
                if (before := entry.get("unless_before")) and _compiled(before).search(text[max(0, m.start() - 40):m.start()]):
                    continue
                taken.append((m.start(), m.end()))
                fix = ctx.replace(part, m.start(), m.end(), correct, f"write {correct!r}",
                                  safety=_SAFETY[entry.get("fix", "safe")])
                yield ctx.finding(part, ctx.say("T101.write", good=correct, found=found), m.start(), m.end(), fix=fix,
                                  severity=_SEVERITY[entry.get("severity", "error")])
        for entry in _terms().get("replacements", {}).get(lang, []):
            if folded is not None and (needle := entry.get("needle")) and needle not in folded:
                continue
            for m in iter_matches(_compiled(entry["bad"]), text):
                if _overlaps(taken, m.start(), m.end()):
                    continue
                taken.append((m.start(), m.end()))
                good = entry["good"]
                fix = ctx.replace(part, m.start(), m.end(), good, f"write {good!r}",
                                  safety=_SAFETY[entry.get("fix", "unsafe")])
                yield ctx.finding(part, ctx.say("T101.write", good=good, found=m.group()), m.start(), m.end(), fix=fix,
                                  severity=_SEVERITY[entry.get("severity", "warning")])
        yield from self._membership(part, ctx, text, taken)

    def _membership(self, part: Paragraph, ctx: Context, text: str,
                    taken: list[tuple[int, int]]) -> Iterator[Finding]:
        data = _terms().get("membership", {}).get(ctx.language)
        if not data:
            return
        needle, folded = data.get("needle"), casefolded(text)
        if needle and folded is not None and needle not in folded:
            return  # every match holds the needle ("member", "membre")
        fixed = data["fixed_word"] - 1
        variable = 1 - fixed
        for m in membership_matches(data, text, folded):
            if m.group().isupper() or _overlaps(taken, m.start(), m.end()):
                continue
            words = [m.group(1), m.group(3)]
            sep = m.group(2)

            def form(template: list[str]) -> list[str]:
                return [t if w.casefold().endswith("s") or not t.endswith("s") else t[:-1]
                        for t, w in zip(template, words)]

            un = form(data["un"])
            fixed_ok = words[fixed] == un[fixed] and _WS.fullmatch(sep) is not None
            if fixed_ok and words[variable] == un[variable]:
                continue  # the United Nations form, qualified or not: nothing to say
            qualified = bool(_compiled(data["qualifier"]).search(text[m.end():m.end() + 20])
                             or _compiled(data["possessive"]).search(text[max(0, m.start() - 30):m.start()]))
            other = form(data["other"])
            variable_ok = qualified or words[variable] == un[variable]
            if fixed_ok and variable_ok:
                continue
            target = other if qualified else un
            good = f"{target[0]} {target[1]}"
            if not fixed_ok:
                severity = Severity.ERROR
                safety = FixSafety.SAFE if variable_ok else FixSafety.UNSAFE
                if variable_ok:
                    target = [words[0], words[1]]
                    target[fixed] = un[fixed]
                    good = f"{target[0]} {target[1]}"
                message = ctx.say("T101.write", good=good, found=m.group())
            else:
                severity = Severity.WARNING
                safety = FixSafety.UNSAFE
                message = ctx.say("T101.members", found=m.group(), good=good, other=other[0] + " " + other[1])
            fix = ctx.replace(part, m.start(), m.end(), good, f"write {good!r}", safety=safety)
            yield ctx.finding(part, message, m.start(), m.end(), fix=fix, severity=severity)


def membership_matches(data: dict[str, Any], text: str, folded: str | None) -> Iterator[Any]:
    """The matches of the membership pattern in ``text``, as a scan finds them: tried only where
    the words every match starts with (``starts``, case-folded) start a word."""
    pattern = _compiled(data["pattern"], regex.IGNORECASE)
    starts = tuple(data.get("starts", ()))
    if not starts:
        return iter_matches(pattern, text)
    return word_led_matches(pattern, text, folded, starts, word_start=True)


class UnitedNationsAbbreviation(Rule):
    """"United Nations" is never abbreviated: no "UN", "U.N." or (in French) "ONU".

    ## What it does
    Finds "UN" and "U.N." in English text and "ONU" in French text, as whole words. Names
    that contain the abbreviation officially ("UN-Women", "ONU-Femmes", "UNODC") and
    document symbols are not matched. The unsafe fix writes "United Nations" /
    "Organisation des Nations Unies" (check the grammar around it).

    ## Why
    The UN Correspondence Manual: "The words 'United Nations' should never be abbreviated".
    Editors working in United Nations style avoid "UN" in formal texts such as General
    Assembly resolutions.

    ## Example
    ```
    1. *Requests* the UN system to report;
    ```

    ## Use instead
    ```
    1. *Requests* the United Nations system to report;
    ```

    ## References
    - conventions.md ABB-001.
    - UN Correspondence Manual (UNU copy), abbreviations.
    """

    code = "T102"
    name = "united-nations-abbreviation"
    summary = "'United Nations' is never abbreviated (UN, U.N., ONU)"
    scopes = _BODY
    languages = ("en", "fr")
    severity = Severity.ERROR
    fix = FixSafety.UNSAFE
    bad_examples = {
        "en": ["The General Assembly,\n*Recalling* its resolution 73/11,\n1. *Requests* the UN system to report."],
        "fr": ["L’Assemblée générale,\n*Rappelant* sa résolution 73/11,\n1. *Prie* le système de l’ONU de faire rapport."],
    }
    good_examples = {
        "en": ["The General Assembly,\n*Recalling* its resolution 73/11,\n1. *Requests* the United Nations system, "
               "including UN-Women, to report."],
        "fr": ["L’Assemblée générale,\n*Rappelant* sa résolution 73/11,\n1. *Prie* le système des Nations Unies, dont "
               "ONU-Femmes, de faire rapport."],
    }

    def trigger_for(self, ctx: Context) -> Trigger | None:
        data = _terms().get("abbreviations", {}).get(ctx.language)
        return Trigger.any_of(data["needles"]) if data and data.get("needles") else None

    def check(self, part: Paragraph, ctx: Context) -> Iterator[Finding]:
        data = _terms().get("abbreviations", {}).get(ctx.language)
        if not data:
            return
        text = part.scan_text
        urls = url_spans(text)
        for m in iter_matches(_compiled(data["pattern"]), text):
            if inside(urls, m.start()):
                continue
            good = data["replacement"]
            fix = ctx.replace(part, m.start(), m.end(), good, f"write {good!r}")
            yield ctx.finding(part, ctx.say("T102.full", found=m.group(), good=good), m.start(), m.end(), fix=fix)


_ACRONYM_IN_PARENS = lazy_pattern(r"\((\p{Lu}[\p{Lu}\d&\-]*\p{Lu}[\p{Lu}\d&\-]*)\)", regex.V1)
_ROMAN = lazy_pattern(r"(?:S-|ES-)?[IVXLCDM]+")


class AcronymFirstUse(Rule):
    """An acronym is spelled out, with the acronym in parentheses, before it is used alone.

    ## What it does
    An acronym in parentheses right after a name defines it: "Organisation internationale
    de police criminelle (INTERPOL)". The rule reports the first use of an acronym that
    comes before its definition, or that is never defined. To stay precise it only checks
    the acronyms listed with their spelled-out forms in `rules/data/terms.toml`, and any
    other word of three or more capitals that the text does define somewhere in
    parentheses (Roman numerals are ignored). The title counts: a definition there covers
    the body. Footnotes are not checked.

    ## Why
    United Nations style spells out a name at its first mention, with the acronym in
    parentheses, and then uses the acronym alone (A/RES/75/10: "l’Organisation
    internationale de police criminelle (INTERPOL)" in PP 1, "INTERPOL" after).

    ## Example
    ```
    *Recalling* the cooperation between INTERPOL and the United Nations,
    1. *Invites* the International Criminal Police Organization (INTERPOL) to report.
    ```

    ## Use instead
    ```
    *Recalling* the cooperation between the International Criminal Police Organization (INTERPOL) and the United Nations,
    1. *Invites* INTERPOL to report.
    ```

    ## References
    - conventions.md ABB-002.
    - UN editorial practice (acronyms spelled out at first use).
    """

    code = "T103"
    name = "acronym-first-use"
    summary = "Acronyms spelled out, with the acronym in parentheses, at first use"
    scopes = (Scope.DOCUMENT,)
    languages = ("en", "fr")
    severity = Severity.WARNING
    fix = FixSafety.NONE
    bad_examples = {
        "en": ["The General Assembly,\n*Recalling* the cooperation between INTERPOL and the United Nations,\n"
               "1. *Invites* the International Criminal Police Organization (INTERPOL) to report."],
        "fr": ["L’Assemblée générale,\n*Rappelant* la coopération entre l’Organisation des Nations Unies et INTERPOL,\n"
               "1. *Invite* l’Organisation internationale de police criminelle (INTERPOL) à faire rapport."],
    }
    good_examples = {
        "en": ["The General Assembly,\n*Recalling* the cooperation between the International Criminal Police "
               "Organization (INTERPOL) and the United Nations,\n1. *Invites* INTERPOL to report under Chapter VII."],
        "fr": ["L’Assemblée générale,\n*Rappelant* la coopération entre l’Organisation des Nations Unies et "
               "l’Organisation internationale de police criminelle (INTERPOL) face à la maladie à coronavirus "
               "(COVID-19),\n1. *Invite* INTERPOL à faire rapport sur la COVID-19."],
    }

    def check_document(self, doc: Resolution, ctx: Context) -> Iterator[Finding]:
        parts = [p for p in doc.paragraphs
                 if p.kind in (Kind.TITLE, Kind.PREAMBLE, Kind.OPERATIVE, Kind.SUBPARAGRAPH)]
        known: dict[str, str] = dict(_terms().get("acronyms", {}).get(ctx.language, {}))
        candidates = set(known)
        texts = [p.scan_text for p in parts]
        for text in texts:
            if "(" not in text:
                continue
            for m in iter_matches(_ACRONYM_IN_PARENS, text):
                token = m.group(1)
                letters = sum(c.isalpha() for c in token)
                if letters >= 3 and not _ROMAN.fullmatch(token):
                    candidates.add(token)
        for acronym in sorted(candidates):
            pattern = _compiled(r"(?<![\p{L}\d/.\-])" + regex.escape(acronym) + r"(?![\p{L}\d/\-])")
            first_def: tuple[int, Paragraph] | None = None
            first_use: tuple[int, Paragraph, int, int] | None = None
            for order, (p, text) in enumerate(zip(parts, texts)):
                if acronym not in text:
                    continue  # the pattern is case-sensitive: no match without the acronym itself
                urls = url_spans(text)
                for m in iter_matches(pattern, text):
                    if inside(urls, m.start()):
                        continue
                    is_def = m.start() > 0 and text[m.start() - 1] == "(" and text[m.end():m.end() + 1] == ")"
                    if is_def:
                        first_def = first_def or (order, p)
                    elif first_use is None:
                        first_use = (order, p, m.start(), m.end())
                if first_def:
                    break
            if first_use is None or (first_def is not None and first_def[0] < first_use[0]):
                continue
            if first_def is not None and first_def[0] == first_use[0] and first_def[1] is first_use[1]:
                # Same paragraph: the use must come after the definition.
                text = first_use[1].scan_text
                if text.find(f"({acronym})") < first_use[2]:
                    continue
            _, part, start, end = first_use
            if first_def is None:
                form = known.get(acronym)
                hint = ctx.say("T103.hint", form=form, acronym=acronym) if form else ""
                message = ctx.say("T103.never", acronym=acronym, hint=hint)
            else:
                message = ctx.say("T103.before", acronym=acronym, where=first_def[1].label)
            yield ctx.finding(part, message, start, end)


class PresentResolution(Rule):
    """The resolution calls itself "the present resolution" / "la présente résolution".

    ## What it does
    Finds "this resolution" and "the current resolution" in English, "cette résolution"
    in French, with a safe fix to "the present resolution" / "la présente résolution".
    When a resolution number is cited just before (in the same paragraph), "this
    resolution" may refer to that one, and the rule stays silent.

    ## Why
    United Nations resolutions refer to themselves as "the present resolution": A/RES/51/1
    "to implement the present resolution", A/RES/75/10 OP 15 "l’application de la
    présente résolution". Not applied to Security Council texts, where "this resolution"
    is usage (`rules/data/organs.toml`).

    ## Example
    ```
    15. *Requests* the Secretary-General to report on the implementation of this resolution.
    ```

    ## Use instead
    ```
    15. *Requests* the Secretary-General to report on the implementation of the present resolution.
    ```

    ## References
    - conventions.md STR-007.
    """

    code = "T104"
    name = "present-resolution"
    summary = "'the present resolution', not 'this resolution'"
    scopes = (Scope.PREAMBLE, Scope.OPERATIVE, Scope.SUBPARAGRAPH)
    languages = ("en", "fr")
    severity = Severity.WARNING
    fix = FixSafety.SAFE
    bad_examples = {
        "en": ["The General Assembly,\n*Recalling* its resolution 73/11,\n1. *Requests* the Secretary-General to "
               "report on the implementation of this resolution."],
        "fr": ["L’Assemblée générale,\n*Rappelant* sa résolution 73/11,\n1. *Prie* le Secrétaire général de lui rendre "
               "compte de l’application de cette résolution."],
    }
    good_examples = {
        "en": ["The General Assembly,\n*Recalling* its resolution 73/11, and the measures called for in this resolution,\n"
               "1. *Requests* the Secretary-General to report on the implementation of the present resolution."],
        "fr": ["L’Assemblée générale,\n*Rappelant* sa résolution 73/11 et les mesures prévues dans cette résolution,\n"
               "1. *Prie* le Secrétaire général de lui rendre compte de l’application de la présente résolution."],
    }

    _CITED = lazy_pattern(r"\b\d{1,4}/\d{1,4}\b|\b\d{3,4}[\s\u00a0]*\(\d{4}\)|\b\d{1,4}[\s\u00a0]*\([IVXLC]+\)")

    def trigger_for(self, ctx: Context) -> Trigger | None:
        data = _terms().get("self_reference", {}).get(ctx.language)
        return words_trigger((data["needle"],)) if data and data.get("needle") else None

    def check(self, part: Paragraph, ctx: Context) -> Iterator[Finding]:
        data = _terms().get("self_reference", {}).get(ctx.language)
        if not data or not convention(ctx.doc, "present-resolution-only"):
            return  # "this resolution" is Security Council usage
        text = part.scan_text
        for m in iter_matches(_compiled(data["bad"], regex.IGNORECASE), text):
            if self._CITED.search(text[max(0, m.start() - 150):m.start()]):
                continue  # "its resolution 73/11 ... this resolution": another resolution
            good = data["good"]
            if m.group()[0].isupper():
                good = good[0].upper() + good[1:]
            fix = ctx.replace(part, m.start(), m.end(), good, f"write {good!r}")
            yield ctx.finding(part, ctx.say("T104.write", good=good, found=m.group()), m.start(), m.end(), fix=fix)
