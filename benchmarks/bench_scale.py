"""Scale: ``check``, ``--fix``, ``--unsafe-fixes``, suppressions and ``diff`` from 1x to 1000x the sample.

Usage::

    python benchmarks/bench_scale.py            # 1x to 1000x, 8,000 to 160,000 characters, ceilings
    python benchmarks/bench_scale.py --quick    # 1x to 100x, 8,000 and 80,000 characters, no ceilings

Every measurement runs the real command in a fresh process (``resolint ...``, output
discarded), started by a small wrapper process that reports the command's wall time, its CPU
time (user + system) and its peak RSS (``getrusage(RUSAGE_CHILDREN)``: the command is the
wrapper's only child). Short runs are repeated, in turns with the other drafts' (``--repeat``
times, default 5, as long as the repeats of one stay within 8 s; the least time is shown, as
the one least disturbed by other load, and the largest RSS); runs of 5 s or more run once. The drafts come from :mod:`synth`:

- **sizes** 1x, 10x, 100x, 1000x the French sample (44 to 42,002 body paragraphs), each with
  five commands: ``check``; ``check --fix`` (writes DRAFT.fixed.docx); ``check --fix
  --unsafe-fixes``; ``check`` of the same draft with a suppression comment on every paragraph
  where the sample has findings (:func:`synth.suppressed`: 11,000 suppressions at 1000x);
  ``diff DRAFT DRAFT.fixed.docx -o redline.docx`` (the redline of the safe fixes);
- **one long paragraph**: title, formula and one paragraph of 8,000, 80,000 and 160,000 characters
  (the sample's text, :func:`synth.long_paragraph`), in one run and in one run per
  character; ``check``, ``--fix``, ``--unsafe-fixes`` and the ``diff`` of its fixes;
- **the comma draft**: 179,000 characters of ``",  "`` (:func:`synth.commas`, about 90,000
  findings) with ``--format json``; the same ten times longer (past ten times
  ``max-findings`` the check stops); and the first with ``max-findings`` raised to 1,000,000
  (what the cap saves). Compared with the peak RSS of ``check`` on the 1x draft.

The baselines are measured in the same run. A whole process pays for start-up (printed: each
command on a draft of the title and formula alone, :func:`synth.head_only`) and for set-up done
once on first use (patterns, data), so time per paragraph is taken as a **slope**: the CPU
time added from one size to the next, divided by the paragraphs added (for the long
paragraph: by the characters added, per 1,000). ``x 1x-10x`` divides a slope by the same
command's slope from 1x to 10x; ``x prev`` by the previous slope; for the long paragraph,
``x draft`` divides it by the same command's slope per 1,000 characters from the 1x to the
10x draft (more runs per character cost more XML to read: one run per character is not
expected near 1x). CPU time (user + system of the command) rather than wall time, because a
shared machine's load weighs on wall time far more; both are shown. A growth ratio
(``x 1x-10x``, ``x prev``) over 2 is flagged with ``!``: linear costs keep them near 1.

**Ceilings** (not with ``--quick``): for each command, the largest multiple of the sample
found to run in under 10 s of wall time: 95% of the size estimated from the two measured
sizes around 10 s (time is linear in size), run, and lowered by 10% until a run is under 10 s.

No timing is asserted anywhere; this prints tables.
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import synth  # noqa: E402
from bench_lint import child_env, cpu_model  # noqa: E402
from floors import _texts  # noqa: E402

WRAPPER = (
    "import resource, subprocess, sys, time\n"
    "out, err = (open(p, 'wb') if p != '-' else subprocess.DEVNULL for p in sys.argv[1:3])\n"
    "t = time.perf_counter()\n"
    "rc = subprocess.run(sys.argv[3:], stdout=out, stderr=err).returncode\n"
    "wall = time.perf_counter() - t\n"
    "u = resource.getrusage(resource.RUSAGE_CHILDREN)\n"
    "print(wall, u.ru_utime + u.ru_stime, u.ru_maxrss, rc)\n"
)

COMMANDS = ("check", "fix", "unsafe", "suppressed", "diff")
TITLES = {"check": "check", "fix": "check --fix", "unsafe": "check --fix --unsafe-fixes",
          "suppressed": "check, suppressions", "diff": "diff DRAFT DRAFT.fixed"}
FLAG = 2.0
CEILING_S = 10.0
BUDGET_S = 8.0  # repeats of one measurement stop once its runs would take this long
NOISE_S = 0.1


@dataclass
class Run:
    wall: float
    cpu: float
    rss_mib: float


@dataclass
class Measure:
    """The runs of one command on one draft."""

    runs: list[Run] = field(default_factory=list)

    @property
    def wall(self) -> float:
        return min(r.wall for r in self.runs)

    @property
    def cpu(self) -> float:
        return min(r.cpu for r in self.runs)

    @property
    def rss(self) -> float:
        return max(r.rss_mib for r in self.runs)


@dataclass
class Job:
    """One command to measure, and what must exist before its first run."""

    args: list[str]
    before: Callable[[], None] | None = None
    measure: Measure = field(default_factory=Measure)


class Bench:
    def __init__(self, folder: Path, repeat: int) -> None:
        self.folder = folder
        self.repeat = repeat
        self.env, self.note = child_env()
        exe = shutil.which("resolint", path=os.path.dirname(sys.executable)) or shutil.which("resolint")
        self.resolint = [exe] if exe else [sys.executable, "-m", "resolint"]

    def once(self, args: list[str], cwd: Path | None = None, stdout: Path | None = None,
             stderr: Path | None = None) -> Run:
        cmd = [sys.executable, "-c", WRAPPER, str(stdout or "-"), str(stderr or "-"), *self.resolint, *args]
        out = subprocess.run(cmd, capture_output=True, text=True, check=True, env=self.env,
                             cwd=cwd or self.folder)
        wall, cpu, rss, rc = out.stdout.split()
        if int(rc) not in (0, 1):
            raise RuntimeError(f"resolint {' '.join(args)} exited {rc}")
        return Run(float(wall), float(cpu), int(rss) / 1024)  # ru_maxrss: KiB on Linux

    def run(self, jobs: list[Job]) -> None:
        """Every job once, in order; then more rounds, taking turns, so that the machine's
        changing load weighs alike on every size: ``repeat`` runs of a job in all, fewer when
        they would take more than ``BUDGET_S`` (a job of 5 s or more runs once)."""
        for job in jobs:
            if job.before is not None:
                job.before()
            print(f"  resolint {' '.join(Path(a).name if '/' in a else a for a in job.args)}",
                  file=sys.stderr, flush=True)
            job.measure.runs.append(self.once(job.args))
        for k in range(1, self.repeat):
            for job in jobs:
                first = job.measure.runs[0].wall
                if first < 5.0 and (k + 1) * first <= BUDGET_S:
                    job.measure.runs.append(self.once(job.args))

    def write(self, name: str, data: bytes) -> Path:
        path = self.folder / name
        path.write_bytes(data)
        return path

    def plan(self, plain: Path, suppressed: Path | None, which: tuple[str, ...] = COMMANDS) -> dict[str, Job]:
        """The commands on one draft (``plain``) and its suppressed variant. ``--fix`` writes
        DRAFT.fixed.docx beside the draft, the diff compares the draft with it; ``--unsafe-fixes``
        works on a copy in a folder of its own."""
        jobs: dict[str, Job] = {}
        fixed = plain.with_name(plain.stem + ".fixed.docx")
        unsafe_dir = plain.parent / f"unsafe-{plain.stem}"
        unsafe_dir.mkdir(exist_ok=True)
        unsafe_copy = unsafe_dir / plain.name
        shutil.copyfile(plain, unsafe_copy)

        def fixed_exists() -> None:
            if not fixed.exists():
                self.once(["check", "--fix", str(plain), "--jobs", "1"])
            if not fixed.exists():  # nothing to fix: the diff of the draft with itself
                shutil.copyfile(plain, fixed)

        for name in which:
            if name == "check":
                jobs[name] = Job(["check", "--no-cache", str(plain), "--jobs", "1"])
            elif name == "fix":
                jobs[name] = Job(["check", "--fix", str(plain), "--jobs", "1"])
            elif name == "unsafe":
                jobs[name] = Job(["check", "--fix", "--unsafe-fixes", str(unsafe_copy), "--jobs", "1"])
            elif name == "suppressed" and suppressed is not None:
                jobs[name] = Job(["check", "--no-cache", str(suppressed), "--jobs", "1"])
            elif name == "diff":
                redline = plain.with_name(plain.stem + ".redline.docx")
                jobs[name] = Job(["diff", str(plain), str(fixed), "-o", str(redline)], fixed_exists)
        return jobs

    def commands(self, plain: Path, suppressed: Path | None, which: tuple[str, ...] = COMMANDS
                 ) -> dict[str, Measure]:
        jobs = self.plan(plain, suppressed, which)
        self.run(list(jobs.values()))
        return {name: job.measure for name, job in jobs.items()}


def body_chars(path: Path) -> int:
    """Characters in the body's paragraphs (``w:t`` joined per ``w:p``)."""
    with zipfile.ZipFile(path) as z:
        root = etree.fromstring(z.read("word/document.xml"), etree.XMLParser(resolve_entities=False))
    return sum(len(t) for t in _texts(root))


