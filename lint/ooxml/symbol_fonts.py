"""The characters that symbol fonts show, as Unicode.

Word stores a symbol inserted from the Symbol, Wingdings or Webdings font as ``w:sym`` with
the font's own code (``F04C``: 0x4C in the font's private range). The code means nothing
without the font: Wingdings 0x4C is a frowning face, not "L". :func:`shown` gives the Unicode
character a reader sees, from the fonts' published code charts (Adobe's Symbol encoding; the
Wingdings chart with the Unicode 6-7 pictographs). A code with no Unicode equivalent, and
any code of a symbol font without a chart here (Webdings, Wingdings 2 and 3, Marlett), keeps
the private-use character Word stores (U+F000 + code), never a letter.
"""
from __future__ import annotations

from functools import lru_cache

#: Symbol, 0x20-0xFE (Adobe's Symbol encoding; 0xA0 is the euro sign in Windows' Symbol).
#: Ranges of one line each: start code, then the characters in code order; "\0" = none.
_SYMBOL = (
    (0x20, " !\u2200#\u2203%&\u220b()\u2217+,\u2212./0123456789:;<=>?"),
    (0x40, "\u2245\u0391\u0392\u03a7\u0394\u0395\u03a6\u0393\u0397\u0399\u03d1\u039a\u039b\u039c\u039d\u039f"
           "\u03a0\u0398\u03a1\u03a3\u03a4\u03a5\u03c2\u03a9\u039e\u03a8\u0396[\u2234]\u22a5_"),
    (0x60, "\0\u03b1\u03b2\u03c7\u03b4\u03b5\u03c6\u03b3\u03b7\u03b9\u03d5\u03ba\u03bb\u03bc\u03bd\u03bf"
           "\u03c0\u03b8\u03c1\u03c3\u03c4\u03c5\u03d6\u03c9\u03be\u03c8\u03b6{|}\u223c"),
    (0xA0, "\u20ac\u03d2\u2032\u2264\u2044\u221e\u0192\u2663\u2666\u2665\u2660\u2194\u2190\u2191\u2192\u2193"
           "\u00b0\u00b1\u2033\u2265\u00d7\u221d\u2202\u2022\u00f7\u2260\u2261\u2248\u2026\u23d0\u23af\u21b5"
           "\u2135\u2111\u211c\u2118\u2297\u2295\u2205\u2229\u222a\u2283\u2287\u2284\u2282\u2286\u2208\u2209"
           "\u2220\u2207\u00ae\u00a9\u2122\u220f\u221a\u22c5\u00ac\u2227\u2228\u21d4\u21d0\u21d1\u21d2\u21d3"
           "\u25ca\u2329\u00ae\u00a9\u2122\u2211\u239b\u239c\u239d\u23a1\u23a2\u23a3\u23a7\u23a8\u23a9\u23aa"
           "\0\u232a\u222b\u2320\u23ae\u2321\u239e\u239f\u23a0\u23a4\u23a5\u23a6\u23ab\u23ac\u23ad"),
)

#: Wingdings, 0x20-0xFF (the published chart; "\0" where Unicode has no equivalent).
_WINGDINGS = (
    (0x20, " \u270f\u2702\u2701\U0001f453\U0001f514\U0001f4d6\0\u260e\u2706\u2709\0\U0001f4ea\U0001f4eb"
           "\U0001f4ec\U0001f4ed\U0001f4c1\U0001f4c2\U0001f4c4\0\0\0\u231b\u2328\0\0\U0001f4bb\0"
           "\U0001f4be\0\u2707\u270d"),
    (0x40, "\0\u270c\U0001f44c\U0001f44d\U0001f44e\u261c\u261e\u261d\u261f\u270b\u263a\U0001f610\u2639"
           "\U0001f4a3\u2620\u2690\U0001f6a9\u2708\u263c\U0001f4a7\u2744\0\u271e\0\u2720\u2721\u262a"
           "\u262f\u0950\u2638\u2648\u2649"),
    (0x60, "\u264a\u264b\u264c\u264d\u264e\u264f\u2650\u2651\u2652\u2653&&\u25cf\u274d\u25a0\u25a1"
           "\0\u2751\u2752\u2b27\u29eb\u25c6\u2756\u2b25\u2327\u2353\u2318\u2740\u273f\u275d\u275e\u25af"),
    (0x80, "\u24ea\u2460\u2461\u2462\u2463\u2464\u2465\u2466\u2467\u2468\u2469\u24ff\u2776\u2777\u2778"
           "\u2779\u277a\u277b\u277c\u277d\u277e\u277f\0\0\0\0\0\0\0\0\u00b7\u2022"),
    (0xA0, "\u25aa\u25cb\u2b55\0\u25c9\u25ce\0\u25aa\u25fb\0\u2726\u2605\u2736\u2734\u2739\u2735"
           "\0\u2316\u27e1\u2311\0\u272a\u2730\U0001f550\U0001f551\U0001f552\U0001f553\U0001f554"
           "\U0001f555\U0001f556\U0001f557\U0001f558"),
    (0xC0, "\U0001f559\U0001f55a\U0001f55b\0\0\0\0\0\0\0\0\0\0\0\0\0"
           "\0\0\0\0\0\u232b\u2326\0\u27a2\0\0\0\u27b2\0\0\0"),
    (0xE0, "\0\0\0\0\0\0\0\0\u2794\0\0\0\0\0\0\u21e6"
           "\u21e8\u21e7\u21e9\u2b04\u21f3\u2b00\u2b01\u2b03\u2b02\u25ad\u25ab\u2717\u2713\u2612\u2611\0"),
)

_FONTS = {"symbol": _SYMBOL, "wingdings": _WINGDINGS,
          "webdings": (), "wingdings 2": (), "wingdings 3": (), "marlett": ()}


@lru_cache(maxsize=None)
def _table(font: str) -> dict[int, str]:
    out: dict[int, str] = {}
    for start, chars in _FONTS.get(font, ()):
        for i, ch in enumerate(chars):
            if ch != "\0":
                out[start + i] = ch
    return out


def shown(font: str | None, code: str | None) -> str:
    """The character a ``w:sym`` of ``font`` with hexadecimal ``code`` shows ("" if none).

    A font resolint has no chart for gives the code's own character (fonts such as
    "Times New Roman" store plain Unicode); a symbol font's code without an equivalent gives
    its private-use character."""
    try:
        value = int(code or "", 16)
    except ValueError:
        return ""
    if not 0 < value <= 0x10FFFF or 0xD800 <= value <= 0xDFFF:
        return ""  # nothing, or a lone surrogate that cannot be written out as UTF-8
    name = (font or "").strip().lower()
    if name in _FONTS:
        low = value - 0xF000 if 0xF000 <= value <= 0xF0FF else value
        return _table(name).get(low, chr(0xF000 + low) if low <= 0xFF else chr(value))
    return chr(value - 0xF000) if 0xF000 <= value <= 0xF0FF else chr(value)
