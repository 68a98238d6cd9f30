"""`nemo-agent chat`: a terminal REPL with rich output (rich is imported only here, at run time).

Meta-commands come from the pure parser in `agent.cli.chat_commands`; everything else is a turn.
Ctrl-C during a wait stops waiting (nothing is re-sent, the session is kept); at the prompt
it quits (exit 130); a second Ctrl-C during a wait that does not stop quits at once
(`agent.cli.interrupt`). Lines from a terminal or pipe are read by a daemon thread straight from
the file descriptor (`agent.cli.stdin.Lines`), so a Ctrl-C at the prompt never waits for a line
that may never come.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TextIO

import click

from agent.cli.chat_commands import PLANS, Message, Meta, parse_line
from agent.cli.common import CommandResult, CommonOptions, common_options, run_command
from agent.cli.interrupt import Interrupts
from agent.cli.stdin import Lines
from agent.config import Settings
from agent.terminal import printable

if TYPE_CHECKING:
    from agent.engine import Engine, TurnResult
    from agent.templates import Language

__all__ = ["chat", "repl"]


def _markdown(text: str) -> Any:
    """Markdown that keeps the template's line breaks (hard breaks instead of reflowing)."""
    from rich.markdown import Markdown

    lines = printable(text).split("\n")
    return Markdown("\n".join(line + "  " if line.strip() else line for line in lines))


class RichProgress:
    """The `Progress` protocol on rich consoles: statuses and bars on stderr, text on stdout."""

    def __init__(self, out: Any, err: Any) -> None:
        self._out = out
        self._err = err
        self._bars: Any = None
        self._tasks: dict[str, Any] = {}
        self.streamed = False

    def status(self, text: str) -> None:
        """A dim status line on stderr."""
        from rich.text import Text

        self._err.print(Text(printable(text), style="dim"))

    def stream(self, text: str) -> None:
        """Backend text as it arrives, as markdown on stdout."""
        self.streamed = True
        self._out.print(_markdown(text))

    def bar(self, label: str, completed: float, total: float | None) -> None:
        """A rich progress bar on stderr, one task per label."""
        if self._bars is None:
            from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn

            self._bars = Progress(
                SpinnerColumn(), TextColumn("{task.description}"), BarColumn(), console=self._err
            )
            self._bars.start()
        if label not in self._tasks:
            self._tasks[label] = self._bars.add_task(label, total=total)
        self._bars.update(self._tasks[label], completed=completed, total=total)

    def bar_done(self, label: str) -> None:
        """Finish a bar; stop the display when none is left."""
        task = self._tasks.pop(label, None)
        if task is not None and self._bars is not None:
            self._bars.remove_task(task)
        if not self._tasks and self._bars is not None:
            self._bars.stop()
            self._bars = None


