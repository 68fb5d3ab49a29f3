"""Build the sample drafts of ``samples/`` with :mod:`resolint.testing.builder`.

Run ``python samples/build.py`` (optionally ``--out DIR``); the bytes are deterministic.

Files written:

``A-RES-75-10-fr.docx``
    A faithful draft of the French resolution A/RES/75/10 (2020), reconstructed from the
    PDF-to-text extraction ``shared/reference/A-RES-75-10-fr.txt``: title, organ formula,
    21 preambular paragraphs (PP1-PP21) with italic openers, 16 operative paragraphs
    (OP1-OP16) in Word automatic numbering (level 0 ``%1.``) with italic verbs, OP13 a)-e)
    at level 1 (``%2)``), OP1 keeping its run-in "a) ... b)", footnotes 1-7 as real
    footnotes, footnote 6 re-used in OP9 through a NOTEREF field, hyperlinks to
    ``https://undocs.org/fr/<symbol>``. No-break spaces restored (lost by the extraction):
    U+00A0 before ``;`` ``:`` and inside « ». The real defects of the 2020 text are kept:

    - D1 ";." at the end of OP2;
    - D2 space before the apostrophe, "l ’Organisation" (PP1), "l ’échelle" (PP16),
      "l ’application" (PP20);
    - D3 "celle -ci" (PP3);
    - D4 "cont re" (PP11);
    - D5 "éboration" (PP10);
    - D6 "I-24/7" in OP13 a) linked to https://undocs.org/fr/A/RES/24/7;
    - D7 "chimiques, biologiques radiologiques" without comma (OP1);
    - D8 double spaces: "de  formation" (PP15), "sauvages  menacées" (OP1),
      "volés,  la base" (OP2), "organisée  ;" (OP5), "assistance  ;" (OP13 c));
      before ";" the double space is a regular space followed by the U+00A0;
    - D9 footnote 6 re-used in OP9 ("illicites" + NOTEREF 6);
    - also present as in the original: only "2019/19" is linked in PP19, not "2019/20".

``A-RES-75-10-fr-corrected.docx``
    The same with D1-D8 corrected (D9 kept: the French default policy allows re-use).

``A-RES-73-11-fr-previous.docx``
    A CONSTRUCTED previous version for redline work, as the text might have stood in 2018
    (A/RES/73/11). It is NOT the official text of resolution 73/11. Built from the
    corrected 75/10 text with: PP1 citing only resolution 71/19; PP4 (COVID-19) and OP12
    (COVID-19) absent; an extra PP after PP8 on the 2018 INTERPOL General Assembly;
    PP10 without "et en renforçant la sécurité aux frontières" and its footnote (one
    footnote fewer: 6); PP19 without the citations of 73/187, 74/247, 2019/19 and 2019/20;
    "Département des opérations de paix" read "Département des opérations de maintien de
    la paix" and "droits humains" read "droits de l’homme"; OP5 "afin de créer" for "pour
    créer"; OP10 "renforcer leur coopération" for "resserrer leur coopération"; OP11
    placed after OP3; "soixante-quinzième" for "soixante-dix-septième" (OP15, OP16).

``interpol-cooperation-en.docx``
    An English draft written by the team on the same subject and with the same structure
    (not the official English text of 75/10): 21 PPs, 16 OPs, OP13 (a)-(e) at automatic
    level 1 ``(%2)``, footnotes after punctuation, the repeated reference to the
    International Tracing Instrument given as a NEW footnote 8 with the text of footnote 6
    (English policy), hyperlinks to ``https://undocs.org/en/<symbol>``. Defects:

    - E1 ";." at the end of OP2;
    - E2 double space "leadership  training" (PP15);
    - E3 footnote indicator 3 before the comma, "border security³," (PP10);
    - E4 opener "Recalling further" not in italics (PP3).

``interpol-cooperation-en-previous.docx``
    Its previous version, with the same kind of changes as the French previous version
    (no COVID-19 paragraphs, "seventy-fifth" session, OP11 moved after OP3, an extra PP,
    one footnote fewer, "Department of Peacekeeping Operations") and without E1-E4.
"""
from __future__ import annotations

import argparse
import hashlib
import re
import sys
from collections.abc import Callable, Mapping
from pathlib import Path

from resolint.testing.builder import Comment, DocBuilder, FootnoteRef, Hyperlink, NoteRef, Run

HERE = Path(__file__).resolve().parent

#: A draft: (label, marked-up text). Labels: "TITLE", "FORMULA", "PP<n>", "OP<n>",
#: "OP<n>(<letter>)" for automatic sub-paragraphs.
Spec = list[tuple[str, str]]

# Inline mark-up of the texts below: *italic*, {superscript}, ^N footnote N, ^=N NOTEREF to
# footnote N, [text](symbol) hyperlink to undocs.org.
_MARKUP = re.compile(r"\*(?P<i>[^*]+)\*|\{(?P<sup>[^}]+)\}|\^(?P<ref>=?)(?P<fn>\d+)"
                     r"|\[(?P<lt>[^\]]+)\]\((?P<sym>[^)]+)\)")

# --------------------------------------------------------------------------- French 75/10

FR_TITLE = ("Coopération entre l’Organisation des Nations Unies et l’Organisation "
            "internationale de police criminelle (INTERPOL)")

FR_FOOTNOTES = {
    1: "Nations Unies, *Recueil des Traités*, vol. 1996, n{o} 1200.",
    2: "Résolution [60/288](A/RES/60/288).",
    3: "Voir résolution [72/284](A/RES/72/284).",
    4: "Résolution [70/1](A/RES/70/1).",
    5: "Résolution [72/1](A/RES/72/1).",
    6: "Voir décision 60/519 et [A/60/88](A/60/88), [A/60/88/Corr.1](A/60/88/Corr.1) et "
       "[A/60/88/Corr.2](A/60/88/Corr.2), annexe.",
    7: "*Rapport de la Conférence des Nations Unies sur le commerce illicite des armes légères "
       "sous tous ses aspects, New York, 9-20 juillet 2001* ([A/CONF.192/15](A/CONF.192/15)), "
       "chap. IV, par. 24.",
}

