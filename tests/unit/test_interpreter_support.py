"""Helpers for the interpreter tests (no tests here): fixture loading, draft facts, validation."""

from __future__ import annotations

import copy
import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from agent.local.interpreter.interpret import interpret
from agent.local.interpreter.phrasebook import Language
from agent.local.interpreter.plan import AskStep, Asset, InterpretContext, Plan, TextStep, ToolStep

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "interpreter"
TRACKS = {"video": 0, "audio": 1, "text": 7}
MOTIONS = {
    "none",
    "zoom_in",
    "zoom_out",
    "pan_left",
    "pan_right",
    "pan_up",
    "pan_down",
    "ken_burns",
}
CANVAS = {"16:9": (1920, 1080), "9:16": (1080, 1920), "1:1": (1080, 1080), "4:5": (1080, 1350)}
KEYS = {
    0: {"id", "s", "d", "n", "a", "u", "k", "mo", "fit", "x"},
    1: {"id", "s", "d", "n", "v", "fi", "fo"},
    7: {"id", "s", "d", "n", "pos", "fi", "fo", "sz", "c"},
}


def read_jsonl(name: str) -> list[dict[str, Any]]:
    """The records of `fixtures/interpreter/<name>`."""
    lines = (FIXTURES / name).read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def starts() -> dict[str, dict[str, Any]]:
    """Named starting drafts."""
    return {rec["name"]: rec["draft"] for rec in read_jsonl("starts.jsonl")}


def assets() -> dict[str, Asset]:
    """Named uploads."""
    return {rec["name"]: Asset(**rec["asset"]) for rec in read_jsonl("assets.jsonl")}


def conversations() -> list[dict[str, Any]]:
    """Every example turn of every `conversations-*.jsonl`."""
    return [
        rec
        for path in sorted(FIXTURES.glob("conversations-*.jsonl"))
        for rec in read_jsonl(path.name)
    ]


def context(case: dict[str, Any], seed: int = 3) -> InterpretContext:
    """The interpreter input a fixture case describes."""
    named = assets()
    return InterpretContext(
        message=case["message"],
        language=case.get("session", "en"),
        assets=tuple(named[name] for name in case["assets"]),
        draft=starts()[case["start"]],
        post_production=case.get("post_production", False),
        seed=seed,
    )


def reply_kind(plan: Plan) -> str:
    """`ask`, `text` or `silent` (tool steps and no text)."""
    if plan.steps and isinstance(plan.steps[-1], AskStep):
        return "ask"
    return "text" if any(isinstance(s, TextStep) for s in plan.steps) else "silent"


def texts(plan: Plan) -> str:
    """All text the plan would show, questions included."""
    parts = [s.text for s in plan.steps if isinstance(s, TextStep)]
    return " ".join(parts + [s.question for s in plan.steps if isinstance(s, AskStep)])


def final_draft(plan: Plan, start: dict[str, Any]) -> dict[str, Any]:
    """The draft after the plan's last tool step (the start when it has none)."""
    tools = [s for s in plan.steps if isinstance(s, ToolStep)]
    return tools[-1].draft if tools else start


Begin = Mapping[str, tuple[dict[str, Any], tuple[Asset, ...]]]
"""Named starting points: a draft and the uploads beside it."""


def language_of(message: str) -> Language:
    """`en` for a message in ASCII, else `zh`."""
    return "en" if message.isascii() else "zh"


def interpreted(
    begin: Begin, start: str, message: str, language: str | None = None
) -> tuple[Plan, dict[str, Any]]:
    """`message` interpreted on (a copy of) the starting draft `start` of `begin`: the plan and
    the draft after it. The session language is `en` or else `zh`; by default the message's own
    (`language_of`)."""
    draft, uploads = begin[start]
    lang = language_of(message) if language is None else "en" if language == "en" else "zh"
    ctx = InterpretContext(message, lang, uploads, copy.deepcopy(draft), seed=11)
    plan = interpret(ctx)
    return plan, final_draft(plan, ctx.draft)


def draft_after(
    begin: Begin, start: str, message: str, language: str | None = None
) -> dict[str, Any]:
    """The draft after `message` is interpreted on the starting draft `start` of `begin`."""
    return interpreted(begin, start, message, language)[1]


def run_plan(
    begin: Begin, start: str, message: str, language: str = "en"
) -> tuple[dict[str, Any], Plan, str]:
    """`message` interpreted on the starting draft `start` of `begin` in an `en` session unless
    `language` says otherwise: (draft after, plan, everything the reply says)."""
    plan, after = interpreted(begin, start, message, language)
    return after, plan, texts(plan)


def run_request(
    begin: Begin, start: str, message: str
) -> tuple[dict[str, Any], dict[str, Any], str]:
    """`message` interpreted on the starting draft `start` of `begin`: (draft before, draft
    after, everything the reply says)."""
    plan, after = interpreted(begin, start, message)
    return begin[start][0], after, texts(plan)


def track(draft: dict[str, Any], tt: int) -> list[dict[str, Any]]:
    """The segments of the draft's track of type `tt` (0 video, 1 audio, 7 text); [] if none."""
    return next((t["sg"] for t in draft.get("t", []) if t["tt"] == tt), [])


def fact(draft: dict[str, Any], path: str) -> Any:
    """Look up "d", "m.aspect", "video.count", "text.n" (a list over segments), "audio.0.v"."""
    head, *rest = path.split(".")
    if head not in TRACKS:
        value: Any = draft[head]
        for key in rest:
            value = value[key]
        return value
    sgs: list[dict[str, Any]] = next(
        (t["sg"] for t in draft.get("t", []) if t["tt"] == TRACKS[head]), []
    )
    if rest == ["count"]:
        return len(sgs)
    if not rest[0].isdigit():
        return [sg[rest[0]] for sg in sgs]
    value = sgs[int(rest[0])]
    for key in rest[1:]:
        value = value[key]
    return value