def fmt_ratio(x: float | None) -> str:
    if x is None:
        return "-"
    return f"{x:.2f}x" + (" !" if x > FLAG else "")


def table(head: list[str], rows: list[list[str]]) -> None:
    widths = [max(len(h), *(len(r[i]) for r in rows)) for i, h in enumerate(head)]
    print("  ".join(h.rjust(w) for h, w in zip(head, widths)))
    for r in rows:
        print("  ".join(c.rjust(w) for c, w in zip(r, widths)))


@dataclass
class Slope:
    """CPU ms per unit added from one measured point to the next."""

    ms: float
    added_s: float  # the CPU seconds added: under NOISE_S the slope is noise, not a cost

    @property
    def solid(self) -> bool:
        return self.added_s >= NOISE_S

    def __str__(self) -> str:
        return f"{self.ms:.3f}" if self.solid else f"({self.ms:.3f})"


def slopes(points: list[tuple[int, float]], per: int = 1) -> list[Slope | None]:
    """For each (amount, CPU s) point after the first, the CPU ms per ``per`` units added since the previous one."""
    out: list[Slope | None] = [None]
    for (a, ta), (b, tb) in zip(points, points[1:]):
        out.append(Slope((tb - ta) / (b - a) * 1000 * per, tb - ta))
    return out