FR_75_10: Spec = [
    ("TITLE", FR_TITLE),
    ("FORMULA", "L’Assemblée générale,"),
    ("PP1", "*Rappelant* sa résolution [51/1](A/RES/51/1) du 15 octobre 1996, dans laquelle elle a "
     "invité l’Organisation internationale de police criminelle (INTERPOL) à participer à ses "
     "sessions et travaux en qualité d’observateur, et ses résolutions [71/19](A/RES/71/19) du "
     "21 novembre 2016 et [73/11](A/RES/73/11) du 26 novembre 2018 concernant la coopération "
     "entre l’Organisation des Nations Unies et INTERPOL, dans laquelle elle a demandé que "
     "l ’Organisation des Nations Unies et INTERPOL renforcent leur coopération,"),
    ("PP2", "*Rappelant également* l’Accord de coopération signé en 1997 entre l’Organisation des "
     "Nations Unies et INTERPOL^1, ainsi que tous les autres accords de coopération pertinents "
     "conclus entre les deux organisations,"),
    ("PP3", "*Rappelant en outre* toutes les résolutions de l’Organisation des Nations Unies sur la "
     "question dans lesquelles il est reconnu que la coopération entre celle -ci et les "
     "organisations internationales comme INTERPOL peut contribuer à prévenir et combattre la "
     "criminalité transnationale, en particulier la criminalité transnationale organisée, et le "
     "terrorisme,"),
    ("PP4", "*Notant* les effets délétères inédits de la pandémie de maladie à coronavirus "
     "(COVID-19) sur la santé publique et la sphère socioéconomique, notamment les conséquences "
     "de la pandémie sur les facteurs de vulnérabilité qui engendrent, favorisent et entretiennent "
     "l’activité criminelle,"),
    ("PP5", "*Notant également* que l’Organisation des Nations Unies et INTERPOL coopèrent pour "
     "aider les États Membres de l’Organisation qui sont également membres d’INTERPOL et qui en "
     "font la demande à prévenir et combattre la criminalité ainsi qu’à renforcer leurs capacités "
     "de répression,"),
    ("PP6", "*Consciente* qu’INTERPOL est une organisation internationale neutre et apolitique qui "
     "a pour mission d’assurer et d’encourager l’entraide entre les autorités de police "
     "criminelle, dans le plein respect de la souveraineté des États Membres et en conformité "
     "avec leurs obligations au regard du droit international et de leurs législation et "
     "règlementation internes, et comme prévu par ses règlements,"),
    ("PP7", "*Reconnaissant* qu’INTERPOL est depuis 1923 un acteur essentiel pour ce qui est de "
     "favoriser et de promouvoir la coopération policière internationale en vue de prévenir et "
     "combattre la criminalité transnationale, en particulier la criminalité transnationale "
     "organisée, en renforçant la coopération entre les forces de police de ses pays membres et "
     "en encourageant l’innovation en matière de police et de répression,"),
    ("PP8", "*Reconnaissant* les contributions apportées par la structure mondiale du Secrétariat "
     "général d’INTERPOL, composée du siège à Lyon (France), des bureaux régionaux répartis dans "
     "le monde, des bureaux de ses représentants spéciaux auprès de l’Organisation des Nations "
     "Unies, de l’Union européenne et de l’Union africaine, et du Complexe mondial pour "
     "l’innovation,"),
    ("PP9", "*Se félicitant* du rôle joué par les bureaux centraux nationaux d’INTERPOL, présents "
     "dans chaque pays membre, qui sont les piliers de la coopération visant à renforcer la "
     "cohésion, la stabilité et la sécurité et les principaux pôles de police internationale "
     "reliant les forces de police nationales en un réseau mondial,"),
    ("PP10", "*Se félicitant* que les entités signataires du Pacte mondial de coordination contre "
     "le terrorisme et INTERPOL coopèrent pour prévenir et combattre le terrorisme en aidant les "
     "États Membres qui en font la demande à appliquer la Stratégie antiterroriste mondiale des "
     "Nations Unies^2, notamment en échangeant des informations sur les combattants terroristes "
     "étrangers, y compris ceux qui retournent dans leur pays ou sont relocalisés, et en "
     "renforçant la sécurité aux frontières^3, et prenant note avec satisfaction, à cet égard, de "
     "l’éboration conjointe par le Centre des Nations Unies pour la lutte contre le terrorisme et "
     "INTERPOL d’un projet consacré à l’intensification des échanges d’informations relatives aux "
     "combattants terroristes étrangers entre les États Membres,"),
    ("PP11", "*Se félicitant* des initiatives de coopération et de coordination tirant fondement de "
     "l’arrangement de coopération du 21 juillet 2017 entre l’Organisation des Nations Unies et "
     "INTERPOL concernant la Direction exécutive du Comité cont re le terrorisme, venant "
     "compléter l’Accord de coopération de 1997 entre l’Organisation des Nations Unies et "
     "INTERPOL,"),
    ("PP12", "*Saluant* les initiatives de coopération et de coordination entre le Bureau de lutte "
     "contre le terrorisme et INTERPOL résultant de l’arrangement de coopération du 27 juin 2018 "
     "entre l’Organisation des Nations Unies et INTERPOL concernant les activités du Bureau, "
     "venant compléter l’Accord de coopération de 1997 entre l’Organisation des Nations Unies et "
     "INTERPOL,"),
    ("PP13", "*Prenant note* des initiatives de coopération et de coordination résultant "
     "d’arrangements existants entre le Département des opérations de paix du Secrétariat et "
     "INTERPOL, et rappelant l’action conjointe menée par INTERPOL et le Département des "
     "opérations de paix, dans le cadre de leurs mandats respectifs, en matière de maintien de "
     "l’ordre à titre intérimaire, d’appui à la sécurité et d’aide à la mise en place d’une "
     "police nationale et d’autres services de répression dans le contexte des missions,"),
    ("PP14", "*Constatant* que la coopération entre l’Organisation des Nations Unies et INTERPOL "
     "contribue à l’exécution du Programme de développement durable à l’horizon 2030^4 du fait "
     "qu’elle se traduit par la mise en œuvre d’activités conjointes et d’activités de "
     "renforcement des capacités et par la fourniture d’un appui ciblé aux États Membres aux fins "
     "de la lutte contre toutes formes de criminalité transnationale et de terrorisme, et notant "
     "que les objectifs de l’action policière mondiale définis par INTERPOL contribuent à la mise "
     "en œuvre du Programme 2030 par les États Membres,"),
    ("PP15", "*Considérant* que l’Organisation des Nations Unies et INTERPOL doivent renforcer leur "
     "coopération afin d’intégrer pleinement la question du genre dans les formations, les "
     "ateliers, le renforcement des capacités et les programmes de  formation aux fonctions "
     "d’encadrement,"),
    ("PP16", "*Rappelant* la déclaration politique sur l’application du Plan d’action mondial des "
     "Nations Unies pour la lutte contre la traite des personnes^5, dans laquelle elle réaffirme "
     "notamment l’importance du rôle joué par INTERPOL dans la lutte contre la traite des "
     "personnes, en particulier les femmes et les enfants, à l ’échelle mondiale,"),
    ("PP17", "*Constatant* que la coopération entre l’Organisation des Nations Unies et INTERPOL "
     "concourt à la lutte contre le commerce illicite d’armes légères et de petit calibre, et "
     "notant la contribution d’INTERPOL à la troisième Conférence des Nations Unies chargée "
     "d’examiner les progrès accomplis dans l’exécution du Programme d’action en vue de prévenir, "
     "combattre et éliminer le commerce illicite des armes légères sous tous ses aspects et son "
     "rôle utile quant à l’Instrument international visant à permettre aux États de procéder à "
     "l’identification et au traçage rapides et fiables des armes légères et de petit calibre "
     "illicites^6,"),
    ("PP18", "*Notant* que l’Organisation des Nations Unies et INTERPOL coopèrent pour aider les "
     "États Membres qui en font la demande à lutter contre le trafic de matières chimiques, "
     "biologiques, radiologiques et nucléaires par des acteurs non étatiques,"),
    ("PP19", "*Préoccupée* par la montée en puissance de la cybercriminalité et par l’utilisation "
     "des technologies de l’information et des communications à des fins criminelles dans divers "
     "types d’infractions, rappelant ses résolutions [73/187](A/RES/73/187) du 17 décembre 2018 "
     "et [74/247](A/RES/74/247) du 27 décembre 2019, ainsi que les résolutions "
     "[2019/19](E/RES/2019/19) et 2019/20 du Conseil économique et social, en date du "
     "23 juillet 2019, et notant qu’il convient de renforcer la coordination et la coopération "
     "entre l’Organisation des Nations Unies, en particulier le Programme mondial contre la "
     "cybercriminalité de l’Office des Nations Unies contre la drogue et le crime, INTERPOL et "
     "les États Membres dans le domaine de la lutte contre la cybercriminalité, notamment par la "
     "fourniture d’une assistance technique, en particulier aux pays en développement qui en "
     "font la demande, afin de renforcer la capacité des autorités nationales à combattre la "
     "cybercriminalité sous toutes ses formes, y compris à des fins de prévention, de détection, "
     "d’enquête et de poursuites,"),
    ("PP20", "*Prenant note* des efforts et des progrès constants d’INTERPOL s’agissant d’offrir "
     "aux services chargés de l’application de la loi du monde entier une plateforme d’échange "
     "de connaissances, et de l’action menée par INTERPOL pour promouvoir et atteindre le plus "
     "haut degré de professionnalisme dans le domaine de l ’application de la loi, notamment "
     "l’organisation de formations et la fourniture de matériel pédagogique, et la mise en "
     "réseau d’instituts de formation spécialisés dans l’application de la loi, afin de "
     "permettre aux services de répression de lutter plus efficacement contre la criminalité "
     "transnationale organisée grâce à la coopération policière internationale,"),
    ("PP21", "*Convaincue* que l’intensification et le renforcement de la coopération entre "
     "l’Organisation des Nations Unies et INTERPOL, dans le respect de la Charte des Nations "
     "Unies, du Statut d’INTERPOL et du droit international applicable, contribueront à la "
     "réalisation des buts et principes des deux organisations,"),
    ("OP1", "*Demande* que l’Organisation des Nations Unies et l’Organisation internationale de "
     "police criminelle (INTERPOL), dans les limites de leurs mandats respectifs, renforcent "
     "leur coopération pour ce qui est : a) de prévenir et combattre la criminalité "
     "transnationale, en particulier la criminalité transnationale organisée, y compris le trafic "
     "de migrants, la traite des êtres humains, le trafic de drogues, la piraterie, la fabrication "
     "illicite et le trafic d’armes légères et de petit calibre, le trafic de matières chimiques, "
     "biologiques radiologiques et nucléaires, le détournement des technologies de l’information "
     "et des communications, dont Internet et les médias sociaux, à des fins criminelles, la "
     "corruption et le blanchiment d’argent, le trafic de biens illicites et de marchandises de "
     "contrefaçon et la criminalité environnementale, notamment le trafic d’espèces végétales et "
     "animales sauvages  menacées d’extinction et, le cas échéant, protégées et b) de prévenir et "
     "combattre le terrorisme, notamment en empêchant et en désorganisant les déplacements des "
     "combattants terroristes étrangers, en luttant contre l’utilisation des technologies de "
     "l’information et des communications, dont Internet et les médias sociaux, à des fins "
     "terroristes, tout en respectant les droits humains et les libertés fondamentales, en "
     "empêchant et en interdisant l’accès aux armes nécessaires aux activités terroristes, "
     "notamment aux armes légères et de petit calibre et aux engins explosifs improvisés, ainsi "
     "qu’aux matières chimiques, biologiques, radiologiques et nucléaires, en luttant contre le "
     "financement du terrorisme, y compris au moyen de technologies et méthodes émergentes, en "
     "empêchant et en entravant l’appui financier aux combattants terroristes étrangers et en "
     "prévenant et en réprimant la destruction intentionnelle et illégale du patrimoine culturel "
     "et le trafic de biens culturels par des groupes criminels et terroristes ;"),
    ("OP2", "*Souligne* qu’il importe que l’Organisation des Nations Unies et INTERPOL "
     "entretiennent une coordination et une coopération optimales pour lutter contre le "
     "terrorisme, eu égard en particulier à la menace posée par les déplacements de combattants "
     "terroristes étrangers, y compris ceux qui retournent dans leur pays ou sont relocalisés, et "
     "pour renforcer les efforts internationaux visant à garantir que les auteurs, organisateurs "
     "ou complices d’actes terroristes ne détournent pas à leur profit le statut de réfugié, dans "
     "le respect des obligations incombant aux États Membres en vertu du droit international, et, "
     "dans ce contexte, insiste sur l’importance de l’échange d’informations, selon qu’il "
     "convient, notamment de données biométriques telles que les empreintes digitales et les "
     "photographies, de façon à accroître les chances d’identifier formellement les terroristes "
     "et leurs affiliés, en sus des informations provenant des champs de bataille, des opérations "
     "antiterroristes militaires et des systèmes pénitentiaires nationaux, les droits humains et "
     "les libertés fondamentales devant être respectés, et souligne également qu’il importe que "
     "les États Membres utilisent pleinement les ressources d’INTERPOL dans ce domaine, notamment "
     "la base de données sur les documents de voyage perdus ou volés,  la base de données "
     "nominatives, le dossier d’analyse criminelle sur les combattants terroristes étrangers, la "
     "base de données d’empreintes digitales, la base de données de profils génétiques et le "
     "système de reconnaissance faciale, et souligne également qu’il importe de promouvoir la "
     "coopération internationale afin d’aider les États Membres qui le demandent à coopérer plus "
     "étroitement avec leurs forces de police pour traduire en justice les terroristes "
     "présumés ;."),
    ("OP3", "*Estime* que le resserrement de la coopération entre INTERPOL et le Département des "
     "opérations de paix pourrait favoriser la fourniture en temps utile d’une assistance "
     "technique et en matière de renforcement des capacités, notamment l’organisation d’activités "
     "de formation, afin de développer les compétences des services de police nationaux et autres "
     "services de répression qui en font la demande, conformément aux mandats respectifs des deux "
     "entités ;"),
    ("OP4", "*Engage* l’Organisation des Nations Unies et INTERPOL à approfondir leur coopération "
     "pour promouvoir l’égalité des genres au sein des services chargés de l’application de la "
     "loi, notamment par le renforcement des capacités, ainsi qu’en garantissant l’égalité dans "
     "l’accès aux emplois et aux postes de direction et dans la prise de décisions à tous les "
     "niveaux des services de répression, afin de renforcer le pouvoir d’action des femmes et de "
     "leur permettre d’exercer pleinement leurs droits humains ;"),
    ("OP5", "*Souligne* qu’il importe que l’Organisation des Nations Unies et INTERPOL "
     "entretiennent une coordination et une coopération optimales pour créer des synergies dans "
     "les limites de leurs mandats respectifs en matière de lutte contre la criminalité "
     "transnationale, en particulier la criminalité transnationale organisée  ;"),
    ("OP6", "*Réaffirme* qu’il importe que l’Organisation des Nations Unies et INTERPOL coopèrent "
     "étroitement dans la lutte contre la traite des personnes à l’échelle mondiale, notamment "
     "par l’intermédiaire du Groupe interinstitutions de coordination contre la traite des "
     "personnes, et contre toutes les formes d’exploitation sexuelle, y compris des femmes et des "
     "enfants, et, dans ce contexte, souligne qu’il importe que les États Membres utilisent les "
     "ressources offertes par INTERPOL, comme la base de données internationale sur "
     "l’exploitation sexuelle des enfants, la base de données sur les documents de voyage perdus "
     "ou volés, la base de données des documents de voyage associés aux notices et la base de "
     "données nominatives, ainsi que le Groupe d’experts d’INTERPOL sur la lutte contre la traite "
     "des êtres humains, et insiste sur le fait qu’il importe que les États Membres se donnent les "
     "moyens de lutter contre de tels crimes en utilisant les programmes de formation "
     "qu’INTERPOL met à leur disposition ;"),
    ("OP7", "*Réaffirme également* qu’il importe que l’Organisation des Nations Unies et INTERPOL "
     "coopèrent étroitement pour combattre le trafic de migrants, et, dans ce contexte, souligne "
     "qu’il importe que les États Membres utilisent les ressources offertes par INTERPOL, comme "
     "la base de données sur les documents de voyage perdus ou volés et la base de données "
     "nominatives, ainsi que le Groupe d’experts d’INTERPOL sur la lutte contre la traite des "
     "êtres humains ;"),
    ("OP8", "*Souligne* qu’il importe que l’Organisation des Nations Unies et INTERPOL "
     "entretiennent une coopération optimale en vue d’apporter, sur demande, un appui "
     "complémentaire aux activités de maintien et de consolidation de la paix, conformément aux "
     "mandats existants, notamment en aidant les États Membres à renforcer les bureaux centraux "
     "nationaux d’INTERPOL grâce à des activités de formation et d’assistance technique afin de "
     "combattre la criminalité transnationale organisée plus efficacement, et en aidant à donner "
     "à la police nationale et aux autres services chargés de l’application des lois, les moyens "
     "de leur mission comme les projets menés conjointement par le Département des opérations de "
     "paix et INTERPOL dans les missions de maintien de la paix ont contribué à le faire ;"),
    ("OP9", "*Encourage* l’Organisation des Nations Unies à tirer pleinement parti des avantages de "
     "sa coopération avec INTERPOL, l’une et l’autre organisation agissant dans le respect de son "
     "mandat et des priorités nationales des États Membres, afin de prévenir, combattre et "
     "éliminer le commerce illicite des armes légères et de petit calibre, et à mettre en œuvre "
     "le Programme d’action en vue de prévenir, combattre et éliminer le commerce illicite des "
     "armes légères sous tous ses aspects^7 et l’Instrument international visant à permettre aux "
     "États de procéder à l’identification et au traçage rapides et fiables des armes légères et "
     "de petit calibre illicites^=6 notamment en utilisant les ressources offertes par INTERPOL "
     "pour faciliter le traçage des armes, en particulier le Système INTERPOL de gestion des "
     "données sur les armes illicites et du traçage des armes, le Réseau d’information balistique "
     "et le Tableau de référence des armes à feu ;"),
    ("OP10", "*Encourage également* l’Organisation des Nations Unies, en particulier l’Office des "
     "Nations Unies contre la drogue et le crime, et INTERPOL à resserrer leur coopération pour "
     "permettre aux États Membres de surmonter les difficultés qu’ils rencontrent dans la lutte "
     "contre la cybercriminalité et le détournement des technologies de l’information et de la "
     "communication à des fins criminelles, notamment par la fourniture d’une assistance "
     "technique et la mise en place d’activités de renforcement des capacités, par le canal "
     "d’INTERPOL et des entités compétentes des Nations Unies, à la demande des États et en "
     "fonction de leurs besoins, compte tenu des difficultés propres aux pays en développement ;"),
    ("OP11", "*Demande* au système des Nations Unies et à INTERPOL de s’employer selon qu’il "
     "conviendra et dans le cadre de leurs mandats respectifs à aider les États Membres dans les "
     "efforts qu’ils déploient pour prévenir et combattre la destruction et le pillage de biens "
     "culturels, et toutes les formes de trafic connexes ;"),
    ("OP12", "*Se félicite* des mesures qu’INTERPOL et l’Organisation des Nations Unies, en "
     "particulier l’Office des Nations Unies contre la drogue et le crime, ont prises pour "
     "analyser les effets de la pandémie de COVID-19 sur la criminalité et y faire face, "
     "encourage les entités des Nations Unies concernées à tirer parti des ressources et des "
     "compétences spécialisées d’INTERPOL, notamment l’évaluation des menaces mondiales liées à "
     "la COVID-19 faite par l’organisation et ses recommandations sanitaires à l’usage des "
     "services de police, pour renforcer la coopération entre les services de répression au "
     "niveau international et lutter contre la pandémie, et invite les deux organisations à "
     "poursuivre leur collaboration et à coordonner leurs analyses et leurs actions, dans les "
     "limites de leurs mandats respectifs, ainsi qu’à tirer des enseignements de la situation "
     "actuelle pour pouvoir faire face à de futurs défis en matière de santé publique ;"),
    ("OP13", "*Encourage* l’Organisation des Nations Unies et INTERPOL à renforcer leur coopération "
     "afin d’aider les États Membres qui en font la demande à utiliser efficacement, par "
     "l’intermédiaire de leurs bureaux centraux nationaux, les ressources suivantes, mises à la "
     "disposition des États Membres qui sont également membres d’INTERPOL :"),
    ("OP13(a)", "Le système mondial de communication policière sécurisée [I-24/7](A/RES/24/7) "
     "d’INTERPOL, qui permet aux utilisateurs autorisés d’échanger des informations de police "
     "sensibles et urgentes avec leurs homologues du monde entier, essentiellement aux fins "
     "d’aider à la prévention et à la détection des infractions, ainsi qu’à la conduite des "
     "enquêtes, conformément au mandat d’INTERPOL ;"),
    ("OP13(b)", "Les bases de données d’INTERPOL, en les alimentant, en les mettant à jour et en "
     "les consultant, selon qu’il convient, en vue de partager des informations exactes entre "
     "eux, de manière ponctuelle, conformément aux règles et règlements d’INTERPOL et dans le "
     "respect de la souveraineté nationale et des priorités opérationnelles, grâce à un accès "
     "sans restriction ;"),
    ("OP13(c)", "Les notices et diffusions INTERPOL destinées à alerter les forces de police des "
     "autres États Membres, à solliciter leur aide et à leur fournir une assistance  ;"),
    ("OP13(d)", "L’analyse des informations relatives à la criminalité, à savoir les outils "
     "d’analyse d’INTERPOL, dans le cadre des activités opérationnelles et enquêtes nationales, "
     "en communiquant à INTERPOL des informations à verser au dossier d’analyse criminelle ;"),
    ("OP13(e)", "Les activités d’appui aux opérations des services de répression des États "
     "Membres ainsi que les programmes et initiatives de formation et de renforcement des "
     "capacités conçus pour accroître les moyens des polices nationales ;"),
    ("OP14", "*Constate* qu’il importe de faire en sorte que, dans les États Membres qui sont "
     "aussi membres d’INTERPOL, en plus des bureaux centraux nationaux, les forces de police "
     "nationales affectées dans des lieux stratégiques tels que les postes frontière, aéroports "
     "internationaux et postes de douane et d’immigration aient accès en temps réel au système "
     "mondial de communication policière sécurisée I-24/7, de façon à accroître la sécurité de "
     "leurs frontières en faisant appel aux solutions techniques d’INTERPOL, notamment en "
     "installant la dernière version de la base de données en réseau fixe d’INTERPOL dans les "
     "postes frontière et en contrôlant systématiquement et automatiquement tous les visiteurs à "
     "leur arrivée et à leur départ, et en effectuant des contrôles anticipés grâce au système de "
     "renseignements préalables concernant les voyageurs et aux dossiers passagers, pour ainsi "
     "favoriser le renforcement de la coopération entre l’Organisation des Nations Unies et "
     "INTERPOL ;"),
    ("OP15", "*Prie* le Secrétaire général de lui rendre compte à sa soixante-dix-septième session "
     "de l’application de la présente résolution ;"),
    ("OP16", "*Décide* d’inscrire à l’ordre du jour provisoire de sa soixante-dix-septième session, "
     "au titre de la question intitulée « Coopération entre l’Organisation des Nations Unies et "
     "les organisations régionales ou autres », la question subsidiaire intitulée « Coopération "
     "entre l’Organisation des Nations Unies et l’Organisation internationale de police "
     "criminelle (INTERPOL) »."),
]

