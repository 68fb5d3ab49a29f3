"""Structure rules (S): the shape of the formula, preambular and operative paragraphs."""
from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache
from typing import Any

import regex

from resolint.findings import Finding, FixSafety, Severity
from resolint.language import LanguagePack
from resolint.model import Kind, Paragraph, Resolution, Scope
from resolint.rule import Context, Rule, lazy_pattern

from ._helpers import children, convention, load_data, memo
from .punctuation import _STACKED, expected_end

_WORDS = {",": "comma", ";": "semicolon", ".": "full_stop", ":": "colon"}  # catalogue words (resolint.messages)


def _mark_name(ctx: Context, mark: str) -> str:
    """"a comma", "une virgule": the name of ``mark`` in the message language (quoted if it has none)."""
    return ctx.word(_WORDS[mark]) if mark in _WORDS else ctx.say("word.quoted", text=mark)


def _introduces_text(doc: Resolution, part: Paragraph) -> bool:
    """True if the next paragraph with text after ``part`` opens an annex ("Proclaims this Declaration:")
    or a quotation ("Reaffirms its resolution 425 (1978), which reads:")."""
    index = part.index + 1
    while (after := doc.part(index)) is not None and after.kind is Kind.EMPTY:
        index += 1
    return after is not None and after.kind in (Kind.ANNEX, Kind.QUOTE)


def _ends_with_conjunction(text: str, ctx: Context) -> bool:
    """True if ``text`` ends with a semicolon and a list conjunction ("; and", " ; ou")."""
    words = ctx.pack.words("list_conjunctions") if ctx.pack is not None else []
    head, _sep, last = text.rstrip().rpartition(" ")
    return last in words and head.rstrip(" \u00a0\u202f").endswith(";")


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
        if want is None or part.number == "•":
            return  # bulleted items take no semicolons (Editorial Manual, paragraphs and subparagraphs)
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
        if part.kind is Kind.SUBPARAGRAPH and want == ";" and _ends_with_conjunction(text[:end], ctx):
            return  # "...; and" / "...; or" before the last item
        if last == want:
            return
        if part.kind is Kind.SUBPARAGRAPH and not part.number and last in ".;:":
            return  # an unnumbered item of a chapeau may be a whole sentence ("A. A Commission is established.")
        if last == ":" and part.kind is not Kind.SUBPARAGRAPH and (children(ctx.doc, part)
                                                                  or _introduces_text(ctx.doc, part)):
            return
        if part.kind is Kind.SUBPARAGRAPH and last == ":" and children(ctx.doc, part):
            return
        kind = {Kind.PREAMBLE: "kind_pp", Kind.OPERATIVE: "kind_op", Kind.SUBPARAGRAPH: "kind_sub"}[part.kind]
        if part.kind is Kind.OPERATIVE and want == ".":
            kind = "kind_last_op"
        got = _mark_name(ctx, last)
        if last in ".;,:":
            fix = ctx.replace(part, end - 1, end, want, f"end with {want!r}")
            yield ctx.finding(part, ctx.say("S101.not", kind=ctx.word(kind), want=_mark_name(ctx, want), got=got),
                              end - 1, end, fix=fix)
        else:
            fix = ctx.replace(part, end, end, want, f"add {want!r}")
            yield ctx.finding(part, ctx.say("S101.missing", kind=ctx.word(kind), want=_mark_name(ctx, want)),
                              end, end, fix=fix)


# -- opening words ---------------------------------------------------------------------------------

_WORD = lazy_pattern(r"\p{L}[\p{L}\p{M}’'\-]*", regex.V1)
#: Adverbs that mark a repeated opener (the others in ``repeat_adverbs`` are accepted, not required).
_MARKERS = frozenset({"also", "further", "également", "en outre"})
#: Words after which an opener's qualifier starts ("Noting with concern" is a kind of "Noting").
_QUALIFIER = frozenset({"with", "avec"})


def _data() -> dict[str, Any]:
    return load_data("structure")


def _norm(word: str) -> str:
    return word.replace("'", "’").casefold()


def _phrases(words: list[str]) -> frozenset[tuple[str, ...]]:
    return frozenset(tuple(_norm(w) for w in phrase.split()) for phrase in words if phrase.strip())


class _Lexicon:
    """A language pack's opening words as tuples of normalized words."""

    def __init__(self, pack: LanguagePack) -> None:
        self.repeat = _phrases(pack.words("repeat_adverbs"))
        self.intens = _phrases(pack.words("intensifiers"))
        self.adverb_words = frozenset(w for p in self.repeat | self.intens for w in p)
        self.pp = frozenset(p for p in _phrases(pack.words("preamble_openers"))
                            if not all(w in self.adverb_words for w in p))
        self.op = frozenset(p for p in _phrases(pack.words("operative_verbs"))
                            if not all(w in self.adverb_words for w in p))
        self.heads = self.pp | self.op
        self.longest = max((len(p) for p in self.heads | self.repeat | self.intens), default=1)


_LEXICONS: dict[int, tuple[LanguagePack, _Lexicon]] = {}


def _lexicon(pack: LanguagePack) -> _Lexicon:
    entry = _LEXICONS.get(id(pack))
    if entry is None or entry[0] is not pack:
        entry = _LEXICONS[id(pack)] = (pack, _Lexicon(pack))
    return entry[1]


