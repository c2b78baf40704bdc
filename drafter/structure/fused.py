"""Where a heading ends when nothing separates it from its body.

Text pasted from a PDF or a web page loses the break after a heading: "一、强化理论武装提升党性修养
年初以来，支部……". The heading is then a prefix of the line, and the body starts with a word a
body sentence typically opens with — a time (年初以来, 今年以来, 2024年), the organisation as
subject (支部, 党支部, 我局) followed by what it did, an enumeration (一是), or a verb of
conduct (坚持, 围绕, 按照). `fused_end` scores each such place by how strong the opener is and
how much the prefix reads like a heading (it starts with a verb of a heading — 强化, 夯实 — and
two phrases of equal length start with one: 强化理论武装 / 提升党性修养), and takes the best.
A heading sentence that is plausible as it stands (short, at most one comma, no counts) needs
more evidence than one that cannot be a heading, so a heading that merely contains such a word
(加强基层党支部建设) is left whole. A heading every report has (存在问题, 下一步打算) ends
where it ends. `space_end` chooses, among the spaces of a line, the one that separates the
heading from its body. (`headings.calibrated` then cuts a heading that still runs on at the
length of a sibling whose frame it echoes.)
"""

from __future__ import annotations

import re

MIN_TITLE_CHARS = 4  # a heading is at least a four-character phrase (强基固本)
MAX_FUSED_TITLE = 32  # a fused heading is looked for within this many characters
PLAUSIBLE_TITLE_CHARS = 24  # a longer heading sentence is likely a heading with its body
ENUMERATION, STRONG, SUBJECT, WEAK = 4, 3, 2, 1  # what an opener is worth
NO_HEADING = -9  # the shape of a prefix that cannot be a heading
NEEDED_IF_IMPLAUSIBLE = 3
NEEDED_IF_PLAUSIBLE = 4
BODY_REACH = 40  # a body clause ends (，；。) within this many characters, or is long
MIN_BODY_CHARS = 20

