"""Triggers choose the parts a rule is called on; they never hide a finding."""
from __future__ import annotations

import copy
import random
from pathlib import Path

import pytest

from resolint.config import Config
from resolint.engine import run_rules
from resolint.loader import load_document
from resolint.model import Kind, Paragraph, Resolution, Scope
from resolint.plugin_manager import get_manager
from resolint.rule import Context, Rule
from resolint.trigger import JoinedText, TextIndex, Trigger

SAMPLES = sorted((Path(__file__).resolve().parents[1] / "samples").glob("*.docx"))
MANAGER = get_manager()


def _parts(*texts: str) -> list[Paragraph]:
    return [Paragraph(i + 1, Kind.OPERATIVE, text) for i, text in enumerate(texts)]


def _texts(parts: list[Paragraph]) -> list[str]:
    return [p.text for p in parts]


# -- the search ------------------------------------------------------------------------------------

def test_needles_choose_the_parts_that_hold_them() -> None:
    parts = _parts("no slash here", "A/RES/75/10", "", "two / and /", "end/")
    assert _texts(JoinedText(parts, False).matching(Trigger.any_of("/"))) == ["A/RES/75/10", "two / and /", "end/"]


def test_a_match_over_a_part_end_does_not_hide_the_next_part() -> None:
    # "ab;" + separator + ".cd;." : the pattern matches ";\n." across the edge, then ";." in part 2.
    parts = _parts("ab;", ".cd;.", "clean")
    chosen = JoinedText(parts, False).matching(Trigger("[;,:.][ ]*[.;,:]|;\n."))
    assert _texts(chosen) == ["ab;", ".cd;."]


def test_word_boundaries_see_part_edges_as_in_the_part_alone() -> None:
    parts = _parts("UN", "xUN", "UNx", "the UN.")
    assert _texts(JoinedText(parts, False).matching(Trigger(r"\bUN\b"))) == ["UN", "the UN."]


def test_folded_needles_match_any_case_and_a_turkic_i_is_always_chosen() -> None:
    parts = _parts("RÉSOLUTION 73/11", "Résolution", "rien", "\u0130stanbul")
    chosen = JoinedText(parts, True).matching(Trigger.any_of(["résolution"], folded=True))
    assert _texts(chosen) == ["RÉSOLUTION 73/11", "Résolution", "\u0130stanbul"]


def test_folding_that_changes_lengths_keeps_parts_apart() -> None:
    parts = _parts("Straße", "STRASSE x", "strasse")  # "ß" folds to "ss": the folded text is longer
    chosen = JoinedText(parts, True).matching(Trigger.any_of(["x"], folded=True))
    assert _texts(chosen) == ["STRASSE x"]


def test_a_trigger_has_either_a_pattern_or_needles_without_line_feeds() -> None:
    with pytest.raises(ValueError):
        Trigger()
    with pytest.raises(ValueError):
        Trigger("a", needles=("b",))
    with pytest.raises(ValueError):
        Trigger.any_of(["a\nb"])
    assert Trigger.pairs(" ", "’'", both_ways=True).needles == (" ’", " '", "’ ", "' ")


def test_the_index_joins_each_list_once_and_notices_another_list() -> None:
    index = TextIndex()
    first, second = _parts("a/b", "c"), _parts("d", "e/f")
    assert _texts(index.matching("body", first, Trigger.any_of("/"))) == ["a/b"]
    assert _texts(index.matching("body", second, Trigger.any_of("/"))) == ["e/f"]
    assert index.matching("body", second, None) is second


# -- the engine ------------------------------------------------------------------------------------

class _Counting(Rule):
    """Counts the parts it is called on.

    ## What it does
    ## Why
    ## Example
    ## Use instead
    ## References
    """

    code = "Z901"
    name = "counting"
    scopes = (Scope.PREAMBLE, Scope.OPERATIVE)

    def __init__(self, trigger: Trigger | None) -> None:
        self.seen: list[str] = []
        self._trigger = trigger

    def trigger_for(self, ctx: Context) -> Trigger | None:
        return self._trigger

    def check(self, part, ctx):  # type: ignore[no-untyped-def]
        self.seen.append(part.label)
        return ()


def _sample(name: str) -> Resolution:
    return load_document(next(p for p in SAMPLES if p.name == name))


