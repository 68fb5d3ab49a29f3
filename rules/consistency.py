"""Consistency rules (G): the same words written two ways in one document."""
from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterator
from itertools import accumulate, chain, compress, repeat
from operator import contains, not_

from resolint.findings import Finding, FixSafety, Severity
from resolint.model import MARK, Paragraph, Resolution, Scope
from resolint.rule import Context, Rule
from resolint.trigger import Trigger, casefolded

#: A word of an enumeration: letters, with single apostrophes or hyphens inside. Split with
#: it, a text gives its words and, between them, the text where the commas are.
_W = r"[^\W\d_]++(?:[’'-][^\W\d_]++)*+"
_TOKEN_WORD = re.compile(rf"({_W})")
_WORD = re.compile(r"[^\W\d_]+")
_LETTER = re.compile(r"[^\W\d_]")
#: A combining mark that case-folds to a letter (ι): with it, the folded text has more
#: letters than the text, and G102's shortcut, which reads one for the other, is off.
_FOLDS_TO_LETTER = "\u0345"
#: What stands between two words: anything but a letter, and not one apostrophe or hyphen
#: alone (that joins the two into one word).
_GAP = r"(?:[\W\d_]{2,}|[^\w’'\-]|[\d_])"
_NO_COMMA = r"(?:[^,\w]|[\d_])"
#: A comma, then one or two words and no other comma before the next one, which is left
#: for the next match to start at. Between the two commas of a four-word run with two
#: commas or more stands such a segment.
_SEGMENT = re.compile(rf",{_NO_COMMA}*+({_W})(?:{_NO_COMMA}++({_W}))?{_NO_COMMA}*+(?=,)")
#: Runs of pass 2 searched with one pattern; more are split over several.
_RUNS_PER_PATTERN = 200
#: Past this many distinct words to look for, pass 2 reads every paragraph.
_MAX_NEEDLES = 64


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
        # Words are read case-folded (footnote marks as spaces) with ``_TOKEN_WORD``; a comma
        # follows a word when a "," stands before the next word. Reading every word of every
        # paragraph is what this rule cannot afford: pass 1 reads words only around commas
        # close together, pass 2 searches the runs found as patterns.
        parts = doc.preamble + doc.operative + doc.subparagraphs
        texts = [part.scan_text.replace(MARK, " ") for part in parts]
        folded = [_folded(part.scan_text) for part in parts]
        # Pass 1: the four-word runs written as lists (two commas or more) somewhere.
        listed: set[tuple[str, ...]] = set()
        for text, low in zip(texts, folded):
            if "," not in low:
                continue
            if len(low) != len(text):  # folding moved offsets ("ß"): every word, as split
                words, comma, _ends = _split_words(text, low)
                listed.update(tuple(words[k:k + 4]) for k in range(len(words) - 3)
                              if comma[k] + comma[k + 1] + comma[k + 2] >= 2)
            else:
                listed.update(_listed_runs(low))
        if not listed:
            return
        # Pass 2: every occurrence of those runs, with its commas. A paragraph holding one
        # holds each of its words: one search of the document's folded text for the longest
        # word of each run chooses the paragraphs searched with the runs' patterns.
        needles = {max(key, key=len) for key in listed}
        chosen = ctx.matching("body", parts, Trigger.any_of(needles, folded=True)) \
            if len(needles) <= _MAX_NEEDLES else parts
        keys = sorted(listed)
        patterns = [_runs_pattern(keys[i:i + _RUNS_PER_PATTERN]) for i in range(0, len(keys), _RUNS_PER_PATTERN)]
        at = {id(part): i for i, part in enumerate(parts)}
        seen: dict[tuple[str, ...], list[tuple[tuple[bool, ...], Paragraph, int, int]]] = defaultdict(list)
        for part in chosen:
            i = at[id(part)]
            text, low = texts[i], folded[i]
            if len(low) != len(text):
                words, comma, ends = _split_words(text, low)
                for k in range(len(words) - 3):
                    key = (words[k], words[k + 1], words[k + 2], words[k + 3])
                    if key in listed:
                        seen[key].append(((comma[k], comma[k + 1], comma[k + 2]), part, ends[2 * k], ends[2 * k + 7]))
                continue
            for pattern in patterns:
                for start, end, key, commas in _occurrences(pattern, low):
                    seen[key].append((commas, part, start, end))
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
                yield ctx.finding(part, ctx.say("G101.commas", times=times, example=example), start, end)

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
                yield ctx.finding(part, ctx.say("G102.split", a=a.group(), b=b.group(), joined=a.group() + b.group()),
                                  a.start(), b.end(), fix=fix)