#: Corrections of the French defects: label -> [(paragraph, old, new, count)].
FR_CORRECTIONS: dict[str, list[tuple[str, str, str, int]]] = {
    "D1": [("OP2", "présumés ;.", "présumés ;", 1)],
    "D2": [("PP1", "l ’Organisation", "l’Organisation", 1), ("PP16", "l ’échelle", "l’échelle", 1),
           ("PP20", "l ’application", "l’application", 1)],
    "D3": [("PP3", "celle -ci", "celle-ci", 1)],
    "D4": [("PP11", "cont re", "contre", 1)],
    "D5": [("PP10", "l’éboration", "l’élaboration", 1)],
    "D6": [("OP13(a)", "[I-24/7](A/RES/24/7)", "I-24/7", 1)],
    "D7": [("OP1", "chimiques, biologiques radiologiques", "chimiques, biologiques, radiologiques", 1)],
    "D8": [("PP15", "de  formation", "de formation", 1), ("OP1", "sauvages  menacées", "sauvages menacées", 1),
           ("OP2", "volés,  la base", "volés, la base", 1), ("OP5", "organisée  ;", "organisée ;", 1),
           ("OP13(c)", "assistance  ;", "assistance ;", 1)],
}


def fr_previous(spec: Spec) -> Spec:
    """The constructed 2018 version (see the module docstring), from the corrected text."""
    s = list(spec)
    s = _replace(s, "PP1", "et ses résolutions [71/19](A/RES/71/19) du 21 novembre 2016 et "
                 "[73/11](A/RES/73/11) du 26 novembre 2018", "et sa résolution [71/19](A/RES/71/19) "
                 "du 21 novembre 2016")
    s = _drop(s, "PP4")
    s = _replace(s, "PP5", "*Notant également*", "*Notant*")  # its "Notant" was PP4
    s = _insert_after(s, "PP8", "PP8+", "*Prenant note avec satisfaction* de la tenue à Dubaï "
                      "(Émirats arabes unis), du 18 au 21 novembre 2018, de la quatre-vingt-septième "
                      "session de l’Assemblée générale d’INTERPOL,")
    s = _replace(s, "PP10", ", et en renforçant la sécurité aux frontières^3", "")
    s = _replace(s, "PP19", ", rappelant ses résolutions [73/187](A/RES/73/187) du 17 décembre 2018 "
                 "et [74/247](A/RES/74/247) du 27 décembre 2019, ainsi que les résolutions "
                 "[2019/19](E/RES/2019/19) et 2019/20 du Conseil économique et social, en date du "
                 "23 juillet 2019,", ",")
    s = [(lab, t.replace("Département des opérations de paix",
                         "Département des opérations de maintien de la paix")
          .replace("droits humains", "droits de l’homme")) for lab, t in s]
    s = _replace(s, "OP5", "optimales pour créer", "optimales afin de créer")
    s = _replace(s, "OP10", "à resserrer leur coopération", "à renforcer leur coopération")
    s = _move_after(s, "OP11", "OP3")
    s = _drop(s, "OP12")
    s = _replace(s, "OP15", "soixante-dix-septième", "soixante-quinzième")
    s = _replace(s, "OP16", "soixante-dix-septième", "soixante-quinzième")
    return s


