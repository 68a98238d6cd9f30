"""The user narrowing a turn to its last ask with "just": the rest is dropped or forbidden.

"add a fade out and export — scratch the fade, just export" drops the edit: the export alone
runs. "I don't want you to add music, change the title, or export — just show me the timeline"
forbids the edits it names: the read-only answer alone runs. The export kept is the one the
turn closes on ("just render it as is", anchored at its end), and the last gate still reads
the whole turn for a retraction.

Pure regex work over the keyword stage's prepared text (lower case, quotes masked).
"""

from __future__ import annotations

import re
from dataclasses import replace

from agent.router.route import Route

__all__ = ["narrowed"]

# a correction dropping a named edit, then only the export ("never mind the music change
# actually, just render it as is")
_EDIT_DROPPED = re.compile(
    r"(?<![a-z])(?:scratch|forget|never\s*mind|ignore|scrap|cancel|undo)\s+(?:the|that|my)\s+"
    r"(?:[a-z]+\s+){0,3}?[a-z]+\W+(?:[a-z]+\W+){0,2}?just\s+(?:export|render|download)"
    r"(?:\s+(?:it|that|this|the\s+(?:video|cut|file)))?(?:\s+as\s+(?:is|it\s+is))?\W*$"
)
# a turn that opens forbidding and closes on a read-only "just show me" ("don't export or
# download anything, and don't touch the music either, just tell me what's on the timeline")
_ONLY_SHOWN = re.compile(
    r"^\W*(?:i\s+)?(?:dont|do\s+not|please\s+dont)\b[^.;!?]*?\W(?:just|only)\s+"
    r"(?:show|tell|give|let)\s+me\b(?:(?!\b(?:and|then|also|but)\b)[^.;!?])*\W*$"
)


def narrowed(routed: Route, text: str) -> Route:
    """The plan cut down to the turn's last ask when the user narrows it with "just" (see the
    module docstring); else the plan as it is."""
    actions = routed.actions
    if actions in (("sse", "export"), ("sse",)) and _EDIT_DROPPED.search(text):
        return replace(routed, actions=("export",))
    if "state" in actions and set(actions) <= {"sse", "state"} and _ONLY_SHOWN.search(text):
        return replace(routed, actions=("state",))
    return routed
