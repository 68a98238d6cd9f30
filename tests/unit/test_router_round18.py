"""Round-18 classes, in new paraphrases (never the stranger set's own lines): code-switched export
verbs and edits, the spend so far, a self-correction, a quote or checklist the user adopts,
questions asked in non-native order, and "we're" read as "we are"."""

from __future__ import annotations

import pytest

from agent.router import Router
from tests.router_support import plan_of

CASES = [
    # Taglish and Hinglish export verbs, with the edit before them kept
    ("palitan mo yung font tapos i-export mo", ("sse", "export")),
    ("i-render mo na po yung final", ("export",)),
    ("pa-add naman ng subtitles tapos i-download mo na", ("sse", "export")),
    ("intro thoda chhota karke phir export kar do", ("sse", "export")),
    ("saturation thoda badha do, phir render kar do", ("sse", "export")),
    # Spanish edits
    ("agrégale un título bonito", ("sse",)),
    ("cambia la canción por algo más tranquilo", ("sse",)),
    # what the work so far has cost
    ("quick q, how much did the voiceover swap cost me?", ("credits",)),
    ("how much has all this set me back so far", ("credits",)),
    ("is my wallet about to run dry", ("credits",)),
    ("剪到现在一共用掉了多少点？", ("credits",)),
    # the sound's balance is an edit
    ("the stereo balance is weird, right channel is too quiet", ("sse",)),
    # a grade named by its feel
    ("warm up the skin tones a bit", ("sse",)),
    ("cool the shadows down a touch and render", ("sse", "export")),
    # a self-correction: only what was meant
    ("export it — oops, my bad, I meant show the timeline", ("state",)),
    ("看一下余额，不对，我是说时间线", ("state",)),
    # a quote the user adopts, or only mentions
    (
        'My manager wrote: "swap the music for something upbeat and render it." Do exactly that.',
        ("sse", "export"),
    ),
    ('My manager wrote: "swap the music for something upbeat and render it." Thoughts?', ("sse",)),
    ('The help page says "press Download to save it". Can you do it for me?', ("export",)),
    # a checklist's open boxes after a go-ahead, or held in the user's own words
    ("- [x] trim\n- [ ] export\nonly one left, go ahead", ("export",)),
    ("- [ ] subtitles\n- [ ] export\ndo the rest please", ("sse", "export")),
    ("- [x] trim\n- [ ] export\ngo ahead once marketing signs off", ("sse",)),
    # questions asked in non-native order
    ("please confirm the video is how many minutes and which photos is inside", ("state",)),
    # Taglish two questions at once
    ("ilang credits pa ako? tsaka ano na yung laman ng video", ("credits", "state")),
    # "we're" is no past-tense question
    ("Marketing approved it. We're good — export the final.", ("export",)),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_round18_class(router: Router, text: str, expected: tuple[str, ...]) -> None:
    assert plan_of(router, text) == expected