@dataclass
class Adverb:
    phrase: str  # normalized ("also", "en outre")
    position: str  # "before" or "after" the opening word
    start: int
    end: int


@dataclass
class Opener:
    """The opening words of a PP or OP as read against the language pack's lexicon."""

    kind: str | None  # "pp", "op", or None when the opening word is not in the lexicon
    start: int  # span of the opening words, adverbs included
    end: int
    key: str  # the opening word(s) without adverbs and qualifiers ("recalling", "takes note")
    word: str  # first word that is not an adverb, as written
    word_start: int
    word_end: int
    adverbs: list[Adverb] = field(default_factory=list)
    following: list[tuple[str, int, int]] = field(default_factory=list)  # next words, as written
    head: str = ""  # the opening word(s) as written, without adverbs and qualifiers


def _italic_mask(part: Paragraph, limit: int) -> list[bool]:
    """Whether each of the first ``limit`` characters of ``part.text`` is in italics."""
    mask = [False] * min(len(part.text), limit)
    for run in part.runs:
        if run.kind in ("text", "noteref") and run.italic and run.start < len(mask):
            start, end = max(run.start, 0), min(run.end, len(mask))
            mask[start:end] = [True] * (end - start)
    return mask


def _longest(norm: list[str], i: int, phrases: frozenset[tuple[str, ...]], limit: int) -> int:
    """End index of the longest phrase of ``phrases`` at word ``i`` (``i`` if none)."""
    for n in range(min(limit, len(norm) - i), 0, -1):
        if tuple(norm[i:i + n]) in phrases:
            return i + n
    return i


def parse_opener(part: Paragraph, ctx: Context) -> Opener | None:
    """Read the opening words of ``part``; None when it does not open with a word.

    Read once per part (and language pack) of a document: six rules ask. The openers are
    only read by the rules, never changed, so sharing them is safe.
    """
    found = memo(ctx.doc, "structure.openers")
    key = (id(part), id(ctx.pack), ctx.language)  # parts live as long as the document
    if key not in found:
        found[key] = _parse_opener(part, ctx)
    return found[key]  # type: ignore[no-any-return]


class _OpeningWords:
    """The words a paragraph opens with, read only as far as the parser looks.

    Reading stops at punctuation between two words, at the tenth word, or 240 characters
    in. Most openers are decided within their first few words: reading all ten for every
    paragraph was most of the parser's time.
    """

    __slots__ = ("text", "words", "norm", "_matches", "_open")

    def __init__(self, text: str, lead: int) -> None:
        self.text = text
        self.words: list[tuple[str, int, int]] = []  # as written, start, end
        self.norm: list[str] = []
        self._matches = _WORD.finditer(text, lead, min(len(text), lead + 240))
        self._open = True

    def at_least(self, n: int) -> int:
        """Read up to ``n`` words; how many there are (fewer where reading stops)."""
        words = self.words
        if len(words) >= n or not self._open:
            return len(words)
        while self._open and len(words) < n:
            m = next(self._matches, None)
            if m is None or (words and self.text[words[-1][2]:m.start()].strip()):
                self._open = False  # the window's end, or punctuation between words
                break
            words.append((m.group(), m.start(), m.end()))
            self.norm.append(_norm(words[-1][0]))
            if len(words) >= 10:
                self._open = False
        return len(words)


def _parse_opener(part: Paragraph, ctx: Context) -> Opener | None:
    text = part.scan_text
    lead = len(text) - len(text.lstrip())
    reader = _OpeningWords(text, lead)
    words, norm = reader.words, reader.norm  # grow as ``reader`` reads
    lex = _lexicon(ctx.pack)
    longest = lex.longest
    if not reader.at_least(longest + 2) or words[0][1] != lead:  # what most openers need, read at once
        return None
    italic: list[bool] | None = None
    english_op = ctx.language == "en" and part.kind is Kind.OPERATIVE
    i, head, kind = 0, None, None
    while i < reader.at_least(i + longest):
        if head is None:
            j = _longest(norm, i, lex.heads, longest)
            if j > i:
                phrase = tuple(norm[i:j])
                in_pp, in_op = phrase in lex.pp, phrase in lex.op
                if in_pp and in_op:
                    kind = "pp" if part.kind is Kind.PREAMBLE else "op"
                else:
                    kind = "pp" if in_pp else "op"
                head, i = (i, j), j
                continue
        j = _longest(norm, i, lex.repeat, longest)
        if j > i:
            if head is not None and english_op and tuple(norm[i:j]) != ("also",):
                # "Requests further information": "further" belongs to the opener only in italics.
                if italic is None:
                    italic = _italic_mask(part, lead + 240)
                if not all(italic[words[k][1]] for k in range(i, j)):
                    break
            i = j
            continue
        if head is None:
            j = _longest(norm, i, lex.intens, longest)
            if j > i:
                i = j
                continue
        break
    if head is None:
        # No lexicon word: the opener is the first word that is not an adverb.
        k = 0
        while k < reader.at_least(k + longest):
            j = max(_longest(norm, k, lex.repeat, longest), _longest(norm, k, lex.intens, longest))
            if j == k:
                break
            k = j
        k = min(k, reader.at_least(k + 3) - 1)
        w = words[k]
        return Opener(None, words[0][1], w[2], norm[k], w[0], w[1], w[2],
                      following=words[k + 1:k + 3], head=w[0])
    reader.at_least(i + 2)  # the two words after the opener
    adverbs: list[Adverb] = []
    core: list[int] = []
    k = 0
    while k < i:
        j = _longest(norm[:i], k, lex.repeat, lex.longest)
        if j > k:
            adverbs.append(Adverb(" ".join(norm[k:j]), "after" if core else "before", words[k][1], words[j - 1][2]))
            k = j
            continue
        if (norm[k],) not in lex.intens:
            core.append(k)
        k += 1
    if not core:
        core = [head[0]]
    key_words: list[int] = []
    for k in core:
        if norm[k] in _QUALIFIER:
            break
        key_words.append(k)
    first = core[0]
    return Opener(kind, words[0][1], words[i - 1][2], " ".join(norm[k] for k in key_words), words[first][0],
                  words[first][1], words[first][2], adverbs, words[i:i + 2],
                  " ".join(words[k][0] for k in key_words))


