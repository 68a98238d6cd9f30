"""Train the router's offline intent model from the labelled corpus in fixtures/ (no numpy).

Run: `python scripts/train_intent_model.py [--hold-out GLOB] [--out PATH]`. The corpus is every
`fixtures/router/*.jsonl` and `fixtures/intents/*.jsonl` line (`text`, `expect`: the first
accepted plan is the label). A multinomial logistic regression over character n-grams
(`agent.router.intents.features`), trained by plain SGD with L2 and pruned to weights that
matter, is written to `agent/tables/intent_model.json` (and compiled beside it,
`intent_model.marshal`). `--hold-out` leaves matching files out
of training and reports accuracy on them (the generalization figure).
"""

from __future__ import annotations

import argparse
import fnmatch
import json
import math
import random
from pathlib import Path

from agent.router.intents import COMPILED_MODEL_FILE, IntentModel, features, model_stamp

REPO = Path(__file__).resolve().parent.parent
CORPUS = [
    *sorted((REPO / "fixtures" / "router").glob("*.jsonl")),
    *sorted((REPO / "fixtures" / "intents").glob("*.jsonl")),
]
OUT = REPO / "agent" / "tables" / "intent_model.json"


LABELS = ("sse", "export", "state", "credits", "upload", "sse>export", "upload>sse")
"""The plans the model may propose; rarer compounds are left to the rules."""


def _rows(path: Path) -> list[tuple[str, str, list[list[str]]]]:
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            case = json.loads(line)
            label = next((">".join(p) for p in case["expect"] if ">".join(p) in LABELS), None)
            if label is not None and not case.get("attachments"):
                rows.append((case["text"], label, case["expect"]))
    return rows


def train(
    rows: list[tuple[str, str, list[list[str]]]], epochs: int, rate: float, l2: float, prune: float
) -> dict[str, object]:
    labels = sorted({label for _, label, _ in rows})
    index = {label: i for i, label in enumerate(labels)}
    data = [(list(features(text)), index[label]) for text, label, _ in rows]
    weights: dict[str, list[float]] = {}
    bias = [0.0] * len(labels)
    shuffler = random.Random(7)
    for epoch in range(epochs):
        shuffler.shuffle(data)
        step = rate / (1 + epoch)
        for grams, gold in data:
            scores = list(bias)
            for gram in grams:
                row = weights.get(gram)
                if row is not None:
                    for i, w in enumerate(row):
                        scores[i] += w
            peak = max(scores)
            exps = [math.exp(s - peak) for s in scores]
            total = sum(exps)
            for i in range(len(labels)):
                grad = exps[i] / total - (1.0 if i == gold else 0.0)
                if abs(grad) < 1e-4:
                    continue
                bias[i] -= step * grad
                for gram in grams:
                    row = weights.setdefault(gram, [0.0] * len(labels))
                    row[i] -= step * (grad + l2 * row[i])
    kept = {
        gram: [x for i, w in enumerate(row) if abs(w) >= prune for x in (i, round(w, 2))]
        for gram, row in weights.items()
    }
    return {
        "labels": labels,
        "bias": [round(b, 3) for b in bias],
        "weights": {g: r for g, r in sorted(kept.items()) if r},
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--hold-out", default="", help="Glob of corpus file names to hold out.")
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument("--epochs", type=int, default=6)
    parser.add_argument("--rate", type=float, default=0.5)
    parser.add_argument("--l2", type=float, default=3e-3)
    # 0.2 keeps the shipped file near 260 KB (load time) at no cost on the corpus or held out
    parser.add_argument("--prune", type=float, default=0.2)
    args = parser.parse_args()
    held = [p for p in CORPUS if args.hold_out and fnmatch.fnmatch(p.name, args.hold_out)]
    rows = [row for p in CORPUS if p not in held for row in _rows(p)]
    model = train(rows, args.epochs, args.rate, args.l2, args.prune)
    document = json.dumps(model, ensure_ascii=False, separators=(",", ":"))
    args.out.write_text(document + "\n", encoding="utf-8")
    loaded = IntentModel.from_json(document)
    # the compiled copy `load_intent_model` reads (see scripts/compile_router_tables.py)
    args.out.with_name(COMPILED_MODEL_FILE).write_bytes(
        loaded.dump(model_stamp(f"{document}\n".encode()))
    )
    grams = len(loaded.rows)
    print(f"{len(rows)} lines, {grams} n-grams, {len(document) // 1024} KB")
    for path in held:
        cases = _rows(path)
        right = sum(list(loaded.predict(text).actions) in expect for text, _, expect in cases)
        print(f"held out {path.name}: {right}/{len(cases)} = {right / len(cases):.1%}")


if __name__ == "__main__":
    main()
