"""A cache of ``check`` results for drafts that did not change (pre-commit on large repositories).

One entry per draft, keyed by everything its findings depend on:

- the SHA-256 of the file's bytes (not its name nor its date: a copy or a checkout hits);
- the resolint version and the plugin set: each plugin's name and origin, and the size and
  modification time of the files its rules and plugins are defined in, with every file of
  their packages (data files and language packs included): a plugin or a word list edited
  between two runs misses;
- the file's effective configuration: the rules selected for it, their options, language,
  organ, severity overrides, ``fail-on`` and limits (``--select``, ``--config`` included).

Entries are JSON files under the cache folder: ``RESOLINT_CACHE_DIR`` if set, else
``$XDG_CACHE_HOME/resolint`` (``~/.cache/resolint``). Each is written atomically
(:func:`resolint.atomic.write_atomic`), so parallel runs never read half an entry; an
unreadable entry is a miss. ``check --no-cache`` neither reads nor writes it. Only plain
checks use it: ``--fix``, ``--annotate`` and ``--diff`` always read the draft.
"""
from __future__ import annotations

import hashlib
import json
import os
import sys
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .engine import FileResult
from .findings import Edit, Finding, Fix, FixSafety, Severity

if TYPE_CHECKING:
    from .batch import Options
    from .plugin_manager import Manager

#: Bumped when the layout of an entry changes.
FORMAT = 1


def cache_dir() -> Path:
    """Where entries go: ``RESOLINT_CACHE_DIR``, else the user's cache folder."""
    env = os.environ.get("RESOLINT_CACHE_DIR")
    if env:
        return Path(env)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "resolint"


def _stamp(path: str | None) -> list[Any]:
    if not path:
        return []
    try:
        st = os.stat(path)
    except OSError:
        return [path]
    return [path, st.st_size, st.st_mtime_ns]


def _with_package_files(files: set[str]) -> set[str]:
    """``files`` and every file of the packages they belong to (data files of rules and language
    packs included); a module outside a package is its own file only."""
    out = set(files)
    for folder in {os.path.dirname(f) for f in files if f}:
        if not os.path.isfile(os.path.join(folder, "__init__.py")):
            continue
        for root, dirs, names in os.walk(folder):
            dirs[:] = [d for d in dirs if d != "__pycache__" and not d.startswith(".")]
            out.update(os.path.join(root, n) for n in names if not n.endswith((".pyc", ".pyo")))
    return out


def plugin_fingerprint(manager: "Manager") -> str:
    """The version, the plugins and the files their rules come from, as one hash."""
    from . import __version__

    files: set[str] = set()
    for _, plugin in manager.pm.list_name_plugin():
        files.add(getattr(plugin, "__file__", None) or getattr(sys.modules.get(type(plugin).__module__), "__file__", "") or "")
    for rule in manager.rules.values():
        module = sys.modules.get(type(rule).__module__)
        files.add(getattr(module, "__file__", "") or "")
    data = [FORMAT, __version__, manager.plugins(), sorted(manager.blocked),
            [_stamp(f) for f in sorted(_with_package_files(files)) if f]]
    return hashlib.sha256(json.dumps(data, default=str).encode()).hexdigest()


def config_fingerprint(path: Path, config: Any, manager: "Manager") -> str:
    """What of ``config`` decides the findings of ``path``, as one hash."""
    selected = [r.code for r in config.selected_rules(manager.rules.values(), path)]
    data = [selected, config.language, config.message_language, config.organ, config.rule_options, config.severity, config.fail_on,
            repr(config.limits), config.regex_timeout]
    return hashlib.sha256(json.dumps(data, default=repr, sort_keys=True).encode()).hexdigest()


def _identity(st: os.stat_result) -> tuple[int, ...]:
    return (st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns)


def _finding_to_json(f: Finding) -> dict[str, Any]:
    data = f.to_dict()
    data.pop("path")
    data["extra"] = f.extra
    return data


