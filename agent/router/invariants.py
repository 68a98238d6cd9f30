"""The plan's invariants, held whatever stage made it: each action once, an export after the
turn's edit, no upload beside other steps without a file, and an export taken back cleanly.

Pure tuple work over `Route` values.
"""

from __future__ import annotations

import dataclasses
import re

from agent.router.route import Action, Route

__all__ = ["arrived", "edit_before", "edits_first", "files_only", "without_export"]


def edits_first(routed: Route) -> Route:
    """The plan's safety invariant, whatever stage made it: each action once, and an export
    after the turn's `sse` (an export run before the edit would render the video unedited:
    "we need the final asset by EOD; please update the lower third and render")."""
    actions = tuple(dict.fromkeys(routed.actions))
    if "export" in actions and "sse" in actions and actions.index("export") < actions.index("sse"):
        rest: list[Action] = [a for a in actions if a != "export"]
        rest.insert(rest.index("sse") + 1, "export")
        actions = tuple(rest)
    return routed if actions == routed.actions else dataclasses.replace(routed, actions=actions)


def edit_before(routed: Route) -> Route:
    """The plan with `sse` run just before its export (the turn's edit the agent makes first);
    the plan as it is when it has no export or already an `sse`."""
    if "export" not in routed.actions or "sse" in routed.actions:
        return routed
    at = routed.actions.index("export")
    return dataclasses.replace(routed, actions=(*routed.actions[:at], "sse", *routed.actions[at:]))


def without_export(routed: Route) -> Route:
    """The plan with its export declined; what else it asked still runs (the agent by default)."""
    actions = tuple(a for a in routed.actions if a != "export") or ("sse",)
    declined = (*routed.declined, "export") if "export" not in routed.declined else routed.declined
    return dataclasses.replace(routed, actions=actions, declined=declined)


def files_only(routed: Route, media: bool) -> Route:
    """The plan's upload invariant, whatever stage made it: with no file on the turn (no
    attachment, no path or link in the text), `upload` is never one step among others; a
    mentioned upload ("re-upload to capcut, but first add captions") uploads nothing. Alone it
    is the user asking to upload, which the handler answers with how to attach a file."""
    if media or "upload" not in routed.actions or routed.actions == ("upload",):
        return routed
    actions = tuple(a for a in routed.actions if a != "upload")
    return dataclasses.replace(routed, actions=actions)


# The user's upload told as done ("hi i have uploaded the photos can you see them", "我上传了照片"):
# with no file on the turn, whether it arrived is the state's answer, no new upload
_UPLOADED = re.compile(
    r"\b(?:i|we)\s+(?:have\s+|ve\s+|just\s+|already\s+|had\s+)*uploaded\b"
    r"|^\W*(?:(?:hi|hey|hello|ok|so|good\s+morning)\W+)*(?:ive|weve)\s+(?:just\s+|already\s+)?uploaded\b"
    r"|我(?:们)?(?:已经|刚刚|刚才|刚)?(?:上传|传)了"
)


def arrived(routed: Route, media: bool, said: str) -> Route:
    """A lone upload the turn reports as already done, with no file: the state answer."""
    if media or routed.actions != ("upload",) or _UPLOADED.search(said) is None:
        return routed
    return dataclasses.replace(routed, actions=("state",))
