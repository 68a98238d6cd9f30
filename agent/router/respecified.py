"""An export's setting corrected in the same breath (issue #10, round 29): "render at 480p — no
wait, 720p", "export it as a gif, sorry, I mean mp4", 导出480p，不对，720p, 出片480p，唔係，720p.

The correction takes back the setting, not the export: the turn is the command with the new
setting. Only a bare setting after the cue counts (a resolution, a frame rate, a file kind);
"render at 480p — no wait, don't render" is a retraction (`agent.router.retraction`), and a
correction naming anything else goes through the usual reading.

Pure regex work over the user's casefolded words.
"""

from __future__ import annotations

import re

__all__ = ["respecified"]

_SETTING = (
    r"(?:\d{3,4}\s*p|[2-8]\s*k|\d{2,3}\s*fps|\d{2,3}\s*帧|mp4|mov|gif|webm|mkv|prores"
    r"|竖屏|横屏|竖版|横版|直版)"
)
_CUE = (
    r"(?:(?:no|nah|nope|oops|sorry|wait|actually|hmm|um)\W+)*"
    r"(?:no\s+wait|wait|actually|sorry|oops|i\s+mean(?:t)?|make\s+(?:that|it)|rather|scratch\s+that)"
    r"|不对|不對|唔係|唔系|唔啱|不是|讲错|講錯|说错|說錯|打错|打錯|应该是|應該係|改成"
)
_RESPECIFIED = re.compile(
    r"^(?P<command>.*?(?:export|render|download|导出|導出|汇出|匯出|渲染|出片)"
    r"[^,.;!?，。；！？—–]*?)(?P<old>" + _SETTING + r")[^,.;!?，。；！？—–]*"
    r"\s*[,.;!?，。；！？—–-]+\s*(?:" + _CUE + r")\W*(?P<new>" + _SETTING + r")"
    r"(?:\s*(?:instead|please|pls|thanks|吧|啦|先|才对|至啱))?\W*$"
)


def respecified(text: str) -> str | None:
    """The command of a turn that corrects only its export's setting, with the new setting
    ("render at 720p" for "render at 480p — no wait, 720p"); None for any other turn."""
    found = _RESPECIFIED.match(text.strip().casefold())
    if found is None:
        return None
    return f"{found['command']}{found['new']}"
