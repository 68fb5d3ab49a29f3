"""Paragraph alignment by content, not by number or position.

1. *Anchors*: paragraphs whose normalised text (whitespace collapsed, a typed
   label such as ``3.`` or ``(b)`` removed) occurs exactly once in each version are
   paired; the longest increasing subsequence of those pairs keeps the document
   order, the pairs left out of it are paragraphs that *moved*.
2. Anchors are extended to equal neighbours (repeated texts such as empty lines).
3. Between two anchors, the remaining paragraphs are paired in order by a dynamic
   programme maximising the summed word similarity (Dice coefficient on words,
   pairs below ``THRESHOLD`` stay unpaired). Large gaps use a diagonal band (at
   most ``MAX_BAND_CELLS`` cells) so the cost stays linear in the document size.
   Bags of words are built only for the paragraphs of such gaps, and a pair whose
   word counts alone bound the coefficient below the threshold is not scored.
4. Paragraphs still unpaired are looked up across the whole document (inverted
   index on words): a close match out of order is a moved-and-edited paragraph.

The result lists *rows* in output order: pairs kept in order, deleted old
paragraphs (including the old place of a moved one) before the inserted new
paragraphs (including the new place of a moved one) of the same gap.
"""
from __future__ import annotations

import bisect
from collections import Counter, defaultdict
from dataclasses import dataclass

THRESHOLD = 0.5
MOVE_THRESHOLD = 0.6
MAX_CELLS = 60_000
BAND = 40
MAX_BAND_CELLS = 200_000


@dataclass
class Row:
    old: int | None  # index in the old paragraph list
    new: int | None  # index in the new paragraph list
    kind: str  # "pair", "del", "ins"
    moved: bool = False


def similarity(a: Counter, b: Counter) -> float:
    """Dice coefficient of two bags of words."""
    ta, tb = sum(a.values()), sum(b.values())
    if ta == 0 and tb == 0:
        return 1.0
    if ta == 0 or tb == 0:
        return 0.0
    return 2.0 * _common(a, b) / (ta + tb)


def _common(a: dict, b: dict) -> int:
    """Size of the multiset intersection of two bags."""
    if len(a) > len(b):
        a, b = b, a
    get = b.get
    n = 0
    for wd, c in a.items():
        d = get(wd)
        if d:
            n += c if c < d else d
    return n


class _Bags:
    """Bags of words (and their sizes) of one side, built on first use."""

    __slots__ = ("words", "bags", "sizes")

    def __init__(self, words) -> None:  # type: ignore[no-untyped-def]
        self.words = words  # callable: index -> list of words
        self.bags: dict[int, Counter] = {}
        self.sizes: dict[int, int] = {}

    def bag(self, i: int) -> Counter:
        b = self.bags.get(i)
        if b is None:
            b = self.bags[i] = Counter(self.words(i))
            self.sizes[i] = sum(b.values())
        return b

    def size(self, i: int) -> int:
        if i not in self.sizes:
            self.bag(i)
        return self.sizes[i]


def _sim(ob: _Bags, nb: _Bags, i: int, j: int, floor: float) -> float:
    """Similarity of old ``i`` and new ``j``; 0.0 when it cannot reach ``floor``
    (checked first on the bag sizes alone, which bound the Dice coefficient)."""
    ta, tb = ob.size(i), nb.size(j)
    if ta == 0 and tb == 0:
        return 1.0
    if ta == 0 or tb == 0:
        return 0.0
    if 2.0 * min(ta, tb) / (ta + tb) < floor:
        return 0.0
    return 2.0 * _common(ob.bag(i), nb.bag(j)) / (ta + tb)


