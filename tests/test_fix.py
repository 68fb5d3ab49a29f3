"""``resolint check --fix``: safe fixes applied to real .docx files, plain and tracked."""
from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from resolint.actions import Actions
from resolint.cli import main
from resolint.config import Config
from resolint.engine import check_file
from resolint.findings import Edit, Finding, Fix, FixSafety, Severity
from resolint.fixer import Writer, apply_fixes
from resolint.loader import load_document
from resolint.plugin_manager import get_manager

MANAGER = get_manager()

EN = """
# Cooperation between the United Nations and the International Criminal Police Organization
The General Assembly,
*Recalling* its resolution 73/11 of 26 November 2018,,^[Resolution 73/11.]
*Welcoming* the cooperation between the two organizations;,
1. *Decides* to act;.
3. *Requests* the Secretary-General to report, [in particular](https://undocs.org/A/73/1) on cooperation;;
4. *Decides* to remain seized of the matter..
"""

FR = """
# Coopération entre l’Organisation des Nations Unies et l’Organisation internationale de police criminelle
L’Assemblée générale,
*Rappelant* sa résolution 73/11 du 26 novembre 2018,,^[Résolution 73/11.]
*Se félicitant* de la coopération entre les deux organisations,
1. *Décide* d’agir ;.
1. *Prie* le Secrétaire général de lui présenter un rapport ;;
2. *Décide* de rester saisie de la question..
"""

FIXED_CODES = {"P101", "N101"}


