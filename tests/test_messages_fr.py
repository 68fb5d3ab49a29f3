"""Rule messages in the draft's language: the English and French catalogues agree key for key
and placeholder for placeholder; every rule says its bad examples in both languages without a
missing key or an English sentence left in French; the command line gives French messages on
a French draft, English on an English one, and ``--message-language``/``message-language``
override the draft's language (a bad value: one line, exit 2); the cache and the baseline
follow; the Word comment of ``--annotate`` says its "Constat" in French; a plugin passes a
plain string or adds its own catalogue entries."""
from __future__ import annotations

import json
import re
import string
import sys
import types
import zipfile
from pathlib import Path

import pytest

from resolint import messages
from resolint.config import Config
from resolint.engine import check_file
from resolint.hookspecs import hookimpl
from resolint.messages import en, fr
from resolint.model import Scope
from resolint.plugin_manager import Manager, get_manager
from resolint.rule import Rule
from tests.support.cli import run_cli

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
FRENCH = SAMPLES / "A-RES-75-10-fr.docx"
ENGLISH = SAMPLES / "interpol-cooperation-en.docx"
MANAGER = get_manager()
RULES = sorted(MANAGER.rules.values(), key=lambda r: r.code)


def _fields(template: str) -> set[str]:
    return {name for _text, name, _spec, _conv in string.Formatter().parse(template) if name is not None}


def _sentences(catalogue: dict[str, str]) -> set[str]:
    """The fixed words of a catalogue's templates: runs of three words or more between placeholders."""
    out = set()
    for template in catalogue.values():
        for text, _name, _spec, _conv in string.Formatter().parse(template):
            for piece in re.split(r"[:;(),“”«»'\"\u00a0]", text):
                piece = piece.strip()
                if len(piece.split()) >= 3:
                    out.add(piece)
    return out


ENGLISH_SENTENCES = _sentences(en.MESSAGES)
FRENCH_SENTENCES = _sentences(fr.MESSAGES)


def _english_left(message: str) -> list[str]:
    return [s for s in ENGLISH_SENTENCES if s in message]


# -- the catalogues ------------------------------------------------------------------------------------
def test_french_has_every_english_key_with_the_same_placeholders() -> None:
    assert set(fr.MESSAGES) == set(en.MESSAGES)
    differ = {k: (_fields(en.MESSAGES[k]), _fields(fr.MESSAGES[k])) for k in en.MESSAGES
              if _fields(en.MESSAGES[k]) != _fields(fr.MESSAGES[k])}
    assert differ == {}
    assert len(ENGLISH_SENTENCES) > 100 and not ENGLISH_SENTENCES & FRENCH_SENTENCES


def test_french_templates_follow_french_typography() -> None:
    for key, template in fr.MESSAGES.items():
        assert not re.search(r" [;:!?»]|« ", template), key  # a no-break space there, never a plain one
        assert "'{" not in template and "!r}" not in template, key  # « » around quoted text, not '...'
    assert fr.MESSAGES["P101.stacked"].startswith("ponctuation doublée «\u00a0{marks}\u00a0»\u00a0:")


def test_every_key_a_rule_says_is_in_the_catalogue() -> None:
    said: set[str] = set()
    for path in sorted((ROOT / "rules").glob("*.py")):
        source = path.read_text(encoding="utf-8")
        said |= set(re.findall(r"\bsay\(\s*\"([A-Za-z0-9_.]+)\"", source))
        said |= {f"word.{w}" for w in re.findall(r"\bword\(\s*\"([A-Za-z0-9_]+)\"\)", source)}
        said |= set(re.findall(r"\"([A-Z]\d{3}\.[a-z_]+)\"", source))  # keys kept in data (symbol problems...)
    assert len(said) > 100
    assert sorted(said - set(en.MESSAGES)) == []


