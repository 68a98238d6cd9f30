"""Add or remove our server entry in a host's MCP configuration text (JSON or Codex TOML). Pure.

Every other key and entry is kept. Text that does not parse is refused with a `ConfigError`
naming the file, so the caller leaves it untouched. TOML is edited as text (one table block),
since the standard library reads TOML but does not write it.
"""

from __future__ import annotations

import json
import re
import tomllib
from pathlib import Path
from typing import Any

from agent.errors import ConfigError

__all__ = [
    "entry_in",
    "json_with",
    "json_without",
    "toml_with",
    "toml_without",
]


def _refuse(path: Path, problem: str) -> ConfigError:
    return ConfigError(f"{path} {problem}; it was left unchanged (fix or move it, then run again)")


def _load_json(text: str, path: Path) -> dict[str, Any]:
    if not text.strip():
        return {}
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise _refuse(path, f"is not valid JSON (line {exc.lineno}: {exc.msg})") from None
    if not isinstance(data, dict):
        raise _refuse(path, "is not a JSON object")
    return data


def _load_toml(text: str, path: Path) -> dict[str, Any]:
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise _refuse(path, f"is not valid TOML ({exc})") from None


def _servers(data: dict[str, Any], key: str, path: Path) -> dict[str, Any]:
    servers = data.get(key, {})
    if not isinstance(servers, dict):
        raise _refuse(path, f"has a '{key}' that is not a table of servers")
    return servers


def entry_in(text: str | None, fmt: str, key: str, name: str, path: Path) -> Any:
    """Our server's entry as the file holds it now (None when absent).

    Raises:
        ConfigError: The text does not parse, or `key` is not a table.
    """
    if text is None:
        return None
    data = _load_toml(text, path) if fmt == "toml" else _load_json(text, path)
    return _servers(data, key, path).get(name)


def _dump_json(data: dict[str, Any]) -> str:
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def json_with(text: str | None, key: str, name: str, entry: dict[str, Any], path: Path) -> str:
    """The JSON text with `key.name` set to `entry` (the file is created when `text` is None).

    Raises:
        ConfigError: The text is not a JSON object or `key` is not an object.
    """
    data = _load_json(text or "", path)
    servers = _servers(data, key, path)
    data[key] = {**servers, name: entry}
    return _dump_json(data)


def json_without(text: str, key: str, name: str, previous: Any, path: Path) -> str | None:
    """The JSON text with our entry removed, or `previous` put back; None when nothing is left.

    Raises:
        ConfigError: The text is not a JSON object or `key` is not an object.
    """
    data = _load_json(text, path)
    servers = dict(_servers(data, key, path))
    if previous is None:
        servers.pop(name, None)
    else:
        servers[name] = previous
    if servers:
        data[key] = servers
    else:
        data.pop(key, None)
    return _dump_json(data) if data else None


def _toml_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return str(value)
    if isinstance(value, list):
        return "[" + ", ".join(_toml_value(v) for v in value) + "]"
    if isinstance(value, dict):
        inner = ", ".join(f"{_toml_key(k)} = {_toml_value(v)}" for k, v in value.items())
        return "{ " + inner + " }" if inner else "{}"
    return json.dumps(str(value), ensure_ascii=False)  # a JSON string is a TOML basic string


def _toml_key(key: str) -> str:
    return key if re.fullmatch(r"[A-Za-z0-9_-]+", key) else json.dumps(key)


def _header(key: str, name: str) -> re.Pattern[str]:
    # `[mcp_servers.nemo-agent]`, `[mcp_servers."nemo-agent"]` and their sub-tables (`.env`).
    quoted = rf'(?:{re.escape(name)}|"{re.escape(name)}")'
    return re.compile(rf"^\[\s*{re.escape(key)}\s*\.\s*{quoted}\s*(?:\.[^\]]*)?\]\s*$", re.M)


def _block_span(text: str, key: str, name: str) -> tuple[int, int] | None:
    """Where our table (with its sub-tables) sits in the text, header to the next table."""
    headers = list(_header(key, name).finditer(text))
    if not headers:
        return None
    start = headers[0].start()
    end = len(text)
    for match in re.finditer(r"^\s*\[", text[headers[-1].end() :], re.M):
        end = headers[-1].end() + match.start()
        break
    return start, end


def _toml_block(key: str, name: str, entry: dict[str, Any]) -> str:
    lines = [f"[{key}.{_toml_key(name)}]"]
    lines += [f"{_toml_key(k)} = {_toml_value(v)}" for k, v in entry.items()]
    return "\n".join(lines) + "\n"


def toml_with(text: str | None, key: str, name: str, entry: dict[str, Any], path: Path) -> str:
    """The TOML text with our table set to `entry`: replaced in place, else appended.

    Raises:
        ConfigError: The text is not valid TOML, or our entry is written in a form this edit
            cannot replace (an inline table); the result is checked by parsing it again.
    """
    source = text or ""
    before = _load_toml(source, path)
    block = _toml_block(key, name, entry)
    span = _block_span(source, key, name)
    if span is not None:
        prefix, suffix = source[: span[0]], source[span[1] :]
        result = prefix + block + ("\n" + suffix.lstrip("\n") if suffix.strip() else "")
    elif name in _servers(before, key, path):
        raise _refuse(path, f"defines '{key}.{name}' in a form nemo-agent cannot update")
    else:
        separator = "" if not source else ("\n" if source.endswith("\n") else "\n\n")
        result = source + separator + block
    after = _load_toml(result, path)
    expected = {**before, key: {**_servers(before, key, path), name: entry}}
    if after != expected:
        raise _refuse(path, f"could not be updated safely around '{key}.{name}'")
    return result


def toml_without(text: str, key: str, name: str, path: Path) -> str | None:
    """The TOML text with our table block removed; None when nothing else is left.

    Raises:
        ConfigError: The text is not valid TOML.
    """
    _load_toml(text, path)
    span = _block_span(text, key, name)
    if span is None:
        return text
    prefix, suffix = text[: span[0]].rstrip("\n"), text[span[1] :].lstrip("\n")
    if prefix and suffix:
        return prefix + "\n\n" + suffix  # one blank line where our table was
    return (prefix + "\n" if prefix else suffix) or None