def _perfect_participle(o: Opener, language: str) -> bool:
    """Whether the opener is a perfect participle: "Having accepted", "Ayant constaté"."""
    data = _data().get("perfect_participles", {}).get(language)
    if not data or _norm(o.word) not in data["auxiliaries"] or not o.following:
        return False
    words = [_norm(w[0]) for w in o.following]
    while len(words) > 1 and (words[0] in data["adverbs"] or words[0].endswith("ly")):
        words.pop(0)  # "Having also heard", "Having critically reviewed"
    nxt = words[0]
    return nxt[:1].islower() and (nxt in data["irregular"] or nxt.endswith(tuple(data["endings"])))


def _looks_like(word: str, what: str, language: str) -> bool:
    """Whether an opening word outside the lexicon has the shape of a participle or a verb."""
    w = _norm(word)
    data = _data()
    if w in data.get("not_openers", {}).get(language, []) or not word[:1].isupper():
        return False
    if what == "participle":
        if w in data.get("not_participles", {}).get(language, []):
            return False
        if language == "en":
            return w.endswith(("ing", "ed"))
        if language == "fr":
            return w.endswith("ant")
        return False
    if what == "adjective":
        if language == "fr":
            return w.endswith(("é", "ée", "és", "ées", "ue", "ie", "ive", "euse", "ente"))
        return False
    if what == "verb":
        if language == "en":
            return w.endswith("s") and not w.endswith(("ss", "us", "is")) and len(w) > 3
        if language == "fr":
            return w.endswith(("e", "t")) and len(w) > 3 and not w.endswith("ant")
    return False


def _closing_mark(part: Paragraph) -> tuple[str, int]:
    """The paragraph's last mark (after spaces, footnote marks and a closing quote) and its end."""
    text = part.scan_text
    end = part.trimmed_end()
    if end == 0:
        return "", 0
    if text[end - 1] in "»”\"’)]" and end >= 2 and text[end - 2] in ".;,:":
        end -= 1
    return text[end - 1], end


# -- rules -----------------------------------------------------------------------------------------


class OrganFormula(Rule):
    """The resolution opens with the organ formula, which ends with a comma before a preamble.

    ## What it does
    Reports a draft with preambular or operative paragraphs but no organ formula ("The
    General Assembly,", "Le Conseil de sécurité,"), and a formula that does not end with a
    comma when preambular paragraphs follow (a full stop, semicolon, colon, or nothing).

    ## Why
    A resolution is one sentence whose subject is the organ: "The General Assembly, Recalling
    ..., Decides ...". The formula comes first and, when a preamble follows, ends with a comma
    (AKN4UN models it as the `enactingFormula` of the preamble; every adopted text observed).

    ## Example
    ```
    The General Assembly
    *Recalling* its resolution 73/11,
    ```

    ## Use instead
    ```
    The General Assembly,
    *Recalling* its resolution 73/11,
    ```

    ## References
    - UN Editorial Manual, Resolutions, II. Drafting and editing (order organ, preamble, operative part).
    - AKN4UN, Modelling of GA resolutions (`<formula name="enactingFormula">`).
    - conventions.md STR-001, STR-002.
    """

    code = "S102"
    name = "organ-formula"
    summary = "The organ formula is present and ends with a comma before a preamble"
    scopes = (Scope.FORMULA, Scope.DOCUMENT)
    severity = Severity.ERROR
    fix = FixSafety.SAFE
    bad_examples = {
        "en": ["The General Assembly\n*Recalling* its resolution 73/11,\n1. *Decides* to act;\n2. *Requests* a report.",
               "*Recalling* its resolution 73/11,\n1. *Decides* to act;\n2. *Requests* a report."],
        "fr": ["L’Assemblée générale :\n*Rappelant* sa résolution 73/11,\n1. *Décide* d’agir ;\n"
               "2. *Prie* le Secrétaire général de faire rapport."],
    }
    good_examples = {
        "en": ["The General Assembly,\n*Recalling* its resolution 73/11,\n1. *Decides* to act;\n2. *Requests* a report.",
               "The Security Council,\n1. *Decides* to act;\n2. *Requests* a report."],
        "fr": ["L’Assemblée générale,\n*Rappelant* sa résolution 73/11,\n1. *Décide* d’agir ;\n"
               "2. *Prie* le Secrétaire général de faire rapport."],
    }

    def check(self, part: Paragraph, ctx: Context) -> Iterator[Finding]:
        if not ctx.doc.preamble:
            return
        last, end = _closing_mark(part)
        if last == ",":
            return
        if last in ".;:":
            fix = ctx.replace(part, end - 1, end, ",", "end the formula with ','")
            yield ctx.finding(part, ctx.say("S102.not", got=_mark_name(ctx, last)), end - 1, end, fix=fix)
        elif end:
            fix = ctx.replace(part, end, end, ",", "add ','")
            yield ctx.finding(part, ctx.say("S102.missing"), end, end, fix=fix)

    def check_document(self, doc: Resolution, ctx: Context) -> Iterator[Finding]:
        if doc.formula is None and (doc.preamble or doc.operative):
            yield ctx.finding(None, ctx.say("S102.none"))


