"""The built-in .docx loader. It tries last, so plugins may load other formats first."""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from resolint.hookspecs import hookimpl

if TYPE_CHECKING:
    from resolint.config import Config
    from resolint.model import Resolution


@hookimpl(trylast=True)
def resolint_load_document(path: Path, config: "Config") -> "Resolution":
    from resolint.loader import load_document

    packs = config.manager.languages() if config.manager is not None else None
    return load_document(path, language=config.language, limits=config.limits, packs=packs)
