"""Configuration: ``[tool.resolint]`` in pyproject.toml or a ``resolint.toml``, nearest wins.

Keys: ``select``, ``ignore``, ``per-file-ignores``, ``language``, ``organ`` (``GA``, ``SC``,
``ECOSOC``, ``HRC``, ``OTHER``: whose conventions apply), ``limits`` and one
table per rule, named by the rule's kebab-case name, for its options::

    [tool.resolint]
    select = ["ALL"]
    ignore = ["P105"]
    language = "fr"
    per-file-ignores = { "drafts/old-*.docx" = ["N"] }

    [tool.resolint.footnote-repeated]
    policy = "reuse"
"""
from __future__ import annotations

import fnmatch
import tomllib
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .errors import ConfigError
from .ooxml.package import DEFAULT_LIMITS, Limits

if TYPE_CHECKING:
    from collections.abc import Iterable

    from .rule import Rule


#: Organ codes a configuration may name (the conventions of each: rules/data/organs.toml).
ORGANS = ("GA", "SC", "ECOSOC", "HRC", "OTHER")


@dataclass
class Config:
    """The settings for one file: from its nearest config file, then the command line."""

    select: list[str] = field(default_factory=lambda: ["ALL"])
    ignore: list[str] = field(default_factory=list)
    per_file_ignores: dict[str, list[str]] = field(default_factory=dict)
    language: str | None = None
    #: The organ whose conventions apply, overriding what the formula or masthead says.
    organ: str | None = None
    rule_options: dict[str, dict[str, Any]] = field(default_factory=dict)
    limits: Limits = DEFAULT_LIMITS
    regex_timeout: float = 1.0
    source: Path | None = None
    manager: Any = None

    @property
    def root(self) -> Path:
        return self.source.parent if self.source else Path.cwd()

    def ignored_for(self, path: Path) -> list[str]:
        """Codes ignored for ``path`` by ``per-file-ignores`` (globs relative to the config)."""
        out: list[str] = []
        if not self.per_file_ignores:
            return out
        try:
            rel = path.resolve().relative_to(self.root.resolve()).as_posix()
        except ValueError:
            rel = path.as_posix()
        for pattern, codes in self.per_file_ignores.items():
            if fnmatch.fnmatch(rel, pattern) or fnmatch.fnmatch(path.name, pattern):
                out.extend(codes)
        return out

    def selected_rules(self, rules: "Iterable[Rule]", path: Path | None = None) -> list["Rule"]:
        """The rules of ``rules`` that run on ``path`` (its per-file ignores looked up once)."""
        ignore = self.ignore + (self.ignored_for(path) if path is not None else [])
        return [r for r in rules if selector_matches(self.select, r) and not selector_matches(ignore, r)]

    def options_for(self, rule: "Rule") -> dict[str, Any]:
        opts = dict(rule.options)
        opts.update(self.rule_options.get(rule.name, {}))
        return opts


def selector_matches(selectors: list[str], rule: "Rule") -> bool:
    """True if any selector is ``ALL``, a prefix of the rule's code, or the rule's name."""
    for sel in selectors:
        s = sel.strip()
        if not s:
            continue
        if s.upper() == "ALL" or rule.code.startswith(s.upper()) or s == rule.name:
            return True
    return False


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        with open(path, "rb") as fh:
            return tomllib.load(fh)
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read configuration ({exc})") from None


def find_config_file(start: Path) -> tuple[Path, dict[str, Any]] | None:
    """The nearest ``resolint.toml`` or pyproject.toml with ``[tool.resolint]`` at or above ``start``."""
    folder = start if start.is_dir() else start.parent
    folder = folder.resolve()
    for d in (folder, *folder.parents):
        candidate = d / "resolint.toml"
        if candidate.is_file():
            data = _read_toml(candidate)
            return candidate, data.get("tool", {}).get("resolint", data)
        candidate = d / "pyproject.toml"
        if candidate.is_file():
            data = _read_toml(candidate)
            section = data.get("tool", {}).get("resolint")
            if section is not None:
                return candidate, section
    return None


def _str_list(value: Any, key: str, where: Path) -> list[str]:
    if isinstance(value, str):
        return [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(f"{where}: '{key}' must be a list of strings")
    return list(value)


def parse_config(section: dict[str, Any], where: Path, rule_names: set[str]) -> Config:
    """Validate a ``[tool.resolint]`` table into a :class:`Config`."""
    cfg = Config(source=where)
    for key, value in section.items():
        if key == "select":
            cfg.select = _str_list(value, key, where)
        elif key == "extend-select":
            cfg.select = cfg.select + _str_list(value, key, where)
        elif key == "ignore":
            cfg.ignore = _str_list(value, key, where)
        elif key == "organ":
            if value not in ORGANS:
                raise ConfigError(f"{where}: 'organ' must be one of {', '.join(ORGANS)}, not {value!r}")
            cfg.organ = value
        elif key == "language":
            if not isinstance(value, str):
                raise ConfigError(f"{where}: 'language' must be a string such as \"fr\"")
            cfg.language = value
        elif key == "per-file-ignores":
            if not isinstance(value, dict):
                raise ConfigError(f"{where}: 'per-file-ignores' must be a table of glob = [codes]")
            cfg.per_file_ignores = {k: _str_list(v, f"per-file-ignores.{k}", where) for k, v in value.items()}
        elif key == "regex-timeout":
            if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 < value < 1e6:
                raise ConfigError(f"{where}: 'regex-timeout' must be a finite positive number of seconds "
                                  f"(below 1000000), got {value!r}")
            cfg.regex_timeout = float(value)
        elif key == "limits":
            if not isinstance(value, dict):
                raise ConfigError(f"{where}: 'limits' must be a table")
            fields = Limits.__dataclass_fields__
            bad = [k for k in value if k.replace("-", "_") not in fields]
            if bad:
                raise ConfigError(f"{where}: unknown limit {bad[0]!r} (known: {', '.join(f.replace('_', '-') for f in fields)})")
            bad_value = [k for k, v in value.items() if isinstance(v, bool) or not isinstance(v, int) or v <= 0]
            if bad_value:
                raise ConfigError(f"{where}: limit {bad_value[0]!r} must be a positive whole number")
            cfg.limits = replace(DEFAULT_LIMITS, **{k.replace("-", "_"): v for k, v in value.items()})
        elif key in rule_names:
            if not isinstance(value, dict):
                raise ConfigError(f"{where}: options of rule '{key}' must be a table")
            cfg.rule_options[key] = dict(value)
        else:
            raise ConfigError(f"{where}: unknown setting '{key}' in [tool.resolint]")
    return cfg


_CACHE: dict[tuple[Path, int], Config] = {}


def config_for(path: Path, rule_names: set[str]) -> Config:
    """The configuration that applies to ``path`` (cached per config file)."""
    found = find_config_file(path)
    if found is None:
        return Config()
    where, section = found
    key = (where, where.stat().st_mtime_ns)
    if key not in _CACHE:
        _CACHE[key] = parse_config(section, where, rule_names)
    return _CACHE[key]