# Times a body sentence opens with; not after a digit or numeral (2024年初 is one time).
_TIME = re.compile(
    r"(?<![\d〇一二三四五六七八九十今去本明上下年月])(?<!年度)"
    r"(?:年初以来|今年以来|今年来|近年来|近年以来|一年来|一年以来|半年来|去年以来|年初|今年|"
    r"上半年|下半年|全年|本年度|(?:19|20)\d{2}\s*年(?:以来|(?:度|初|上半年|下半年)?[，,]))"
)
_ENUMERATION = re.compile(r"(?<![统之唯单同不万专])一是")
# The organisation as subject; `_PREDICATE` must follow it (支部严格落实…, not 支部建设).
_SUBJECT = re.compile(
    r"(?:各|全体)?(?:(?:局|委|中心|全局)(?=党|机关))?(?:机关)?(?:党支部|党总支|支部|党委|党组(?!织))"
    r"|我(?:局|委|办|中心|单位|们|校|院|所|站|馆|部|厅|支部|区|县|市)"
    r"|本(?:局|单位|支部|中心)|全体(?:党员干部|党员|干部|职工)|全(?:系统|局|县|市|区|镇|乡|委|办|中心)"
)
_PREDICATE = re.compile(
    r"(?:严格|认真|坚持|全年|始终|积极|制定|召开|组织|开展|按照|围绕|把|将|在|通过|结合|深入|扎实|持续|"
    r"进一步|高度|及时|不断|共|先后|累计|按月|每月|每季度|定期|切实|着力|紧扣|聚焦|以|对|与|向|注重|强化|"
    r"加强|落实|推进|建立|完善|健全|印发|成立|举办|实施|狠抓|大力|全面|签订|立足|牢固|自觉|主动|带头|"
    r"上半年|下半年|今年|年初|于|已|均|还|也|都|专门|集中|邀请|利用|采取|创新|探索|打造|推动|形成|"
    r"领导|制订|修订|出台|印制|编制|研究|部署|召集|精心|层层|逐级|抓|坚决|深化|扎根|发挥|构建)"
)
# A unit named as subject: 某某县档案馆党支部…, XX区市政中心党组…, 平阳县档案馆党支部….
_UNIT = re.compile(
    r"(?:中共)?(?:某某|[XＸ]{1,3}|\*{1,3}|[\u4e00-\u9fff]{2}(?=[省市县区州旗]))[\u4e00-\u9fff]{0,12}?"
    r"(?:党支部|党总支|支部|党委|党组(?!织)|委员会)"
)
# What introduces the grounds of a body sentence: 按照年度学习计划，… / 通过规范…，… /
# 在局党组的坚强领导下，….
_GROUNDS = re.compile(
    r"(?:按照|根据|通过|围绕|坚持|为进一步|为切实|为了|对照|依托|借助"
    r"|在[^，,。；]{2,20}?(?:领导|指导|带领|关心|支持|推动|帮助|部署)下)"
)
# Verbs whose object a unit or its members are: 组织党员…, 带领支部….
_OBJECT_OF = re.compile(r"(?:组织|带领|号召|引导|动员|要求|督促|推动|激励|教育|指导|帮助|团结|发动|鼓励|关心|关爱|培养|选派|安排|凝聚|服务|联系|督导|深入)$")
# Party members as subject, when what they did follows: 党员干部主动亮身份….
_MEMBERS = re.compile(r"(?:全体)?党员(?:干部|同志)?")
# Verbs of conduct a body sentence may open with right after a heading.
_WEAK = re.compile(r"(?:紧扣|聚焦|始终|认真|严格|积极|扎实|持续|深入|结合|立足|紧紧)")
# Headings every report has, which the body may follow at once: 存在问题学习深度还不够….
_STANDARD = re.compile(
    r"(?:存在的?问题(?:和不足|与不足|及不足|及原因|和原因)?|存在的?不足|主要问题|下一步(?:工作)?(?:打算|计划|思路|安排|重点|措施)"
    r"|工作打算|主要做法|主要成效|主要工作(?:及成效|和成效)?|基本情况|工作成效|经验做法|工作开展情况|特色亮点)"
)
# Verbs (and adverbs) a heading phrase opens with: 强化理论武装, 全面加强党的建设.
_HEADING_VERB = re.compile(
    r"(?:强化|提升|夯实|规范|加强|深化|推进|压实|筑牢|激发|锤炼|锻造|坚持|突出|创新|落实|抓好|抓实|抓细|营造|"
    r"打造|建强|提高|增强|健全|完善|严肃|从严|凝聚|聚焦|服务|助推|推动|促进|坚定|发挥|彰显|擦亮|树立|建设|"
    r"优化|严守|守牢|守住|织密|构建|拓展|丰富|做实|做细|做优|做强|用好|深耕|厚植|赋能|引领|融入|助力|聚力|"
    r"全面|全力|着力|持续|不断|切实|扎实|积极|大力|深入|认真|严格|努力|始终|统筹|弘扬|传承|担当|践行|"
    r"贯彻|学习|宣传|巩固|扩大|加快|实施|开展|培育|选优|配强|建立|压紧|紧扣|对标|勇当|争当|争创|创建|"
    r"总结|谋划|保障|维护|防范|化解|狠抓|倾力|精准|务实|真抓|实干|围绕|展现|展示|争做|当好|做好|走好|跑出|激活|释放|凝心|铸魂|育人|以[^，,。]{1,12}?为)"
)
# What a heading phrase cannot end with: a word that links on (的, 和, 对); and what it seldom
# ends with: a verb or adverb that wants its object (强化…, 全面…).
_LINK_END = re.compile(r"(?:[的和与及、之等在对把将以“（(《]|(?<![作行有无大])为)$")
_OPEN_END = re.compile(
    r"(?:强化|夯实|加强|深化|压实|筑牢|激发|锤炼|锻造|坚持|突出|抓好|抓实|营造|打造|建强|增强|健全|凝聚|"
    r"聚焦|推动|促进|坚定|发挥|彰显|擦亮|树立|构建|拓展|用好|厚植|助力|贯彻|加快|培育|对标|狠抓|全面|全力|"
    r"着力|切实|扎实|积极|大力|深入|认真|严格|努力|始终)$"
)
# A time that opens a sentence of its own: 年初以来，… / 2024年，….
_TIME_CLAUSE = re.compile(rf"(?:{_TIME.pattern})(?:以来)?[，,]|(?:年初|今年|近年|一年|半年|去年)以?来")
# How a heading that names a matter ends: …完成情况, …主要做法, …工作打算.
_NOMINAL_END = re.compile(r"(?:情况|工作|做法|回顾|打算|成效|问题|不足|措施|思路|计划|要点|经验|成绩|举措)$")
# A subject followed by a noun is part of the heading (党支部建设, 支部书记).
_SUBJECT_NOUN = re.compile(r"(?:建设|工作|书记|委员|班子|标准化|规范化|阵地|品牌|活动|成员|生活|党员|战斗堡垒)")
# What continues a standard heading rather than opening its body: 主要工作开展情况, 存在问题整改.
_HEADING_CONTINUES = re.compile(r"(?:开展|完成|落实|整改|推进)?(?:情况|成效|进展)|[和及与、的暨]")
_COUNT = re.compile(
    r"(?:\d+(?:\.\d+)?\s*|[一二三四五六七八九两]?[十百千万][一二三四五六七八九]?[余多]?)"
    r"(?:次|名|个|篇|人|场|期|项|件|户|万|元|%|％|余|本|条|份|天|小时|学时|支|批)"
)
_CLAUSE = re.compile(r"[，,、]")
_BODY_CLAUSE = re.compile(r"[，,；;。]")
_ANY_CLAUSE = re.compile(r"[，,；;。：:！？!?]")
_STOP = re.compile(r"[。；;：:！？!?]")
_SENTENCE = re.compile(r"[。！？!?]")
_SPACE_RUN = re.compile(r"[ \t\u3000]+")


