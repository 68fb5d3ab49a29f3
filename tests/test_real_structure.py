"""The anatomy of real resolutions, English and French, read from real .docx files.

Each structure here was met in real texts (the Security Council corpus, General Assembly
resolutions) and read wrong before: mastheads taken for titles, headings inside the
operative part taken for paragraphs, closing lines taken for the last paragraph.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from resolint.config import Config
from resolint.engine import check_file
from resolint.model import Kind
from resolint.plugin_manager import get_manager
from resolint.testing import DocBuilder, Run

MANAGER = get_manager()


def check(path: Path, lang: str, select: list[str] | None = None):  # type: ignore[no-untyped-def]
    result = check_file(path, Config(select=select or ["ALL"], language=lang), MANAGER)
    assert result.error is None, result.error
    return result


def kinds(result) -> list[tuple[str, str]]:  # type: ignore[no-untyped-def]
    return [(p.kind.value, p.label) for p in result.document.paragraphs if p.kind is not Kind.EMPTY]


def codes(result, *wanted: str) -> list[tuple[str, str]]:  # type: ignore[no-untyped-def]
    return [(f.code, f.label) for f in result.findings if not wanted or f.code in wanted]


TEXTS = {
    "en": {
        "formula": "The Security Council,",
        "pp": [("Recalling", " its resolution 2206 (2015),"),
               ("Acting", " under Chapter VII of the Charter of the United Nations,")],
        "heading": "Asset freeze",
        "ops": [("Decides", " that all States shall:"),
                ("Decides", " to renew the measures;"),
                ("Decides", " to remain actively seized of the matter.")],
        "subs": ["(a)\tPrevent the entry into their territories of these individuals;",
                 "(b)\tFreeze the funds of these individuals; and"],
        "cont": "shall ensure that no funds are made available to them;",
        "roman": ["(i)\tthe names of the persons;", "(ii)\tthe reasons for the listing;",
                  "(iii)\tthe dates of the listing;"],
        "closing": ["8567th meeting", "20 July 2019"],
        "masthead": ["United Nations", "S/2019/580", "Security Council", "Distr.: General", "19 July 2019",
                     "Original: English",
                     "Belgium, Dominican Republic, France, Germany and Peru: draft resolution"],
    },
    "fr": {
        "formula": "Le Conseil de sécurité,",
        "pp": [("Rappelant", " sa résolution 2206 (2015),"),
               ("Agissant", " en vertu du Chapitre VII de la Charte des Nations Unies,")],
        "heading": "Gel des avoirs",
        "ops": [("Décide", " que tous les États doivent\u00a0:"),
                ("Décide", " de reconduire les mesures\u00a0;"),
                ("Décide", " de rester activement saisi de la question.")],
        "subs": ["a)\tEmpêcher l’entrée sur leur territoire de ces personnes\u00a0;",
                 "b)\tGeler les fonds de ces personnes\u00a0; et"],
        "cont": "veiller à ce qu’aucun fonds ne soit mis à leur disposition\u00a0;",
        "roman": ["i)\tle nom des personnes\u00a0;", "ii)\tles motifs de l’inscription\u00a0;",
                  "iii)\tla date de l’inscription\u00a0;"],
        "closing": ["8567e séance", "20 juillet 2019"],
        "masthead": ["Nations Unies", "S/2019/580", "Conseil de sécurité", "Distr. générale", "19 juillet 2019",
                     "Français", "Original : anglais",
                     "Allemagne, Belgique, France, Pérou et République dominicaine : projet de résolution"],
    },
}


def build(lang: str, tmp_path: Path, *, masthead: bool = False, heading: bool = False, cont: bool = False,
          roman: bool = False, closing: str | None = None, name: str = "d.docx") -> Path:
    """A Security Council draft in ``lang`` with the structures asked for."""
    t = TEXTS[lang]
    b = DocBuilder(language=lang)
    if masthead:
        for line in t["masthead"]:
            b.paragraph(line)
    b.paragraph(Run(t["formula"].rstrip(","), italic=True), ",")
    for opener, rest in t["pp"]:
        b.paragraph(Run(opener, italic=True), rest)
    for n, (opener, rest) in enumerate(t["ops"], start=1):
        if heading and n == 2:
            b.paragraph(t["heading"])
        b.paragraph(f"{n}.\t", Run(opener, italic=True), rest)
        if n == 1:
            for sub in t["subs"]:
                b.paragraph(sub)
            if cont:
                b.paragraph(t["cont"])
        if n == 2 and roman:
            for sub in t["roman"]:
                b.paragraph(sub)
    if closing == "paragraphs":
        for line in t["closing"]:
            b.paragraph(line)
    elif closing == "breaks":
        b.paragraph("\n".join(t["closing"]))
    path = tmp_path / name
    b.save(str(path))
    return path


LANGS = pytest.mark.parametrize("lang", ["en", "fr"])


@LANGS
def test_heading_in_the_operative_part_is_not_a_paragraph(lang: str, tmp_path: Path) -> None:
    result = check(build(lang, tmp_path, heading=True), lang)
    assert ("heading", "heading") in kinds(result)
    assert [p.label for p in result.document.operative] == ["OP 1", "OP 2", "OP 3"]
    assert codes(result, "N101", "S101", "S104") == []


@LANGS
def test_sentence_going_on_after_sub_paragraphs(lang: str, tmp_path: Path) -> None:
    result = check(build(lang, tmp_path, cont=True), lang)
    assert ("continuation", "OP 1 (cont.)") in kinds(result)
    assert [p.label for p in result.document.operative] == ["OP 1", "OP 2", "OP 3"]
    assert codes(result, "N101", "S104", "S101") == []


@LANGS
def test_roman_items_straight_under_an_operative_paragraph_are_siblings(lang: str, tmp_path: Path) -> None:
    result = check(build(lang, tmp_path, roman=True), lang)
    subs = [(p.label, p.level) for p in result.document.subparagraphs if p.parent.label == "OP 2"]
    assert subs == [("OP 2(i)", 1), ("OP 2(ii)", 1), ("OP 2(iii)", 1)]
    assert codes(result, "N103") == []


@LANGS
@pytest.mark.parametrize("layout", ["paragraphs", "breaks"])
def test_closing_block_is_not_the_last_operative_paragraph(lang: str, layout: str, tmp_path: Path) -> None:
    result = check(build(lang, tmp_path, closing=layout), lang)
    assert result.document.operative[-1].label == "OP 3"
    assert [k for k, _ in kinds(result)].count("closing") == (2 if layout == "paragraphs" else 1)
    assert codes(result, "S101", "N101") == []


@LANGS
def test_masthead_of_an_l_document_is_not_the_title(lang: str, tmp_path: Path) -> None:
    result = check(build(lang, tmp_path, masthead=True), lang)
    found = kinds(result)
    assert ("title", "title") not in found
    assert [k for k, _ in found].count("preface") == len(TEXTS[lang]["masthead"])
    assert codes(result, "S102") == []


@LANGS
def test_security_council_conventions(lang: str, tmp_path: Path) -> None:
    """Citations by number and year without a date, 'this resolution', 'Decides also'."""
    b = DocBuilder(language=lang)
    if lang == "en":
        b.paragraph(Run("The Security Council", italic=True), ",")
        b.paragraph(Run("Recalling", italic=True), " its resolutions 808 (1993) and 827 (1993),")
        b.paragraph("1.\t", Run("Decides", italic=True), " that this resolution applies to all States;")
        b.paragraph("2.\t", Run("Decides also", italic=True), " to review the measures of resolution 808 (1993);")
        b.paragraph("Decides to remain seized of the matter.")
    else:
        b.paragraph(Run("Le Conseil de sécurité", italic=True), ",")
        b.paragraph(Run("Rappelant", italic=True), " ses résolutions 808 (1993) et 827 (1993),")
        b.paragraph("1.\t", Run("Décide", italic=True), " que cette résolution s’applique à tous les États\u00a0;")
        b.paragraph("2.\t", Run("Décide également", italic=True), " de réexaminer les mesures\u00a0;")
        b.paragraph("Décide de rester saisi de la question.")
    path = tmp_path / "sc.docx"
    b.save(str(path))
    result = check(path, lang)
    assert result.document.organ == "SC"
    assert codes(result, "C103", "T104", "S108", "S107", "N101") == []


def test_general_assembly_keeps_its_own_conventions(tmp_path: Path) -> None:
    """The same wording in a General Assembly text is reported: the conventions are the organ's."""
    b = DocBuilder(language="en")
    b.paragraph(Run("The General Assembly", italic=True), ",")
    b.paragraph(Run("Recalling", italic=True), " its resolution 73/11,")
    b.paragraph("1.\t", Run("Decides", italic=True), " that this resolution applies;")
    b.paragraph("2.\t", Run("Decides also", italic=True), " to act.")
    path = tmp_path / "ga.docx"
    b.save(str(path))
    result = check(path, "en")
    assert result.document.organ == "GA"
    assert {c for c, _ in codes(result, "C103", "T104", "S108")} == {"C103", "T104", "S108"}


