"""A read-only word -> value mapping in a few flat buffers: loads without an object per entry.

The router's misspelling tables hold ~33k words (`typos`, `respell`); as dicts, reading them
from the compiled file creates ~66k string objects (~8 ms of a ~35 ms load). Here the words are
one string, their ends one array, and an open-addressing table of CRC-32 slots finds a word in
one or two probes (~1 us a lookup, a few per turn: only words of four letters or more are
looked up). The distinct values (a few thousand words, five intents) are one tuple.

Pure; built by `agent.router.compiled` from a dict, compared equal to that dict.
"""

from __future__ import annotations

from array import array
from collections.abc import Iterator, Mapping
from typing import Any, Generic, TypeVar, overload
from zlib import crc32

__all__ = ["WordMap"]

V = TypeVar("V")
_T = TypeVar("_T")
_EMPTY = -1
_MISSING: Any = object()


class WordMap(Mapping[str, V], Generic[V]):
    """`words` joined, `ends[i]` where word i ends, `values[value_at[i]]` its value, `slots` the
    hash table (entry index or -1, size a power of two, at most half full). No value is None."""

    __slots__ = ("_ends", "_mask", "_slots", "_value_at", "_values", "_words")

    def __init__(
        self,
        words: str,
        ends: array[int],
        values: tuple[V, ...],
        value_at: array[int],
        slots: array[int],
    ) -> None:
        """Wrap the buffers of `parts()` (checked for consistency by `from_parts`)."""
        self._words, self._ends, self._values = words, ends, values
        self._value_at, self._slots, self._mask = value_at, slots, len(slots) - 1

    @classmethod
    def from_dict(cls, entries: Mapping[str, V]) -> WordMap[V]:
        """Build the buffers for `entries` (keys in their order)."""
        keys = list(entries)
        distinct = list(dict.fromkeys(entries.values()))
        index = {value: at for at, value in enumerate(distinct)}
        ends = array("I")
        total = 0
        for key in keys:
            total += len(key)
            ends.append(total)
        size = 8
        while size < 2 * len(keys):
            size *= 2
        slots = array("i", [_EMPTY]) * size
        for at, key in enumerate(keys):
            slot = _hash(key) & (size - 1)
            while slots[slot] != _EMPTY:
                slot = (slot + 1) & (size - 1)
            slots[slot] = at
        value_at = array("I", (index[entries[key]] for key in keys))
        return cls("".join(keys), ends, tuple(distinct), value_at, slots)

    def parts(self) -> tuple[str, bytes, tuple[V, ...], bytes, bytes]:
        """The buffers as plain values for `marshal` (arrays as native-order bytes)."""
        return (
            self._words,
            self._ends.tobytes(),
            self._values,
            self._value_at.tobytes(),
            self._slots.tobytes(),
        )

    @classmethod
    def from_parts(cls, parts: Any) -> WordMap[Any]:
        """The mapping from `parts()` output.

        Raises:
            ValueError: The parts do not fit together.
            TypeError: A part has the wrong type.
        """
        words, ends_data, values, value_at_data, slots_data = parts
        ends, value_at, slots = array("I"), array("I"), array("i")
        ends.frombytes(ends_data)
        value_at.frombytes(value_at_data)
        slots.frombytes(slots_data)
        if not isinstance(words, str) or not isinstance(values, tuple):
            raise TypeError("word map parts of the wrong type")
        size = len(slots)
        if (
            len(value_at) != len(ends)
            or (ends[-1] if ends else 0) != len(words)
            or size < 2 * len(ends)
            or size & (size - 1)
            or bool(ends) != bool(values)
        ):
            raise ValueError("word map parts do not fit together")
        return cls(words, ends, values, value_at, slots)

    @overload
    def get(self, key: str, /) -> V | None: ...
    @overload
    def get(self, key: str, default: V | _T, /) -> V | _T: ...
    def get(self, key: str, default: object = None, /) -> object:
        """The value of `key`, else `default` (no exception raised on a miss; one call, since
        the router asks for every word of four letters or more). An index out of range (a
        damaged file: indices are not checked at load, that would cost more than the load)
        is a miss, never an error."""
        if not isinstance(key, str):
            return default
        slots, mask, ends, words = self._slots, self._mask, self._ends, self._words
        slot = crc32(key.encode("utf-8", "surrogatepass")) & mask
        try:
            while (at := slots[slot]) != _EMPTY:
                if words[ends[at - 1] if at else 0 : ends[at]] == key:
                    return self._values[self._value_at[at]]
                slot = (slot + 1) & mask
        except IndexError:
            return default
        return default

    def __getitem__(self, key: str) -> V:
        found = self.get(key, _MISSING)
        if found is _MISSING:
            raise KeyError(key)
        return found

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str) and self.get(key, _MISSING) is not _MISSING

    def __iter__(self) -> Iterator[str]:
        start = 0
        for end in self._ends:
            yield self._words[start:end]
            start = end

    def __len__(self) -> int:
        return len(self._ends)

    def __repr__(self) -> str:
        return f"WordMap({len(self)} words)"


def _hash(word: str) -> int:
    """The same in every process (`hash()` of a str is salted per process); `get` inlines it."""
    return crc32(word.encode("utf-8", "surrogatepass"))
