"""Ecosystem check: run ``resolint check`` over real resolutions and compare with a reviewed baseline.

The way ruff checks itself against real projects before a rule change lands: every real
text of ``../shared/corpus/`` (adopted and draft Security Council resolutions, in the
notation its README explains) is built into a .docx (:mod:`resolint.testing.notation`),
and real Word files of General Assembly resolutions (the French sample A/RES/75/10 and
A/RES/1904 (XVIII) from ``../shared/interop/``) are checked as they are. The texts are
data of other projects: read where they are, never copied into this repository.

``benchmarks/ecosystem_baseline.jsonl`` holds every finding reviewed by a person, one a
line: the text, code, label, the flagged text, the verdict (``right`` or ``wrong``), for a
wrong one its cause (``rule``: the rule or the reader misjudged the text; ``era``: the text
follows its organ's practice of its time, which no convention of ``organs.toml`` describes
yet; ``scan``: the text layer of a scanned page differs from the printed resolution, "," or
":" read for ";", a number misread) and a one-line reason. A run prints what changed against it (findings added, findings gone:
losing a ``right`` one is a regression), and the precision per rule (errors and warnings
judged right / all errors and warnings judged: an info asks, it does not block), and the
same leaving out the scan slips.

    python benchmarks/ecosystem.py                  # run, compare, print the table
    python benchmarks/ecosystem.py --show S101      # every current finding of S101, in context
    python benchmarks/ecosystem.py --update         # add the unreviewed findings to the baseline
                                                     # (verdict "?"), drop the ones gone

Plain texts (the adopted resolutions' text layer) carry no italics and only guessed spaces:
rules about italics and spacing (``NOT_IN_SOURCE``) are not run on them. Exit status: 1 when a finding is unreviewed or a ``right`` one
is gone, else 0.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import os
import sys
import tempfile
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path

from resolint.batch import Options, check_files
from resolint.plugin_manager import get_manager
from resolint.testing import notation

HERE = Path(__file__).resolve().parent
SHARED = Path(os.environ.get("RESOLINT_SHARED", HERE.parent.parent / "shared"))
BASELINE = HERE / "ecosystem_baseline.jsonl"
SAMPLES = HERE.parent / "samples"

#: Rules not run on texts whose source lost what they look at. A text layer has no italics
#: (S105), and its spaces are inferred by the extractor from the gaps between glyphs, so a
#: space before ';' (the printed text's thin space), a double space, "S/ 1085" or "194(1964)"
#: say nothing about the document (P102, P103, D101, W104): these rules are measured on the
#: drafts and the Word files.
NOT_IN_SOURCE = {"plain": ("S105", "P102", "P103", "D101", "W104")}

#: Real Word files of General Assembly resolutions read as they are.
WORD_FILES = (
    SAMPLES / "A-RES-75-10-fr.docx",
    SHARED / "interop" / "declaration-articles" / "docx4j-toc-A-RES-1904-XVIII.docx",
)


@dataclass(frozen=True)
class Text:
    """One real text: its name in reports, the .docx checked, and its source format."""

    name: str
    docx: Path
    form: str


def _cache_dir() -> Path:
    path = Path(tempfile.gettempdir()) / "resolint-ecosystem"
    path.mkdir(exist_ok=True)
    return path


def corpus_texts(shared: Path = SHARED) -> list[Text]:
    """Every text of the corpus built as .docx (cached by content and converter version)."""
    out: list[Text] = []
    version = hashlib.sha256(Path(notation.__file__).read_bytes()).hexdigest()[:12]
    cache = _cache_dir()
    for folder in sorted((shared / "corpus").glob("*/")):
        for src in sorted(folder.glob("*.txt")):
            raw = src.read_bytes()
            key = hashlib.sha256(raw).hexdigest()[:16]
            target = cache / f"{src.stem}.{key}.{version}.docx"
            parsed = notation.parse(raw.decode("utf-8"))
            if not target.exists():
                for stale in cache.glob(f"{src.stem}.*.docx"):
                    stale.unlink()
                tmp = target.with_suffix(".part")
                notation.build(parsed).save(str(tmp))
                tmp.replace(target)
            out.append(Text(f"{folder.name}/{src.stem}", target, parsed.fields.get("FORMAT", "plain")))
    for path in WORD_FILES:
        if path.exists():
            out.append(Text(f"word/{path.stem}", path, "word"))
    return out


def run(texts: list[Text], jobs: int | None = None) -> list[dict[str, str]]:
    """Check the texts; every finding as a record (text, code, severity, label, span, message)."""
    manager = get_manager()
    records: list[dict[str, str]] = []
    by_form: dict[str, list[Text]] = defaultdict(list)
    for t in texts:
        by_form[t.form].append(t)
    for form, group in sorted(by_form.items()):
        options = Options(ignore=NOT_IN_SOURCE.get(form, ()))
        results = check_files([t.docx for t in group], manager, options, jobs=jobs, progress=False)
        for t, res in zip(group, results):
            if res.error:
                records.append({"text": t.name, "code": "ERROR", "severity": "error", "label": "-",
                                "span": "", "message": res.error})
            for f in res.findings:
                records.append({"text": t.name, "code": f.code, "severity": f.severity.value,
                                "label": f.label, "span": f.extra.get("span", "")[:120],
                                "message": f.message})
    return records


def key(rec: dict[str, str]) -> tuple[str, str, str, str]:
    return (rec["text"], rec["code"], rec["label"], rec["span"])


def load_baseline(path: Path = BASELINE) -> dict[tuple[str, str, str, str], dict[str, str]]:
    if not path.exists():
        return {}
    out = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            rec = json.loads(line)
            out[key(rec)] = rec
    return out


def save_baseline(records: list[dict[str, str]], path: Path = BASELINE) -> None:
    records = sorted(records, key=lambda r: (r["text"], r["code"], r["label"], r["span"]))
    fields = ("text", "code", "severity", "label", "span", "verdict", "cause", "reason")
    body = "".join(json.dumps({k: r[k] for k in fields if k in r}, ensure_ascii=False) + "\n" for r in records)
    tmp = path.with_suffix(".tmp")
    tmp.write_text(body, encoding="utf-8")
    tmp.replace(path)


def table(current: list[dict[str, str]], baseline: dict) -> tuple[str, dict[str, int]]:  # type: ignore[type-arg]
    """The per-rule precision table (Markdown) and the totals."""
    rows: dict[str, Counter[str]] = defaultdict(Counter)
    for rec in current:
        seen = baseline.get(key(rec), {})
        verdict = seen.get("verdict", "?")
        rows[rec["code"]]["all"] += 1
        rows[rec["code"]][rec["severity"]] += 1
        if rec["severity"] == "info" and verdict != "?":
            continue  # precision counts errors and warnings: an info asks, it does not block
        rows[rec["code"]][verdict] += 1
        if verdict == "wrong":
            rows[rec["code"]]["wrong:" + seen.get("cause", "rule")] += 1
    lines = ["| rule | findings | errors | warnings | info | judged right | judged wrong (rule / era / scan) "
             "| unreviewed | precision | without scan slips |",
             "|---|---|---|---|---|---|---|---|---|---|"]
    total: Counter[str] = Counter()

    def row(name: str, c: Counter[str], digits: int) -> str:
        judged, clean = c["right"] + c["wrong"], c["right"] + c["wrong"] - c["wrong:scan"]
        prec = f"{c['right'] / judged:.{digits}%}" if judged else "-"
        prec_clean = f"{c['right'] / clean:.{digits}%}" if clean else "-"
        return (f"| {name} | {c['all']} | {c['error']} | {c['warning']} | {c['info']} | {c['right']} | "
                f"{c['wrong']} ({c['wrong:rule']} / {c['wrong:era']} / {c['wrong:scan']}) | {c['?']} | {prec} | "
                f"{prec_clean} |")

    for code in sorted(rows):
        total.update(rows[code])
        lines.append(row(code, rows[code], 0))
    lines.append(row("all", total, 1))
    return "\n".join(lines), dict(total)


def by_source(current: list[dict[str, str]], baseline: dict, texts: list[Text]) -> str:  # type: ignore[type-arg]
    """Findings and precision per source of texts (drafts, Word files, adopted text layers), Markdown."""
    groups = Counter(t.name.split("/")[0] for t in texts)
    rows: dict[str, Counter[str]] = defaultdict(Counter)
    for rec in current:
        seen = baseline.get(key(rec), {})
        c = rows[rec["text"].split("/")[0]]
        c["all"] += 1
        if rec["severity"] == "info" and seen.get("verdict", "?") != "?":
            continue
        c[seen.get("verdict", "?")] += 1
        c["scan"] += seen.get("verdict") == "wrong" and seen.get("cause") == "scan"
    lines = ["| texts | findings | judged right | judged wrong (of which scan slips) | precision "
             "| without scan slips |", "|---|---|---|---|---|---|"]
    for group in sorted(groups):
        c = rows[group]
        judged, clean = c["right"] + c["wrong"], c["right"] + c["wrong"] - c["scan"]
        lines.append(f"| {group} ({groups[group]}) | {c['all']} | {c['right']} | {c['wrong']} ({c['scan']}) | "
                     f"{c['right'] / judged if judged else 0:.0%} | {c['right'] / clean if clean else 0:.0%} |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--shared", type=Path, default=SHARED, help="the shared data folder")
    parser.add_argument("--show", metavar="CODE", help="print every current finding of these codes (comma-separated)")
    parser.add_argument("--text", help="only texts whose name contains this")
    parser.add_argument("--update", action="store_true", help="write the baseline: keep verdicts, add new as '?'")
    parser.add_argument("--jobs", type=int, default=None)
    args = parser.parse_args(argv)
    if not (args.shared / "corpus").is_dir():
        print(f"ecosystem: no corpus at {args.shared / 'corpus'}", file=sys.stderr)
        return 2
    texts = corpus_texts(args.shared)
    if args.text:
        texts = [t for t in texts if args.text in t.name]
    current = run(texts, args.jobs)
    baseline = load_baseline()
    if args.show:
        codes = set(args.show.split(","))
        for rec in current:
            if rec["code"] in codes:
                verdict = baseline.get(key(rec), {}).get("verdict", "?")
                print(f"{verdict:5} {rec['text']} [{rec['label']}] {rec['code']} {rec['span']!r}: {rec['message']}")
        return 0
    seen = {key(r) for r in current}
    added = [r for r in current if key(r) not in baseline]
    gone = [r for k, r in baseline.items() if k not in seen and (not args.text or args.text in r["text"])]
    text_table, total = table(current, baseline)
    n_adopted = sum(1 for t in texts if t.name.startswith("sc-adopted/"))
    adopted_errors = sum(1 for r in current if r["text"].startswith("sc-adopted/") and r["severity"] == "error")
    print(f"{len(texts)} texts, {len(current)} findings; adopted texts: {adopted_errors} errors in {n_adopted} texts\n")
    print(by_source(current, baseline, texts) + "\n")
    print(text_table)
    for r in gone:
        print(f"gone  ({r['verdict']}) {r['text']} [{r['label']}] {r['code']} {r['span']!r}")
    for r in added:
        print(f"added {r['text']} [{r['label']}] {r['code']} {r['span']!r}: {r['message']}")
    if args.update:
        kept = [{**baseline[key(r)], "severity": r["severity"]} if key(r) in baseline
                else {**r, "verdict": "?", "reason": ""} for r in current]
        if args.text:
            kept += [r for k, r in baseline.items() if args.text not in r["text"]]
        save_baseline(kept)
    lost_right = [r for r in gone if r["verdict"] == "right"]
    return 1 if (added or lost_right or total.get("?")) else 0


if __name__ == "__main__":
    sys.exit(main())
