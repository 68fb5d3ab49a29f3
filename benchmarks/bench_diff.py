"""Time ``resolint diff`` on generated pairs of 400 and 4,000 paragraphs.

Usage::

    python benchmarks/bench_diff.py [--sizes 400 4000] [--no-libreoffice]

For each size a synthetic OLD is generated (preambular and operative paragraphs,
automatic numbering, a footnote every fifth paragraph) and NEW is made from it
with about 10% of paragraphs edited: words changed, paragraphs inserted, deleted
and moved, footnotes changed. Measured, in the same run:

- ``in-process``: ``resolint.redline.diff_files`` + ``docx_bytes()`` (wall time,
  peak Python memory by tracemalloc);
- ``process``: a fresh Python process importing resolint and writing the redline
  (interpreter start included; peak RSS of the child by getrusage);
- ``libreoffice``: LibreOffice's own Compare Document (``.uno:CompareDocuments``)
  of NEW against OLD, timed around the dispatch only: soffice is already running
  and NEW already loaded, so start-up and loading NEW are excluded (loading OLD,
  which the comparison does itself, is included);
- ``python-redlines``: its ``XmlPowerToolsEngine`` (a bundled .NET binary) if it runs here.

No timing is asserted anywhere; this prints a table.
"""
from __future__ import annotations

import argparse
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
import tracemalloc
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from support import redline_pairs as rp  # noqa: E402


def make_pair(n: int, seed: int = 7) -> tuple[bytes, bytes]:
    old = rp.base(n, seed)
    rng = random.Random(seed)
    new = list(old)
    edits = max(1, n // 10)
    for _ in range(edits):
        kind = rng.choice(["word", "word", "word", "insert", "delete", "move", "fn"])
        i = rng.randrange(2, len(new))
        if kind == "word":
            new = rp.change_word(new, i, rng.choice(["strengthened", "regional", "INTERPOL"]))
        elif kind == "insert":
            new = rp.insert(new, i, f"Stresses the importance of cooperation {rng.randint(1, 10**6)};")
        elif kind == "delete":
            new = rp.delete(new, i)
        elif kind == "move":
            new = rp.move(new, i, rng.randrange(2, len(new) - 1))
        else:
            new = new[:i] + [replace(new[i], fn=f"See A/75/{rng.randint(1, 999)}.")] + new[i + 1:]
    return rp.build(old), rp.build(new)


def in_process(old: Path, new: Path, out: Path) -> tuple[float, float, dict]:
    from resolint.redline import diff_files
    from datetime import datetime, timezone

    date = datetime(2024, 1, 1, tzinfo=timezone.utc)
    t0 = time.perf_counter()
    rl = diff_files(old, new, date=date)
    out.write_bytes(rl.docx_bytes())
    dt = time.perf_counter() - t0
    # memory in a second run: tracemalloc slows Python down several times
    tracemalloc.start()
    diff_files(old, new, date=date).docx_bytes()
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return dt, peak / 2**20, rl.counts


def whole_process(old: Path, new: Path, out: Path) -> tuple[float, float]:
    code = ("import sys; from resolint.redline import diff_files; "
            "open(sys.argv[3], 'wb').write(diff_files(sys.argv[1], sys.argv[2]).docx_bytes())")
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    t0 = time.perf_counter()
    subprocess.run([sys.executable, "-c", code, str(old), str(new), str(out)], check=True)
    dt = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return dt, max(after, before) / 1024


def python_redlines(old: Path, new: Path) -> float | None:
    try:
        from python_redlines.engines import XmlPowerToolsEngine
    except Exception:
        return None
    try:
        engine = XmlPowerToolsEngine()
        t0 = time.perf_counter()
        engine.run_redline("bench", old.read_bytes(), new.read_bytes())
        return time.perf_counter() - t0
    except Exception as exc:  # e.g. the bundled binary cannot run here
        print(f"  python-redlines did not run: {type(exc).__name__}: {exc}", file=sys.stderr)
        return None


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", type=int, nargs="+", default=[400, 4000])
    ap.add_argument("--no-libreoffice", action="store_true")
    args = ap.parse_args()
    lo = None
    if not args.no_libreoffice:
        from support import libreoffice

        lo = libreoffice if libreoffice.available() else None
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for n in args.sizes:
            old_b, new_b = make_pair(n)
            old, new, out = Path(tmp, f"old{n}.docx"), Path(tmp, f"new{n}.docx"), Path(tmp, f"red{n}.docx")
            old.write_bytes(old_b)
            new.write_bytes(new_b)
            t_in, mem_in, counts = in_process(old, new, out)
            t_proc, rss = whole_process(old, new, out)
            t_lo = None
            if lo is not None:
                lo.texts(new)  # warm up soffice (start-up excluded from the comparison time)
                ans = lo.compare(old, new)
                t_lo = ans.get("seconds")
            t_pr = python_redlines(old, new)
            rows.append((n, t_in, mem_in, t_proc, rss, t_lo, t_pr, counts))
        if lo is not None:
            lo.close()
    print(f"{'paragraphs':>10} {'in-process s':>12} {'peak MiB':>9} {'process s':>10} {'RSS MiB':>8} "
          f"{'LibreOffice s':>13} {'LO/resolint':>11} {'py-redlines s':>13}")
    for n, t_in, mem, t_proc, rss, t_lo, t_pr, counts in rows:
        ratio = f"{t_lo / t_in:.1f}x" if t_lo else "-"
        print(f"{n:>10} {t_in:>12.2f} {mem:>9.1f} {t_proc:>10.2f} {rss:>8.0f} "
              f"{(f'{t_lo:.2f}' if t_lo else '-'):>13} {ratio:>11} {(f'{t_pr:.2f}' if t_pr else '-'):>13}")
    if len(rows) >= 2:
        (n0, t0, *_), (n1, t1, *_) = rows[0], rows[-1]
        print(f"\ngrowth: x{n1 / n0:.0f} paragraphs -> x{t1 / t0:.1f} time (in-process)")
    for n, *_, counts in rows:
        print(f"{n} paragraphs: {counts}")


if __name__ == "__main__":
    main()
