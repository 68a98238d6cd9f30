"""GUI-translation tables: TOML schema, validation and compilation (`agent/tables/gui_*.toml`).

Pure apart from `load_gui_tables`, which reads the bundled files via importlib.resources. A
broken table is a `ConfigError` at load time; nothing here is cached or global.
"""

from __future__ import annotations

import dataclasses
import re
import string
import tomllib
from collections.abc import Collection, Mapping
from dataclasses import dataclass
from importlib import resources
from typing import TYPE_CHECKING

from pydantic import ValidationError

from agent.errors import ConfigError
from agent.router.script import Script, load_script
from agent.translate.compiled import COMPILED_FILE, Regexes, fingerprint, read_programs
from agent.translate.patterns import MASK_CLASS, compile_rule, expand
from agent.translate.schema import KindModel, TableModel

if TYPE_CHECKING:
    from agent.translate.intent import IntentTables
    from agent.translate.structure import StructureTables

__all__ = [
    "ACTIONS",
    "MASK_CLASS",
    "PSEUDO_KINDS",
    "TABLE_FILES",
    "BodyRule",
    "GuiTables",
    "Kind",
    "LanguageTable",
    "Rule",
    "build_gui_tables",
    "load_gui_tables",
    "parse_gui_tables",
    "read_documents",
]

ACTIONS = ("export", "state", "credits", "sse", "upload")
PSEUDO_KINDS = ("infer", "label", "noise")
TABLE_FILES = ("gui_en.toml", "gui_zh.toml")
# Masked spans (quotes, URLs, code) become single characters from Supplementary PUA-A.
MASK_BASE = 0xF0000


@dataclass(frozen=True, slots=True)
class Rule:
    """One compiled cue pattern: `kind` is a kind name or one of `PSEUDO_KINDS`.

    A `weak` rule is a last resort: it only matches where no other rule does. A `statement`
    rule (a bare verb such as "export") is no instruction in a question ("…, or export?");
    there its words become `offer` when that is set ("preview it first?" -> "check it first?").
    """

    kind: str
    pattern: re.Pattern[str]
    replace: str
    default: str
    weak: bool
    statement: bool = False
    offer: str = ""


@dataclass(frozen=True, slots=True)
class BodyRule:
    """How a clause's leftover words are phrased: the first `pattern` that matches wins."""

    pattern: re.Pattern[str]
    text: str


@dataclass(frozen=True, slots=True)
class Kind:
    """What a GUI instruction becomes: an action (or none) and its rewrite templates.

    `bare` is used when only filler surrounds the instruction ("" drops it); `short` replaces
    an empty `bare` where dropping would leave a sentence opening mid-clause.
    With `quote`, the rewrite quotes the user's words, so words before the instruction stay
    in the body instead of becoming a step or condition of their own.
    """

    name: str
    action: str
    priority: int
    bare: str
    short: str
    quote: bool
    body: tuple[BodyRule, ...]
    filler: frozenset[str]


@dataclass(frozen=True, slots=True)
class LanguageTable:
    """The compiled table of one language; `done` marks statements of finished work.

    `trailing` finds a lead-in at the end of the words before an instruction ("完成后请").
    `alternative` opens a step that is another way to do the one before ("or", "或");
    `dangling` opens a clause that cannot end a sentence ("if you'd like a new song").
    `step_end` ends words that are a step of their own before an instruction ("Check the
    spelling and [click Export]"); `condition_end` ends a condition ("检查拼写后").
    `empty` is the filler that says nothing even when an instruction is all a message holds.
    """

    lang: str
    rules: tuple[Rule, ...]
    leadin: re.Pattern[str]
    trailing: re.Pattern[str]
    coordinator: re.Pattern[str]
    alternative: re.Pattern[str]
    dangling: re.Pattern[str]
    step_end: re.Pattern[str]
    condition_end: re.Pattern[str]
    joiner: str
    alt_joiner: str
    filler: frozenset[str]
    empty: frozenset[str]
    done: re.Pattern[str]
    infer: tuple[tuple[str, re.Pattern[str]], ...]
    labels: Mapping[str, str]
    keys: Mapping[str, str]
    kinds: Mapping[str, Kind]


