"""Output formats: ``text``, ``json``, ``sarif``, ``github`` and ``junit``.

``sarif`` is SARIF 2.1.0 for code-scanning services, with a stable fingerprint per
finding; ``github`` prints GitHub Actions workflow commands (annotations on the pull
request) and a summary; ``junit`` is JUnit XML for CI test reports.
"""
from __future__ import annotations

import hashlib
import json
import os
import unicodedata
from pathlib import Path
from typing import TYPE_CHECKING, Any

from resolint.context import in_context
from resolint.hookspecs import hookimpl

if TYPE_CHECKING:
    from resolint.config import Config
    from resolint.engine import FileResult
    from resolint.findings import Finding
    from resolint.model import Resolution


class ConciseFormatter:
    description = "one line per finding: path:PARA:COL: CODE [label] severity: message"

    def line(self, f: "Finding") -> str:
        fix = " [*]" if f.fix is not None and f.fix.safety.value == "safe" else ""
        return f"{f.path}:{f.paragraph}:{f.column}: {f.code} [{f.label}] {f.severity.value}: {f.message}{fix}"

    def format(self, results: "list[FileResult]", summary: bool = True) -> str:
        lines = [self.line(f) for res in results for f in res.findings] + (_summary(results) if summary else [])
        return "\n".join(lines) + ("\n" if lines else "")


class TextFormatter(ConciseFormatter):
    description = "each finding on one line, then its text in context (the flagged part between » «)"

    def format(self, results: "list[FileResult]", summary: bool = True) -> str:
        lines = []
        for res in results:
            for f in res.findings:
                lines.append(self.line(f))
                shown = f.extra.get("context") or in_context(f, res.document)
                if shown:
                    lines.append(f"    {shown}")
        lines += _summary(results) if summary else []
        return "\n".join(lines) + ("\n" if lines else "")


def _summary(results: "list[FileResult]") -> list[str]:
    """The closing line: how many findings in how many drafts, or that all checks passed."""
    lines: list[str] = []
    total = sum(len(r.findings) for r in results)
    fixable = sum(1 for r in results for f in r.findings if f.fix is not None and f.fix.safety.value == "safe")
    files = sum(1 for r in results if r.error is None)
    with_findings = sum(1 for r in results if r.findings)
    if total:
        # The same counts as the batch summary on standard error ("N findings in M drafts").
        checked = f" ({files} checked)" if files != with_findings else ""
        lines.append(f"Found {_plural(total, 'finding')} in {_plural(with_findings, 'draft')}{checked}"
                     + (f"; {fixable} fixable with --fix." if fixable else "."))
    elif files:
        lines.append(f"All checks passed ({_plural(files, 'draft')}).")
    return lines


class JsonFormatter:
    description = "a JSON array of finding objects"

    def format(self, results: "list[FileResult]") -> str:
        data = [f.to_dict() for res in results for f in res.findings]
        return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


# -- shared helpers ----------------------------------------------------------------------------
#: The manager of the run, seen through ``resolint_configure`` (rule metadata for SARIF).
_RUN: dict[str, Any] = {}


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'s' if n != 1 else ''}"


def _normalise(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).split())


def display_path(path: str) -> str:
    """``path`` relative to the working folder when inside it, with forward slashes."""
    p = Path(path)
    try:
        return p.resolve().relative_to(Path.cwd().resolve()).as_posix()
    except (ValueError, OSError):
        return p.as_posix()


def fingerprint(finding: "Finding", document: "Resolution | None" = None) -> str:
    """A hash of (rule code, label, normalised flagged text, path): not of offsets, so it
    survives edits elsewhere in the draft. Zero-width findings use their message instead."""
    span = finding.extra.get("span")
    if span is None:
        from resolint.batch import span_text

        span = span_text(finding, document) or ""
    what = _normalise(span) or "msg:" + _normalise(finding.message)
    key = "\x1f".join((finding.code, finding.label, what, display_path(finding.path)))
    return hashlib.sha256(key.encode("utf-8", "surrogatepass")).hexdigest()[:32]


def fingerprints(result: "FileResult") -> list[str]:
    """Fingerprints of a file's findings; repeats get ``:2``, ``:3``... in finding order."""
    seen: dict[str, int] = {}
    out = []
    for f in result.findings:
        fp = fingerprint(f, result.document)
        seen[fp] = seen.get(fp, 0) + 1
        out.append(fp if seen[fp] == 1 else f"{fp}:{seen[fp]}")
    return out


# -- SARIF 2.1.0 ---------------------------------------------------------------------------------
SARIF_SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
_SARIF_LEVEL = {"error": "error", "warning": "warning", "info": "note"}


