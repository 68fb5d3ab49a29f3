"""Time ``resolint diff`` against two floors and other comparers, on generated pairs.

Usage::

    python benchmarks/bench_diff.py [--quick] [--sizes 45 400 4000] [--no-libreoffice]
                                    [--no-python-redlines] [--repeat N] [--timeout S]

For each size a synthetic OLD is generated (preambular and operative paragraphs,
automatic numbering, a footnote every fifth paragraph; 45 paragraphs is about the
French sample resolution) and NEW is made from it with about 10% of paragraphs
edited: words changed, paragraphs inserted, deleted and moved, footnotes changed.
``--quick`` runs the 45 and 400 paragraph pairs once each. Measured, in the same run:

- two floors (see :mod:`floors`), each reading every paragraph's text (body and
  footnotes) of both files: ``docx floor`` with python-docx, ``lxml floor`` with
  :mod:`zipfile` and :mod:`lxml` alone (``w:p`` / ``w:t``);
- ``in-process``: ``resolint.redline.diff_files`` + ``docx_bytes()``. The floors and the
  diff run in turn, ``--repeat`` rounds (a shared machine's speed drifts): median wall
  times, and ``x docx`` / ``x lxml``, the medians of the per-round ratios to each floor;
  ``py peak``: peak Python heap of one more run (tracemalloc; lxml's own C memory is not counted);
- ``+labels``: the same plus ``to_text()``, the paragraph map whose labels ("PP 3",
  "OP 2") come from the document model (``resolint diff`` without ``-o OUT.docx``);
- ``process``: ``python -m resolint diff OLD NEW -o OUT.docx`` in a fresh process
  (interpreter start and imports included), with the child's peak RSS;
- ``LibreOffice``: its own Compare Document (``.uno:CompareDocuments``) of NEW against
  OLD, timed around the dispatch only: soffice is already running and NEW already
  loaded, so start-up and loading NEW are excluded (loading OLD, which the comparison
  does itself, is included); ``LO RSS`` is soffice's peak RSS so far (VmHWM);
- ``py-redlines``: python-redlines' ``XmlPowerToolsEngine`` (Open-XML-PowerTools'
  WmlComparer, a bundled self-contained .NET binary) in a child process, with its peak
  RSS; skipped, with the reason printed, when it is not installed or cannot run, and
  stopped after ``--timeout`` seconds.

No timing is asserted anywhere; this prints a table.
"""
from __future__ import annotations

import argparse
import os
import random
import signal
import subprocess
import sys
import tempfile
import threading
import time
import tracemalloc
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(Path(__file__).resolve().parent))
from floors import lxml_floor, python_docx_floor, settle  # noqa: E402
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


def timed(fn) -> float:  # type: ignore[no-untyped-def]
    settle()
    t0 = time.perf_counter()
    fn()
    return time.perf_counter() - t0


def in_process(old: Path, new: Path, out: Path, repeat: int) -> dict:
    """The floors and the diff (then the diff with labels) in turn, ``repeat`` rounds.

    Taking turns keeps them under the same machine load; each round gives ratios, and the
    medians are reported. Memory in a separate run (tracemalloc slows Python down).
    """
    from datetime import datetime, timezone
    from statistics import median

    from resolint.redline import diff_files

    paragraphs = lxml_floor(old)
    if paragraphs != python_docx_floor(old):
        raise SystemExit("the two floors read different paragraph counts")
    date = datetime(2024, 1, 1, tzinfo=timezone.utc)
    result = {}

    def once() -> None:
        rl = diff_files(old, new, date=date)
        result["bytes"] = rl.docx_bytes()
        result["counts"] = rl.counts

    steps = [
        lambda: (python_docx_floor(old), python_docx_floor(new)),
        lambda: (lxml_floor(old), lxml_floor(new)),
        once,
        lambda: diff_files(old, new, date=date).to_text(),
    ]
    for step in steps:  # warm-up: imports, regex compilation, plugins and language packs
        step()
    rounds = [[timed(step) for step in steps] for _ in range(repeat)]
    out.write_bytes(result["bytes"])
    tracemalloc.start()
    diff_files(old, new, date=date).docx_bytes()
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return dict(paras=paragraphs, docx=median(r[0] for r in rounds), floor=median(r[1] for r in rounds),
                t_in=median(r[2] for r in rounds), t_lab=median(r[3] for r in rounds),
                x_docx=median(r[2] / r[0] for r in rounds), x_lxml=median(r[2] / r[1] for r in rounds),
                x_lab=median(r[3] / r[1] for r in rounds), mem=peak / 2**20, counts=result["counts"])


