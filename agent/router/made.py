"""An export word whose object is not the video's file: a new thing to make ("render me a cute
cat animation from this pic", "render a video of my dog from this photo": a creative request
for the video agent) or an asset other than the video ("download the LUT you used", "export
the preset", "帮我下载那个字体", "把这个风格导出到其他片段": a font, a style, settings).

Our export's object is the video, the cut, its file or a version of it ("render me a quick
version", "export a gif", "download the final cut"), or nothing at all ("export it").

From the allow side (round 15): an export word with an indefinite object ("render me a …",
"download a …", "给我渲染一个…") exports only when that object's head is one of our deliverables
(a video, the cut, a version, a copy, a format or resolution: `_OURS`); any other thing is a
new thing to make ("render me a corgi chasing a frisbee", "渲染一只猫在跳舞"), never an export.

Pure regexes over the keyword stage's normalised text (lower case, Simplified, ASCII
punctuation, apostrophes dropped).
"""

from __future__ import annotations

import re

__all__ = ["not_the_video"]

# a new thing asked for: an indefinite object that is a picture or a story, not a version
_NEW_THING = (
    r"(?:animation|animations|cartoon|cartoons|drawing|drawings|illustration|illustrations"
    r"|painting|paintings|portrait|portraits|avatar|avatars|sticker|stickers|meme|memes"
    r"|character|characters|scene|scenes|story|picture|pictures|image|images|anime|comic)"
)
# the video made from a source the user gives ("a video of my dog from this photo")
_FROM_SOURCE = (
    r"\b(?:from|out\s+of|using|based\s+on|with)\s+(?:this|that|these|those|the|my|our|a|an)\s+"
    r"(?:\w+\s+)?(?:pic|pics|photo|photos|image|images|picture|pictures|selfie|selfies"
    r"|screenshot|drawing|sketch|still|stills|jpg|png)\b"
)
_MADE = re.compile(
    rf"^\s*(?:(?:me|us|you)\s+)?(?:a|an|some|one)\s+(?:[a-z0-9]+\s+){{0,3}}?{_NEW_THING}\b"
    rf"|^\s*(?:(?:me|us)\s+)?(?:a|an|some|one)\s+(?:[a-z0-9]+\s+){{0,2}}?(?:video|clip|movie"
    rf"|film|vid)\s+of\b[^,.;!?]*{_FROM_SOURCE}"
    rf"|^\s*(?:(?:me|us)\s+)?(?:a|an|some|one)\s+[^,.;!?]{{0,40}}?{_FROM_SOURCE}"
)
# our deliverables: the head of an indefinite object an export may have ("a 4k version")
_OURS = (
    r"(?:video|vid|clip|cut|version|copy|copies|final|edit|draft|preview|proxy|render|export"
    r"|one|file|mp4|gif|webm|mov|avi|mkv|m4v|still|frame|thumbnail|snapshot|reel|montage"
    r"|trailer|teaser|highlight|loop|short|slideshow|test|sample|square|vertical|horizontal"
    r"|landscape|widescreen|hd|uhd|\d+k|\d+p|\d+fps)(?:e?s)?"
)
# where an indefinite object's noun phrase ends: a preposition, a courtesy, a second article
_NP_END = (
    r"(?:of|for|from|with|without|in|on|at|to|by|as|like|that|which|who|where|and|or|but|so|n"
    r"|when|once|after|before|if|until|while|then|thats|than|because|cuz|since"
    r"|please|pls|plz|now|asap|today|tonight|again|too|quickly|thanks|thx|a|an|the)"
)
# "render me a corgi chasing a frisbee": an indefinite object whose head is none of ours
_INDEFINITE = re.compile(
    r"^\s*(?:(?:me|us)\s+)?(?:a|an|some|another)\s+(?!(?:bit|little|lot|few|couple|tad)\b)"
    rf"((?:(?!{_NP_END}\b)[a-z0-9]+\s*){{1,5}})"
)
_OURS_HEAD = re.compile(rf"\b{_OURS}(?:\s+(?:real\s+)?quick)?\s*$")
# "a video of a cat surfing": our kind of thing, but of a new subject
_OF_NEW = re.compile(r"\s*of\s+(?:a|an|some)\b")
# "给我渲染一个柯基追飞盘", "渲染一只猫": a measure word and a thing that is none of ours
_INDEFINITE_ZH = re.compile(
    r"^\s*(?:出|一下|下)?\s*(?:一|两|几|1|2)?\s*(?:个|只|条|段|张|幅|头|位|匹|支|部)\s*"
    r"(?=[a-z0-9\u3400-\u9fff])(?![^,.;!?]{0,12}?(?:视频|影片|成片|版本|版|gif|mp4|mov|webm"
    r"|动图|片|\d+k|\d+p|竖屏|横屏|高清|副本|文件|预览|样片))"
    # code-switched: "帮我 export 一个 vertical version"
    rf"(?!\s*(?:[a-z0-9]+\s+){{0,3}}{_OURS}\b)"
)


