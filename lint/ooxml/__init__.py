"""Open XML plumbing: reading and writing .docx packages safely.

Nothing outside ``resolint.ooxml``, the loader and the writers touches XML.
"""
