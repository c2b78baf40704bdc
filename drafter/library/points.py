"""Cleaning learned points (the lead clauses of 一是……二是……) before they are offered as measures.

A point learned from a real report may carry what belongs to that report only: a placeholder
(XX, **), a year, a document title (《…》), the unit's or a place's name, a period word
(上半年), a campaign or event of its year (党纪学习教育, drafter.library.campaigns); or it may
be only half a sentence (通过……, ……的基础上). `check_point` generalises what can be generalised
(按照《…》 and years are dropped, 开展了 → 开展) and drops the rest, saying why; `learn` keeps the
cleaned text, `learn -v` lists what was dropped; the authored banks load under the same rules.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from drafter.domain import MEASURE_WORD, has_figure, unit_mentions
from drafter.library.campaigns import names_campaign
from drafter.library.sayable import clauses, first_unpaired, mend_de, sentences

if TYPE_CHECKING:
    from drafter.domain import Office

MAX_POINT = 30
MAX_OWN_DETAIL = 120  # characters of an office's own detail of a point (the bank's: 60)
MAX_OWN_SENTENCE = 50  # characters of an office's problem or plan said as one sentence (……，……有待加强)
MIN_POINT = 6  # 动员部署, 高标准谋划: a stage's name or a fragment, not a measure to offer

# Predicates of a measure: the main verb of a verb-object clause. Two characters or more, so a
# character inside a noun (建 in 党建) never counts; 办实事 and 讲党课 stand for 办 and 讲.
MEASURE_VERBS = (
    "加强", "强化", "深化", "落实", "推进", "推动", "开展", "组织", "召开", "举办", "举行", "坚持",
    "健全", "完善", "建立", "规范", "严格", "抓好", "抓实", "抓牢", "抓细", "做好", "做实", "做细",
    "提升", "提高", "发挥", "压实", "压紧", "筑牢", "夯实", "聚焦", "打造", "培育", "创建", "引导",
    "教育", "关心", "关爱", "服务", "执行", "贯彻", "宣传", "讲授", "讲好", "讲党课", "办好",
    "办实事", "发展", "吸收", "培养", "选树", "树立", "营造", "守牢", "守住", "把好", "把准", "把握",
    "掌握", "加大", "拓展", "拓宽", "创新", "丰富", "改进", "整治", "纠治", "整改", "检视", "查摆",
    "排查", "防范", "化解", "研判", "监督", "督促", "检查", "考核", "评议", "走访", "慰问", "结对",
    "帮扶", "参与", "构建", "优化", "统筹", "融入", "促进", "保障", "确保", "实施", "制定", "修订",
    "梳理", "建强", "配齐", "配强", "突出", "锤炼", "涵养", "弘扬", "传承", "践行", "激发", "激励",
    "调动", "带动", "引领", "增强", "巩固", "扩大", "成立", "增设", "设立", "搭建", "收缴", "用好",
    "用活", "推行", "推广", "总结", "提炼", "挖掘", "分析", "研究", "部署", "谋划", "调整", "完成",
    "办理", "解决", "回应", "倾听", "征求", "听取", "畅通", "加快", "注重", "严肃", "严明", "严守",
    "遵守", "动员", "落细", "精简", "减轻", "列入", "纳入", "运用", "指导", "督导", "培训", "选派",
    "配备", "严把", "提醒", "通报", "查处", "问责", "约谈", "开设", "设置", "对接", "共建", "对标",
    "捍卫", "维护", "领会", "推出", "编发", "报送", "发布", "压减", "管好", "管住", "守好", "织密",
    "健全完善", "建设", "管理", "凝聚", "联系", "发动", "团结", "评选", "表彰", "缴纳", "严格执行",
    "紧盯", "担当", "领悟", "接受", "支持", "配合", "建好", "组建", "破解", "攻坚", "争当", "争做", "赓续", "做到",
)
# Predicates of a diagnosis (存在问题): 还不够, 有待加强.
DIAGNOSIS_WORDS = (
    "不够", "不足", "有待", "需要", "亟需", "亟待", "欠缺", "缺乏", "薄弱", "不强", "不高", "不深",
    "不实", "不到位", "不充分", "不明显", "不严", "不细", "不平衡", "不紧", "存在", "还需", "差距",
    "偏少", "偏弱", "偏软", "偏宽", "滞后", "单一", "不多", "较少", "较弱", "不规范", "不及时",
    "不全面", "不完善", "不健全", "不够高", "不大", "难以",
)
_PLACEHOLDER = re.compile(
    r"\*+|＊+|[Xx]{2,}|[×Ｘ]{2,}|某某|…|\.{3,}|_{2,}|○{2,}|□|（\s*）|\(\s*\)|“\s*”|《\s*》"
)
_YEAR = re.compile(
    r"(?:19|20)\d{2}(?:\s*[-—－~～至到]\s*(?:19|20)?\d{2})?\s*年(度)?|[〇零一二三四五六七八九]{4}年(度)?"
)
# A document named as what a measure follows: 按照《…》(的)要求 — the clause stands without it.
_DOCUMENT_ADJUNCT = re.compile(
    r"(?:按照|根据|依据|对照|围绕|结合|贯彻|落实)《[^》]*》(?:的)?(?:要求|精神|部署|规定|安排)?"
)
_PLACE = re.compile(
    r"([我全本])([省市区县州镇乡])|(?:([省市区县州])|自治区)(?:委|政府|直|级|属|人大|政协)|党中央、省"
)
_LEADING_TIME = (
    "今年以来", "今年来", "一年来", "半年来", "上半年以来", "上半年", "下半年", "今年", "全年",
    "年初", "年内", "年底", "截至目前", "截止目前", "目前", "近年来", "去年", "明年", "新的一年",
)
_FRAGMENT_ENDINGS = (
    "的基础上", "的同时", "之际", "过程中", "期间", "方面", "等形式", "等方式", "等途径", "之中",
)
# Prepositions that open an adverbial (通过……, 结合……): a main verb must follow their object.
_OPENERS = re.compile(
    r"通过|结合|按照|根据|依据|依托|借助|围绕|对照|针对|随着|经过|本着|紧扣|在|以|为|将"
)
_PURPOSE = re.compile(r"^为了?(?:进一步|更好地?|切实|全面|有效|确保)?")
_QUOTED = re.compile(r"“[^”]*”|‘[^’]*’|「[^」]*」|《[^》]*》")
_CJK_RUN = re.compile(r"[\u4e00-\u9fff]+")
_NOT_CHINESE = re.compile(r"[^\u4e00-\u9fff]")
_END_PUNCT = "。；，、：:;,.！!？? \u3000"


def _alternation(words: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile("|".join(sorted(map(re.escape, words), key=len, reverse=True)))


_VERB = _alternation(MEASURE_VERBS)
_PREDICATE = _alternation(MEASURE_VERBS + DIAGNOSIS_WORDS)
_VERB_LE = re.compile(f"({_VERB.pattern})了(?!解)")


@dataclass(frozen=True)
class CleanedPoint:
    """A learned point as it may be offered (`text`, None when dropped) and why it was changed."""

    text: str | None
    reason: str  # why dropped, or what was generalised ("" when kept as it is)


def clean_point(text: str, office: Office | None = None, limit: int = MAX_POINT) -> str | None:
    """The point as it may be offered, generalised where needed; None when it must be dropped.
    With `office`, the point was learned from that office's own reports (see `check_point`)."""
    return check_point(text, office, limit).text