@LANGS
def test_annexed_declaration_in_articles_is_not_operative(lang: str, tmp_path: Path) -> None:
    b = DocBuilder(language=lang)
    if lang == "en":
        b.paragraph(Run("The General Assembly", italic=True), ",")
        b.paragraph(Run("Considering", italic=True), " the Charter,")
        b.paragraph(Run("Proclaims", italic=True), " this Declaration:")
        article, body = "Article", ["1.\tNo State shall discriminate.", "2.\tEveryone has the right to equality."]
    else:
        b.paragraph(Run("L’Assemblée générale", italic=True), ",")
        b.paragraph(Run("Considérant", italic=True), " la Charte,")
        b.paragraph(Run("Proclame", italic=True), " la présente Déclaration\u00a0:")
        article, body = "Article", ["1.\tAucun État ne doit pratiquer de discrimination.",
                                    "2.\tToute personne a droit à l’égalité."]
    for n in (1, 2):
        b.paragraph(f"{article} {n if lang == 'en' or n > 1 else 'premier'}")
        for line in body:
            b.paragraph(line)
    path = tmp_path / "decl.docx"
    b.save(str(path))
    result = check(path, lang)
    assert len(result.document.operative) == 1
    assert [k for k, _ in kinds(result)].count("annex") == 6
    assert codes(result, "N101", "S101", "S104") == []