def run_child(cmd: list[str], timeout: float) -> tuple[float | None, float | None, str]:
    """Run ``cmd``; (seconds, peak RSS in MiB of it and the children it waited for, error)."""
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True)
    timed_out = threading.Event()

    def kill() -> None:
        timed_out.set()
        try:
            os.killpg(proc.pid, signal.SIGKILL)
        except OSError:
            pass

    timer = threading.Timer(timeout, kill)
    timer.start()
    try:
        _, status, usage = os.wait4(proc.pid, 0)
    finally:
        timer.cancel()
    dt = time.perf_counter() - t0
    proc.returncode = os.waitstatus_to_exitcode(status)
    err = proc.stderr.read().decode("utf-8", "replace").strip() if proc.stderr else ""
    if proc.stderr:
        proc.stderr.close()
    if timed_out.is_set():
        return None, None, f"stopped after {timeout:.0f} s"
    if proc.returncode != 0:
        return None, None, (err.splitlines() or [f"exit code {proc.returncode}"])[-1]
    return dt, usage.ru_maxrss / 1024, ""


def whole_process(old: Path, new: Path, out: Path, timeout: float) -> tuple[float | None, float | None]:
    dt, rss, err = run_child([sys.executable, "-m", "resolint", "diff", str(old), str(new), "-o", str(out)],
                             timeout)
    if err:
        print(f"  resolint process failed: {err}", file=sys.stderr)
    return dt, rss


_PY_REDLINES = """
import sys, time, warnings
warnings.simplefilter("ignore")
from python_redlines.engines import XmlPowerToolsEngine
engine = XmlPowerToolsEngine()
old, new = open(sys.argv[1], "rb").read(), open(sys.argv[2], "rb").read()
t0 = time.perf_counter()
engine.run_redline("bench", old, new)
print(f"{time.perf_counter() - t0:.6f}", file=sys.stderr)
"""


def python_redlines_status() -> str:
    """Empty when python-redlines' Open-XML-PowerTools engine can be used, else why not."""
    code = ("import warnings; warnings.simplefilter('ignore'); "
            "from python_redlines.engines import XmlPowerToolsEngine; XmlPowerToolsEngine()")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    if proc.returncode == 0:
        return ""
    lines = [ln for ln in proc.stderr.strip().splitlines() if ln.strip()]
    return lines[-1] if lines else f"exit code {proc.returncode}"


def python_redlines(old: Path, new: Path, timeout: float) -> tuple[float | None, float | None, str]:
    """Engine time (printed by the child, start-up and binary extraction excluded) and peak RSS."""
    cmd = [sys.executable, "-c", _PY_REDLINES, str(old), str(new)]
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True,
                            text=True)
    timer = threading.Timer(timeout, lambda: os.killpg(proc.pid, signal.SIGKILL))
    timer.start()
    try:
        _, status, usage = os.wait4(proc.pid, 0)
    finally:
        timer.cancel()
    err = proc.stderr.read().strip() if proc.stderr else ""
    if proc.stderr:
        proc.stderr.close()
    code = os.waitstatus_to_exitcode(status)
    if code != 0:
        if time.perf_counter() - t0 >= timeout:
            return None, None, f"stopped after {timeout:.0f} s"
        return None, None, (err.splitlines() or [f"exit code {code}"])[-1]
    try:
        seconds = float(err.splitlines()[-1])
    except (ValueError, IndexError):
        seconds = time.perf_counter() - t0
    return seconds, usage.ru_maxrss / 1024, ""


def soffice_peak_mib(root_pid: int | None) -> float | None:
    """Peak RSS (VmHWM) of the soffice processes under ``root_pid`` (the UNO worker)."""
    if root_pid is None or not os.path.isdir("/proc"):
        return None
    parents: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat") as fh:
                    stat = fh.read()
                parents[int(entry)] = int(stat.rsplit(")", 1)[1].split()[1])
            except (OSError, ValueError, IndexError):
                continue
    peak = None
    for pid in parents:
        p, seen = pid, 0
        while p in parents and p != root_pid and seen < 50:
            p, seen = parents[p], seen + 1
        if p != root_pid or pid == root_pid:
            continue
        try:
            with open(f"/proc/{pid}/status") as fh:
                for line in fh:
                    if line.startswith("VmHWM:"):
                        kib = int(line.split()[1])
                        peak = max(peak or 0, kib / 1024)
        except (OSError, ValueError):
            continue
    return peak


