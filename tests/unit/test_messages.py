"""Error -> user message mapping (protocol §6.1), rendered in EN and ZH."""

from __future__ import annotations

import pytest

from agent.errors import (
    AgentError,
    ConfigError,
    ExportBlockedError,
    FileProblemError,
    FileTooLargeError,
    InsufficientCreditsError,
    InvalidTokenError,
    JobFailedError,
    RateLimitError,
    ServerError,
    SessionNotFoundError,
    StreamError,
    TransportError,
    UnsupportedFileError,
    UserInputError,
    error_from_response,
)
from agent.handlers.base import ErrorInfo, Reply
from agent.media import accepted_list
from agent.messages import MessageContext, error_code, error_reply
from agent.output_options import MediaFacts
from agent.templates import Templates

WEB = "https://nemovideo.com"


@pytest.fixture(scope="module")
def templates() -> Templates:
    return Templates()


def _render(templates: Templates, reply: Reply, lang: str) -> str:
    return templates.render(reply.template, lang, **reply.context)  # type: ignore[arg-type]


def test_2001_for_an_anonymous_user_gives_the_bind_registration_link() -> None:
    exc = error_from_response(200, {"code": 2001, "message": "insufficient credits"})
    reply = error_reply(exc, MessageContext(web_url=WEB, user_id="anon_abc123"))
    assert reply == Reply(
        "errors/credits",
        {"register_url": f"{WEB}/register?bind=anon_abc123"},
        links=(f"{WEB}/register?bind=anon_abc123",),
        error=ErrorInfo(2001, "insufficient credits"),
    )


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_2001_message_shows_the_registration_link_in_both_languages(
    templates: Templates, lang: str
) -> None:
    exc = InsufficientCreditsError("no credits", code=2001)
    text = _render(templates, error_reply(exc, MessageContext(WEB, user_id="anon_x9")), lang)
    assert f"{WEB}/register?bind=anon_x9" in text
    assert ("credits" in text) if lang == "en" else ("积分" in text)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_2001_for_a_registered_user_suggests_a_top_up_not_registration(
    templates: Templates, lang: str
) -> None:
    exc = InsufficientCreditsError("no credits", code=2001)
    mc = MessageContext(WEB, user_id="anon_x9", own_token=True)
    reply = error_reply(exc, mc)
    text = _render(templates, reply, lang)
    assert "register?bind" not in text
    assert f"{WEB}/dashboard/billing" in text
    assert reply.links == (f"{WEB}/dashboard/billing",)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_402_is_a_plan_issue_and_never_mentions_running_out_of_credits(
    templates: Templates, lang: str
) -> None:
    exc = error_from_response(402, {"detail": "free plan export blocked"})
    reply = error_reply(exc, MessageContext(WEB, user_id="anon_1"))
    text = _render(templates, reply, lang)
    assert reply.template == "errors/plan"
    assert reply.error == ErrorInfo(402, "free plan export blocked")
    assert ("plan" in text and "out of credits" not in text) if lang == "en" else "套餐" in text


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_4001_lists_every_accepted_format(templates: Templates, lang: str) -> None:
    exc = UnsupportedFileError("bad type", code=4001)
    text = _render(templates, error_reply(exc, MessageContext(WEB)), lang)
    assert accepted_list() in text
    for ext in ("mp4", "png", "jpg", "webp", "mp3", "wav"):
        assert ext in text


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_4002_suggests_compressing_or_trimming_and_states_the_cap(
    templates: Templates, lang: str
) -> None:
    exc = FileTooLargeError("too big", code=4002)
    text = _render(
        templates, error_reply(exc, MessageContext(WEB, upload_max_bytes=200 * 1024 * 1024)), lang
    )
    assert "200 MB" in text
    assert ("compress" in text.lower() and "trim" in text) if lang == "en" else "压缩" in text


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_network_failure_suggests_the_local_backend(templates: Templates, lang: str) -> None:
    text = _render(templates, error_reply(TransportError("connect"), MessageContext(WEB)), lang)
    assert "--local" in text


def test_network_failure_on_the_local_backend_does_not_suggest_local_again(
    templates: Templates,
) -> None:
    reply = error_reply(TransportError("connect"), MessageContext(WEB, local=True))
    assert "--local" not in _render(templates, reply, "en")


def test_a_dropped_stream_is_not_reported_as_a_network_failure() -> None:
    reply = error_reply(StreamError("dropped"), MessageContext(WEB))
    assert reply.template == "errors/stream"
    assert reply.error == ErrorInfo("StreamError", "dropped")