def test_ordinals_and_words() -> None:
    assert [messages.ordinal(n, "en") for n in (1, 2, 3, 11, 73)] == ["1st", "2nd", "3rd", "11th", "73rd"]
    assert [messages.ordinal(n, "fr") for n in (1, 2, 73)] == ["1re", "2e", "73e"]
    assert messages.message("word.comma", "fr") == "une virgule"
    assert messages.message("word.comma", "fr-CH") == "une virgule"
    assert messages.message("word.comma", "es") == "a comma"  # no Spanish catalogue: English
    with pytest.raises(KeyError):
        messages.message("X999.nothing", "fr")


# -- every rule, both languages --------------------------------------------------------------------------
def _examples():
    for rule in RULES:
        for lang, texts in sorted(rule.bad_examples.items()):
            for i, text in enumerate(texts):
                yield pytest.param(rule, lang, text, id=f"{rule.code}-{lang}-{i}")


def _messages(path: Path, rule: Rule, lang: str, message_language: str | None) -> list[tuple[str, str]]:
    config = Config(select=[rule.code], language=lang, message_language=message_language)
    result = check_file(path, config, MANAGER)
    assert result.error is None
    crashed = [f.message for f in result.findings if f.code == "R001"]
    assert crashed == []  # a key missing from a catalogue is a crash of the rule
    return [(f.label, f.message) for f in result.findings if f.code == rule.code]


@pytest.mark.parametrize(("rule", "lang", "text"), list(_examples()))
def test_bad_examples_are_said_in_english_and_in_french(rule, lang, text, draft) -> None:
    path = draft(text, lang)
    english = _messages(path, rule, lang, "en")
    french = _messages(path, rule, lang, "fr")
    assert english and len(english) == len(french)
    assert _messages(path, rule, lang, None) == (french if lang == "fr" else english)
    for (label, said_en), (label_fr, said_fr) in zip(english, french):
        assert label == label_fr
        assert said_fr != said_en
        assert _english_left(said_fr) == [], said_fr
        assert not [s for s in FRENCH_SENTENCES if s in said_en], said_en


# -- the command line -----------------------------------------------------------------------------------------
def _json(*args: object) -> list[dict]:
    done = run_cli("check", "--no-progress", "--format", "json", *args)
    assert done.returncode in (0, 1), done.stderr
    return json.loads(done.stdout)


@pytest.mark.skipif(not FRENCH.exists() or not ENGLISH.exists(), reason="samples not built")
def test_french_sample_in_french_english_sample_in_english_and_the_option_overrides() -> None:
    french = _json(FRENCH)
    assert len(french) >= 10
    for f in french:
        assert _english_left(f["message"]) == [], f
    said = {f["code"]: f["message"] for f in french}
    assert {"espace double", "espace double (espace + espace insécable)"} <= {f["message"] for f in french}
    assert said["P101"] == "ponctuation doublée «\u00a0;.\u00a0»\u00a0: n’en garder qu’un signe («\u00a0;\u00a0»)"
    assert said["D105"] == "le lien vers A/RES/24/7 porte sur «\u00a0I-24/7\u00a0», qui n’est pas la résolution 24/7"
    # The same findings in English on request: codes, places and names unchanged.
    english = _json("--message-language", "en", FRENCH)
    assert [(f["code"], f["name"], f["label"], f["start"]) for f in english] == \
        [(f["code"], f["name"], f["label"], f["start"]) for f in french]
    assert {f["code"]: f["message"] for f in english}["P101"] == "stacked punctuation ';.': keep one mark (';')"
    assert all(a["message"] != b["message"] for a, b in zip(english, french))
    # An English draft stays English; in French on request.
    plain = _json(ENGLISH)
    assert plain and plain == _json("--message-language", "en", ENGLISH)
    assert all(not [s for s in FRENCH_SENTENCES if s in f["message"]] for f in plain)
    in_french = _json("--message-language", "fr", ENGLISH)
    assert [f["code"] for f in in_french] == [f["code"] for f in plain]
    assert all(_english_left(f["message"]) == [] for f in in_french)


