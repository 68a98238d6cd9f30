"""What a sentence asks for without a GUI step: the user's file the agent lacks, and the
account's usage page named as where the balance shows.

The tables read GUI steps ("click Upload", 点击「上传」). A reply also asks for a file in
other shapes, and those run the upload all the same:

- a lack or a need of the agent's ("I still need the voiceover", "还差一张结尾的合影照片",
  仲差一段背景音樂, "A storyboard without the product photos won't work");
- a polite question or request for the user's file ("Could you send over the brand font
  file?", "Would you mind sharing the brand guidelines PDF?", "mind attaching them?");
- media dragged in, with no GUI place named ("再拖几张照片进来", 麻煩你 drag 一條片入嚟先,
  "Drag your B-roll clips into the bin");
- a file named in the sentence, asked for by a pronoun and the place it comes to ("That photo
  you mentioned — could you share it here?", "could you try dropping it in again?", "If you've
  got any b-roll lying around, feel free to throw it my way"), or put before the verb
  (請將您要配音的稿子（.txt 或 .docx）傳給我);
- the next file of a set the agent waits for ("After you upload the second clip, I'll merge
  them and then you can export": the export waits, `waits_for_file`), and a file asked for
  again after the sentence before says its upload failed (`asked_again`: 上一次上传失败了…能不能
  压缩一下再发一次？).

And the balance: a page of the account named as where the quota, the plan or the usage
shows ("Your account page under Usage shows the monthly quota resets on the 1st",
「用量」页面可以看到本月配额, "Your account page has the numbers"), the balance's own icon named
as what shows it ("The little coin icon next to your avatar shows it") and a check that the
credits are enough ("make sure you have enough credits") show the credits; a price mentioned
in a report does not, nor a plan managed only if needed ("manage it under Subscription if
needed", `manage_if_needed`).

Safety (nothing runs): an offer or a condition ("I can also add a voiceover if you send me a
recording", 如果你有…), a file the agent makes itself ("… — I'll generate it"), a file sent to
someone else ("send the cut to your client"), an upload step for someone else (让他在手机上点
「上传」), the user's past upload ("you uploaded 3
photos", 你上传的照片), a negation ("no need to send the logo", 不用再发), someone else's
account ("her account page"), another program.

Pure: one sentence in (folded to Simplified), the asks out with where they stand.
"""

from __future__ import annotations

import re

from agent.translate.balance import balance_page
from agent.translate.evidence import third_party

__all__ = [
    "asked_again",
    "declined",
    "shares_own_file",
    "waits_for_file",
    "wanted",
]

# the user's own file, by what it is (never a link, a name or a message about it)
_EN_FILE = (
    r"(?:files?|photos?|pics?|images?|pictures?|videos?|clips?|footage|b-roll|recordings?"
    r"|voiceovers?|voice\s+memos?|songs?|music|audio|soundtracks?|logos?|fonts?|pdfs?"
    r"|guidelines|brand\s+guide|screenshots?|headshots?|selfies?|assets|shots|photographs?"
    r"|scripts?|transcripts?|docs?|documents?|png|jpe?g|mp3|mp4|wav|mov|svg|txt|docx)"
)
_EN_NOT_FILE = (
    r"(?!\s+(?:links?|urls?|names?|paths?|formats?|sizes?|ideas?|descriptions?|titles?|lyrics"
    r"|order|sequence|lengths?|durations?|styles?|choices?|preferences?|details?|counts?)\b)"
)
# the object: "the brand font file", "your B-roll clips", "a few product photos", "them"
_EN_OBJECT = (
    r"(?:(?:the|your|a|an|some|any|more|another|those|these|that|this|one|two|three|a\s+few"
    r"|\d+)\s+)?(?:(?!(?:to|of|for|from|with|about|on|in|at|by|as|like|into|onto|links?|urls?"
    r"|thoughts?|feedback|opinions?|notes?|lists?)\b)[\w'’-]+\s+){0,3}?"
    + _EN_FILE
    + r"\b"
    + _EN_NOT_FILE
)
_ZH_FILE = (
    r"(?:照片|相片|相|图片|圖片|图|圖|合影|合照|视频|視頻|影片|片段|片|素材|音乐|音樂|配乐|配樂|曲子"
    r"|歌|录音|錄音|配音|文件|档案|檔案|字体|字體|logo|clip|video|photo|pdf|截图|截圖|头像|頭像"
    r"|稿子|稿件|文稿|讲稿|講稿|稿|剧本|劇本|脚本|腳本|文档|文檔|\.(?:txt|docx?|pdf|mp[34]|wav|mov|png|jpe?g))"
)
_ASK_VERB = r"(?:send|share|attach|upload|provide|forward|pass\s+along|drop|add|include)"
_ASK_VERB_ING = (
    r"(?:sending|sharing|attaching|uploading|providing|forwarding|dropping|adding|including)"
)

