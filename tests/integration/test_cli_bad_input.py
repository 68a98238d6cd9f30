"""Bad input and failure modes of every command, as a user hits them.

House rule: a clear, specific message and a non-zero exit code; no traceback; with `--json`
exactly one JSON object on stdout; nothing half-written left behind; never a token in the output.
The API is unreachable loopback (`127.0.0.1:9`) unless a case scripts it, so nothing leaves
the machine and every refusal must happen before any network call.
"""

from __future__ import annotations

import json
import os
from collections.abc import AsyncIterator, Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
import pytest
import structlog
from click.testing import CliRunner, Result

from agent.cli import cli, main
from agent.cli.api import CliDeps
from tests.fakes import TURN_KEYS, ApiScript, FakeClock, RecordingSleep, json_response

pytestmark = pytest.mark.integration

UNREACHABLE = "http://127.0.0.1:9"
SID = "5529798706024415232"
STATE = f"/api/state/nemo_agent/me/{SID}/latest"
SUBMIT = "/api/render/proxy/lambda"
MP4 = b"\x00\x00\x00\x18ftypmp42" + b"\x01" * 300


@dataclass(frozen=True, slots=True)
class Case:
    """One bad input: the command line ({tmp} and {fx} are filled in), its environment and
    the words the message must contain."""

    args: tuple[str, ...]
    words: str
    env: dict[str, str] = field(default_factory=dict)
    prepare: Callable[[Path], object] | None = None


def _sparse(path: Path, size: int) -> Path:
    with path.open("wb") as handle:
        handle.truncate(size)
    return path


def _garbage(path: Path, data: bytes) -> Path:
    """A garbled file with the private mode nemo-agent gives its own (so no other warning)."""
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    path.write_bytes(data)
    path.chmod(0o600)
    return path


CASES: dict[str, Case] = {
    "upload-missing": Case(("upload", "{tmp}/gone.jpg"), "cannot find"),
    "upload-missing-space-chinese": Case(("upload", "{tmp}/我的 照片.jpg"), "我的 照片.jpg"),
    "upload-folder": Case(
        ("upload", "{tmp}/album.png"), "is a folder", prepare=lambda t: (t / "album.png").mkdir()
    ),
    "upload-empty": Case(
        ("upload", "{tmp}/empty.jpg"), "is empty", prepare=lambda t: _sparse(t / "empty.jpg", 0)
    ),
    "upload-disguised": Case(
        ("upload", "{fx}/media/not-an-image.jpg"), "content is not a recognised media file"
    ),
    "upload-extension": Case(("upload", "{fx}/skills/malformed/unclosed.md"), "not supported"),
    "upload-oversized-sparse": Case(
        ("upload", "{tmp}/huge.mp4"),
        "is 201 MB, over the 200 MB upload limit",
        prepare=lambda t: _sparse(t / "huge.mp4", 201 * 2**20),
    ),
    "upload-over-env-cap": Case(
        ("upload", "{fx}/media/harbor.jpg"),
        "over the 1000 bytes upload limit",
        env={"NEMO_UPLOAD_MAX_BYTES": "1000"},
    ),
    "upload-fifo": Case(
        ("upload", "{tmp}/pipe.jpg"),
        "pipe.jpg is not a regular file (a pipe, socket or device)",
        prepare=lambda t: os.mkfifo(t / "pipe.jpg"),
    ),
    "upload-ftp": Case(("upload", "ftp://example.com/a.jpg"), "only http(s) links"),
    "upload-malformed-url": Case(("upload", "https://[::1/a.jpg"), "is not a valid link"),
    "upload-url-without-host": Case(("upload", "http://"), "has no host name"),
    "env-api-url": Case(("credits",), "NEMO_API_URL must be an http(s) URL", {"NEMO_API_URL": "x"}),
    "env-api-url-unclosed-ipv6": Case(
        ("credits",), "NEMO_API_URL must be an http(s) URL", {"NEMO_API_URL": "http://[::1"}
    ),
    "env-backend": Case(
        ("state",), "NEMO_BACKEND must be 'cloud' or 'local'", {"NEMO_BACKEND": "foo"}
    ),
    "env-upload-cap": Case(
        ("credits",), "NEMO_UPLOAD_MAX_BYTES must be a whole number", {"NEMO_UPLOAD_MAX_BYTES": "x"}
    ),
    "env-skill-missing": Case(
        ("credits",), "cannot read it", {"NEMO_SKILL_FILE": "{tmp}/missing/SKILL.md"}
    ),
    "env-skill-broken": Case(
        ("credits",),
        "broken YAML frontmatter",
        {"NEMO_SKILL_FILE": "{fx}/skills/malformed/broken-yaml.md"},
    ),
    "env-faults": Case(
        ("credits", "--local"), "unknown fault 'nonsense'", {"NEMO_FAULTS": "nonsense"}
    ),
    "unreachable-api": Case(
        ("credits",), "could not reach 127.0.0.1: ConnectError — I can't reach"
    ),
    "send-blank": Case(("send", "  "), "nothing to send"),
    "corrupt-client-id": Case(
        ("credits",),
        "the client id file",
        {"NEMO_CLIENT_ID": ""},
        prepare=lambda t: _garbage(t / "home/.config/nemovideo/client_id", b"\x00\xff\n junk"),
    ),
    "corrupt-local-database": Case(
        ("state", "--local"),
        "backend.sqlite3 is damaged (file is not a database); move it away",
        prepare=lambda t: _garbage(
            t / "home/.nemo-agent/state/local-backend/backend.sqlite3", b"not sqlite" * 200
        ),
    ),
}


