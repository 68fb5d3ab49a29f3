"""The cache of unchanged drafts: a warm ``check`` of the samples against ``check --no-cache``.

    python benchmarks/bench_cache.py [--repeat 5] [--folder samples]

Each measure is the wall time of a whole ``resolint check`` process over the folder
(start-up included, as a pre-commit hook runs it), best of ``--repeat`` runs taken in turns
(no cache, warm cache, no cache...) so that other load on the machine weighs on both alike.
The cache lives in a fresh temporary folder (``RESOLINT_CACHE_DIR``), filled by one run
first; compiled bytecode goes to a temporary ``PYTHONPYCACHEPREFIX``, as an installed
package has it. Both runs must print the same report. Prints the ratio
no-cache / warm and exits 1 if it is below ``--min-ratio`` (default 3).
"""
from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def run(folder: Path, env: dict[str, str], cache: bool) -> tuple[float, str]:
    """(wall seconds, report) of one ``check`` process."""
    args = [sys.executable, "-m", "resolint", "check", "--no-progress", "--color", "never", str(folder)]
    if not cache:
        args.append("--no-cache")
    started = time.perf_counter()
    proc = subprocess.run(args, capture_output=True, text=True, env=env)
    elapsed = time.perf_counter() - started
    if proc.returncode not in (0, 1):
        raise SystemExit(f"resolint failed ({proc.returncode}): {proc.stderr}")
    return elapsed, proc.stdout


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--folder", type=Path, default=ROOT / "samples")
    ap.add_argument("--min-ratio", type=float, default=3.0)
    opts = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        env = dict(os.environ, RESOLINT_CACHE_DIR=os.path.join(tmp, "cache"),
                   PYTHONPYCACHEPREFIX=os.path.join(tmp, "pyc"))
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        run(opts.folder, env, cache=False)  # bytecode compiled once
        _, first = run(opts.folder, env, cache=True)  # the cache filled
        cold: list[float] = []
        warm: list[float] = []
        for _ in range(opts.repeat):
            t, report = run(opts.folder, env, cache=False)
            cold.append(t)
            t, cached = run(opts.folder, env, cache=True)
            warm.append(t)
            if cached != report or cached != first:
                raise SystemExit("the cached report differs from the checked one")
    ratio = min(cold) / min(warm)
    n = len(list(opts.folder.glob("*.docx")))
    print(f"check of {n} drafts in {opts.folder.name}/: no cache {min(cold):.3f}s, warm cache {min(warm):.3f}s "
          f"(best of {opts.repeat}); ratio {ratio:.1f}x")
    return 0 if ratio >= opts.min_ratio else 1


if __name__ == "__main__":
    sys.exit(main())