# what only the user has, never the video made here: its sharing is a file to send
_EN_SOURCE = (
    r"(?:logos?|fonts?|photos?|images?|pictures?|music|audio|songs?|pdfs?|guidelines|brand\s+guide"
    r"|headshots?|recordings?|voiceovers?|footage|b-roll|screenshots?|assets|(?:music|audio|font"
    r"|logo|image|photo)\s+files?)"
)
# "Share the logo file", "Please share the music file": the user's own file shared
_SHARED_SOURCE = re.compile(
    r"(?:^|[:;—]\s*|\b(?:then|now|just|please|first)\s+)(?:share|send)\s+(?:(?:me|us)\s+)?"
    r"(?:over\s+)?(?:(?:the|your|a|an|some|any|those|these)\s+)?(?:[\w'’-]+\s+){0,2}?"
    + _EN_SOURCE
    + r"\b(?!\s+(?:on|to)\s+(?!me\b|us\b))",
    re.IGNORECASE,
)
_OTHER_EXPORT = re.compile(
    r"\b(?:export|download|render|save)\w*|导出|下载|匯出|汇出", re.IGNORECASE
)

_UPLOAD = re.compile(
    # the agent's lack or need ("I still need the voiceover", "we're missing your logo",
    # "the product photos are missing", "I don't have the logo yet")
    r"\b(?:I|we)(?:['’]ll|\s+will|\s+still|['’]d|\s+just|\s+also|\s+really)*\s+need\s+"
    + _EN_OBJECT
    + r"|\b(?:I|we)(?:['’]d|\s+would)\s+need\s+(?:a\s+)?cop(?:y|ies)\s+of\s+"
    + _EN_OBJECT
    + r"|\b(?:I|we)['’]?(?:m|re|\s+am|\s+are)\s+(?:still\s+|just\s+)?missing\s+"
    + _EN_OBJECT
    + r"|\b(?:still\s+)?(?:waiting\s+(?:on|for)|need(?:ing)?)\s+(?:your|the)\s+(?:[\w'’-]+\s+)"
    r"{0,3}?" + _EN_FILE + r"\b" + _EN_NOT_FILE + r"(?=[^.!?]{0,20}\bfrom\s+you\b)"
    r"|\b" + _EN_FILE + r"\s+(?:is|are)\s+(?:still\s+)?missing\b"
    r"|\bI\s+(?:don['’]t|do\s+not)\s+have\s+" + _EN_OBJECT + r"\s+yet\b"
    # "A storyboard without the product photos won't work"
    r"|\bwithout\s+(?:the|your)\s+(?:[\w'’-]+\s+){0,3}?" + _EN_FILE + r"\b[^.!?]{0,40}?"
    r"\b(?:won['’]t|can['’]t|cannot|doesn['’]t|will\s+not)\s+work\b"
    # a polite question or request ("Could you send over the brand font file?")
    r"|\b(?:could|can|would|will)\s+you\s+(?:please\s+|kindly\s+|also\s+|just\s+)*"
    + _ASK_VERB
    + r"\s+(?:(?:me|us)\s+)?(?:over\s+|along\s+)?"
    + _EN_OBJECT
    + r"|\b(?:would\s+you\s+)?mind\s+"
    + _ASK_VERB_ING
    + r"\s+(?:(?:me|us)\s+)?(?:over\s+|in\s+)?(?:them|it|those|these|"
    + _EN_OBJECT
    + r")"
    + r"|\bplease\s+(?:send|share|attach|upload|provide)\s+(?:(?:me|us)\s+)?(?:over\s+)?"
    + _EN_OBJECT
    # another file tried in place of one that failed ("could you try a different file?", "Try
    # uploading another clip", 换一个文件再上传试试)
    + r"|\btry\s+(?:(?:re-?)?(?:uploading|sending|attaching|using)\s+)?(?:a\s+(?:different|new"
    r"|fresh|clean|working)|another|some\s+other|a\s+different\s+copy\s+of\s+the)\s+(?:[\w'’-]+\s+)"
    r"{0,2}?(?:files?|clips?|videos?|photos?|images?|pictures?|recordings?|footage|mp4|mov|jpe?g"
    r"|png)\b"
    + _EN_NOT_FILE
    + r"|(?:换|換)(?:一|另一|另外一)?(?:个|個|条|條|段)?(?:别的|別的|其他|新的)?"
    r"(?:文件|檔案|档案|视频|視頻|影片|片段|片)[^。！？，,；]{0,4}?(?:上传|上傳|传|傳|发|發|试|試)"
    # media dragged in ("Drag your B-roll clips into the bin")
     + r"|(?:^|[:;,—]\s*|\b(?:then|now|just|please)\s+)(?:drag|drop)\s+(?:in\s+)?(?:your|some|more"
    r"|a\s+few)\s+(?:[\w'’-]+\s+){0,3}?" + _EN_FILE + r"\b(?:\s+in)?(?:\s+(?:into|to)\s+(?:the\s+)?"
    r"(?:bin|media|library|project)\b)?(?!\s+(?:onto|to|into|on)\s+(?:the\s+)?(?:timeline|track))"
    # Chinese: a lack ("还差一张合影", 仲欠一段音樂, 缺少背景音乐)
    r"|(?:还差|還差|还缺|還缺|仍差|仍缺|缺少|缺了|少了|仲差|仲缺|仲欠|还欠|還欠|欠缺|还少|還少)"
    r"[^。！？，,；]{0,12}?"
    + _ZH_FILE
    # a polite request ("可以发给我", 麻烦你发一下照片, 请把字体文件发过来)
    + r"|(?:可以|能|麻烦|麻煩|请|請|劳烦|勞煩)[^。！？，,；]{0,3}?(?:发|传|發|傳|send|上传|上傳)"
    r"(?:给|俾|畀)?(?:我|过来|過來|嚟)"
    r"|(?:麻烦|麻煩|請|请|劳烦|勞煩|能不能|可不可以|能否|可否|方便)(?:你|您)?[^。！？，,；]{0,4}?"
    r"(?:发|發|传|傳|上传|上傳|提供|send|upload)"
    r"[^。！？，,；]{0,6}?"
    + _ZH_FILE
    # the user's need ("你需要上传一张封面图", 我还需要你的 logo 文件)
    + r"|(?:你|您)(?:还|還|仲)?(?:需要|要)(?:先|再)?(?:上传|上傳|发|發|传|傳|提供)"
    r"(?!到|至|去|给|給|俾|畀)[^。！？，,；]{0,8}?"
    + _ZH_FILE
    + r"|我(?:还|還|仲)?(?:需要|要)(?:你|您)(?:的|嘅)?"
    r"(?![^。！？，,；]{0,8}?(?:确认|確認|告诉|告訴|选|選|决定|決定|说|說|讲|講|挑))"
    r"[^。！？，,；]{0,8}?"
    + _ZH_FILE
    + r"(?!顺序|順序|名|标题|標題|风格|風格)"
    # media dragged in ("再拖几张照片进来", 麻煩你 drag 一條片入嚟先)
    + r"|(?:拖|拉|drag|放|丢|丟|掟)\s*(?:几|幾|一|两|兩|些|多|更多|\d)[^。！？，,；]{0,8}?"
    r"(?:进来|進來|入嚟|入黎|入来|上来|过来|進嚟)",
    re.IGNORECASE,
)
# the file named elsewhere in the sentence, asked for by a pronoun and where it is to come
# ("That photo you mentioned — could you share it here?", "could you try dropping it in
# again?", "feel free to throw it my way"): the place is this chat, never a link or a person
_EN_IT_ASKED = re.compile(
    r"\b(?:could|can|would|will)\s+you\s+(?:please\s+|kindly\s+|just\s+|also\s+|try\s+)*"
    r"(?:re-?)?(?:share|send|upload|attach|drop|post|sharing|sending|uploading|attaching|dropping"
    r"|posting)"
    r"\s+(?:it|them|that|those|this|these)\s+(?:(?:in\s+)?here|in\s+again|again|over|in\s+(?:the|this)"
    r"\s+chat|my\s+way|to\s+me)\b"
    r"|\b(?:feel\s+free\s+to|go\s+ahead\s+and|please|just)\s+(?:throw|toss|send|pass|fling|shoot"
    r"|flick|drop)\s+(?:it|them|those|that|one|some)\s+(?:my\s+way|over|along|to\s+me|in\s+here)\b"
    # "Pop the voiceover file in here when you get a chance"
    r"|(?:^|[:;,—]\s*|\b(?:just|please|then|now)\s+)(?:pop|stick|put|throw|toss|drop)\s+(?:it|them"
    r"|(?:the|your|a|an|some|any)\s+(?:[\w'’-]+\s+){0,3}?" + _EN_FILE + r")\s+in(?:to)?\s+"
    r"(?:here|(?:the|this)\s+chat)\b",
    re.IGNORECASE,
)
_EN_FILE_SAID = re.compile(r"\b" + _EN_FILE + r"\b" + _EN_NOT_FILE, re.IGNORECASE)
# "請將您要配音的稿子（.txt 或 .docx）傳給我", 麻烦把剧本发过来: the file put before the verb
_ZH_BA_ASKED = re.compile(
    r"(?:(?:请|請|麻烦|麻煩|劳烦|勞煩|可以|可唔可以|能不能|唔該|唔该|不该)|(?:^|[，,：:；;]\s*))"
    r"(?:你|您)?(?:先)?(?:把|将|將|同我将|帮我把)"
    r"[^。！？]{0,30}?" + _ZH_FILE + r"[^。！？]{0,16}?(?:发|發|传|傳|上传|上傳|send|upload)"
    r"\s*(?:给|給|俾|畀)?(?:我|过来|過來|嚟|上来|上來)",
    re.IGNORECASE,
)
# a file that completes a set the agent works on ("After you upload the second clip, I'll merge
# them"): the agent waits for it, so it is asked for; "Once you upload the logo, I'll place it"
# stays an offer
_EN_NEXT_FILE = re.compile(
    r"\b(?:after|once|when)\s+you(?:['’]ve)?\s+(?:upload|send|share|add|attach|drop\s+in|uploaded"
    r"|sent|added|attached)\s+(?:the|your)\s+(?:second|third|fourth|next|other|remaining|last"
    r"|missing|rest\s+of\s+the)\s+(?:[\w'’-]+\s+){0,2}?" + _EN_FILE + r"\b[^.!?]{0,20}?"
    r"\b(?:I['’]ll|I\s+will|we['’]ll|I\s+can)\b"
    # "Once the second video is uploaded, I'll sync them"
    r"|\b(?:after|once|when)\s+(?:the|your)\s+(?:second|third|fourth|next|other|remaining|last"
    r"|missing|rest\s+of\s+the)\s+(?:[\w'’-]+\s+){0,2}?" + _EN_FILE + r"\s+(?:is|are|has\s+been"
    r"|have\s+been)\s+(?:uploaded|in|sent|added|here)\b[^.!?]{0,20}?"
    r"\b(?:I['’]ll|I\s+will|we['’]ll|I\s+can)\b",
    re.IGNORECASE,
)
# any file to come before the agent's work ("Once you upload the logo, I'll place it")
_FILE_TO_COME = re.compile(
    r"\b(?:after|once|when)\s+you(?:['’]ve)?\s+(?:upload|send|sent|share|add|attach|drop\s+in"
    r"|drop)\w*\b[^.!?]{0,60}?\b(?:I['’]ll|I\s+will|we['’]ll|we\s+will)\b"
    r"|\b(?:after|once|when)\s+(?:the|your)\s+[^.!?]{0,40}?\b(?:is|are|has\s+been|have\s+been)\s+"
    r"uploaded\b[^.!?]{0,30}?\b(?:I['’]ll|I\s+will|we['’]ll|we\s+will)\b"
    r"|(?:等你|你)(?:上传|上傳|发|發|传|傳)(?:完|好|咗|了)?[^。！？]{0,20}?(?:之后|之後|以后|以後|后|後)"
    r"[^。！？]{0,6}?我(?:会|會|就|再|來|来)",
    re.IGNORECASE,
)
# a file sent again after its upload failed: the sentence before says so
# (上一次上传失败了（文件超过 2GB）。能不能压缩一下再发一次？)
_AGAIN_ASKED = re.compile(
    r"(?:能不能|可不可以|可唔可以|可以|麻烦|麻煩|请|請|能否|唔該|唔该|不该你)[^。！？]{0,12}?(?:再|重新)"
    r"(?:发|發|传|傳|上传|上傳|send|upload)(?:一次|一遍|过来|過來|给我|給我|俾我|畀我|嚟)?"
    r"|\b(?:could|can|would)\s+you\s+(?:please\s+|try\s+)*(?:re-?send|re-?upload|send|upload"
    r"|attach|drop|sending|uploading|dropping)\w*\s+(?:it|them)\s+(?:in\s+|over\s+)?again\b",
    re.IGNORECASE,
)
_UPLOAD_FAILED = re.compile(
    r"(?:上传|上傳|上载|上載|传送|傳送|发送|發送)[^。！？]{0,8}?(?:失败|失敗|中断|中斷|超时|超時|出错|出錯)"
    r"|(?:文件|檔案|档案|视频|視頻|影片)[^。！？]{0,4}?(?:超过|超過|太大|过大|過大)"
    r"|(?:没|沒|冇|未)(?:有)?(?:上传|上傳|传|傳)(?:成功|完|好|到)"
    r"|\bupload(?:ing|ed|s)?\b[^.!?]{0,40}?\b(?:failed|timed\s+out|was\s+rejected|didn['’]t\s+finish)"
    r"|\b(?:file|video|clip)\b[^.!?]{0,20}\btoo\s+(?:big|large)\b",
    re.IGNORECASE,
)
# someone else asked to press the upload in their own app (你朋友…让他在手机上点「上传」)
_THEIR_UPLOAD = re.compile(
    r"(?:让|讓|叫|教|请|請)(?:(?:你|您)(?:的|嘅)?)?(?:他|她|佢|他们|她们|他們|她們|佢哋|朋友|同事|家人"
    r"|屋企人|老公|老婆|男朋友|女朋友|爸爸|妈妈|媽媽|老豆|老妈|老媽|同学|同學)"
    r"[^。！？]{0,20}?(?:上传|上傳|upload)"
    r"|\b(?:ask|tell|have|let|get)\s+(?:him|her|them|your\s+(?:friend|partner|mum|mom|dad|sister"
    r"|brother|kid|family|teammate|colleague)s?)\s+(?:to\s+)?(?:(?!then\b|and\s+then\b)[^.!?,;]){0,30}?"
    r"\b(?:upload|tap\s+upload|click\s+upload)"
    # "Your friend can tap Upload on her phone", 朋友可以喺手機撳「上傳」
    r"|\byour\s+(?:friend|partner|mum|mom|dad|sister|brother|kid|family|classmate)s?\s+(?:can|could"
    r"|should|will|needs?\s+to|has\s+to|just\s+(?:has|needs)\s+to)\s+[^.!?]{0,30}?\bupload"
    r"|(?:朋友|家人|同学|同學|屋企人|老公|老婆|男朋友|女朋友)(?:也|都)?(?:可以|只要|只需|就|要)"
    r"[^。！？]{0,16}?(?:上传|上傳|upload)",
    re.IGNORECASE,
)
# the file asked for is no ask: a condition or an offer before it, the agent making it, a
# file sent to someone else, a negation of the ask
_CONDITION = re.compile(
    r"\b(?:if|once|when|whenever|should)\s+you\b|\bif\s+(?:needed|necessary|you['’]d\s+like)"
    r"|\boptional(?:ly)?\b|\bI\s+can\s+also\b"
    r"|如果|要是|假如|若是|若你|(?<!方便)的话|(?<!方便)的話|可选|可選|有需要",
    re.IGNORECASE,
)
# having the file is no offer when the ask is direct ("If you've got any b-roll lying around,
# feel free to throw it my way")
_HAVING = re.compile(
    r"if\s+you(?:['’]ve\s+got|\s+have\s+got|\s+have|\s+got|\s+happen\s+to\s+have)\s+(?:(?:any|some"
    r"|a|an|the|your|more|other|extra)\s+)?(?:[\w'’-]+\s+){0,2}?" + _EN_FILE + r"\b",
    re.IGNORECASE,
)
# an invitation, not a question ("If you have a logo, could you send it over?" stays an offer)
_INVITED = re.compile(
    r"\b(?:feel\s+free\s+to|go\s+ahead\s+and|don['’]t\s+hesitate\s+to)\b|\bmy\s+way\b",
    re.IGNORECASE,
)
# a link that failed: the same file asked for by another way is no new file ("I couldn't read
# that link — it returns a 404. Could you send the image file directly?")
_LINK_FAILED = re.compile(
    r"\b(?:couldn['’]t|can['’]t|cannot|could\s+not|unable\s+to|wasn['’]t\s+able\s+to)\s+"
    r"(?:read|open|access|load|reach)\s+(?:that|the|this|your)\s+(?:link|url)"
    r"|\b(?:link|url)\b[^.!?]{0,30}\b(?:404|broken|expired|doesn['’]t\s+work)"
    r"|链接[^。！？]{0,10}(?:打不开|失效|无法|404)"
    # the same file by another way than a link that failed ("send the image file directly")
    r"|\b(?:directly|instead)\b",
    re.IGNORECASE,
)
_AGENT_MAKES = re.compile(
    r"\bI['’]ll\s+(?:generate|create|make|render|design|draw|record|write)\s+(?:it|them|one)\b"
    r"|\bI\s+(?:will|can)\s+(?:generate|create|make|design|draw|record)\s+(?:it|them|one)\b"
    r"|我(?:来|會|会|马上|這就|这就)(?:生成|做|制作|畫|画|补|录|錄)",
    re.IGNORECASE,
)
_ELSEWHERE = re.compile(
    r"\b(?:to|with)\s+(?:your|the|their|his|her)\s+(?:client|team|boss|editor|manager"
    r"|followers|audience|friends?|family|colleagues?|teammates?)\b"
    r"|\b(?:to|with)\s+(?:them|him|her)\b|(?:发|發)(?:给|給)(?:客户|客戶|他|她|老板|老闆|同事)"
    r"|(?:给|給|畀|俾)(?:客户|客戶|他|她|佢)",
    re.IGNORECASE,
)
# the user's own upload, done ("你已经上传了 3 张照片", 你啱啱傳嘅片)
_PAST = re.compile(
    r"你(?:已经|已經|刚才|剛才|刚刚|剛剛|啱啱|之前)?(?:上传|上傳|发|發|传|傳|拖)(?:了|过|過|咗|嘅|的|来的|來的)"
    r"|已(?:经|經)?(?:上传|上傳)|\bthanks\s+for\s+(?:sending|uploading|sharing|attaching)\b"
    r"|\byou(?:['’]ve|\s+have|['’]d|\s+had)?\s+(?:(?:just|already|recently|previously|also|all)\s+)*"
    r"(?:imported|uploaded|re-uploaded|sent|shared|attached|dropped|provided|gave\s+me)\b",
    re.IGNORECASE,
)
# a file the user is to send to someone else ("share the clip with your team")
_SENT_AWAY = re.compile(
    r"\b(?:send|share|forward|pass)\b[^.!?]{0,40}?\b(?:to|with)\s+(?:your|the|their)\s+"
    r"(?:client|team|boss|editor|manager|followers|audience|friends?|family|colleagues?"
    r"|teammates?)s?\b"
    r"|(?:发|發|传|傳|转发|轉發)(?:给|給)(?:客户|客戶|老板|老闆|同事|朋友|家人)",
    re.IGNORECASE,
)
_NEGATED = re.compile(
    r"\b(?:don['’]t|do\s+not|no\s+need\s+to|never|needn['’]t|not\s+necessary\s+to"
    r"|(?:you\s+)?(?:don['’]t|do\s+not)\s+(?:have|need)\s+to|no\s+longer\s+need)\s+"
    r"(?:\w+\s+){0,2}?(?:send|upload|attach|share|drag|drop|add|provide)"
    r"|\b(?:don['’]t|do\s+not|no\s+longer)\s+need\s+(?:the|your|any|a)\b"
    r"|\bnothing\s+(?:is\s+|else\s+)?missing\b|\bnot\s+missing\b|\bno\s+(?:more|other|extra)\s+"
    + _EN_FILE
    + r"\s+(?:are\s+|is\s+)?needed"
    r"|(?:不用|不需要|无需|無需|唔使|不使|唔需要|唔駛|不必|别|別|不要|唔好|没必要|沒必要)(?:再)?"
    r"[^。！？，,；]{0,6}?(?:发|發|传|傳|上传|上傳|拖|给|提供|补|加|send|upload)"
    r"|不差|不缺|唔差|唔缺|没有缺|沒有缺|什么都不缺|已经齐|已經齊|已经够|已經夠|已经足够|夠晒|够晒",
    re.IGNORECASE,
)


