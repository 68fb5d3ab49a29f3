"""The rule pages ``docs/rules/CODE.md``, generated from the rules themselves.

    python -m resolint.docs            # write docs/rules/ (the repository's)
    python -m resolint.docs --check    # exit 1, naming the pages, if they differ from the rules
    python -m resolint.docs --out DIR  # write elsewhere

One page per built-in rule (and ``R001 rule-crashed``): code, name, summary, severity,
scopes, languages, fix safety, options; the conventions it enforces, linked to their
sections of ``docs/conventions.md`` with their titles; then the rule's own documentation
(What it does, Why, Example, Use instead, References), the References' ``conventions.md
X`` turned into links. ``docs/rules/README.md`` lists every rule. Word comments and SARIF
results link to these pages (:mod:`resolint.messages`).
"""
from __future__ import annotations

import argparse
import re
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .plugin_manager import Manager
    from .rule import Rule

ROOT = Path(__file__).resolve().parent.parent
CONVENTIONS = ROOT / "docs" / "conventions.md"
#: A convention's identifier ("OP-004", "CIT-001"), a section ("section 6"), a defect ("D6").
_ID = re.compile(r"\b([A-Z]{2,4}-\d{3})\b")
_SECTION = re.compile(r"\bsection (\d+)\b")
_DEFECT = re.compile(r"(?:\bdefect |\()(D\d+)\b")
_HEADING = re.compile(r"^(#{2,3}) (.+?)\s*$", re.M)
_PLURAL = {"none": "no automatic fix", "safe": "safe: applied by `--fix`",
           "unsafe": "unsafe: applied by `--fix --unsafe-fixes` (check the result)"}


def anchor(title: str) -> str:
    """The anchor a Markdown renderer (GitHub's) gives a heading."""
    kept = "".join(ch for ch in title.lower() if ch.isalnum() or ch in " -_")
    return kept.replace(" ", "-")


@dataclass(frozen=True)
class Conventions:
    """The sections and identifiers of ``docs/conventions.md``: key -> (title, anchor)."""

    ids: dict[str, tuple[str, str]]
    sections: dict[str, tuple[str, str]]
    defects: set[str]
    #: identifier -> its "Source:" line
    sources: dict[str, str]

    @classmethod
    def read(cls, path: Path = CONVENTIONS) -> "Conventions":
        text = path.read_text(encoding="utf-8")
        ids, sections = {}, {}
        for level, title in _HEADING.findall(text):
            m = re.match(r"(\d+)\. ", title)
            if level == "##" and m:
                sections[m.group(1)] = (title, anchor(title))
            m = _ID.match(title)
            if level == "###" and m:
                ids[m.group(1)] = (title, anchor(title))
        defects = set(re.findall(r"^\| (D\d+) \|", text, re.M))
        sources = {}
        for block in re.split(r"^### ", text, flags=re.M)[1:]:
            m = _ID.match(block)
            src = re.search(r"^Source: (.+?)(?:\n\n|\n#|\Z)", block, re.M | re.S)
            if m and src:
                sources[m.group(1)] = " ".join(src.group(1).split())
        return cls(ids, sections, defects, sources)


def citations(text: str) -> list[str]:
    """What ``text`` cites of conventions.md, in order: ``OP-004``, ``section 6``, ``D6``."""
    out: list[str] = []
    for m in re.finditer(r"conventions\.md", text):
        rest = text[m.end():]
        ends = [i for i in (rest.find("\n    -"), rest.find("\n-"), rest.find("\n\n"), rest.find('"""'), 300) if i >= 0]
        segment = " ".join(rest[:min(ends)].split())
        for found in re.finditer(rf"{_ID.pattern}|{_SECTION.pattern}|{_DEFECT.pattern}", segment):
            ident, section, defect = found.groups()
            key = ident or (f"section {section}" if section else defect)
            if key not in out:
                out.append(key)
    return out


def missing(cited: list[str], conv: Conventions) -> list[str]:
    """The citations of ``cited`` that ``conv`` does not hold."""
    out = []
    for key in cited:
        if key.startswith("section "):
            ok = key.split()[1] in conv.sections
        elif re.fullmatch(r"D\d+", key):
            ok = key in conv.defects
        else:
            ok = key in conv.ids
        if not ok:
            out.append(key)
    return out


def _link(key: str, conv: Conventions) -> str:
    if key.startswith("section "):
        title, anc = conv.sections[key.split()[1]]
        return f"[{title}](../conventions.md#{anc})"
    if key in conv.ids:
        title, anc = conv.ids[key]
        return f"[{title}](../conventions.md#{anc})"
    title, anc = conv.sections["6"]
    return f"[{key}, {title.split('. ', 1)[1].lower()}](../conventions.md#{anc})"


def _linked_references(doc: str, conv: Conventions) -> str:
    """``doc`` with each ``conventions.md X, Y`` of its References made links."""
    def repl(m: re.Match[str]) -> str:
        return "[conventions.md](../conventions.md)"

    head, sep, refs = doc.partition("## References")
    if not sep:
        return doc
    out = []
    for line in refs.split("\n"):
        if "conventions.md" in line:
            for key in citations(line):
                if key in conv.ids:
                    line = re.sub(rf"\b{re.escape(key)}\b", f"[{key}](../conventions.md#{conv.ids[key][1]})", line, count=1)
                elif key.startswith("section ") and key.split()[1] in conv.sections:
                    anc = conv.sections[key.split()[1]][1]
                    line = re.sub(rf"\b{key}\b", f"[{key}](../conventions.md#{anc})", line, count=1)
            line = re.sub(r"conventions\.md", repl, line, count=1)
        out.append(line)
    return head + sep + "\n".join(out)