def test_a_message_language_without_catalogue_is_one_line_and_exit_2(draft, tmp_path) -> None:
    path = draft("L’Assemblée générale,\n1. *Décide* d’agir ;.", "fr")
    done = run_cli("check", "--message-language", "de", path)
    assert done.returncode == 2 and done.stdout == ""
    assert done.stderr.strip().splitlines() == [
        "resolint: error: --message-language: no messages in 'de' (available: en, fr)"]
    folder = tmp_path / "conf"
    folder.mkdir()
    (folder / "resolint.toml").write_text('message-language = "de"\n', encoding="utf-8")
    done = run_cli("check", "--config", folder / "resolint.toml", path)
    assert done.returncode == 2 and "Traceback" not in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1
    assert "'message-language' must be one of en, fr, not 'de'" in done.stderr


def test_the_configuration_chooses_the_message_language(draft, tmp_path) -> None:
    folder = tmp_path / "drafts"
    folder.mkdir()
    path = folder / "projet.docx"
    from resolint.testing.draft import write_draft

    write_draft(path, "L’Assemblée générale,\n*Rappelant* sa résolution 73/11,\n1. *Décide* d’agir ;.", "fr")
    assert [f["message"] for f in _json(path) if f["code"] == "P101"] == [
        "ponctuation doublée «\u00a0;.\u00a0»\u00a0: n’en garder qu’un signe («\u00a0.\u00a0»)"]
    (folder / "resolint.toml").write_text('message-language = "en"\n', encoding="utf-8")
    assert [f["message"] for f in _json(path) if f["code"] == "P101"] == [
        "stacked punctuation ';.': keep one mark ('.')"]
    # The command line wins over the configuration.
    assert [f["message"] for f in _json("--message-language", "fr", path) if f["code"] == "P101"] == [
        "ponctuation doublée «\u00a0;.\u00a0»\u00a0: n’en garder qu’un signe («\u00a0.\u00a0»)"]


def test_the_cache_keeps_each_message_language_apart(draft, tmp_path, monkeypatch) -> None:
    cache = tmp_path / "cache"
    monkeypatch.setenv("RESOLINT_CACHE_DIR", str(cache))
    path = draft("L’Assemblée générale,\n*Rappelant* sa résolution 73/11,\n1. *Décide* d’agir  ;.", "fr")
    french = [f["message"] for f in _json(path)]
    english = [f["message"] for f in _json("--message-language", "en", path)]
    assert "espace double" in " ".join(french) and "double space" in " ".join(english)
    assert len(list(cache.rglob("*.json"))) == 2  # one entry per message language
    assert [f["message"] for f in _json(path)] == french
    assert [f["message"] for f in _json("--message-language", "en", path)] == english


def test_a_baseline_recorded_in_french_hides_the_same_findings_in_english(draft, tmp_path) -> None:
    from resolint.rules.coverage import _EN

    # An English text checked as French: R005, a finding on the whole document.
    path = draft(_EN.replace("organizations.", "organizations;") + "\n2. *Decides* to act ;.", "en")
    baseline = tmp_path / "baseline.json"
    done = run_cli("check", "--no-cache", "--language", "fr", "--baseline", baseline, path)
    assert done.returncode == 0, done.stderr
    recorded = baseline.read_text(encoding="utf-8")
    assert '"R005"' in recorded and "the draft's text is in 'en'" in recorded  # a document finding: English
    french = _json("--no-cache", "--language", "fr", path)
    assert any(f["code"] == "R005" and "vérifié comme" in f["message"] for f in french)
    for language in ("en", "fr"):
        done = run_cli("check", "--no-progress", "--language", "fr", "--message-language", language,
                       "--baseline", baseline, path)
        assert done.returncode == 0 and "All checks passed" in done.stdout, (language, done.stdout)


def _comments(path: Path) -> list[str]:
    with zipfile.ZipFile(path) as z:
        xml = z.read("word/comments.xml").decode("utf-8")
    return [" | ".join(re.sub(r"<[^>]+>", "", p) for p in re.findall(r"<w:p[ >].*?</w:p>", c, re.S))
            for c in re.findall(r"<w:comment .*?</w:comment>", xml, re.S)]


