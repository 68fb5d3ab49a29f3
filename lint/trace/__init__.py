"""Agreed language: a library of adopted resolutions, and every paragraph of a draft traced to it.

``resolint index`` builds the library (:mod:`.library`), ``resolint trace`` tells for each
preambular and operative paragraph of a draft whether it is agreed, modified or new
language (:mod:`.trace`), with its sources, in text, JSON or HTML (:mod:`.report`), as Word
comments (:mod:`.annotate`), or as a clause's history across the library (:mod:`.history`).
The similarity is defined in :mod:`.similarity` and ``docs/trace.md``.
"""
