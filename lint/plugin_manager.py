"""The plugin manager: built-in plugins, entry-point plugins and ``-p no:NAME`` blocking."""
from __future__ import annotations

import importlib
import os
import re
import sys
from functools import cached_property
from typing import TYPE_CHECKING, Any

import pluggy

from . import hookspecs
from .errors import ConfigError

if TYPE_CHECKING:
    from .language import LanguagePack
    from .rule import Rule

#: Built-in plugins: name -> module. Registered like external ones, in this order.
BUILTIN_PLUGINS: dict[str, str] = {
    "docx": "resolint.plugins.docx_loader",
    "formats": "resolint.plugins.formats",
    "en": "resolint.plugins.lang_en",
    "fr": "resolint.plugins.lang_fr",
    "rules": "resolint.rules",
    "suppressions": "resolint.plugins.suppressions",
}
ENTRY_POINT_GROUP = "resolint"


#: A rule code: capital letters then digits ("P101", "EX101"), as ``--select`` prefixes need.
RULE_CODE = re.compile(r"[A-Z]{1,4}[0-9]{1,4}")
#: A rule name: kebab-case ("stacked-punctuation").
RULE_NAME = re.compile(r"[a-z][a-z0-9]*(?:-[a-z0-9]+)*")


def check_rule_identity(rule: "Rule") -> None:
    """Refuse a rule whose code or name cannot be selected, ignored or explained (ConfigError)."""
    where = f"plugin {rule.plugin!r}, rule {type(rule).__name__}"
    code, name = getattr(rule, "code", None), getattr(rule, "name", None)
    if not isinstance(code, str) or not RULE_CODE.fullmatch(code):
        raise ConfigError(f"{where}: code {code!r} is not a rule code (capital letters then digits, "
                          "such as 'EX101')")
    if not isinstance(name, str) or not RULE_NAME.fullmatch(name):
        raise ConfigError(f"{where}: name {name!r} is not a rule name (lower-case words joined by "
                          "hyphens, such as 'no-exclamation')")


