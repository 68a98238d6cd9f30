"""Chinese scripts: Traditional text read as Simplified for matching, and text written back in
Traditional so a Traditional message gets a Traditional answer.

Pure; the character pairs are the router tables' `[folding]` section (`router_zh.toml`).
Folding maps one character to one character, so offsets survive it.
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from importlib import resources

from agent.errors import ConfigError

__all__ = ["Script", "load_script"]

# Simplified characters that are also everyday Traditional ones (了 is not only 瞭, 台 is
# written 台 in Taiwan): writing back leaves them as they are.
_SHARED = frozenset("了只面干斗板松胡系准台里回布并征注托云谷舍制党丑范叶冲志")


@dataclass(frozen=True, slots=True)
class Script:
    """The Traditional <-> Simplified character pairs."""

    fold: Mapping[int, str] = field(default_factory=dict)
    """Traditional -> Simplified, a `str.translate` table."""
    unfold: Mapping[int, str] = field(default_factory=dict)
    """Simplified -> the first Traditional form listed (shared characters excluded)."""
    colloquial: Mapping[int, str] = field(default_factory=dict)
    """Cantonese colloquial characters -> their Mandarin reading (撳 = 按, 睇 = 看, 喺 = 在):
    read only, never written back."""

    @classmethod
    def from_pairs(cls, pairs: str, colloquial: str = "") -> Script:
        """Build from space-separated pairs "導导 載载 …" (Traditional first), and colloquial
        pairs "撳按 睇看 …" (Cantonese first) that are only read.

        Raises:
            ConfigError: A pair is not two characters.
        """
        fold: dict[int, str] = {}
        unfold: dict[int, str] = {}
        for pair in pairs.split():
            if len(pair) != 2:
                raise ConfigError(f"folding pair {pair!r} is not two characters")
            fold[ord(pair[0])] = pair[1]
            if pair[1] not in _SHARED:
                unfold.setdefault(ord(pair[1]), pair[0])
        read: dict[int, str] = {}
        for pair in colloquial.split():
            if len(pair) != 2 or ord(pair[0]) in fold:
                raise ConfigError(f"colloquial pair {pair!r} is not two new characters")
            read[ord(pair[0])] = pair[1]
        return cls(fold, unfold, read)

    def traditional(self, text: str) -> bool:
        """Whether `text` holds a character only Traditional script writes."""
        return any(ord(ch) in self.fold for ch in text)

    def folds(self, text: str) -> bool:
        """Whether `text` reads differently folded (Traditional or Cantonese characters)."""
        return any(ord(ch) in self.fold or ord(ch) in self.colloquial for ch in text)

    def simplified(self, text: str) -> str:
        """`text` with Traditional and Cantonese characters folded (same length, same
        offsets)."""
        return text.translate(self.fold).translate(self.colloquial)

    def to_traditional(self, text: str) -> str:
        """`text` written in Traditional characters, as far as the pairs go."""
        return text.translate(self.unfold)


def load_script() -> Script:
    """The bundled pairs from `agent/tables/router_zh.toml`.

    Raises:
        ConfigError: The table is missing or its folding section is malformed.
    """
    path = resources.files("agent") / "tables" / "router_zh.toml"
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        pairs = data["folding"]["traditional"]
        colloquial = data["folding"].get("colloquial", "")
    except (FileNotFoundError, tomllib.TOMLDecodeError, KeyError, TypeError, AttributeError) as exc:
        raise ConfigError(f"router_zh.toml folding is unusable: {exc}") from exc
    return Script.from_pairs(str(pairs), str(colloquial))