@dataclass(frozen=True, slots=True, repr=False)
class GuiTables:
    """All languages' tables; `en` and `zh` are always present."""

    en: LanguageTable
    zh: LanguageTable
    script: Script = dataclasses.field(default_factory=Script)
    """Traditional <-> Simplified pairs: Traditional text is matched folded, answered in kind."""
    intent: IntentTables | None = None
    """The clause classifier asked about sentences the rules leave untouched (none: rules only)."""
    structure: StructureTables | None = None
    """Where a step stands (another program, deferred, offered, mentioned): none, rules only."""

    def __repr__(self) -> str:
        return f"GuiTables(en: {len(self.en.rules)} rules, zh: {len(self.zh.rules)} rules)"

    @property
    def languages(self) -> tuple[LanguageTable, LanguageTable]:
        """Both tables, English first."""
        return (self.en, self.zh)

    def offering(self, kind: str, offers: Mapping[str, str]) -> GuiTables:
        """These tables with `kind`'s promise ("I'll export the MP4 for you") replaced by an
        offer in each language (`offers[lang]`), for when that action will not run by itself
        (auto-export off). The action is still reported."""

        def offer(table: LanguageTable) -> LanguageTable:
            text = offers[table.lang]
            changed = dataclasses.replace(table.kinds[kind], bare=text, short=text, body=())
            return dataclasses.replace(table, kinds={**table.kinds, kind: changed})

        return dataclasses.replace(self, en=offer(self.en), zh=offer(self.zh))

    def holding(self, actions: Collection[str]) -> GuiTables:
        """These tables with the steps of held actions dropped from the text ("I'll export the
        MP4 for you" goes when the user said "don't export yet"); the action is still reported,
        so the caller can say how to run it later."""

        def held(table: LanguageTable) -> LanguageTable:
            kinds = {
                name: dataclasses.replace(kind, bare="", short="", body=())
                if kind.action in actions
                else kind
                for name, kind in table.kinds.items()
            }
            return dataclasses.replace(table, kinds=kinds)

        return dataclasses.replace(self, en=held(self.en), zh=held(self.zh))

    def spelled_out(self) -> GuiTables:
        """These tables with only the `empty` words as filler, for a message that would
        otherwise vanish ("Click Play to watch the result" keeps "watch the result")."""
        return dataclasses.replace(
            self,
            en=dataclasses.replace(self.en, filler=self.en.empty),
            zh=dataclasses.replace(self.zh, filler=self.zh.empty),
        )


def _fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def _check_fields(template: str, pattern: re.Pattern[str], where: str) -> None:
    unknown = _fields(template) - set(pattern.groupindex)
    if unknown:
        raise ConfigError(f"{where}: template uses {sorted(unknown)} not captured by its pattern")


def _kind(name: str, model: KindModel, where: str, rx: Regexes) -> Kind:
    if model.action and model.action not in ACTIONS:
        raise ConfigError(f"{where}: unknown action {model.action!r}")
    if not model.body:
        raise ConfigError(f"{where}: needs at least one body rule")
    body = []
    for i, item in enumerate(model.body):
        pattern = compile_rule(item.match, f"{where}.body[{i}]", latin=False, compiler=rx.compile)
        _check_fields(item.text, pattern, f"{where}.body[{i}]")
        body.append(BodyRule(pattern, item.text))
    if body[-1].pattern.match("x y") is None:
        raise ConfigError(f"{where}: the last body rule must match any text")
    filler = frozenset(w.casefold() for w in model.filler)
    return Kind(
        name,
        model.action,
        model.priority,
        model.bare,
        model.short or model.bare,
        model.quote,
        tuple(body),
        filler,
    )


def _rules(model: TableModel, vocab: Mapping[str, str], name: str, rx: Regexes) -> tuple[Rule, ...]:
    latin = model.lang == "en"
    rules = []
    for i, item in enumerate(model.rules):
        where = f"{name} rules[{i}]"
        if item.kind not in model.kinds and item.kind not in PSEUDO_KINDS:
            raise ConfigError(f"{where}: unknown kind {item.kind!r}")
        if item.kind == "label" and item.default not in model.kinds:
            raise ConfigError(f"{where}: a label rule needs a known default kind")
        if item.default and item.default not in model.kinds:
            raise ConfigError(f"{where}: unknown default kind {item.default!r}")
        pattern = compile_rule(expand(item.pattern, vocab, where), where, latin, rx.compile)
        _check_fields(item.replace, pattern, where)
        _check_fields(item.offer, pattern, where)
        if item.kind == "label" and "label" not in pattern.groupindex:
            raise ConfigError(f"{where}: label rule must capture (?P<label>...)")
        rule = Rule(item.kind, pattern, item.replace, item.default, item.weak, item.statement)
        rules.append(dataclasses.replace(rule, offer=item.offer))
    return tuple(rules)


def _labels(model: TableModel, name: str) -> dict[str, str]:
    labels: dict[str, str] = {}
    for kind, words in model.labels.items():
        if kind not in model.kinds:
            raise ConfigError(f"{name} labels: unknown kind {kind!r}")
        for word in words:
            key = word.casefold()
            if labels.get(key, kind) != kind:
                raise ConfigError(f"{name} labels: {word!r} is listed under two kinds")
            labels[key] = kind
    return labels