def _new_thing(after: str) -> bool:
    """An indefinite object whose head is none of our deliverables (see the module docstring)."""
    found = _INDEFINITE.match(after)
    if found is not None:
        if not _OURS_HEAD.search(found.group(1)):
            return True
        return _OF_NEW.match(after, found.end()) is not None
    return _INDEFINITE_ZH.match(after) is not None


# an asset of the work, not the work's file
_ASSET = (
    r"(?:presets?|templates?|luts?|settings|config|configs|plugins?|typefaces?|fonts?"
    r"|styles?|looks?\s+preset|grade\s+preset|color\s+preset|colou?r\s+grade\s+settings)"
)
# "export using my usual settings", "render in the same style": how to export, not what
_MANNER = r"(?:with|using|in|at|from|to|for|as|on|by|like|via|under|without)"
_ASSET_OBJECT = re.compile(
    r"^\s*(?:(?:me|us)\s+)?(?!(?:it|them|everything|all|out|again|now)\b)"
    r"(?:(?:the|that|this|those|these|your|my|our|a|an|some|its)\s+)?"
    rf"(?:(?!{_MANNER}\b)[a-z0-9]+\s+){{0,2}}?{_ASSET}\b"
)
# "export the look to the other clips": applied elsewhere, not exported
_ELSEWHERE = re.compile(
    r"^[^,.;!?]{0,30}?\bto\s+(?:all\s+)?(?:the\s+)?(?:other|rest\s+of\s+the|remaining|next"
    r"|following)\s+(?:\w+\s+)?(?:clips?|videos?|scenes?|shots?|ones?|projects?)\b"
)
# "用呢张相帮我渲染一个可爱猫仔动画": a new picture or story to make, not a format ("一个gif")
_MADE_ZH = re.compile(
    r"^\s*(?:一个|一段|一条|一张|一幅|一些|几个|个|段|张|幅)(?!\s*(?:gif|mp4|mov|webm|动图|视频|版本))"
    r"[^,.;!?]{0,8}?(?:动画|卡通|插画|贴纸|头像|表情包|漫画|图片|图|画|角色|故事)"
)
_ASSET_ZH = re.compile(r"^.{0,6}?(?:字体|字型|预设|模板|模版|滤镜预设|设置|插件|风格)")
# "把这个风格导出": the asset itself the object ("字体改大再导出" edits the font, then exports)
_ASSET_BEFORE_ZH = re.compile(
    r"(?:把|将)[^,.;!?]{0,4}?(?:字体|字型|预设|模板|模版|设置|插件|风格)\s*(?:一下|下)?\s*$"
)
_ELSEWHERE_ZH = re.compile(
    r"^.{0,4}?(?:到|去)(?:其他|其它|别的|另外|剩下|所有)的?(?:几个|那些)?"
    r"(?:片段|视频|影片|镜头|素材|项目|clip)"
)


def not_the_video(before: str, after: str) -> bool:
    """Whether the export word's object, read from the words `before` and `after` it in its
    clause, is a new thing to make or an asset other than the video (see the module
    docstring)."""
    if _MADE.match(after) or _ASSET_OBJECT.match(after) or _ELSEWHERE.match(after):
        return True
    if _new_thing(after):
        return True
    zh = _ASSET_ZH.match(after) or _ELSEWHERE_ZH.match(after) or _MADE_ZH.match(after)
    return bool(zh or _ASSET_BEFORE_ZH.search(before))
