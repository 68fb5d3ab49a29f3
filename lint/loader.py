"""Loading a .docx into a :class:`~resolint.model.Resolution` (the built-in loader)."""
from __future__ import annotations

from pathlib import Path

from .errors import InputError
from .language import LanguagePack, detect_language, text_language
from .model import Comment, Footnote, FootnoteRef, Kind, Paragraph, Resolution, Run
from .ooxml.ns import REL_COMMENTS, REL_FOOTNOTES, REL_NUMBERING, REL_SETTINGS, REL_STYLES, w, wval
from .ooxml.numbering import Numbering, StyleNumbering, format_number, read_styles, to_int
from .ooxml.package import DEFAULT_LIMITS, Limits, Package
from .ooxml.text import ParagraphReader, RawParagraph, Seg, iter_paragraphs
from . import masthead
from .structure import Classifier, Numbered, auto_style, typed_number


#: Content of the body that the reader cannot read as text: element -> what it is.
UNREAD = {w("altChunk"): "embedded document chunk (w:altChunk: HTML, RTF or another document)",
          w("object"): "embedded object (w:object: OLE)"}


def _unread_content(body) -> dict[str, int]:  # type: ignore[no-untyped-def]
    """How many of each kind of unreadable content the body holds (none: an empty dict)."""
    out: dict[str, int] = {}
    for el in body.iter(*UNREAD):
        what = UNREAD[el.tag]
        out[what] = out.get(what, 0) + 1
    return out


def _default_packs() -> dict[str, LanguagePack]:
    from .plugin_manager import get_manager

    return get_manager().languages()


def _build(raw: RawParagraph, index: int, kind: Kind, fn_numbers: dict[int, str],
           view_segs: list[Seg]) -> Paragraph:
    """Turn segments of the accepted view into a paragraph with runs and footnote refs."""
    runs: list[Run] = []
    refs: list[FootnoteRef] = []
    pos = 0
    parts: list[str] = []
    for seg in view_segs:
        if seg.kind in ("footnote", "endnote"):
            shown = seg.text if seg.custom_mark else fn_numbers.get(id(seg), "")
            if not shown:
                continue
            text, run_kind = shown, "footnote"
            if seg.kind == "footnote":
                refs.append(FootnoteRef(pos, pos + len(text), shown, seg.footnote_id, custom_mark=seg.custom_mark))
        elif seg.kind == "footnote-self":
            continue
        else:
            text, run_kind = seg.text, seg.kind
            if run_kind == "noteref":
                refs.append(FootnoteRef(pos, pos + len(text), text.strip(), None, via_noteref=True))
                refs[-1].target_number = seg.bookmark  # resolved to a number by the loader
        runs.append(Run(text, pos, pos + len(text), seg.italic, seg.bold, seg.superscript, run_kind,
                        seg.inserted, seg.hyperlink, seg.element, 0))
        parts.append(text)
        pos += len(text)
    full = "".join(parts)
    revised = any(s.deleted or s.inserted for s in raw.segs)
    # Without a deleted or inserted piece, the original text is the text itself.
    original = full if not revised else "".join(
        s.text if s.kind not in ("footnote", "endnote") else (s.text or fn_numbers.get(id(s), ""))
        for s in raw.segs if not s.inserted and s.kind != "footnote-self")
    return Paragraph(index=index, kind=kind, text=full, runs=runs, footnote_refs=refs,
                     original_text=original, has_revisions=revised or raw.mark_deleted or raw.mark_inserted,
                     language=raw.lang, in_table=raw.in_table, element=raw.element)


def _strip_prefix(p: Paragraph, n: int) -> None:
    """Remove the first ``n`` characters (a typed number) from the paragraph's text and runs."""
    if n <= 0:
        return
    p.text = p.text[n:]
    new_runs = []
    for run in p.runs:
        if run.end <= n:
            run.kind = "number"
            run.source_offset = 0
            run.start, run.end = run.start - n, run.end - n
            new_runs.append(run)
            continue
        if run.start < n:
            cut = n - run.start
            head = Run(run.text[:cut], run.start - n, 0, run.italic, run.bold, run.superscript, "number",
                       run.inserted, run.hyperlink, run.source, run.source_offset)
            new_runs.append(head)
            run.text = run.text[cut:]
            run.source_offset += cut
            run.start = n
        run.start, run.end = run.start - n, run.end - n
        new_runs.append(run)
    p.runs = new_runs
    for ref in p.footnote_refs:
        ref.start -= n
        ref.end -= n
    p.prefix_len += n


