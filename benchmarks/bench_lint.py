"""Time ``resolint check`` on synthetic French resolutions of 1x, 10x and 100x the sample.

Usage::

    python benchmarks/bench_lint.py [--sizes 1 10 100] [--repeat 5]

The drafts come from :mod:`synth` (the text of A/RES/75/10 repeated; 100x is about 4,200
paragraphs and 700 footnotes). Measured in the same run, for each size:

- two floors (see :mod:`floors`): ``python-docx`` (open the .docx with python-docx and read
  every paragraph's text; the footnotes from their part with lxml) and ``lxml`` (zipfile
  and lxml alone: parse, find each ``w:p``, join its ``w:t``). Median wall time, and
  tracemalloc peak of the python-docx floor;
- ``check``: ``resolint check FILE --jobs 1`` in-process (``resolint.cli.main``, output
  discarded), plugins loaded and patterns compiled by a warm-up run on another draft.
  The floors and the check run in turn, round after round; median wall times, and the
  median over the rounds of the check's ratio to each floor, and tracemalloc peak (in a separate run:
  tracemalloc slows Python down);
- ``process``: ``resolint check FILE --jobs 1`` as a fresh process, start-up included.
  Median wall time, and the peak RSS of the command run as the only child of a small
  wrapper process (``getrusage(RUSAGE_CHILDREN).ru_maxrss``; a child forked from this
  large process would report this process's size); the same for a fresh process running
  the python-docx floor, for scale.

Child processes use Python's byte-code cache as an installed package does: if
``PYTHONDONTWRITEBYTECODE`` is set, it is dropped for them and the cache goes to
``benchmarks/out/pycache`` (a warm-up run fills it). No timing is asserted; this prints a table.
"""
from __future__ import annotations

import argparse
import contextlib
import io
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from synth import counts, synthetic  # noqa: E402

from floors import lxml_floor, process_source, python_docx_floor, settle  # noqa: E402


def check(path: Path) -> int:
    """``resolint check PATH --jobs 1`` in-process, output discarded."""
    from resolint.cli import main

    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
        return main(["check", "--no-cache", str(path), "--jobs", "1"])


def interleaved(fns, *args, repeat: int) -> list[list[float]]:  # type: ignore[no-untyped-def]
    """Wall times in ms of ``repeat`` rounds, each calling every one of ``fns`` once in turn.

    Taking turns keeps the floors and the check under the same machine load (a shared
    machine's speed drifts by tens of percent over a minute), so each round gives a fair ratio.
    """
    rounds = []
    for _ in range(repeat):
        times = []
        for fn in fns:
            settle()
            t0 = time.perf_counter()
            fn(*args)
            times.append((time.perf_counter() - t0) * 1000)
        rounds.append(times)
    return rounds


def traced_peak(fn, *args) -> float:
    """tracemalloc peak in MiB of one call."""
    tracemalloc.start()
    try:
        fn(*args)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    return peak / 2**20


def child_env() -> tuple[dict[str, str], str | None]:
    env = dict(os.environ)
    note = None
    if env.pop("PYTHONDONTWRITEBYTECODE", None):
        env.setdefault("PYTHONPYCACHEPREFIX", str(HERE / "out" / "pycache"))
        note = f"PYTHONDONTWRITEBYTECODE dropped for child processes; byte code in {env['PYTHONPYCACHEPREFIX']}"
    return env, note


WRAPPER = (
    "import resource, subprocess, sys\n"
    "subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)\n"
    "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)\n"
)


def run_child(cmd: list[str], env: dict[str, str]) -> float:
    """Wall time in ms of one child process."""
    t0 = time.perf_counter()
    proc = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    wall = (time.perf_counter() - t0) * 1000
    if proc.returncode not in (0, 1):
        raise RuntimeError(f"{' '.join(cmd)} exited {proc.returncode}")
    return wall


def peak_rss(cmd: list[str], env: dict[str, str]) -> float:
    """Peak RSS in MiB of ``cmd`` run as the only child of a fresh wrapper process."""
    out = subprocess.run([sys.executable, "-c", WRAPPER, *cmd], capture_output=True, text=True, check=True, env=env)
    return int(out.stdout.strip().splitlines()[-1]) / 1024  # KiB on Linux


