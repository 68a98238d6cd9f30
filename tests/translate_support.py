"""The translator's output invariant (rule 5 of issue 10), shared by its tests.

Every sentence of an output is either a sentence of the input, byte for byte, or one of the
template lines the tables render (`agent.translate.translator.template_lines`), closed by
its mark. Sentences are cut the way the translator cuts them (`prose`), quotes masked first.
"""

from __future__ import annotations

from agent.templates import Templates
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
    return [
        s
        for s in sentences(out)
        if s not in written and s.rstrip(_CLOSING) not in lines and not named(s, text, tables)
    ]


def named(sentence: str, text: str, tables: GuiTables) -> bool:
    """Whether `sentence` is the upload line naming a file of `text`, copied as written."""
    body = sentence.rstrip(_CLOSING)
    for lang in ("en", "zh"):
        line = Templates().render("translate/upload", lang, obj="\ue000")
        for said in {line, tables.script.to_traditional(line)}:
            head, tail = said.split("\ue000")
            obj = body[len(head) : len(body) - len(tail)]
            if body.startswith(head) and body.endswith(tail) and obj.strip() and obj in text:
                return True
    return False


def kept_whole(out: str, text: str, tables: GuiTables) -> bool:
    """Whether `out` is `text` kept byte for byte, followed by nothing but template lines (the
    lines of the actions its kept sentences run, said after them)."""
    kept = text.rstrip()
    if not out.startswith(kept):
        return False
    lines = template_lines(tables)
    return all(
        s.rstrip(_CLOSING) in lines or named(s, text, tables) for s in sentences(out[len(kept) :])
    )
