"""Router tables: the bundled TOML validates, and broken tables fail loudly with ConfigError."""

from __future__ import annotations

import re

import pytest

from agent.errors import ConfigError
from agent.router.rules import TABLE_FILES, load_tables, parse_tables, phrase_pattern
from agent.router.typos import Vocabulary, swap_variants, typo_variants

GRAMMAR = """
[grammar]
negators = ["dont"]
negation_exceptions = []
deferrals = ["yet"]
content_markers = ["about"]
marker_exceptions = []
connectors = ["then"]
edit_verbs = ["add"]
topic_nouns = ["video"]
first_markers = []
after_markers = ["after"]
fillers = []
not_typos = []
"""


def _table(intents: str, grammar: str = GRAMMAR) -> str:
    return intents + grammar


def test_bundled_tables_load_and_cover_every_intent() -> None:
    tables = load_tables()
    intents = {k.intent for k in tables.keywords}
    assert intents == {"export", "credits", "state", "upload", "sse"}
    assert {"导出", "export", "积分", "status", "上传"} <= {k.text for k in tables.keywords}
    assert tables.typos["exprot"] == "export"


def test_keywords_are_normalised_at_load() -> None:
    tables = parse_tables(
        [_table('[intents.export]\nkeywords = ["ＥＸＰＯＲＴ", "I\'d like the video"]\n')]
    )
    assert [k.text for k in tables.keywords] == ["export", "id like the video"]


def test_duplicate_keyword_is_a_config_error() -> None:
    doc = _table(
        '[intents.export]\nkeywords = ["export"]\n[intents.state]\nkeywords = ["Export"]\n'
    )
    with pytest.raises(ConfigError, match="duplicate keyword 'export'"):
        parse_tables([doc])


def test_duplicate_across_files_is_a_config_error() -> None:
    first = _table('[intents.export]\nkeywords = ["导出"]\n')
    second = _table('[intents.export]\nkeywords = ["导出"]\n')
    with pytest.raises(ConfigError, match="duplicate"):
        parse_tables([first, second])


def test_keyword_shadowed_by_another_intent_is_a_config_error() -> None:
    doc = _table(
        '[intents.export]\nkeywords = ["send * video"]\n'
        '[intents.upload]\nkeywords = ["send a video"]\n'
    )
    with pytest.raises(ConfigError, match=r"export keyword 'send \* video' shadows upload"):
        parse_tables([doc])


def test_longer_content_phrase_does_not_count_as_shadowing() -> None:
    doc = _table(
        '[intents.credits]\nkeywords = ["credits"]\n[intents.sse]\nkeywords = ["end credits"]\n'
    )
    assert len(parse_tables([doc]).keywords) == 2


def test_misspelling_shared_by_two_intents_is_a_config_error() -> None:
    doc = _table(
        '[intents.export]\nkeywords = ["render"]\n[intents.state]\nkeywords = ["tender"]\n'
    )
    with pytest.raises(ConfigError, match=r"misspelling .* is ambiguous"):
        parse_tables([doc])


@pytest.mark.parametrize(
    "document",
    [
        "not = [valid toml",
        _table('[intents.export]\nkeywords = ["x"]\nweight = 2\n'),
        _table('[intents.publish]\nkeywords = ["post it"]\n'),
        '[intents.export]\nkeywords = ["export"]\n',
        _table('[intents.export]\nkeywords = ["  "]\n'),
    ],
    ids=["bad-toml", "unknown-field", "unknown-intent", "no-grammar", "empty-keyword"],
)
def test_malformed_table_is_a_config_error(document: str) -> None:
    with pytest.raises(ConfigError):
        parse_tables([document])


def test_missing_table_file_is_a_config_error() -> None:
    with pytest.raises(ConfigError, match="missing"):
        load_tables([*TABLE_FILES, "router_de.toml"])


@pytest.mark.parametrize(
    ("phrase", "text", "found"),
    [
        ("export", "exporting now", "exporting"),
        ("export", "reexport", None),
        ("export", "an export-style look", None),
        ("export", "export-1080p", "export"),
        ("send * video", "send me the final video", "send me the final video"),
        ("send * video", "send a b c d video", None),
        ("导出", "帮我导出一下", "导出"),
        ("把*发给我", "把视频发给我", "把视频发给我"),
        ("download", "帮我download一下", "download"),
        ("show * tracks", "show一下tracks", "show一下tracks"),
        ("show * tracks", "show 一下 tracks", "show 一下 tracks"),
        ("show * tracks", "show一下下下下下tracks", None),
    ],
)
def test_phrase_patterns_use_word_edges_for_latin_and_substrings_for_cjk(
    phrase: str, text: str, found: str | None
) -> None:
    match = re.search(phrase_pattern(phrase, suffix=True), text)
    assert (match.group(0) if match else None) == found