def fmt(value: float | None, spec: str = ".3f") -> str:
    return "-" if value is None else format(value, spec)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--quick", action="store_true", help="45 and 400 paragraphs, one repetition")
    ap.add_argument("--sizes", type=int, nargs="+")
    ap.add_argument("--repeat", type=int, help="timing rounds, medians kept (default 5, --quick 1)")
    ap.add_argument("--timeout", type=float, default=300.0, help="seconds allowed to each python-redlines run")
    ap.add_argument("--no-libreoffice", action="store_true")
    ap.add_argument("--no-python-redlines", action="store_true")
    args = ap.parse_args()
    sizes = args.sizes or ([45, 400] if args.quick else [45, 400, 4000])
    repeat = args.repeat or (1 if args.quick else 5)

    lo = None
    if not args.no_libreoffice:
        from support import libreoffice

        if libreoffice.available():
            lo = libreoffice
        else:
            print("LibreOffice: not available here (soffice or its Python UNO bridge missing)")
    pr_reason = "skipped (--no-python-redlines)" if args.no_python_redlines else python_redlines_status()
    if pr_reason:
        print(f"python-redlines: not run: {pr_reason}")

    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for n in sizes:
            old_b, new_b = make_pair(n)
            old, new, out = Path(tmp, f"old{n}.docx"), Path(tmp, f"new{n}.docx"), Path(tmp, f"red{n}.docx")
            old.write_bytes(old_b)
            new.write_bytes(new_b)
            measured = in_process(old, new, out, repeat)
            t_proc, rss = whole_process(old, new, Path(tmp, f"cli{n}.docx"), args.timeout)
            t_lo = lo_rss = None
            if lo is not None:
                lo.texts(new)  # warm up soffice (start-up excluded from the comparison time)
                t_lo = lo.compare(old, new).get("seconds")
                worker = _find_worker(lo)
                lo_rss = soffice_peak_mib(worker.pid if worker is not None else None)
            t_pr = pr_rss = None
            if not pr_reason:
                t_pr, pr_rss, err = python_redlines(old, new, args.timeout)
                if err:
                    print(f"  python-redlines on {n} paragraphs: {err}", file=sys.stderr)
            rows.append(dict(n=n, **measured, t_proc=t_proc, rss=rss, t_lo=t_lo, lo_rss=lo_rss, t_pr=t_pr,
                             pr_rss=pr_rss))
            print(f"  done: {n} paragraphs", file=sys.stderr)
        if lo is not None:
            lo.close()

    head = (f"{'size':>5} {'w:p':>5} {'docx s':>7} {'lxml s':>7} {'diff s':>7} {'x docx':>6} {'x lxml':>6} "
            f"{'py peak':>7} "
            f"{'+labels s':>9} {'x lxml':>6} {'process s':>9} {'RSS MiB':>7} {'LO s':>7} {'LO RSS':>6} "
            f"{'py-redl s':>9} {'RSS MiB':>7}")
    print()
    print(head)
    for r in rows:
        print(f"{r['n']:>5} {r['paras']:>5} {r['docx']:>7.3f} {r['floor']:>7.3f} {r['t_in']:>7.3f} "
              f"{r['x_docx']:>5.1f}x {r['x_lxml']:>5.1f}x "
              f"{r['mem']:>7.1f} {r['t_lab']:>9.3f} {r['x_lab']:>5.1f}x {fmt(r['t_proc'], '.2f'):>9} "
              f"{fmt(r['rss'], '.0f'):>7} {fmt(r['t_lo'], '.2f'):>7} {fmt(r['lo_rss'], '.0f'):>6} "
              f"{fmt(r['t_pr'], '.2f'):>9} {fmt(r['pr_rss'], '.0f'):>7}")
    print("\n(size: generated paragraphs; w:p: paragraphs of OLD (body and footnotes); 'diff s' = diff_files + "
          "docx_bytes in-process; 'py peak' = MiB of Python heap; RSS = peak resident set of the process)")
    if len(rows) >= 2:
        a, b = rows[0], rows[-1]
        print(f"growth {a['n']} -> {b['n']} paragraphs (x{b['paras'] / a['paras']:.0f} w:p): "
              f"diff x{b['t_in'] / a['t_in']:.0f}, floor x{b['floor'] / a['floor']:.0f}")
    for r in rows:
        line = f"{r['n']} paragraphs: {r['counts']}"
        if r["t_lo"]:
            line += f"; LibreOffice compare call / resolint in-process: {r['t_lo'] / r['t_in']:.1f}x"
        if r["t_pr"] and r["t_proc"]:
            line += f"; python-redlines / resolint, whole process both: {r['t_pr'] / r['t_proc']:.1f}x"
        print(line)


def _find_worker(lo):  # type: ignore[no-untyped-def]
    """The UNO worker process of ``tests/support/libreoffice`` (for soffice's memory), if found."""
    for value in vars(lo).values():
        proc = getattr(value, "_proc", None)
        if isinstance(proc, subprocess.Popen):
            return proc
    return None


if __name__ == "__main__":
    main()
