"""The interruption policy with an injected signal registry: the test delivers each "signal" by
calling the handler the policy installed, from inside the running loop (as Python does, between
two bytecodes of the main thread)."""

from __future__ import annotations

import asyncio
import logging
import signal
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import pytest

from agent.cli.interrupt import Interrupts

SIGINT, SIGTERM = int(signal.SIGINT), int(signal.SIGTERM)


class Exited(BaseException):
    """What the injected `exit_now`/`leave` raise instead of ending the process."""

    def __init__(self, code: int, words: bytes = b"") -> None:
        super().__init__(code, words)
        self.code = code
        self.words = words


@dataclass
class Registry:
    """`signal.signal` and `signal.getsignal` over a dict."""

    handlers: dict[int, Any] = field(
        default_factory=lambda: {SIGINT: signal.default_int_handler, SIGTERM: signal.SIG_DFL}
    )

    def install(self, signum: int, handler: Any) -> Any:
        previous, self.handlers[signum] = self.handlers[signum], handler
        return previous

    def current(self, signum: int) -> Any:
        return self.handlers[signum]

    def send(self, signum: int) -> None:
        self.handlers[signum](signum, None)


def _exit_now(code: int, words: bytes) -> None:
    raise Exited(code, words)


def _leave(code: int) -> None:
    raise Exited(code)


def _policy(registry: Registry) -> Interrupts:
    return Interrupts(
        install=registry.install, current=registry.current, exit_now=_exit_now, leave=_leave
    )


def _ends_with(registry: Registry, command: Callable[[Interrupts], None]) -> int | None:
    """Run `command` under the policy as `run_command` does; the code the process would end with
    (None: the policy let the command return normally)."""
    try:
        with _policy(registry) as policy:
            command(policy)
    except Exited as exc:
        return exc.code
    return None


def test_takes_over_default_signals_only_and_gives_them_back() -> None:
    registry = Registry({SIGINT: signal.SIG_IGN, SIGTERM: signal.SIG_DFL})
    with _policy(registry) as policy:
        assert registry.handlers[SIGINT] is signal.SIG_IGN  # a background job's stays ignored
        assert registry.handlers[SIGTERM] == policy.handle
    assert registry.handlers == {SIGINT: signal.SIG_IGN, SIGTERM: signal.SIG_DFL}


@pytest.mark.parametrize(("signum", "code"), [(SIGINT, 130), (SIGTERM, 143)])
def test_a_first_signal_cancels_the_body_whose_clean_up_runs(signum: int, code: int) -> None:
    registry = Registry()
    cleaned: list[str] = []

    async def body() -> str:
        asyncio.get_running_loop().call_soon(registry.send, signum)
        try:
            await asyncio.Event().wait()
        finally:
            cleaned.append("part removed")
        return "never"

    def command(policy: Interrupts) -> None:
        with pytest.raises(KeyboardInterrupt):
            policy.run(body())
        raise SystemExit(policy.exit_code)

    assert _ends_with(registry, command) == code  # at once, handlers never given back
    assert cleaned == ["part removed"]


def test_a_second_signal_exits_at_once_with_the_last_words() -> None:
    registry = Registry()

    async def stubborn() -> None:
        registry.send(SIGINT)
        try:
            await asyncio.Event().wait()
        except asyncio.CancelledError:
            registry.send(SIGINT)  # the clean-up is slow: the user presses Ctrl-C again

    with _policy(registry) as policy:
        policy.last_words = b'{"status": "error"}\n'
        with pytest.raises(Exited) as exited:
            policy.run(stubborn())
        policy.caught = None  # what the real exit leaves no time for: keep the test's handlers
    assert exited.value.code == 130
    assert exited.value.words == b'{"status": "error"}\n'


def test_a_signal_before_the_body_keeps_it_from_starting() -> None:
    registry = Registry()
    started: list[bool] = []

    async def body() -> None:
        started.append(True)

    def command(policy: Interrupts) -> None:
        registry.send(SIGINT)  # during start-up (settings, the embedded backend): only noted
        with pytest.raises(KeyboardInterrupt):
            policy.run(body())
        raise SystemExit(policy.exit_code)

    assert _ends_with(registry, command) == 130
    assert started == []


def test_a_signal_after_the_body_lets_its_result_stand() -> None:
    registry = Registry()

    async def body() -> str:
        return "video.mp4"

    results: list[str] = []

    def command(policy: Interrupts) -> None:
        results.append(policy.run(body()))
        registry.send(SIGINT)  # during the teardown (the embedded backend stopping)

    assert _ends_with(registry, command) == 0  # the command finished: its own exit code
    assert results == ["video.mp4"]


def test_a_scope_gets_the_first_signal_and_the_command_goes_on() -> None:
    registry = Registry()
    seen: list[int] = []

    async def body() -> str:
        wait = asyncio.create_task(asyncio.Event().wait())
        with policy.scope(lambda signum: (seen.append(signum), wait.cancel())) as scope:
            registry.send(SIGTERM)
            with pytest.raises(asyncio.CancelledError):
                await wait
        assert scope.caught == SIGTERM
        assert policy.caught is None  # the command itself was not interrupted
        return "goes on"

    with _policy(registry) as policy:
        assert policy.run(body()) == "goes on"
    assert seen == [SIGTERM]
    assert registry.handlers[SIGINT] is signal.default_int_handler


