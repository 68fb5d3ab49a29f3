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