class _Repl:
    """One chat session's loop state: the engine, the consoles, the current language."""

    def __init__(
        self,
        engine: Engine,
        stdin: TextIO,
        out: Any,
        progress: RichProgress,
        interrupts: Interrupts | None,
    ) -> None:
        self.engine = engine
        self.lines = Lines(stdin)
        self.out = out
        self.progress = progress
        self.interrupts = interrupts
        self.language: Language = "en"
        self.asking = False

    def say(self, name: str, **context: Any) -> None:
        self.out.print(_markdown(self.engine.templates.render(name, self.language, **context)))

    async def read(self) -> str | None:
        prompt = "status/answer_prompt" if self.asking else "status/prompt"
        self.out.print(self.engine.templates.render(prompt, self.language) + " ", end="")
        line = await self.lines.readline()
        return line if line else None

    def show(self, result: TurnResult) -> None:
        self.language = result.language
        self.asking = result.question is not None
        # Backend text was shown as it streamed: a question or recovery adds only what is new.
        for text in result.unstreamed if self.progress.streamed else result.parts:
            if text:
                self.out.print(_markdown(text))

    async def turn(self, text: str, attachments: tuple[str, ...] = (), **kw: Any) -> None:
        self.progress.streamed = False
        task = asyncio.create_task(self.engine.run_turn(text, attachments, **kw))
        result = await _cancellable(task, self.interrupts)
        detached = getattr(self.engine, "detached", None)
        if result is None and detached:  # the job goes on in the background worker
            self.say("replies/running", job_id=detached, status="", actions=[], queued=False)
        elif result is None:
            self.say("replies/chat_cancelled")
        else:
            self.show(result)

    async def meta(self, command: Meta) -> bool:
        """Run a meta-command; False means quit."""
        if command.name == "quit":
            return False
        if command.name == "help":
            self.say("replies/chat_help")
        elif command.name == "unknown":
            self.say("replies/chat_unknown", command=command.args[0])
        elif command.name == "new":
            await self.turn("", plan=(), new=True, language=self.language)
            self.say("replies/new_session")
        elif command.name == "attach" and not command.args:
            self.say("replies/upload_how")
        else:
            await self.turn("", command.args, plan=PLANS[command.name], language=self.language)
        return True

    async def loop(self) -> None:
        self.say("replies/chat_welcome")
        while (line := await self.read()) is not None:
            parsed = parse_line(line, exists=os.path.isfile)
            if isinstance(parsed, Meta) and not await self.meta(parsed):
                break
            if isinstance(parsed, Message):
                await self.turn(parsed.text, parsed.attachments)
        self.say("replies/chat_bye")


async def _cancellable(
    task: asyncio.Task[TurnResult], interrupts: Interrupts | None
) -> TurnResult | None:
    """Await a turn; Ctrl-C cancels only this wait (None), never the whole chat."""
    scope = (
        interrupts.scope(lambda _signum: task.cancel())
        if interrupts is not None
        else contextlib.nullcontext()
    )
    with scope:
        try:
            return await task
        except asyncio.CancelledError:
            current = asyncio.current_task()
            if current is not None and current.cancelling():
                raise
            return None


async def repl(
    settings: Settings,
    *,
    stdin: TextIO,
    stdout: TextIO,
    stderr: TextIO,
    open_engine: Callable[..., Any] | None = None,
    interrupts: Interrupts | None = None,
) -> CommandResult:
    """Run the chat loop until /quit or end of input.

    Args:
        settings: Settings pointing at the API to use.
        stdin: Where lines are read from (a script in tests).
        stdout: Replies.
        stderr: Statuses, spinners and progress bars.
        open_engine: Engine factory (default `agent.engine.open_engine`).
        interrupts: The command's signal policy (Ctrl-C during a turn stops only its wait).
    """
    from rich.console import Console

    from agent.engine import open_engine as default_open

    out = Console(file=stdout, highlight=False, soft_wrap=True)
    err = Console(file=stderr, highlight=False)
    progress = RichProgress(out, err)
    if open_engine is None and settings.worker:
        from agent.cli.chat_worker import WorkerTurns
        from agent.templates import Templates

        turns: Any = WorkerTurns(settings, progress, Templates())
        await _Repl(turns, stdin, out, progress, interrupts).loop()
        return CommandResult()
    factory = open_engine or default_open
    async with factory(settings, progress=progress) as engine:
        await _Repl(engine, stdin, out, progress, interrupts).loop()
    return CommandResult()


@click.command()
@common_options
def chat(opts: CommonOptions) -> None:
    """Chat with the video agent: /attach PATH, /export, /credits, /state, /new, /help, /quit."""

    interrupts = Interrupts()

    async def body(settings: Settings) -> CommandResult:
        return await repl(
            settings,
            stdin=sys.stdin,
            stdout=sys.stdout,
            stderr=sys.stderr,
            interrupts=interrupts,
        )

    from agent.cli.jobrun import worker_wanted

    # In the worker the --local backend lives there: the command starts none of its own.
    run_command(opts, body, local_backend=not worker_wanted(opts), interrupts=interrupts)
