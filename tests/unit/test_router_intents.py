"""The offline intent model and its stage in the router: loading, predictions, and the gates
that keep it from running what the rules or the user ruled out."""

from __future__ import annotations

import asyncio
import json

import pytest

from agent.errors import ConfigError
from agent.router import Route, Router, build_keyword_router, build_router
from agent.router.intents import IntentModel, Prediction, features, load_intent_model
from tests.conftest import FIXTURES


def _model(labels: list[str], weights: dict[str, list[float]], bias: list[float]) -> IntentModel:
    return IntentModel.from_json(json.dumps({"labels": labels, "weights": weights, "bias": bias}))


def test_features_are_edge_marked_character_ngrams_of_the_prepared_text() -> None:
    grams = list(features("Export it"))
    assert " e" in grams
    assert "xpor" in grams
    assert "it " in grams
    assert len(grams) == len(set(grams))
    assert "§" in "".join(features("add a title 'Export'"))  # quotes are masked first


def test_the_bundled_model_loads_and_predicts_plans_it_was_trained_on() -> None:
    model = load_intent_model()
    assert model is not None
    assert set(model.labels) >= {"sse", "export", "state", "credits"}
    assert model.predict("export the video please").actions == ("export",)
    assert model.predict("how many credits do I have left").actions == ("credits",)


def test_a_prediction_carries_a_probability() -> None:
    model = _model(["sse", "export"], {"x": [1, 5.0]}, [0.0, 0.0])
    sure = model.predict("x")
    assert sure.actions == ("export",)
    assert 0.99 < sure.confidence <= 1.0
    assert model.predict("nothing") == Prediction(("sse",), 0.5)


@pytest.mark.parametrize(
    "document",
    [
        "not json",
        json.dumps({"labels": ["sse"], "weights": {}, "bias": []}),
        json.dumps({"labels": ["sse"], "weights": {"a": [3, 1.0]}, "bias": [0.0]}),
        json.dumps({"labels": ["sse"], "weights": {"a": [0]}, "bias": [0.0]}),
        json.dumps({"labels": [], "weights": {}, "bias": []}),
    ],
)
def test_an_invalid_model_is_a_config_error(document: str) -> None:
    with pytest.raises(ConfigError):
        IntentModel.from_json(document)


def test_the_bundled_model_stays_small_enough_to_load_in_milliseconds() -> None:
    # Load time is measured by bench/bench_language.py, never asserted: the size bound keeps
    # it one small json.loads.
    model = load_intent_model()
    assert model is not None
    assert len(model.rows) < 20_000
    assert len(model.values) < 100_000


def _route(router: Router, text: str, attachments: tuple[str, ...] = ()) -> Route:
    return asyncio.run(router.route(text, attachments))


def test_the_model_decides_when_the_keywords_abstain() -> None:
    model = _model(["sse", "state"], {"zz": [1, 9.0]}, [0.0, 0.0])
    router = Router(build_keyword_router(), model=model)
    assert _route(router, "zz top") == Route(("state",), "model", "en")
    assert _route(router, "zz").source == "default"  # one word is too little to go on
    # with a file, any words ask for something: the keywords' upload -> sse stands
    assert _route(router, "zz", ("a.png",)) == Route(("upload", "sse"), "keyword", "en")


def test_an_unsure_model_or_a_plain_sse_goes_to_the_default() -> None:
    unsure = _model(["sse", "state"], {"zz": [1, 0.5]}, [0.0, 0.0])
    assert _route(Router(build_keyword_router(), model=unsure), "zz").source == "default"
    plain = _model(["sse", "state"], {"zz": [0, 9.0]}, [0.0, 0.0])
    assert _route(Router(build_keyword_router(), model=plain), "zz").source == "default"


def test_the_model_never_exports_from_a_question_or_against_a_no() -> None:
    model = _model(["sse", "export"], {"zz": [1, 20.0]}, [0.0, 0.0])
    router = Router(build_keyword_router(), model=model)
    assert _route(router, "zz top") == Route(("export",), "model", "en")
    assert _route(router, "zz top?").actions == ("sse",)
    assert _route(router, "does zz fit my plan").actions == ("sse",)


def test_the_model_only_answers_read_only_over_a_vague_sse_and_never_over_an_edit() -> None:
    model = _model(["sse", "credits", "export"], {"zz": [1, 20.0], "yy": [2, 20.0]}, [0, 0, 0])
    router = Router(build_keyword_router(), model=model)
    assert _route(router, "the video zz").actions == ("credits",)  # vague: a topic noun only
    assert _route(router, "make the video zz").actions == ("sse",)  # an edit is firm
    assert _route(router, "the video yy").actions == ("sse",)  # no export over a vague sse


def test_the_shipped_router_routes_everyday_slang_the_tables_lack() -> None:
    router = build_router()
    assert _route(router, "am i out of credits").actions == ("credits",)
    assert "export" not in _route(router, "does this eat into my plan?").actions


ROUND1 = {
    # stranger-written sets (first sight 91.7% / 69.0%, 7 harmful, before this layer)
    "round1_everyday": 0.97,
    "round1_hard": 0.95,
    # round 2 (first sight 98.3% / 87.0%, 3 harmful: an edit dropped before 輸出, a project
    # named "Final Export v2", 明天再导出; then 100% / 99%)
    "round2_everyday": 0.97,
    "round2_hard": 0.97,
    "colloquial": 0.9,
    # the round-5 class corpus (written for the classes, scored before training: 73/83 with 4
    # harmful; then 81/83 on the rules alone)
    "round5_classes": 0.97,
}


@pytest.mark.parametrize("name", sorted(ROUND1))
def test_stranger_written_sets_score_and_never_harm(name: str) -> None:
    folder = "intents" if name in {"colloquial", "round5_classes"} else "router"
    path = FIXTURES / folder / f"{name}.jsonl"
    cases = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]
    router = build_router()
    plans = [
        (c, list(_route(router, c["text"], tuple(c.get("attachments", ()))).actions)) for c in cases
    ]
    right = sum(plan in c["expect"] for c, plan in plans)
    harmful = [
        (c["text"], plan)
        for c, plan in plans
        if plan not in c["expect"]
        and "export" in plan
        and ("export" not in {a for p in c["expect"] for a in p} or "sse" not in plan)
    ]
    assert right / len(cases) >= ROUND1[name], [
        (c["text"], p) for c, p in plans if p not in c["expect"]
    ]
    assert harmful == []


def test_every_route_says_how_sure_its_stage_is() -> None:
    router = build_router()
    assert _route(router, "export it").confidence == 1.0  # a firm rule
    assert _route(router, "the video").confidence == 0.5  # topic words only
    assert _route(router, "zzz qqq").confidence == 0.0  # nothing decided: the default
    guessed = _route(router, "any fuel left for more videos?")  # "juice left" is a keyword now
    assert guessed.source == "model"
    assert 0.85 <= guessed.confidence <= 1.0  # the model's own probability, above its bar
    # equality is about the plan: the same plan from the same stage is the same route
    assert Route(("sse",), "default", "en", (), 0.0) == Route(("sse",), "default", "en")


class _SaysState:
    async def call_tool(self, prompt: str, tool: object) -> object:
        return {"actions": ["state"]}


def test_the_llm_route_is_less_sure_than_a_rule() -> None:
    router = Router(build_keyword_router(), completer=_SaysState())  # type: ignore[arg-type]
    route = _route(router, "zzz qqq")
    assert (route.actions, route.source) == (("state",), "llm")
    assert 0.0 < route.confidence < 1.0
