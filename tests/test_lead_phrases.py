"""The classifier's opening-phrase lookup finds what trying every length finds."""
from __future__ import annotations

import random

from resolint.plugin_manager import get_manager


def longest_phrase(text: str, phrases: frozenset[str]) -> str | None:
    """Every length from six words down, each joined and looked up."""
    words = text.split(None, 6)[:6]
    folded = [w.strip(",;:").casefold() for w in words]
    for n in range(len(folded), 0, -1):
        if " ".join(folded[:n]) in phrases:
            return " ".join(words[:n]).strip(",;:")
    return None


def test_phrases_found_as_trying_every_length() -> None:
    packs = get_manager().languages()
    rng = random.Random(41)
    found = 0
    for pack in packs.values():
        sets = [pack.operative_set, pack.preamble_set, frozenset({"x", "x  y", "", "a b c d e f g"})]
        vocabulary = sorted({w for s in sets for p in s for w in p.split()}) + ["Notant,", "DÉCIDE", ",", ";", "x"]
        for _ in range(3000):
            text = " ".join(rng.choice(vocabulary) for _ in range(rng.randint(0, 8)))
            if rng.random() < 0.5:  # a whole phrase first, the longest ones too
                text = rng.choice(sorted(rng.choice(sets), key=len)[-20:] or ["x"]) + rng.choice([" ", ", "]) + text
            text = text.capitalize() if rng.random() < 0.5 else text
            for phrases in sets:
                want = longest_phrase(text, phrases)
                assert pack.starts_with_any(text, phrases) == want, (text, sorted(phrases)[:5])
                found += want is not None
    assert found > 3000