def test_broken_sequence_gives_one_finding_and_one_fix(tmp_path: Path) -> None:
    b = DocBuilder(language="en")
    b.paragraph(Run("The Security Council", italic=True), ",")
    b.paragraph(Run("Recalling", italic=True), " its resolution 808 (1993),")
    for n, shown in enumerate([1, 2, 4, 5, 6, 7], start=1):
        end = "." if n == 6 else ";"
        b.paragraph(f"{shown}.\t", Run("Decides", italic=True), f" to act{end}")
    path = tmp_path / "gap.docx"
    b.save(str(path))
    result = check(path, "en", ["N101"])
    assert codes(result) == [("N101", "OP 4")]
    fix = result.findings[0].fix
    assert fix is not None and len(fix.edits) == 4  # 4, 5, 6, 7 -> 3, 4, 5, 6


@LANGS
def test_bulleted_items_belong_to_their_paragraph(lang: str, tmp_path: Path) -> None:
    t = TEXTS[lang]
    b = DocBuilder(language=lang)
    b.paragraph(Run(t["formula"].rstrip(","), italic=True), ",")
    b.paragraph(Run(t["pp"][0][0], italic=True), t["pp"][0][1])
    b.paragraph("1.\t", Run(t["ops"][0][0], italic=True), t["ops"][0][1])
    b.paragraph("•\t" + t["roman"][0].split("\t")[1].rstrip(";\u00a0") + ",")
    b.paragraph("•\t" + t["roman"][1].split("\t")[1].rstrip(";\u00a0") + ",")
    b.paragraph("2.\t", Run(t["ops"][2][0], italic=True), t["ops"][2][1])
    path = tmp_path / "bullets.docx"
    b.save(str(path))
    result = check(path, lang)
    assert [p.label for p in result.document.operative] == ["OP 1", "OP 2"]
    assert [p.label for p in result.document.subparagraphs] == ["OP 1 bullet 1", "OP 1 bullet 2"]
    assert codes(result, "N101", "S101", "S104") == []