@pytest.mark.parametrize(
    ("exc", "template"),
    [
        (InvalidTokenError("bad token", code=1001), "errors/auth"),
        (SessionNotFoundError("gone", code=1002), "errors/session"),
        (RateLimitError("slow down", retry_after=12.0), "errors/rate_limit"),
        (ServerError("boom", status_code=503), "errors/server"),
        (JobFailedError("render failed", job_id="render_1"), "errors/export_failed"),
        (UserInputError("Say what to change."), "errors/user_input"),
        (ConfigError("broken template"), "errors/config"),
        (AgentError("odd"), "errors/generic"),
    ],
)
def test_every_error_class_has_its_own_template_in_both_languages(
    templates: Templates, exc: AgentError, template: str
) -> None:
    reply = error_reply(exc, MessageContext(WEB))
    assert reply.template == template
    for lang in ("en", "zh"):
        assert _render(templates, reply, lang).strip()


def test_rate_limit_message_uses_the_servers_retry_after(templates: Templates) -> None:
    reply = error_reply(RateLimitError("slow", retry_after=12.0), MessageContext(WEB))
    assert "12 seconds" in _render(templates, reply, "en")


def test_error_code_prefers_body_code_then_status_then_class_name() -> None:
    assert error_code(InsufficientCreditsError("x", code=2001, status_code=200)) == 2001
    assert error_code(ExportBlockedError("x", status_code=402)) == 402
    assert error_code(TransportError("x")) == "TransportError"


def test_tokens_in_error_messages_are_redacted() -> None:
    reply = error_reply(AgentError("failed with Bearer nmv_usr_secret123"), MessageContext(WEB))
    assert reply.error is not None
    assert "nmv_usr_secret123" not in reply.error.message
    assert "nmv_usr_secret123" not in str(reply.context)


_SAMPLES: dict[str, dict[str, object]] = {
    **{
        f"status/{name}": {"local": False}
        for name in ("generating", "editing", "music", "working", "render_start")
    },
    "errors/file_problem": {"problem": "missing", "subject": "photo.jpg"},
    "errors/credits": {"register_url": None, "topup_url": f"{WEB}/dashboard/billing"},
    "errors/plan": {"web_url": WEB},
    "errors/scope": {"register_url": None, "web_url": WEB, "message": "lacks scope render"},
    "errors/plan_required": {"web_url": WEB, "message": "starter plan required"},
    "errors/forbidden": {"web_url": WEB, "message": "forbidden"},
    "errors/unsupported": {"formats": accepted_list()},
    "errors/too_large": {"limit": "200 MB"},
    "errors/auth": {"web_url": WEB},
    "errors/session": {"web_url": WEB},
    "errors/rate_limit": {"retry_after": 30},
    "errors/server": {"web_url": WEB},
    "errors/stream": {"web_url": WEB},
    "errors/network": {"local": False},
    "errors/export_failed": {"web_url": WEB},
    "errors/render": {"message": "encoder failed"},
    "errors/config": {"message": "bad table"},
    "errors/generic": {"message": "odd"},
    "replies/credits": {"available": 90, "frozen": 10, "total": 100},
    "replies/low_balance": {"available": 5},
    "replies/upload": {
        "files": [{"name": "a.png", "kind": "image", "size": "2 KB", "duration": None}]
    },
    "replies/question": {"texts": [], "question": "Which photo?", "options": ["a.png", "b.png"]},
    "replies/export_not_ready": {"has_uploads": True},
    "replies/export_done": {
        "path": "/tmp/a.mp4",
        "size": "1 MB",
        "duration": "5",
        "link": None,
        "resumed": True,
        "facts": MediaFacts("gif", 480, 270, 15.0, 5.0),
        "unmet": ("fps",),
        "refused": False,
        "previews": ["/tmp/a.jpg", "/tmp/a.poster.jpg"],
    },
    "replies/export_pending": {"link": None},
    "replies/next_steps": {"steps": ["subtitles", "timing", "export", "music"]},
    "replies/chat_unknown": {"command": "/frob"},
    "replies/link": {"link": f"{WEB}/workspace/claim?ct=c", "register": None},
    "replies/backend_failed": {"texts": ["Title added."], "message": "render backend down"},
    "status/still_working": {"minutes": 4},
    "replies/mcp_running": {"job_id": "job_1", "limit": 50, "tool": "turn"},
    "replies/mcp_file": {"path": "/tmp/a.mp4", "size": "2 KB", "mime": "video/mp4"},
    "status/checking": {"attempt": 1, "attempts": 5},
    "status/render_unknown": {"status": "awaiting_moderation"},
    "status/job_waiting": {"job_id": "job_1", "seconds": 20},
    "replies/running": {
        "job_id": "job_1",
        "status": "Rendering",
        "actions": ["sse"],
        "queued": False,
    },
    "replies/job_cancelled": {"job_id": "job_1", "actions": ["upload"]},
    "replies/job_failed": {"job_id": "job_1", "message": "KeyError: x", "log": "/tmp/j.log"},
    "replies/job_cancel": {"job_id": "job_1", "status": "cancelling"},
    "replies/worker_status": {
        "pid": 7,
        "version": "1",
        "uptime": 3,
        "running": [],
        "queued": 0,
        "idle": 900,
        "log": "/tmp/w.log",
    },
    "replies/worker_stopped": {"stopped": True},
}
_VERBATIM = {"errors/user_input", "replies/backend", "replies/question", "replies/recovered"}
_OWN = ("errors/", "status/", "replies/")
_OTHERS = {"replies/state", "replies/changes"}


