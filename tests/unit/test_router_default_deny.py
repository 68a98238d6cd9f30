"""The export gate denies by default (agent/router/evidence.py): a bare export word plans an export
only in a request form; as a noun, a modifier, a state or an idiom it never does.

Properties over generated wordings (EN, Simplified, Traditional, Cantonese), on the whole router
(rules, then the intent model).
"""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from agent.router import Router
from tests.router_support import plan_of as _plan

ROBUST = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
EDIT_EN = st.sampled_from(
    ["can you brighten the 2nd clip", "make the title bigger", "add a fade at the end"]
)
EDIT_ZH = st.sampled_from(["整体调亮一点", "帮我把字幕改大", "再加点暖色调", "调亮啲"])


@ROBUST
@given(
    st.sampled_from(
        [
            "the {d} video looks dark, {e}",
            "my {d} clips always look blurry, {e}",
            "{n} take forever on my wifi lol, anyway {e}",
            "ngl {g} on my old laptop was a nightmare. anyway {e}",
        ]
    ),
    st.sampled_from(["exported", "downloaded", "rendered"]),
    st.sampled_from(["downloads", "exports", "renders"]),
    st.sampled_from(["exporting", "downloading", "rendering"]),
    EDIT_EN,
)
def test_english_noun_or_modifier_never_exports(
    router: Router, template: str, d: str, n: str, g: str, e: str
) -> None:
    text = template.format(d=d, n=n, g=g, e=e)
    assert "export" not in _plan(router, text), text


@ROBUST
@given(
    st.sampled_from(
        [
            "{v}来的{x}有点暗，{e}",
            "{v}出来的{x}偏黄，{e}",
            "这个滤镜好出片，{e}",
            "还在{v}中吗",
            "{v}速度太慢了，{e}",
        ]
    ),
    st.sampled_from(["导出", "下载", "渲染", "匯出"]),
    st.sampled_from(["画面", "视频", "颜色", "影片"]),
    EDIT_ZH,
)
def test_chinese_noun_modifier_or_state_never_exports(
    router: Router, template: str, v: str, x: str, e: str
) -> None:
    text = template.format(v=v, x=x, e=e)
    assert "export" not in _plan(router, text), text


@ROBUST
@given(
    st.sampled_from(
        [
            "{p} {v} it",
            "{p} {v} the video",
            "ok looks good, {v}",
            "make the text red and then {v} it",
        ]
    ),
    st.sampled_from(["pls", "please", "can you", "could you", "go ahead and", "just"]),
    st.sampled_from(["export", "render", "download"]),
)
def test_english_request_forms_always_export(router: Router, template: str, p: str, v: str) -> None:
    text = template.format(p=p, v=v)
    assert "export" in _plan(router, text), text


@ROBUST
@given(
    st.sampled_from(["{p}{v}", "{v}吧", "{v}啦", "把字幕改大一点，然后{v}", "好了，直接{v}"]),
    st.sampled_from(["帮我", "给我", "幫我", "同我", "麻烦你"]),
    st.sampled_from(["导出", "下载", "匯出", "导出视频"]),
)
def test_chinese_request_forms_always_export(router: Router, template: str, p: str, v: str) -> None:
    text = template.format(p=p, v=v)
    assert "export" in _plan(router, text), text