def has_count(text: str) -> bool:
    """Whether text states a count (12次, 30篇, 95%): facts, which a heading seldom holds."""
    return _COUNT.search(text) is not None


def plausible_title(title: str) -> bool:
    """Whether a heading sentence reads as a heading as it stands: short, at most one comma,
    no counts."""
    return (
        len(title) <= PLAUSIBLE_TITLE_CHARS
        and len(_CLAUSE.findall(title)) <= 1
        and not has_count(title)
    )


def fused_end(head: str, rest: str) -> int | None:
    """Where a body sentence starts inside `head`, the heading sentence found after a marker
    (`rest` is the whole text after the marker, which `head` begins), or None."""
    standard = _standard_end(rest, head)
    if standard is not None:
        return standard
    needed = NEEDED_IF_PLAUSIBLE if plausible_title(head.strip()) else NEEDED_IF_IMPLAUSIBLE
    reach = _STOP.search(head)
    limit = min(len(head), MAX_FUSED_TITLE, reach.start() if reach else len(head))
    best, best_score = None, needed - 1
    seen = False
    for at in range(MIN_TITLE_CHARS, limit):
        if head[at - 1] in " \t\u3000":
            continue  # a space before it: space_end's case
        found = opener_score(rest, at)
        if found <= 0:
            continue
        shape = heading_shape(head[:at])
        total = found + shape - (1 if seen else 0)
        seen = seen or (found >= SUBJECT and shape > NO_HEADING)  # a later opener is in the body
        if total > best_score and reads_as_body(rest[at:]):
            best, best_score = at, total
    return best


def _standard_end(rest: str, head: str) -> int | None:
    """Where a heading every report has (存在问题, 下一步打算) ends, when body text follows it
    at once and does not continue the heading (主要工作开展情况)."""
    standard = _STANDARD.match(head)
    if standard is None or not MIN_TITLE_CHARS <= standard.end() < len(head.rstrip(" \t\u3000")):
        return None
    at = standard.end()
    clause = _ANY_CLAUSE.search(rest, at)
    if (clause is not None and clause.start() - at < MIN_TITLE_CHARS) or not reads_as_body(rest[at:]):
        return None  # 主要工作开展。 下一步工作重点。
    return at if opener_score(rest, at) or not _HEADING_CONTINUES.match(rest, at) else None


