"""Count the instructions of ``resolint check`` and of the python-docx floor (valgrind).

Usage::

    python benchmarks/bench_instructions.py [--size 100]

Wall time on a shared machine drifts by tens of percent from minute to minute; an
instruction count does not. Each of the two is run under ``valgrind --tool=callgrind``
in a fresh process, once with one call and once with two, and the difference is the
instructions of one call (start-up, imports and first-call work cancel out). The check
is ``resolint check FILE --jobs 1`` in-process; the floor is :func:`floors.python_docx_floor`;
every call starts from a collected heap (:func:`floors.settle`), as in ``bench_lint``.
The two counts run side by side (two processes). Needs valgrind; about 50 times slower
than the code it counts (the 100x draft: some minutes). Prints the counts and their ratio.
"""
from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from synth import synthetic  # noqa: E402

#: The measured program: ``python -c CHILD WHAT FILE CALLS``.
CHILD = """
import contextlib, io, sys
sys.path.insert(0, {here!r})
from floors import python_docx_floor, settle
what, path, calls = sys.argv[1], sys.argv[2], int(sys.argv[3])

def check():
    from resolint.cli import main
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
        main(["check", "--no-cache", path, "--jobs", "1"])

run = check if what == "check" else (lambda: python_docx_floor(path))
for _ in range(calls):
    settle()
    run()
"""


def instructions(what: str, path: Path, calls: int) -> int:
    """Instructions valgrind counts for a fresh process making ``calls`` calls of ``what``."""
    env = dict(os.environ, PYTHONHASHSEED="0")
    out = subprocess.run(["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null",
                          sys.executable, "-c", CHILD.format(here=str(HERE)), what, str(path), str(calls)],
                         capture_output=True, text=True, env=env, check=True)
    found = re.search(r"Collected\s*:\s*(\d+)", out.stderr)
    if found is None:
        raise SystemExit(f"valgrind printed no count for {what}")
    return int(found.group(1))


def per_call(what: str, path: Path) -> int:
    return instructions(what, path, 2) - instructions(what, path, 1)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--size", type=int, default=100, help="synthetic draft size (1, 10, 100)")
    args = ap.parse_args()
    if shutil.which("valgrind") is None:
        raise SystemExit("valgrind is not installed")
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"synthetic-{args.size}x.docx"
        path.write_bytes(synthetic(args.size))
        with ThreadPoolExecutor(2) as pool:
            floor, check = pool.map(lambda what: per_call(what, path), ["floor", "check"])
    print(f"{args.size}x draft, instructions per call (valgrind callgrind, 2 calls - 1 call)")
    print(f"  python-docx floor: {floor / 1e6:,.0f} M")
    print(f"  resolint check:    {check / 1e6:,.0f} M")
    print(f"  ratio:             {check / floor:.2f}x")


if __name__ == "__main__":
    main()