def _finding_from_json(data: dict[str, Any], path: str) -> Finding:
    fix = None
    if data.get("fix"):
        fx = data["fix"]
        fix = Fix(tuple(Edit(**e) for e in fx["edits"]), FixSafety(fx["safety"]), fx["description"])
    return Finding(data["code"], data["name"], Severity(data["severity"]), data["label"], data["paragraph"],
                   data["start"], data["end"], data["message"], path=path, fix=fix, extra=dict(data.get("extra") or {}))


class Cache:
    """Entries for one run: :meth:`lookup` before checking, :meth:`store` after."""

    def __init__(self, manager: "Manager", options: "Options", folder: Path | None = None) -> None:
        self.manager = manager
        self.options = options
        self.folder = folder if folder is not None else cache_dir()
        self.plugins = plugin_fingerprint(manager)
        self.hits = 0
        self._keys: dict[str, str] = {}
        self._stats: dict[str, tuple[int, ...]] = {}

    def key(self, path: Path) -> str | None:
        """The entry name for ``path`` as it is now (None: unreadable, never cached)."""
        import stat

        from .batch import file_config

        try:
            st = os.stat(path)
            if not stat.S_ISREG(st.st_mode):  # a pipe, a device: never read twice (nor hashed)
                return None
            with open(path, "rb") as fh:
                digest = hashlib.file_digest(fh, "sha256").hexdigest()
            config = file_config(path, self.manager, self.options)
        except Exception:  # noqa: BLE001 - the check itself reports what is wrong with the file
            return None
        key = hashlib.sha256(f"{digest}:{self.plugins}:{config_fingerprint(path, config, self.manager)}"
                             .encode()).hexdigest()
        self._keys[str(path)] = key
        self._stats[str(path)] = _identity(st)
        return key

    def _entry(self, key: str) -> Path:
        return self.folder / key[:2] / f"{key}.json"

    def lookup(self, path: Path) -> FileResult | None:
        """The cached result of ``path``, or None."""
        key = self.key(path)
        if key is None:
            return None
        try:
            data = json.loads(self._entry(key).read_text(encoding="utf-8"))
            result = FileResult(str(path), fail_on=data["fail_on"], cut=data["cut"], stopped=data["stopped"],
                                findings=[_finding_from_json(f, str(path)) for f in data["findings"]])
        except (OSError, ValueError, KeyError, TypeError):
            return None
        self.hits += 1
        return result

    def store(self, result: FileResult) -> None:
        """Keep ``result`` (a plain check that did not fail) for the next run; never raises."""
        from .atomic import write_atomic

        key = self._keys.get(result.path)
        if key is None or result.error is not None:
            return
        try:
            if _identity(os.stat(result.path)) != self._stats.get(result.path):
                return  # the draft changed while it was checked: the result may be of another version
        except OSError:
            return
        data = {"format": FORMAT, "fail_on": result.fail_on, "cut": result.cut, "stopped": result.stopped,
                "findings": [_finding_to_json(f) for f in result.findings]}
        try:
            text = json.dumps(data, ensure_ascii=False)
        except (TypeError, ValueError):
            return  # a plugin's extra that is not plain data: not cached
        entry = self._entry(key)
        try:
            entry.parent.mkdir(parents=True, exist_ok=True)
            write_atomic(entry, text.encode("utf-8", "surrogateescape"))
        except OSError:
            pass


def check_cached(files: list[Path], cache: Cache, check: Any) -> list[FileResult]:
    """Results of ``files`` in order: cached ones as stored, the others from ``check(misses)``,
    which are then stored."""
    found: list[FileResult | None] = [cache.lookup(p) for p in files]
    misses = [p for p, r in zip(files, found) if r is None]
    fresh = iter(check(misses) if misses else [])
    out = []
    for r in found:
        if r is None:
            r = next(fresh)
            cache.store(replace(r, document=None))
        out.append(r)
    return out
