"""Errors that end a run with a clear one-line message (exit code 2)."""
from __future__ import annotations


class ResolintError(Exception):
    """Base of the errors resolint reports as one line and exit code 2."""


class InputError(ResolintError):
    """An input file cannot be read as a Word document."""


class ConfigError(ResolintError):
    """A configuration file or command-line option is invalid."""


class UsageError(ResolintError):
    """The command was called with wrong arguments."""
