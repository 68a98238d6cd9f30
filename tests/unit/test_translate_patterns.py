"""Word lists compiled as prefix trees match exactly what the longest-first alternation did."""

from __future__ import annotations

import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from agent.translate.patterns import alternation

# No deadline: a busy machine must not fail a property about matching.
ROBUST = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
_WORDS = st.lists(
    st.text(alphabet="abAB -导出", min_size=1, max_size=6).filter(lambda w: w.strip()),
    min_size=1,
    max_size=8,
)


def _plain(words: list[str], latin: bool) -> str:
    parts = sorted({w.strip() for w in words if w.strip()}, key=len, reverse=True)
    body = "|".join(r"\s+".join(re.escape(p) for p in w.split()) for w in parts)
    return rf"(?<![\w-])(?:{body})(?![\w-])" if latin else f"(?:{body})"


@ROBUST
@given(_WORDS, st.text(alphabet="abAB -导出", max_size=20), st.booleans())
def test_a_prefix_tree_finds_the_same_spans_as_the_plain_alternation(
    words: list[str], text: str, latin: bool
) -> None:
    tree = re.compile(alternation(words, latin), re.IGNORECASE)
    plain = re.compile(_plain(words, latin), re.IGNORECASE)
    assert [m.span() for m in tree.finditer(text)] == [m.span() for m in plain.finditer(text)]


def test_the_longest_word_wins_and_shared_prefixes_appear_once() -> None:
    pattern = alternation(["preview", "preview window", "preview pane", "play"], latin=True)
    assert pattern.count("preview") == 0  # spelled as a tree: p, r, e, v...
    found = re.search(pattern, "open the Preview   Window now", re.IGNORECASE)
    assert found is not None
    assert found.group(0) == "Preview   Window"
