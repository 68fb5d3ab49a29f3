"""Consistency rules (G): the same words written two ways in one document."""
from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterator
from itertools import accumulate, chain, compress, count, repeat
from operator import contains, not_

from resolint.findings import Finding, FixSafety, Severity
from resolint.model import MARK, Paragraph, Resolution, Scope
from resolint.rule import Context, Rule
from resolint.trigger import casefolded

#: A word of an enumeration: letters, with single apostrophes or hyphens inside. Split with
#: it, a text gives its words and, between them, the text where the commas are.
_TOKEN_WORD = re.compile(r"([^\W\d_]+(?:[’'-][^\W\d_]+)*)")
_WORD = re.compile(r"[^\W\d_]+")
#: A combining mark that case-folds to a letter (ι): with it, the folded text has more
#: letters than the text, and the shortcuts below, which read one for the other, are off.
_FOLDS_TO_LETTER = "\u0345"
#: Two commas with one or two of those words between them (and no letter but theirs: the
#: rest is gap). A paragraph without such a pair holds no four-word run with two commas.
#: The word is atomic, so it is always whole; the search starts only at commas.
_CLOSE_COMMAS = re.compile(
    r",(?:[^,\w]|[\d_])*(?>[^\W\d_]+(?:[’'-][^\W\d_]+)*)"
    r"(?:(?:[^,\w]|[\d_])+(?>[^\W\d_]+(?:[’'-][^\W\d_]+)*))?(?:[^,\w]|[\d_])*,"
)


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
        # Each paragraph as words with, for each word, whether a comma follows it (a "," in the
        # text before the next word; footnote marks ignored). Split (in C) gives the words and,
        # between them, the gaps: word k is pieces[2k + 1], the gap after it pieces[2k + 2].
        # Splitting is the costly step: a paragraph is split only when a pass needs its words.
        parts = doc.preamble + doc.operative + doc.subparagraphs
        texts = [part.scan_text.replace(MARK, " ") for part in parts]
        folded = [_folded(part.scan_text) for part in parts]
        split: dict[int, tuple[list[str], list[str], list[bool]]] = {}

        def words_of(i: int) -> tuple[list[str], list[str], list[bool]]:
            found = split.get(i)
            if found is None:
                text, low = texts[i], folded[i]
                if len(low) != len(text):  # folding changed the length ("ß"): fold word by word
                    pieces = _TOKEN_WORD.split(text)
                    pieces[1::2] = map(str.casefold, pieces[1::2])
                else:
                    pieces = _TOKEN_WORD.split(low)
                found = split[i] = (pieces, pieces[1::2], list(map(contains, pieces[2::2], repeat(","))))
            return found

        # Pass 1: the four-word runs written as lists (two commas or more) somewhere.
        listed: set[tuple[str, ...]] = set()
        for i, text in enumerate(texts):
            if _FOLDS_TO_LETTER not in text and _CLOSE_COMMAS.search(text) is None:
                continue
            _pieces, words, comma = words_of(i)
            if comma.count(True) < 2:
                continue
            # Only the runs around a comma can hold two of them.
            near = {k for c in compress(count(), comma) for k in range(c - 2, c + 1)}
            for k in near:
                if 0 <= k < len(words) - 3 and comma[k] + comma[k + 1] + comma[k + 2] >= 2:
                    listed.add((words[k], words[k + 1], words[k + 2], words[k + 3]))
        if not listed:
            return
        # Pass 2: every occurrence of those runs, with its commas. A paragraph holding one
        # holds its four words in its folded text, one after the other with only gap
        # characters between them: one search for all the runs, and the others are not split.
        starts = {key[0] for key in listed}
        gap = r"[\W\d_]+"  # between two words: anything but a letter
        runs = re.compile("|".join(gap.join(map(re.escape, key)) for key in sorted(listed))) \
            if len(listed) <= 256 else None
        seen: dict[tuple[str, ...], list[tuple[tuple[int, ...], Paragraph, int, int]]] = defaultdict(list)
        for i, part in enumerate(parts):
            if runs is not None and _FOLDS_TO_LETTER not in texts[i] and runs.search(folded[i]) is None:
                continue
            pieces, words, comma = words_of(i)
            if starts.isdisjoint(words):
                continue
            ends: list[int] | None = None  # word k spans ends[2k]..ends[2k + 1]
            for k in [k for k, w in enumerate(words[:len(words) - 3]) if w in starts]:
                key = (words[k], words[k + 1], words[k + 2], words[k + 3])
                if key in listed:
                    if ends is None:
                        ends = list(accumulate(map(len, pieces)))
                    seen[key].append(((comma[k], comma[k + 1], comma[k + 2]), part, ends[2 * k], ends[2 * k + 7]))
        flagged: dict[int, list[list]] = defaultdict(list)  # paragraph index -> [start, end, part, example]
        for places in seen.values():
            if len(places) < 3:
                continue
            patterns = Counter(p[0] for p in places)
            if len(patterns) < 2:
                continue
            (major, times), = patterns.most_common(1)
            if sum(major) < 2 or times * 2 <= len(places):
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
                    spans.append([start, end, part, example, times])
        for index in sorted(flagged):
            for start, end, part, example, times in flagged[index]:
                yield ctx.finding(part, f"this enumeration is written {times} times elsewhere with more commas: "
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
        texts = [p.scan_text for p in parts]
        vocab, once, holds = vocabulary(texts)
        # One piece of a split word is never a word of the document on its own (seen once,
        # here), so only the neighbours of words seen once are candidates.
        common = {w for w, n in vocab.items() if n >= 2}
        for part, text, hold in zip(parts, texts, holds):
            if not hold:
                continue
            words = _folded_words(text)
            pairs = sorted({j for i, w in enumerate(words) if w in once for j in (i - 1, i) if 0 <= j < len(words) - 1})
            gaps: list[str] | None = None  # text between consecutive words, found when first needed
            matches: list | None = None  # type: ignore[type-arg]
            for i in pairs:
                left, right = words[i], words[i + 1]
                if min(len(left), len(right)) < 2 or left + right not in common:
                    continue
                if gaps is None:
                    gaps = _WORD.split(text)
                if gaps[i + 1] != " ":
                    continue
                if matches is None:
                    matches = list(_WORD.finditer(text))
                a, b = matches[i], matches[i + 1]
                fix = ctx.replace(part, a.end(), b.start(), "", f"join into {a.group() + b.group()!r}")
                yield ctx.finding(part, f"'{a.group()} {b.group()}' looks like '{a.group() + b.group()}' split by a space",
                                  a.start(), b.end(), fix=fix)


def _folded(scan_text: str) -> str:
    """A paragraph's scan text case-folded (shared with the other rules) with footnote marks as spaces."""
    low = casefolded(scan_text)
    if low is None:
        low = scan_text.casefold()
    return low.replace(MARK, " ") if MARK in low else low


def vocabulary(texts: list[str]) -> tuple[Counter[str], set[str], list[bool]]:
    """The words of ``texts`` (``_WORD``, case-folded) counted, those seen once, and for
    each text whether it holds one of those.

    Counted over the white-space pieces of all the texts at once (one count in C): a
    piece made of letters only is one word, and only the distinct other pieces are
    searched for words. Text by text (:func:`_word_bag`) when folding a text changes its
    length or U+0345 is there.
    """
    folds = list(map(casefolded, texts))
    if any(f is None or len(f) != len(t) or _FOLDS_TO_LETTER in t for f, t in zip(folds, texts)):
        bags = [_word_bag(text) for text in texts]
        vocab: Counter[str] = Counter()
        for bag in bags:
            vocab.update(bag)
        once = {w for w, n in vocab.items() if n == 1}
        return vocab, once, [not once.isdisjoint(bag) for bag in bags]
    splits = [f.split() for f in folds]  # type: ignore[union-attr]
    pieces = Counter(chain.from_iterable(splits))
    vocab = Counter()
    mixed: dict[str, list[str]] = {}  # pieces that are not all letters -> their words
    find = _WORD.findall
    for piece, n in pieces.items():
        if piece.isalpha():
            vocab[piece] += n
        else:
            mixed[piece] = words = find(piece)
            for word in words:
                vocab[word] += n
    once = {w for w, n in vocab.items() if n == 1}
    # The pieces holding a word seen once: the word itself, or a mixed piece around it.
    holding = {w for w in once if w in pieces} | {p for p, words in mixed.items() if not once.isdisjoint(words)}
    return vocab, once, [not holding.isdisjoint(split) for split in splits]


def _word_bag(text: str) -> list[str]:
    """The words of ``text`` (``_WORD``), case-folded, in no particular order.

    Counting needs no order: the text is split at white space (which no word holds), a
    piece made of letters only is one word as it is, and only the other pieces (about one
    in six) are searched for words. Several times cheaper than searching the whole text.
    """
    folded = text.casefold()
    if len(folded) != len(text) or _FOLDS_TO_LETTER in text:
        return _folded_words(text)
    chunks = folded.split()
    alpha = list(map(str.isalpha, chunks))
    bag = list(compress(chunks, alpha))
    if len(bag) < len(chunks):
        find = _WORD.findall
        for chunk in compress(chunks, map(not_, alpha)):
            bag += find(chunk)
    return bag


def _folded_words(text: str) -> list[str]:
    """The words of ``text`` (``_WORD``), case-folded, in order.

    Folding the text first is one C call instead of one per word; it gives the same words
    when folding keeps every character one character (no "ß", no Turkic dotted I), and
    U+0345 (a combining mark that folds to a letter) is absent.
    """
    folded = text.casefold()
    if len(folded) == len(text) and _FOLDS_TO_LETTER not in text:
        return _WORD.findall(folded)
    return list(map(str.casefold, _WORD.findall(text)))