def check_point(text: str, office: Office | None = None, limit: int = MAX_POINT) -> CleanedPoint:
    """Generalise a learned point (文件名、年份、时间词、“了”) or drop it, with the reason.

    A point of the office's own reports (`office` given) may name the office itself and its
    superior bodies (组织县市场监管局全体党员……, 落实县委部署): it is offered to that office only.
    Another unit it names (市发改委) still drops it."""
    point = chinese_quotes(text.strip()).rstrip(_END_PUNCT)
    if m := _placeholder(point, office):
        return CleanedPoint(None, f"含占位符“{m.group()}”")
    if unpaired := first_unpaired(point):
        return CleanedPoint(None, f"“{unpaired[1]}”不成对")
    if office is not None and names_campaign(point):  # the work of its report's year only
        return CleanedPoint(None, "说的是有年份的专项活动或事件")
    changes = []
    if (m := _DOCUMENT_ADJUNCT.search(point)) and len(point) > len(m.group()) + 2:
        point = point.replace(m.group(), "", 1)
        changes.append(f"去掉文件名“{m.group()}”")
    point, n = _YEAR.subn(lambda y: "年度" if y.start() and (y.group(1) or y.group(2)) else "", point)
    point = point.lstrip("，、 ")
    if n:
        changes.append("去掉年份")
    point, word = _without_leading_time(point, keep=3)
    if word:
        changes.append(f"去掉时间词“{word}”")
    point, n = _VERB_LE.subn(r"\1", point)
    if n:
        changes.append("去掉“了”")
    if (mended := mend_de(point)) != point:
        point = mended
        changes.append("改正的/得/地")
    problem = plain_text_problem(point, limit, office) or main_verb_problem(point, diagnosis=True)
    if not problem and len(point) < MIN_POINT:
        problem = f"不足{MIN_POINT}字，像阶段名或片段（{point}），不是一条完整的做法"
    if problem:
        return CleanedPoint(None, problem)
    return CleanedPoint(point, "，".join(changes))