def ratio(num: Slope | None, den: Slope | None) -> tuple[str, bool]:
    """``num / den`` as a cell, and whether it is a growth past FLAG; ``~`` when either is noise."""
    if num is None or den is None:
        return "-", False
    if not (num.solid and den.solid) or den.ms <= 0:
        return "~", False
    x = num.ms / den.ms
    return fmt_ratio(x), x > FLAG


def sizes_table(bench: Bench, sizes: list[int], start_plan: dict[str, Job]) -> dict[int, dict[str, Measure]]:
    plans: dict[int, dict[str, Job]] = {}
    for n in sizes:
        t = time.perf_counter()
        plain = bench.write(f"synthetic-{n}x.docx", synth.synthetic(n))
        sup = bench.write(f"suppressed-{n}x.docx", synth.suppressed(n))
        print(f"  {n}x built in {time.perf_counter() - t:.1f} s", file=sys.stderr, flush=True)
        plans[n] = bench.plan(plain, sup)
    bench.run([*start_plan.values(), *(job for n in sizes for job in plans[n].values())])
    start = {name: job.measure for name, job in start_plan.items()}
    results = {n: {name: job.measure for name, job in plans[n].items()} for n in sizes}
    print("\nSizes (start-up, the command on the title and formula alone: " + ", ".join(
        f"{k} {m.cpu:.2f} s" for k, m in start.items()) + " CPU)")
    head = ["command", "size", "paras", "supps", "wall s", "CPU s", "CPU ms/para", "slope ms/para",
            "x 1x-10x", "x prev", "RSS MiB"]
    rows = []
    flagged = []
    for name in COMMANDS:
        got = [n for n in sizes if name in results[n]]
        paras = [synth.counts(n)[0] for n in got]
        slope = slopes([(p, results[n][name].cpu) for p, n in zip(paras, got)])
        for i, n in enumerate(got):
            m = results[n][name]
            x1, f1 = ratio(slope[i], slope[1]) if i > 1 else ("-", False)
            xp, fp = ratio(slope[i], slope[i - 1]) if i > 1 else ("-", False)
            if f1 or fp:
                flagged.append(f"{name} {n}x")
            rows.append([TITLES[name], f"{n}x", f"{paras[i]:,}",
                         f"{synth.suppressions(n):,}" if name == "suppressed" else "",
                         f"{m.wall:.2f}", f"{m.cpu:.2f}", f"{m.cpu / paras[i] * 1000:.3f}",
                         "-" if slope[i] is None else str(slope[i]), x1, xp, f"{m.rss:.0f}"])
    table(head, rows)
    print("(slope: CPU ms per paragraph added since the previous size; x 1x-10x: the slope over the slope "
          "from 1x to 10x; x prev: over the previous slope; a slope in parentheses adds under "
          f"{NOISE_S} s of CPU: noise, and its ratios show ~)")
    if flagged:
        print("slopes over 2x: " + ", ".join(flagged))
    return results


