"""Normalisers for loosely typed wire scalars: the edge is tolerant, the models inside are strict.

Pure. The real API's examples show strings for ids, integers for credits and ISO strings for
dates, but no source pins the types down (docs/cloud-wire.md). Each function here turns every
shape the sources allow or leave open into one Python type, or raises `ValueError` for a value
that cannot mean anything (pydantic then reports the field, and `parse_model` an `APIError`).
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping
from datetime import UTC, datetime
from typing import Any

__all__ = [
    "as_dict",
    "as_draft",
    "as_list",
    "epoch_ms",
    "error_text",
    "number",
    "optional_number",
    "optional_text",
    "text",
    "timestamp",
]

_EPOCH_MS_ABOVE = 10_000_000_000
"""Epoch values above this are milliseconds (seconds pass it only in the year 2286)."""


def optional_text(value: Any) -> str | None:
    """An id or name: strings as they are, numbers as their decimal digits, empty as None.

    Raises:
        ValueError: A boolean, list or object.
    """
    if value is None or value == "":
        return None
    if isinstance(value, bool):
        raise ValueError("expected a string, got a boolean")
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    if isinstance(value, str):
        return value
    raise ValueError(f"expected a string, got {type(value).__name__}")


def text(value: Any) -> str:
    """Like `optional_text`, for a required field.

    Raises:
        ValueError: Missing, empty, or not a scalar.
    """
    result = optional_text(value)
    if result is None:
        raise ValueError("a value is required")
    return result


def optional_number(value: Any) -> int | float | None:
    """A count or amount: numbers and numeric strings; integral values become `int`.

    Empty, non-numeric or non-finite values are None (the field is informational).
    """
    try:
        return number(value)
    except ValueError:
        return None


def number(value: Any) -> int | float:
    """Like `optional_number`, for a required field.

    Raises:
        ValueError: Missing, non-numeric or not finite.
    """
    if isinstance(value, bool) or value is None:
        raise ValueError("expected a number")
    if isinstance(value, str):
        value = value.strip()
    try:
        result = float(value)
    except (TypeError, ValueError):
        raise ValueError(f"expected a number, got {value!r}") from None
    if not math.isfinite(result):
        raise ValueError("expected a finite number")
    return int(result) if result.is_integer() and abs(result) < 2**63 else result


def _from_epoch(value: float) -> datetime | None:
    seconds = value / 1000 if abs(value) > _EPOCH_MS_ABOVE else value
    try:
        return datetime.fromtimestamp(seconds, tz=UTC)
    except (OverflowError, OSError, ValueError):
        return None


def timestamp(value: Any) -> datetime | None:
    """A date: ISO-8601 text (with `Z` or an offset; naive means UTC), or epoch seconds or
    milliseconds as a number or numeric text. Anything else, including empty, is None."""
    if value is None or isinstance(value, bool) or value == "":
        return None
    if isinstance(value, datetime):
        moment = value
    elif isinstance(value, int | float):
        return _from_epoch(float(value)) if math.isfinite(value) else None
    elif isinstance(value, str):
        numeric = optional_number(value)
        if numeric is not None:
            return _from_epoch(float(numeric))
        try:
            moment = datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
        except ValueError:
            return None
    else:
        return None
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def epoch_ms(value: Any) -> float | None:
    """A date as epoch milliseconds (the render bodies' unit), from any form `timestamp` reads."""
    moment = timestamp(value)
    return None if moment is None else moment.timestamp() * 1000


def error_text(value: Any) -> str | None:
    """A failure reason: a string, or the message of an error object (`{"code", "message"}`)."""
    if value is None or value is False or value == "":
        return None
    if isinstance(value, str):
        return value
    if isinstance(value, Mapping):
        for key in ("message", "error_message", "errorMessage", "msg", "detail", "reason"):
            inner = value.get(key)
            if isinstance(inner, str) and inner:
                return inner
    return json.dumps(value, ensure_ascii=False, default=str)


def as_dict(value: Any) -> dict[str, Any]:
    """An object field: objects as they are; null, absent or any other type is empty."""
    return dict(value) if isinstance(value, Mapping) else {}


def as_draft(value: Any) -> dict[str, Any]:
    """The draft: an object, or a JSON string holding one; anything else is an empty draft."""
    if isinstance(value, str):
        try:
            value = json.loads(value)
        except ValueError:
            return {}
    return as_dict(value)


def as_list(value: Any) -> list[Any]:
    """A list field: lists as they are; an object keyed by name becomes its values (the key as
    `filename` where the entry has none); null or a scalar is empty."""
    if isinstance(value, list | tuple):
        return list(value)
    if isinstance(value, Mapping):
        if value and all(isinstance(v, Mapping) for v in value.values()):
            return [{"filename": str(k), **v} for k, v in value.items()]
        return [dict(value)] if value else []
    return []