@pytest.fixture(autouse=True)
def _reset_logging() -> Iterator[None]:
    yield
    structlog.reset_defaults()


def _fill(value: str, tmp_path: Path, fixtures_dir: Path) -> str:
    return value.replace("{tmp}", str(tmp_path)).replace("{fx}", str(fixtures_dir))


def _invoke(args: list[str], env: dict[str, str] | None = None, deps: Any = None) -> Result:
    base = {"NEMO_API_URL": UNREACHABLE, "NEMO_CLIENT_ID": "cid-bad-input"}
    result = CliRunner().invoke(cli, args, env={**base, **(env or {})}, obj=deps)
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    seen = result.stdout + result.stderr
    assert "Traceback" not in seen
    assert "nmv_usr_" not in seen
    assert "Bearer" not in seen
    return result


def _one_json(result: Result) -> dict[str, Any]:
    lines = result.stdout.strip().splitlines()
    assert len(lines) == 1, result.output
    payload: dict[str, Any] = json.loads(lines[0])
    return payload


def _assert_refused(result: Result, words: str, *, as_json: bool) -> None:
    assert result.exit_code == 1, result.output
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("error: ")
    assert words in lines[0]
    if as_json:
        payload = _one_json(result)
        assert payload["status"] == "error"
        assert words.split(" — ")[0] in payload["error"]["message"]
    else:
        assert result.stdout == ""


@pytest.mark.parametrize("as_json", [False, True], ids=["text", "json"])
@pytest.mark.parametrize("name", list(CASES))
def test_bad_input_gets_a_specific_one_line_message_and_exit_1(
    name: str, as_json: bool, tmp_path: Path, fixtures_dir: Path
) -> None:
    case = CASES[name]
    if case.prepare is not None:
        case.prepare(tmp_path)
    args = [_fill(a, tmp_path, fixtures_dir) for a in case.args] + (["--json"] if as_json else [])
    env = {k: _fill(v, tmp_path, fixtures_dir) for k, v in case.env.items()}
    _assert_refused(_invoke(args, env), _fill(case.words, tmp_path, fixtures_dir), as_json=as_json)


TURN_CASES: dict[str, tuple[list[str], dict[str, str], str]] = {
    "empty": ([""], {}, "nothing to do: say what to make"),
    "only-whitespace": (["  \t "], {}, "nothing to do"),
    "no-text": ([], {}, "nothing to do"),
    "auto-export-maybe": (["hi"], {"NEMO_AUTO_EXPORT": "maybe"}, "NEMO_AUTO_EXPORT must be"),
    "unreachable": (["make a video"], {}, "I can't reach the video service"),
    "skill-is-missing": (["hi"], {"NEMO_SKILL_FILE": "/nonexistent/SKILL.md"}, "cannot read it"),
    "attach-missing": (["--attach", "{tmp}/gone.jpg", "make a video"], {}, "I can't find"),
    "attach-missing-zh": (["--attach", "{tmp}/gone.jpg", "做成视频"], {}, "找不到"),
    "attach-disguised-zh": (
        ["--attach", "{fx}/media/not-an-image.jpg", "把这张照片做成视频"],
        {},
        "不支持该文件类型",
    ),
    "attach-ftp": (["--attach", "ftp://example.com/a.jpg", "make a video"], {}, "http(s) link"),
    "path-in-text-disguised": (
        ["animate {fx}/media/not-an-image.jpg into a short clip"],
        {},
        "That file type isn't supported",
    ),
}


