"""Every registered rule is documented, has examples in each of its languages, fires on
its bad examples and stays silent on its good ones (real .docx files, built per example)."""
from __future__ import annotations

from pathlib import Path

import pytest

from resolint.config import Config
from resolint.engine import check_file
from resolint.plugin_manager import get_manager
from resolint.rule import DOC_SECTIONS

MANAGER = get_manager()
RULES = list(MANAGER.rules.values())
LANGS = ("en", "fr")


def _langs(rule) -> list[str]:
    return [lang for lang in LANGS if rule.applies_to(lang)]


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.code)
def test_rule_is_documented(rule) -> None:
    assert rule.code and rule.name and rule.summary
    assert rule.name == rule.name.lower() and " " not in rule.name and "_" not in rule.name
    missing = rule.missing_doc_sections()
    assert not missing, f"{rule.code} documentation lacks sections {missing} (need {DOC_SECTIONS})"
    assert rule.scopes, f"{rule.code} asks for no scope"


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.code)
def test_rule_has_examples_in_each_language(rule) -> None:
    for lang in _langs(rule):
        assert rule.bad_examples.get(lang), f"{rule.code} has no bad example in {lang}"
        assert rule.good_examples.get(lang), f"{rule.code} has no good example in {lang}"


def _cases(kind: str):
    for rule in RULES:
        for lang in _langs(rule):
            examples = getattr(rule, kind).get(lang, [])
            for i, text in enumerate(examples):
                yield pytest.param(rule, lang, text, id=f"{rule.code}-{lang}-{i}")


def _run(rule, lang: str, text: str, tmp_path: Path, draft) -> list:
    path = draft(text, lang)
    config = Config(select=[rule.code], language=lang)
    result = check_file(path, config, MANAGER)
    assert result.error is None, result.error
    return [f for f in result.findings if f.code in (rule.code, "R001")]


@pytest.mark.parametrize(("rule", "lang", "text"), list(_cases("bad_examples")))
def test_rule_fires_on_bad_example(rule, lang, text, tmp_path, draft) -> None:
    found = _run(rule, lang, text, tmp_path, draft)
    assert not [f for f in found if f.code == "R001"], found
    assert found, f"{rule.code} did not fire on its bad example:\n{text}"


@pytest.mark.parametrize(("rule", "lang", "text"), list(_cases("good_examples")))
def test_rule_silent_on_good_example(rule, lang, text, tmp_path, draft) -> None:
    found = _run(rule, lang, text, tmp_path, draft)
    assert not found, f"{rule.code} fired on its good example: {[f.message for f in found]}"
