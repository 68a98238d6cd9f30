"""The GUI tables' TOML schema (`agent/tables/gui_*.toml`), strict: an unknown key is an error.

Validation and compilation live in `agent.translate.tables`.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict

__all__ = ["BodyModel", "KindModel", "RuleModel", "TableModel"]


class BodyModel(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    match: str
    text: str


class KindModel(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    action: str
    priority: int
    bare: str
    short: str = ""
    quote: bool = False
    filler: list[str] = []
    body: list[BodyModel]


class RuleModel(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    kind: str
    pattern: str
    replace: str = ""
    default: str = ""
    weak: bool = False
    statement: bool = False
    offer: str = ""


class TableModel(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    lang: Literal["en", "zh"]
    leadin: list[str]
    trailing: list[str] = []
    coordinator: list[str]
    joiner: str
    alternative: list[str] = []
    alt_joiner: str = ""
    dangling: list[str] = []
    condition_end: list[str] = []
    filler: list[str]
    empty: list[str] = []
    done: list[str]
    vocab: dict[str, list[str]]
    rules: list[RuleModel]
    infer: dict[str, list[str]]
    labels: dict[str, list[str]]
    keys: dict[str, str]
    kinds: dict[str, KindModel]