@pytest.mark.parametrize("name", list(TURN_CASES))
def test_a_turn_that_cannot_run_keeps_its_json_shape_and_exits_1(
    name: str, tmp_path: Path, fixtures_dir: Path
) -> None:
    raw, env, words = TURN_CASES[name]
    args = [_fill(a, tmp_path, fixtures_dir) for a in raw]
    as_json = _invoke(["turn", "--json", *args], env)
    plain = _invoke(["turn", *args], env)
    payload = _one_json(as_json)
    assert (as_json.exit_code, plain.exit_code) == (1, 1)
    assert set(payload) == set(TURN_KEYS)
    assert payload["status"] == "error"
    assert words in payload["reply"]
    assert words in plain.stdout + plain.stderr
    assert payload["session_id"] == ""  # refused before any session or network call


def test_a_fifo_attached_to_a_turn_is_named_as_what_it_is(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe.jpg")
    payload = _one_json(_invoke(["turn", "--json", "--attach", str(tmp_path / "pipe.jpg"), "go"]))
    assert payload["status"] == "error"
    assert "pipe.jpg is not a regular file (a pipe, socket or device)" in payload["reply"]
    assert "can't find" not in payload["reply"]


def test_a_very_long_turn_with_control_characters_fails_cleanly_on_a_dead_api() -> None:
    text = "make a video \x01\x07\x1b[31m " + "x" * 100_000
    payload = _one_json(_invoke(["turn", "--json", text]))
    assert payload["status"] == "error"
    assert payload["error"]["code"] == "TransportError"


def _scripted() -> ApiScript:
    s = ApiScript().on("POST", "/api/auth/anonymous-token", json_response("anonymous-token"))
    return s.on("POST", "/api/tasks/me/with-session/nemo_agent", json_response("session"))


def _deps(api: ApiScript) -> CliDeps:
    clock = FakeClock()
    return CliDeps(transport=api.transport(), sleep=RecordingSleep(clock), clock=clock)


def _exportable() -> ApiScript:
    api = _scripted().on("GET", STATE, json_response("state"))
    api.on("POST", SUBMIT, json_response("render-submit"))
    api.on("GET", f"{SUBMIT}/*", json_response("render-a-completed"))
    api.on("POST", "/api/auth/claim-token", json_response("claim-token"))
    return api


@pytest.mark.parametrize("as_json", [False, True], ids=["text", "json"])
def test_a_server_answering_html_500s_is_reported_with_what_to_do(as_json: bool) -> None:
    page = httpx.Response(
        502, text="<html>Bad Gateway</html>", headers={"content-type": "text/html"}
    )
    api = _scripted().on("GET", "/api/credits/balance/simple", page)
    result = _invoke(["credits", *(["--json"] if as_json else [])], deps=_deps(api))
    _assert_refused(result, "HTTP 502 — The video service had a problem", as_json=as_json)


@pytest.mark.parametrize(("after", "when"), [("3", "about 3 seconds."), ("1", "about 1 second.")])
def test_a_server_that_keeps_rate_limiting_is_reported_with_when_to_retry(
    after: str, when: str
) -> None:
    busy = json_response({"detail": "slow down"}, 429, headers={"Retry-After": after})
    api = _scripted().on("GET", "/api/credits/balance/simple", busy)
    result = _invoke(["credits", "--json"], deps=_deps(api))
    _assert_refused(result, "slow down — The service is busy", as_json=True)
    assert result.stderr.rstrip().endswith(when)
    assert _one_json(result)["error"]["code"] == 429


def test_export_before_anything_was_generated_says_what_to_do() -> None:
    api = _scripted().on("GET", STATE, json_response("state-empty"))
    result = _invoke(["export", "--json"], deps=_deps(api))
    _assert_refused(result, "There's nothing to export yet — send a photo first", as_json=True)


@pytest.mark.parametrize(
    ("target", "words"),
    [
        ("{tmp}/mine.mp4", "mine.mp4 already exists; choose another name"),
        ("{tmp}/notes/out.mp4", "notes is a file, not a folder"),
        ("{tmp}/notes", "notes is a file, not a folder"),
    ],
    ids=["existing-file", "parent-is-a-file", "folder-is-a-file"],
)
def test_export_to_an_unusable_target_fails_before_rendering_and_keeps_files(
    tmp_path: Path, target: str, words: str
) -> None:
    (tmp_path / "mine.mp4").write_bytes(b"my own video")
    (tmp_path / "notes").write_text("keep", encoding="utf-8")
    api = _exportable()
    result = _invoke(["export", "-o", target.replace("{tmp}", str(tmp_path))], deps=_deps(api))
    _assert_refused(result, words, as_json=False)
    assert f"POST {SUBMIT}" not in api.paths()
    assert (tmp_path / "mine.mp4").read_bytes() == b"my own video"
    assert (tmp_path / "notes").read_text(encoding="utf-8") == "keep"


class _CutShort(httpx.AsyncByteStream):
    """A download body that delivers one chunk, then the user presses Ctrl-C."""

    async def __aiter__(self) -> AsyncIterator[bytes]:
        yield MP4[:64]
        raise KeyboardInterrupt


@pytest.mark.parametrize("as_json", [False, True], ids=["text", "json"])
def test_ctrl_c_during_the_export_download_leaves_nothing_at_the_target(
    tmp_path: Path, as_json: bool
) -> None:
    api = _exportable()
    cdn = httpx.Response(200, stream=_CutShort(), headers={"content-type": "video/mp4"})
    api.on("GET", "/render-result/render_1773423613616.mp4", cdn)
    out = tmp_path / "out"
    result = _invoke(
        ["export", "-o", str(out / "video.mp4"), *(["--json"] if as_json else [])],
        deps=_deps(api),
    )
    assert result.exit_code == 130
    assert result.stderr.strip().endswith("interrupted")
    if as_json:
        assert _one_json(result)["error"]["code"] == "interrupted"
    assert not out.exists() or list(out.iterdir()) == []


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["credits", "--json", "--skill", "{tmp}"], "is a directory"),
        (["turn", "--json", "-o", "{fx}/media/harbor.jpg", "hi"], "is a file"),
        (["state", "--json", "--no-such-flag"], "No such option"),
    ],
    ids=["skill-dir", "turn-output-file", "unknown-flag"],
)
def test_usage_errors_with_json_still_print_one_json_object(
    args: list[str], words: str, tmp_path: Path, fixtures_dir: Path, capsys: Any
) -> None:
    with pytest.raises(SystemExit) as info:
        main([_fill(a, tmp_path, fixtures_dir) for a in args])
    out, err = capsys.readouterr()
    assert info.value.code == 2
    payload = json.loads(out)
    assert payload["status"] == "error"
    assert payload["error"]["code"] == "usage"
    assert words in payload["error"]["message"]
    assert words in err
    assert "Traceback" not in err


def test_serve_with_an_impossible_port_is_a_usage_error() -> None:
    result = CliRunner().invoke(cli, ["serve", "--port", "70000"])
    assert result.exit_code == 2
    assert "70000 is not in the range" in result.stderr


@pytest.mark.parametrize("command", ["route", "translate"])
def test_jsonl_garbage_gets_one_error_object_per_bad_line(command: str) -> None:
    data = b'{"text": "export"}\nnot json\n\xff\xfe bytes\n[1, 2]\n'
    result = CliRunner().invoke(cli, [command, "--jsonl"], input=data)
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert result.exit_code == 1
    assert len(lines) == 4
    assert "error" not in lines[0]
    assert all(set(line) == {"error"} for line in lines[1:])
    assert "Traceback" not in result.output


@pytest.mark.parametrize("command", ["route", "translate"])
def test_empty_jsonl_input_prints_nothing_and_succeeds(command: str) -> None:
    result = CliRunner().invoke(cli, [command, "--jsonl"], input=b"")
    assert (result.exit_code, result.stdout) == (0, "")