def _comment_marks(raw: RawParagraph, p: Paragraph) -> list[tuple[str, str, Paragraph, int]]:
    """Comment anchors of ``raw`` as offsets in ``p.text`` (before a typed number is stripped)."""
    if not raw.comment_marks:
        return []
    starts: dict[int, int] = {}
    for run in p.runs:
        if run.source is not None:
            starts.setdefault(id(run.source), run.start)
    out = []
    for kind, cid, i in raw.comment_marks:
        pos = len(p.text)
        for seg in raw.segs[i:]:
            found = starts.get(id(seg.element))
            if found is not None:
                pos = found
                break
        out.append((kind, cid, p, pos))
    return out


def _comments(root, marks: list[tuple[str, str, Paragraph, int]]) -> list[Comment]:  # type: ignore[no-untyped-def]
    """Comments of comments.xml with the range each is anchored on (paragraph indexes final)."""
    if root is None:
        return []
    where: dict[tuple[str, str], tuple[int, int]] = {}
    for kind, cid, p, pos in marks:
        where.setdefault((kind, cid), (p.index, max(0, pos - p.prefix_len)))
    out = []
    for el in root.findall(w("comment")):
        cid = el.get(w("id")) or ""
        text = "\n".join("".join(t.text or "" for t in para.iter(w("t"))) for para in el.iter(w("p")))
        start = where.get(("start", cid)) or where.get(("end", cid)) or where.get(("ref", cid)) or (0, 0)
        end = where.get(("end", cid)) or where.get(("ref", cid)) or start
        if end < start:
            end = start
        out.append(Comment(cid, el.get(w("author")) or "", text, start[0], start[1], end[0], end[1]))
    return out


