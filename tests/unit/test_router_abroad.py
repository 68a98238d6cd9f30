"""Round 19: export requests of other languages and registers (`agent.router.abroad`) plan the
export as their English does, and every veto still holds: a negator, a wait, a deferral, a
question or a quote keeps the export out; an edit before the export keeps its `sse`."""

from __future__ import annotations

import pytest

from agent.router import Router, build_router
from agent.router.abroad import read_abroad
from tests.router_support import plan_of

EXPORTS = [
    "c'est parfait, exporte-le maintenant stp", "tolong export sekarang",
    "silakan ekspor videonya", "bitte exportieren", "exportiere das video bitte",
    "ekusupooto shite kudasai", "pakiexport na po", "parfait, tu peux l'exporter maintenant ?",
    "pwede mo na i-export",
    "xuất video đi", "bounce it out", "print it to a file", "make the output file for me",
    "The video is good now, kindly do the downloading of it.", "整埋佢出嚟",
    "Client approved this morning ✅ so go ahead and bounce the final",
]  # fmt: skip
EDITS_THEN_EXPORT = [
    "mets le titre en blanc puis exporte-le", "tambah musik terus tolong export",
    "ganti lagu terus export",
    "mach den titel größer und dann exportieren", "make the title bigger then bounce the final",
    "Sumimasen, title no font wo motto ookiku shite kudasai. Sore kara export onegaishimasu.",
    "個 intro 太長啦，cut 短佢，然後 render 埋佢",
]  # fmt: skip
HELD = [
    "jangan export dulu", "belum export ya", "tolong jangan export", "nicht exportieren bitte",
    "bitte noch nicht exportieren", "ne l'exporte pas encore",
    "exporte-le... non attends, pas encore",
    "tolong export sekarang, eh jangan, tunggu dulu", 'she said "bounce the final" but wait for me',
    "bounce the final tomorrow", "print it to a file once legal signs off",
    "how do I print it to a file?", "make the title bounce", "add a bounce effect to the text",
]  # fmt: skip


@pytest.mark.parametrize("text", EXPORTS)
def test_an_export_asked_in_another_language_or_register_is_an_export(text: str) -> None:
    assert plan_of(build_router(), text) == ("export",)


@pytest.mark.parametrize("text", EDITS_THEN_EXPORT)
def test_an_edit_then_an_export_abroad_keeps_the_edit_first(text: str) -> None:
    assert plan_of(build_router(), text) == ("sse", "export")


@pytest.mark.parametrize("text", HELD)
def test_a_negated_deferred_quoted_or_asked_export_abroad_never_runs(
    routers: list[Router], text: str
) -> None:
    for router in routers:
        assert "export" not in plan_of(router, text), text


def test_the_readings_are_whole_words_in_the_tables_english() -> None:
    assert read_abroad("tolong export sekarang") == "please export now"
    assert read_abroad("jangan exportieren") == "dont export"
    assert read_abroad("the sponsored post is on the exporter list") == (
        "the sponsored post is on the exporter list"
    )