# A clause's closing tally: the figure of the activity the clause ends with (……开展主题党日12次,
# 召开党组会议、专题会议各8次).
_TALLY = re.compile(r"(?:共|各|累计|共计|合计)?[0-9０-９]+(?:\.[0-9]+)?(?:余|多)?" + MEASURE_WORD + "$")
# What a figure may follow when it is a result, not a tally: 完成率达到100%, 参学率为95.
_RESULT_BEFORE = ("达到", "达", "为", "超过", "占", "至", "约", "近", "率", "共", "累计", "每")
MIN_QUALIFIED = 12  # characters a clause keeps without its tally: it says how (围绕……开展主题党日)
_PERIOD_WORD = re.compile("|".join((*_LEADING_TIME, "年度", "本年", "当年", "去年", "明年")))
# A clause that only links (另外，……): it has nothing to say once the clause after it is gone.
_CONNECTIVE = re.compile(r"(?:另外|此外|同时|与此同时|其次|然后|最后|首先|因此|所以|为此|对此|另一方面)")
# A clause that adds to or follows from the action before it (并开展……, 从而……, 形成良好局面):
# without that action it has no subject. 并 alone is dropped, the rest of its clause kept.
_AND = re.compile(r"^(?:并且|并)(?=[\u4e00-\u9fff“])")
_FOLLOWS = re.compile(r"^(?:从而|进而|以此|使得|使|让|促使|形成|确保|以便|带动|取得)")
# A clause that speaks of the one before it (其余同志……, 其中……): gone with it.
_REFERS = re.compile(r"^(?:其余|其他|其中|其|这些|此举|上述|以上|该)")
# How an adverbial clause opens (通过活动的开展, 按照规定和程序, 在元旦、春节等节假日前): with no
# verb of its own after it, the clause frames the one after it and cannot end a sentence.
_FRAME = re.compile(
    r"^(?:通过|经过|按照|依照|根据|依据|结合|围绕|对照|本着|为了|随着|针对|借助|依托"
    r"|在(?=.*(?:中|前|后|下|上|期间|之际|时|以来)$))"
)