def _lis(pairs: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Longest subsequence of ``pairs`` (sorted by old index) increasing in new index."""
    tails: list[int] = []
    tails_idx: list[int] = []
    prev = [-1] * len(pairs)
    for k, (_, j) in enumerate(pairs):
        pos = bisect.bisect_left(tails, j)
        if pos == len(tails):
            tails.append(j)
            tails_idx.append(k)
        else:
            tails[pos] = j
            tails_idx[pos] = k
        prev[k] = tails_idx[pos - 1] if pos > 0 else -1
    out = []
    k = tails_idx[-1] if tails_idx else -1
    while k >= 0:
        out.append(pairs[k])
        k = prev[k]
    return out[::-1]


def _gap_pairs(olds, news, okeys, nkeys, ob: _Bags, nb: _Bags):
    """Order-keeping pairs between two lists of indices, by similarity."""
    a, b = len(olds), len(news)
    if not a or not b:
        return []
    full = a * b <= MAX_CELLS
    band = BAND + abs(a - b)
    if not full and a * (2 * band + 1) > MAX_BAND_CELLS:
        # very unequal gaps: the proportional diagonal alone keeps the path connected
        band = max(BAND, MAX_BAND_CELLS // (2 * a))
    # score[i][j] for prefixes, row by row; only cells in the band are computed
    prev: dict[int, float] | list[float] = [0.0] * (b + 1) if full else {}
    back: dict = {}
    for i in range(1, a + 1):
        if full:
            jlo, jhi = 1, b
            cur: dict[int, float] | list[float] = [0.0] * (b + 1)
        else:
            centre = i * b // a
            jlo, jhi = max(1, centre - band), min(b, centre + band)
            cur = {}
        oi = olds[i - 1]
        okey = okeys[oi]
        pget = prev.__getitem__ if full else (lambda k, _g=prev.get: _g(k, 0.0))  # type: ignore[union-attr]
        left = cur[jlo - 1] if full else 0.0
        for j in range(jlo, jhi + 1):
            nj = news[j - 1]
            up = pget(j)
            best, how = up, "u"
            if left > best:
                best, how = left, "l"
            s = 1.0 if okey == nkeys[nj] else _sim(ob, nb, oi, nj, THRESHOLD)
            if s >= THRESHOLD:
                diag = pget(j - 1) + s
                if diag > best:
                    best, how = diag, "d"
            cur[j] = best
            left = best
            back[(i, j)] = how
        prev = cur
    out = []
    i, j = a, b
    while i > 0 and j > 0:
        how = back.get((i, j))
        if how is None:
            # outside the band: walk towards it
            if not full and j > i * b // a:
                j -= 1
            else:
                i -= 1
            continue
        if how == "d":
            out.append((olds[i - 1], news[j - 1]))
            i -= 1
            j -= 1
        elif how == "u":
            i -= 1
        else:
            j -= 1
    return out[::-1]


def align(old_keys: list[str], new_keys: list[str], old_words, new_words) -> list[Row]:
    """Rows pairing old and new paragraphs (see the module docstring).

    ``old_words`` and ``new_words`` give the words of a paragraph from its index (a
    list, or a function): they are only asked for paragraphs left unpaired by the
    exact matches, so a long document with few changes never computes most of them.
    """
    n, m = len(old_keys), len(new_keys)
    if old_keys == new_keys:
        return [Row(i, i, "pair") for i in range(n)]
    ob = _Bags(old_words if callable(old_words) else old_words.__getitem__)
    nb = _Bags(new_words if callable(new_words) else new_words.__getitem__)
    opos: dict[str, list[int]] = defaultdict(list)
    npos: dict[str, list[int]] = defaultdict(list)
    for i, k in enumerate(old_keys):
        opos[k].append(i)
    for j, k in enumerate(new_keys):
        npos[k].append(j)
    cand = sorted(
        (opos[k][0], npos[k][0]) for k in opos
        if k and len(opos[k]) == 1 and len(npos.get(k, ())) == 1
    )
    anchors = _lis(cand)
    anchor_set = set(anchors)
    moved = [p for p in cand if p not in anchor_set]
    used_o = {i for i, _ in moved}
    used_n = {j for _, j in moved}
    # extend anchors to equal neighbours
    pairs = set(anchors)
    taken_o = {i for i, _ in anchors} | used_o
    taken_n = {j for _, j in anchors} | used_n
    for i, j in list(anchors) + [(-1, -1)]:
        a, b = i + 1, j + 1
        while a < n and b < m and a not in taken_o and b not in taken_n and old_keys[a] == new_keys[b]:
            pairs.add((a, b))
            taken_o.add(a)
            taken_n.add(b)
            a += 1
            b += 1
    for i, j in list(anchors) + [(n, m)]:
        a, b = i - 1, j - 1
        while a >= 0 and b >= 0 and a not in taken_o and b not in taken_n and old_keys[a] == new_keys[b]:
            pairs.add((a, b))
            taken_o.add(a)
            taken_n.add(b)
            a -= 1
            b -= 1
    ordered = sorted(pairs)
    # fill the gaps between consecutive in-order pairs
    filled = []
    bounds = [(-1, -1)] + ordered + [(n, m)]
    for (i0, j0), (i1, j1) in zip(bounds, bounds[1:]):
        olds = [i for i in range(i0 + 1, i1) if i not in taken_o]
        news = [j for j in range(j0 + 1, j1) if j not in taken_n]
        filled.extend(_gap_pairs(olds, news, old_keys, new_keys, ob, nb))
    for i, j in filled:
        taken_o.add(i)
        taken_n.add(j)
    ordered = sorted(set(ordered) | set(filled))
    if not ordered and n and m:
        # always keep one pair so that the last paragraph mark has an anchor
        ordered = [(n - 1, m - 1)]
        taken_o.add(n - 1)
        taken_n.add(m - 1)
    # moved-and-edited paragraphs: close matches out of order
    free_o = [i for i in range(n) if i not in taken_o and ob.size(i)]
    free_n = [j for j in range(m) if j not in taken_n and nb.size(j)] if free_o else []
    if free_o and free_n:
        index: dict[str, list[int]] = defaultdict(list)
        for i in free_o:
            for wd in ob.bag(i):
                index[wd].append(i)
        scored = []
        for j in free_n:
            hits: Counter = Counter()
            for wd in nb.bag(j):
                lst = index.get(wd)
                if lst and len(lst) <= 50:
                    hits.update(lst)
            for i, _ in hits.most_common(5):
                s = _sim(ob, nb, i, j, MOVE_THRESHOLD)
                if s >= MOVE_THRESHOLD:
                    scored.append((-s, i, j))
        scored.sort()
        for _, i, j in scored:
            if i not in taken_o and j not in taken_n:
                moved.append((i, j))
                taken_o.add(i)
                taken_n.add(j)
    move_o = {i: j for i, j in moved}
    move_n = {j: i for i, j in moved}
    rows: list[Row] = []
    bounds = [(-1, -1)] + ordered + [(n, m)]
    for (i0, j0), (i1, j1) in zip(bounds, bounds[1:]):
        for i in range(i0 + 1, i1):
            if i in move_o:
                rows.append(Row(i, None, "del", moved=True))
            elif i not in taken_o or i in move_o:
                rows.append(Row(i, None, "del"))
        for j in range(j0 + 1, j1):
            rows.append(Row(move_n.get(j), j, "ins", moved=j in move_n))
        if i1 < n and j1 < m:
            rows.append(Row(i1, j1, "pair"))
    # paragraphs paired in a gap may also sit inside (i0, i1) ranges: drop their del/ins rows
    paired_o = {i for i, _ in ordered}
    paired_n = {j for _, j in ordered}
    rows = [r for r in rows if r.kind == "pair" or (r.kind == "del" and r.old not in paired_o)
            or (r.kind == "ins" and r.new not in paired_n)]
    return rows