class Manager:
    """Wraps a pluggy PluginManager with resolint's registries (rules, languages, formats)."""

    def __init__(self, blocked: tuple[str, ...] = ()) -> None:
        pm = pluggy.PluginManager("resolint")
        pm.add_hookspecs(hookspecs)
        for name in blocked:
            pm.set_blocked(name)
        for name, module in BUILTIN_PLUGINS.items():
            if pm.is_blocked(name):
                continue
            pm.register(importlib.import_module(module), name=name)
        #: (plugin, distribution) of every plugin loaded from an entry point.
        self.distinfo: list[tuple[Any, Any]] = []
        #: every plugin name that ``-p no:NAME`` may block: built-in and installed, blocked or not
        self.known_plugins: set[str] = set(BUILTIN_PLUGINS)
        self._load_entry_points(pm, ENTRY_POINT_GROUP)
        self.pm = pm
        self.hook = pm.hook
        self.blocked = blocked

    def _load_entry_points(self, pm: pluggy.PluginManager, group: str) -> None:
        """Register the plugins of every installed distribution's ``group`` entry points.

        What ``pm.load_setuptools_entrypoints(group)`` does, without its cost on every run:
        it imports ``importlib.metadata`` and parses the metadata of every installed
        distribution. Here the ``entry_points.txt`` files on ``sys.path`` are read first, and
        ``importlib.metadata`` is used only for the distributions that name the group (none,
        usually). Where that cheap look is not enough (a zip or egg on ``sys.path``, an import
        hook that provides distributions) pluggy's own scan runs.
        """
        found = _entry_point_folders(group)
        if found is None:
            from importlib.metadata import entry_points

            self.known_plugins.update(ep.name for ep in entry_points(group=group))
            pm.load_setuptools_entrypoints(group)
            self.distinfo = [(p, d) for p, d in pm.list_plugin_distinfo()]
            return
        if not found:
            return
        from importlib.metadata import PathDistribution
        from pathlib import Path

        for folder in found:
            dist = PathDistribution(Path(folder))
            for ep in dist.entry_points:
                if ep.group == group:
                    self.known_plugins.add(ep.name)
                # Like pluggy: the first distribution on sys.path wins a name; blocked names are skipped.
                if ep.group != group or pm.get_plugin(ep.name) or pm.is_blocked(ep.name):
                    continue
                plugin = ep.load()
                pm.register(plugin, name=ep.name)
                self.distinfo.append((plugin, dist))

    def plugins(self) -> list[tuple[str, str]]:
        """(name, where it comes from) for every registered plugin."""
        dists = {id(p): f"{d.metadata['name']} {d.version}" for p, d in self.distinfo}
        out = []
        for name, plugin in self.pm.list_name_plugin():
            if plugin is None:
                continue
            origin = dists.get(id(plugin)) or ("built-in" if name in BUILTIN_PLUGINS else "registered")
            out.append((name, origin))
        return out

    @cached_property
    def rules(self) -> "dict[str, Rule]":
        """All registered rules by code; a duplicate code, or a code or name not of the
        required form (:func:`check_rule_identity`), is a configuration error."""
        out: dict[str, Rule] = {}
        names: dict[str, str] = {}
        for impl in self.hook.resolint_rules.get_hookimpls():
            for rule in impl.function() or ():
                rule.plugin = impl.plugin_name  # which plugin registered it, for reports
                check_rule_identity(rule)
                if rule.code in out:
                    raise ConfigError(f"two rules share the code {rule.code}: {out[rule.code].name}, {rule.name}")
                if rule.name in names:
                    raise ConfigError(f"two rules share the name {rule.name}")
                out[rule.code] = rule
                names[rule.name] = rule.code
        return dict(sorted(out.items()))

    def languages(self) -> "dict[str, LanguagePack]":
        return self._languages

    @cached_property
    def _languages(self) -> "dict[str, LanguagePack]":
        out: dict[str, LanguagePack] = {}
        for packs in self.hook.resolint_languages():
            for pack in packs or ():
                out.setdefault(pack.code, pack)
        return out

    @cached_property
    def formatters(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for found in reversed(self.hook.resolint_formatters()):
            out.update(found or {})
        return out

    def rule(self, key: str) -> "Rule | None":
        """A rule by code or name (case-insensitive code)."""
        key_up = key.upper()
        if key_up in self.rules:
            return self.rules[key_up]
        for rule in self.rules.values():
            if rule.name == key:
                return rule
        return None


def _entry_point_folders(group: str) -> list[str] | None:
    """The metadata folders (``*.dist-info``, ``*.egg-info``) on ``sys.path`` whose
    ``entry_points.txt`` has a ``[group]`` section, in ``importlib.metadata``'s order; None
    when distributions may come from elsewhere (then the full scan must run)."""
    from importlib.machinery import PathFinder

    if any(getattr(f, "find_distributions", None) is not None and f is not PathFinder for f in sys.meta_path):
        return None
    header = f"[{group}]"
    out = []
    for entry in sys.path:
        folder = entry or "."
        if folder.endswith(".egg"):
            return None
        try:
            with os.scandir(folder) as it:
                names = [e.name for e in it if e.name.lower().endswith((".dist-info", ".egg-info"))]
        except NotADirectoryError:
            return None  # a zip archive on sys.path
        except OSError:
            continue
        for name in names:
            path = os.path.join(folder, name)
            try:
                with open(os.path.join(path, "entry_points.txt"), encoding="utf-8") as fh:
                    text = fh.read()
            except OSError:
                continue
            if header in text:
                out.append(path)
    return out


_MANAGERS: dict[tuple[str, ...], Manager] = {}


def get_manager(blocked: tuple[str, ...] = ()) -> Manager:
    """The (cached) manager for a set of blocked plugin names."""
    key = tuple(sorted(blocked))
    if key not in _MANAGERS:
        _MANAGERS[key] = Manager(key)
    return _MANAGERS[key]
