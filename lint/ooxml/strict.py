"""Strict Open XML read as Transitional: the namespace mapping of ISO/IEC 29500.

Word's "Strict Open XML Document" names its namespaces and relationship types under
``http://purl.oclc.org/ooxml/``; Transitional (what the rest of resolint reads) under
``http://schemas.openxmlformats.org/``. Part 1 of the standard pairs them one to one, so
a Strict part is read by rewriting its namespace names to their Transitional twins before
parsing, and a part written back is rewritten the other way, so that a Strict file stays
Strict.
"""
from __future__ import annotations

import regex

STRICT = b"http://purl.oclc.org/ooxml/"
TRANSITIONAL = b"http://schemas.openxmlformats.org/"

#: Strict name -> Transitional name where the generic rule ("ooxml/A/B" -> "A/2006/B") does not hold.
_SPECIAL = {
    b"officeDocument/extendedProperties": b"officeDocument/2006/extended-properties",
    b"officeDocument/customProperties": b"officeDocument/2006/custom-properties",
    b"officeDocument/relationships/extendedProperties":
        b"officeDocument/2006/relationships/extended-properties",
    b"officeDocument/relationships/customProperties": b"officeDocument/2006/relationships/custom-properties",
}
_STRICT_NAME = regex.compile(rb"http://purl\.oclc\.org/ooxml/([A-Za-z]+)/([A-Za-z][\w/]*)")
_TRANSITIONAL_NAME = regex.compile(rb"http://schemas\.openxmlformats\.org/([A-Za-z]+)/2006/([A-Za-z][\w/-]*)")
_BACK = {v: k for k, v in _SPECIAL.items()}


def is_strict(root_rels: bytes) -> bool:
    """Whether a package's root relationships name its main document the Strict way."""
    return STRICT + b"officeDocument/relationships/officeDocument" in root_rels


def to_transitional(data: bytes) -> bytes:
    """An XML part with its Strict namespace names and relationship types made Transitional."""
    if STRICT not in data:
        return data

    def sub(m: regex.Match[bytes]) -> bytes:
        key = m.group(1) + b"/" + m.group(2)
        return TRANSITIONAL + _SPECIAL.get(key, m.group(1) + b"/2006/" + m.group(2))

    return _STRICT_NAME.sub(sub, data)


def own_transitional_names(data: bytes) -> set[bytes]:
    """The Transitional names a part of a Strict package uses as they are (custom XML, the
    package's own relationships): :func:`to_strict` leaves them alone."""
    return {m.group(0) for m in _TRANSITIONAL_NAME.finditer(data)}


def to_strict(data: bytes, keep: set[bytes]) -> bytes:
    """The inverse of :func:`to_transitional`, for a part written into a Strict package: every
    Transitional name becomes Strict except those of the package itself ("package/2006/...",
    the same in both) and those the package used as they are (``keep``)."""
    if TRANSITIONAL not in data:
        return data

    def sub(m: regex.Match[bytes]) -> bytes:
        if m.group(1) == b"package" or m.group(0) in keep:
            return m.group(0)
        key = m.group(1) + b"/2006/" + m.group(2)
        return STRICT + _BACK.get(key, m.group(1) + b"/" + m.group(2))

    return _TRANSITIONAL_NAME.sub(sub, data)
