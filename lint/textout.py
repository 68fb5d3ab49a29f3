"""Text in an output's encoding, never failing: what the encoding cannot carry is escaped.

A report must not be lost because of one file name (bytes that are not UTF-8, kept by
Python as lone surrogates) or one character a console's encoding lacks (a Chinese name on
cp1252, French on ASCII). Each output format says how it escapes (:data:`FORMAT_ESCAPES`,
or a formatter's ``escape`` attribute):

- ``text``: undecodable file-name bytes are written back as they were (as ``ls`` and git
  do), other characters as ``\\xNN``/``\\uXXXX`` escapes;
- ``json``: ``\\uXXXX`` escapes (surrogate pairs above the BMP), so the document stays JSON;
- ``xml``: character references; undecodable bytes as ``\\udcNN`` text (XML has no such character).
"""
from __future__ import annotations

import codecs


def _escape_text(exc: UnicodeError) -> tuple[str | bytes, int]:
    """Undecodable file-name bytes go out as they were; other characters as ``\\xNN`` escapes."""
    if not isinstance(exc, UnicodeEncodeError):
        raise exc
    out = b""
    for ch in exc.object[exc.start:exc.end]:
        n = ord(ch)
        if 0xDC80 <= n <= 0xDCFF:
            out += bytes([n - 0xDC00])
        else:
            out += ch.encode("ascii", "backslashreplace")
    return out, exc.end


def _escape_json(exc: UnicodeError) -> tuple[str, int]:
    """JSON ``\\uXXXX`` escapes (pairs above the BMP): the document stays valid JSON."""
    if not isinstance(exc, UnicodeEncodeError):
        raise exc
    out = []
    for ch in exc.object[exc.start:exc.end]:
        n = ord(ch)
        if n > 0xFFFF:
            n -= 0x10000
            out.append(f"\\u{0xD800 + (n >> 10):04x}\\u{0xDC00 + (n & 0x3FF):04x}")
        else:
            out.append(f"\\u{n:04x}")
    return "".join(out), exc.end


def _escape_xml(exc: UnicodeError) -> tuple[str, int]:
    """Character references; undecodable file-name bytes as ``\\udcNN`` text (XML has no such character)."""
    if not isinstance(exc, UnicodeEncodeError):
        raise exc
    out = []
    for ch in exc.object[exc.start:exc.end]:
        n = ord(ch)
        out.append(f"\\u{n:04x}" if 0xD800 <= n <= 0xDFFF else f"&#{n};")
    return "".join(out), exc.end


_HANDLERS = {"text": ("resolint-text", _escape_text), "json": ("resolint-json", _escape_json),
             "xml": ("resolint-xml", _escape_xml)}
#: How each output format escapes what its encoding cannot carry (plugins: ``escape`` attribute).
FORMAT_ESCAPES = {"json": "json", "sarif": "json", "junit": "xml", "html": "xml"}


def _handler(kind: str) -> str:
    name, fn = _HANDLERS.get(kind, _HANDLERS["text"])
    try:
        codecs.lookup_error(name)
    except LookupError:
        codecs.register_error(name, fn)
    return name


def encode(text: str, encoding: str = "utf-8", kind: str = "text") -> bytes:
    """``text`` in ``encoding``, never failing: see :data:`FORMAT_ESCAPES`."""
    try:
        return text.encode(encoding, _handler(kind))
    except LookupError:
        return text.encode("utf-8", _handler(kind))


def escape_kind(fmt: str, formatter: object = None) -> str:
    """The escape style of an output format (a formatter may say with an ``escape`` attribute)."""
    return getattr(formatter, "escape", None) or FORMAT_ESCAPES.get(fmt, "text")