def clean_detail(text: str, office: Office, limit: int | None = MAX_OWN_DETAIL) -> str:
    """How an office's own report went on after a point's lead, as it may be offered to that
    office again: a clause's opening time word is dropped (年初制定…… → 制定……), a clause that
    says how the work was done keeps it without last period's tally (`without_tally`), and the
    clauses that state last period's figures, years or other period words (全年召开支委会12次),
    name another unit, hold a placeholder or a quote without its partner are left out — with
    what cannot stand without them (`_whole`) — and at most `limit` characters are kept (None:
    all), ending at a clause; "" when nothing is left. 的/得/地 slips are mended."""
    kept: list[str] = []
    for sentence in sentences(chinese_quotes(text.strip())):
        pieces = [_clean_clause(c, office) for c in clauses(sentence)]
        cut = limit is not None and _cut_at_limit(pieces, len("".join(kept)), limit)
        if said := _whole(pieces):
            end = sentence.rstrip()[-1:]
            kept.append("".join(said).rstrip(_END_PUNCT) + (end if end in "。！？" else "，"))
        if cut:
            break
    return "".join(kept).rstrip(_END_PUNCT)


def _cut_at_limit(pieces: list[str | None], before: int, limit: int) -> bool:
    """Leave out the clauses from the first that would take the detail past `limit` characters
    (`before` are said already); whether any was."""
    total = before
    for i, piece in enumerate(pieces):
        total += len(piece or "")
        if piece is not None and total > limit:
            pieces[i:] = [None] * (len(pieces) - i)
            return True
    return False


def _clean_clause(clause: str, office: Office) -> str | None:
    """One clause of an office's own text as it may be said again (with its mark), or None."""
    piece, _ = _without_leading_time(clause.strip(), keep=4)
    body = piece.rstrip(_END_PUNCT)
    if body and (bare := without_tally(body)) != body:
        piece, body = piece.replace(body, bare, 1), bare
    if not body or has_figure(body) or _PERIOD_WORD.search(body):
        return None
    if _name_in(body, office) or _placeholder(body, office) or "《" in body or "》" in body:
        return None
    return None if first_unpaired(body) or names_campaign(body) else mend_de(piece)


def _whole(pieces: Sequence[str | None]) -> list[str]:
    """The clauses kept of a sentence (None: left out) without those that cannot stand once
    others are gone: a linking word whose clause is gone (另外，), a consequence with no other
    clause kept before it (形成良好的工作局面), an adverbial the sentence ends with (……，通过活动
    的开展); the 并 of a clause that has none before it any more. A sentence left with
    adverbials only is left out whole. A sentence that lost nothing is kept as it is."""
    if None not in pieces:
        return [p for p in pieces if p]
    out: list[str] = []
    said = False  # a clause that is more than an adverbial is kept
    for i, piece in enumerate(pieces):
        if piece is None:
            continue
        body = piece.rstrip(_END_PUNCT)
        if _CONNECTIVE.fullmatch(body):
            if i + 1 < len(pieces) and pieces[i + 1] is not None:
                out.append(piece)
            continue
        if (not said and _FOLLOWS.match(body)) or (i and pieces[i - 1] is None and _REFERS.match(body)):
            continue
        if not said and (m := _AND.match(body)):
            piece, body = piece[m.end():], body[m.end():]
        out.append(piece)
        said = said or not _frame(body)
    while out and (_CONNECTIVE.fullmatch(last := out[-1].rstrip(_END_PUNCT)) or _frame(last)):
        out.pop()
    return out if said else []


MIN_PROSE_SENTENCE = 8  # characters a sentence of an office's prose keeps to be said again


def clean_prose(paragraph: str, office: Office) -> str:
    """A paragraph of an office's own prose (支部坚持每月……开展集中学习。在汛期前……) as it may
    be said again: each sentence cleaned as a detail is (`clean_detail`, whole), those shorter
    than MIN_PROSE_SENTENCE characters or left with under half their clauses dropped ("" if all)."""
    said = [(clean_detail(s, office, limit=None), s) for s in sentences(paragraph.strip())]
    return "".join(f"{s}。" for s, whole in said
                   if len(s) >= MIN_PROSE_SENTENCE and 2 * len(clauses(s)) >= len(clauses(whole)))