def fr_typography(text: str) -> str:
    """No-break spaces as in the 2020 document: U+00A0 before ``; : ! ?`` and inside « »."""
    text = re.sub(r" ([;:!?])", "\u00a0\\1", text)
    return text.replace("« ", "«\u00a0").replace(" »", "\u00a0»")


# --------------------------------------------------------------------------- English draft

EN_TITLE = ("Cooperation between the United Nations and the International Criminal Police "
            "Organization (INTERPOL)")

_EN_FN6 = ("See decision 60/519 and [A/60/88](A/60/88), [A/60/88/Corr.1](A/60/88/Corr.1) and "
           "[A/60/88/Corr.2](A/60/88/Corr.2), annex.")

EN_FOOTNOTES = {
    1: "United Nations, *Treaty Series*, vol. 1996, No. 1200.",
    2: "Resolution [60/288](A/RES/60/288).",
    3: "See resolution [72/284](A/RES/72/284).",
    4: "Resolution [70/1](A/RES/70/1).",
    5: "Resolution [72/1](A/RES/72/1).",
    6: _EN_FN6,
    7: "*Report of the United Nations Conference on the Illicit Trade in Small Arms and Light "
       "Weapons in All Its Aspects, New York, 9\u201320 July 2001* "
       "([A/CONF.192/15](A/CONF.192/15)), chap. IV, para. 24.",
    8: _EN_FN6,
}

