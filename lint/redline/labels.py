"""Paragraph and footnote labels ("PP 3", "OP 2", "FN 6") from the document model.

Labels come from :func:`resolint.loader.load_document`; a paragraph without a
label, or a document the loader cannot label, gets ``¶N`` (its position) and a
footnote ``FN id``.
"""
from __future__ import annotations


def _load(path):
    try:
        from ..loader import load_document

        return load_document(path)
    except Exception:  # labels are a convenience: never fail the redline for them
        return None


def document_labels(path, count: int) -> tuple[list[str], dict[str, str]]:
    """Body paragraph labels (``count`` of them) and footnote labels by id."""
    doc = _load(path)
    return paragraph_labels(doc, count), footnote_labels(doc)


def paragraph_labels(doc, count: int) -> list[str]:
    """One label per body paragraph (``count`` of them, in document order)."""
    labels = [f"¶{i}" for i in range(1, count + 1)]
    if doc is None:
        return labels
    paras = list(getattr(doc, "paragraphs", []) or [])
    if len(paras) != count:
        return labels
    for i, p in enumerate(paras):
        label = (getattr(p, "label", "") or "").strip()
        if label:
            labels[i] = label
    return labels


def footnote_labels(doc) -> dict[str, str]:
    """Label of each footnote by its id in footnotes.xml."""
    out: dict[str, str] = {}
    if doc is None:
        return out
    for fn in getattr(doc, "footnotes", []) or []:
        fid = str(getattr(fn, "id", ""))
        label = (getattr(fn, "label", "") or "").strip()
        if fid and label:
            out[fid] = label
    return out