class PreambleOpener(Rule):
    """Preambular paragraphs open with a participle, a participial phrase or an adjective.

    ## What it does
    Reads the opening words of each preambular paragraph against the language pack's
    `preamble_openers` (adverbs such as "also", "further", "Deeply" are read around them). An
    operative verb ("Recalls", "Décide") opening a preambular paragraph is an error. Any other
    word outside the lexicon is a warning; with the option `accept-unlisted-forms` on (off by
    default), words shaped like a participle or adjective ("-ing", "-ed"; "-ant", "-é(e)") pass.

    ## Why
    "Each preambular paragraph begins with a present, past or perfect participle or
    participial phrase or an adjective" (UN Editorial Manual). An operative verb in the
    preamble usually means a paragraph was moved without being reworded.

    ## Example
    ```
    The General Assembly,
    *Recalls* its resolution 73/11,
    ```

    ## Use instead
    ```
    The General Assembly,
    *Recalling* its resolution 73/11,
    ```

    ## References
    - UN Editorial Manual, Resolutions, II. Drafting and editing.
    - AKN4UN, Modelling of GA resolutions.
    - conventions.md PP-001, section 4 (opening words).
    """

    code = "S103"
    name = "preamble-opener"
    summary = "Preambular paragraphs open with a participle or adjective, not an operative verb"
    scopes = (Scope.PREAMBLE,)
    languages = ("en", "fr")
    severity = Severity.ERROR
    options = {"accept-unlisted-forms": False}
    bad_examples = {
        "en": ["The General Assembly,\n*Recalls* its resolution 73/11,\n*Noting* the report,\n"
               "1. *Decides* to act;\n2. *Requests* a report."],
        "fr": ["L’Assemblée générale,\n*Notant* le rapport,\n*Rappelle* sa résolution 73/11,\n"
               "1. *Décide* d’agir ;\n2. *Prie* le Secrétaire général de faire rapport."],
    }
    good_examples = {
        "en": ["The General Assembly,\n*Recalling* its resolution 73/11,\n*Deeply concerned* by crime,\n"
               "*Having considered* the report,\n1. *Decides* to act;\n2. *Requests* a report."],
        "fr": ["L’Assemblée générale,\n*Rappelant* sa résolution 73/11,\n*Préoccupée* par la criminalité,\n"
               "*Prenant note* du rapport,\n1. *Décide* d’agir ;\n2. *Prie* le Secrétaire général de faire rapport."],
    }

    def check(self, part: Paragraph, ctx: Context) -> Iterator[Finding]:
        o = parse_opener(part, ctx)
        if o is None:
            return
        if o.kind == "op":
            yield ctx.finding(part, ctx.say("S103.verb", word=o.word), o.word_start, o.end)
            return
        if o.kind == "pp":
            return
        if ctx.option("accept-unlisted-forms", False) and (
                _looks_like(o.word, "participle", ctx.language) or _looks_like(o.word, "adjective", ctx.language)):
            return
        if _perfect_participle(o, ctx.language):
            return
        yield ctx.finding(part, ctx.say("S103.unknown", word=o.word), o.word_start, o.word_end,
                          severity=Severity.WARNING)


def _verb_after_clause(text: str, pack: LanguagePack) -> bool:
    """Whether an operative verb follows the paragraph's opening clause: "To advance ..., decides that"."""
    comma = text.find(",", 0, 400)
    while comma != -1:
        rest = text[comma + 1:].lstrip()
        if rest[:1].islower() and pack.starts_with_any(rest, pack.operative_set):
            return True
        comma = text.find(",", comma + 1, 400)
    return False


def _after_chapeau(doc: Resolution, part: Paragraph) -> bool:
    """True if the operative paragraph before ``part`` ends with a colon: "Resolves: 1. That ..."
    makes the numbered paragraphs items of that chapeau, which need no verb of their own."""
    previous = memo(doc, "previous-operative")
    if not previous:
        ops = doc.operative
        previous.update({id(op): before for before, op in zip(ops, ops[1:])})
        previous[None] = None  # computed, even for a single paragraph
    before = previous.get(id(part))
    return before is not None and before.text.rstrip().endswith(":")


