"""Pausing Python's cyclic garbage collector around one document's work."""
from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def collection_paused() -> Iterator[None]:
    """Pause the cyclic collector while one document is read and worked on.

    Reading a .docx builds many small objects that live as long as the document and form
    no cycles worth collecting meanwhile; the collector would only walk them again and
    again (a tenth to a third of the run time on long documents). Their garbage goes at
    the next automatic collection after the pause. Nested pauses are harmless.
    """
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()