def process(cmd: list[str], env: dict[str, str], repeat: int) -> tuple[float, float]:
    return statistics.median(run_child(cmd, env) for _ in range(repeat)), peak_rss(cmd, env)


def cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    import platform

    return platform.processor() or platform.machine()


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[1, 10, 100])
    ap.add_argument("--repeat", type=int, default=5, help="runs per measurement (the median is shown)")
    args = ap.parse_args(argv)

    env, note = child_env()
    exe = shutil.which("resolint", path=os.path.dirname(sys.executable)) or shutil.which("resolint")
    resolint_cmd = [exe] if exe else [sys.executable, "-m", "resolint"]
    print(f"CPU: {cpu_model()} ({os.cpu_count()} logical), Python {sys.version.split()[0]}")
    if note:
        print(note)
    rows = []
    docx_floor_cmd = [sys.executable, "-c", process_source("python-docx")]
    with tempfile.TemporaryDirectory() as tmp:
        paths = {}
        for n in args.sizes:
            paths[n] = Path(tmp) / f"synthetic-fr-{n}x.docx"
            paths[n].write_bytes(synthetic(n))
        # Warm-up: the byte-code cache of the children, then plugins and patterns in-process.
        warm = Path(tmp) / "warm-up.docx"
        warm.write_bytes(synthetic(2))
        run_child([*resolint_cmd, "check", "--no-cache", str(warm), "--jobs", "1"], env)
        run_child([*docx_floor_cmd, str(warm)], env)
        check(warm)
        lxml_floor(warm)
        python_docx_floor(warm)
        for n in args.sizes:
            path = paths[n]
            paragraphs, footnotes = counts(n)
            if lxml_floor(path) != python_docx_floor(path):
                raise SystemExit("the two floors read different paragraph counts")
            rounds = interleaved((python_docx_floor, lxml_floor, check), path, repeat=args.repeat)
            docx_ms, lxml_ms, check_ms = (statistics.median(r[k] for r in rounds) for k in range(3))
            x_docx = statistics.median(r[2] / r[0] for r in rounds)
            x_lxml = statistics.median(r[2] / r[1] for r in rounds)
            docx_mib = traced_peak(python_docx_floor, path)
            check_mib = traced_peak(check, path)
            proc_ms, proc_rss = process([*resolint_cmd, "check", "--no-cache", str(path), "--jobs", "1"], env, args.repeat)
            fproc_ms, fproc_rss = process([*docx_floor_cmd, str(path)], env, args.repeat)
            rows.append((f"{n}x", paragraphs, footnotes, path.stat().st_size / 1024, docx_ms, lxml_ms, check_ms,
                         x_docx, x_lxml, docx_mib, check_mib, fproc_ms, proc_ms,
                         fproc_rss, proc_rss))

    print(f"median of {args.repeat} runs, --jobs 1; memory: tracemalloc peak in-process, peak RSS of the process")
    head = ("size", "paras", "notes", "KiB", "docx floor ms", "lxml floor ms", "check ms", "x docx", "x lxml",
            "docx MiB", "check MiB", "docx proc ms", "check proc ms", "docx RSS MiB", "check RSS MiB")
    print("  ".join(f"{h:>{max(len(h), 5)}}" for h in head))
    for r in rows:
        cells = [r[0], str(r[1]), str(r[2]), f"{r[3]:.0f}", f"{r[4]:.1f}", f"{r[5]:.1f}", f"{r[6]:.1f}",
                 f"{r[7]:.2f}x", f"{r[8]:.1f}x", f"{r[9]:.1f}", f"{r[10]:.1f}", f"{r[11]:.0f}", f"{r[12]:.0f}",
                 f"{r[13]:.1f}", f"{r[14]:.1f}"]
        print("  ".join(f"{c:>{max(len(h), 5)}}" for c, h in zip(cells, head)))
    print("(docx floor: python-docx reading every paragraph's text; lxml floor: zipfile + lxml alone; "
          "x docx / x lxml: median over the rounds of check in-process / each floor, measured in turn)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
