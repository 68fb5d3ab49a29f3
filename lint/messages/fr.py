"""Catalogue français (voir :mod:`resolint.messages`)."""

FRAME = {
    "heading": "{code} {name} : {summary}.",
    "problem": "Constat (message de la règle) : {message}",
    "fix_replace": "Correction : remplacer « {old} » par « {new} ».",
    "fix_delete": "Correction : supprimer « {old} ».",
    "fix_delete_spaces": "Correction : supprimer {count} espace(s) à cet endroit.",
    "fix_insert": "Correction : insérer « {new} ».",
    "fix_other": "Correction : {description}.",
    "fix_manual": "Correction : à faire à la main ; voir la page de la règle.",
    "fix_auto": "resolint peut faire cette correction (correction sûre).",
    "fix_auto_unsafe": "resolint peut proposer cette correction (à vérifier : elle peut changer le sens).",
    "more": "En savoir plus : {url}",
    "in_footnote": "Dans {label} :",
    "space_deleted": "Modification suivie : {count} espace(s) supprimé(s) ici. Facile à manquer : l’accepter ou la refuser comme les autres.",
    "space_changed": "Modification suivie : une espace remplacée ici. Facile à manquer : l’accepter ou la refuser comme les autres.",
}

SUMMARIES = {
    "C101": "La date d’une résolution citée tombe dans sa session ou son année",
    "C102": "Une même résolution porte la même date dans tout le texte",
    "C103": "La première mention d’une résolution dans le texte donne sa date",
    "C104": "Les dates existent au calendrier",
    "C105": "Les dates suivent l’usage de la maison : 15 octobre 1996, 1er août 2006",
    "C106": "Les ordinaux de session sont écrits correctement",
    "D101": "Les cotes de documents sont sous forme canonique (capitales, sans espace, « Corr.1 »)",
    "D102": "Les résolutions du Conseil de sécurité portent leur année entre parenthèses",
    "D103": "Dans le texte, citer « résolution 61/171 » et non « A/RES/61/171 »",
    "D104": "Les décisions se citent par leur numéro ; elles n’ont pas de cote A/RES",
    "D105": "Un lien vers un document de l’ONU porte sur la citation de ce document",
    "F101": "Un appel numéroté par note, dans l’ordre de lecture ; renvois à jour ; pas de note vide",
    "F102": "Références répétées : nouvelle note (anglais) ou même appel (français), selon la règle choisie",
    "F103": "L’appel de note se place après la ponctuation en anglais, avant en français",
    "F104": "Les notes commencent par une majuscule et finissent par un point",
    "G101": "Une énumération répétée garde les mêmes virgules",
    "G102": "Pas de mot coupé par une espace parasite",
    "M101": "La cote de l’en-tête est sous forme canonique, avec sa session",
    "M102": "La ligne de session nomme la session de la cote de l’en-tête",
    "M103": "La date de l’en-tête tombe dans la session ; le numéro d’une résolution du Conseil correspond à son année",
    "M104": "Auteurs dans l’ordre alphabétique, séparés par des virgules et un dernier « et »",
    "N101": "Les paragraphes du dispositif sont numérotés de 1 à n, sans saut",
    "N102": "Les alinéas du préambule ne sont pas numérotés",
    "N103": "Les alinéas sont lettrés a), b)… et i), ii)… dans l’ordre",
    "N104": "Forme des lettres d’alinéa : (a) (i) en anglais, a) i) en français",
    "N105": "Numérotation automatique et numérotation tapée ne se mélangent pas",
    "P101": "Pas de ponctuation doublée comme « ;. » ou « ,, »",
    "P102": "Pas d’espace avant « , » et « . » (ni, en anglais, avant « ; » « : » « ! » « ? »)",
    "P103": "Pas de suite de deux espaces ou plus (ordinaires ou insécables)",
    "P104": "Pas d’espace autour d’une apostrophe à l’intérieur d’un mot",
    "P105": "Pas d’espace d’un seul côté du trait d’union d’un mot composé",
    "P201": "Français : une espace insécable avant ; : ! ?",
    "P202": "Français : une espace insécable à l’intérieur des guillemets « »",
    "P203": "Français : apostrophe typographique ’ (réglable)",
    "R002": "Un commentaire de suppression doit supprimer quelque chose",
    "R003": "Un commentaire de suppression donne une raison après les codes",
    "R004": "Le contenu illisible (fragments HTML incorporés, objets OLE) est signalé",
    "R005": "La langue choisie pour la vérification est celle du texte",
    "S101": "Les alinéas du préambule finissent par une virgule, ceux du dispositif par un point-virgule, le dernier par un point",
    "S102": "La formule de l’organe est présente et finit par une virgule avant le préambule",
    "S103": "Les alinéas du préambule commencent par un participe ou un adjectif, non par un verbe du dispositif",
    "S104": "Les paragraphes du dispositif commencent par un verbe au présent",
    "S105": "Les mots d’introduction (avec leurs adverbes) sont en italique",
    "S106": "Un paragraphe suivi d’alinéas finit par deux-points",
    "S107": "Un mot d’introduction répété prend « aussi » puis « en outre »",
    "S108": "Anglais : « Recalling also » au préambule, « Also requests » au dispositif",
    "S109": "Français : les adjectifs d’introduction s’accordent avec le genre de l’organe",
    "T101": "Les termes consacrés de l’ONU s’écrivent d’une seule façon",
    "T102": "« Organisation des Nations Unies » ne s’abrège pas (ONU, UN, U.N.)",
    "T103": "Un sigle est développé à sa première occurrence, le sigle entre parenthèses",
    "T104": "« la présente résolution », non « cette résolution »",
    "W101": "Pas de mot écrit deux fois de suite (« de de », « the the »)",
    "W102": "Une résolution du Conseil de sécurité porte la même année dans tout le texte",
    "W103": "Après « résolution », son numéro (« 76/3 »), non une cote (« A/76/3 »)",
    "W104": "Une espace avant l’année d’une résolution : « 2529 (2020) »",
    "W105": "Pas de « Erreur ! Source du renvoi introuvable. » dans le texte",
    "W106": "Les ordinaux de session sont des ordinaux valides de la langue",
    "X101": "« paragraphe N ci-dessus/ci-dessous » renvoie à un paragraphe qui existe",
    "X102": "« ci-dessus » renvoie à un paragraphe antérieur, « ci-dessous » à un paragraphe postérieur",
}


