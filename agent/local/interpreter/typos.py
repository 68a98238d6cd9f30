"""Typos in edit words ("add 3 mroe seconds", "get rid of the tittle", "remvoe the music"):
a Latin word that is not a known word and is one swapped, missing, extra or (not first) other
letter away from exactly one edit keyword is read as that keyword.

Guarded so that it cannot turn one edit into another: only words of four letters or more, a
changed first letter never (that is how real words collide: flower/slower, last/fast), never a
word the phrasebook or a list of near real words knows ("chance" is not "change"), nor a plural,
and only when a single keyword is that close.
"""

from __future__ import annotations

import re

from agent.local.interpreter.phrasebook import Phrasebook

__all__ = ["fix_typos"]

_WORD = re.compile(r"(?<![\w.\-/])[a-z]{4,}(?![\w\-/]|\.[a-z0-9])", re.IGNORECASE)
_EXTRA = (
    "more", "seconds", "second", "longer", "shorter", "photo", "photos", "picture", "video",
    "music", "title", "caption", "remove", "delete", "volume", "swap", "undo", "redo", "move",
    "first", "third", "last", "bigger", "smaller", "vertical", "square", "zoom", "slowly",
    "reverse", "order", "percent", "twice", "double", "right", "left",
)  # fmt: skip
_TARGET_GROUPS = frozenset(
    ("title", "caption", "remove", "replace", "music", "volume", "louder", "quieter", "fade",
     "fade_in", "fade_out", "duration", "slower", "faster", "export")
)  # fmt: skip
"""Edit words a typo may stand for (not styles, colours or aspect names: too many real words
lie one letter from those)."""
_KNOWN = frozenset(
    (
     "about", "after", "again", "also", "back", "been", "before", "being", "both", "came", "come",
     "could", "does", "done", "down", "each", "even", "from", "give", "good", "have", "here",
     "into", "just", "keep", "know", "like", "look", "made", "make", "many", "most", "much", "must",
     "need", "next", "once", "only", "over", "part", "same", "says", "show", "some", "such", "take",
     "than", "that", "them", "then", "there", "these", "they", "this", "time", "very", "want",
     "well", "were", "what", "when", "where", "which", "while", "will", "with", "would", "your",
     "yours", "mode", "mote", "core", "bore", "lore", "wore", "store", "score", "sore", "pore",
     "tore", "mare", "mere", "mire", "moved", "mover", "moves", "width", "lights", "flight",
     "supper", "tile", "tiles", "title", "titles", "little", "tittles", "longe", "lounge", "linger",
     "slowed", "flower", "flowers", "lower", "loader", "remote", "deleted", "seconded", "photon",
     "vide", "videos", "musical", "front", "shot", "shots", "stores", "fills", "fill", "filled",
     "scene", "scenes", "sunset", "harbor", "beach", "pier", "lighthouse", "night", "city",
     "lights", "please", "thanks", "thank", "sure", "okay", "cool", "nice", "great", "awesome",
     "really", "actually", "maybe", "foster", "chance", "clean", "wrote", "expert", "squire",
     "faces", "shooter", "longed", "renter", "lover", "loner", "audit", "quitter", "louver",
     "sender", "tender", "lender", "gender", "water", "later", "latter", "mover", "taller",
     "sitter", "faded", "fader", "titan", "cation", "saddle", "rapid", "bolder", "shorten",
     "lengthen", "shortest", "longest", "slowest", "fastest", "softer", "soften", "louden",
     "titled", "titles", "fades", "moves", "remover", "deleter", "delta", "photos", "proto",
     "charge", "works", "arise", "seed", "trace", "reader", "logger", "spend", "phobos",
     "caution", "fakes", "loser", "shower", "fist", "ender", "cation", "lover", "poser",
     "older", "odder", "border", "revere", "reverb", "recent", "decent", "parent", "present",
    )
)  # fmt: skip


def _vocabulary(book: Phrasebook) -> tuple[frozenset[str], frozenset[str]]:
    """(keywords a typo may stand for, every Latin word the phrasebook knows)."""
    known: set[str] = set()
    targets: set[str] = set(_EXTRA)
    for group, value in book.keywords.model_dump().items():
        lists = value.values() if isinstance(value, dict) else [value]
        for words in lists:
            for phrase in words:
                found = re.findall(r"[a-z]+", phrase.casefold())
                known.update(found)
                if group in _TARGET_GROUPS and len(found) == 1 and len(found[0]) >= 4:
                    targets.add(found[0])  # a word of a phrase ("bring it down") is no target
    return frozenset(targets), frozenset(known | set(_EXTRA) | _KNOWN)


def _one_off(typo: str, word: str) -> bool:
    """One adjacent swap, one missing or extra letter, or (five letters or more) one other
    letter but the first ("musik"); a four-letter word only by a swap ("mroe"), as "front" is
    "font" with one more letter."""
    if len(word) < 5 and len(typo) != len(word):
        return False
    if len(typo) == len(word):
        diff = [i for i, (a, b) in enumerate(zip(typo, word, strict=True)) if a != b]
        if len(diff) == 1:
            return len(word) >= 5 and diff[0] > 0
        return (
            len(diff) == 2
            and diff[1] == diff[0] + 1
            and typo[diff[0]] == word[diff[1]]
            and typo[diff[1]] == word[diff[0]]
        )
    short, long = sorted((typo, word), key=len)
    if len(long) - len(short) != 1:
        return False
    return any(long[:i] + long[i + 1 :] == short for i in range(1, len(long)))


_ENDINGS = ("s", "es", "d", "ed", "r", "er", "y", "ly", "n")


def _plural(a: str, b: str) -> bool:
    """Whether one word is the other with an ending (plural, past, "writer", "lengthy")."""
    return any(a == b + end or b == a + end for end in _ENDINGS)


def fix_typos(text: str, book: Phrasebook) -> str:
    """`text` (case-folded) with each misspelt edit word replaced by the keyword it stands for."""
    words: list[tuple[frozenset[str], frozenset[str]]] = []  # read once, on the first unknown word

    def fix(match: re.Match[str]) -> str:
        typo = match.group(0)
        low = typo.casefold()
        if low in _KNOWN or low in _EXTRA:
            return typo
        if not words:
            words.append(_vocabulary(book))
        targets, known = words[0]
        if low in known:
            return typo
        near = {w for w in targets if _one_off(low, w) and not _plural(low, w)}
        return near.pop() if len(near) == 1 else typo

    return _WORD.sub(fix, text)