class OperativeOpener(Rule):
    """Operative paragraphs open with an operative verb in the present tense.

    ## What it does
    Reads the opening words of each operative paragraph against the language pack's
    `operative_verbs` (with adverbs: "Also requests", "Strongly condemns", "Encourage
    également"). A participle or adjective of the preamble ("Deciding", "Rappelant"), or an
    English "-ing" / French "-ant" word, is an error. Any other word outside the lexicon is a
    warning; with the option `accept-unlisted-forms` on (off by default), words shaped like a
    present-tense verb ("-s"; "-e", "-t") pass.

    ## Why
    "Each operative paragraph begins with an operative verb (or phrase) in the present
    indicative tense" (UN Editorial Manual): the organ named in the formula decides, requests,
    urges.

    ## Example
    ```
    The General Assembly,
    1. *Deciding* to act;
    2. *Requests* a report.
    ```

    ## Use instead
    ```
    The General Assembly,
    1. *Decides* to act;
    2. *Requests* a report.
    ```

    ## References
    - UN Editorial Manual, Resolutions, II. Drafting and editing.
    - conventions.md OP-002, section 4 (opening words).
    """

    code = "S104"
    name = "operative-opener"
    summary = "Operative paragraphs open with a present-tense operative verb"
    scopes = (Scope.OPERATIVE,)
    languages = ("en", "fr")
    severity = Severity.ERROR
    options = {"accept-unlisted-forms": False}
    bad_examples = {
        "en": ["The General Assembly,\n*Recalling* its resolution 73/11,\n1. *Deciding* to act;\n2. *Requests* a report."],
        "fr": ["L’Assemblée générale,\n*Rappelant* sa résolution 73/11,\n1. *Décidant* d’agir ;\n"
               "2. *Prie* le Secrétaire général de faire rapport."],
    }
    good_examples = {
        "en": ["The General Assembly,\n*Recalling* its resolution 73/11,\n1. *Decides* to act;\n"
               "2. *Strongly urges* States to cooperate;\n3. *Requests* a report."],
        "fr": ["L’Assemblée générale,\n*Rappelant* sa résolution 73/11,\n1. *Décide* d’agir ;\n"
               "2. *Se félicite* de la coopération ;\n3. *Prie* le Secrétaire général de faire rapport."],
    }

    def check(self, part: Paragraph, ctx: Context) -> Iterator[Finding]:
        o = parse_opener(part, ctx)
        if o is None or o.kind == "op" or _after_chapeau(ctx.doc, part):
            return
        if ctx.pack is not None and (ctx.pack.leads_in(part.scan_text)
                                     or (o.kind is None and _verb_after_clause(part.scan_text, ctx.pack))):
            return  # "Acting under Chapter VII of the Charter, decides ...", "To advance ..., decides that"
        if o.kind == "pp" or _looks_like(o.word, "participle", ctx.language):
            yield ctx.finding(part, ctx.say("S104.participle", word=o.word),
                              o.word_start, o.end if o.kind else o.word_end)
            return
        if ctx.option("accept-unlisted-forms", False) and _looks_like(o.word, "verb", ctx.language):
            return
        yield ctx.finding(part, ctx.say("S104.unknown", word=o.word), o.word_start, o.word_end,
                          severity=Severity.WARNING)


class OpenerItalics(Rule):
    """The opening words of preambular and operative paragraphs are in italics.

    ## What it does
    Checks that the opening words found in the lexicon, with their adverbs ("Recalling
    also", "Also requests", "Réaffirme également"), are in italics: not italic at all is an
    error; partly italic (for instance "also" left in roman) is a warning. Italics cannot be
    fixed by a text edit, so there is no fix.

    ## Why
    Preambular paragraphs begin "with a present, past or perfect participle or participial
    phrase in italics" (AKN4UN); adopted texts set the operative verb in italics too, and the
    italic run takes the adverb ("*Reaffirming also*", UNISPAL copy of S/RES/1373).

    ## Example
    ```
    The General Assembly,
    Recalling its resolution 73/11,
    *Recalling* also its resolution 74/12,
    ```

    ## Use instead
    ```
    The General Assembly,
    *Recalling* its resolution 73/11,
    *Recalling also* its resolution 74/12,
    ```

    ## References
    - AKN4UN, Modelling of GA resolutions (participle in italics).
    - conventions.md PP-002, OP-003.
    """

    code = "S105"
    name = "opener-italics"
    summary = "Opening words (with their adverbs) are in italics"
    scopes = (Scope.PREAMBLE, Scope.OPERATIVE)
    languages = ("en", "fr")
    severity = Severity.ERROR
    bad_examples = {
        "en": ["The General Assembly,\nRecalling its resolution 73/11,\n*Recalling* also its resolution 74/12,\n"
               "1. Decides to act;\n2. *Requests* a report."],
        "fr": ["L’Assemblée générale,\nRappelant sa résolution 73/11,\n1. *Décide* d’agir ;\n"
               "2. Prie le Secrétaire général de faire rapport."],
    }
    good_examples = {
        "en": ["The General Assembly,\n*Recalling* its resolution 73/11,\n*Recalling also* its resolution 74/12,\n"
               "1. *Decides* to act;\n2. *Also decides* to review the matter;\n3. *Requests* a report."],
        "fr": ["L’Assemblée générale,\n*Rappelant* sa résolution 73/11,\n*Rappelant également* sa résolution 74/12,\n"
               "1. *Décide* d’agir ;\n2. *Prie* le Secrétaire général de faire rapport."],
    }

    def check(self, part: Paragraph, ctx: Context) -> Iterator[Finding]:
        o = parse_opener(part, ctx)
        if o is None or o.kind is None:
            return
        mask = _italic_mask(part, o.end)
        text = part.text
        letters = [i for i in range(o.start, o.end) if text[i].isalnum()]
        roman = [i for i in letters if not mask[i]]
        if not roman:
            return
        words = text[o.start:o.end]
        if len(roman) == len(letters):
            yield ctx.finding(part, ctx.say("S105.roman", words=words), o.start, o.end)
            return
        plain = " ".join(m.group() for m in _WORD.finditer(text, o.start, o.end)
                         if any(not mask[i] for i in range(m.start(), m.end())))
        yield ctx.finding(part, ctx.say("S105.partly", words=words, plain=plain),
                          o.start, o.end, severity=Severity.WARNING)