# Two-character words every detail may use: sharing one of them does not make two details alike.
_COMMON_PAIRS = frozenset(("党员", "支部", "工作", "组织", "开展", "干部", "群众", "学习", "党建"))


def join_details(details: Sequence[str]) -> str:
    """One detail from what several reports said of a point, in order: each that shares no
    two-character word but the commonest (`_COMMON_PAIRS`) with those kept — so it tells
    something new, not the same thing reworded (在防火紧要期…… / ……防火关键期……) — is added after
    a comma while the whole stays within MAX_OWN_DETAIL characters."""
    kept: list[str] = []
    for detail in details:
        if not says_new(detail, kept):
            continue
        if kept and len("，".join([*kept, detail])) > MAX_OWN_DETAIL:
            continue
        kept.append(detail)
    return "，".join(kept)


SIMILAR = 0.6  # Dice coefficient of character pairs above which two items say the same thing


def similar(a: str, b: str) -> bool:
    """Nearly the same words: the Dice coefficient of their character pairs is SIMILAR or more
    (compare `chinese_only` texts: 一线党员参加组织生活的时间难以保证 and 部分党员长期在林区一线，
    参加集中组织生活的时间难以保证 are one problem)."""
    pairs_a = {a[i : i + 2] for i in range(len(a) - 1)}
    pairs_b = {b[i : i + 2] for i in range(len(b) - 1)}
    if not pairs_a or not pairs_b:
        return a == b
    return 2 * len(pairs_a & pairs_b) / (len(pairs_a) + len(pairs_b)) >= SIMILAR


def chinese_only(text: str) -> str:
    """The Chinese characters of a text, as `similar` compares them."""
    return _NOT_CHINESE.sub("", text)


def says_new(detail: str, said: Iterable[str]) -> bool:
    """Whether `detail` shares no two-character word but the commonest with any of `said`."""
    pairs = _pairs(detail)
    return not any(pairs & _pairs(other) for other in said)


def _pairs(text: str) -> set[str]:
    """The adjacent pairs of Chinese characters of `text`, but the commonest words."""
    return {
        segment[i : i + 2] for segment in _CJK_RUN.findall(text) for i in range(len(segment) - 1)
    } - _COMMON_PAIRS


def chinese_quotes(text: str) -> str:
    """Straight double quotes in pairs made Chinese ones ("看病钱" → “看病钱”): an office's text
    typed with the wrong quotes is said again with the right ones. Unpaired ones are left."""
    if text.count('"') % 2:
        return text
    parts = text.split('"')
    return "".join(p + ("“" if i % 2 == 0 else "”") for i, p in enumerate(parts[:-1])) + parts[-1]


# The formula an opening ends with, which says nothing of the work: 现将……总结如下.
_FORMULA = re.compile(r"^(?:现将|现就|现把|下面将|下面就|特此)")


def clean_opening(paragraphs: Sequence[str], office: Office) -> list[str]:
    """An office's opening as it may open this period's report: its sentences without those
    that state last period's figures (党员人数, 获评……的年份 are that year's; the years a sentence
    names are moved when it is used), placeholders, document titles, another unit's name or a
    quote without its partner; straight quotes made Chinese ones, 的/得/地 slips mended. Nothing
    when only the formula is left (现将……总结如下): the kind's form opens better than that alone."""
    kept = []
    for paragraph in paragraphs:
        kept_sentences = [
            s for s in sentences(chinese_quotes(paragraph.strip()))
            if not has_figure(_YEAR.sub("", s))
            and not (_placeholder(s, office) or "《" in s or _name_in(s, office) or first_unpaired(s))
        ]
        if kept_sentences:
            kept.append(mend_de("".join(kept_sentences).strip()))
    return kept if any(not _FORMULA.match(s) for p in kept for s in sentences(p)) else []


