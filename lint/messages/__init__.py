"""Message catalogues for what a drafter reads in Word: the comments of ``--annotate`` and the
notes on tracked fixes, in the draft's language (English and French; other languages fall
back to English). Rule codes and names stay as they are; the rule's description, the
"how to fix" line and the closing link are the catalogue's.

Each catalogue is a module of this package (``en``, ``fr``) with ``FRAME`` (the sentences
around a finding) and ``SUMMARIES`` (rule code -> the convention in one sentence; a rule
missing from it falls back to its English ``summary``). The link goes to the rule's page,
``docs/rules/CODE.md``, under :func:`docs_url` (``RESOLINT_DOCS_URL`` or ``--docs-url``).
"""
from __future__ import annotations

import importlib
import os
from types import ModuleType

#: Where the rule pages are published, when neither ``--docs-url`` nor ``RESOLINT_DOCS_URL``
#: says: nowhere known (resolint has no address of its own), so a comment names the page in
#: resolint's documentation, ``docs/rules/CODE.md``, and SARIF gives no ``helpUri``.
DEFAULT_DOCS_URL: str | None = None
LANGUAGES = ("en", "fr")


def catalogue(language: str | None) -> ModuleType:
    """The catalogue of ``language`` ("fr-CH" -> fr); English when there is none."""
    code = (language or "en").lower().split("-")[0].split("_")[0]
    return importlib.import_module(f"{__name__}.{code if code in LANGUAGES else 'en'}")


def docs_url(base: str | None = None) -> str | None:
    """The base of rule pages: ``base``, else ``RESOLINT_DOCS_URL``, else :data:`DEFAULT_DOCS_URL`."""
    found = base or os.environ.get("RESOLINT_DOCS_URL") or DEFAULT_DOCS_URL
    return found.rstrip("/") if found else None


def rule_url(code: str, base: str | None = None) -> str:
    """The page of rule ``code``: its address under :func:`docs_url`, else its path in
    resolint's documentation (``docs/rules/CODE.md``)."""
    found = docs_url(base)
    return f"{found}/{code}.md" if found else f"docs/rules/{code}.md"


def summary(code: str, fallback: str, language: str | None) -> str:
    """The convention rule ``code`` enforces, in ``language`` (``fallback``: its English summary)."""
    return getattr(catalogue(language), "SUMMARIES", {}).get(code) or fallback


def text(key: str, language: str | None, **values: object) -> str:
    """The sentence ``key`` of the catalogue of ``language``, filled with ``values``."""
    frame = catalogue(language).FRAME
    return frame.get(key, catalogue("en").FRAME[key]).format(**values)