class ChapeauColon(Rule):
    """A paragraph that introduces sub-paragraphs (a chapeau) ends with a colon.

    ## What it does
    Checks the last mark of each preambular or operative paragraph, and of each sub-paragraph,
    that has sub-paragraphs under it: it must be a colon. A semicolon, comma or full stop there
    is replaced by a colon (safe fix). Run-in lists ("as regards: (a) ... and (b) ...") stay
    inside one paragraph and are not concerned.

    ## Why
    The chapeau and its sub-paragraphs form one clause: "1. Decides that all States shall:
    (a) Prevent ...;" (S/RES/1373 (2001); A/RES/75/10, OP 13 "... d’INTERPOL : a) ...").

    ## Example
    ```
    1. *Encourages* States to use the following resources;
    (a) The I-24/7 system;
    (b) The databases;
    ```

    ## Use instead
    ```
    1. *Encourages* States to use the following resources:
    (a) The I-24/7 system;
    (b) The databases;
    ```

    ## References
    - conventions.md OP-007, OP-008, PP-007.
    """

    code = "S106"
    name = "chapeau-colon"
    summary = "A paragraph followed by sub-paragraphs ends with a colon"
    scopes = (Scope.PREAMBLE, Scope.OPERATIVE, Scope.SUBPARAGRAPH)
    severity = Severity.ERROR
    fix = FixSafety.SAFE
    bad_examples = {
        "en": ["The General Assembly,\n*Recalling* its resolution 73/11,\n1. *Encourages* States to use:\n"
               "(a) The system;\n(b) The databases;\n2. *Requests* the following;\n(a) A report;\n(b) A briefing."],
        "fr": ["L’Assemblée générale,\n*Rappelant* sa résolution 73/11,\n1. *Encourage* les États à utiliser ;\n"
               "a) Le système ;\nb) Les bases de données ;\n2. *Prie* le Secrétaire général de faire rapport."],
    }
    good_examples = {
        "en": ["The General Assembly,\n*Recalling* its resolution 73/11,\n1. *Encourages* States to use:\n"
               "(a) The system;\n(b) The databases;\n2. *Requests* a report."],
        "fr": ["L’Assemblée générale,\n*Rappelant* sa résolution 73/11,\n1. *Encourage* les États à utiliser :\n"
               "a) Le système ;\nb) Les bases de données ;\n2. *Prie* le Secrétaire général de faire rapport "
               "pour ce qui est : a) du système et b) des bases de données."],
    }

    def check(self, part: Paragraph, ctx: Context) -> Iterator[Finding]:
        if not children(ctx.doc, part):
            return
        last, end = _closing_mark(part)
        if end == 0 or last == ":":
            return
        if last in ".;,":
            fix = ctx.replace(part, end - 1, end, ":", "end with ':'")
            yield ctx.finding(part, ctx.say("S106.not", got=_mark_name(ctx, last)), end - 1, end, fix=fix)
        else:
            yield ctx.finding(part, ctx.say("S106.missing"), end, end)


@cache
def _mention_pattern(key: str) -> Any:
    return lazy_pattern(r"(?<!\p{L})" + r"\s+".join(regex.escape(w) for w in key.split()) + r"(?!\p{L})",
                        regex.IGNORECASE | regex.V1)


def _mentioned(doc: Resolution, before: Paragraph, kinds: tuple[Kind, ...], key: str) -> bool:
    """Whether ``key`` occurs as words in the paragraphs of ``kinds`` before ``before``."""
    pattern = _mention_pattern(key)
    for p in doc.paragraphs:
        if p is before:
            return False
        if p.kind in kinds and pattern.search(p.scan_text.replace("'", "’")):
            return True
    return False


def _repeat_form(o: Opener, part: Paragraph, adverb: str, language: str) -> str:
    words = o.head or o.word
    if language == "en" and part.kind is Kind.OPERATIVE:
        return f"{adverb.capitalize()} {words[:1].lower()}{words[1:]}"
    return f"{words} {adverb}"


