"""Word-level diff of two paragraphs.

Each distinct token (word, space run, punctuation mark, object) is mapped to one
character; ``diff_match_patch.diff_main`` runs on those strings and
``diff_cleanupSemantic`` removes coincidental one-token equalities, so changing one
word gives one deleted word and one inserted word. The diff timeout is switched off
so that the same pair always gives the same diff.
"""
from __future__ import annotations

from diff_match_patch import diff_match_patch

from .reader import Token

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
    return ops


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
