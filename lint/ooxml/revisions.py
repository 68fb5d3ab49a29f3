"""Word revision marks (``w:ins``, ``w:del``, ``w:rPrChange``...), shared by the fixer and the redline."""
from __future__ import annotations

from lxml import etree

from .ns import w


def revision(tag: str, rev_id: int, author: str, date: str) -> etree._Element:
    """A revision element ``w:<tag>`` with its id, author and ISO date."""
    el = etree.Element(w(tag))
    el.set(w("id"), str(rev_id))
    el.set(w("author"), author)
    el.set(w("date"), date)
    return el