_ITI = ("the International Instrument to Enable States to Identify and Trace, in a Timely and "
        "Reliable Manner, Illicit Small Arms and Light Weapons")
_POA = ("the Programme of Action to Prevent, Combat and Eradicate the Illicit Trade in Small Arms "
        "and Light Weapons in All Its Aspects")

EN_DRAFT: Spec = [
    ("TITLE", EN_TITLE),
    ("FORMULA", "The General Assembly,"),
    ("PP1", "*Recalling* its resolution [51/1](A/RES/51/1) of 15 October 1996, by which it invited "
     "the International Criminal Police Organization (INTERPOL) to participate in its sessions "
     "and work in the capacity of observer, and its resolutions [71/19](A/RES/71/19) of "
     "21 November 2016 and [73/11](A/RES/73/11) of 26 November 2018 on cooperation between the "
     "United Nations and INTERPOL, in which it called for the strengthening of cooperation "
     "between the United Nations and INTERPOL,"),
    ("PP2", "*Recalling also* the cooperation agreement between the United Nations and INTERPOL "
     "signed in 1997,^1 as well as all other relevant cooperation agreements concluded between "
     "the two organizations,"),
    ("PP3", "Recalling further all relevant United Nations resolutions recognizing that "
     "cooperation between the United Nations and international organizations such as INTERPOL "
     "can contribute to preventing and countering transnational crime, in particular "
     "transnational organized crime, and terrorism,"),
    ("PP4", "*Noting* the unprecedented negative impact of the coronavirus disease (COVID-19) "
     "pandemic on public health and on the socioeconomic sphere, including the effects of the "
     "pandemic on the vulnerabilities that create, facilitate and sustain criminal activity,"),
    ("PP5", "*Noting also* that the United Nations and INTERPOL cooperate in assisting States "
     "Members of the United Nations that are also members of INTERPOL, upon their request, to "
     "prevent and combat crime and to strengthen their law enforcement capacities,"),
    ("PP6", "*Conscious* that INTERPOL is a neutral and non-political international organization "
     "whose aim is to ensure and promote mutual assistance between criminal police authorities, "
     "in full respect of the sovereignty of Member States and in conformity with their "
     "obligations under international law and their national laws and regulations, and as "
     "provided for in its regulations,"),
    ("PP7", "*Recognizing* that INTERPOL has been, since 1923, an essential actor in facilitating "
     "and promoting international police cooperation to prevent and counter transnational crime, "
     "in particular transnational organized crime, by enhancing cooperation between the police "
     "forces of its member countries and by fostering innovation in policing and law "
     "enforcement,"),
    ("PP8", "*Recognizing also* the contributions of the global structure of the INTERPOL General "
     "Secretariat, consisting of its headquarters in Lyon, France, its regional bureaux around "
     "the world, the offices of its special representatives to the United Nations, the European "
     "Union and the African Union, and the INTERPOL Global Complex for Innovation,"),
    ("PP9", "*Welcoming* the role of the INTERPOL national central bureaux, present in every member "
     "country, as the pillars of cooperation for strengthening cohesion, stability and security "
     "and as the main hubs of international policing connecting national police forces in a "
     "global network,"),
    ("PP10", "*Welcoming also* the cooperation between the entities of the United Nations Global "
     "Counter-Terrorism Coordination Compact and INTERPOL in preventing and countering terrorism "
     "by assisting Member States, upon their request, in implementing the United Nations Global "
     "Counter-Terrorism Strategy,^2 including by sharing information on foreign terrorist "
     "fighters, including returnees and relocators, and by strengthening border security^3, and "
     "taking note with appreciation, in this regard, of the joint development by the United "
     "Nations Counter-Terrorism Centre and INTERPOL of a project on enhancing the exchange of "
     "information on foreign terrorist fighters among Member States,"),
    ("PP11", "*Welcoming further* the cooperation and coordination initiatives based on the "
     "arrangement of 21 July 2017 between the United Nations and INTERPOL concerning the "
     "Counter-Terrorism Committee Executive Directorate, complementing the 1997 cooperation "
     "agreement between the United Nations and INTERPOL,"),
    ("PP12", "*Commending* the cooperation and coordination initiatives between the Office of "
     "Counter-Terrorism and INTERPOL resulting from the arrangement of 27 June 2018 between the "
     "United Nations and INTERPOL concerning the activities of the Office, complementing the "
     "1997 cooperation agreement between the United Nations and INTERPOL,"),
    ("PP13", "*Taking note* of the cooperation and coordination initiatives resulting from "
     "existing arrangements between the Department of Peace Operations of the Secretariat and "
     "INTERPOL, and recalling the joint work of INTERPOL and the Department of Peace Operations, "
     "within their respective mandates, on interim policing, security support and assistance in "
     "the development of national police and other law enforcement services in mission "
     "settings,"),
    ("PP14", "*Recognizing further* that cooperation between the United Nations and INTERPOL "
     "contributes to the implementation of the 2030 Agenda for Sustainable Development^4 "
     "through joint activities, capacity-building and targeted support to Member States in "
     "countering all forms of transnational crime and terrorism, and noting that the global "
     "policing goals defined by INTERPOL contribute to the implementation of the 2030 Agenda by "
     "Member States,"),
    ("PP15", "*Considering* that the United Nations and INTERPOL should strengthen their "
     "cooperation to fully mainstream a gender perspective into training, workshops, "
     "capacity-building and leadership  training programmes,"),
    ("PP16", "*Recalling* the political declaration on the implementation of the United Nations "
     "Global Plan of Action to Combat Trafficking in Persons,^5 in which it reaffirmed, inter "
     "alia, the important role of INTERPOL in combating trafficking in persons, in particular "
     "women and children, globally,"),
    ("PP17", "*Acknowledging* that cooperation between the United Nations and INTERPOL contributes "
     "to combating the illicit trade in small arms and light weapons, and noting the "
     "contribution of INTERPOL to the third United Nations Conference to Review Progress Made in "
     f"the Implementation of {_POA} and its useful role regarding {_ITI},^6"),
    ("PP18", "*Noting* that the United Nations and INTERPOL cooperate in assisting Member States, "
     "upon their request, in countering the trafficking of chemical, biological, radiological "
     "and nuclear materials by non-State actors,"),
    ("PP19", "*Concerned* about the increase in cybercrime and the use of information and "
     "communications technologies for criminal purposes in various types of offences, recalling "
     "its resolutions [73/187](A/RES/73/187) of 17 December 2018 and [74/247](A/RES/74/247) of "
     "27 December 2019, as well as Economic and Social Council resolutions "
     "[2019/19](E/RES/2019/19) and [2019/20](E/RES/2019/20) of 23 July 2019, and noting the need "
     "to strengthen coordination and cooperation among the United Nations, in particular the "
     "Global Programme on Cybercrime of the United Nations Office on Drugs and Crime, INTERPOL "
     "and Member States in countering cybercrime, including through the provision of technical "
     "assistance, in particular to developing countries, upon request, to build the capacity of "
     "national authorities to counter cybercrime in all its forms, including its prevention, "
     "detection, investigation and prosecution,"),
    ("PP20", "*Taking note* of the continued efforts and progress of INTERPOL in providing the law "
     "enforcement community worldwide with a platform for knowledge exchange, and of its work in "
     "promoting and achieving the highest level of professionalism in law enforcement, including "
     "through training and training materials and the networking of specialized law enforcement "
     "training institutes, so as to enable law enforcement to counter transnational organized "
     "crime more effectively through international police cooperation,"),
    ("PP21", "*Convinced* that enhanced and strengthened cooperation between the United Nations and "
     "INTERPOL, in accordance with the Charter of the United Nations, the Constitution of "
     "INTERPOL and applicable international law, will contribute to the achievement of the "
     "purposes and principles of both organizations,"),
    ("OP1", "*Calls upon* the United Nations and the International Criminal Police Organization "
     "(INTERPOL), within their respective mandates, to strengthen their cooperation in: "
     "(a) preventing and countering transnational crime, in particular transnational organized "
     "crime, including the smuggling of migrants, trafficking in persons, drug trafficking, "
     "piracy, the illicit manufacturing of and trafficking in small arms and light weapons, "
     "trafficking in chemical, biological, radiological and nuclear materials, the misuse of "
     "information and communications technologies, including the Internet and social media, for "
     "criminal purposes, corruption and money-laundering, trafficking in illicit goods and "
     "counterfeit products and environmental crime, including trafficking in endangered and, "
     "where applicable, protected species of wild fauna and flora; and (b) preventing and "
     "countering terrorism, including by preventing and disrupting the travel of foreign "
     "terrorist fighters, countering the use of information and communications technologies, "
     "including the Internet and social media, for terrorist purposes, while respecting human "
     "rights and fundamental freedoms, preventing and denying access to weapons required for "
     "terrorist activities, including small arms and light weapons, improvised explosive devices "
     "and chemical, biological, radiological and nuclear materials, countering the financing of "
     "terrorism, including through new and emerging technologies and methods, preventing and "
     "disrupting financial support to foreign terrorist fighters and preventing and countering "
     "the intentional and unlawful destruction of cultural heritage and the trafficking in "
     "cultural property by criminal and terrorist groups;"),
    ("OP2", "*Emphasizes* the importance of optimal coordination and cooperation between the United "
     "Nations and INTERPOL in countering terrorism, with particular regard to the threat posed by "
     "the travel of foreign terrorist fighters, including returnees and relocators, and in "
     "strengthening international efforts to ensure that refugee status is not abused by the "
     "perpetrators, organizers or facilitators of terrorist acts, in compliance with the "
     "obligations of Member States under international law, and in this context stresses the "
     "importance of the exchange of information, as appropriate, including biometric data such "
     "as fingerprints and photographs, to increase the possibility of positively identifying "
     "terrorists and their affiliates, in addition to battlefield information and information "
     "from military counter-terrorism operations and national prison systems, while respecting "
     "human rights and fundamental freedoms, and also stresses the importance of Member States "
     "making full use of the INTERPOL resources in this area, including the Stolen and Lost "
     "Travel Documents database, the nominal database, the criminal analysis file on foreign "
     "terrorist fighters, the fingerprint database, the DNA profile database and the facial "
     "recognition system, and further stresses the importance of promoting international "
     "cooperation to assist requesting Member States in cooperating more closely with their "
     "police forces to bring suspected terrorists to justice;."),
    ("OP3", "*Considers* that enhanced cooperation between INTERPOL and the Department of Peace "
     "Operations could facilitate the timely provision of technical assistance and "
     "capacity-building, including training, to develop the skills of national police and other "
     "law enforcement services, upon request, in accordance with the respective mandates of both "
     "entities;"),
    ("OP4", "*Encourages* the United Nations and INTERPOL to deepen their cooperation to promote "
     "gender equality in law enforcement, including through capacity-building and by ensuring "
     "equal access to employment, leadership positions and decision-making at all levels of law "
     "enforcement, in order to empower women and enable them to fully exercise their human "
     "rights;"),
    ("OP5", "*Stresses* the importance of optimal coordination and cooperation between the United "
     "Nations and INTERPOL to create synergies within their respective mandates in countering "
     "transnational crime, in particular transnational organized crime;"),
    ("OP6", "*Reaffirms* the importance of close cooperation between the United Nations and "
     "INTERPOL in countering trafficking in persons globally, including through the Inter-Agency "
     "Coordination Group against Trafficking in Persons, and all forms of sexual exploitation, "
     "including of women and children, and in this context stresses the importance of Member "
     "States making use of the resources provided by INTERPOL, such as the International Child "
     "Sexual Exploitation database, the Stolen and Lost Travel Documents database, the Travel "
     "Documents Associated with Notices database and the nominal database, as well as the "
     "INTERPOL Trafficking in Human Beings Expert Group, and underlines the importance of Member "
     "States building their capacity to counter such crimes by using the training programmes "
     "made available by INTERPOL;"),
    ("OP7", "*Also reaffirms* the importance of close cooperation between the United Nations and "
     "INTERPOL in countering the smuggling of migrants, and in this context stresses the "
     "importance of Member States making use of the resources provided by INTERPOL, such as the "
     "Stolen and Lost Travel Documents database and the nominal database, as well as the INTERPOL "
     "Trafficking in Human Beings Expert Group;"),
    ("OP8", "*Also stresses* the importance of optimal cooperation between the United Nations and "
     "INTERPOL in providing, upon request, complementary support to peacekeeping and "
     "peacebuilding activities, in accordance with existing mandates, including by assisting "
     "Member States in strengthening INTERPOL national central bureaux through training and "
     "technical assistance to counter transnational organized crime more effectively, and by "
     "helping to empower national police and other law enforcement services, as demonstrated by "
     "joint projects of the Department of Peace Operations and INTERPOL in peacekeeping "
     "missions;"),
    ("OP9", "*Encourages* the United Nations to take full advantage of its cooperation with "
     "INTERPOL, each organization acting in accordance with its mandate and the national "
     "priorities of Member States, to prevent, combat and eradicate the illicit trade in small "
     f"arms and light weapons and to implement {_POA}^7 and {_ITI},^8 including by using the "
     "resources provided by INTERPOL to facilitate the tracing of weapons, in particular the "
     "INTERPOL Illicit Arms Records and Tracing Management System, the INTERPOL Ballistic "
     "Information Network and the INTERPOL Firearms Reference Table;"),
    ("OP10", "*Also encourages* the United Nations, in particular the United Nations Office on Drugs "
     "and Crime, and INTERPOL to strengthen their cooperation to enable Member States to "
     "overcome the challenges they face in countering cybercrime and the misuse of information "
     "and communications technologies for criminal purposes, including through technical "
     "assistance and capacity-building activities, through INTERPOL and relevant United Nations "
     "entities, upon the request of States and according to their needs, taking into account the "
     "specific challenges faced by developing countries;"),
    ("OP11", "*Calls upon* the United Nations system and INTERPOL to work, as appropriate and "
     "within their respective mandates, to assist Member States in their efforts to prevent and "
     "counter the destruction and looting of cultural property and all forms of related "
     "trafficking;"),
    ("OP12", "*Welcomes* the measures taken by INTERPOL and the United Nations, in particular the "
     "United Nations Office on Drugs and Crime, to analyse and respond to the impact of the "
     "COVID-19 pandemic on crime, encourages relevant United Nations entities to make use of the "
     "resources and expertise of INTERPOL, including its global threat assessment related to "
     "COVID-19 and its health guidelines for law enforcement, to strengthen international law "
     "enforcement cooperation and counter the pandemic, and invites both organizations to "
     "continue their collaboration and to coordinate their analyses and actions, within their "
     "respective mandates, and to draw lessons from the current situation to address future "
     "public health challenges;"),
    ("OP13", "*Encourages* the United Nations and INTERPOL to strengthen their cooperation to assist "
     "requesting Member States in using effectively, through their national central bureaux, the "
     "following resources available to States Members of the United Nations that are also "
     "members of INTERPOL:"),
    ("OP13(a)", "The INTERPOL I-24/7 secure global police communications system, which enables "
     "authorized users to share sensitive and urgent police information with their counterparts "
     "around the world, primarily to support the prevention and detection of crime and the "
     "conduct of investigations, in accordance with the mandate of INTERPOL;"),
    ("OP13(b)", "The INTERPOL databases, by populating, updating and consulting them, as "
     "appropriate, in order to share accurate information among themselves in a timely manner, "
     "in accordance with INTERPOL rules and regulations and with respect for national "
     "sovereignty and operational priorities, through unrestricted access;"),
    ("OP13(c)", "INTERPOL notices and diffusions to alert police in other Member States, request "
     "their assistance and provide them with assistance;"),
    ("OP13(d)", "Criminal intelligence analysis, namely INTERPOL analytical tools, in the context "
     "of national operational activities and investigations, by contributing information to "
     "INTERPOL criminal analysis files;"),
    ("OP13(e)", "Operational support to the law enforcement services of Member States, as well as "
     "training and capacity-building programmes and initiatives designed to enhance the "
     "capabilities of national police;"),
    ("OP14", "*Recognizes* the importance of ensuring that, in Member States that are also members "
     "of INTERPOL, in addition to national central bureaux, national police forces deployed at "
     "strategic locations such as border crossings, international airports and customs and "
     "immigration posts have real-time access to the I-24/7 secure global police communications "
     "system, in order to enhance the security of their borders through INTERPOL technical "
     "solutions, including by installing the latest version of the INTERPOL fixed network "
     "database at border crossings, by systematically and automatically screening all visitors "
     "on arrival and departure and by conducting advance checks using advance passenger "
     "information and passenger name records, thereby strengthening cooperation between the "
     "United Nations and INTERPOL;"),
    ("OP15", "*Requests* the Secretary-General to submit to the General Assembly at its "
     "seventy-seventh session a report on the implementation of the present resolution;"),
    ("OP16", "*Decides* to include in the provisional agenda of its seventy-seventh session, under "
     "the item entitled \u201cCooperation between the United Nations and regional and other "
     "organizations\u201d, the sub-item entitled \u201cCooperation between the United Nations and "
     "the International Criminal Police Organization (INTERPOL)\u201d."),
]


