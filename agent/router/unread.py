"""Words the router cannot read: a clause mostly in a language its tables do not hold.

"bhai thoda fast kar do video, phir export kar dena", "haz el video mas rapido, despues export":
the keyword stage reads English and Chinese; a clause mostly of other words that names what an
edit works on (a quality, a part of the video) may hide an edit. Before an export it keeps its
`sse` for the video agent to read: an extra `sse` costs nothing, an edit dropped in front of an
export is harmful. Chatter ("ngl this slaps", "fr fr this is fire") names nothing, and an
English report ("omg the transitions are chef's kiss") praises: both stay noise.

Pure: built once per `KeywordRouter` from the tables' own Latin words (keywords, grammar lists,
among them `common_words`) and their misspellings.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

__all__ = ["UnreadWords"]

_CJK = re.compile(r"[\u3400-\u9fff]")
_LATIN_WORD = re.compile(r"[a-z]{2,}")
# What an edit works on or changes, whatever the language around it ("thoda fast kar do")
_EDITISH = re.compile(
    r"\b(?:fast|slow|short|long|bright|dark|warm|cool|cold|loud|quiet|soft|big|small|sharp"
    r"|smooth|quick|light|heavy|high|low|zoom|speed|volume|colou?rs?|text|titles?|logo|photos?"
    r"|pics?|images?|fonts?|captions?|subtitles?|effects?|audio|sound|voice|length|size)"
    r"(?:er|ly|ness)?\b|\b(?:music|musiq|vide|movie|clip|song|pictur|foto)[a-z]*"
    # the same in Spanish, French, Portuguese, Italian ("hazlo más rápido", "plus forte")
    r"|\b(?:rapid|lent[oae]|cort[oa]|larg[oa]|brill|oscur|sombr|fuert|fort|clar|(?:sub)?titul"
    r"|(?:sous)?titr|sottotitol|legend"
    r"|text[oe]|imag|volum|sonid|son\b|cancion|chanson|canzon|voz|voix|letra|color|coule)[a-z]*"
    # Malay, Indonesian, Tagalog, German: the things and the edit verbs ("tambah musik")
    r"|\b(?:musik|lagu|tajuk|judul|teks|tulisan|gambar|warna|suara|tambah|buang|tukar|ganti"
    r"|potong|besar|kecil|cepat|lambat|terang|gelap|ubah|letak|kanta|larawan"
    r"|titel|schrift|bild|farbe|gr[oö](?:ss|ß)er|kleiner|lauter|leiser|schneller|langsamer"
    r"|heller|dunkler|titre|texte|plus\s+(?:grand|petit|fort|vite|lent))[a-z]*"
)

# An English report of how it is ("the transitions are chef's kiss") or of a verdict given
# ("music's approved by Dana"): praise or news, not an edit
_REPORT = re.compile(
    r"\b(?:is|are|was|were|looks?|looked|seems?|feels?|sounds?|its|thats|approved|okayed|okd"
    r"|cleared|greenlit|signed|accepted|confirmed|blessed)\b"
)


def _plain(text: str) -> str:
    """Latin letters without their accents ("música" = "musica")."""
    if text.isascii():
        return text
    split = unicodedata.normalize("NFD", text)
    return unicodedata.normalize("NFC", "".join(c for c in split if not unicodedata.combining(c)))


@dataclass(frozen=True, slots=True)
class UnreadWords:
    """The Latin words the router reads, and the test for a clause mostly of other words."""

    known: frozenset[str]
    misspelt: Mapping[str, object]
    """Misspellings of command words: read, as the word they stand for."""
    topic: re.Pattern[str]
    """The tables' topic nouns ("video", "music"): they name what an edit works on too."""

    @classmethod
    def from_phrases(
        cls, phrases: Iterable[str], misspelt: Mapping[str, object], topic: re.Pattern[str]
    ) -> UnreadWords:
        """The reader of the Latin words in `phrases` (the tables' normalised phrases)."""
        known = frozenset(w for phrase in phrases for w in _LATIN_WORD.findall(phrase))
        return cls(known, misspelt, topic)

    def editish(self, text: str, *, most: bool = False) -> bool:
        """Half the words (more than half when `most`) are unread, and one names what an edit
        works on. Chinese is read; a clause holding any is never unread."""
        text = _plain(text)  # "ponle música": the accent hides no word
        if _CJK.search(text) or not (_EDITISH.search(text) or self.topic.search(text)):
            return False
        if _REPORT.search(text):
            return False  # "omg the transitions are chef's kiss": English praise
        words = _LATIN_WORD.findall(text)
        unread = sum(w not in self.known and self.misspelt.get(w) is None for w in words)
        return unread >= 2 and 2 * unread >= len(words) + most
