"""The offline intent model: a character n-gram linear classifier over whole turns.

Pure Python and language-agnostic: features are the 1-4 character n-grams of the prepared
text (quotes and paths masked), weights a JSON file shipped in `agent/tables/`, trained by
`scripts/train_intent_model.py` from the labelled corpus in `fixtures/`, and compiled by
`scripts/compile_router_tables.py` into a `marshal` file stamped with the JSON's fingerprint,
read instead of the JSON while the stamp matches (a few ms instead of ~20-40: no JSON parse, no
row checks, those were done when it was written). A prediction is a handful of dictionary
lookups. It may always abstain.
"""

from __future__ import annotations

import hashlib
import json
import marshal
import math
import sys
from array import array
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from importlib import resources
from typing import Any

from agent.errors import ConfigError
from agent.router.text import prepare

__all__ = [
    "COMPILED_MODEL_FILE",
    "MODEL_FILE",
    "IntentModel",
    "Prediction",
    "features",
    "load_intent_model",
    "model_stamp",
]

MODEL_FILE = "intent_model.json"
COMPILED_MODEL_FILE = "intent_model.marshal"
_FORMAT = 1
_ORDERS = (1, 2, 3, 4)


def features(text: str) -> Iterator[str]:
    """The model's features for one turn: word-edge-marked character n-grams, each once."""
    prepared = prepare(text).text
    padded = f" {prepared} "
    seen: set[str] = set()
    for order in _ORDERS:
        for start in range(len(padded) - order + 1):
            gram = padded[start : start + order]
            if gram.strip() and gram not in seen:
                seen.add(gram)
                yield gram


@dataclass(frozen=True, slots=True)
class Prediction:
    """The model's best plan and how sure it is (softmax probability of the best label)."""

    actions: tuple[str, ...]
    confidence: float


@dataclass(frozen=True, slots=True)
class IntentModel:
    """Per-label sparse weights, flat: a label is a plan written `sse>export`.

    The weights of the n-gram in row `r` are `values[starts[r]:starts[r + 1]]`, for the labels
    `label_at[starts[r]:starts[r + 1]]` (only the non-zero ones, in the JSON's order): three
    arrays and one dict, which load from the compiled file without a Python object per weight.
    """

    labels: tuple[str, ...]
    rows: Mapping[str, int]
    """n-gram -> its row."""
    starts: Sequence[int]
    label_at: bytes
    values: Sequence[float]
    bias: tuple[float, ...]

    def predict(self, text: str) -> Prediction:
        """The most likely plan for `text` with its probability."""
        scores = list(self.bias)
        rows, starts, label_at, values = self.rows, self.starts, self.label_at, self.values
        for gram in features(text):
            row = rows.get(gram)
            if row is not None:
                for at in range(starts[row], starts[row + 1]):
                    scores[label_at[at]] += values[at]
        top = max(range(len(scores)), key=scores.__getitem__)
        peak = scores[top]
        total = sum(math.exp(s - peak) for s in scores)
        return Prediction(tuple(self.labels[top].split(">")), 1.0 / total)

    @classmethod
    def from_json(cls, document: str) -> IntentModel:
        """Parse the shipped JSON (`labels`, `bias`, `weights`: n-gram -> [label index, weight,
        label index, weight, ...]).

        Raises:
            ConfigError: The document is not a valid model.
        """
        try:
            data = json.loads(document)
            labels = tuple(str(label) for label in data["labels"])
            weights: dict[str, list[float]] = data["weights"]
            highest = max((max(row[::2]) for row in weights.values() if row), default=0)
            if highest >= len(labels) or any(len(row) % 2 for row in weights.values()):
                raise ValueError("a weight names an unknown label or lacks its value")
            bias = tuple(float(b) for b in data["bias"])
            starts = array("I", [0])
            label_at = bytearray()
            values = array("d")
            for row in weights.values():
                label_at.extend(int(i) for i in row[::2])
                values.extend(float(w) for w in row[1::2])
                starts.append(len(values))
        except (ValueError, KeyError, TypeError, AttributeError, OverflowError) as exc:
            raise ConfigError(f"intent model is invalid: {exc}") from exc
        if len(bias) != len(labels) or not labels:
            raise ConfigError("intent model is invalid: one bias per label is required")
        rows = {gram: at for at, gram in enumerate(weights)}
        return cls(labels, rows, starts, bytes(label_at), values, bias)

    def dump(self, stamp: str) -> bytes:
        """The model as `marshal` bytes, stamped with its JSON's fingerprint."""
        data = {
            "format": _FORMAT,
            "fingerprint": stamp,
            "byteorder": sys.byteorder,
            "labels": self.labels,
            "bias": self.bias,
            "grams": tuple(self.rows),
            "starts": array("I", self.starts).tobytes(),
            "label_at": self.label_at,
            "values": array("d", self.values).tobytes(),
        }
        return marshal.dumps(data, 4)

    @classmethod
    def from_compiled(cls, data: bytes, stamp: str) -> IntentModel | None:
        """The model from `dump`'s bytes, or None when they are stale, damaged or of another
        format or byte order (the caller then parses the JSON)."""
        try:
            # our own file, shipped inside the package beside the code that reads it
            content: dict[str, Any] = marshal.loads(data)  # noqa: S302
            if (content.get("format"), content.get("fingerprint")) != (_FORMAT, stamp):
                return None
            if content.get("byteorder") != sys.byteorder:
                return None
            labels, bias, grams = content["labels"], content["bias"], content["grams"]
            starts, values = array("I"), array("d")
            starts.frombytes(content["starts"])
            values.frombytes(content["values"])
            label_at = content["label_at"]
        except (ValueError, EOFError, TypeError, KeyError, AttributeError):
            return None
        if not (isinstance(labels, tuple) and isinstance(bias, tuple) and bias and labels):
            return None
        sizes = (len(bias), len(starts), len(values), starts[-1] if starts else -1)
        if sizes != (len(labels), len(grams) + 1, len(label_at), len(values)):
            return None
        if not isinstance(label_at, bytes) or label_at.translate(None, bytes(range(len(labels)))):
            return None  # a weight of a label the model does not have
        rows = dict(zip(grams, range(len(grams)), strict=True))
        return cls(labels, rows, starts, label_at, values, bias)


def model_stamp(document: bytes) -> str:
    """The stamp of the model's JSON file (its bytes: no decoding), for its compiled file."""
    return hashlib.sha256(f"intent-model/{_FORMAT}\n".encode() + document).hexdigest()


def load_intent_model() -> IntentModel | None:
    """The bundled model, or None when the package ships none (the stage then abstains).

    Raises:
        ConfigError: The bundled model is present but invalid.
    """
    folder = resources.files("agent") / "tables"
    try:
        document = (folder / MODEL_FILE).read_bytes()
    except FileNotFoundError:
        return None
    try:
        compiled = IntentModel.from_compiled(
            (folder / COMPILED_MODEL_FILE).read_bytes(), model_stamp(document)
        )
    except FileNotFoundError:
        compiled = None
    if compiled is not None:
        return compiled
    try:
        return IntentModel.from_json(document.decode("utf-8"))
    except UnicodeDecodeError as exc:
        raise ConfigError(f"intent model is invalid: {exc}") from exc
