"""Agreed language at scale: libraries of 1,000, 10,000 and 100,000 resolutions, and a draft traced.

Libraries are generated from the adopted Security Council resolutions of
``../shared/corpus/sc-adopted`` (:func:`resolint.testing.agreed.vary`: each generated
resolution is a corpus text under a new symbol, one paragraph in five with a word
substituted, one in ten replaced by a paragraph of another text; seeded). For each size it
measures the build (time, file size, distinct texts), then traces a draft of 100
paragraphs (40 copied, 40 edited, 20 new from ``../shared/corpus/sc-drafts``): the first
run on a freshly opened library and the median of three. On the sizes up to
``--brute-max`` it also runs the brute-force reference (every draft paragraph against
every paragraph of the library, same similarity) and compares the answers: the status and
the best similarity of every paragraph.

Each size runs in its own process so that its peak memory (max RSS) is its own.

    python benchmarks/bench_trace.py                     # 1k, 10k, 100k; Markdown table
    python benchmarks/bench_trace.py --sizes 1000 --keep /tmp/libs
    python benchmarks/bench_trace.py --keep /tmp/libs --reuse --brute-max 0   # trace again, no build
"""
from __future__ import annotations

import argparse
import json
import os
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from resolint.testing import agreed
from resolint.trace import source
from resolint.trace.library import Library
from resolint.trace.similarity import Profile
from resolint.trace.text import tokens
from resolint.trace.trace import MODIFIED_AT, trace_paragraph

HERE = Path(__file__).resolve().parent
SHARED = Path(os.environ.get("RESOLINT_SHARED", HERE.parent.parent / "shared"))


def corpus() -> tuple[list[source.Adopted], list[str]]:
    records = [source.read(p) for p in source.iter_sources([SHARED / "corpus" / "sc-adopted"])]
    new = [t for p in source.iter_sources([SHARED / "corpus" / "sc-drafts"])
           for _l, t in source.read(p).paragraphs if len(t.split()) >= 15]
    return records, new


def brute_force(lib: Library, texts: list[str]) -> list[tuple[str, float]]:
    """(status, best similarity) of each text against every text of the library."""
    profiles = [(tid, toks.split(" "), Profile(toks.split(" ")))
                for tid, toks in lib.conn.execute("SELECT id, tokens FROM text")]
    out = []
    for text in texts:
        toks = tokens(text)
        me = Profile(toks)
        best, status = 0.0, "new"
        for _tid, other_toks, other in profiles:
            if other_toks == toks:
                best, status = 1.0, "agreed"
                break
            best = max(best, round(me.similarity(other), 4))
        if status != "agreed" and best >= MODIFIED_AT:
            status = "modified"
        out.append((status, best if status != "new" else 0.0))
    return out


def one_size(size: int, folder: Path, brute_max: int, reuse: bool = False) -> dict[str, object]:
    records, new = corpus()
    path = folder / f"lib{size}.sqlite"
    build: float | None = None
    if not (reuse and path.exists()):
        path.unlink(missing_ok=True)
        start = time.perf_counter()
        with Library.build(path) as lib:
            for res in agreed.vary(records, size, random.Random(size)):
                lib.add(res)
        build = time.perf_counter() - start
    rng = random.Random(7)
    draft = [s.text for s in agreed.samples(records, new, rng, copied=40, edited=40, new=20)]
    times = []
    with Library.open(path) as lib:
        stats = lib.stats()
        for _ in range(3):
            t0 = time.perf_counter()
            answers = [trace_paragraph(lib, f"P {i}", text) for i, text in enumerate(draft, 1)]
            times.append(time.perf_counter() - t0)
        row: dict[str, object] = {
            "size": size, "paragraphs": stats["paragraphs"], "texts": stats["texts"],
            "build_s": round(build, 1) if build is not None else "-", "mb": round(path.stat().st_size / 1e6, 1),
            "trace_first_s": round(times[0], 3), "trace_median_s": round(statistics.median(times), 3),
            "statuses": {s: sum(a.status == s for a in answers) for s in ("agreed", "modified", "new")},
        }
        row["max_rss_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 0)  # before brute force
        if size <= brute_max:
            t0 = time.perf_counter()
            reference = brute_force(lib, draft)
            row["brute_s"] = round(time.perf_counter() - t0, 2)
            ours = [(a.status, a.sources[0].similarity if a.sources else 0.0) for a in answers]
            row["same_answers"] = sum(a == b for a, b in zip(ours, reference))
            row["differences"] = [(i, a, b) for i, (a, b) in enumerate(zip(ours, reference)) if a != b][:5]
    return row


def table(rows: list[dict[str, object]]) -> str:
    lines = ["| resolutions | paragraphs | distinct texts | build | library size | trace 100 paragraphs (first / median of 3) "
             "| brute force | same answers | speed-up | peak memory (build and trace) |",
             "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for r in rows:
        brute = f"{r['brute_s']} s" if "brute_s" in r else "not run"
        same = f"{r['same_answers']}/100" if "same_answers" in r else "-"
        speed = f"{float(r['brute_s']) / float(r['trace_median_s']):.0f}x" if "brute_s" in r else "-"  # type: ignore[arg-type]
        lines.append(f"| {r['size']:,} | {r['paragraphs']:,} | {r['texts']:,} | {r['build_s']}"
                     f"{' s' if r['build_s'] != '-' else ''} |"
                     f" {r['mb']} MB "
                     f"| {r['trace_first_s']} s / {r['trace_median_s']} s | {brute} | {same} | {speed} "
                     f"| {r['max_rss_mb']:.0f} MB |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000, 100000])
    ap.add_argument("--brute-max", type=int, default=100000, help="largest size also traced by brute force")
    ap.add_argument("--keep", type=Path, help="build the libraries in this folder and keep them")
    ap.add_argument("--reuse", action="store_true",
                    help="with --keep: trace against the libraries already there instead of building them")
    ap.add_argument("--one", type=int, help=argparse.SUPPRESS)  # one size, in this process (JSON out)
    args = ap.parse_args(argv)
    if not (SHARED / "corpus" / "sc-adopted").is_dir():
        print(f"the corpus is not here ({SHARED / 'corpus'})", file=sys.stderr)
        return 2
    folder = args.keep or Path(tempfile.mkdtemp(prefix="resolint-trace-"))
    folder.mkdir(parents=True, exist_ok=True)
    if args.one:
        print(json.dumps(one_size(args.one, folder, args.brute_max, args.reuse)))
        return 0
    rows = []
    for size in args.sizes:
        done = subprocess.run([sys.executable, __file__, "--one", str(size), "--brute-max", str(args.brute_max),
                               "--keep", str(folder), *(["--reuse"] if args.reuse else [])],
                              capture_output=True, text=True, check=True)
        rows.append(json.loads(done.stdout.strip().splitlines()[-1]))
        print(json.dumps(rows[-1]), file=sys.stderr)
        if not args.keep:
            (folder / f"lib{size}.sqlite").unlink(missing_ok=True)
    print(table(rows))
    return 0


if __name__ == "__main__":
    sys.exit(main())
