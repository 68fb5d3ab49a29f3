"""Word-level diff of two paragraphs.

Each distinct token (word, space run, punctuation mark, object) is mapped to one
character; ``diff_match_patch.diff_main`` runs on those strings and
``diff_cleanupSemantic`` removes coincidental one-token equalities, so changing one
word gives one deleted word and one inserted word. The diff timeout is switched off
so that the same pair always gives the same diff. Two passes follow: long common
words the cleanup swallowed are kept (:func:`_recover_words`), and a paragraph
rewritten beyond :data:`REWRITE_KEPT` becomes one deletion and one insertion.
"""
from __future__ import annotations

from difflib import SequenceMatcher

from diff_match_patch import diff_match_patch

from .reader import FN_KEY, Token

EQUAL, DELETE, INSERT = "=", "-", "+"

# One configured instance (its settings are all the state it keeps between calls).
_DMP = diff_match_patch()
_DMP.Diff_Timeout = 0


def _char(i: int) -> str:
    # skip the surrogate block, which is not a valid character on its own
    c = 0x100 + i
    if c >= 0xD800:
        c += 0x800
    return chr(c)


def diff_tokens(old: list[Token], new: list[Token]) -> list[tuple[str, list]]:
    """Operations turning ``old`` into ``new``.

    Returns ``[(op, items)]`` where ``items`` is a list of ``(old_token, new_token)``
    pairs for ``=``, of old tokens for ``-`` and of new tokens for ``+``.
    """
    if [t.key for t in old] == [t.key for t in new]:
        return [(EQUAL, list(zip(old, new)))] if old else []
    table: dict[str, str] = {}

    def encode(tokens):
        out = []
        for t in tokens:
            ch = table.get(t.key)
            if ch is None:
                ch = table[t.key] = _char(len(table))
            out.append(ch)
        return "".join(out)

    a, b = encode(old), encode(new)
    diffs = _DMP.diff_main(a, b, False)
    _DMP.diff_cleanupSemantic(diffs)
    ops: list[tuple[str, list]] = []
    i = j = 0
    for op, chunk in diffs:
        n = len(chunk)
        if op == 0:
            ops.append((EQUAL, list(zip(old[i:i + n], new[j:j + n]))))
            i += n
            j += n
        elif op == -1:
            ops.append((DELETE, old[i:i + n]))
            i += n
        else:
            ops.append((INSERT, new[j:j + n]))
            j += n
    return _rewritten(_recover_words(ops), old, new)


def op_summary(ops) -> list[dict]:
    """JSON-friendly form of the operations: ``{"op": "=", "text": ...}``."""
    out = []
    for op, items in ops:
        if op == EQUAL:
            text = "".join(_visible(n) for _, n in items)
        else:
            text = "".join(_visible(t) for t in items)
        if out and out[-1]["op"] == op:
            out[-1]["text"] += text
        else:
            out.append({"op": op, "text": text})
    return out


def _visible(t: Token) -> str:
    if t.key.startswith("\x00"):
        return {"\x00tab": "\t", "\x00br": "\n", "\x00fn": "[fn]", "\x00fnref": ""}.get(t.key, "")
    return t.key


#: A common word of at least this many characters is kept inside a replaced stretch.
MIN_KEPT_WORD = 4
#: A paragraph whose word diff keeps less than this share of its words (of the longer
#: version) was rewritten: one deletion and one insertion (see :func:`_rewritten`).
REWRITE_KEPT = 0.5


def _recover_words(ops: list[tuple[str, list]]) -> list[tuple[str, list]]:
    """Undo the semantic cleanup where it replaced a phrase around a long common word.

    The cleanup counts a token as one character, so a moved word ("fully co-operate"
    -> "co-operate fully") makes the whole phrase deleted and inserted again. In each
    deletion next to an insertion, common runs of tokens holding a word of at least
    :data:`MIN_KEPT_WORD` characters are kept as equal; the deletion stays before the
    insertion in each gap.
    """
    out: list[tuple[str, list]] = []
    k = 0
    while k < len(ops):
        op, items = ops[k]
        if k + 1 < len(ops) and op == DELETE and ops[k + 1][0] == INSERT:
            out.extend(_realign(items, ops[k + 1][1]))
            k += 2
            continue
        out.append((op, items))
        k += 1
    merged: list[tuple[str, list]] = []
    for op, items in out:
        if not items:
            continue
        if merged and merged[-1][0] == op:
            merged[-1] = (op, merged[-1][1] + items)
        else:
            merged.append((op, items))
    return merged


def _realign(dels: list, inss: list) -> list[tuple[str, list]]:
    sm = SequenceMatcher(None, [t.key for t in dels], [t.key for t in inss], autojunk=False)
    out: list[tuple[str, list]] = []
    i = j = 0
    for a, b, size in sm.get_matching_blocks():
        if size == 0 or not any(t.is_word and len(t.key) >= MIN_KEPT_WORD for t in dels[a:a + size]):
            continue
        out.append((DELETE, dels[i:a]))
        out.append((INSERT, inss[j:b]))
        out.append((EQUAL, list(zip(dels[a:a + size], inss[b:b + size]))))
        i, j = a + size, b + size
    if not out:
        return [(DELETE, dels), (INSERT, inss)]
    out.append((DELETE, dels[i:]))
    out.append((INSERT, inss[j:]))
    return out


def _rewritten(ops: list[tuple[str, list]], old: list[Token], new: list[Token]) -> list[tuple[str, list]]:
    """``ops``, or one deletion and one insertion when the paragraph was rewritten: fewer
    than :data:`REWRITE_KEPT` of its words kept, numbers left out (a few stray common words
    such as "(1978)" or "and" would otherwise hold the two texts together). Not for paragraphs
    with footnote references, whose footnotes are paired through equal references."""
    # numbers left out: a number or a date that changed does not make a paragraph rewritten,
    # and one kept does not hold two texts together
    kept = sum(1 for op, items in ops if op == EQUAL for o, _ in items if o.is_plain_word)
    longer = max(sum(1 for t in old if t.is_plain_word), sum(1 for t in new if t.is_plain_word))
    if longer == 0 or kept >= REWRITE_KEPT * longer or kept == 0:
        return ops
    if any(t.key == FN_KEY for t in old) or any(t.key == FN_KEY for t in new):
        return ops
    return [(DELETE, list(old)), (INSERT, list(new))]