def wanted(sentence: str) -> list[tuple[int, str]]:
    """The upload and the balance `sentence` asks for in the shapes of the module doc, each
    with where it stands; none when the sentence only offers, reports or negates them."""
    found: list[tuple[int, str]] = []
    at = _file_asked(sentence)
    if at is not None:
        found.append((at, "upload"))
    at = balance_page(sentence)
    if at is not None:
        found.append((at, "credits"))
    return sorted(found)


def declined(sentence: str) -> bool:
    """Whether `sentence` says the user's file is not needed ("No need to upload the logo
    again", 不用再上传照片了, 唔使再傳相俾我) or sends it to someone else ("Could you send a
    recording to your client?"): an upload read in it runs nothing."""
    return any(rx.search(sentence) for rx in (_NEGATED, _SENT_AWAY, _THEIR_UPLOAD))


def waits_for_file(sentence: str) -> bool:
    """Whether `sentence` puts the agent's work after a file still to come ("After you upload
    the second clip, I'll merge them and then you can export"): its export waits for both."""
    return _FILE_TO_COME.search(sentence) is not None and not declined(sentence)


def shares_own_file(sentence: str) -> bool:
    """Whether `sentence` asks the user to share or send a file only they have ("Please share
    the music file", "Share the logo file") and names no other export: an upload, never the
    export its "share" would read as."""
    return bool(
        _SHARED_SOURCE.search(sentence)
        and not _OTHER_EXPORT.search(sentence)
        and not declined(sentence)
        and not _PAST.search(sentence)
    )