def _typography(entries: dict[str, str]) -> dict[str, str]:
    """French typography on ``entries``: a no-break space inside « » and before ; : ! ?
    (the templates are written with plain spaces, easier to read and to edit)."""
    pairs = (("« ", "«\u00a0"), (" »", "\u00a0»"), (" :", "\u00a0:"), (" ;", "\u00a0;"), (" !", "\u00a0!"),
             (" ?", "\u00a0?"))
    out = {}
    for key, value in entries.items():
        for plain, fine in pairs:
            value = value.replace(plain, fine)
        out[key] = value
    return out


#: Messages des règles (voir ``en.MESSAGES``) : mêmes clés, mêmes paramètres.
MESSAGES: dict[str, str] = _typography({
    # mots
    "word.space": "espace",
    "word.nbsp": "espace insécable",
    "word.nnbsp": "espace fine insécable",
    "word.tab": "tabulation",
    "word.before": "avant",
    "word.after": "après",
    "word.before_and_after": "avant et après",
    "word.straight_apostrophe": "apostrophe droite (')",
    "word.curly_apostrophe": "apostrophe typographique (’)",
    # ponctuation
    "P101.stacked": "ponctuation doublée « {marks} » : n’en garder qu’un signe (« {keep} »)",
    "P102.before": "{spaces} avant « {mark} »",
    "P103.double": "espace double",
    "P103.run": "{count} espaces à la suite",
    "P104.apostrophe": "espace {side} l’apostrophe dans « {word} »",
    "P105.hyphen": "espace {side} le trait d’union dans « {written} » : écrire « {right} »",
    # typographie française
    "P201.none": "pas d’espace {side} « {mark} » : le français y met une {name}",
    "P201.style": "{got} {side} « {mark} » : la règle de la maison demande une {name}",
    "P201.breakable": "{got} {side} « {mark} » : mettre une {name} pour que le signe ne soit jamais séparé de son mot en fin de ligne",
    "P203.apostrophe": "{what} dans « {word} » : ce texte emploie « {good} »",
})