def opener_score(text: str, at: int) -> int:
    """How strongly text[at:] opens a body sentence: 4 for 一是; 3 for a time (年初以来,
    全年开展…), the grounds (按照…, 在…领导下), a named unit, or the organisation or its members
    doing something (支部严格…); 2 for the organisation alone; 1 for a verb of conduct; 0 for
    none — nor for a unit that is a place or an object in the sentence (在局党组…, 组织党员…)."""
    if (time := _TIME.match(text, at)) and (at == 0 or not text[at - 1].isdigit()):
        # a time alone ("全年工作") is no opener: it needs 以来, a comma or what was done
        opens = time.group()[-1] in "来，," or text[time.end():time.end() + 1] in "，," or _PREDICATE.match(text, time.end())
        return STRONG if opens else 0
    if _GROUNDS.match(text, at) or _UNIT.match(text, at):
        return SUBJECT + 1
    if _ENUMERATION.match(text, at) and (at == 0 or text[at - 1] not in "统之唯单同不万专"):
        return ENUMERATION
    if at and (text[at - 1] == "在" or _OBJECT_OF.search(text, max(0, at - 2), at)):
        return 0  # 在局党组… / 组织党员…: a place or an object in the sentence, not its subject
    members = _MEMBERS.match(text, at)
    if members is not None and _PREDICATE.match(text, members.end()):
        return SUBJECT + 1
    subject = _SUBJECT.match(text, at)
    if subject is not None:
        after = subject.end()
        if _SUBJECT_NOUN.match(text, after) or _TIME_CLAUSE.match(text, after):
            return 0  # 支部建设…, or a subject before a time that opens the body: …建设支部年初以来，
        return SUBJECT + (1 if _PREDICATE.match(text, after) else 0)
    return WEAK if _WEAK.match(text, at) else 0


def heading_shape(prefix: str) -> int:
    """How much a prefix reads as a heading: -9 when it cannot end there (…的), -2 when it
    ends in a verb that wants its object (…强化), +1 when it opens with a heading verb, +1 more
    for two parallel phrases (强化理论武装提升党性修养, or 坚持对标看齐，全面加强党的建设, each
    clause opening with a heading verb)."""
    prefix = prefix.strip()
    if len(prefix) < MIN_TITLE_CHARS or _LINK_END.search(prefix) or prefix[-1] in "，,；;":
        return NO_HEADING
    if _states_its_subject(prefix):
        return NO_HEADING  # 支部全年组织…: a sentence with its subject, not a heading
    tail = re.split(r"[，,]", prefix)[-1]
    if len(tail) < MIN_TITLE_CHARS:
        return NO_HEADING  # "…计划，支部": a clause too short to end a heading
    score = 1 if _HEADING_VERB.match(prefix) or _NOMINAL_END.search(prefix) else 0
    if _OPEN_END.search(prefix):
        return score - 2
    clauses = [c for c in re.split(r"[，,、 \t\u3000]+", prefix) if c]
    if len(clauses) > 1:
        parallel = all(_HEADING_VERB.match(c) for c in clauses)
        if not parallel:
            return score - 1  # a clause after the comma that is no heading phrase: body
    else:  # two phrases of equal length, each opening with a heading verb
        half = len(prefix) // 2
        parallel = len(prefix) % 2 == 0 and half >= 3 and _HEADING_VERB.match(prefix, half) is not None
    return score + (1 if score and parallel else 0)


def _states_its_subject(text: str) -> bool:
    """Whether text opens with a unit or its members and what they did (支部全年…, 党员主动…)."""
    found = _SUBJECT.match(text) or _MEMBERS.match(text)
    return found is not None and _PREDICATE.match(text, found.end()) is not None


def reads_as_body(text: str) -> bool:
    """Whether what follows a split is a body sentence: a clause ends soon, or it is long."""
    clause = _BODY_CLAUSE.search(text, 0, BODY_REACH)
    return (clause is not None and clause.start() >= 2) or len(text) >= MIN_BODY_CHARS


def space_end(rest: str) -> re.Match[str] | None:
    """Which space run of `rest` ends the heading, if any does: of those before the first
    clause mark, one followed by a body opener, else one wider than all others; else the first
    space run before the first full stop. A space next to a digit never does."""
    stop = _SENTENCE.search(rest)
    runs = [m for m in _SPACE_RUN.finditer(rest, 0, stop.start() if stop else len(rest)) if not _by_digits(rest, m)]
    clause = _BODY_CLAUSE.search(rest)
    early = [m for m in runs if clause is None or m.start() < clause.start()]
    for match in early:
        if opener_score(rest, match.end()) >= SUBJECT:
            return match
    widths = sorted((m.end() - m.start() for m in early), reverse=True)
    if len(widths) > 1 and widths[0] > widths[1]:
        return next(m for m in early if m.end() - m.start() == widths[0])
    return runs[0] if runs else None


def _by_digits(text: str, match: re.Match[str]) -> bool:
    """A space next to a digit spaces a number (开展 12 次), not a heading from its body."""
    before = text[match.start() - 1] if match.start() else ""
    after = text[match.end()] if match.end() < len(text) else ""
    return before.isdigit() or after.isdigit()
