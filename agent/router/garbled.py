"""An edit said through typos before an export: "cna u ad a fdae out at teh end thn expoort".

The keyword stage reads a misspelt command word (one edit from a keyword), but an edit is read
from its verb or what it works on, and a typo in those leaves the clause unread: the plan is an
export that drops the edit, the harmful route. This reader finds, in the words before the turn's
last sequence word ("then", "thn", "and", a comma), a word the tables do not hold that is one
typo (a letter dropped, added, changed, doubled or two swapped) from an edit verb or a thing an
edit works on. Such a clause asks for an edit: `sse` runs before the export. An extra `sse` costs
one agent turn; a dropped edit renders the video unedited.

Chatter before an export ("client signed off, go ahead and export", "bhai ekdum mast hai, ab
download kar do") holds no such word and stays an export alone. Pure: built once per
`KeywordRouter` from the tables' words; matching is set lookups over each unread word's deletes.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from agent.router.invariants import edit_before
from agent.router.route import Route

__all__ = ["GarbledEdit", "edit_before_export"]

_WORD = re.compile(r"[a-z]{3,}")
_LATIN = re.compile(r"^[a-z]+$")
# a sequence word or a clause break, typed as fast as the rest ("thn", "tehn", "n", "&")
_SEQUENCE = re.compile(
    r"\b(?:then|thn|tehn|hten|thne|thenn|den|afterwards|after|and|n|nd|adn|annd)\b|[&,;.!—–]|\s-\s"
)
# What an edit works on, beyond the tables' topic nouns: the parts and qualities of a video
_OBJECTS = (
    "title", "text", "font", "photo", "picture", "image", "caption", "subtitle", "logo",
    "color", "colour", "volume", "audio", "sound", "voice", "fade", "zoom", "speed", "frame",
    "scene", "slide", "ending", "beginning", "start", "first", "last", "second", "third",
    "something", "bigger", "smaller", "bolder", "brighter", "darker", "louder", "longer",
    "shorter", "slower", "faster", "warmer", "sticker", "border", "corner", "blur", "grain",
)  # fmt: skip
# the whole video is what an export delivers, not a part an edit changes
_WHOLE = frozenset({"video", "movie", "clip", "slideshow", "reel", "promo", "tiktok", "animation"})
_INFLECTIONS = ("s", "es", "d", "ed", "ing", "r", "er")
_SHORTEST = 4  # shorter words have too many real neighbours ("add": "ad", "aid", "odd")


def _deletes(word: str) -> set[str]:
    return {word[:i] + word[i + 1 :] for i in range(len(word))}


def _swaps(word: str) -> set[str]:
    return {word[:i] + word[i + 1] + word[i] + word[i + 2 :] for i in range(len(word) - 1)}


@dataclass(frozen=True, slots=True)
class GarbledEdit:
    """The edit words, their one-letter deletes, and the words the tables read as they are."""

    lexicon: frozenset[str]
    deleted: frozenset[str]
    known: frozenset[str]
    misspelt: Mapping[str, object]
    """Misspellings of command words: the keyword stage reads them already."""

    @classmethod
    def from_words(
        cls, edit_words: Iterable[str], known: Iterable[str], misspelt: Mapping[str, object]
    ) -> GarbledEdit:
        """The reader over `edit_words` (edit verbs, topic nouns) and every word already read."""
        words = {w for w in (*edit_words, *_OBJECTS) if _LATIN.match(w) and len(w) >= _SHORTEST}
        lexicon = frozenset(words - _WHOLE)
        deleted = frozenset(d for w in lexicon for d in _deletes(w))
        return cls(lexicon, deleted, frozenset(known), misspelt)

    def typo_of_edit(self, word: str) -> bool:
        """`word` is no word the tables hold, and an edit word or one typo from one. A changed
        letter is no typo here: it makes real words ("chance", "mast", "lost") too often."""
        if word in self.known or self.misspelt.get(word) is not None:
            return False
        if word in self.lexicon:
            return True  # an edit word the tables do not hold ("bolder")
        if any(word.endswith(end) and word[: -len(end)] in self.lexicon for end in _INFLECTIONS):
            return False  # "deleted", "colors": a real word the stage reads or passes over
        return bool(
            word in self.deleted  # a letter dropped ("fnt", "trm")
            or _deletes(word) & self.lexicon  # a letter added or doubled ("addd", "fadde")
            or _swaps(word) & self.lexicon  # two letters swapped ("fdae", "cahnge")
        )

    def before_export(self, text: str) -> bool:
        """A typo of an edit word in the clauses before the turn's last sequence word.

        Args:
            text: The prepared (normalised, quote-masked) text of a turn that plans an export.
        """
        breaks = list(_SEQUENCE.finditer(text))
        if not breaks:
            return False
        return any(self.typo_of_edit(w) for w in _WORD.findall(text[: breaks[-1].start()]))


def edit_before_export(routed: Route, garbled: bool) -> Route:
    """The plan with `sse` run just before its export when the turn holds a garbled edit
    ("cna u ad a fdae out at teh end thn expoort"); else the plan as it is."""
    return edit_before(routed) if garbled else routed
