"""resolint: a drafting linter and redline tool for United Nations resolutions.

Importing the package does no work: the command line and the engine import what they
need when they need it.
"""
from __future__ import annotations

__version__ = "0.1.0"
__all__ = ["__version__"]
