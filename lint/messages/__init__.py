"""Message catalogues for what a drafter reads in Word: the comments of ``--annotate`` and the
notes on tracked fixes, in the draft's language (English and French; other languages fall
back to English). Rule codes and names stay as they are; the rule's description, the
"how to fix" line and the closing link are the catalogue's.

Each catalogue is a module of this package (``en``, ``fr``) with ``FRAME`` (the sentences
around a finding), ``SUMMARIES`` (rule code -> the convention in one sentence; a rule
missing from it falls back to its English ``summary``) and ``MESSAGES`` (key such as
``"S101.not"`` -> the template of a rule's message, with named placeholders; keys under
``word.``, such as ``"word.comma"``, are the words rules put into messages). Rules say a
message with :meth:`resolint.rule.Context.say`, in the message language: the draft's, unless
``message-language`` or ``--message-language`` says otherwise. Plugins add entries with
:func:`register`. The link goes to the rule's page,
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


#: Entries added by plugins: language -> key -> template (see :func:`register`).
_EXTRA: dict[str, dict[str, str]] = {}
#: Templates looked up, by (key, language): every finding says one (cleared by :func:`register`).
_FOUND: dict[tuple[str, str | None], str] = {}


def register(language: str, entries: dict[str, str]) -> None:
    """Add ``entries`` (key -> template) to the messages of ``language`` ("en" or "fr"); a
    plugin calls it once, at import or in ``resolint_configure``. English entries are the
    fallback of every language; French ones get French typography (no-break spaces inside
    « » and before ; : ! ?, as in the catalogue)."""
    if language not in LANGUAGES:
        raise ValueError(f"no message catalogue for {language!r} (known: {', '.join(LANGUAGES)})")
    typography = getattr(catalogue(language), "typography", None)
    _EXTRA.setdefault(language, {}).update(typography(entries) if typography else entries)
    _FOUND.clear()


class Said(str):
    """A message of the catalogues: its text, with the key and values it was made from, so
    that it can be said again in English (:func:`english`)."""

    key: str
    values: dict[str, object]

    def __new__(cls, text: str, key: str, values: dict[str, object]) -> "Said":
        said = super().__new__(cls, text)
        said.key, said.values = key, values
        return said

    def __reduce__(self) -> tuple[object, ...]:
        return (Said, (str(self), self.key, self.values))


def english(text: str) -> str:
    """``text`` in English if it is a message of the catalogues (its values too), else as it is."""
    if not isinstance(text, Said):
        return str(text)
    values = {k: english(v) if isinstance(v, Said) else v for k, v in text.values.items()}
    return template(text.key, "en").format(**values)


def template(key: str, language: str | None, /) -> str:
    """The template of message ``key`` in ``language``, else in English (KeyError if neither has it)."""
    found = _FOUND.get((key, language))
    if found is not None:
        return found
    lang = catalogue(language).__name__.rsplit(".", 1)[1]
    for code in (lang, "en"):
        found = _EXTRA.get(code, {}).get(key) or getattr(catalogue(code), "MESSAGES", {}).get(key)
        if found is not None:
            _FOUND[(key, language)] = found
            return found
    raise KeyError(f"no message {key!r} in the catalogues")


def message(key: str, language: str | None, /, **values: object) -> Said:
    """Message ``key`` in ``language`` (English if that catalogue lacks it), filled with ``values``."""
    return Said(template(key, language).format(**values), key, values)


def ordinal(n: int, language: str | None) -> str:
    """``n`` as an ordinal in figures in ``language``: "73rd", « 73e »."""
    return catalogue(language).ordinal(n)


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