def _entries(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        return {i.filename: zf.read(i) for i in zf.infolist()}


def _names(data: bytes) -> list[str]:
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        return [i.filename for i in zf.infolist()]


def _texts(path: Path) -> list[tuple[str | None, str]]:
    doc = load_document(path)
    return [(p.number, p.text) for p in doc.all_parts()]


def _fix(path: Path, **kw) -> tuple[Path | None, object]:
    """The file written (None: nothing changed, so nothing written) and the result."""
    res = check_file(path, Config(), MANAGER, Actions(fix=True, **kw))
    assert res.error is None, res.error
    return (Path(res.written) if res.written else None), res


@pytest.mark.parametrize(("text", "lang"), [(EN, "en"), (FR, "fr")])
def test_fix_removes_the_fixed_findings(draft, text, lang) -> None:
    path = draft(text, lang)
    before = path.read_bytes()
    first = check_file(path, Config(), MANAGER)
    assert {f.code for f in first.findings} >= FIXED_CODES
    out, res = _fix(path)
    assert out == path.with_name(path.stem + ".fixed.docx")
    assert path.read_bytes() == before, "the input must not change without --in-place"
    assert res.fixed >= 5
    again = check_file(out, Config(), MANAGER)
    assert not [f for f in again.findings if f.code in FIXED_CODES], [f.message for f in again.findings]
    assert not [f for f in again.findings if f.fix is not None and f.fix.safety is FixSafety.SAFE]
    numbers = [n for n, _t in _texts(out) if n]
    assert numbers == ["1.", "2.", "3."]


def test_fixed_text_en(draft) -> None:
    out, _res = _fix(draft(EN, "en"))
    texts = dict((t[:12], t) for _n, t in _texts(out))
    assert texts["Recalling it"] == "Recalling its resolution 73/11 of 26 November 2018,1"
    assert texts["Decides to a"] == "Decides to act;"
    assert texts["Requests the"].endswith("in particular on cooperation;")
    assert texts["Decides to r"] == "Decides to remain seized of the matter."


def test_fix_keeps_untouched_parts_byte_identical(draft) -> None:
    path = draft(EN, "en")
    out, _res = _fix(path)
    old, new = _entries(path.read_bytes()), _entries(out.read_bytes())
    assert _names(path.read_bytes()) == _names(out.read_bytes()), "entry order kept"
    changed = {n for n in old if old[n] != new[n]}
    assert changed == {"word/document.xml"}


@pytest.mark.parametrize("track", [False, True])
@pytest.mark.parametrize(("text", "lang"), [(EN, "en"), (FR, "fr")])
def test_fix_is_idempotent_and_deterministic(draft, tmp_path, text, lang, track) -> None:
    path = draft(text, lang)
    out, _res = _fix(path, track=track)
    first = out.read_bytes()
    out2, _res = _fix(path, track=track)
    assert out2.read_bytes() == first, "same input, same bytes"
    # Fixing the fixed file changes nothing, byte for byte (pre-commit).
    again, res = _fix(out, track=track, in_place=True)
    assert res.fixed == 0 and again is None, "nothing to fix: nothing written"
    assert out.read_bytes() == first
    copy, res = _fix(out, track=track)
    assert copy is None and not out.with_name(out.stem + ".fixed.docx").exists()


def test_in_place_rewrites_the_input_only_when_something_changes(draft) -> None:
    path = draft(EN, "en")
    _out, res = _fix(path, in_place=True)
    assert res.written == str(path)
    assert not (path.with_name(path.stem + ".fixed.docx")).exists()
    assert not [f for f in check_file(path, Config(), MANAGER).findings if f.code in FIXED_CODES]
    stamp = path.stat().st_mtime_ns
    _fix(path, in_place=True)
    assert path.stat().st_mtime_ns == stamp


@pytest.mark.parametrize(("text", "lang"), [(EN, "en"), (FR, "fr")])
def test_tracked_fixes_accept_to_the_plain_fix(draft, text, lang) -> None:
    path = draft(text, lang)
    plain, _ = _fix(path)
    plain_texts = _texts(plain)
    tracked = path.with_name("tracked.docx")
    tracked.write_bytes(path.read_bytes())
    out, res = _fix(tracked, track=True)
    assert res.fixed >= 5
    assert _texts(out) == plain_texts  # the loader reads the accepted view
    data = _entries(out.read_bytes())["word/document.xml"].decode()
    assert 'w:author="resolint"' in data and "<w:delText" in data and "<w:ins " in data
    # Rejecting every change gives the original text back.
    doc = load_document(out)
    original = load_document(path)
    assert [p.original_text for p in doc.paragraphs] == [p.original_text for p in original.paragraphs]


def test_track_author_and_date(draft) -> None:
    path = draft(EN, "en")
    out, _ = _fix(path, track=True, author="Editor", date="2024-05-01T09:30:00Z")
    data = _entries(out.read_bytes())["word/document.xml"].decode()
    assert 'w:author="Editor"' in data and 'w:date="2024-05-01T09:30:00Z"' in data
    assert 'w:author="resolint"' not in data


def test_unsafe_fixes_only_on_request(draft) -> None:
    text = """
    The General Assembly,
    *Recalling* its resolution 73/11;
    1. *Decides* to act;
    2. *Requests* a report.
    """
    path = draft(text, "en")
    out, res = _fix(path)
    assert out is None and res.fixed == 0  # only an unsafe fix: nothing changed, nothing written
    assert any(f.code == "S101" for f in res.findings)
    out, res = _fix(path, unsafe_fixes=True)
    assert not any(f.code == "S101" for f in check_file(out, Config(), MANAGER).findings)
    assert "Recalling its resolution 73/11," in [t for _n, t in _texts(out)]


def _finding(part, edits, code="X901") -> Finding:
    return Finding(code, "test", Severity.ERROR, part.label, part.index, edits[0].start, edits[0].end, "m",
                   fix=Fix(tuple(edits), FixSafety.SAFE, "t"))


def test_edit_across_a_footnote_mark_is_skipped(draft) -> None:
    path = draft("The General Assembly,\n*Recalling* its resolution 73/11,^[Resolution 73/11.] and more,", "en")
    doc = load_document(path)
    part = doc.paragraphs[1]
    mark = part.footnote_refs[0]
    bad = _finding(part, [Edit(part.index, mark.start - 1, mark.end + 1, "")])
    good = _finding(part, [Edit(part.index, 0, 9, "Reaffirming")])
    result = apply_fixes(doc, [bad, good], Writer())
    assert result.applied == [good]
    assert len(result.skipped) == 1 and "footnote mark" in result.skipped[0]


def test_overlapping_fixes_first_wins(draft) -> None:
    path = draft("The General Assembly,\n*Recalling* its resolution 73/11,", "en")
    doc = load_document(path)
    part = doc.paragraphs[1]
    first = _finding(part, [Edit(part.index, 0, 9, "Reaffirming")])
    second = _finding(part, [Edit(part.index, 5, 12, "x")])
    result = apply_fixes(doc, [first, second], Writer())
    assert result.applied == [first] and result.deferred == 1


def test_cli_fix_and_refusals(draft, capsys) -> None:
    path = draft(EN, "en")
    # What remains after the fixes is an info (S107, a bare repeated opener): it fails only --fail-on info.
    assert main(["check", str(path), "--fix"]) == 0
    err = capsys.readouterr().err
    assert "fixed" in err and ".fixed.docx" in err
    fixed = path.with_name(path.stem + ".fixed.docx")
    assert main(["check", str(fixed), "--fail-on", "info"]) == 1
    assert "S107" in capsys.readouterr().out
    assert main(["check", str(path), "--track"]) == 2
    assert "--track needs --fix" in capsys.readouterr().err
    assert main(["check", str(path), str(fixed), "--fix"]) == 2
    assert "refusing to overwrite" in capsys.readouterr().err


def test_skipped_fix_is_reported(draft, capsys) -> None:
    # A stacked mark inside a field result (a PAGE-like field) cannot be fixed.
    from resolint.testing.builder import DocBuilder, Field, Run

    b = DocBuilder(language="en")
    b.paragraph("The General Assembly,")
    b.paragraph(Run("Recalling", italic=True), " its resolution ", Field(" QUOTE x ", "73/11,,"))
    path = Path(draft("The General Assembly,", "en")).with_name("field.docx")
    b.save(path)
    res = check_file(path, Config(), MANAGER, Actions(fix=True))
    assert res.error is None
    assert any("field" in n for n in res.notes), res.notes


@pytest.mark.libreoffice
@pytest.mark.parametrize(("text", "lang"), [(EN, "en"), (FR, "fr")])
def test_libreoffice_accept_all_equals_plain_fix(draft, text, lang) -> None:
    from support import libreoffice as lo

    lo.require()
    path = draft(text, lang)
    plain, _ = _fix(path)
    tracked_in = path.with_name("tracked.docx")
    tracked_in.write_bytes(path.read_bytes())
    # Without the comments on changes of spaces: LibreOffice 7.4 driven through UNO does not load
    # documents with comments reliably (tests/test_word_output.py opens those through flat ODF).
    tracked, _ = _fix(tracked_in, track=True, mark_spaces=False)
    want = lo.texts(plain)
    accepted = lo.texts(tracked, "accept")
    assert want["loaded"] and accepted["loaded"]
    assert accepted["body"] == want["body"] and accepted["footnotes"] == want["footnotes"]
    assert accepted["redlines"] == 0
    assert lo.texts(tracked)["redlines"] > 0
    assert lo.texts(tracked, "reject")["body"] == lo.texts(path)["body"]


# -- convergence: --fix --unsafe-fixes settles in one run (random drafts) ----------------------------
from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

_PIECES = ["Decides", "to", "act", "resolution", "73/11", ",", ";", ".", ":", "  ", " ", "..", ";.", ",,",
           "« ", " »", "’", "'", "-", " ;", "(", ")", "2018", "Member States", "États Membres"]
_MARKS = [",", ";", ".", ":", " ", "  "]
_PARA = st.lists(st.one_of(st.sampled_from(_PIECES), st.lists(st.sampled_from(_MARKS), min_size=2, max_size=24)
                           .map("".join)), min_size=1, max_size=30).map("".join)


@settings(max_examples=25, deadline=None, derandomize=True, database=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(paragraphs=st.lists(_PARA, min_size=1, max_size=6), language=st.sampled_from(["en", "fr"]))
def test_unsafe_fixes_twice_change_nothing_the_second_time(tmp_path_factory: pytest.TempPathFactory,
                                                           paragraphs: list[str], language: str) -> None:
    from resolint.testing.draft import write_draft

    path = tmp_path_factory.mktemp("converge") / "draft.docx"
    opener = "The General Assembly," if language == "en" else "L’Assemblée générale,"
    write_draft(path, "\n".join([opener, *(f"@1. *Decides* {p}" for p in paragraphs)]), language)
    assert main(["check", "--fix", "--unsafe-fixes", "--in-place", "--exit-zero", str(path)]) == 0
    once = path.read_bytes()
    assert main(["check", "--fix", "--unsafe-fixes", "--in-place", "--exit-zero", str(path)]) == 0
    assert path.read_bytes() == once