def test_a_second_signal_inside_a_scope_exits_at_once() -> None:
    registry = Registry()

    async def body() -> None:
        with policy.scope(lambda _signum: None):
            registry.send(SIGINT)
            registry.send(SIGINT)

    with _policy(registry) as policy, pytest.raises(Exited) as exited:
        policy.run(body())
    assert exited.value.code == 130


def test_a_body_that_ignores_no_signal_finishes_normally() -> None:
    registry = Registry()

    async def body() -> int:
        await asyncio.sleep(0)
        return 7

    with _policy(registry) as policy:
        assert policy.run(body()) == 7
    assert policy.caught is None


class _Records(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


def test_the_loops_complaints_go_to_the_asyncio_logger_at_info() -> None:
    registry = Registry()

    async def body() -> None:
        asyncio.get_running_loop().call_exception_handler(
            {"message": "Task exception was never retrieved", "exception": RuntimeError("boom")}
        )

    logger = logging.getLogger("asyncio")
    seen, level = _Records(), logger.level
    logger.addHandler(seen)
    logger.setLevel(logging.INFO)
    try:
        with _policy(registry) as policy:
            policy.run(body())
    finally:
        logger.removeHandler(seen)
        logger.setLevel(level)
    assert [r.levelno for r in seen.records] == [logging.INFO]  # never logging's last resort
    assert seen.records[0].getMessage() == "Task exception was never retrieved (RuntimeError: boom)"


def test_asyncio_records_reach_structlog_as_one_line_without_a_traceback(
    capsys: pytest.CaptureFixture[str],
) -> None:
    from agent.log import configure_logging

    configure_logging(verbosity=1)
    try:
        raise RuntimeError("boom")
    except RuntimeError:
        logging.getLogger("asyncio").info("Task exception was never retrieved", exc_info=True)
    err = capsys.readouterr().err
    assert "Task exception was never retrieved" in err
    assert "error='RuntimeError: boom'" in err
    assert "Traceback" not in err  # only with -vv
    configure_logging(verbosity=0)
    logging.getLogger("asyncio").info("hidden by default")
    assert capsys.readouterr().err == ""


def test_a_bug_after_a_signal_is_not_hidden_by_the_exit() -> None:
    registry = Registry()

    def command(_policy: Interrupts) -> None:
        registry.send(SIGINT)
        raise LookupError("a bug")

    with pytest.raises(LookupError, match="a bug"):
        _ends_with(registry, command)


def test_a_first_signal_runs_on_stop_before_the_body_is_cancelled() -> None:
    registry = Registry()
    order: list[str] = []
    blocked = asyncio.Event()  # what a thread of the body waits on (the MCP server's stdin)

    async def body() -> None:
        asyncio.get_running_loop().call_soon(registry.send, SIGINT)
        try:
            await blocked.wait()
        except asyncio.CancelledError:
            order.append("cancelled" if blocked.is_set() else "cancelled while blocked")
            raise

    def unblock() -> None:
        order.append("on_stop")
        blocked.set()

    def command(policy: Interrupts) -> None:
        with pytest.raises(KeyboardInterrupt):
            policy.run(body(), on_stop=unblock)
        raise SystemExit(policy.exit_code)

    assert _ends_with(registry, command) == 130
    assert order == ["on_stop", "cancelled"]


def test_take_ignored_takes_over_a_signal_a_background_job_ignores() -> None:
    registry = Registry({SIGINT: signal.SIG_IGN, SIGTERM: signal.SIG_DFL})
    policy = Interrupts(
        install=registry.install,
        current=registry.current,
        exit_now=_exit_now,
        leave=_leave,
        take_ignored=True,
    )
    with policy:
        assert registry.handlers[SIGINT] == policy.handle
        assert registry.handlers[SIGTERM] == policy.handle
    assert registry.handlers == {SIGINT: signal.SIG_IGN, SIGTERM: signal.SIG_DFL}


def test_a_stop_with_a_grace_ends_the_process_if_the_body_outlives_it() -> None:
    registry = Registry()
    armed: list[tuple[float, Callable[[], None]]] = []
    policy = _policy(registry)
    policy.arm = lambda delay, callback: armed.append((delay, callback))

    async def body() -> None:  # a body whose stop never finishes on its own
        asyncio.get_running_loop().call_soon(registry.send, SIGTERM)
        while True:
            try:
                await asyncio.sleep(3600)
            except asyncio.CancelledError:
                assert [delay for delay, _ in armed] == [5.0]
                armed[0][1]()  # the bound passes: what the timer thread does

    with pytest.raises(Exited) as ended, policy:
        policy.run(body(), on_stop=lambda: None, grace_s=5.0)
    assert ended.value.code == 143


def test_a_stop_without_a_grace_arms_nothing() -> None:
    registry = Registry()
    armed: list[float] = []

    async def body() -> None:
        asyncio.get_running_loop().call_soon(registry.send, SIGINT)
        await asyncio.sleep(3600)

    def command(policy: Interrupts) -> None:
        policy.arm = lambda delay, _callback: armed.append(delay)
        with pytest.raises(KeyboardInterrupt):
            policy.run(body())
        raise SystemExit(policy.exit_code)

    assert _ends_with(registry, command) == 130
    assert armed == []
