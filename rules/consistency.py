"""Consistency rules (G): the same words written two ways in one document."""
from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterator

from resolint.findings import Finding, FixSafety, Severity
from resolint.model import MARK, Paragraph, Resolution, Scope
from resolint.rule import Context, Rule

_TOKEN = re.compile(r"[^\W\d_](?:[^\W\d_]|[’'-](?=[^\W\d_]))*|,")
_WORD = re.compile(r"[^\W\d_]+")


def _tokens(text: str) -> list[tuple[str, int, int]]:
    """Words and commas of ``text`` with their offsets (footnote marks ignored)."""
    return [(m.group(), m.start(), m.end()) for m in _TOKEN.finditer(text.replace(MARK, " "))]


class EnumerationConsistency(Rule):
    """An enumeration repeated with different commas: "chimiques, biologiques radiologiques".

    ## What it does
    Finds runs of four words that the document writes as a list (with at least two
    commas) more often than not, and reports the places where the same four words carry
    fewer or other commas.

    ## Why
    Resolutions repeat fixed enumerations ("chemical, biological, radiological and
    nuclear"); a comma lost in one place reads as a different list. A/RES/75/10 writes
    "chimiques, biologiques, radiologiques et nucléaires" three times and once without the
    second comma (OP 1).

    ## Example
    ```
    ... chimiques, biologiques, radiologiques et nucléaires ...
    ... chimiques, biologiques radiologiques et nucléaires ...
    ```

    ## Use instead
    ```
    ... chimiques, biologiques, radiologiques et nucléaires ...
    ... chimiques, biologiques, radiologiques et nucléaires ...
    ```

    ## References
    - conventions.md GEN-003 and section 6 (defect D7).
    """

    code = "G101"
    name = "enumeration-consistency"
    summary = "A repeated enumeration keeps the same commas"
    scopes = (Scope.DOCUMENT,)
    severity = Severity.WARNING
    fix = FixSafety.UNSAFE
    bad_examples = {
        "en": ["The General Assembly,\n*Noting* chemical, biological, radiological and nuclear materials,\n"
               "*Noting also* chemical, biological radiological and nuclear weapons,\n"
               "1. *Calls upon* States to secure chemical, biological, radiological and nuclear materials."],
        "fr": ["L’Assemblée générale,\n*Notant* les matières chimiques, biologiques, radiologiques et nucléaires,\n"
               "*Notant également* les armes chimiques, biologiques radiologiques et nucléaires,\n"
               "1. *Demande* que les matières chimiques, biologiques, radiologiques et nucléaires soient protégées."],
    }
    good_examples = {
        "en": ["The General Assembly,\n*Noting* chemical, biological, radiological and nuclear materials,\n"
               "1. *Calls upon* States to secure chemical, biological, radiological and nuclear materials."],
        "fr": ["L’Assemblée générale,\n*Notant* les matières chimiques, biologiques, radiologiques et nucléaires,\n"
               "1. *Demande* que les matières chimiques, biologiques, radiologiques et nucléaires soient protégées."],
    }

    def check_document(self, doc: Resolution, ctx: Context) -> Iterator[Finding]:
        # Each paragraph as words with, for each word, whether a comma follows it.
        texts = []
        for part in doc.preamble + doc.operative + doc.subparagraphs:
            words: list[tuple[str, int, int]] = []
            comma: list[int] = []
            for tok, start, end in _tokens(part.scan_text):
                if tok == ",":
                    if comma:
                        comma[-1] = 1
                else:
                    words.append((tok.casefold(), start, end))
                    comma.append(0)
            texts.append((part, words, comma))
        # Pass 1: the four-word runs written as lists (two commas or more) somewhere.
        listed: set[tuple[str, ...]] = set()
        for _part, words, comma in texts:
            for k in range(len(words) - 3):
                if comma[k] + comma[k + 1] + comma[k + 2] >= 2:
                    listed.add((words[k][0], words[k + 1][0], words[k + 2][0], words[k + 3][0]))
        if not listed:
            return
        # Pass 2: every occurrence of those runs, with its commas.
        seen: dict[tuple[str, ...], list[tuple[tuple[int, ...], Paragraph, int, int]]] = defaultdict(list)
        for part, words, comma in texts:
            for k in range(len(words) - 3):
                key = (words[k][0], words[k + 1][0], words[k + 2][0], words[k + 3][0])
                if key in listed:
                    seen[key].append(((comma[k], comma[k + 1], comma[k + 2]), part, words[k][1], words[k + 3][2]))
        flagged: dict[int, list[list]] = defaultdict(list)  # paragraph index -> [start, end, part, example]
        for places in seen.values():
            if len(places) < 3:
                continue
            patterns = Counter(p[0] for p in places)
            if len(patterns) < 2:
                continue
            (major, count), = patterns.most_common(1)
            if sum(major) < 2 or count * 2 <= len(places):
                continue
            example = self._render(places, major)
            for commas, part, start, end in places:
                if commas == major or sum(commas) >= sum(major):
                    continue
                spans = flagged[part.index]
                for span in spans:  # overlapping windows of one enumeration: one finding
                    if start < span[1] and end > span[0]:
                        span[0], span[1] = min(span[0], start), max(span[1], end)
                        break
                else:
                    spans.append([start, end, part, example, count])
        for index in sorted(flagged):
            for start, end, part, example, count in flagged[index]:
                yield ctx.finding(part, f"this enumeration is written {count} times elsewhere with more commas: "
                                  f"'{example}'", start, end)

    @staticmethod
    def _render(places: list, major: tuple[int, ...]) -> str:  # type: ignore[type-arg]
        for commas, part, start, end in places:
            if commas == major:
                return part.text[start:end]
        return ""


