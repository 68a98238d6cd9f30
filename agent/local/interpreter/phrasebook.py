"""The interpreter's phrase table (`phrases.toml`): keyword lists and EN/ZH reply texts.

Loaded via importlib.resources and validated strictly at load; keyword matching lives here too.
No other I/O.
"""

from __future__ import annotations

import functools
import re
import string
import tomllib
from collections.abc import Iterable, Mapping
from importlib import resources
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, ValidationError

from agent.errors import ConfigError
from agent.local.interpreter.hanzi import CJK_OR_KANA, to_simplified, to_traditional

__all__ = ["Keywords", "Language", "Phrasebook", "find_key", "has_any", "load_phrasebook"]

Language = Literal["en", "zh"]
Words = tuple[str, ...]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Keywords(_Strict):
    """Keyword lists by meaning; mapping groups name the value a keyword selects."""

    greeting: Words
    export: Words
    help: Words
    off_topic: Words
    """Requests outside video editing (book a table, a flight ticket): a specific decline."""
    generate: Words
    video_noun: Words
    regenerate: Words
    single_image: Words
    all_images: Words
    title: Words
    caption: Words
    remove: Words
    replace: Words
    music: Words
    volume: Words
    louder: Words
    quieter: Words
    fade: Words
    fade_in: Words
    fade_out: Words
    duration: Words
    slower: Words
    faster: Words
    slow: Words
    fast: Words
    gentle: Words
    strong: Words
    subtler: Words
    stronger: Words
    cinematic: Words
    contain: Words
    cover: Words
    bigger: Words
    smaller: Words
    add: Words
    subject_stop: Words
    text_style: Words
    motion: dict[str, Words]
    aspect: dict[str, Words]
    position: dict[str, Words]
    colour: dict[str, Words]
    music_style: dict[str, Words]
    unsupported: dict[str, Words]
    photo_subject: dict[str, Words]
    """Words of photo file names ("beach") and their Chinese names (海滩)."""


class Phrasebook(_Strict):
    """The validated phrase table: keywords, style and value names, replies and topics."""

    keywords: Keywords
    styles: dict[str, dict[Language, str]]
    names: dict[Language, dict[str, str]]
    replies: dict[Language, dict[str, str]]
    topics: dict[Language, dict[str, str]]

    def say(self, lang: Language, key: str, *, hant: bool = False, **values: Any) -> str:
        """Format reply `key` in `lang` (traditional characters when `hant`); the values are
        inserted as given (user text stays byte for byte); `{capabilities}` is filled in."""
        template = self.replies[lang][key]
        if "{capabilities}" in template:
            values["capabilities"] = _script(self.replies[lang]["capabilities"], hant)
        return _script(template, hant).format(**values)

    def name(self, lang: Language, key: str, *, hant: bool = False) -> str:
        """The display name of an aspect, motion, position or fit value (the key if unnamed)."""
        return _script(self.names[lang].get(key, key), hant)

    def style_name(self, style: str, lang: Language = "en", *, hant: bool = False) -> str:
        """The honest display name of a synthesized music style."""
        return _script(self.styles[style][lang], hant)

    def topic(self, lang: Language, key: str, *, hant: bool = False) -> str:
        """How a reply names an unsupported request or a kind of text (the key if unnamed)."""
        return _script(self.topics[lang].get(key, key), hant)


_HANT_WORDS = (
    ("视频", "影片"), ("导出", "汇出"), ("船只", "船隻"), ("时间线", "时间轴"), ("音频", "音讯"),
    ("文件", "档案"),
)  # fmt: skip
"""Words that Taiwan and Hong Kong write differently, not only in other characters (影片 for
视频, 匯出 for 导出): replaced before the characters are converted."""


def _script(text: str, hant: bool) -> str:
    if not hant:
        return text
    for hans, hant_word in _HANT_WORDS:
        text = text.replace(hans, hant_word)
    return to_traditional(text)


def _fold_keywords(data: Any) -> Any:
    """Keywords are matched against simplified text, so either script may be written."""
    if isinstance(data, dict):
        return {key: _fold_keywords(value) for key, value in data.items()}
    if isinstance(data, list):
        return [_fold_keywords(value) for value in data]
    return to_simplified(data) if isinstance(data, str) else data


def load_phrasebook(text: str | None = None) -> Phrasebook:
    """Load and validate the phrase table (the bundled `phrases.toml` unless `text` is given).

    Raises:
        ConfigError: the table is not valid TOML, misses a key, or its languages disagree.
    """
    if text is None:
        text = (
            resources.files("agent.local.interpreter")
            .joinpath("phrases.toml")
            .read_text(encoding="utf-8")
        )
    try:
        raw = tomllib.loads(text)
        if isinstance(raw.get("keywords"), dict):
            raw["keywords"] = _fold_keywords(raw["keywords"])
        book = Phrasebook.model_validate(raw)
    except (tomllib.TOMLDecodeError, ValidationError) as exc:
        raise ConfigError(f"invalid interpreter phrase table: {exc}") from exc
    _check_languages(book)
    _check_duplicates(book.keywords)
    return book


def _fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def _check_languages(book: Phrasebook) -> None:
    for table in ("replies", "names", "topics"):
        en, zh = getattr(book, table)["en"], getattr(book, table)["zh"]
        if set(en) != set(zh):
            raise ConfigError(f"phrase table [{table}]: EN and ZH keys differ: {set(en) ^ set(zh)}")
        for key in en:
            if _fields(en[key]) != _fields(zh[key]):
                raise ConfigError(f"phrase table [{table}] {key}: EN and ZH placeholders differ")
    if any(set(names) != {"en", "zh"} for names in book.styles.values()):
        raise ConfigError("phrase table [styles]: every style needs an en and a zh name")


def _check_duplicates(keywords: Keywords) -> None:
    for group, value in keywords.model_dump().items():
        lists = value.values() if isinstance(value, dict) else [value]
        words = [w for words in lists for w in words]
        dupes = {w for w in words if words.count(w) > 1}
        if dupes:
            raise ConfigError(f"phrase table keywords.{group}: duplicate keywords {sorted(dupes)}")


@functools.cache
def _keyword_pattern(keyword: str) -> re.Pattern[str]:
    """The compiled pattern of one keyword (Latin: a whole word; CJK: a substring). Memoised:
    the keywords come from the phrase table, a fixed set, and `re`'s own cache (512 entries) is
    far smaller than the table, so it was recompiling nearly every pattern on every check."""
    kw = keyword.casefold()
    if CJK_OR_KANA.search(kw):
        return re.compile(re.escape(kw))
    return re.compile(rf"(?<![a-z0-9]){re.escape(kw)}(?![a-z0-9])")


def _spans(text: str, keyword: str) -> Iterable[re.Match[str]]:
    if keyword.casefold() not in text:
        return ()
    return _keyword_pattern(keyword).finditer(text)


def has_any(text: str, keywords: Iterable[str]) -> bool:
    """Whether the case-folded `text` contains any keyword (Latin: whole words; CJK: substrings)."""
    return any(next(iter(_spans(text, kw)), None) is not None for kw in keywords)


def find_key(text: str, groups: Mapping[str, Words]) -> str | None:
    """The group whose keyword matches `text` longest (earliest wins a tie), or None."""
    best: tuple[int, int, str] | None = None
    for key, words in groups.items():
        for kw in words:
            for match in _spans(text, kw):
                rank = (-(match.end() - match.start()), match.start(), key)
                if best is None or rank < best:
                    best = rank
    return best[2] if best else None