def load_document(path: str | Path, *, language: str | None = None, limits: Limits = DEFAULT_LIMITS,
                  packs: dict[str, LanguagePack] | None = None) -> Resolution:
    """Read a .docx file into the resolution model (accepted view of tracked changes)."""
    packs = packs if packs is not None else _default_packs()
    with Package(path, limits) as pkg:
        main = pkg.main_part
        doc = pkg.xml(main)
        body = doc.find(w("body"))
        if body is None:
            raise InputError(f"{path}: not a Word document: no w:body in {main}")
        unread = _unread_content(body)
        styles = StyleNumbering(read_styles(pkg, pkg.related(main, REL_STYLES)))
        numbering = Numbering(pkg.xml_or_none(pkg.related(main, REL_NUMBERING)), styles)
        settings = pkg.xml_or_none(pkg.related(main, REL_SETTINGS))
        fn_root = pkg.xml_or_none(pkg.related(main, REL_FOOTNOTES))
        rels = pkg.rels(main)
        comments_root = pkg.xml_or_none(pkg.related(main, REL_COMMENTS))
        marks: list[tuple[str, str, Paragraph, int]] = []

        reader = ParagraphReader(styles, rels)
        raws = []
        for p_el, in_table in iter_paragraphs(body):
            if len(raws) >= limits.max_paragraphs:  # checked while reading, not after
                raise InputError(f"{path}: more than {limits.max_paragraphs} paragraphs (limit max-paragraphs)")
            raws.append(reader.read(p_el, in_table))

        # Footnote display numbers follow the order of references in the accepted view.
        fn_start, fn_fmt = 1, "decimal"
        if settings is not None and (fp := settings.find(w("footnotePr"))) is not None:
            if (el := fp.find(w("numStart"))) is not None and (v := to_int(wval(el))) is not None:
                fn_start = v
            if (el := fp.find(w("numFmt"))) is not None:
                fn_fmt = wval(el) or "decimal"
        fn_numbers: dict[int, str] = {}
        number_of_id: dict[str, str] = {}
        ref_count: dict[str, int] = {}
        bookmark_fn: dict[str, str] = {}
        counter = fn_start
        for raw in raws:
            for seg in raw.segs:
                if seg.kind != "footnote":
                    continue
                for name in seg.bookmarks_open:
                    bookmark_fn.setdefault(name, seg.footnote_id or "")
                if seg.deleted:
                    continue
                fid = seg.footnote_id or ""
                ref_count[fid] = ref_count.get(fid, 0) + 1
                if seg.custom_mark:
                    number_of_id.setdefault(fid, seg.text)
                    continue
                shown = format_number(counter, fn_fmt)
                counter += 1
                fn_numbers[id(seg)] = shown
                number_of_id.setdefault(fid, shown)

        # Paragraphs in the accepted view, with automatic or typed numbers.
        paras: list[Paragraph] = []
        numbers: list[Numbered | None] = []
        prev_letter: str | None = None
        for raw in raws:
            accepted = [s for s in raw.segs if not s.deleted]
            if raw.mark_deleted and not "".join(s.text for s in accepted).strip():
                continue  # a wholly deleted paragraph is not in the accepted view
            p = _build(raw, len(paras) + 1, Kind.EMPTY, fn_numbers, accepted)
            marks.extend(_comment_marks(raw, p))
            p.style = styles.name(raw.style_id)
            num_id, ilvl = raw.num_id, raw.ilvl
            if num_id is None:
                s_num, s_lvl = styles.num_pr(raw.style_id or styles.default_para_style)
                num_id = s_num
                if ilvl is None:
                    ilvl = s_lvl
            number: Numbered | None = None
            if num_id and p.text.strip():
                got = numbering.next(num_id, ilvl or 0)
                if got is not None and got[0]:
                    shown, fmt = got
                    style = auto_style(fmt)
                    value = shown.strip().strip("().").strip()
                    number = Numbered(shown, value, style, "auto")
                    p.level = ilvl or 0
            if number is None and not raw.in_table:
                number = typed_number(p.text, prev_letter)
                if number is not None:
                    _strip_prefix(p, number.length)
            if number is not None:
                # What the reader sees, whatever the part turns out to be (an annex's "(iii)" too);
                # the classifier may decide it again for the resolution's own paragraphs.
                p.number, p.number_source = number.shown, number.source
            if number is not None and number.style == "letter":
                prev_letter = number.value
            elif number is not None and number.style == "decimal":
                prev_letter = None
            numbers.append(number)
            paras.append(p)

        # Resolve NOTEREF targets to the number of the footnote their bookmark marks.
        for p in paras:
            for ref in p.footnote_refs:
                if ref.via_noteref:
                    fid = bookmark_fn.get(ref.target_number or "")
                    ref.footnote_id = fid
                    ref.target_number = number_of_id.get(fid or "")

        # Language: config, else text and tags.
        tags = [r.lang for r in raws if r.lang]
        head = [p.text for p in paras[:400]]
        text_lang = text_language(head, packs)
        code = language or text_lang or detect_language(head, packs, tags, styles.default_lang)
        if code not in packs:
            raise InputError(f"{path}: no language pack for {code!r} (installed: {', '.join(sorted(packs))})")
        pack = packs[code]
        classifier = Classifier(pack, packs)
        facts = classifier.classify(paras, numbers)
        facts["masthead"] = masthead.read(paras, pack, classifier.is_sponsors)

        footnotes: list[Footnote] = []
        if fn_root is not None:
            fn_reader = ParagraphReader(styles, pkg.rels(pkg.related(main, REL_FOOTNOTES) or ""))
            index = len(paras)
            by_number: list[tuple[int, Footnote]] = []
            for el in fn_root.findall(w("footnote")):
                if el.get(w("type")) in ("separator", "continuationSeparator", "continuationNotice"):
                    continue
                fid = el.get(w("id")) or ""
                shown = number_of_id.get(fid)
                label = f"FN {shown}" if shown else f"FN ?{fid}"
                fn = Footnote(fid, shown, label, references=ref_count.get(fid, 0))
                for fp_el, in_table in iter_paragraphs(el):
                    raw = fn_reader.read(fp_el, in_table)
                    index += 1
                    fp = _build(raw, index, Kind.FOOTNOTE, {}, [s for s in raw.segs if not s.deleted])
                    marks.extend(_comment_marks(raw, fp))
                    fp.label = label
                    fp.style = styles.name(raw.style_id)
                    lead = len(fp.text) - len(fp.text.lstrip())
                    if not fn.paragraphs and shown and not shown.isdigit() and fp.text[lead:].startswith(shown):
                        # A custom mark is typed at the start of its footnote: it is the label.
                        lead += len(shown)
                        lead += len(fp.text[lead:]) - len(fp.text[lead:].lstrip())
                    _strip_prefix(fp, lead)
                    fn.paragraphs.append(fp)
                order = to_int(shown, 10**9) if shown else 10**9
                by_number.append((order, fn))
            footnotes = [fn for _o, fn in sorted(by_number, key=lambda t: t[0])]
            # Footnote paragraphs are numbered after the body, in the order readers see them.
            index = len(paras)
            for fn in footnotes:
                for fp in fn.paragraphs:
                    index += 1
                    fp.index = index

    organ = facts.get("organ") if isinstance(facts.get("organ"), dict) else None
    res = Resolution(str(path), paras, footnotes, code,
                     organ=organ.get("code") if organ else None,
                     organ_gender=organ.get("gender") if organ else None)
    res.comments = _comments(comments_root, marks)
    res.facts.update({"organ_name": organ.get("name") if organ else None, "masthead": facts["masthead"],
                      "unread": unread, "text_language": text_lang,
                      "footnote_ids_referenced": set(ref_count)})
    return res
