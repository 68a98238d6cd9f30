"""The router's flat word map: the same answers as the dict it was built from, whatever the
words, and parts that do not fit together are refused."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from agent.router.wordmap import WordMap

_WORDS = st.text(alphabet="abcdefghijklmnopqrstuvwxyz导出视频", min_size=1, max_size=12)


@given(st.dictionaries(_WORDS, st.sampled_from(["export", "sse", "state"]), max_size=60), _WORDS)
def test_it_answers_as_the_dict_it_was_built_from(entries: dict[str, str], probe: str) -> None:
    words = WordMap.from_dict(entries)
    assert words == entries
    assert list(words) == list(entries)
    assert len(words) == len(entries)
    assert words.get(probe) == entries.get(probe)
    assert words.get(probe, probe) == entries.get(probe, probe)
    assert (probe in words) == (probe in entries)
    assert WordMap.from_parts(words.parts()) == entries


def test_a_miss_is_a_key_error_and_other_keys_are_never_found() -> None:
    words = WordMap.from_dict({"exprot": "export", "timline": "timeline"})
    assert words["timline"] == "timeline"
    with pytest.raises(KeyError):
        words["expor"]
    assert 3 not in words
    assert WordMap.from_dict({}).get("x", "y") == "y"


@pytest.mark.parametrize(
    "parts",
    [
        ("ab", b"\x01\x00\x00\x00", ("x",), b"\x00\x00\x00\x00", b""),  # no table
        ("ab", b"\x05\x00\x00\x00", ("x",), b"\x00\x00\x00\x00", b"\x00\x00\x00\x00" * 2),
        ("ab", b"\x02\x00\x00\x00", (), b"\x00\x00\x00\x00", b"\x00\x00\x00\x00" * 2),
        (b"ab", b"\x02\x00\x00\x00", ("x",), b"\x00\x00\x00\x00", b"\x00\x00\x00\x00" * 2),
    ],
)
def test_parts_that_do_not_fit_are_refused(parts: tuple[object, ...]) -> None:
    with pytest.raises((ValueError, TypeError)):
        WordMap.from_parts(parts)