def check_draft(draft: dict[str, Any]) -> None:
    """Assert that a non-empty draft follows docs/draft.md and is internally consistent."""
    if not draft:
        return
    total, meta = draft["d"], draft["m"]
    assert isinstance(total, int)
    assert total > 0
    assert (meta["width"], meta["height"]) == CANVAS[meta["aspect"]]
    assert meta["fps"] == 30
    assert isinstance(meta["title"], str)
    kinds = [t["tt"] for t in draft["t"]]
    assert kinds == sorted(kinds)
    assert len(set(kinds)) == len(kinds)
    assert set(kinds) <= {0, 1, 7}
    ids = [sg["id"] for t in draft["t"] for sg in t["sg"]]
    assert len(ids) == len(set(ids))
    assert all(i.startswith("sg_") for i in ids)
    for track in draft["t"]:
        assert track["sg"], "empty tracks are dropped"
        for sg in track["sg"]:
            _check_segment(track["tt"], sg, total)
    video = next(t["sg"] for t in draft["t"] if t["tt"] == 0)
    assert video[0]["s"] == 0
    assert video[-1]["s"] + video[-1]["d"] == total


def _check_segment(track_type: int, sg: dict[str, Any], total: int) -> None:
    assert KEYS[track_type] <= set(sg), (track_type, sg)
    assert sg["s"] >= 0, sg
    assert sg["d"] > 0, sg
    assert sg["s"] + sg["d"] <= total, (sg, total)
    if track_type == 0:
        assert sg["mo"]["type"] in MOTIONS
        assert 0.02 <= sg["mo"]["i"] <= 0.5
        assert sg["mo"]["sp"] > 0
        assert sg["fit"] in {"cover", "contain"}
        assert 0 <= sg["x"] < sg["d"]
        assert sg["k"] in {"image", "video"}
    elif track_type == 1:
        assert 0 <= sg["v"] <= 100
        assert ("syn" in sg) != ("a" in sg)
        assert 0 <= sg["fi"] <= sg["d"]
        assert 0 <= sg["fo"] <= sg["d"]
    else:
        assert sg["pos"] in {"top", "center", "bottom"}
        assert sg["n"]
        assert 0 <= sg["fi"] <= sg["d"]
        assert 0 <= sg["fo"] <= sg["d"]


def check_plan(plan: Plan) -> None:
    """Assert plan-level rules: questions end a plan, edits are charged at most once."""
    asks = [i for i, s in enumerate(plan.steps) if isinstance(s, AskStep)]
    assert asks in ([], [len(plan.steps) - 1])
    tools = [s for s in plan.steps if isinstance(s, ToolStep)]
    assert sum(1 for s in tools if s.name == "edit_multitrack" and s.credits) <= 1
    assert all(s.credits >= 0 for s in tools)
    for step in tools:
        check_draft(step.draft)
    assert plan.steps, "every plan does or says something"


ALL = {"video", "length", "aspect", "photos", "motion", "framing", "name", "text", "music"}
COVERS = {
    "video": ALL,
    "history": ALL,
    "length": {"length", "text", "music"},  # titles and music are fitted to a new length
    "photos": {"photos", "video"},  # the video track is rebuilt with new segments
    "photo_lengths": {"video", "length", "text", "music"},  # rebuilt; titles and music fitted
}


def _segments(draft: dict[str, Any], kind: str) -> list[dict[str, Any]]:
    tt = {"video": 0, "audio": 1, "text": 7}[kind]
    return next((t["sg"] for t in draft.get("t", []) if t["tt"] == tt), [])


def changes(before: dict[str, Any], after: dict[str, Any]) -> set[str]:
    """The kinds of change from `before` to `after`."""
    if before == after:
        return set()
    if not _segments(before, "video"):
        return {"video"} | {k for k in ("text", "music") if _segments(after, _audio(k))}
    meta_b, meta_a = before.get("m", {}), after.get("m", {})
    video_b, video_a = _segments(before, "video"), _segments(after, "video")
    found = {
        "length": before.get("d") != after.get("d"),
        "aspect": meta_b.get("aspect") != meta_a.get("aspect"),
        "name": meta_b.get("title") != meta_a.get("title"),
        "photos": [sg.get("a") for sg in video_b] != [sg.get("a") for sg in video_a],
        "motion": _values(video_b, "mo") != _values(video_a, "mo"),
        "framing": _values(video_b, "fit") != _values(video_a, "fit"),
        "video": [sg.get("id") for sg in video_b] != [sg.get("id") for sg in video_a],
        "text": _segments(before, "text") != _segments(after, "text"),
        "music": _segments(before, "audio") != _segments(after, "audio"),
    }
    return {kind for kind, changed in found.items() if changed}


def _values(video: list[dict[str, Any]], key: str) -> set[str]:
    return {json.dumps(sg.get(key), sort_keys=True) for sg in video}


def _audio(kind: str) -> str:
    return "audio" if kind == "music" else kind


def claim_errors(plan: Plan, before: dict[str, Any]) -> tuple[set[str], set[str]]:
    """(changes the reply does not describe, claims of changes that did not happen)."""
    diff = changes(before, final_draft(plan, before))
    claims = set(plan.claims)
    described = set().union(*(COVERS.get(c, {c}) for c in claims)) if claims else set()
    return diff - described, {c for c in claims if not COVERS.get(c, {c}) & diff}
