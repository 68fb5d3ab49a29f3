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

#: Where the rule pages are published unless ``--docs-url`` or ``RESOLINT_DOCS_URL`` says otherwise:
#: the ``docs/rules`` folder of the repository.
DEFAULT_DOCS_URL = "https://github.com/resolint/resolint/blob/main/docs/rules"
LANGUAGES = ("en", "fr")


def catalogue(language: str | None) -> ModuleType:
    """The catalogue of ``language`` ("fr-CH" -> fr); English when there is none."""
    code = (language or "en").lower().split("-")[0].split("_")[0]
    return importlib.import_module(f"{__name__}.{code if code in LANGUAGES else 'en'}")


def docs_url(base: str | None = None) -> str:
    """The base of rule pages: ``base``, else ``RESOLINT_DOCS_URL``, else :data:`DEFAULT_DOCS_URL`."""
    return (base or os.environ.get("RESOLINT_DOCS_URL") or DEFAULT_DOCS_URL).rstrip("/")


def rule_url(code: str, base: str | None = None) -> str:
    """The page of rule ``code``."""
    return f"{docs_url(base)}/{code}.md"


def summary(code: str, fallback: str, language: str | None) -> str:
    """The convention rule ``code`` enforces, in ``language`` (``fallback``: its English summary)."""
    return getattr(catalogue(language), "SUMMARIES", {}).get(code) or fallback


def text(key: str, language: str | None, **values: object) -> str:
    """The sentence ``key`` of the catalogue of ``language``, filled with ``values``."""
    frame = catalogue(language).FRAME
    return frame.get(key, catalogue("en").FRAME[key]).format(**values)
