"""LibreOffice helpers that do not go through the UNO worker.

soffice 7.4 driven through UNO with a hidden frame does not load documents that hold
comments (``loadComponentFromURL`` returns nothing), so comments are read here from
LibreOffice's own conversion of the document to flat ODF (``soffice --convert-to fodt``):
each ``office:annotation`` with its author, its text and the text between it and its
``office:annotation-end``, as LibreOffice imported them.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from lxml import etree

from . import libreoffice as lo

OFFICE = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
TEXT = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
DC = "http://purl.org/dc/elements/1.1/"


def _o(tag: str) -> str:
    return f"{{{OFFICE}}}{tag}"


def _t(tag: str) -> str:
    return f"{{{TEXT}}}{tag}"


def to_fodt(docx: str | os.PathLike) -> bytes:
    """LibreOffice's flat ODF conversion of ``docx`` (a private profile, headless)."""
    return convert(docx, "fodt")


def convert(docx: str | os.PathLike, fmt: str) -> bytes:
    """LibreOffice's conversion of ``docx`` to ``fmt`` (``fodt``, ``docx``...), as its own
    save writes it (a private profile, headless)."""
    soffice = lo.soffice_path()
    if soffice is None:
        raise RuntimeError("soffice not found")
    with tempfile.TemporaryDirectory(prefix="resolint-lo-conv-") as tmp:
        src = Path(tmp) / "src" / "in.docx"
        src.parent.mkdir()
        shutil.copyfile(docx, src)
        profile = Path(tmp) / "profile"
        subprocess.run([soffice, "--headless", "--invisible", "--norestore", "--nologo",
                        f"-env:UserInstallation={profile.as_uri()}", "--convert-to", fmt,
                        "--outdir", tmp, str(src)], check=True, capture_output=True, timeout=180)
        out = Path(tmp) / f"in.{fmt}"
        if not out.exists():
            raise RuntimeError(f"LibreOffice did not convert {docx}")
        return out.read_bytes()


def comments(docx: str | os.PathLike) -> list[tuple[str, str, str]]:
    """``(author, text, anchored text)`` of every comment, in document order."""
    root = etree.fromstring(to_fodt(docx), etree.XMLParser(resolve_entities=False, huge_tree=True))
    body = root.find(f"{_o('body')}/{_o('text')}")
    found: list[list[str]] = []
    open_: dict[str, int] = {}

    def emit(s: str | None) -> None:
        if s:
            for i in open_.values():
                found[i][2] += s

    def walk(el) -> None:  # type: ignore[no-untyped-def]
        tag = el.tag
        if tag == _o("annotation"):
            author = "".join(el.findtext(f"{{{DC}}}creator") or "")
            text = "\n".join("".join(p.itertext()) for p in el.iter(_t("p")))
            found.append([author, text, ""])
            name = el.get(_o("name"))
            if name:
                open_[name] = len(found) - 1
        elif tag == _o("annotation-end"):
            open_.pop(el.get(_o("name")) or "", None)
        elif tag in (_t("note"), _t("tracked-changes")):
            pass
        elif tag == _t("s"):
            emit(" " * int(el.get(_t("c"), "1")))
        elif tag == _t("tab"):
            emit("\t")
        elif tag == _t("line-break"):
            emit("\n")
        else:
            emit(el.text)
            for child in el:
                if isinstance(child.tag, str):
                    walk(child)
                emit(child.tail)

    if body is not None:
        walk(body)
    return [tuple(c) for c in found]  # type: ignore[misc]