def test_the_word_comment_of_a_french_draft_is_french(draft, tmp_path) -> None:
    path = draft("L’Assemblée générale,\n*Rappelant* sa résolution 73/11 et l ’ Organisation,\n1. *Décide* d’agir ;.",
                 "fr")
    out = tmp_path / "annote.docx"
    done = run_cli("check", "--no-progress", "--select", "P101,P104", "--date", "2026-01-01", "--annotate", out, path)
    assert done.returncode == 1, done.stderr
    apostrophe, comment = _comments(out)
    assert ("Constat (message de la règle) : ponctuation doublée «\u00a0;.\u00a0»\u00a0: n’en garder qu’un signe "
            "(«\u00a0.\u00a0»)") in comment
    assert comment.startswith("P101 stacked-punctuation : ") and _english_left(comment) == []
    # A fix of two edits is described in words: in French too.
    assert "Constat (message de la règle) : espace avant et après l’apostrophe dans «\u00a0l’\u00a0»" in apostrophe
    assert "Correction : accoler l’apostrophe à ses mots." in apostrophe
    out_en = tmp_path / "annotated.docx"
    done = run_cli("check", "--no-progress", "--select", "P101,P104", "--date", "2026-01-01", "--message-language",
                   "en", "--annotate", out_en, path)
    apostrophe, comment = _comments(out_en)
    assert "Found: stacked punctuation ';.': keep one mark ('.')" in comment and "Constat" not in comment
    assert "How to fix: join the apostrophe to its words." in apostrophe


# -- plugins -------------------------------------------------------------------------------------------------------
class _Wordy(Rule):
    """'afin de' or 'in order to': shorter words say the same.

    ## What it does
    Finds "in order to" and "afin de".

    ## Why
    Test of plugin messages.

    ## Example
    ```
    1. *Décide* d’agir afin de progresser.
    ```

    ## Use instead
    ```
    1. *Décide* d’agir pour progresser.
    ```

    ## References
    - This test.
    """

    code = "GT101"
    name = "wordy-test"
    summary = "Shorter words"
    scopes = (Scope.OPERATIVE,)

    def check(self, part, ctx):  # type: ignore[no-untyped-def]
        for phrase in ("afin de", "in order to"):
            start = part.text.find(phrase)
            if start != -1:
                end = start + len(phrase)
                yield ctx.finding(part, ctx.say("GT101.wordy", phrase=phrase), start, end)
                yield ctx.finding(part, ctx.say("GT101.english_only", phrase=phrase), start, end)
                yield ctx.finding(part, f"plain: {phrase}", start, end)


@hookimpl
def _rules() -> list[Rule]:
    return [_Wordy()]


def test_a_plugin_passes_a_string_or_adds_its_own_entries(draft, monkeypatch) -> None:
    monkeypatch.setattr(messages, "_EXTRA", {})
    messages.register("en", {"GT101.wordy": "{phrase!r} is wordy", "GT101.english_only": "only {phrase!r}"})
    messages.register("fr", {"GT101.wordy": "« {phrase} » est verbeux"})
    with pytest.raises(ValueError):
        messages.register("de", {"GT101.wordy": "{phrase}"})
    plugin = types.ModuleType("resolint_wordy_test")
    plugin.resolint_rules = _rules  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, plugin.__name__, plugin)
    manager = Manager()
    manager.pm.register(plugin, name="wordy-test")
    path = draft("L’Assemblée générale,\n1. *Décide* d’agir afin de progresser.", "fr")
    said = sorted(f.message for f in check_file(path, Config(select=["GT101"]), manager).findings)
    # French entries get French typography; a key French lacks is said in English; a string as it is.
    assert said == sorted(["«\u00a0afin de\u00a0» est verbeux", "only 'afin de'", "plain: afin de"])
    config = Config(select=["GT101"], message_language="en")
    said = sorted(f.message for f in check_file(path, config, manager).findings)
    assert said == sorted(["'afin de' is wordy", "only 'afin de'", "plain: afin de"])