class SarifFormatter:
    description = "SARIF 2.1.0 (code scanning), with stable fingerprints"

    def _rules(self) -> dict[str, Any]:
        manager = _RUN.get("manager")
        if manager is None:
            from resolint.plugin_manager import get_manager

            manager = get_manager()
        return dict(manager.rules)

    @staticmethod
    def _descriptor(code: str, name: str, rule: Any) -> dict[str, Any]:
        out: dict[str, Any] = {"id": code, "name": name}
        if rule is None:
            out["shortDescription"] = {"text": name}
            return out
        doc = rule.documentation()
        summary = rule.summary or doc.partition("\n")[0] or name
        out["shortDescription"] = {"text": summary}
        if doc:
            out["fullDescription"] = {"text": doc.partition("\n")[0] or summary}
            out["help"] = {"text": doc, "markdown": doc}
        help_uri = getattr(rule, "help_uri", None)
        if help_uri is None and rule.plugin == "rules":  # a built-in rule: its page in docs/rules
            from resolint.messages import docs_url, rule_url

            help_uri = rule_url(code) if docs_url() else None  # an absolute address, or none
        if help_uri:
            out["helpUri"] = help_uri
        out["defaultConfiguration"] = {"level": _SARIF_LEVEL.get(rule.severity.value, "warning")}
        out["properties"] = {"fix": rule.fix.value, "scopes": [s.value for s in rule.scopes],
                             "tags": [rule.plugin or "resolint"]}
        return out

    def document(self, results: "list[FileResult]") -> dict[str, Any]:
        from resolint import __version__

        registered = self._rules()
        used: dict[str, str] = {}
        for res in results:
            for f in res.findings:
                used.setdefault(f.code, f.name)
        codes = sorted(set(registered) | set(used))
        index = {code: i for i, code in enumerate(codes)}
        descriptors = [self._descriptor(c, registered[c].name if c in registered else used[c], registered.get(c))
                       for c in codes]
        sarif_results: list[dict[str, Any]] = []
        artifacts: list[dict[str, Any]] = []
        notifications: list[dict[str, Any]] = []
        for res in results:
            uri = display_path(res.path)
            artifacts.append({"location": {"uri": uri}})
            if res.error:
                notifications.append({"level": "error", "message": {"text": res.error},
                                      "locations": [{"physicalLocation": {"artifactLocation": {"uri": uri}}}]})
                continue
            for f, fp in zip(res.findings, fingerprints(res)):
                region: dict[str, Any] = {"startLine": max(f.paragraph, 1), "startColumn": f.start + 1}
                if f.end > f.start:
                    region["endLine"] = region["startLine"]
                    region["endColumn"] = f.end + 1
                # Lines are paragraphs and columns count within a paragraph's text: no
                # charOffset, which SARIF counts from the start of the (binary) file.
                span = f.extra.get("span")
                if span is None:
                    from resolint.batch import span_text

                    span = span_text(f, res.document)
                if span:
                    region["snippet"] = {"text": span}
                result: dict[str, Any] = {
                    "ruleId": f.code,
                    "ruleIndex": index[f.code],
                    "level": _SARIF_LEVEL.get(f.severity.value, "warning"),
                    "message": {"text": f"[{f.label}] {f.message}"},
                    "locations": [{
                        "physicalLocation": {"artifactLocation": {"uri": uri}, "region": region},
                        "logicalLocations": [{"name": f.label, "fullyQualifiedName": f"{uri}#{f.label}",
                                              "kind": "paragraph"}],
                    }],
                    "partialFingerprints": {"resolint/v1": fp},
                    "properties": {"label": f.label, "paragraph": f.paragraph},
                }
                if f.fix is not None:
                    result["properties"]["fix"] = f.fix.safety.value
                sarif_results.append(result)
        run: dict[str, Any] = {
            "tool": {"driver": {"name": "resolint", "version": __version__,
                                "informationUri": "https://pypi.org/project/resolint/",
                                "rules": descriptors}},
            "columnKind": "unicodeCodePoints",
            "artifacts": artifacts,
            "results": sarif_results,
            "invocations": [{"executionSuccessful": not notifications,
                             "toolExecutionNotifications": notifications}],
        }
        return {"$schema": SARIF_SCHEMA, "version": "2.1.0", "runs": [run]}

    def format(self, results: "list[FileResult]") -> str:
        return json.dumps(self.document(results), ensure_ascii=False, indent=2) + "\n"


# -- GitHub Actions ------------------------------------------------------------------------------
_GH_COMMAND = {"error": "error", "warning": "warning", "info": "notice"}