def _own_templates(templates: Templates) -> set[str]:
    names = {n.rsplit(".", 2)[0] for n in templates.names() if n.startswith(_OWN)}
    return names - _OTHERS


def test_every_reply_error_and_status_template_exists_in_english_and_chinese(
    templates: Templates,
) -> None:
    listed = set(templates.names())
    for name in _own_templates(templates):
        assert {f"{name}.en.j2", f"{name}.zh.j2"} <= listed, name


def test_every_template_renders_in_both_languages_and_chinese_is_chinese(
    templates: Templates,
) -> None:
    verbatim_context = {
        "errors/user_input": {"message": "x"},
        "replies/backend": {"texts": ["x"]},
        "replies/recovered": {"texts": [], "changes": []},
    }
    for name in _own_templates(templates):
        context = {**_SAMPLES.get(name, {}), **verbatim_context.get(name, {})}
        en = templates.render(name, "en", **context)
        zh = templates.render(name, "zh", **context)
        assert en, name
        assert zh, name
        if name not in _VERBATIM:
            assert any("\u4e00" <= ch <= "\u9fff" for ch in zh), name


@pytest.mark.parametrize(
    ("problem", "en", "zh"),
    [
        ("missing", "I can't find photo.jpg", "找不到 photo.jpg"),
        ("folder", "photo.jpg is a folder", "photo.jpg 是一个文件夹"),
        ("special", "photo.jpg is not a regular file", "photo.jpg 不是普通文件"),
        ("empty", "photo.jpg is empty", "photo.jpg 是空文件"),
        ("not_http", "photo.jpg isn't an http(s) link", "photo.jpg 不是 http(s) 链接"),
    ],
)
def test_file_problems_are_told_in_the_users_language(problem: str, en: str, zh: str) -> None:
    error = FileProblemError("english detail", problem=problem, subject="photo.jpg")
    reply = error_reply(error, MessageContext(WEB))
    templates = Templates()
    assert reply.template == "errors/file_problem"
    assert templates.render(reply.template, "en", **reply.context).startswith(en)
    assert templates.render(reply.template, "zh", **reply.context).startswith(zh)


def test_a_small_upload_cap_is_stated_in_readable_units(templates: Templates) -> None:
    exc = FileTooLargeError("too big", code=4002)
    reply = error_reply(exc, MessageContext(WEB, upload_max_bytes=1000))
    assert "the limit is 1000 B)" in _render(templates, reply, "en")


_EVERY_ERROR = [
    InsufficientCreditsError("no credits", code=2001),
    error_from_response(402, {"message": "plan"}),
    InvalidTokenError("bad token", code=1001),
    error_from_response(404, {"detail": "Session not found"}),
    error_from_response(500, None),
    error_from_response(429, None, retry_after=3),
    StreamError("dropped"),
    TransportError("could not reach 127.0.0.1"),
    AgentError("odd"),
]


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("exc", _EVERY_ERROR, ids=lambda e: type(e).__name__)
def test_a_local_backend_error_offers_no_link_to_its_short_lived_address(
    templates: Templates, exc: AgentError, lang: str
) -> None:
    local = "http://127.0.0.1:23456"
    reply = error_reply(exc, MessageContext(local, user_id="anon_x9", local=True))
    assert reply.links == ()
    assert "127.0.0.1:23456" not in _render(templates, reply, lang)
