"""Export requests of other languages and registers read as the English the tables hold.

A writer asks for the file in the words they have: a courtesy ("tolong export", "export
onegaishimasu", "exporte-le stp"), an export verb of their language ("exportieren", "ekspor",
"pakiexport", "ekusupooto", "xuất video") or a studio paraphrase ("bounce the final", "print it
to a file", "make the output file", "do the downloading"). Each becomes its English form
("please", "export it", "then"), so the keyword stage, the export gate, the negation rules and
the retraction gate read it as they read English: a request form is still needed, and "jangan"
or "belum" before it declines it as "dont" and "not yet" do. Only whole words, in the
normalised text (quotes already masked), so a quoted "bounce the final" stays a quote.

Pure regex work; `agent.router.romance` reads the Spanish, Portuguese and Italian verb forms.
"""

from __future__ import annotations

import re

from agent.router.again import read_again

__all__ = ["read_abroad"]

_L = r"(?<![a-z\u00c0-\u024f])"
_R = r"(?![a-z\u00c0-\u024f])"
_IT = r"(?:\s*-?\s*(?:le|la|les|moi|lui|nya|mo|na|it|this|that|the\s+(?:video|final|file|mp4)))*"


def _words(pattern: str) -> str:
    return rf"{_L}(?:{pattern}){_R}"


_READINGS: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(_words(pattern)), english)
    for pattern, english in (
        # negators before the verb, as "dont" and "not yet" are read
        (r"jangan|jgn|usah|tak\s+payah|tidak\s+usah|gak\s+usah|nggak\s+usah", "dont"),
        (
            r"belum|blm|pas\s+encore|noch\s+nicht|todav[ií]a\s+no|a[uú]n\s+no|ainda\s+n[aã]o"
            r"|hindi\s+pa|abhi\s+nahi|mada\s+dame",
            "not yet",
        ),
        (r"tunggu(?:\s+dulu)?|warte|attends|attendez|espera|sandali\s+lang|ruko", "wait"),
        # the romaji particle "no" (of) is no negator: "ima no timeline" = "the current timeline"
        (r"(?:ima|watashi|boku|ore|saigo|saisho|bideo|douga|ongaku|taitoru)\s+no", "the"),
        # a request form asking ability ("pwede mo na i-export", "kannst du")
        (
            r"pwede\s+(?:mo|nyo|ba)(?:\s+na)?|kannst\s+du|k[oö]nnen\s+sie|tu\s+peux|vous\s+pouvez",
            "can you",
        ),
        # courtesies: the request form the export gate looks for
        (
            r"tolong|tlg|silakan|mohon|onegai(?:\s*shimasu)?|kudasai|bitte|porfa"
            r"|por\s+favor|stp|svp|sil\s+(?:te|vous)\s+pla[iî]t|kripya|kripaya|pakisuyo"
            r"|xin\s+vui\s+l[oò]ng|l[aà]m\s+[oơ]n|gi[uú]p\s+(?:m[iì]nh|t[oô]i|em)",
            "please",
        ),
        # "now", the time a request runs ("please export sekarang" is no noun phrase)
        (r"sekarang|skrg|maintenant|jetzt|sofort|ahora|agora|ngayon|b[aâ]y\s+gi[oờ]", "now"),
        (r"(?:video|klip|fail|file)nya", "the video"),
        # sequence words between an edit and the export ("… leiser machen und dann exportieren")
        (r"(?:und|et)\s+(?:dann|danach|puis|ensuite)", "and then"),
        (
            r"sore\s*kara|soshite|lepas\s+tu|pastu|lepastu|kemudian|habis\s+tu|terus|lalu|puis|ensuite"
            r"|et\s+apr[eè]s|dann|danach|luego|despu[eé]s|depois|em\s+seguida|sau\s+[dđ][oó]",
            "then",
        ),
        # export verbs: French and German forms, Malay and Indonesian, Tagalog affixes,
        # Japanese in romaji, Vietnamese
        (
            # "exporter" is English too ("the exporter"): French only before its object
            r"(?:r[eé])?export(?:e|ez|es|ons|er(?=\s+(?:la|le|les|ma|mon|cette|ce)\b))"
            # the elided object before the verb ("tu peux l'exporter", read "lexporter")
            + r"|l(?:export|t[eé]l[eé]charg)(?:e|er|es|ez)"
            + _IT
            + r"|t[eé]l[eé]charg(?:e|ez|er|es)"
            + _IT,
            "export it",
        ),
        (r"export(?:iere|ieren|ier)|herunterladen|runterladen|rendern", "export"),
        (r"ek?sport(?:kan|lah)?|ekspor(?:kan|lah)?|unduh(?:kan|lah)?|muat\s+turun", "export"),
        (r"(?:i|pa|paki|mag)-?(?:export|download|render)(?:in|an)?", "export"),
        (r"ekusupooto|ekusupoto|daunroodo|rendaringu", "export"),
        (r"(?:export|render|download)\s+(?:shite|shitte|shitekure|shite\s+kureru)", "export"),
        (
            r"xu[aấ]t(?:\s+ra)?(?=\s+(?:video|file|clip|mp4|phim))|t[aả]i\s+(?:v[eề]|xu[oố]ng)",
            "export",
        ),
        # English paraphrases of the delivery
        (
            r"bounce\s+(?:(?:it|this|that)\s+)?(?:out|down)"
            r"|bounce(?=\s+(?:the|a)\s+(?:final|mp4|file|master|version|copy|cut)\b)",
            "export",
        ),
        # the file asked for politely, the video past its work ("would it be possible to get the
        # finished video downloaded?"): no format or condition asked about after it
        (
            r"(?:would|could|will)\s+it\s+be\s+possible\s+to\s+(?:get|have)"
            r"(?=\s+(?:it|this|the\s+(?:\w+\s+)?(?:video|final|file|mp4|cut|edit))\s+(?:exported"
            r"|downloaded|rendered)(?:\s+(?:for\s+me|now|please))?\s*(?:[?.!]|$))",
            "please export",
        ),
        (
            r"(?<=please\s(?:export\s))(it|this|the\s+(?:\w+\s+)?(?:video|final|file|mp4|cut"
            r"|edit))\s+(?:exported|downloaded|rendered)",
            r"\1",
        ),
        (r"print\s+(?:it|this|the\s+video)\s+(?:out\s+)?(?:to|as|into)\s+an?\s+file", "export it"),
        (r"(?:make|create|produce|generate)\s+(?:me\s+)?the\s+output\s+file", "export it"),
        (
            r"do\s+the\s+(?:downloading|exporting|rendering|export|render|download)"
            r"(?:\s+of(?=\s+(?:it|this|that|the)\b))?",
            "export",
        ),
    )
)
# Cantonese: the verb with 埋佢 ("render 埋佢", 整埋佢出嚟 read as 整埋佢出来): finish it off
_CANTONESE = re.compile(r"(?:render|export|download)\s*埋[佢他它]|[整搞弄]埋?[佢他它]出来")


