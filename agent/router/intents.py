"""The offline intent model: a character n-gram linear classifier over whole turns.

Pure Python and language-agnostic: features are the 1-4 character n-grams of the prepared
text (quotes and paths masked), weights a small JSON file shipped in `agent/tables/`, trained
by `scripts/train_intent_model.py` from the labelled corpus in `fixtures/`. Loading takes
milliseconds; a prediction is a handful of dictionary lookups. It may always abstain.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from importlib import resources

from agent.errors import ConfigError
from agent.router.text import prepare

__all__ = ["MODEL_FILE", "IntentModel", "Prediction", "features", "load_intent_model"]

MODEL_FILE = "intent_model.json"
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
    """Per-label sparse weights; a label is a plan written `sse>export`."""

    labels: tuple[str, ...]
    weights: Mapping[str, list[float]]
    """n-gram -> [label index, weight, label index, weight, ...], only the non-zero ones."""
    bias: tuple[float, ...]

    def predict(self, text: str) -> Prediction:
        """The most likely plan for `text` with its probability."""
        scores = list(self.bias)
        for gram in features(text):
            row = self.weights.get(gram, ())
            for at in range(0, len(row), 2):
                scores[int(row[at])] += row[at + 1]
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
        except (ValueError, KeyError, TypeError, AttributeError) as exc:
            raise ConfigError(f"intent model is invalid: {exc}") from exc
        if len(bias) != len(labels) or not labels:
            raise ConfigError("intent model is invalid: one bias per label is required")
        return cls(labels, weights, bias)


def load_intent_model() -> IntentModel | None:
    """The bundled model, or None when the package ships none (the stage then abstains).

    Raises:
        ConfigError: The bundled model is present but invalid.
    """
    path = resources.files("agent") / "tables" / MODEL_FILE
    try:
        document = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return None
    return IntentModel.from_json(document)
