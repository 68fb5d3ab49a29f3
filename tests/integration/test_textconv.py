"""``resolint textconv``: labelled lines, and the real ``git diff`` with the textconv driver."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from resolint.loader import load_document
from resolint.testing.draft import write_draft
from resolint.textconv import render

from .conftest import run_resolint

V1 = """
# Cooperation between the United Nations and the African Union
The General Assembly,
*Recalling* its resolution 73/11,^[Resolution 73/11.]
*Noting* the report of the Secretary-General,^[A/78/100.]
@1. *Decides* to continue cooperation;
@(a) in peace and security;
@(b) in development;
@2. *Requests* the Secretary-General to report at its next session.
"""


def test_render_one_line_per_paragraph_kind_first_notes_inline(tmp_path: Path) -> None:
    path = write_draft(tmp_path / "d.docx", V1)
    lines = render(load_document(path)).splitlines()
    assert lines == [
        "[title] Cooperation between the United Nations and the African Union",
        "[formula] The General Assembly,",
        "[PP] Recalling its resolution 73/11,^[Resolution 73/11.]",
        "[PP] Noting the report of the Secretary-General,^[A/78/100.]",
        "[OP] Decides to continue cooperation;",
        "[OP sub] in peace and security;",
        "[OP sub] in development;",
        "[OP] Requests the Secretary-General to report at its next session.",
    ]


def test_typed_numbers_are_kept_automatic_ones_left_out(tmp_path: Path) -> None:
    typed = write_draft(tmp_path / "typed.docx", V1.replace("@1.", "1.").replace("@2.", "2."))
    lines = render(load_document(typed)).splitlines()
    assert "[OP] 1. Decides to continue cooperation;" in lines
    assert "[OP] 2. Requests the Secretary-General to report at its next session." in lines


def test_command(tmp_path: Path) -> None:
    path = write_draft(tmp_path / "d.docx", V1)
    proc = run_resolint("textconv", path)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout == render(load_document(path))
    missing = run_resolint("textconv", str(tmp_path / "none.docx"))
    assert missing.returncode == 2 and "no such file" in missing.stderr
    broken = tmp_path / "broken.docx"
    broken.write_bytes(b"PK not really")
    proc = run_resolint("textconv", str(broken))
    assert proc.returncode == 2 and "Traceback" not in proc.stderr


def git(cwd: Path, *args: str) -> str:
    env = {**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org",
           "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.org", "GIT_PAGER": "cat"}
    return subprocess.run(["git", *args], cwd=cwd, env=env, check=True, capture_output=True, text=True).stdout


def drafts_repo(tmp_path: Path) -> Path:
    """A git repository whose .docx are read through the textconv driver as documented (with
    this interpreter, so the test needs no PATH set-up)."""
    repo = tmp_path / "drafts"
    repo.mkdir()
    git(repo, "init", "-q")
    (repo / ".gitattributes").write_text("*.docx diff=resolint\n", encoding="utf-8")
    git(repo, "config", "diff.resolint.textconv", f'"{sys.executable}" -m resolint textconv')
    return repo


def test_git_diff_shows_the_changed_paragraph_by_label(tmp_path: Path) -> None:
    repo = drafts_repo(tmp_path)
    write_draft(repo / "A-78-L.1.docx", V1)
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "v1")
    write_draft(repo / "A-78-L.1.docx", V1.replace("at its next session", "at its eightieth session"))
    git(repo, "commit", "-q", "-am", "v2")

    diff = git(repo, "diff", "HEAD~1", "HEAD")
    assert "Binary files" not in diff
    assert changed_lines(diff) == [
        "-[OP] Requests the Secretary-General to report at its next session.",
        "+[OP] Requests the Secretary-General to report at its eightieth session.",
    ]
    # Without the driver the same diff is binary.
    plain = git(repo, "-c", "diff.resolint.textconv=", "diff", "--no-textconv", "HEAD~1", "HEAD")
    assert "Binary files" in plain


def changed_lines(diff: str) -> list[str]:
    return [line for line in diff.splitlines() if line[:1] in "+-" and not line.startswith(("+++", "---"))]


def test_git_diff_of_an_inserted_paragraph_and_footnote_shows_only_them(tmp_path: Path) -> None:
    """Inserting a PP with a footnote and an OP renumbers every later PP, OP and footnote; the
    diff shows the two new paragraphs and nothing else."""
    repo = drafts_repo(tmp_path)
    write_draft(repo / "d.docx", V1)
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "v1")
    v2 = (V1.replace("*Recalling* its resolution 73/11,",
                     "*Welcoming* the report of the Chair,^[A/78/50.]\n*Recalling* its resolution 73/11,")
            .replace("@1. *Decides*", "@1. *Notes* the progress made;\n@2. *Decides*")
            .replace("@2. *Requests*", "@3. *Requests*"))
    write_draft(repo / "d.docx", v2)
    before = load_document(repo / "d.docx")
    assert [p.label for p in before.operative][-1] == "OP 3" and before.footnotes[-1].label == "FN 3"
    git(repo, "commit", "-q", "-am", "v2")
    assert changed_lines(git(repo, "diff", "HEAD~1", "HEAD")) == [
        "+[PP] Welcoming the report of the Chair,^[A/78/50.]",
        "+[OP] Notes the progress made;",
    ]


def test_a_custom_footnote_mark_is_shown_with_its_note(tmp_path):
    from resolint.testing.builder import DocBuilder, FootnoteRef, Run

    b = DocBuilder(language="en")
    b.paragraph("The General Assembly,")
    b.paragraph(Run("Recalling", italic=True), " its resolution",
                FootnoteRef("Issued for technical reasons.", custom_mark="*"), " of 2017,")
    path = tmp_path / "custom.docx"
    b.save(str(path))
    out = subprocess.run([sys.executable, "-m", "resolint", "textconv", str(path)],
                         capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    assert "resolution^*[Issued for technical reasons.] of 2017," in out.stdout