def en_previous(spec: Spec) -> Spec:
    """The team's previous English version, from the draft without E1-E4."""
    s = list(spec)
    s = _replace(s, "OP2", "justice;.", "justice;")
    s = _replace(s, "PP15", "leadership  training", "leadership training")
    s = _replace(s, "PP10", "border security^3, and", "border security,^3 and")
    s = _replace(s, "PP3", "Recalling further", "*Recalling further*")
    s = _replace(s, "PP1", "and its resolutions [71/19](A/RES/71/19) of 21 November 2016 and "
                 "[73/11](A/RES/73/11) of 26 November 2018", "and its resolution "
                 "[71/19](A/RES/71/19) of 21 November 2016")
    s = _drop(s, "PP4")
    s = _replace(s, "PP5", "*Noting also*", "*Noting*")  # its "Noting" was PP4
    s = _insert_after(s, "PP8", "PP8+", "*Taking note with appreciation* of the holding in Dubai, "
                      "United Arab Emirates, from 18 to 21 November 2018, of the eighty-seventh "
                      "session of the General Assembly of INTERPOL,")
    s = _replace(s, "PP10", ", and by strengthening border security,^3 and", ", and")
    s = _replace(s, "PP19", ", recalling its resolutions [73/187](A/RES/73/187) of 17 December 2018 "
                 "and [74/247](A/RES/74/247) of 27 December 2019, as well as Economic and Social "
                 "Council resolutions [2019/19](E/RES/2019/19) and [2019/20](E/RES/2019/20) of "
                 "23 July 2019,", ",")
    s = [(lab, t.replace("Department of Peace Operations",
                         "Department of Peacekeeping Operations")) for lab, t in s]
    s = _replace(s, "OP5", "INTERPOL to create synergies", "INTERPOL in order to create synergies")
    s = _replace(s, "OP10", "to strengthen their cooperation", "to enhance their cooperation")
    s = _move_after(s, "OP11", "OP3")
    s = _drop(s, "OP12")
    s = _replace(s, "OP13", "*Encourages*", "*Further encourages*")  # OP 10 now stands close by
    s = _replace(s, "OP15", "seventy-seventh", "seventy-fifth")
    s = _replace(s, "OP16", "seventy-seventh", "seventy-fifth")
    return s