# Singlish: whether the export can run yet ("export already can or not?", "can export already
# or not ah"): a question on its own, a request once the user settles it in the same turn
# ("… the colour ok already lah")
_CAN_YET = re.compile(
    r"(?<![a-z])(?:(?:export|render|download)(?:\s+(?:it|this|the\s+video))?(?:\s+(?:already|alr))?"
    r"\s+can|can(?:\s+help(?:\s+me)?)?\s+(?:export|render|download)(?:\s+(?:it|this))?"
    r"(?:\s+(?:already|alr))?)\s+(?:or\s+not|anot)(?![a-z])"
)
_SETTLED_SG = re.compile(
    r"(?<![a-z])(?<!not\s)(?<!no\s)(?<!never\s)(?:ok|okay|good|fine|nice|shiok|steady|done|settled?|perfect|confirmed)\s+"
    r"(?:already|alr|liao|le)(?![a-z])"
)


def read_abroad(text: str) -> str:
    """`text` (normalised) with other languages' export requests in the tables' English."""
    for pattern, english in _READINGS:
        text = pattern.sub(english, text)
    asked = _CAN_YET.search(text)
    if asked is not None and _SETTLED_SG.search(text[: asked.start()] + text[asked.end() :]):
        text = f"{text[: asked.start()]}can you export it{text[asked.end() :]}"
    return read_again(_CANTONESE.sub(" export it ", text))
