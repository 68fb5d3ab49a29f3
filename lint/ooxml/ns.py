"""WordprocessingML namespaces and a tag helper."""
from __future__ import annotations

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
CT = "http://schemas.openxmlformats.org/package/2006/content-types"
W14 = "http://schemas.microsoft.com/office/word/2010/wordml"
XML = "http://www.w3.org/XML/1998/namespace"

NSMAP = {"w": W, "r": R}

REL_FOOTNOTES = R + "/footnotes"
REL_NUMBERING = R + "/numbering"
REL_STYLES = R + "/styles"
REL_SETTINGS = R + "/settings"
REL_COMMENTS = R + "/comments"
REL_OFFICE_DOCUMENT = R + "/officeDocument"

CT_FOOTNOTES = "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"


def w(tag: str) -> str:
    """Return the Clark name of a ``w:`` element or attribute: ``w("p")`` -> ``{...main}p``."""
    return "{%s}%s" % (W, tag)


def first_child(el, tag: str):  # type: ignore[no-untyped-def]
    """The first child of ``el`` with ``tag`` (a Clark name), or None.

    What ``el.find(tag)`` gives, without lxml's path machinery: about twice as fast, and
    the reader asks for several a paragraph and one a run.
    """
    for found in el.iterchildren(tag):
        return found
    return None


def wval(el, attr: str = "val") -> str | None:  # type: ignore[no-untyped-def]
    """Return the ``w:``-qualified attribute of ``el`` (``w:val`` by default), or None."""
    if el is None:
        return None
    return el.get(w(attr))