def long_table(bench: Bench, chars_list: list[int], draft_slope: dict[str, Slope]) -> None:
    head = ["command", "chars", "runs", "wall s", "CPU s", "slope ms/1k chars", "x draft", "x prev", "RSS MiB"]
    rows = []
    flagged = []
    plans: dict[tuple[int, bool], dict[str, Job]] = {}
    for one_char in (False, True):
        for chars in chars_list:
            path = bench.write(f"long-{chars}-{'chars' if one_char else 'run'}.docx",
                               synth.long_paragraph(chars, one_char))
            plans[chars, one_char] = bench.plan(path, None, ("check", "fix", "unsafe", "diff"))
    bench.run([job for plan in plans.values() for job in plan.values()])
    results = {key: {name: job.measure for name, job in plan.items()} for key, plan in plans.items()}
    for name in ("check", "fix", "unsafe", "diff"):
        for one_char in (False, True):
            slope = slopes([(c, results[c, one_char][name].cpu) for c in chars_list], per=1000)
            for i, chars in enumerate(chars_list):
                m = results[chars, one_char][name]
                xd, _ = ratio(slope[i], draft_slope.get(name))
                xd = xd.replace(" !", "")  # a cost per character, not a growth: never flagged
                xp, fp = ratio(slope[i], slope[i - 1]) if i > 1 else ("-", False)
                if fp:
                    flagged.append(f"{name} {chars} {'one char per run' if one_char else 'one run'}")
                rows.append([TITLES[name], f"{chars:,}", "1 per char" if one_char else "1",
                             f"{m.wall:.2f}", f"{m.cpu:.2f}", "-" if slope[i] is None else str(slope[i]),
                             xd, xp, f"{m.rss:.0f}"])
    print("\nOne long paragraph")
    table(head, rows)
    print("(slope: CPU ms per 1,000 characters added since the previous length; x draft: over the same "
          "command's slope per 1,000 characters from the 1x to the 10x draft; x prev: over the previous slope; "
          f"a slope in parentheses adds under {NOISE_S} s of CPU: noise, and its ratios show ~)")
    if flagged:
        print("slopes over 2x: " + ", ".join(flagged))


def comma_table(bench: Bench, chars_list: list[int], one_x_rss: float, imports_rss: float) -> None:
    head = ["comma draft", "chars", "KiB", "max-findings", "reported", "not reported", "wall s", "RSS MiB",
            "x check 1x"]
    rows = []
    cases = [(c, None) for c in chars_list] + [(chars_list[0], 1_000_000)]
    for chars, cap in cases:
        folder = bench.folder / f"commas-{chars}-{cap or 'default'}"
        folder.mkdir(exist_ok=True)
        path = folder / "commas.docx"
        path.write_bytes(synth.commas(chars))
        if cap:
            (folder / "resolint.toml").write_text(f"[limits]\nmax-findings = {cap}\n")
        print(f"  commas, {chars:,} characters, max-findings {cap or 'default'}: running", file=sys.stderr, flush=True)
        out, err = folder / "out.json", folder / "err.txt"
        run = bench.once(["check", "--no-cache", "commas.docx", "--format", "json", "--jobs", "1"], cwd=folder,
                         stdout=out, stderr=err)
        reported = len(json.loads(out.read_text()))
        line = err.read_text().strip()
        cut = line.split(" more findings not reported")[0].rsplit(": ", 1)[-1] if "more findings" in line else "0"
        rows.append(["--format json", f"{chars:,}", f"{path.stat().st_size / 1024:.0f}",
                     f"{cap:,}" if cap else "10,000 (default)", f"{reported:,}", cut, f"{run.wall:.2f}",
                     f"{run.rss_mib:.0f}", f"{run.rss_mib / one_x_rss:.1f}x"])
    print(f"\nComma draft: peak RSS (x check 1x: against check on the 1x draft, {one_x_rss:.0f} MiB; "
          f"resolint --version: {imports_rss:.0f} MiB)")
    table(head, rows)


