"""Every package of the source tree is in the distribution: an installed resolint (not an
editable one: pre-commit, pipx, a wheel) holds every module the editable one imports."""
from __future__ import annotations

import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_every_package_directory_is_listed() -> None:
    setup = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]
    roots = {Path(folder): name for name, folder in setup["package-dir"].items()}
    found = set()
    for folder, name in roots.items():
        for init in sorted((ROOT / folder).rglob("__init__.py")):
            rel = init.parent.relative_to(ROOT / folder)
            found.add(".".join([name, *rel.parts]))
    assert found == set(setup["packages"])
