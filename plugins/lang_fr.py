"""French: the language pack (vocabulary in ``languages/fr.toml``)."""
from __future__ import annotations

from pathlib import Path

from resolint.hookspecs import hookimpl
from resolint.language import LanguagePack


@hookimpl
def resolint_languages() -> list[LanguagePack]:
    return [LanguagePack("fr", "French", Path(__file__).with_name("languages") / "fr.toml")]