def test_the_engine_calls_a_rule_only_on_chosen_parts() -> None:
    doc = _sample("A-RES-75-10-fr.docx")
    everything, interpol = _Counting(None), _Counting(Trigger.any_of(["interpol"], folded=True))
    run_rules(doc, [everything, interpol], Config(manager=MANAGER))
    expected = [p.label for p in doc.preamble + doc.operative if "interpol" in p.text.casefold()]
    assert 0 < len(interpol.seen) < len(everything.seen)
    assert interpol.seen == expected


def test_a_trigger_that_cannot_compile_is_the_rules_crash() -> None:
    doc = _sample("A-RES-75-10-fr.docx")
    findings = run_rules(doc, [_Counting(Trigger("(unclosed"))], Config(manager=MANAGER))
    assert [f.code for f in findings] == ["R001"]
    assert "Z901" in findings[0].message


# -- the built-in rules' triggers ------------------------------------------------------------------

TRIGGERED = [r for r in MANAGER.rules.values() if type(r).trigger_for is not Rule.trigger_for or r.trigger]

PIECES = ["résolution", "Résolution", "RÉSOLUTION", "resolution", "Resolutions", "paragraph", "Paragraphe",
          "alinéa", "ALINÉA", "paragraphe 3 ci-dessus", "paragraph 2 below", "session", "Session",
          "soixante-quinzième", "seventy-fifth", "UN", "U.N.", "ONU", "O.N.U.", "ONU-Femmes", "A/RES/75/10",
          "a/res/75/10", "S/RES/2334", "décision 60/519", "decision 60/519", "cette", "this", "the current",
          ";", ":", "!", "?", ",", ".", "..", ";.", ",,", " ", " ", "  ", "\u00a0", "\u202f", "«", "»", "'", "’",
          "l", "d", "\u0130", "\u0131", "x", "Ab", "https://undocs.org/A/RES/1", "2334 (2016)", "1er", "73/11"]


def _generated(doc: Resolution, rng: random.Random) -> Resolution:
    """``doc`` with the text of every part it reads replaced by random pieces."""
    out = copy.deepcopy(doc)
    for part in out.paragraphs + out.footnote_paragraphs():
        part.text = "".join(rng.choice(PIECES) + rng.choice(["", " ", "", "\u00a0"]) for _ in range(rng.randint(0, 12)))
        part.footnote_refs = []
        part.runs = []
    return out


def _key(findings: list) -> list[tuple]:  # type: ignore[type-arg]
    return sorted((f.code, f.paragraph, f.start, f.end, f.message) for f in findings)


def _untriggered(doc: Resolution, rules: list[Rule], config: Config, monkeypatch: pytest.MonkeyPatch) -> list:  # type: ignore[type-arg]
    with monkeypatch.context() as m:
        for rule in rules:
            m.setattr(rule, "trigger_for", lambda ctx: None)
        return run_rules(doc, rules, config)


def test_some_built_in_rules_have_triggers() -> None:
    assert {"P101", "P201", "D101", "T102", "X101"} <= {r.code for r in TRIGGERED}


@pytest.mark.parametrize("sample", SAMPLES, ids=lambda p: p.name)
def test_triggers_change_no_finding_on_the_samples(sample: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    doc = load_document(sample)
    config = Config(manager=MANAGER)
    with_triggers = run_rules(doc, TRIGGERED, config)
    assert _key(with_triggers) == _key(_untriggered(load_document(sample), TRIGGERED, config, monkeypatch))


@pytest.mark.parametrize("name", ["A-RES-75-10-fr.docx", "interpol-cooperation-en.docx"])
def test_triggers_change_no_finding_on_generated_texts(name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    base = _sample(name)
    rng = random.Random(20261127)
    config = Config(manager=MANAGER)
    found = 0
    for _ in range(40):
        doc = _generated(base, rng)
        with_triggers = run_rules(doc, TRIGGERED, config)
        found += len(with_triggers)
        assert _key(with_triggers) == _key(_untriggered(doc, TRIGGERED, config, monkeypatch))
    assert found > 200  # the generated texts do give the triggered rules work


def test_plain_spaces_read_no_break_spaces_as_spaces() -> None:
    parts = _parts("l\u00a0’Organisation", "l ’x", "l’x", "celle\u202f-ci")
    joined = JoinedText(parts, plain_spaces=True)
    assert _texts(joined.matching(Trigger.pairs(" ", "’", plain_spaces=True))) == ["l\u00a0’Organisation", "l ’x"]
    assert Trigger.any_of(["\u202f-"], plain_spaces=True).needles == (" -",)
    assert _texts(TextIndex().matching("x", parts, Trigger.pairs(" ", "-", plain_spaces=True))) == ["celle\u202f-ci"]