def test_typo_variants_are_one_edit_away() -> None:
    variants = typo_variants("export")
    assert {"exprot", "expor", "exporrt", "exbort"} <= variants
    assert "export" not in variants
    assert "exprtt" not in variants


def test_vocabulary_knows_table_words_and_their_forms() -> None:
    vocabulary = Vocabulary.from_phrases(["save it", "expert"])
    assert vocabulary.knows("saving") is False
    assert vocabulary.knows("experts") is True
    assert vocabulary.knows("it") is True


def test_bundled_tables_fold_traditional_characters_and_respell_phrase_words() -> None:
    tables = load_tables()
    assert "導出影片".translate(tables.fold) == "导出影片"
    assert "查詢餘額".translate(tables.fold) == "查询余额"
    assert tables.respell["timline"] == "timeline"
    assert tables.respell["shwo"] == "show"
    assert "three" not in tables.respell
    assert "video file" in tables.words("export", "noun")
    assert "video file" not in tables.words("export", "keyword")


def _folding(pairs: str, intents: str = '[intents.export]\nkeywords = ["export"]\n') -> str:
    return _table(intents) + f'[folding]\ntraditional = "{pairs}"\n'


def test_folding_pairs_are_parsed_into_a_translate_table() -> None:
    tables = parse_tables([_folding("導导 載载")])
    assert "導出下載".translate(tables.fold) == "导出下载"


@pytest.mark.parametrize(
    ("document", "message"),
    [
        (_folding("導导出"), "not two CJK characters"),
        (_folding("ab"), "not two CJK characters"),
        (_folding("導导 導到"), "given twice"),
        (_folding("導导 导到"), "leads to another fold"),
        (_folding("導导", '[intents.export]\nkeywords = ["導出"]\n'), "rewritten by folding"),
    ],
    ids=["three-chars", "latin", "twice", "chain", "keyword-rewritten"],
)
def test_broken_folding_is_a_config_error(document: str, message: str) -> None:
    with pytest.raises(ConfigError, match=message):
        parse_tables([document])


@pytest.mark.parametrize("keyword", ["export *", "* export", "*"])
def test_dangling_wildcard_is_a_config_error(keyword: str) -> None:
    with pytest.raises(ConfigError, match=r"dangling|empty"):
        parse_tables([_table(f'[intents.export]\nkeywords = ["{keyword}"]\n')])


def test_leading_wildcard_before_cjk_takes_the_characters_in_front() -> None:
    match = re.search(phrase_pattern("*完了吗"), "视频生成完了吗")
    assert match is not None
    assert match.group(0) == "视频生成完了吗"


def test_noun_keywords_are_tagged_and_checked_like_the_rest() -> None:
    doc = _table('[intents.export]\nkeywords = ["export"]\nnouns = ["video file"]\n')
    tables = parse_tables([doc])
    assert [(k.text, k.noun) for k in tables.keywords] == [("export", False), ("video file", True)]
    duplicate = _table('[intents.export]\nkeywords = ["export"]\nnouns = ["export"]\n')
    with pytest.raises(ConfigError, match="duplicate"):
        parse_tables([duplicate])


def test_swap_variants_swap_neighbouring_letters_only() -> None:
    assert swap_variants("show") == {"hsow", "sohw", "shwo"}
    assert swap_variants("aa") == set()


def test_phrase_words_are_respelt_unless_the_variant_is_a_table_word() -> None:
    doc = _table('[intents.state]\nkeywords = ["show * timeline", "list * tracks"]\n')
    respell = parse_tables([doc]).respell
    assert respell["timline"] == "timeline"
    assert respell["lsit"] == "list"
    assert "video" not in respell  # a grammar word, never a misspelling


def test_alone_keywords_are_tagged_and_make_no_typos() -> None:
    doc = _table('[intents.state]\nkeywords = ["status"]\nalone = ["timeline"]\n')
    tables = parse_tables([doc])
    assert tables.words("state", "alone") == ["timeline"]
    assert tables.typos["statsu"] == "state"
    assert "timline" not in tables.typos
