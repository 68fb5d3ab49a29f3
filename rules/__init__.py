"""Built-in rules, one module per topic; each module holds the rules of one family.

Codes: S structure, N numbering, F footnotes, D document symbols, C citations and dates,
P punctuation and typography, T terminology, X cross-references, R resolint itself.
Every :class:`~resolint.rule.Rule` subclass with a code in a module of this package is
registered, through the same ``resolint_rules`` hook that third-party plugins use.
"""
from __future__ import annotations

import importlib
import inspect
import pkgutil

from typing import TYPE_CHECKING

from resolint.hookspecs import hookimpl
from resolint.rule import Rule

if TYPE_CHECKING:
    from resolint.config import Config
    from resolint.findings import Finding
    from resolint.model import Resolution


def builtin_rule_classes() -> list[type[Rule]]:
    """Every rule class defined in this package's modules, in code order."""
    found: dict[str, type[Rule]] = {}
    for info in pkgutil.iter_modules(__path__):
        if info.name.startswith("_"):
            continue
        module = importlib.import_module(f"{__name__}.{info.name}")
        for _name, obj in inspect.getmembers(module, inspect.isclass):
            if issubclass(obj, Rule) and obj.code and obj.__module__ == module.__name__:
                found[obj.code] = obj
    return [found[c] for c in sorted(found)]


@hookimpl
def resolint_rules() -> list[Rule]:
    return [cls() for cls in builtin_rule_classes()]


@hookimpl
def resolint_filter_finding(finding: "Finding", document: "Resolution", config: "Config") -> bool | None:
    """Drop a finding of a rule that does not apply to the text's organ and year
    (``not-applicable`` in ``rules/data/organs.toml``: the rules of form before 1952)."""
    from ._helpers import convention

    return False if finding.code in convention(document, "not-applicable") else None