def _frame(clause: str) -> bool:
    """Whether a clause is only an adverbial: it ends as one (……之际, 妇委会方面), or no verb
    follows its opening word (`_FRAME`) but those made nouns — after 的 (通过活动的开展) or in a
    list (围绕工程招投标、经营权管理等关键环节); 围绕……开展主题党日 has its own."""
    if clause.endswith(_FRAGMENT_ENDINGS):
        return True
    if not (m := _FRAME.match(clause)):
        return False
    rest = _QUOTED.sub(lambda q: "“" + "|" * (len(q.group()) - 2) + "”", clause[m.end():])
    return not any(
        rest[v.start() - 1 : v.start()] not in ("的", "、") and rest[v.end() : v.end() + 1] not in ("等", "、")
        for v in _VERB.finditer(rest) if v.start()
    )


def without_tally(clause: str) -> str:
    """A clause without the tally it closes with, when what is left still says how the work was
    done (围绕植树造林、森林防火宣传开展主题党日12次 → ……开展主题党日): the figure was last
    period's, the work stands, and this period's figure folds back in where the clause ends with
    its activity (drafter.composing). A clause that is only the tally (开展集中学习12次), a
    result (完成率达到100%) or that holds another figure is returned as it is (and left out)."""
    tally = _TALLY.search(clause)
    if tally is None:
        return clause
    rest = clause[: tally.start()]
    if len(rest) < MIN_QUALIFIED or has_figure(rest) or rest.endswith(_RESULT_BEFORE):
        return clause
    return rest


def _without_leading_time(clause: str, keep: int) -> tuple[str, str]:
    """A clause without the time word it opens with, and that word ("" when none, or when
    fewer than `keep` characters would be left): 年初支部书记与支委逐一谈话 → 支部书记与支委
    逐一谈话 — the work stands for this period too."""
    for word in _LEADING_TIME:
        if clause.startswith(word) and len(clause) >= len(word) + keep:
            return clause[len(word):].lstrip("，、 "), word
    return clause, ""


def plain_text_problem(text: str, limit: int = MAX_POINT, office: Office | None = None) -> str:
    """What makes a text unfit to offer to every unit ("" when nothing does).

    Placeholders, years, document titles, names of units or places, and more than `limit`
    characters. With `office`, the text is offered to that office alone: its own name, its
    superior bodies and the places of its level (全县, 县委 for a county office) are no problem.
    """
    if m := _placeholder(text, office):
        return f"含占位符“{m.group()}”"
    if m := _YEAR.search(text):
        return f"含年份“{m.group()}”"
    if "《" in text or "》" in text:
        return "含文件名（《…》）"
    if name := _name_in(text, office):
        return f"含单位或地名“{name}”" if office is None else f"含其他单位或地名“{name}”"
    if len(text) > limit:
        return f"超过{limit}字（{len(text)}字）"
    return ""


_NAME_PLACEHOLDER = ("某某", "XX", "xx", "××")  # what stands for a place in a fictional unit's name


def _placeholder(text: str, office: Office | None) -> re.Match[str] | None:
    """The first placeholder in `text`; with `office`, not the one its own or a superior
    body's name opens with (某某县林业局 is the office's name as the reports give it)."""
    if office is not None:
        for m in sorted(unit_mentions(text), key=lambda m: -m.start):
            if office.is_own(m) or office.is_superior(m):
                start = m.start - 2 if text[: m.start].endswith(_NAME_PLACEHOLDER) else m.start
                text = text[:start] + "单" * (m.end - start) + text[m.end :]
    return _PLACEHOLDER.search(text)