# --------------------------------------------------------------------------- spec edits


def _index(spec: Spec, label: str) -> int:
    for i, (lab, _) in enumerate(spec):
        if lab == label:
            return i
    raise KeyError(label)


def _replace(spec: Spec, label: str, old: str, new: str, count: int = 1) -> Spec:
    i = _index(spec, label)
    lab, text = spec[i]
    found = text.count(old)
    if found != count:
        raise ValueError(f"{label}: expected {count} x {old!r}, found {found}")
    out = list(spec)
    out[i] = (lab, text.replace(old, new))
    return out


def _drop(spec: Spec, label: str) -> Spec:
    return [item for item in spec if item[0] != label]


def _insert_after(spec: Spec, label: str, new_label: str, text: str) -> Spec:
    i = _index(spec, label)
    return spec[:i + 1] + [(new_label, text)] + spec[i + 1:]


def _move_after(spec: Spec, label: str, after: str) -> Spec:
    item = spec[_index(spec, label)]
    rest = _drop(spec, label)
    i = _index(rest, after)
    return rest[:i + 1] + [item] + rest[i + 1:]


def corrected(spec: Spec, corrections: dict[str, list[tuple[str, str, str, int]]]) -> Spec:
    """Apply every correction, checking that each defect is found exactly as described."""
    for fixes in corrections.values():
        for label, old, new, count in fixes:
            spec = _replace(spec, label, old, new, count)
    return spec


