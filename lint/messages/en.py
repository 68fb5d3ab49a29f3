"""English catalogue (see :mod:`resolint.messages`)."""

FRAME = {
    "heading": "{code} {name}: {summary}.",
    "problem": "Found: {message}",
    "fix_replace": "How to fix: replace “{old}” with “{new}”.",
    "fix_delete": "How to fix: delete “{old}”.",
    "fix_delete_spaces": "How to fix: delete {count} space(s) here.",
    "fix_insert": "How to fix: insert “{new}”.",
    "fix_other": "How to fix: {description}.",
    "fix_manual": "How to fix: by hand; see the rule's page.",
    "fix_auto": "resolint can make this change for you (safe fix).",
    "fix_auto_unsafe": "resolint can propose this change (check it: it may alter the meaning).",
    "more": "More: {url}",
    "in_footnote": "In {label}:",
    "space_deleted": "Tracked change: {count} space(s) deleted here. Easy to miss: accept or reject it like any other change.",
    "space_changed": "Tracked change: a space replaced here. Easy to miss: accept or reject it like any other change.",
}

SUMMARIES: dict[str, str] = {}

#: Rule messages: key -> template (``str.format``; ``!r`` quotes as the English messages always did).
#: Keys under ``word.`` are words rules put into other messages.
MESSAGES: dict[str, str] = {
    # words
    "word.space": "space",
    "word.nbsp": "no-break space",
    "word.nnbsp": "narrow no-break space",
    "word.tab": "tab",
    "word.before": "before",
    "word.after": "after",
    "word.before_and_after": "before and after",
    "word.straight_apostrophe": "straight apostrophe (')",
    "word.curly_apostrophe": "typographic apostrophe (’)",
    # punctuation
    "P101.stacked": "stacked punctuation {marks!r}: keep one mark ({keep!r})",
    "P102.before": "{spaces} before {mark!r}",
    "P103.double": "double space",
    "P103.run": "{count} spaces in a row",
    "P104.apostrophe": "space {side} the apostrophe in {word!r}",
    "P105.hyphen": "space {side} the hyphen in {written!r}: write {right!r}",
    # French typography
    "P201.none": "no space {side} {mark!r}: French puts a {name} there",
    "P201.style": "{got} {side} {mark!r}: the house style wants a {name}",
    "P201.breakable": "{got} {side} {mark!r}: use a {name} so the mark is never separated from its word at a line break",
    "P203.apostrophe": "{what} in {word!r}: this text uses {good!r}",
}