def test_organ_set_in_the_configuration_overrides_the_formula(tmp_path: Path) -> None:
    b = DocBuilder(language="en")
    b.paragraph(Run("The General Assembly", italic=True), ",")
    b.paragraph(Run("Recalling", italic=True), " its resolution 808 (1993),")
    b.paragraph(Run("Decides", italic=True), " that this resolution applies.")
    path = tmp_path / "x.docx"
    b.save(str(path))
    (tmp_path / "resolint.toml").write_text('organ = "SC"\n', encoding="utf-8")
    from resolint.batch import Options, file_config
    config = file_config(path, MANAGER, Options())
    assert config.organ == "SC"
    result = check_file(path, config, MANAGER)
    assert result.document.organ == "SC"
    assert codes(result, "C103", "T104") == []
    (tmp_path / "resolint.toml").write_text('organ = "UNSC"\n', encoding="utf-8")
    with pytest.raises(Exception, match="'organ' must be one of"):
        file_config(path, MANAGER, Options())


QUOTED = {
    "en": {"op": ("Reaffirms", " its resolution 425 (1978), which reads:"),
           "quote": ["“The Security Council,", "“1. Calls for strict respect for the territorial integrity of Lebanon;",
                     "“2. Requests the Secretary-General to report.”"],
           "after": ("Decides", " to remain seized of the question."),
           "chapeau": ("Resolves", ":"),
           "items": ["To defer further proceedings on the matter;", "To request a complete report;",
                     "To consider what further proceedings may be required."]},
    "fr": {"op": ("Réaffirme", " sa résolution 425 (1978), qui se lit comme suit\u00a0:"),
           "quote": ["«\u00a0Le Conseil de sécurité,", "«\u00a01. Demande que soit strictement respectée l’intégrité "
                     "territoriale du Liban\u00a0;", "«\u00a02. Prie le Secrétaire général de faire rapport.\u00a0»"],
           "after": ("Décide", " de rester saisi de la question."),
           "chapeau": ("Décide", "\u00a0:"),
           "items": ["De surseoir à l’examen de la question\u00a0;", "De demander un rapport complet\u00a0;",
                     "D’examiner les mesures qui pourraient être nécessaires."]},
}


@LANGS
def test_quoted_text_belongs_to_the_paragraph_quoting_it(lang: str, tmp_path: Path) -> None:
    t, q = TEXTS[lang], QUOTED[lang]
    b = DocBuilder(language=lang)
    b.paragraph(Run(t["formula"].rstrip(","), italic=True), ",")
    b.paragraph(Run(t["pp"][0][0], italic=True), t["pp"][0][1])
    b.paragraph("1.\t", Run(q["op"][0], italic=True), q["op"][1])
    for line in q["quote"]:
        b.paragraph(line)
    b.paragraph("2.\t", Run(q["after"][0], italic=True), q["after"][1])
    path = tmp_path / "quote.docx"
    b.save(str(path))
    result = check(path, lang)
    assert [p.label for p in result.document.operative] == ["OP 1", "OP 2"]
    quoted = result.document.by_kind(Kind.QUOTE)
    assert [p.label for p in quoted] == ["OP 1 quote 1", "OP 1 quote 2", "OP 1 quote 3"]
    assert all(p.parent is result.document.operative[0] for p in quoted)
    # The chapeau may end with a colon; the quoted formula and paragraphs are not the draft's own.
    assert codes(result, "N101", "S101", "S102", "S103", "S104") == []