def asked_again(sentence: str, before: str) -> bool:
    """Whether `sentence` asks for the file again after `before` (or itself) says its upload
    failed or was too big (上一次上传失败了（文件超过 2GB）。能不能压缩一下再发一次？): an
    upload, though the sentence names no file."""
    return bool(
        _AGAIN_ASKED.search(sentence)
        and _UPLOAD_FAILED.search(f"{before} {sentence}")
        and not third_party(sentence)
        and not declined(sentence)
    )


def _file_asked(sentence: str) -> int | None:
    nxt = _EN_NEXT_FILE.search(sentence)
    it = _EN_IT_ASKED.search(sentence) if _EN_FILE_SAID.search(sentence) else None
    ask = (
        nxt
        or _UPLOAD.search(sentence)
        or _SHARED_SOURCE.search(sentence)
        or _ZH_BA_ASKED.search(sentence)
        or it
    )
    if ask is None or third_party(sentence) or _THEIR_UPLOAD.search(sentence):
        return None
    if nxt is None and _PAST.search(sentence):
        return None
    if _NEGATED.search(sentence) or _LINK_FAILED.search(sentence):
        return None
    if _AGENT_MAKES.search(sentence, ask.end()):
        return None
    if _ELSEWHERE.search(sentence, ask.start()):
        return None
    condition = _CONDITION.search(sentence)
    having = _HAVING.match(sentence, condition.start() if condition else 0)
    if ask is nxt or (ask is it and having and _INVITED.search(sentence)):
        # the set's next file is waited for; "If you've got any b-roll, throw it my way" asks
        return ask.start()
    if condition is not None and condition.start() < ask.end():
        return None
    return ask.start()