class RepeatedOpener(Rule):
    """A repeated opening word takes "also", then "further" (English); no adverb without a first use.

    ## What it does
    Follows the opening words of the preamble and of the operative part. In English, an
    opener used again without an adverb is reported: the second use takes "also", the next
    ones "further" ("Recalling", "Recalling also", "Recalling further"; "Requests", "Also
    requests", "Further requests"). Adopted texts take up a bare opener again after a few
    paragraphs on another subject, so a bare repeat is reported only when the previous use is
    at most `max-distance` paragraphs before (default 2: the previous paragraph or the one
    before it; 0 checks any distance). In both languages, an opener with "also"/"further"
    ("également", "en outre") whose word appears in no earlier paragraph of the same part is
    reported. Edited texts repeat bare openers too (the General Assembly's A/C.3/80/L.15 has
    "Recognizing" five times, "Invites" twice in a row), so a bare repeat is an info, never
    a warning. French adopted texts repeat bare openers (A/RES/75/10 has "Souligne" three
    times), so bare repeats are not checked in French unless the option `french-bare-repeats`
    is set; French findings are at most info.

    ## Why
    DGACM practice marks a repeated opener with "also" then "further" (S/RES/1373 (2001):
    "Reaffirming" / "Reaffirming also" / "Reaffirming further"; A/RES/62/199 "14. Also
    reaffirms"). In French one verb may translate several English ones, so repeats there
    prove nothing.

    ## Example
    ```
    *Recalling* its resolution 73/11,
    *Recalling* its resolution 74/12,
    ```

    ## Use instead
    ```
    *Recalling* its resolution 73/11,
    *Recalling also* its resolution 74/12,
    ```

    ## References
    - conventions.md PP-005, OP-005.
    """

    code = "S107"
    name = "repeated-opener"
    summary = "A repeated opener takes 'also' then 'further'"
    scopes = (Scope.DOCUMENT,)
    languages = ("en", "fr")
    severity = Severity.WARNING
    options = {"french-bare-repeats": False, "max-distance": 2}
    bad_examples = {
        "en": ["The General Assembly,\n*Recalling* its resolution 73/11,\n*Recalling* its resolution 74/12,\n"
               "1. *Requests* a report;\n2. *Requests* a briefing."],
        "fr": ["L’Assemblée générale,\n*Rappelant également* sa résolution 73/11,\n1. *Décide* d’agir ;\n"
               "2. *Prie* le Secrétaire général de faire rapport."],
    }
    good_examples = {
        "en": ["The General Assembly,\n*Recalling* its resolution 73/11,\n*Recalling also* its resolution 74/12,\n"
               "*Recalling further* its resolution 75/1,\n1. *Requests* a report;\n2. *Also requests* a briefing;\n"
               "3. *Further requests* a study."],
        "fr": ["L’Assemblée générale,\n*Rappelant* sa résolution 73/11,\n*Rappelant également* sa résolution 74/12,\n"
               "*Rappelant* sa résolution 75/1,\n1. *Souligne* l’importance de la coopération ;\n"
               "2. *Souligne* le rôle du Secrétariat ;\n3. *Encourage* les États à coopérer ;\n"
               "4. *Encourage également* les organisations à coopérer."],
    }

    def check_document(self, doc: Resolution, ctx: Context) -> Iterator[Finding]:
        if not convention(doc, "repeated-opener-adverb"):
            return  # adopted Security Council texts repeat openers bare
        french = ctx.language != "en"
        level = Severity.INFO if french else None
        for kinds in ((Kind.PREAMBLE,), (Kind.OPERATIVE,)):
            scope = kinds + (Kind.SUBPARAGRAPH,)
            seen: dict[str, int] = {}
            last: dict[str, int] = {}
            distance = int(ctx.option("max-distance", 2) or 0)
            for index, part in enumerate(doc.by_kind(*kinds)):
                o = parse_opener(part, ctx)
                if o is None or o.kind is None or not o.key:
                    continue
                marked = [a for a in o.adverbs if a.phrase in _MARKERS]
                count = seen.get(o.key, 0)
                near = o.key in last and (distance <= 0 or index - last[o.key] <= distance)
                seen[o.key] = count + 1
                last[o.key] = index
                if count and near and not o.adverbs:
                    if french and not ctx.option("french-bare-repeats", False):
                        continue
                    adverb = ("also", "further") if not french else ("également", "en outre")
                    want = _repeat_form(o, part, adverb[0] if count == 1 else adverb[1], ctx.language)
                    yield ctx.finding(part, ctx.say("S107.bare", head=o.head, want=want),
                                      o.start, o.end, severity=Severity.INFO)
                elif not count and marked and not _mentioned(doc, part, scope, o.key):
                    yield ctx.finding(part, ctx.say("S107.unused", adverb=marked[0].phrase, key=o.key),
                                      marked[0].start, marked[0].end, severity=level)


class AdverbPosition(Rule):
    """English: "also"/"further" follow a participle but precede an operative verb.

    ## What it does
    Reports "Also recalling" / "Further recalling" in the preamble (write "Recalling also")
    and "Reaffirms also" / "Requests further" in the operative part (write "Also reaffirms").
    An unsafe fix reorders the words when they sit in one run of text.

    ## Why
    Adopted English texts write "Reaffirming also" (S/RES/1373 (2001)) and "14. Also
    reaffirms" (A/RES/62/199). French places the adverb after the verb in both parts
    ("Réaffirme également"), so the rule is English only.

    ## Example
    ```
    *Also recalling* its resolution 74/12,
    2. *Reaffirms also* the importance of cooperation;
    ```

    ## Use instead
    ```
    *Recalling also* its resolution 74/12,
    2. *Also reaffirms* the importance of cooperation;
    ```

    ## References
    - conventions.md PP-005, OP-005.
    """

    code = "S108"
    name = "adverb-position"
    summary = "English: 'Recalling also' in the preamble, 'Also requests' in the operative part"
    scopes = (Scope.PREAMBLE, Scope.OPERATIVE)
    languages = ("en",)
    severity = Severity.WARNING
    fix = FixSafety.UNSAFE
    bad_examples = {
        "en": ["The General Assembly,\n*Recalling* its resolution 73/11,\n*Also recalling* its resolution 74/12,\n"
               "1. *Reaffirms* its support;\n2. *Reaffirms also* the importance of cooperation."],
    }
    good_examples = {
        "en": ["The General Assembly,\n*Recalling* its resolution 73/11,\n*Recalling also* its resolution 74/12,\n"
               "1. *Reaffirms* its support;\n2. *Also reaffirms* the importance of cooperation;\n"
               "3. *Requests* further information."],
    }

    def check(self, part: Paragraph, ctx: Context) -> Iterator[Finding]:
        if not convention(ctx.doc, "adverb-position"):
            return  # "Decides also" and "Also decides" are both Security Council usage
        o = parse_opener(part, ctx)
        if o is None or o.kind is None:
            return
        wrong = "before" if part.kind is Kind.PREAMBLE else "after"
        bad = [a for a in o.adverbs if a.phrase in ("also", "further") and a.position == wrong]
        if not bad:
            return
        a = bad[0]
        text = part.text
        rest = (text[o.start:a.start] + text[a.end:o.end]).split()
        if part.kind is Kind.PREAMBLE:
            head = " ".join(rest)
            head = head[:1].upper() + head[1:]
            cut = next((i for i, w in enumerate(rest) if w.casefold() in _QUALIFIER), len(rest))
            words = rest[:cut] + [a.phrase] + rest[cut:]
            good = " ".join(words)
            good = good[:1].upper() + good[1:]
            msg = ctx.say("S108.pp", good=good)
        else:
            body = " ".join(rest)
            good = f"{a.phrase.capitalize()} {body[:1].lower()}{body[1:]}"
            msg = ctx.say("S108.op", good=good)
        fix = None
        if any(r.kind == "text" and r.start <= o.start and o.end <= r.end for r in part.runs):
            fix = ctx.replace(part, o.start, o.end, good, f"write {good!r}")
        yield ctx.finding(part, msg, o.start, o.end, fix=fix)