def _gh_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _gh_prop(text: str) -> str:
    return _gh_data(text).replace(":", "%3A").replace(",", "%2C")


class GithubFormatter:
    description = "GitHub Actions annotations (::error/::warning) and a summary"

    def format(self, results: "list[FileResult]", summary: bool = True) -> str:
        lines = []
        for res in results:
            path = display_path(res.path)
            if res.error:
                lines.append(f"::error file={_gh_prop(path)},title=resolint::{_gh_data(res.error)}")
                continue
            for f in res.findings:
                props = [f"file={_gh_prop(path)}", f"line={max(f.paragraph, 1)}", f"col={f.column}"]
                if f.end > f.start:
                    props.append(f"endColumn={f.end + 1}")
                props.append(f"title={_gh_prop(f'{f.code} {f.name}')}")
                command = _GH_COMMAND.get(f.severity.value, "warning")
                lines.append(f"::{command} {','.join(props)}::{_gh_data(f'[{f.label}] {f.message}')}")
        summary = self.summary_line(results)
        lines.append(summary)
        step_summary = os.environ.get("GITHUB_STEP_SUMMARY")
        if step_summary:
            try:
                with open(step_summary, "a", encoding="utf-8", errors="backslashreplace") as fh:
                    fh.write(self.markdown(results))
            except OSError:
                pass
        return "\n".join(lines) + "\n"

    @staticmethod
    def summary_line(results: "list[FileResult]") -> str:
        total = sum(len(r.findings) for r in results)
        with_findings = sum(1 for r in results if r.findings)
        errors = sum(1 for r in results if r.error)
        line = (f"resolint: {_plural(total, 'finding')} in {_plural(with_findings, 'draft')}"
                f" ({_plural(len(results), 'draft')} checked")
        return line + (f", {_plural(errors, 'unreadable draft')})" if errors else ")")

    @staticmethod
    def markdown(results: "list[FileResult]") -> str:
        """A Markdown summary for ``$GITHUB_STEP_SUMMARY``: one row per file with findings."""
        out = ["## resolint", "", GithubFormatter.summary_line(results), ""]
        rows = [r for r in results if r.findings or r.error]
        if rows:
            out += ["| Draft | Findings | Rules |", "| --- | ---: | --- |"]
            for r in rows:
                codes = sorted({f.code for f in r.findings})
                cell = "unreadable" if r.error else ", ".join(codes)
                out.append(f"| `{display_path(r.path)}` | {len(r.findings)} | {cell} |")
            out.append("")
        return "\n".join(out) + "\n"


# -- JUnit XML -----------------------------------------------------------------------------------
class JunitFormatter:
    description = "JUnit XML: one test suite per draft, one failed test case per finding"

    def format(self, results: "list[FileResult]") -> str:
        import xml.etree.ElementTree as ET

        root = ET.Element("testsuites", name="resolint")
        total_tests = total_failures = total_errors = 0
        for res in results:
            path = display_path(res.path)
            suite = ET.SubElement(root, "testsuite", name=path)
            tests = failures = errors = 0
            if res.error:
                case = ET.SubElement(suite, "testcase", classname=path, name="load")
                ET.SubElement(case, "error", message=res.error, type="InputError").text = res.error
                tests, errors = 1, 1
            elif not res.findings:
                ET.SubElement(suite, "testcase", classname=path, name="resolint")
                tests = 1
            for f in res.findings:
                case = ET.SubElement(suite, "testcase", classname=path, name=f"{f.code} {f.name} [{f.label}]")
                fail = ET.SubElement(case, "failure", message=f.message, type=f.code)
                fail.text = (f"{path}:{f.paragraph}:{f.column}: {f.code} [{f.label}] {f.message}"
                             f" (severity {f.severity.value})")
                tests += 1
                failures += 1
            suite.set("tests", str(tests))
            suite.set("failures", str(failures))
            suite.set("errors", str(errors))
            suite.set("skipped", "0")
            total_tests += tests
            total_failures += failures
            total_errors += errors
        root.set("tests", str(total_tests))
        root.set("failures", str(total_failures))
        root.set("errors", str(total_errors))
        ET.indent(root)
        return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


@hookimpl
def resolint_configure(config: "Config") -> None:
    _RUN["manager"] = config.manager


@hookimpl
def resolint_formatters() -> dict[str, object]:
    return {"text": TextFormatter(), "concise": ConciseFormatter(), "json": JsonFormatter(), "sarif": SarifFormatter(),
            "github": GithubFormatter(), "junit": JunitFormatter()}
