"""Batch linting: 200 generated drafts, ``--jobs 1`` against ``--jobs 2``.

    python benchmarks/bench_batch.py [--drafts 200] [--repeat 3]

Each measure is the wall time of a whole ``resolint check`` process over the folder
(start-up included), best of ``--repeat`` runs taken in turns (1, 2, 1, 2...) so that other
load on the machine weighs on both alike; the ratio is jobs-1 time / jobs-2 time. The CPU
time of each run (all its processes) is printed too: close values for both mean that the
parallel run adds little work, and that a low ratio comes from CPUs busy elsewhere.
"""
from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from resolint.testing.draft import write_draft

OPENERS = ["Recalling", "Reaffirming", "Noting", "Welcoming", "Stressing", "Recognizing"]
VERBS = ["Decides", "Requests", "Encourages", "Calls upon", "Invites", "Urges"]


def make_draft(i: int) -> str:
    lines = [f"# Cooperation between the United Nations and regional organization {i}", "The General Assembly,"]
    for k in range(6 + i % 5):
        note = f"^[Resolution {60 + k}/{i % 300 + 1}.]" if k % 2 == 0 else ""
        lines.append(f"*{OPENERS[k % len(OPENERS)]}* its resolution {60 + k}/{i % 300 + 1} of"
                     f" {k + 1} December 20{10 + k % 10} on cooperation,{note}")
    n_ops = 8 + i % 7
    for k in range(n_ops):
        end = "." if k == n_ops - 1 else (";." if (i + k) % 23 == 0 else ";")
        lines.append(f"@{k + 1}. *{VERBS[k % len(VERBS)]}* the Secretary-General to report on the"
                     f" implementation of the present resolution, paying attention to  item {k}{end}")
        if k % 3 == 0:
            lines.append("@(a) in peace and security;")
            lines.append("@(b) in sustainable development;")
    return "\n".join(lines)


def run(folder: Path, jobs: int) -> tuple[float, float]:
    """(wall seconds, CPU seconds of the process and its workers) of one run."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    proc = subprocess.run([sys.executable, "-m", "resolint", "check", "--no-cache", "--format", "json", "--no-progress",
                           "--jobs", str(jobs), str(folder)], capture_output=True, text=True)
    elapsed = time.perf_counter() - started
    if proc.returncode not in (0, 1):
        raise SystemExit(f"resolint failed ({proc.returncode}): {proc.stderr}")
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return elapsed, cpu


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--drafts", type=int, default=200)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory(prefix="resolint-bench-") as tmp:
        folder = Path(tmp)
        for i in range(args.drafts):
            write_draft(folder / f"draft-{i:04}.docx", make_draft(i))
        run(folder, 1)  # warm the file cache
        times: dict[int, list[tuple[float, float]]] = {1: [], 2: []}
        for _ in range(args.repeat):
            for jobs in (1, 2):
                times[jobs].append(run(folder, jobs))
        (one, cpu1), (two, cpu2) = min(times[1]), min(times[2])
    cpus = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    print(f"{args.drafts} drafts, {cpus} CPUs available, best of {args.repeat}")
    print(f"load average (1 min) at the end: {os.getloadavg()[0]:.2f}" if hasattr(os, "getloadavg") else "")
    print(f"--jobs 1: {one:.2f}s wall, {cpu1:.2f}s CPU  ({args.drafts / one:.0f} drafts/s)")
    print(f"--jobs 2: {two:.2f}s wall, {cpu2:.2f}s CPU  ({args.drafts / two:.0f} drafts/s)")
    print(f"ratio (jobs 1 / jobs 2): {one / two:.2f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