@cache
def _agreement_pairs() -> dict[str, dict[str, str]]:
    """For each gender, wrong form (normalized) -> right form."""
    pairs = _data().get("agreement", {}).get("fr", {}).get("pairs", [])
    return {"f": {_norm(m): f for m, f in pairs}, "m": {_norm(f): m for m, f in pairs}}


class OrganAgreement(Rule):
    """French: opening adjectives and participles agree in gender with the organ.

    ## What it does
    Checks the opening words of preambular and operative paragraphs ("Préoccupée par",
    "Se déclare profondément préoccupé") against masculine/feminine pairs (data file
    `rules/data/structure.toml`): the General Assembly is feminine, the Security Council, the
    Economic and Social Council and the Human Rights Council are masculine. The fix puts the
    other form (safe: the organ decides the gender).

    ## Why
    The organ is the subject of every opener: "L’Assemblée générale, ... Consciente ...,
    Préoccupée ..., Convaincue ..." (A/RES/75/10); "Le Conseil de sécurité, ... Profondément
    préoccupé ..." (S/RES/1373 (2001)).

    ## Example
    ```
    L’Assemblée générale,
    *Préoccupé* par la montée de la cybercriminalité,
    ```

    ## Use instead
    ```
    L’Assemblée générale,
    *Préoccupée* par la montée de la cybercriminalité,
    ```

    ## References
    - conventions.md PP-006 (sample PP 6, PP 19, PP 21; A/RES/60/147 "Guidée par").
    """

    code = "S109"
    name = "organ-agreement"
    summary = "French: opening adjectives agree with the organ's gender"
    scopes = (Scope.PREAMBLE, Scope.OPERATIVE)
    languages = ("fr",)
    severity = Severity.ERROR
    fix = FixSafety.SAFE
    bad_examples = {
        "fr": ["L’Assemblée générale,\n*Préoccupé* par la cybercriminalité,\n1. *Décide* d’agir ;\n"
               "2. *Prie* le Secrétaire général de faire rapport.",
               "Le Conseil de sécurité,\n*Profondément préoccupée* par la situation,\n1. *Décide* d’agir ;\n"
               "2. *Se déclare convaincue* de l’importance de la coopération."],
    }
    good_examples = {
        "fr": ["L’Assemblée générale,\n*Consciente* du rôle d’INTERPOL,\n*Préoccupée* par la cybercriminalité,\n"
               "*Convaincue* que la coopération est utile,\n1. *Décide* d’agir ;\n"
               "2. *Prie* le Secrétaire général de faire rapport.",
               "Le Conseil de sécurité,\n*Profondément préoccupé* par la situation,\n1. *Décide* d’agir ;\n"
               "2. *Se déclare convaincu* de l’importance de la coopération."],
    }

    def check(self, part: Paragraph, ctx: Context) -> Iterator[Finding]:
        gender = ctx.doc.organ_gender
        if gender not in ("f", "m"):
            return
        o = parse_opener(part, ctx)
        if o is None:
            return
        wrong = _agreement_pairs()[gender]
        organ = ctx.doc.facts.get("organ_name") or ctx.doc.organ or ctx.word("the_organ")
        text = part.text
        candidates = [(m.group(), m.start(), m.end()) for m in _WORD.finditer(text, o.start, o.end)]
        candidates += o.following
        for word, start, end in candidates:
            right = wrong.get(_norm(word))
            if right is None:
                continue
            if word[:1].islower():
                right = right[:1].lower() + right[1:]
            what = ctx.word("feminine" if gender == "f" else "masculine")
            fix = ctx.replace(part, start, end, right, f"write {right!r}")
            yield ctx.finding(part, ctx.say("S109.agree", word=word, organ=organ, what=what, right=right),
                              start, end, fix=fix)
            return
