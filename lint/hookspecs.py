"""Hook specifications: how plugins extend resolint.

Built-in rules, formatters, languages and the .docx loader register through these same
hooks as third-party plugins, which are found through the entry-point group ``resolint``.
Hooks are grouped by the phase in which they are called.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

import pluggy

if TYPE_CHECKING:
    import argparse
    from pathlib import Path

    from .config import Config
    from .findings import Finding
    from .language import LanguagePack
    from .model import Resolution
    from .rule import Rule

hookspec = pluggy.HookspecMarker("resolint")
hookimpl = pluggy.HookimplMarker("resolint")


# -- Initialisation: once per run, before any file is read ------------------------------------
@hookspec
def resolint_addoption(parser: "argparse.ArgumentParser") -> None:
    """Add command-line options to ``resolint check``.

    Called once while the command line is being built, before it is parsed.
    """


@hookspec
def resolint_configure(config: "Config") -> None:
    """See the configuration of the run (from files and the command line).

    Called once after the command line is parsed and before the first file is loaded.
    """


# -- Registration: asked once, the answers are cached -------------------------------------------
@hookspec
def resolint_rules() -> "list[Rule]":
    """Return rule instances to register.

    Called once when the rule registry is first needed (``check``, ``rules``, ``explain``).
    """


@hookspec
def resolint_languages() -> "list[LanguagePack]":
    """Return language packs (vocabulary and conventions of one language each).

    Called once when the first document is loaded or ``rules`` lists languages.
    """


@hookspec
def resolint_formatters() -> "dict[str, Any]":
    """Return output formatters by name (``{"text": TextFormatter()}``).

    A formatter has ``description`` and ``format(results) -> str``, where ``results`` is a
    list of :class:`~resolint.engine.FileResult`. Called once when the output is written.
    """


# -- Loading: once per input file ------------------------------------------------------------------
@hookspec(firstresult=True)
def resolint_load_document(path: "Path", config: "Config") -> "Resolution | None":
    """Load ``path`` into a :class:`~resolint.model.Resolution`, or return None to pass.

    Called once per input file; the first non-None answer wins. The built-in .docx loader
    is registered with ``trylast`` so that plugins can load other formats first.
    """


# -- Reporting: once per finding and once per run ------------------------------------------------
@hookspec
def resolint_filter_finding(finding: "Finding", document: "Resolution", config: "Config") -> "bool | None":
    """Return False to drop a finding (suppressions, baselines); None or True keeps it.

    Called for every finding after all rules have run on a document.
    """


@hookspec
def resolint_sessionfinish(results: "list[Any]", config: "Config") -> None:
    """See every file's result once the run is over, before the process exits."""
