"""The REPL's pure input parser and the attachment finder it uses."""

from __future__ import annotations

import contextlib
from typing import Any

import pytest

from agent.attachments import Extracted, extract_attachments
from agent.cli.chat_commands import Message, Meta, parse_line


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("/export", Meta("export")),
        ("/EXPORT", Meta("export")),
        ("/credits", Meta("credits")),
        ("/state", Meta("state")),
        ("/status", Meta("state")),
        ("/new", Meta("new")),
        ("/help", Meta("help")),
        ("/quit", Meta("quit")),
        ("/exit", Meta("quit")),
        ("/frobnicate", Meta("unknown", ("/frobnicate",))),
    ],
)
def test_meta_commands_are_recognised(line: str, expected: Meta) -> None:
    assert parse_line(line) == expected


def test_blank_lines_are_ignored() -> None:
    assert parse_line("   \n") is None


def test_attach_takes_a_path_with_escaped_spaces() -> None:
    assert parse_line(r"/attach ~/My\ Photos/harbor\ view.jpg") == Meta(
        "attach", ("~/My Photos/harbor view.jpg",)
    )


def test_attach_takes_a_quoted_path_and_several_paths() -> None:
    assert parse_line("/attach '/tmp/a b.png' ./c.jpg") == Meta(
        "attach", ("/tmp/a b.png", "./c.jpg")
    )


def test_attach_without_a_path_has_no_arguments() -> None:
    assert parse_line("/attach") == Meta("attach", ())


def test_a_dragged_in_quoted_path_is_an_attachment_not_a_command() -> None:
    assert parse_line("'/home/me/Pictures/harbor lights.jpg' ") == Message(
        "", ("/home/me/Pictures/harbor lights.jpg",)
    )


def test_a_pasted_absolute_path_is_not_an_unknown_command() -> None:
    assert parse_line("/home/me/harbor.jpg make it a 5-second video") == Message(
        "make it a 5-second video", ("/home/me/harbor.jpg",)
    )


def test_a_message_keeps_quoted_titles_and_chinese_text_verbatim() -> None:
    assert parse_line("加上标题 'Harbor Lights' 和背景音乐") == Message(
        "加上标题 'Harbor Lights' 和背景音乐", ()
    )


def test_a_bare_file_name_counts_only_when_the_file_exists() -> None:
    assert parse_line("animate photo.jpg please") == Message("animate photo.jpg please", ())
    assert parse_line("animate photo.jpg please", exists=lambda p: p == "photo.jpg") == Message(
        "animate please", ("photo.jpg",)
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "turn https://example.com/img/harbor.png into a video",
            Extracted(("https://example.com/img/harbor.png",), "turn into a video"),
        ),
        (
            "see https://example.com/about for details",
            Extracted((), "see https://example.com/about for details"),
        ),
        ("file:///tmp/my%20pic.jpg", Extracted(("/tmp/my pic.jpg",), "")),
        (r"C:\Users\me\x.png animate", Extracted((r"C:\Users\me\x.png",), "animate")),
        ("don't export yet, it's not done", Extracted((), "don't export yet, it's not done")),
        ("~/notes.txt and ~/a.webp", Extracted(("~/a.webp",), "~/notes.txt and")),
    ],
)
def test_attachments_are_found_in_free_text(text: str, expected: Extracted) -> None:
    assert extract_attachments(text) == expected


def test_ctrl_c_cancels_only_the_current_wait() -> None:
    import asyncio
    import signal

    from agent.cli.chat import _cancellable
    from agent.cli.interrupt import Interrupts

    handlers: dict[int, Any] = {
        int(signal.SIGINT): signal.default_int_handler,
        int(signal.SIGTERM): signal.SIG_DFL,
    }

    def install(signum: int, handler: Any) -> Any:
        previous, handlers[signum] = handlers[signum], handler
        return previous

    async def chat(interrupts: Interrupts) -> tuple[Any, bool, Any]:
        started = asyncio.Event()

        async def endless_turn() -> Any:
            started.set()
            await asyncio.Event().wait()

        task = asyncio.create_task(endless_turn())
        waiter = asyncio.create_task(_cancellable(task, interrupts))
        await started.wait()
        handlers[int(signal.SIGINT)](signal.SIGINT, None)  # Ctrl-C
        return await waiter, task.cancelled(), await asyncio.sleep(0, "chat goes on")

    with Interrupts(install=install, current=handlers.__getitem__) as interrupts:
        assert interrupts.run(chat(interrupts)) == (None, True, "chat goes on")
        assert interrupts.caught is None  # the chat itself was not interrupted
    assert handlers[int(signal.SIGINT)] is signal.default_int_handler  # given back at the end


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_after_ctrl_c_chat_points_at_the_command_that_shows_the_result(lang: str) -> None:
    from agent.templates import Templates

    text = Templates().render("replies/chat_cancelled", lang)  # type: ignore[arg-type]
    assert "/state" in text  # the meta-command that shows the timeline, where the result lands
    assert "status" not in text
    assert "状态" not in text


def test_chat_lines_from_a_pipe_come_whole_and_end_with_an_empty_string() -> None:
    import asyncio
    import os

    from agent.cli.stdin import Lines

    read_end, write_end = os.pipe()
    text = "héllo\nworld\n/quit".encode()
    with os.fdopen(read_end, "r", encoding="utf-8") as stdin:

        async def read_all() -> list[str]:
            lines = Lines(stdin)
            for piece in (text[:2], text[2:9], text[9:]):  # "é" split across two writes
                os.write(write_end, piece)
            os.close(write_end)
            return [await lines.readline() for _ in range(4)]

        assert asyncio.run(read_all()) == ["héllo\n", "world\n", "/quit", ""]


def test_a_cancelled_chat_read_leaves_nothing_for_the_shutdown_to_wait_on() -> None:
    import asyncio
    import os
    import threading

    from agent.cli.stdin import Lines

    read_end, write_end = os.pipe()  # nobody ever writes: a terminal where no line comes
    ended = threading.Event()

    async def prompt() -> None:
        lines = Lines(os.fdopen(read_end, "r", encoding="utf-8", closefd=False))
        with contextlib.suppress(TimeoutError):
            async with asyncio.timeout(0):  # cancelled at its first wait, like a Ctrl-C
                await lines.readline()

    def chat() -> None:
        asyncio.run(prompt())  # closing the loop would wait for an executor thread
        ended.set()

    threading.Thread(target=chat, daemon=True).start()
    try:
        assert ended.wait(timeout=60), "the loop's shutdown waited for a line"
    finally:
        os.close(write_end)
        os.close(read_end)