@LANGS
def test_unnumbered_items_of_a_chapeau(lang: str, tmp_path: Path) -> None:
    t, q = TEXTS[lang], QUOTED[lang]
    b = DocBuilder(language=lang)
    b.paragraph(Run(t["formula"].rstrip(","), italic=True), ",")
    b.paragraph(Run(t["pp"][0][0], italic=True), t["pp"][0][1])
    b.paragraph(Run(q["chapeau"][0], italic=True), q["chapeau"][1])
    for line in q["items"]:
        b.paragraph(line)
    path = tmp_path / "items.docx"
    b.save(str(path))
    result = check(path, lang)
    assert [p.label for p in result.document.operative] == ["OP 1"]
    assert [p.label for p in result.document.subparagraphs] == ["OP 1 item 1", "OP 1 item 2", "OP 1 item 3"]
    assert codes(result, "N101", "S101", "S104") == []
    # A wrong mark on an item is still reported.
    b2 = DocBuilder(language=lang)
    b2.paragraph(Run(t["formula"].rstrip(","), italic=True), ",")
    b2.paragraph(Run(q["chapeau"][0], italic=True), q["chapeau"][1])
    b2.paragraph(q["items"][0].replace(";", ","))
    b2.paragraph(q["items"][2])
    bad = tmp_path / "items-bad.docx"
    b2.save(str(bad))
    assert codes(check(bad, lang), "S101") == [("S101", "OP 1 item 1")]


PARTS = {
    "en": {"heading": "B", "pp": ("Determined", " to strengthen the measures,"),
           "lead_in": "Acting under Chapter VII of the Charter of the United Nations, decides that all States shall act;",
           "perfect": ["Having accepted the report,", "Having also heard the statement of Lebanon,"],
           "closing": "Adopted unanimously, without a vote, at the 2008th meeting.",
           "chapeau": "Resolves that:", "items": ["1.\tThe Court shall be open to a State;",
                                                  "2.\tSuch declaration may be general."]},
    "fr": {"heading": "B", "pp": ("Résolu", " à renforcer les mesures,"),
           "lead_in": "Agissant en vertu du Chapitre VII de la Charte des Nations Unies, décide que tous les "
                      "États doivent agir\u00a0;",
           "perfect": ["Ayant accepté le rapport,", "Ayant également entendu la déclaration du Liban,"],
           "closing": "Adoptée à l’unanimité, sans vote, à la 2008e séance.",
           "chapeau": "Décide que\u00a0:", "items": ["1.\tLa Cour sera ouverte à un État\u00a0;",
                                                       "2.\tCette déclaration peut être générale."]},
}


@LANGS
def test_a_part_with_its_own_formula_and_preamble(lang: str, tmp_path: Path) -> None:
    t, x = TEXTS[lang], PARTS[lang]
    b = DocBuilder(language=lang)
    b.paragraph("A")
    b.paragraph(Run(t["formula"].rstrip(","), italic=True), ",")
    b.paragraph(Run(t["pp"][0][0], italic=True), t["pp"][0][1])
    b.paragraph("1.\t", Run(t["ops"][1][0], italic=True), t["ops"][1][1])
    b.paragraph(x["heading"])
    b.paragraph(Run(t["formula"].rstrip(","), italic=True), ",")
    b.paragraph(Run(x["pp"][0], italic=True), x["pp"][1])
    b.paragraph("1.\t", Run(t["ops"][2][0], italic=True), t["ops"][2][1])
    b.paragraph(x["heading"] + "B")
    b.paragraph(Run(x["pp"][0], italic=True), x["pp"][1])
    b.paragraph("1.\t", Run(t["ops"][2][0], italic=True), t["ops"][2][1])
    path = tmp_path / "parts.docx"
    b.save(str(path))
    result = check(path, lang)
    assert [(k, label) for k, label in kinds(result) if k != "title"] == [
        ("formula", "formula"), ("preamble", "PP 1"), ("operative", "OP 1"), ("heading", "heading"),
        ("formula", "formula"), ("preamble", "PP 2"), ("operative", "OP 1"), ("heading", "heading"),
        ("preamble", "PP 3"), ("operative", "OP 1")]
    assert codes(result, "S103", "S104", "S102") == []


