"""The translator's output invariant (rule 5 of issue 10), shared by its tests.

Every sentence of an output is either a sentence of the input, byte for byte, or one of the
template lines the tables render (`agent.translate.translator.template_lines`), closed by
its mark. Sentences are cut the way the translator cuts them (`prose`), quotes masked first.
"""

from __future__ import annotations

from agent.translate.prose import mask, split_lines, split_sentences
from agent.translate.tables import GuiTables
from agent.translate.translator import template_lines

_CLOSING = ".。!！"


def sentences(text: str) -> list[str]:
    """The sentences of `text` (content and closing mark, quotes and URLs as written)."""
    masked = mask(text)
    found = []
    for _prefix, body, _newline in split_lines(masked.text):
        for sentence in split_sentences(body):
            whole = masked.restore(sentence.content + sentence.term).strip()
            if whole:
                found.append(whole)
    return found


def foreign_sentences(out: str, text: str, tables: GuiTables) -> list[str]:
    """The sentences of `out` that are neither a sentence of `text` nor a template line: a
    splice. Empty for every output the translator may write."""
    written = set(sentences(text))
    lines = template_lines(tables)
    return [s for s in sentences(out) if s not in written and s.rstrip(_CLOSING) not in lines]


def kept_whole(out: str, text: str, tables: GuiTables) -> bool:
    """Whether `out` is `text` kept byte for byte, followed by nothing but template lines (the
    lines of the actions its kept sentences run, said after them)."""
    kept = text.rstrip()
    if not out.startswith(kept):
        return False
    lines = template_lines(tables)
    return all(s.rstrip(_CLOSING) in lines for s in sentences(out[len(kept) :]))