def _language(model: TableModel, name: str, rx: Regexes) -> LanguageTable:
    latin = model.lang == "en"
    for key, words in model.vocab.items():
        if len({w.casefold() for w in words}) != len(words):
            raise ConfigError(f"{name} vocab.{key}: duplicate entries")
    vocab = {key: rx.alternation(words, latin) for key, words in model.vocab.items()}
    kinds = {k: _kind(k, v, f"{name} kinds.{k}", rx) for k, v in model.kinds.items()}
    infer = []
    for kind, words in model.infer.items():
        if kind not in kinds:
            raise ConfigError(f"{name} infer: unknown kind {kind!r}")
        infer.append((kind, rx.compile(rx.alternation(words, latin), re.IGNORECASE)))
    edge = r"\b" if latin else ""
    leadin = rx.alternation(model.leadin, False)
    start = r"(?<![\w'’-])" if latin else ""
    trailing = rx.alternation(model.trailing, False)
    return LanguageTable(
        lang=model.lang,
        rules=_rules(model, vocab, name, rx),
        leadin=rx.compile(rf"^(?:{leadin}{edge}[\s,]*)+", re.IGNORECASE),
        trailing=rx.compile(rf"{start}{trailing}[\s,]*$", re.IGNORECASE),
        coordinator=rx.compile(rx.alternation(model.coordinator, latin), re.IGNORECASE),
        alternative=rx.compile(rx.alternation(model.alternative, latin), re.IGNORECASE),
        dangling=rx.compile(rf"^\s*{rx.alternation(model.dangling, latin)}", re.IGNORECASE),
        step_end=rx.compile(rf"{rx.alternation(model.coordinator, latin)}[\s,]*$", re.IGNORECASE),
        condition_end=rx.compile(rf"{rx.alternation(model.condition_end, latin)}$", re.IGNORECASE),
        joiner=model.joiner,
        alt_joiner=model.alt_joiner or model.joiner,
        filler=frozenset(w.casefold() for w in model.filler),
        empty=frozenset(w.casefold() for w in model.empty),
        done=rx.compile(rx.alternation(model.done, latin), re.IGNORECASE),
        infer=tuple(infer),
        labels=_labels(model, name),
        keys={k.casefold(): v for k, v in model.keys.items()},
        kinds=kinds,
    )


def _check_consistent(en: LanguageTable, zh: LanguageTable) -> None:
    if set(en.kinds) != set(zh.kinds):
        raise ConfigError("gui tables: en and zh define different kinds")
    for name, kind in en.kinds.items():
        other = zh.kinds[name]
        if (kind.action, kind.priority) != (other.action, other.priority):
            raise ConfigError(f"gui tables: kind {name!r} differs between en and zh")


def parse_gui_tables(documents: Mapping[str, str], regexes: Regexes | None = None) -> GuiTables:
    """Validate and compile table documents (file name -> TOML text); `regexes` compiles the
    patterns (ahead-of-time programs, see `agent.translate.compiled`).

    Raises:
        ConfigError: a document is not valid TOML, breaks the schema, has a bad regex or
            template, or the languages disagree; `en` and `zh` must both be present.
    """
    rx = regexes if regexes is not None else Regexes()
    tables: dict[str, LanguageTable] = {}
    for name, text in documents.items():
        try:
            model = TableModel.model_validate(rx.toml(name, text))
        except (tomllib.TOMLDecodeError, ValidationError) as exc:
            raise ConfigError(f"invalid GUI table {name}: {exc}") from exc
        if model.lang in tables:
            raise ConfigError(f"GUI table {name}: language {model.lang!r} defined twice")
        tables[model.lang] = _language(model, name, rx)
    if set(tables) != {"en", "zh"}:
        raise ConfigError("GUI tables must define both 'en' and 'zh'")
    _check_consistent(tables["en"], tables["zh"])
    return GuiTables(en=tables["en"], zh=tables["zh"])


def read_documents() -> dict[str, str]:
    """The bundled table documents by file name (the GUI tables, then the classifier's).

    Raises:
        ConfigError: a bundled table is missing.
    """
    from agent.translate.intent import INTENT_FILE
    from agent.translate.structure import STRUCTURE_FILE

    folder = resources.files("agent") / "tables"
    try:
        return {
            name: (folder / name).read_text(encoding="utf-8")
            for name in (*TABLE_FILES, INTENT_FILE, STRUCTURE_FILE)
        }
    except OSError as exc:
        raise ConfigError(f"cannot read GUI tables: {exc}") from exc


def build_gui_tables(documents: Mapping[str, str], regexes: Regexes) -> GuiTables:
    """The tables of `read_documents()` output, their regexes compiled by `regexes`.

    Raises:
        ConfigError: a table is invalid.
    """
    from agent.translate.intent import INTENT_FILE, parse_intent_tables
    from agent.translate.structure import STRUCTURE_FILE, parse_structure_tables

    gui = {name: text for name, text in documents.items() if name in TABLE_FILES}
    tables = parse_gui_tables(gui, regexes)
    intent = parse_intent_tables(documents[INTENT_FILE], regexes)
    structure = parse_structure_tables(documents[STRUCTURE_FILE], regexes)
    return dataclasses.replace(tables, script=load_script(), intent=intent, structure=structure)


def load_gui_tables() -> GuiTables:
    """Load and validate the bundled tables from `agent/tables/`, their regexes from the
    ahead-of-time programs while those match the tables and this Python.

    Raises:
        ConfigError: a bundled table is missing or invalid.
    """
    documents = read_documents()
    try:
        text = (resources.files("agent") / "tables" / COMPILED_FILE).read_text(encoding="utf-8")
    except OSError:
        text = ""
    return build_gui_tables(documents, read_programs(text, fingerprint(documents.values())))