def page(code: str, name: str, summary: str, facts: list[tuple[str, str]], doc: str, conv: Conventions) -> str:
    """The Markdown page of one rule."""
    lines = [f"# {code} {name}", "", summary + ("." if summary and not summary.endswith(".") else ""), "",
             "| | |", "|---|---|"]
    lines += [f"| {k} | {v} |" for k, v in facts]
    cited = citations(doc)
    lines += ["", "## Conventions enforced", ""]
    if any(re.fullmatch(r"D\d+", k) for k in cited):
        cited = [k for k in cited if k != "section 6"]  # the defect names its row of section 6
    if cited:
        for k in cited:
            if not missing([k], conv):
                source = conv.sources.get(k)
                lines.append(f"- {_link(k, conv)}" + (f" (source: {source})" if source else ""))
    else:
        lines.append("No convention of [conventions.md](../conventions.md): see References.")
    first, _, rest = doc.partition("\n")
    lines += ["", "## Documentation", "", first.strip(), ""]
    body = _linked_references(rest.strip(), conv).replace("\n## ", "\n### ")
    body = re.sub(r"\A## ", "### ", body)
    lines.append(body)
    return "\n".join(lines).rstrip() + "\n\n<!-- generated by `python -m resolint.docs` from the rule's code: do not edit -->\n"


def rule_facts(rule: "Rule") -> list[tuple[str, str]]:
    facts = [("Code", f"`{rule.code}`"), ("Name", f"`{rule.name}`"), ("Severity", rule.severity.value),
             ("Scopes", ", ".join(s.value for s in rule.scopes) or "-"),
             ("Languages", ", ".join(rule.languages) if rule.languages else "all"),
             ("Fix", _PLURAL[rule.fix.value])]
    if rule.options:
        opts = ", ".join(f"`{k} = {v!r}`" for k, v in rule.options.items())
        facts.append(("Options", f"{opts} in `[tool.resolint.{rule.name}]`"))
    facts.append(("Select / ignore", f"`{rule.code}`, `{rule.code[0]}`, `{rule.name}`"))
    return facts


def pages(manager: "Manager", conv: Conventions) -> dict[str, str]:
    """File name -> text of every page (the index included)."""
    from .cli import CRASH_DOC

    out: dict[str, str] = {}
    rows = []
    for rule in manager.rules.values():
        if rule.plugin != "rules":
            continue  # plugins document their own rules
        out[f"{rule.code}.md"] = page(rule.code, rule.name, rule.summary, rule_facts(rule), rule.documentation(), conv)
        rows.append((rule.code, rule.name, rule.summary, rule.severity.value, rule.fix.value))
    crash = CRASH_DOC.split("\n", 2)[2]
    out["R001.md"] = page("R001", "rule-crashed", "A rule raised an error on one part of the draft",
                          [("Code", "`R001`"), ("Name", "`rule-crashed`"), ("Severity", "error"),
                           ("Scopes", "any"), ("Languages", "all"), ("Fix", _PLURAL["none"])], crash, conv)
    rows.append(("R001", "rule-crashed", "A rule raised an error on one part of the draft", "error", "none"))
    index = ["# Rules", "", "Every rule of resolint, one page each, generated from the rules' code by",
             "`python -m resolint.docs` (`tests/test_rule_docs.py` fails when a page differs). The",
             "conventions they enforce: [conventions.md](../conventions.md).", "",
             "| Code | Name | Summary | Severity | Fix |", "|---|---|---|---|---|"]
    for code, name, summary, severity, fix in sorted(rows):
        index.append(f"| [{code}]({code}.md) | `{name}` | {summary.replace('|', '/')} | {severity} | {fix} |")
    out["README.md"] = "\n".join(index) + "\n"
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m resolint.docs", description="Generate docs/rules/ from the rules.")
    ap.add_argument("--out", type=Path, default=ROOT / "docs" / "rules")
    ap.add_argument("--check", action="store_true", help="write nothing; exit 1 if the pages differ")
    args = ap.parse_args(argv)
    from .atomic import write_atomic
    from .plugin_manager import get_manager

    conv = Conventions.read()
    manager = get_manager(())
    wanted = pages(manager, conv)
    broken = {code: missing(citations(rule.documentation()), conv) for code, rule in manager.rules.items()}
    broken = {k: v for k, v in broken.items() if v}
    if broken:
        for code, keys in sorted(broken.items()):
            print(f"{code}: cites {', '.join(keys)}, not in docs/conventions.md", file=sys.stderr)
        return 1
    present = {p.name for p in args.out.glob("*.md")} if args.out.is_dir() else set()
    stale = sorted(n for n, text in wanted.items()
                   if n not in present or (args.out / n).read_text(encoding="utf-8") != text)
    extra = sorted(present - set(wanted))
    if args.check:
        for n in stale:
            print(f"docs/rules/{n}: differs from the rule (run python -m resolint.docs)", file=sys.stderr)
        for n in extra:
            print(f"docs/rules/{n}: no such rule", file=sys.stderr)
        return 1 if stale or extra else 0
    args.out.mkdir(parents=True, exist_ok=True)
    for n in stale:
        write_atomic(args.out / n, wanted[n].encode("utf-8"))
    for n in extra:
        (args.out / n).unlink()
    print(f"{len(stale)} page(s) written, {len(extra)} removed, in {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