def _name_in(text: str, office: Office | None) -> str:
    """The first name of a unit or place in `text` ("" when none); with `office`, the first
    that is not the office's own, a superior body's or a place of its level."""
    found = [
        (m.start, m.text) for m in unit_mentions(text)
        if office is None or not (office.is_own(m) or office.is_superior(m))
    ]
    found += [
        (m.start(), m.group()) for m in _PLACE.finditer(text) if office is None or not _fits(m, office)
    ]
    return min(found)[1] if found else ""


def _fits(place: re.Match[str], office: Office) -> bool:
    """Whether a place word of `_PLACE` fits the office (全县, 我县, 县委 for a county office)."""
    if place.group(2):
        return office.allows_place(place.group(2), self_reference=place.group(1) != "全")
    return bool(place.group(3)) and office.allows_place(place.group(3), self_reference=False)


def main_verb_problem(text: str, *, diagnosis: bool = False) -> str:
    """Why a text is not a complete clause ("" when it is): no main verb, or only an adverbial.

    With `diagnosis`, a diagnosis (还不够, 有待加强) counts as a predicate too.
    """
    words = _PREDICATE if diagnosis else _VERB
    masked = _QUOTED.sub(lambda m: "“" + "|" * (len(m.group()) - 2) + "”", text)
    if ending := next((e for e in _FRAGMENT_ENDINGS if masked.endswith(e)), ""):
        return f"以“{ending}”结尾，是半句话"
    starts = [m.start() for m in words.finditer(masked)]
    if not starts:
        return "没有谓语动词，不成句"
    if (m := _PURPOSE.match(masked)) and m.end() in starts:
        return "只是目的状语（“为……”），不成句"
    openers = _OPENERS.finditer(masked[:6])
    opener = next((o for o in openers if not any(s < o.start() for s in starts)), None)
    if opener and not any(s > opener.end() for s in starts):
        return f"只有状语（“{opener.group()}……”），缺少谓语"
    return ""


ODD_SHORT = 8  # characters: a learned point this short is a slogan or a coinage unless its words are known
_ODD_RUN = 4  # characters in a row that no known word covers: a word of the point the trade does not use


def odd_coinage(text: str, vocabulary: frozenset[str]) -> str:
    """Why a short learned point reads as an odd coinage ("" when it does not): four characters
    in a row that no two-character word of `vocabulary` covers (激发蓄能功能: 蓄能功能). Longer
    points carry their own context and are not judged; quoted names (“…”) are names."""
    point = _QUOTED.sub("", text)
    if len(point) > ODD_SHORT:
        return ""
    covered = [False] * len(point)
    for i in range(len(point) - 1):
        if point[i : i + 2] in vocabulary:
            covered[i] = covered[i + 1] = True
    run = 0
    for i, ok in enumerate(covered):
        run = 0 if ok else run + 1
        if run >= _ODD_RUN:
            return f"“{point[i - run + 1 : i + 1]}”不是党建工作的常用说法，像生造的词"
    return ""


def words_of(texts: Iterable[str]) -> frozenset[str]:
    """The two-character words of `texts` (every adjacent pair of Chinese characters) together
    with the predicates above: the vocabulary `odd_coinage` judges against."""
    pairs = {w for w in (*MEASURE_VERBS, *DIAGNOSIS_WORDS) if len(w) == 2}
    for text in (*texts, *MEASURE_VERBS, *DIAGNOSIS_WORDS):
        for segment in _CJK_RUN.findall(text):
            pairs.update(segment[i : i + 2] for i in range(len(segment) - 1))
    return frozenset(pairs)


# Bodies a 党支部 or 党总支 does not have: a text naming them was learned from another unit.
_ABOVE_BRANCH = ("党组", "中心组", "党委")
_BRANCH_LEVEL = ("branch", "general_branch")


def beyond_organisation(text: str, organisation: str | None) -> bool:
    """Whether a learned text speaks of bodies this organisation does not have (党组, 中心组 in a
    党支部's report): such a heading or point came from another kind of unit."""
    return organisation in _BRANCH_LEVEL and any(word in text for word in _ABOVE_BRANCH)
