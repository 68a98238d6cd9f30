"""Every doctor finding and fix exists in English and Chinese and renders under StrictUndefined."""

from __future__ import annotations

import re

import jinja2
from jinja2 import meta

from agent.templates import Templates, prompts_dir

SOURCE = {
    lang: (prompts_dir() / f"doctor/check.{lang}.j2").read_text("utf-8") for lang in ("en", "zh")
}


def _ids(text: str) -> list[str]:
    return re.findall(r'id == "(\w+)"', text)


def test_both_languages_have_the_same_findings() -> None:
    assert _ids(SOURCE["en"]) == _ids(SOURCE["zh"])
    assert len(set(_ids(SOURCE["en"]))) == len(_ids(SOURCE["en"]))


def test_every_finding_renders_in_both_languages() -> None:
    templates = Templates()
    for lang in ("en", "zh"):
        env = jinja2.Environment(autoescape=False)  # noqa: S701 - parsed for variable names only
        names = meta.find_undeclared_variables(env.parse(SOURCE[lang]))
        context = dict.fromkeys(names - {"id"}, "x") | {"days": 2, "checked": True}
        for finding in _ids(SOURCE[lang]):
            text = templates.render("doctor/check", lang, **context, id=finding)
            assert text, (lang, finding)
            assert "\n" not in text, (lang, finding)  # one line per check
            if lang == "zh" and finding not in ("python", "package"):
                assert any("\u4e00" <= ch <= "\u9fff" for ch in text), finding
