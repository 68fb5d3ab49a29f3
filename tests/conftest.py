"""Shared test configuration: markers and fixtures that build real .docx files."""
from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "libreoffice: needs LibreOffice (soffice); never skipped when CI is set")
    config.addinivalue_line("markers", "slow: takes more than a few seconds")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if shutil.which("soffice"):
        return
    if os.environ.get("CI"):
        return  # in CI the tests run and fail loudly if LibreOffice is missing
    skip = pytest.mark.skip(reason="LibreOffice (soffice) is not installed")
    for item in items:
        if "libreoffice" in item.keywords:
            item.add_marker(skip)


@pytest.fixture(autouse=True)
def _own_cache(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """Each test its own cache of unchanged drafts (``check`` caches by default): no test reads
    what another one stored, and nothing is written to the user's cache folder."""
    monkeypatch.setenv("RESOLINT_CACHE_DIR", str(tmp_path_factory.mktemp("cache")))


@pytest.fixture
def draft(tmp_path: Path):
    """Write a draft in the compact notation of :mod:`resolint.testing.draft`; returns its path."""
    from resolint.testing.draft import write_draft

    counter = {"n": 0}

    def make(text: str, language: str = "en", name: str | None = None) -> Path:
        counter["n"] += 1
        path = tmp_path / (name or f"draft{counter['n']}.docx")
        write_draft(path, text, language)
        return path

    return make
