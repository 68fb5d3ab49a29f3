"""Normalising paragraph text for comparison: numbering, spacing, quotation marks, case, words.

What does not change the meaning of a paragraph is dropped: its number ("1.", "(a)"), the
kind and number of spaces, quotation marks of any style, the letter case, the punctuation
that ends it (a preambular "," becomes an operative ";" when a paragraph moves), footnote
marks, and the hyphen or dash a line break or a scan put into a word. Words are split the
way English and French write them: an elided article or pronoun (``l'``, ``d'``, ``qu'``,
``j'``, ``n'``, ``s'``, ``c'``, ``m'``, ``t'``, ``jusqu'``, ``lorsqu'``, ``puisqu'``) is a
word of its own, accents are kept ("résolution" is not "resolution"), and numbers are words.
"""
from __future__ import annotations

import unicodedata

import regex

#: Quotation marks of English and French typography (and the straight ones).
_QUOTES = regex.compile(r"[\"“”„‟«»‹›]|(?<!\p{L})['‘’]|['‘’](?!\p{L})")
#: A typed paragraph number at the start: "1.", "12.", "(a)", "a)", "(iv)", "iv)".
_NUMBER = regex.compile(r"^\s*(?:\d{1,3}\.|\(?[a-z]{1,2}\)|\(?[ivxlc]{1,6}\))(?=\s)", regex.IGNORECASE)
#: An elided word cut from its apostrophe by a stray space ("l ’Organisation"): the same word.
_CUT_ELISION = regex.compile(r"(?<!\p{L})([cdjlmnst]|qu|jusqu|lorsqu|puisqu)\s+'(?=\p{L})", regex.IGNORECASE)
#: Apostrophes: typographic and straight are the same letter of an elision.
_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "ʼ": "'", "`": "'"})
#: Characters that are not text: footnote-mark placeholders, soft hyphens, zero-width spaces.
_INVISIBLE = regex.compile(r"[\ufffc\u00ad\u200b\u200c\u200d\ufeff]")
#: A word, a number, or one mark of punctuation. Elisions end with their apostrophe.
_TOKEN = regex.compile(r"(?:\p{L}+')|[\p{L}\p{M}]+|\d+(?:[.,]\d+)*|[^\s\p{L}\p{N}]")
#: Dashes and hyphens inside a word ("Secretary-General", a scan's "Secretary-—General"):
#: the parts are words of their own, so spelling with or without the hyphen compares close.
_DASHES = regex.compile(r"[\-\u2010-\u2015\u2212]+")
#: Punctuation that ends a clause; at the end of a paragraph it says where the paragraph stands.
_END = ",;:.!?"


def strip_number(text: str) -> str:
    """``text`` without a typed paragraph number at its start."""
    return _NUMBER.sub("", text, count=1)


def clean(text: str) -> str:
    """Unicode-normalised text without number, quotation marks or invisible characters;
    spaces collapsed. The words and punctuation stay as written (case kept)."""
    text = unicodedata.normalize("NFC", text).translate(_APOSTROPHES)
    text = _INVISIBLE.sub("", text)
    text = _CUT_ELISION.sub(r"\1'", text)
    text = strip_number(text)
    text = _QUOTES.sub(" ", text)
    return " ".join(text.split())


def tokens(text: str) -> list[str]:
    """The words and punctuation of ``text`` compared by the similarity (case folded, accents
    kept, elisions split off, quotation marks and the final mark of punctuation dropped)."""
    body = clean(text).casefold()
    body = _DASHES.sub(" ", body)
    out = _TOKEN.findall(body)
    while out and len(out[-1]) == 1 and out[-1] in _END:
        out.pop()
    return out


def words(tokens_: list[str]) -> list[str]:
    """The tokens that are words or numbers (punctuation left out)."""
    return [t for t in tokens_ if t[0].isalnum()]


def display_words(text: str) -> list[str]:
    """The words of ``text`` as written, for word-level diffs (number dropped, spaces collapsed)."""
    return strip_number(unicodedata.normalize("NFC", text)).split()


def key(tokens_: list[str]) -> str:
    """The text a paragraph shares with every paragraph that is the same agreed language."""
    return " ".join(tokens_)
