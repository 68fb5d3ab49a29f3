"""Masthead facts (resolint.masthead) and the masthead rules M101-M104, on real .docx drafts."""
from __future__ import annotations

import datetime

import pytest

from resolint.rules.masthead import sc_year_of
from support.rulecheck import run

SC = {"en": "The Security Council,\n*Recalling* its resolution 2254 (2015),\n*Decides* to remain seized of the matter.",
      "fr": "Le Conseil de sécurité,\n*Rappelant* sa résolution 2254 (2015),\n"
            "*Décide* de rester saisi de la question."}
GA = {"en": "The General Assembly,\n*Recalling* its resolution 78/1,\n*Decides* to act.",
      "fr": "L’Assemblée générale,\n*Rappelant* sa résolution 78/1,\n*Décide* d’agir."}


@pytest.mark.parametrize("lang, head, date, session", [
    ("en", "A/C.3/79/L.12/Rev.1\nDistr.: Limited\n12 November 2024\nOriginal: English\nSeventy-ninth session\n"
           "Agenda item 71 (b)\nAlgeria, Bosnia and Herzegovina, Japan and Trinidad and Tobago: draft resolution",
     datetime.date(2024, 11, 12), "Seventy-ninth"),
    ("fr", "A/C.3/79/L.12/Rev.1\nDistr. limitée\n1er novembre 2024\nFrançais\nOriginal : anglais\n"
           "Soixante-dix-neuvième session\nPoint 71 b) de l’ordre du jour\n"
           "Algérie, Bosnie-Herzégovine, Japon et Trinité-et-Tobago : projet de résolution",
     datetime.date(2024, 11, 1), "Soixante-dix-neuvième"),
])
def test_masthead_facts_of_an_l_document(draft, lang: str, head: str, date: datetime.date, session: str) -> None:
    r = run(draft, f"{head}\n{GA[lang]}", lang, ["M101", "M102", "M103", "M104"])
    m = r.document.masthead
    assert (m.symbol, m.date, m.session) == ("A/C.3/79/L.12/Rev.1", date, session)
    assert len(m.sponsors) == 4 and m.sponsors[0].startswith("Alg") and m.sponsors[-1].startswith("Trin")
    assert r.document.year == 2024
    assert r.findings == []
    assert [p.kind.value for p in r.document.paragraphs[:3]] != ["title"] * 3  # masthead lines are not the title


def test_adopted_security_council_resolution_is_dated_by_its_number(draft) -> None:
    r = run(draft, "Resolution 827 (1993)\nAdopted by the Security Council at its 3217th meeting, on 25 May 1993\n"
            + SC["en"], "en", ["M103"])
    assert r.document.masthead.resolution == (827, 1993) and r.document.year == 1993
    assert r.findings == []
    bad = run(draft, "Resolution 827 (1992)\nAdopted by the Security Council at its 3217th meeting, on 25 May 1993\n"
              + SC["en"], "en", ["M103"])
    assert [f.message for f in bad.findings] == ["Security Council resolution 827 was adopted in 1993, not 1992"]


def test_sc_years_table_bounds() -> None:
    assert (sc_year_of(1), sc_year_of(15), sc_year_of(16), sc_year_of(2334), sc_year_of(2817)) == \
        (1946, 1946, 1947, 2016, 2026)
    assert sc_year_of(0) is None and sc_year_of(99999) is None


@pytest.mark.parametrize("lang, head, message", [
    ("en", "A/C.3/79/L.12\n12 November 2023", "the masthead date 2023-11-12 is not in session 79"),
    ("en", "A/C.3/79/L.12\nSeventy-eighth session", "the session line says 78"),
    ("fr", "A/C.3/79/L.12\nSoixante-dix-huitième session", "la ligne de session indique la session 78"),
    ("en", "A/C.3/L.12", "has no session"),
    ("en", "A/C.3/79/L.12/Rev 1", "should be 'A/C.3/79/L.12/Rev.1'"),
])
def test_masthead_disagreements(draft, lang: str, head: str, message: str) -> None:
    r = run(draft, f"{head}\n{GA[lang]}", lang, ["M101", "M102", "M103"])
    assert len(r.findings) == 1 and message in r.findings[0].message, r.findings


@pytest.mark.parametrize("lang, line, message", [
    ("en", "Japan, Algeria and Ecuador: draft resolution", "'Algeria' comes before 'Japan'"),
    ("en", "Algeria, Ecuador, and Japan: draft resolution", "no comma before the last 'and'"),
    ("en", "Algeria; Ecuador and Japan: draft resolution", "not semicolons"),
    ("en", "Algeria, Ecuador, Japan: draft resolution", "joined by 'and'"),
    ("fr", "Japon, Algérie et Équateur : projet de résolution", "«\u00a0Algérie\u00a0» vient avant «\u00a0Japon\u00a0»"),
    ("fr", "Algérie, Équateur, Japon : projet de résolution", "relié par «\u00a0et\u00a0»"),
])
def test_sponsors_line(draft, lang: str, line: str, message: str) -> None:
    r = run(draft, f"{line}\n{SC[lang]}", lang, ["M104"])
    assert len(r.findings) == 1 and message in r.findings[0].message, r.findings
    ok = {"en": "Algeria, Côte d’Ivoire, Ecuador, Republic of Korea, United Arab Emirates and United Kingdom of "
                "Great Britain and Northern Ireland: draft resolution",
          "fr": "Algérie, Côte d’Ivoire, Équateur, États-Unis d’Amérique et Japon : projet de résolution"}[lang]
    good = run(draft, f"{ok}\n{SC[lang]}", lang, ["M104"])
    assert good.findings == [] and len(good.document.masthead.sponsors) == (6 if lang == "en" else 5)
