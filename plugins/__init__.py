"""Bundled plugins: the .docx loader, output formats and languages.

Each module here is a plugin registered through the same hooks as third-party ones.
"""