# --------------------------------------------------------------------------- rendering


def _bookmark(n: int) -> str:
    return f"_Ref560000{n:02d}"


def _inlines(text: str, footnotes: dict[int, str], link_base: str, targets: set[int]) -> list[object]:
    items: list[object] = []
    pos = 0
    for m in _MARKUP.finditer(text):
        if m.start() > pos:
            items.append(text[pos:m.start()])
        if m.group("i") is not None:
            items.append(Run(m.group("i"), italic=True))
        elif m.group("sup") is not None:
            items.append(Run(m.group("sup"), superscript=True))
        elif m.group("fn") is not None:
            n = int(m.group("fn"))
            if m.group("ref"):
                items.append(NoteRef(_bookmark(n)))
            else:
                body = _inlines(footnotes[n], footnotes, link_base, targets)
                items.append(FootnoteRef(body, bookmark=_bookmark(n) if n in targets else None))
        else:
            items.append(Hyperlink(link_base + m.group("sym"), m.group("lt")))
        pos = m.end()
    if pos < len(text):
        items.append(text[pos:])
    return items


def render(spec: Spec, footnotes: dict[int, str], *, language: str, title: str,
           typography: Callable[[str], str] = lambda s: s,
           comments: Mapping[int, str] | None = None) -> DocBuilder:
    """A :class:`DocBuilder` holding the draft ``spec``.

    ``comments``: index in ``spec`` -> text of a Word comment anchored on that whole paragraph.
    """
    link_base = f"https://undocs.org/{language}/"
    targets = {int(n) for _, text in spec for n in re.findall(r"\^=(\d+)", text)}
    notes = {n: typography(t) for n, t in footnotes.items()}
    b = DocBuilder(language=language, title=title)
    ops = b.operative_numbering()
    for i, (label, text) in enumerate(spec):
        items = _inlines(typography(text), notes, link_base, targets)
        if comments and i in comments:
            items = [Comment(comments[i], *items)]
        if label == "TITLE":
            b.paragraph(*items, style="Title")
        elif label.startswith("OP"):
            b.paragraph(*items, numbering=(ops, 1 if "(" in label else 0))
        else:
            b.paragraph(*items)
    return b


def build_all() -> dict[str, bytes]:
    """File name -> bytes of every sample."""
    fr_fixed = corrected(FR_75_10, FR_CORRECTIONS)
    return {
        "A-RES-75-10-fr.docx": render(FR_75_10, FR_FOOTNOTES, language="fr", title=FR_TITLE,
                                      typography=fr_typography).to_bytes(),
        "A-RES-75-10-fr-corrected.docx": render(fr_fixed, FR_FOOTNOTES, language="fr",
                                                title=FR_TITLE, typography=fr_typography).to_bytes(),
        "A-RES-73-11-fr-previous.docx": render(fr_previous(fr_fixed), FR_FOOTNOTES, language="fr",
                                               title=FR_TITLE, typography=fr_typography).to_bytes(),
        "interpol-cooperation-en.docx": render(EN_DRAFT, EN_FOOTNOTES, language="en",
                                               title=EN_TITLE).to_bytes(),
        "interpol-cooperation-en-previous.docx": render(en_previous(EN_DRAFT), EN_FOOTNOTES,
                                                        language="en", title=EN_TITLE).to_bytes(),
    }


def main(argv: list[str] | None = None) -> int:
    from resolint.ooxml.zipwrite import write_atomic

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=HERE, help="output folder (default: samples/)")
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    for name, data in build_all().items():
        write_atomic(args.out / name, data)
        (args.out / name).chmod(0o644)
        print(f"{hashlib.sha256(data).hexdigest()[:16]}  {name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
