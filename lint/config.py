"""Configuration: ``[tool.resolint]`` in pyproject.toml or a ``resolint.toml``, nearest wins
(or the file ``--config PATH`` names).

Keys: ``select``, ``extend-select``, ``ignore``, ``per-file-ignores``, ``language``, ``organ``
(``GA``, ``SC``, ``ECOSOC``, ``HRC``, ``OTHER``: whose conventions apply), ``message-language``
(``en`` or ``fr``: the language of findings and Word comments, the draft's by default), ``limits``,
``regex-timeout``, ``severity`` (per-rule severity), ``fail-on`` (the exit code's threshold),
``extend`` (another file read first) and one table per rule, named by the rule's kebab-case
name, for its options::

    [tool.resolint]
    select = ["ALL"]
    ignore = ["P105"]
    language = "fr"
    per-file-ignores = { "drafts/old-*.docx" = ["N"] }
    fail-on = "warning"
    extend = "../base.toml"

    [tool.resolint.severity]
    S107 = "info"

    [tool.resolint.footnote-repeated]
    policy = "reuse"

Every name is checked against the plugins when a file is checked (:func:`check_against`):
a selector matching no rule, an unknown option, a value the option does not take or a
language without a pack is a :class:`~resolint.errors.ConfigError` (one line, exit 2).
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


@dataclass(frozen=True)
class Selection:
    """One layer of rule selection: ``select`` (None: keep what earlier layers chose), then
    ``extend-select`` added, then ``ignore`` removed. Later layers win, as in ruff: the
    command line's ``--select`` overrides the configuration's ``select`` and ``ignore``."""

    select: tuple[str, ...] | None = None
    extend_select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()

    def selectors(self) -> list[str]:
        return [*(self.select or ()), *self.extend_select, *self.ignore]


SEVERITIES = ("error", "warning", "info")


@dataclass
class Config:
    """The settings for one file: from its nearest config file, then the command line."""

    select: list[str] = field(default_factory=lambda: ["ALL"])
    ignore: list[str] = field(default_factory=list)
    per_file_ignores: dict[str, list[str]] = field(default_factory=dict)
    language: str | None = None
    #: The language of messages and Word comments ("en", "fr"); None: the draft's language.
    message_language: str | None = None
    #: The organ whose conventions apply, overriding what the formula or masthead says.
    organ: str | None = None
    rule_options: dict[str, dict[str, Any]] = field(default_factory=dict)
    limits: Limits = DEFAULT_LIMITS
    regex_timeout: float = 1.0
    source: Path | None = None
    manager: Any = None
    #: Selection layers after ``select``/``ignore`` (a config that ``extend``s another, the
    #: command line), applied in order.
    layers: list[Selection] = field(default_factory=list)
    #: ``[severity]``: selector (code, prefix or name) -> "error", "warning" or "info".
    severity: dict[str, str] = field(default_factory=dict)
    #: ``fail-on``: the lowest severity that makes the exit code 1 (None: the command line's default).
    fail_on: str | None = None
    #: the config files read, the extended ones first
    sources: tuple[Path, ...] = ()

    @property
    def root(self) -> Path:
        return self.source.parent if self.source else Path.cwd()

    def ignored_for(self, path: Path) -> list[str]:
        """Codes ignored for ``path`` by ``per-file-ignores`` (globs relative to the config;
        those of an extended config are stored as absolute globs)."""
        out: list[str] = []
        if not self.per_file_ignores:
            return out
        resolved = path.resolve()
        try:
            rel = resolved.relative_to(self.root.resolve()).as_posix()
        except ValueError:
            rel = path.as_posix()
        for pattern, codes in self.per_file_ignores.items():
            if (fnmatch.fnmatch(rel, pattern) or fnmatch.fnmatch(path.name, pattern)
                    or (pattern.startswith("/") and fnmatch.fnmatch(resolved.as_posix(), pattern))):
                out.extend(codes)
        return out

    def all_layers(self) -> list[Selection]:
        return [Selection(tuple(self.select), (), tuple(self.ignore)), *self.layers]

    def selected_rules(self, rules: "Iterable[Rule]", path: Path | None = None) -> list["Rule"]:
        """The rules of ``rules`` that run on ``path`` (its per-file ignores looked up once)."""
        extra = self.ignored_for(path) if path is not None else []
        layers = self.all_layers()
        out = []
        for rule in rules:
            on = True
            for layer in layers:
                if layer.select is not None:
                    on = selector_matches(list(layer.select), rule)
                if layer.extend_select and selector_matches(list(layer.extend_select), rule):
                    on = True
                if layer.ignore and selector_matches(list(layer.ignore), rule):
                    on = False
            if on and not (extra and selector_matches(extra, rule)):
                out.append(rule)
        return out

    def options_for(self, rule: "Rule") -> dict[str, Any]:
        opts = dict(rule.options)
        opts.update(self.rule_options.get(rule.name, {}))
        return opts

    def severity_for(self, rule_code: str, rule_name: str) -> str | None:
        """The severity ``[severity]`` sets for a rule: the most specific selector wins (the
        rule's code or name, then the longest prefix)."""
        best: tuple[int, str] | None = None
        for sel, level in self.severity.items():
            s = sel.strip()
            if s == rule_name or s.upper() == rule_code:
                rank = 1000
            elif s.upper() == "ALL":
                rank = 0
            elif rule_code.startswith(s.upper()):
                rank = len(s)
            else:
                continue
            if best is None or rank > best[0]:
                best = (rank, level)
        return best[1] if best else None


def selector_matches(selectors: list[str], rule: "Rule") -> bool:
    """True if any selector is ``ALL``, a prefix of the rule's code, or the rule's name."""
    for sel in selectors:
        s = sel.strip()
        if not s:
            continue
        if s.upper() == "ALL" or rule.code.startswith(s.upper()) or s == rule.name:
            return True
    return False


#: Codes and names of the engine's own findings (not rules, but selectable).
ENGINE_CODES = {"R001": "rule-crashed"}


def unknown_selector(selector: str, rules: "Iterable[Rule]", blocked: tuple[str, ...] = ()) -> str | None:
    """The error line for a selector that matches no known rule (None if it matches one)."""
    s = selector.strip()
    rules = list(rules)
    if not s or s.upper() == "ALL":
        return None
    known = {**{r.code: r.name for r in rules}, **ENGINE_CODES}
    if any(code.startswith(s.upper()) or s == name for code, name in known.items()):
        return None
    import difflib

    candidates = sorted(set(known) | set(known.values()))
    close = difflib.get_close_matches(s.upper() if s[:1].isalpha() and s[1:].isdigit() else s,
                                      candidates, n=1, cutoff=0.6)
    if not close:
        close = difflib.get_close_matches(s.lower(), [n for n in known.values()], n=1, cutoff=0.6)
    hint = f"; did you mean '{close[0]}'?" if close else ""
    if blocked:
        hint += f" (blocked plugins: {', '.join(blocked)})"
    return f"unknown rule selector '{s}'{hint}"


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        with open(path, "rb") as fh:
            return tomllib.load(fh)
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read configuration ({exc})") from None


def _section(path: Path, data: dict[str, Any]) -> dict[str, Any] | None:
    if path.name == "pyproject.toml":
        return data.get("tool", {}).get("resolint")
    return data.get("tool", {}).get("resolint", data)


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


SETTINGS = ("select", "extend-select", "ignore", "per-file-ignores", "language", "message-language", "organ", "limits",
            "regex-timeout", "severity", "fail-on", "extend")


def _unknown_setting(key: str, where: Path, rule_names: set[str]) -> ConfigError:
    import difflib

    close = difflib.get_close_matches(key, [*SETTINGS, *sorted(rule_names)], n=1)
    hint = f"; did you mean '{close[0]}'?" if close else ""
    return ConfigError(f"{where}: unknown setting '{key}' in [tool.resolint]{hint}")


def load_config_file(path: Path, rule_names: set[str], seen: tuple[Path, ...] = ()) -> Config:
    """The configuration in the file ``path`` (``--config``, ``extend``): a resolint.toml
    (top-level keys or ``[tool.resolint]``) or a pyproject.toml's ``[tool.resolint]``."""
    path = Path(path)
    if not path.is_file():
        raise ConfigError(f"{path}: no such configuration file")
    section = _section(path, _read_toml(path))
    if section is None:
        raise ConfigError(f"{path}: no [tool.resolint] table")
    return parse_config(section, path, rule_names, seen)


def _based_on(base: Config, where: Path) -> Config:
    """A copy of ``base`` for a config at ``where`` that extends it (per-file-ignores kept
    relative to the base's folder, as absolute globs)."""
    pfi = {}
    for pattern, codes in base.per_file_ignores.items():
        pfi[pattern if pattern.startswith("/") else (base.root.resolve() / pattern).as_posix()] = list(codes)
    return replace(base, source=where, per_file_ignores=pfi, layers=list(base.layers),
                   rule_options={k: dict(v) for k, v in base.rule_options.items()},
                   severity=dict(base.severity), sources=(*base.sources, where), select=list(base.select),
                   ignore=list(base.ignore))


def parse_config(section: dict[str, Any], where: Path, rule_names: set[str],
                 seen: tuple[Path, ...] = ()) -> Config:
    """Validate a ``[tool.resolint]`` table into a :class:`Config`."""
    extended = False
    if "extend" in section:
        value = section["extend"]
        if not isinstance(value, str) or not value.strip():
            raise ConfigError(f"{where}: 'extend' must be the path of another configuration file")
        base_path = (where.parent / Path(value).expanduser()).resolve()
        if base_path in seen or base_path == where.resolve():
            raise ConfigError(f"{where}: 'extend' makes a cycle ({base_path})")
        cfg = _based_on(load_config_file(base_path, rule_names, (*seen, where.resolve())), where)
        extended = True
    else:
        cfg = Config(source=where, sources=(where,))
    select: list[str] | None = None
    extend_select: list[str] = []
    ignore: list[str] = []
    for key, value in section.items():
        if key == "extend":
            continue
        if key == "select":
            select = _str_list(value, key, where)
        elif key == "extend-select":
            extend_select = _str_list(value, key, where)
        elif key == "ignore":
            ignore = _str_list(value, key, where)
        elif key == "organ":
            if value not in ORGANS:
                raise ConfigError(f"{where}: 'organ' must be one of {', '.join(ORGANS)}, not {value!r}")
            cfg.organ = value
        elif key == "language":
            if not isinstance(value, str):
                raise ConfigError(f"{where}: 'language' must be a string such as \"fr\"")
            cfg.language = value
        elif key == "message-language":
            from .messages import LANGUAGES

            if value not in LANGUAGES:
                raise ConfigError(f"{where}: 'message-language' must be one of {', '.join(LANGUAGES)}, not {value!r}")
            cfg.message_language = value
        elif key == "per-file-ignores":
            if not isinstance(value, dict):
                raise ConfigError(f"{where}: 'per-file-ignores' must be a table of glob = [codes]")
            cfg.per_file_ignores.update({k: _str_list(v, f"per-file-ignores.{k}", where) for k, v in value.items()})
        elif key == "regex-timeout":
            if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 < value < 1e6:
                raise ConfigError(f"{where}: 'regex-timeout' must be a finite positive number of seconds "
                                  f"(below 1000000), got {value!r}")
            cfg.regex_timeout = float(value)
        elif key == "severity":
            if not isinstance(value, dict):
                raise ConfigError(f"{where}: 'severity' must be a table of rule = \"error\", \"warning\" or \"info\"")
            for sel, level in value.items():
                if level not in SEVERITIES:
                    raise ConfigError(f"{where}: severity of '{sel}' must be \"error\", \"warning\" or \"info\", "
                                      f"not {level!r}")
                cfg.severity[sel] = level
        elif key == "fail-on":
            if value not in SEVERITIES:
                raise ConfigError(f"{where}: 'fail-on' must be \"error\", \"warning\" or \"info\", not {value!r}")
            cfg.fail_on = value
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
            cfg.limits = replace(cfg.limits, **{k.replace("-", "_"): v for k, v in value.items()})
        elif key in rule_names:
            if not isinstance(value, dict):
                raise ConfigError(f"{where}: options of rule '{key}' must be a table")
            cfg.rule_options[key] = {**cfg.rule_options.get(key, {}), **value}
        else:
            raise _unknown_setting(key, where, rule_names)
    if extended:
        if select is not None or extend_select or ignore:
            cfg.layers.append(Selection(tuple(select) if select is not None else None, tuple(extend_select),
                                        tuple(ignore)))
    else:
        cfg.select = (select if select is not None else cfg.select) + extend_select
        cfg.ignore = ignore
    return cfg


def _type_name(value: Any) -> str:
    return {bool: "true or false", int: "a whole number", float: "a number", str: "a string"}.get(
        type(value), type(value).__name__)


def check_against(config: Config, manager: Any) -> None:
    """Raise :class:`ConfigError` (one line) for what a config names that the plugins do not
    know: rule selectors, rule options and their values, the language."""
    where = config.source or Path("configuration")
    rules = list(manager.rules.values())
    blocked = tuple(getattr(manager, "blocked", ()))
    selectors = [*config.select, *config.ignore, *(s for layer in config.layers for s in layer.selectors()),
                 *(c for codes in config.per_file_ignores.values() for c in codes), *config.severity]
    for sel in selectors:
        problem = unknown_selector(sel, rules, blocked)
        if problem:
            raise ConfigError(f"{where}: {problem}")
    by_name = {r.name: r for r in rules}
    for name, opts in config.rule_options.items():
        rule = by_name.get(name)
        if rule is None:
            continue
        for key, value in opts.items():
            if key not in rule.options:
                import difflib

                close = difflib.get_close_matches(key, list(rule.options), n=1)
                known = (f"; did you mean '{close[0]}'?" if close else
                         f" (known: {', '.join(rule.options)})" if rule.options else " (it has no options)")
                raise ConfigError(f"{where}: unknown option '{key}' for rule {rule.code} ({name}){known}")
            default = rule.options[key]
            choices = getattr(rule, "option_choices", {}).get(key)
            if choices is not None:
                if value not in choices:
                    raise ConfigError(f"{where}: invalid value {value!r} for option '{key}' of rule {rule.code} "
                                      f"({name}): use {', '.join(repr(c) for c in choices)}")
            elif default is not None and not (
                    type(value) is type(default)
                    or (isinstance(default, float) and type(value) is int)):
                raise ConfigError(f"{where}: invalid value {value!r} for option '{key}' of rule {rule.code} "
                                  f"({name}): expected {_type_name(default)}")
    if config.language is not None:
        packs = manager.languages()
        if config.language not in packs:
            raise ConfigError(f"{where}: no language pack for {config.language!r} "
                              f"(installed: {', '.join(sorted(packs)) or 'none'})")


_CACHE: dict[tuple[Path, frozenset[str]], tuple[tuple[int, ...], Config]] = {}


def _mtimes(paths: "Iterable[Path]") -> tuple[int, ...]:
    out = []
    for p in paths:
        try:
            out.append(p.stat().st_mtime_ns)
        except OSError:
            out.append(-1)
    return tuple(out)


def _cached(where: Path, rule_names: set[str], parse: Any) -> Config:
    key = (where, frozenset(rule_names))
    hit = _CACHE.get(key)
    if hit is not None and hit[0] == _mtimes(hit[1].sources or (where,)):
        return hit[1]
    config = parse()
    _CACHE[key] = (_mtimes(config.sources or (where,)), config)
    return config


def config_for(path: Path, rule_names: set[str]) -> Config:
    """The configuration that applies to ``path`` (cached per config file)."""
    found = find_config_file(path)
    if found is None:
        return Config()
    where, section = found
    return _cached(where, rule_names, lambda: parse_config(section, where, rule_names))


def config_from(path: Path, rule_names: set[str]) -> Config:
    """The configuration of ``--config PATH`` (cached like :func:`config_for`)."""
    where = Path(path).resolve()
    return _cached(where, rule_names, lambda: load_config_file(where, rule_names))