class SplitWord(Rule):
    """A word split by a stray space ("cont re" for "contre").

    ## What it does
    Reports two adjacent letter sequences that, joined, make a word the document uses at
    least twice elsewhere, when one of the two pieces is never a word of the document on
    its own.

    ## Why
    Edits and conversions leave words broken by a space; a spell checker finds them only
    when the pieces are not words. The document's own vocabulary is a precise reference:
    A/RES/75/10 has "Comité cont re le terrorisme" in PP 11 and "contre" 20 times elsewhere.

    ## Example
    ```
    *Welcoming* the work of the Counter-Terrorism Com mittee Executive Directorate,
    ```

    ## Use instead
    ```
    *Welcoming* the work of the Counter-Terrorism Committee Executive Directorate,
    ```

    ## References
    - conventions.md GEN-002 and section 6 (defect D4).
    """

    code = "G102"
    name = "split-word"
    summary = "No word split by a stray space"
    scopes = (Scope.DOCUMENT,)
    severity = Severity.WARNING
    fix = FixSafety.UNSAFE
    bad_examples = {
        "en": ["The General Assembly,\n*Welcoming* the Counter-Terrorism Committee and the Committee secretariat,\n"
               "1. *Encourages* the Com mittee to continue its work."],
        "fr": ["L’Assemblée générale,\n*Notant* la lutte contre le terrorisme et contre la criminalité,\n"
               "1. *Engage* le Comité cont re le terrorisme à poursuivre ses travaux."],
    }
    good_examples = {
        "en": ["The General Assembly,\n*Welcoming* the Counter-Terrorism Committee and the Committee secretariat,\n"
               "1. *Encourages* the Committee to continue its work."],
        "fr": ["L’Assemblée générale,\n*Notant* la lutte contre le terrorisme et contre la criminalité,\n"
               "1. *Engage* le Comité contre le terrorisme à poursuivre ses travaux."],
    }

    def check_document(self, doc: Resolution, ctx: Context) -> Iterator[Finding]:
        parts = [p for p in doc.all_parts() if p.text.strip()]
        vocab: Counter[str] = Counter()
        for part in parts:
            vocab.update(w.casefold() for w in _WORD.findall(part.scan_text))
        for part in parts:
            text = part.scan_text
            matches = list(_WORD.finditer(text))
            for a, b in zip(matches, matches[1:]):
                if text[a.end():b.start()] != " ":
                    continue
                left, right = a.group().casefold(), b.group().casefold()
                joined = left + right
                if vocab[joined] < 2 or min(len(left), len(right)) < 2:
                    continue
                if vocab[left] > 1 and vocab[right] > 1:
                    continue
                fix = ctx.replace(part, a.end(), b.start(), "", f"join into {a.group() + b.group()!r}")
                yield ctx.finding(part, f"'{a.group()} {b.group()}' looks like '{a.group() + b.group()}' split by a space",
                                  a.start(), b.end(), fix=fix)