@LANGS
def test_perfect_participles_lead_ins_and_adoption_lines(lang: str, tmp_path: Path) -> None:
    t, x = TEXTS[lang], PARTS[lang]
    b = DocBuilder(language=lang)
    b.paragraph(Run(t["formula"].rstrip(","), italic=True), ",")
    for line in x["perfect"]:
        opener, rest = line.split(" ", 1)
        b.paragraph(Run(opener, italic=True), " " + rest)
    b.paragraph("1.\t" + x["lead_in"])
    b.paragraph("2.\t", Run(t["ops"][2][0], italic=True), t["ops"][2][1])
    b.paragraph(x["closing"])
    path = tmp_path / "openers.docx"
    b.save(str(path))
    result = check(path, lang)
    assert [k for k, _label in kinds(result)] == ["formula", "preamble", "preamble", "operative", "operative",
                                                 "closing"]
    assert codes(result, "S103", "S104", "S101") == []
    # A participle after "Having" that is none is still reported.
    bad = DocBuilder(language=lang)
    bad.paragraph(Run(t["formula"].rstrip(","), italic=True), ",")
    bad.paragraph({"en": "Having the honour to inform,", "fr": "Ayant le plaisir d’informer,"}[lang])
    bad.paragraph("1.\t", Run(t["ops"][2][0], italic=True), t["ops"][2][1])
    bad.save(str(tmp_path / "bad.docx"))
    assert codes(check(tmp_path / "bad.docx", lang), "S103") == [("S103", "PP 1")]


@LANGS
def test_numbered_items_of_an_unnumbered_chapeau(lang: str, tmp_path: Path) -> None:
    t, x = TEXTS[lang], PARTS[lang]
    b = DocBuilder(language=lang)
    b.paragraph(Run(t["formula"].rstrip(","), italic=True), ",")
    b.paragraph(Run(t["pp"][0][0], italic=True), t["pp"][0][1])
    b.paragraph(x["chapeau"])
    for item in x["items"]:
        b.paragraph(item)
    path = tmp_path / "chapeau.docx"
    b.save(str(path))
    result = check(path, lang)
    assert [p.label for p in result.document.operative] == ["OP 1"]
    assert [p.label for p in result.document.subparagraphs] == ["OP 1(1)", "OP 1(2)"]
    assert codes(result, "N101", "S104") == []


FORM_RULES = ("S101", "S102", "S103", "S104", "S106", "N101", "N103")


@pytest.mark.parametrize("year", [1948, 1951, 1952, 1999])
def test_form_of_the_texts_year(year: int, tmp_path: Path) -> None:
    """A Security Council text of 1946-1951 is not held to a form the Council had not settled
    (organs.toml [[era]] not-applicable); the same text dated 1952 or later is, and terms are
    checked whatever the year."""
    b = DocBuilder(language="en")
    b.paragraph(f"Resolution of 17 April {year}")
    b.paragraph(Run("The Security Council", italic=True), ",")
    b.paragraph(Run("Considering", italic=True), " the report of the Commission;")
    b.paragraph(Run("Hereby", italic=True), " resolves that the Commission shall continue.")
    b.paragraph(Run("Calls upon", italic=True), " all persons to cease all activities.")
    b.paragraph(Run("The Security Council", italic=True), " requests the Secretary General to report:")
    b.paragraph("Adopted at the 283rd meeting.")
    path = tmp_path / f"era-{year}.docx"
    b.save(str(path))
    result = check(path, "en")
    assert result.document.year == year
    form = {c for c, _ in codes(result, *FORM_RULES)}
    if year <= 1951:
        assert form == set()
    else:
        assert {"S101", "S103", "S104", "N101"} <= form
    assert ("T101", "OP 2") in codes(result, "T101")