def _folded(scan_text: str) -> str:
    """A paragraph's scan text case-folded (shared with the other rules) with footnote marks as spaces."""
    low = casefolded(scan_text)
    if low is None:
        low = scan_text.casefold()
    return low.replace(MARK, " ") if MARK in low else low


def _split_words(text: str, low: str) -> tuple[list[str], list[bool], list[int]]:
    """Every word of ``text`` (folded), whether a comma follows each, and where the pieces
    end (word k spans ``ends[2k]..ends[2k + 1]``). ``low`` is ``_folded(text)``."""
    if len(low) != len(text):  # folding changed the length: split the text, fold the words
        pieces = _TOKEN_WORD.split(text)
        pieces[1::2] = map(str.casefold, pieces[1::2])
    else:
        pieces = _TOKEN_WORD.split(low)
    return pieces[1::2], list(map(contains, pieces[2::2], repeat(","))), list(accumulate(map(len, pieces)))


def _listed_runs(low: str) -> set[tuple[str, ...]]:
    """The four-word runs of ``low`` with commas after two of their first three words.

    Two such commas enclose one or two words and no other comma (a ``_SEGMENT``); the run
    is that segment with words from before and after it. Only those words are read.
    """
    found: set[tuple[str, ...]] = set()
    for m in _SEGMENT.finditer(low):
        inner = (m.group(1),) if m.group(2) is None else (m.group(1), m.group(2))
        outer = 4 - len(inner)  # words to take from both sides together
        before = _words_before(low, m.start(), outer - 1)
        after = _words_after(low, m.end(), outer - 1)
        for left in range(1, outer):
            right = outer - left
            if len(before) >= left and len(after) >= right:
                found.add(tuple(before[len(before) - left:]) + inner + tuple(after[:right]))
    return found


def _words_before(text: str, end: int, n: int) -> list[str]:
    """The last ``n`` words (fewer at the text's start) that end before ``end``, where no word is."""
    width = 48
    while True:
        start = max(0, end - width)
        words = _TOKEN_WORD.findall(text, start, end)
        if start:
            words = words[1:]  # it may be the end of a longer word
        if len(words) >= n or not start:
            return words[len(words) - n:] if len(words) > n else words
        width *= 4


def _words_after(text: str, start: int, n: int) -> list[str]:
    """The first ``n`` words (fewer at the text's end) from ``start``, where no word is."""
    width = 48
    while True:
        end = min(len(text), start + width)
        words = _TOKEN_WORD.findall(text, start, end)
        if end < len(text):
            words = words[:-1]  # it may be the start of a longer word
        if len(words) >= n or end == len(text):
            return words[:n]
        width *= 4


def _runs_pattern(keys: list[tuple[str, ...]]) -> re.Pattern[str]:
    """One search for all ``keys``, each its four words with a gap between them, ending a word."""
    return re.compile("(?:" + "|".join(_GAP.join(map(re.escape, key)) for key in keys) + ")"
                      r"(?![^\W\d_])(?![’'-][^\W\d_])")


def _occurrences(pattern: re.Pattern[str], low: str) -> Iterator[tuple[int, int, tuple[str, ...], tuple[bool, ...]]]:
    """Where ``pattern`` (of :func:`_runs_pattern`) finds a run in ``low``: span, words,
    and whether a comma follows each of the first three. Runs may overlap."""
    pos = 0
    while (m := pattern.search(low, pos)) is not None:
        start = pos = m.start()
        pos += 1
        if start and (_LETTER.match(low, start - 1) or
                      (start >= 2 and low[start - 1] in "’'-" and _LETTER.match(low, start - 2))):
            continue  # the match starts inside a word
        pieces = _TOKEN_WORD.split(m.group())
        yield start, m.end(), tuple(pieces[1::2]), tuple(map(contains, pieces[2:-1:2], repeat(",")))


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
