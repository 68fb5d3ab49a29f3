"""English: the language pack (vocabulary in ``languages/en.toml``)."""
from __future__ import annotations

from pathlib import Path

from resolint.hookspecs import hookimpl
from resolint.language import LanguagePack


@hookimpl
def resolint_languages() -> list[LanguagePack]:
    return [LanguagePack("en", "English", Path(__file__).with_name("languages") / "en.toml")]