def ceilings(bench: Bench, results: dict[int, dict[str, Measure]]) -> None:
    head = ["command", "largest under 10 s", "paras", "wall s", "RSS MiB at 1000x"]
    rows = []
    sizes = sorted(results)
    drafts: dict[int, Path] = {}
    for name in COMMANDS:
        walls = {n: results[n][name].wall for n in sizes if name in results[n]}
        under = [n for n in sizes if walls[n] < CEILING_S]
        over = [n for n in sizes if walls[n] >= CEILING_S]
        rss_1000 = f"{results[1000][name].rss:.0f}" if 1000 in results and name in results[1000] else "-"
        if not over:
            best = max(under)
            rows.append([TITLES[name], f">= {best}x", f"{synth.counts(best)[0]:,}", f"{walls[best]:.2f}", rss_1000])
            continue
        a = max(under) if under else 1
        b = min(over)
        wa, wb = walls.get(a, 0.0), walls[b]
        n = int(0.95 * (a + (CEILING_S - wa) * (b - a) / max(wb - wa, 1e-9)))
        found = None
        for _ in range(6):
            n = int(float(f"{n:.2g}")) if n >= 10 else n
            if n <= a:
                break
            print(f"  ceiling of {name}: trying {n}x", file=sys.stderr, flush=True)
            if n not in drafts:
                drafts[n] = bench.write(f"ceiling-{n}x.docx", synth.synthetic(n))
            sup = bench.write(f"ceiling-suppressed-{n}x.docx", synth.suppressed(n)) if name == "suppressed" else None
            m = bench.commands(drafts[n], sup, (name,))[name]
            if m.wall < CEILING_S:
                found = (n, m.wall)
                break
            n = int(n * 0.9)
        if found is None:
            found = (a, walls[a])
        rows.append([TITLES[name], f"{found[0]}x", f"{synth.counts(found[0])[0]:,}", f"{found[1]:.2f}", rss_1000])
    print("\nCeilings (wall time, this machine, this run)")
    table(head, rows)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--quick", action="store_true", help="1x to 100x, 8,000 and 80,000 characters, no ceilings")
    ap.add_argument("--sizes", type=int, nargs="+", help="multiples of the sample (default 1 10 100 1000)")
    ap.add_argument("--chars", type=int, nargs="+", help="long paragraph lengths (default 8000 80000 160000)")
    ap.add_argument("--repeat", type=int, default=5, help="runs of each measurement under 5 s (the least time is shown)")
    ap.add_argument("--no-ceilings", action="store_true")
    args = ap.parse_args(argv)
    sizes = args.sizes or ([1, 10, 100] if args.quick else [1, 10, 100, 1000])
    sizes = sorted({1, 10, *sizes})  # the first slope is 1x to 10x
    chars_list = args.chars or ([8000, 80000] if args.quick else [8000, 80000, 160000])
    comma_chars = [179_000] if args.quick else [179_000, 1_790_000]

    started = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp:
        bench = Bench(Path(tmp), args.repeat)
        print(f"CPU: {cpu_model()} ({os.cpu_count()} logical), Python {sys.version.split()[0]}")
        if bench.note:
            print(bench.note)
        try:
            print(f"load average: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
        except OSError:
            pass
        # Warm-up: the children's byte-code cache.
        warm = bench.write("warm-up.docx", synth.synthetic(1))
        bench.once(["check", str(warm)])
        head = bench.write("head.docx", synth.head_only())
        head_sup = bench.write("head-suppressed.docx", synth.head_only())
        imports_rss = bench.once(["--version"]).rss_mib
        results = sizes_table(bench, sizes, bench.plan(head, head_sup))
        one_x, ten_x = results[1], results[10]
        added = body_chars(bench.folder / "synthetic-10x.docx") - body_chars(bench.folder / "synthetic-1x.docx")
        draft_slope = {k: Slope((ten_x[k].cpu - one_x[k].cpu) / added * 1000 * 1000, ten_x[k].cpu - one_x[k].cpu)
                       for k in ("check", "fix", "unsafe", "diff")}
        long_table(bench, chars_list, draft_slope)
        comma_table(bench, comma_chars, one_x["check"].rss, imports_rss)
        if not args.quick and not args.no_ceilings:
            ceilings(bench, results)
    try:
        print(f"\nload average: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    except OSError:
        pass
    print(f"total {time.perf_counter() - started:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
