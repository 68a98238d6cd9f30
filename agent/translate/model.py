"""The translator's third stage: the language model, asked only when the first two abstain.

Rules first (`translator`), then the clause classifier (`fallback`); a reply they leave whole
that still reads like a GUI step goes to the model through the strict `translate_gui` tool. The
model classifies; it never writes the reply. Its answer is accepted only when every rewrite it
offers keeps its sentence's protected spans byte for byte (`verbatim.keeps_verbatim`) and holds
no GUI step of its own (a model that garbles is not trusted to classify either); otherwise, and
on any error, the rule result stands. A sentence it calls an instruction is then replaced whole
by the template line of its actions, or kept whole (its actions still run) when it holds a
quoted span, number or file name: the same whole-sentence output as the rules'. Sentences the
model does not call instructions are never touched. The completer is injected
(`agent.llm.Completer`).
"""

from __future__ import annotations

import asyncio
import re
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, Literal

import structlog
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from agent.errors import AgentError
from agent.templates import Templates
from agent.translate.evidence import forbids_export
from agent.translate.intent import targets_of
from agent.translate.prose import mask, split_lines, split_sentences
from agent.translate.tables import GuiTables
from agent.translate.translator import Translation, template_line, translate
from agent.translate.verbatim import keeps_verbatim

if TYPE_CHECKING:
    from agent.llm import Completer

__all__ = [
    "MODEL_TEMPLATE",
    "TRANSLATE_TOOL",
    "translate_with_model",
]

MODEL_TEMPLATE = "translate/model"
MODEL_TIMEOUT = 8.0
"""Outer bound on one model call; the completer's own request timeout is shorter."""
_ACTIONS = ("export", "credits", "state", "upload")
_CJK = re.compile(r"[\u3400-\u9fff]")
_log = structlog.get_logger(__name__)

TRANSLATE_TOOL: dict[str, Any] = {
    "name": "translate_gui",
    "description": "Classify each numbered sentence; rewrite the GUI instructions for chat.",
    "input_schema": {
        "type": "object",
        "properties": {
            "sentences": {
                "type": "array",
                "maxItems": 40,
                "items": {
                    "type": "object",
                    "properties": {
                        "index": {"type": "integer", "minimum": 0},
                        "role": {
                            "type": "string",
                            "enum": ["instruction", "report", "question", "offer", "content"],
                        },
                        "actions": {
                            "type": "array",
                            "items": {"type": "string", "enum": list(_ACTIONS)},
                            "maxItems": 4,
                        },
                        "rewrite": {"type": "string", "maxLength": 400},
                    },
                    "required": ["index", "role", "actions"],
                    "additionalProperties": False,
                },
            }
        },
        "required": ["sentences"],
        "additionalProperties": False,
    },
}


class _Sentence(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    index: int = Field(ge=0)
    role: Literal["instruction", "report", "question", "offer", "content"]
    actions: list[Literal["export", "credits", "state", "upload"]] = Field(max_length=4)
    rewrite: str = Field(default="", max_length=400)


class _Answer(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    sentences: list[_Sentence] = Field(max_length=40)


def _pieces(text: str) -> list[tuple[str, bool]]:
    """`text` cut into (piece, is_sentence): sentences with their original bytes, and the
    list markers, terminators and whitespace between them; joined they give `text` back."""
    masked = mask(text)
    pieces: list[tuple[str, bool]] = []
    for prefix, body, newline in split_lines(masked.text):
        pieces.append((masked.restore(prefix), False))
        for sentence in split_sentences(body):
            if sentence.content:
                pieces.append((masked.restore(sentence.content), True))
            pieces.append((masked.restore(sentence.term + sentence.ws), False))
        pieces.append((newline, False))
    return pieces


def _line(sentence: str, actions: Sequence[str], tables: GuiTables) -> str:
    """The template line of `actions` in the sentence's language and script, or the sentence
    itself when it holds a protected span (a number, a quote, a file name) or no line says the
    actions."""
    lang = tables.zh if _CJK.search(sentence) else tables.en
    line = template_line(actions, lang)
    if not line or not keeps_verbatim(sentence, "", mask(sentence)):
        return sentence
    return tables.script.to_traditional(line) if tables.script.traditional(sentence) else line


def _gui_like(text: str, tables: GuiTables) -> bool:
    """Whether a text the rules left whole still names a GUI target (worth a model call)."""
    if tables.intent is None:
        return False
    zh = bool(_CJK.search(text))
    outside = mask(tables.script.simplified(text)).text  # a quoted title names no target
    return bool(targets_of(outside, tables.intent, zh))


def _faithful(original: str, rewrite: str, tables: GuiTables) -> bool:
    """Whether the model's rewrite keeps every quoted span, URL, code span, number and file
    name of the sentence, quotes nothing new, and is no GUI step itself."""
    before, after = mask(original), mask(rewrite)
    if not all(span in rewrite for span in before.spans):
        return False
    if not all(span in before.spans for span in after.spans):
        return False
    return keeps_verbatim(original, rewrite, mask("")) and not translate(rewrite, tables).actions


def _accept(answer: _Answer, sentences: list[str], tables: GuiTables) -> dict[int, _Sentence]:
    """The model's instructions by sentence index, or {} when any rewrite fails the checks."""
    taken: dict[int, _Sentence] = {}
    for item in answer.sentences:
        if item.index >= len(sentences) or item.role != "instruction" or not item.actions:
            continue
        original, rewrite = sentences[item.index], item.rewrite.strip()
        folded = tables.script.simplified(original) if tables.script.folds(original) else original
        if "export" in item.actions and forbids_export(folded):
            continue  # a failure, a third party, a negation …: the model's export runs nothing
        if rewrite and not _faithful(original, rewrite, tables):
            return {}  # a model that garbles its own rewrite is not trusted to classify
        taken[item.index] = item
    return taken


async def translate_with_model(
    text: str,
    tables: GuiTables,
    completer: Completer | None,
    templates: Templates | None = None,
    bound_s: float = MODEL_TIMEOUT,
) -> Translation:
    """`translate(text)`, with the model asked when the rules and the classifier abstain.

    `bound_s` bounds the model call (the reply stream waits for it, so it is short there).
    Never raises for the model: an unreachable, slow, malformed or unsafe answer leaves the
    rule result (the safe default: the text as written, nothing run).
    """
    ruled = translate(text, tables)
    if completer is None or ruled.actions or ruled.text != text or not _gui_like(text, tables):
        return ruled
    pieces = _pieces(text)
    sentences = [p for p, is_sentence in pieces if is_sentence]
    prompt = (templates or Templates()).render(MODEL_TEMPLATE, None, sentences=sentences)
    try:
        async with asyncio.timeout(bound_s):
            raw = await completer.call_tool(prompt, TRANSLATE_TOOL)
        answer = _Answer.model_validate(raw)
    except (AgentError, TimeoutError) as exc:
        _log.warning("translate.model_failed", error=type(exc).__name__)
        return ruled
    except ValidationError:
        _log.warning("translate.model_malformed")
        return ruled
    taken = _accept(answer, sentences, tables)
    if not taken:
        return ruled
    out, actions, index = [], [], 0
    for piece, is_sentence in pieces:
        if is_sentence:
            item = taken.get(index)
            out.append(_line(piece, item.actions, tables) if item else piece)
            actions += item.actions if item else []
            index += 1
        else:
            out.append(piece)
    return Translation("".join(out), tuple(dict.fromkeys(actions)))
