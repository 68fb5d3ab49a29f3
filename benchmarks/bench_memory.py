"""Peak memory of ``resolint check`` on zip bombs and a 5,000-paragraph draft.

Each measurement runs in a fresh child process: a small wrapper starts the command as its
only child, waits for it and reports ``getrusage(RUSAGE_CHILDREN).ru_maxrss`` (the peak
resident set size of that one child). Two floors are measured in the same run:

- **baseline**: opening the same file with ``zipfile`` and parsing ``word/document.xml``
  with ``lxml`` (what any reader of the file must pay; for a bomb, parsing stops at
  the damage);
- **imports**: ``python -m resolint --version`` (the interpreter, lxml, python-docx-free
  imports and the plugins, with no file at all).

Usage::

    python benchmarks/bench_memory.py             # print the table
    python benchmarks/bench_memory.py --check     # also fail if a peak is not bounded

``--check`` fails when resolint's peak on a bomb exceeds the imports floor by more than
``--bomb-slack`` MiB (default 32) plus what the bomb declares within the limits (only the
100 MB one), or its peak on the 5,000-paragraph draft exceeds
the imports floor plus ``--factor`` (default 12) times the baseline's own cost over a
bare interpreter.
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

WRAPPER = (
    "import resource, subprocess, sys\n"
    "subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)\n"
    "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)\n"
)

BASELINE = (
    "import sys, zipfile\n"
    "from lxml import etree\n"
    "try:\n"
    "    with zipfile.ZipFile(sys.argv[1]) as z:\n"
    "        z.infolist()\n"
    "        info = z.getinfo('word/document.xml')\n"
    "        if info.file_size <= 64 * 1024 * 1024:\n"
    "            etree.fromstring(z.read(info), etree.XMLParser(resolve_entities=False, huge_tree=True))\n"
    "except Exception:\n"
    "    pass\n"
)


def peak_kib(cmd: list[str]) -> int:
    """Peak RSS (KiB on Linux) of ``cmd`` run as the only child of a fresh wrapper process."""
    out = subprocess.run([sys.executable, "-c", WRAPPER, *cmd], capture_output=True, text=True, check=True)
    return int(out.stdout.strip().splitlines()[-1])


def mib(kib: int) -> float:
    return kib / 1024


def build(folder: Path) -> dict[str, Path]:
    from hardening import corpus as c

    return {
        "zip bomb: 1 GiB declared": c.make_bomb_declared(folder),
        "zip bomb: 64 MiB at 1000:1": c.make_bomb_ratio(folder),
        "zip bomb: lying header (512 MiB)": c.make_bomb_lying(folder),
        # Declares 100 MB, which the default limits allow: reading it costs that much, then the CRC fails.
        "zip bomb: lying header, 100 MB declared": c.make_bomb_lying_large(folder),
        "central directory of 60,000 entries": c.make_huge_central_directory(folder),
        "5,000 paragraphs": c.make_many_paragraphs(folder, 5000),
        "1 MB paragraph": c.make_long_paragraph(folder),
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--check", action="store_true", help="exit 1 if a peak is not bounded")
    ap.add_argument("--bomb-slack", type=float, default=32.0, help="MiB allowed over the imports floor on bombs")
    ap.add_argument("--factor", type=float, default=12.0,
                    help="allowed multiple of the baseline's parsing cost on ordinary drafts")
    ap.add_argument("--json", action="store_true", help="print JSON instead of a table")
    args = ap.parse_args(argv)

    env_cmd = [sys.executable, "-m", "resolint"]
    bare = peak_kib([sys.executable, "-c", "pass"])
    imports = peak_kib([*env_cmd, "--version"])
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for name, path in build(Path(tmp)).items():
            base = peak_kib([sys.executable, "-c", BASELINE, str(path)])
            ours = peak_kib([*env_cmd, "check", "--no-cache", str(path)])
            rows.append({"case": name, "file_kib": path.stat().st_size // 1024, "baseline_kib": base,
                         "resolint_kib": ours})
    failures = []
    for row in rows:
        if row["case"].startswith(("zip bomb", "central")):
            allowed = 100 * 1000 * 1000 // 1024 if "100 MB declared" in row["case"] else 0
            limit = imports + allowed + args.bomb_slack * 1024
        else:
            limit = imports + args.factor * max(row["baseline_kib"] - bare, 1024)
        row["bounded"] = row["resolint_kib"] <= limit
        if not row["bounded"]:
            failures.append(row["case"])
    if args.json:
        print(json.dumps({"bare_kib": bare, "imports_kib": imports, "rows": rows}, indent=2))
    else:
        print(f"python -c pass: {mib(bare):.1f} MiB   python -m resolint --version: {mib(imports):.1f} MiB")
        print(f"{'case':42} {'file':>9} {'baseline':>10} {'resolint':>10}  bounded")
        for row in rows:
            print(f"{row['case']:42} {mib(row['file_kib']):7.1f}Mi {mib(row['baseline_kib']):8.1f}Mi "
                  f"{mib(row['resolint_kib']):8.1f}Mi  {'yes' if row['bounded'] else 'NO'}")
    if args.check and failures:
        print("unbounded peak memory: " + ", ".join(failures), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    os.environ.setdefault("PYTHONHASHSEED", "0")
    sys.exit(main())
