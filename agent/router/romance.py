"""Export verbs of Spanish, Portuguese and Italian read as the English the tables hold.

"y luego lo exportas" asks for the export as "and then export it" does; "ya lo exportaste" names
an earlier one ("exported"). Only the export verbs: the rest of such a turn stays in a language
the tables do not read (`agent.router.unread`). Pure regex work over normalised text.
"""

from __future__ import annotations

import re

__all__ = ["read_romance"]

_VERB = r"(?:exp[oó]rt|esp[oó]rt|renderi[sz]z?|desc[aá]rg|sc[aà]ric)"
_PRONOUN = r"(?:(?:me|te|se|nos)\s+)?(?:lo|la|los|las|le|les)"
# After the stem: a finite or imperative ending, then enclitic pronouns ("expórtamelo")
_NOW = r"(?:[aá]|[aá]s|e|es|en|ad|ar|are|[aá]i|i)(?:me|te|se|nos)?(?:lo|la|los|las|le|les)?"
_PAST = r"(?:aste|asteis|aron|ado|ada|ados|adas|é|ó|ei|ou|ato|ata|ati|ate|ò|avo|ava)"
_FORM = re.compile(
    rf"(?<![a-z\u00c0-\u024f])(?P<pronoun>{_PRONOUN}\s+)?(?P<verb>{_VERB})"
    rf"(?:(?P<past>{_PAST})|(?P<now>{_NOW}))(?![a-z\u00c0-\u024f])"
)


def _english(match: re.Match[str]) -> str:
    if match["past"] is not None:
        return "exported"
    clitic = match["pronoun"] or re.search(r"l[oae]s?$", match["now"] or "")
    return "export it" if clitic else "export"


def read_romance(text: str) -> str:
    """`text` with Spanish, Portuguese and Italian forms of the export verbs in English."""
    return _FORM.sub(_english, text)
