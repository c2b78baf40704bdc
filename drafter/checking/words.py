"""核稿 rules about wording: placeholders, punctuation, brackets, 的/得/地, other units and places.

Each rule is a function `(view, context) -> list[Finding]` over every line of the document. They
prefer precision to recall: a finding is something a 党务工作者 would agree needs checking, so
ambiguous forms (全局, 我所在…, a county report naming its city) are left alone. The rules of
written Chinese they share with the cleaning of an office's own text live in drafter.library.sayable.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from drafter.checking.findings import CJK_RANGE, CheckContext, Finding, Spot, View, is_cjk
from drafter.domain import Office, bare_name, title_unit, unit_mentions
from drafter.library import CLOSERS, MISUSES, PAIRS, first_unpaired
from drafter.library import placeholders as left_to_fill


# --- placeholders --------------------------------------------------------------------------------
def placeholders(view: View, _context: CheckContext) -> list[Finding]:
    """Text left to fill in: XX, **, ××, 20XX年, ____, □, empty （） or “”."""
    out = []
    for spot in view.texts():
        tokens = left_to_fill(spot.text)
        if not tokens:
            continue
        first = min((spot.text.find(t), t) for t in tokens)
        shown = "、".join(f"“{t}”" for t in dict.fromkeys(tokens))
        out.append(spot.finding(
            "placeholder", first[0], first[0] + len(first[1]),
            f"留有占位符{shown}。", "填上实际内容，或删去这部分文字。",
        ))
    return out


# --- half-width punctuation and brackets ----------------------------------------------------------
_HALF_WIDTH = {",": "，", ";": "；", ":": "：", "?": "？", "!": "！", "(": "（", ")": "）"}
_HALF_WIDTH_CHARS = re.compile(r"[,;:?!()]")
_STRAIGHT_QUOTE = re.compile('"')


def half_width(view: View, _context: CheckContext) -> list[Finding]:
    """Half-width , ; : ? ! ( ) next to Chinese text (not in 10:30, 1,000, English words)."""
    out = []
    for spot in view.texts():
        text = spot.text
        found = [i for i in _positions(_HALF_WIDTH_CHARS, text) if _in_chinese(text, i)]
        if found:
            chars = "".join(dict.fromkeys(spot.text[i] for i in found))
            fixed = "".join(_HALF_WIDTH[ch] for ch in chars)
            out.append(spot.finding(
                "half-width", found[0], found[0] + 1,
                f"中文里用了半角标点“{chars}”。", f"改为全角“{fixed}”。",
            ))
    return out


def _positions(pattern: re.Pattern[str], text: str) -> list[int]:
    return [m.start() for m in pattern.finditer(text)]


def _in_chinese(text: str, i: int) -> bool:
    """Whether the punctuation at `i` sits in Chinese text rather than in a number or English."""
    before = text[i - 1] if i else ""
    after = text[i + 1] if i + 1 < len(text) else ""
    if _ascii_word(before) and _ascii_word(after):
        return False
    return _chinese_side(before) or _chinese_side(after)


def _ascii_word(ch: str) -> bool:
    return ch.isascii() and (ch.isalnum() or ch in "/.-_%")


def _chinese_side(ch: str) -> bool:
    return bool(ch) and (is_cjk(ch) or ch in "，。；：、“”《》（）")


# Spaces between Chinese characters or between Chinese and a number (诉求 136 件): none in 公文.
_STRAY_SPACE = re.compile(
    r"(?<=[\u4e00-\u9fff]) +(?=[\u4e00-\u9fff\d])|(?<=\d) +(?=[\u4e00-\u9fff])"
)


def stray_spaces(view: View, _context: CheckContext) -> list[Finding]:
    """Half-width spaces inside Chinese body text (支部 组织, 诉求 136 件), as text pasted from
    the web brings them; spaces beside English words are left alone."""
    out = []
    for spot in view.paragraphs():
        if m := _STRAY_SPACE.search(spot.text):
            out.append(spot.finding(
                "stray-space", m.start(), m.end(), "中文里多了空格。",
                "删去空格：公文正文中汉字之间、汉字与数字之间不空格。",
            ))
    return out


def straight_quotes(view: View, _context: CheckContext) -> list[Finding]:
    """Straight quotes " in Chinese text, where “ ” belong."""
    out = []
    for spot in view.texts():
        found = [i for i in _positions(_STRAIGHT_QUOTE, spot.text) if _in_chinese(spot.text, i)]
        if found:
            out.append(spot.finding(
                "straight-quote", found[0], found[0] + 1,
                "中文里用了直引号“\"”。", "改为中文引号“”，前后成对。",
            ))
    return out


def unbalanced(view: View, _context: CheckContext) -> list[Finding]:
    """“ ” ‘ ’ （ ） 《 》 【 】 that do not pair up within one paragraph or heading."""
    out = []
    for spot in view.texts():
        problem = first_unpaired(spot.text)
        if problem is None:
            continue
        index, ch = problem
        if ch in PAIRS:
            partner, message = PAIRS[ch], f"“{ch}”没有对应的“{PAIRS[ch]}”。"
        else:
            partner, message = CLOSERS[ch], f"“{ch}”前面没有对应的“{CLOSERS[ch]}”。"
        fix = f"补上“{partner}”，或删去多余的“{ch}”。"
        out.append(spot.finding("unbalanced", index, index + 1, message, fix))
    return out


# --- 的/得/地 -----------------------------------------------------------------------------------
def de_de_di(view: View, _context: CheckContext) -> list[Finding]:
    """的/得/地 in common phrases where the usage is clearly wrong (落实的好 → 落实得好)."""
    out = []
    for spot in view.texts():
        for misuse in MISUSES:
            for m in misuse.pattern.finditer(spot.text):
                phrase = m.group()
                fixed = misuse.mended(phrase)
                out.append(spot.finding(
                    "de-de-di", m.start(), m.end(),
                    f"“{phrase}”中的“{misuse.wrong}”用错了。", f"改为“{fixed}”。",
                ))
    return out


# --- other units and places ----------------------------------------------------------------------
# The unit's own kind of organisation, from its name; self-references 我局/本中心 must match it.
_ORG_TYPES = (
    ("小学", "校"), ("中学", "校"), ("大学", "校"), ("学校", "校"), ("公司", "司"),
    ("中心", "中心"), ("委员会", "委"), ("办公室", "办"), ("局", "局"), ("委", "委"), ("办", "办"),
    ("馆", "馆"), ("院", "院"), ("厅", "厅"), ("校", "校"),
)
# 我局 · 本中心 · 我校: a self-reference (not 基本局面, 自我中心, 本办法).
_SELF_REF = re.compile(
    r"(?<![基根成资版样剧账课文日原读标书范脚副蓝手工底自敌忘唯])[我本]"
    r"(局|委|办(?!法|理|事)|中心|馆|院|厅|校|公司|司)"
)
_SELF_TYPE = {
    "局": "局", "委": "委", "办": "办", "中心": "中心", "馆": "馆", "院": "院", "厅": "厅",
    "校": "校", "公司": "司", "司": "司",
}
_OWN_PLACE = re.compile(rf"^(?:([{CJK_RANGE}]{{2,4}}?)(?=[省市县区镇乡]))?([省市县区镇乡])")
# A county's and a district's leading bodies: 县委 in a district's report was carried over.
_LEVEL_WORDS = re.compile(r"([县区])(?:委(?!员)|政府|直机关|纪委|人大|政协)")
_FUNCTION_CHARS = set("在到和与及向对经由按据将把为的了是从受于被同给、")
# A place name is taken as the two characters before 省/市/县/区, only where a word can start
# before them (到临江县, 、临江县, text start) and when no generic word follows (市场, 县委).
_SUFFIX = re.compile("[省市县区]")
_NOT_AFTER_PLACE = re.compile(
    r"委|政府|直|级|域|内|里|外|属|情|长|纪|人大|政协|各|的|场|民|值|容|面|井|郊|辖|总工会|工会|妇联"
    r"|团委|区|县|乡|城"
)
_BOUNDARY_CHARS = _FUNCTION_CHARS | set("赴至往去来自经帮助援及")
# One character before 区/市/县/省 that makes an ordinary word (社区, 城市, 全县, 节省), not a name.
_GENERIC_ONE = {
    "区": set(
        "社辖园景片校小城市郊山牧地新老灾库矿林街湾分专选战营厂院病禁误盲雷特边省苏学商全本我各该"
    ),
    "市": set("城都超股集菜上夜门全本我各该省县强大名"),
    "县": set("全本我各该郡区州市强大名"),
    "省": set("全本我各该外反节自内强大"),
}
# Two characters before the suffix that are not a place name (示范区, 全市, 文明城市 …).
_GENERIC_STEMS = {
    "示范", "开发", "保护", "试验", "实验", "功能", "责任", "先行", "自贸", "服务", "管理", "自治",
    "聚集", "集聚", "核心", "建成", "生活", "办公", "居住", "风景", "旅游", "工业", "产业", "经济",
    "高新", "保税", "行政", "商业", "住宅", "老城", "新城", "城乡", "沿海", "边远", "偏远", "贫困",
    "民族", "重点", "污染", "生态", "水源", "农村", "城镇", "革命", "中心", "主城", "全省", "全市",
    "全县", "全区", "本省", "本市", "本县", "本区", "各省", "各市", "各县", "各区", "地级", "县级",
    "省级", "市级", "区县", "县区", "省市", "市县", "城市", "都市", "国际", "文明", "卫生", "园林",
    "智慧", "宜居", "森林", "创新", "学习", "平安", "健康", "法治", "节水", "海绵", "韧性", "花园",
    "联合", "配合", "会同", "协同", "协助", "前往", "深入", "走进", "来到", "返回", "覆盖", "遍及",
    "全体", "强省", "大省",
}


@dataclass(frozen=True)
class OwnUnit:
    """What the report says about its own unit: kind of organisation, level and place name."""

    org: str | None  # 局, 中心, 校 …
    level: str | None  # 省, 市, 县, 区, 镇, 乡
    place: str | None  # the place name without its suffix: 某某 of 某某县


def own_unit(names: list[str]) -> OwnUnit:
    """The unit's kind, level and place from its names (unit answer, title unit, signature)."""
    org = level = place = None
    for name in names:
        name = bare_name(name)
        if org is None:
            org = next((t for suffix, t in _ORG_TYPES if name.endswith(suffix)), None)
        m = _OWN_PLACE.match(name)
        if m and level is None:
            level, place = m.group(2), m.group(1)
    return OwnUnit(org, level, place)


def own_names(view: View, context: CheckContext) -> list[str]:
    """The unit as the answers, the title (before its year) and the signature name it."""
    names = [context.unit] if context.unit else []
    if view.title:
        names.append(title_unit(view.title.text))
    names += [s.text for s in view.signature]
    return [n for n in names if n.strip()]


def own_unit_of(view: View, context: CheckContext) -> OwnUnit:
    """The unit's kind, level and place as the report names it (`own_names`)."""
    return own_unit(own_names(view, context))


def other_units(view: View, context: CheckContext) -> list[Finding]:
    """Self-references of another kind of unit (我局 in a 中心's report) and superiors of another
    level (区委 in a county's report): phrases carried in from a phrase bank or another report."""
    own = own_unit_of(view, context)
    spots = [s for s in view.texts() if s.path[0] != "落款"]
    refs = [(spot, m) for spot in spots for m in _SELF_REF.finditer(spot.text)]
    org = own.org or _majority_org(refs)
    out = []
    for spot, m in refs:
        kind = _SELF_TYPE[m.group(1)]
        if org is not None and kind != org:
            out.append(spot.finding(
                "other-unit", m.start(), m.end(),
                f"“{m.group()}”与本单位（{org}）不符，可能是从其他单位的材料中带入的。",
                f"改为本单位的自称（如“我{org}”“本{org}”），或核实后删去。",
            ))
    if own.level in ("县", "区"):
        wrong = "区" if own.level == "县" else "县"
        for spot in spots:
            for m in _LEVEL_WORDS.finditer(spot.text):
                if m.group(1) == wrong and _starts_word(spot.text, m.start()):
                    out.append(spot.finding(
                        "other-unit", m.start(), m.end(),
                        f"本单位在{own.level}一级，文中却出现“{m.group()}”。",
                        f"核实后改为“{own.level}{m.group()[1:]}”或相应的上级名称。",
                    ))
    return out


def _majority_org(refs: list[tuple[Spot, re.Match[str]]]) -> str | None:
    """Without the unit's name: the self-reference the report uses most, if at least twice."""
    counts: dict[str, int] = {}
    for _, m in refs:
        kind = _SELF_TYPE[m.group(1)]
        counts[kind] = counts.get(kind, 0) + 1
    ranked = sorted(counts.items(), key=lambda item: -item[1])
    if not ranked or ranked[0][1] < 2 or (len(ranked) > 1 and ranked[1][1] == ranked[0][1]):
        return None
    return ranked[0][0]


def _starts_word(text: str, i: int) -> bool:
    """Whether a word can start at `i`: text start, punctuation, or a function word before it."""
    return i == 0 or not is_cjk(text[i - 1]) or text[i - 1] in _FUNCTION_CHARS


def named_units(view: View, context: CheckContext) -> list[Finding]:
    """Units the report names that are neither the office nor a superior body (市发改委 in a
    市场监管局's report), when the library knows the office from its own reports (`office`)."""
    if not context.office:
        return []
    office = Office.of([*context.office, *own_names(view, context)])
    out = []
    for spot in view.texts():
        if spot.path[0] == "落款":
            continue
        for m in office.others(spot.text):
            out.append(spot.finding(
                "named-unit", m.start, m.end,
                f"“{m.text}”不是本单位（{office.names[0]}），也不是上级机关，可能是从其他单位的材料中带入的。",
                "核实后改为本单位的名称或删去；确是与该单位一起做的工作，可保留。",
            ))
    return out


def other_places(view: View, context: CheckContext) -> list[Finding]:
    """Named places of the unit's own level but another name (临江县 in 某某县's report); not the
    words before the unit's own name (组织县市场监管局全体党员: 组织 is no place)."""
    own = own_unit_of(view, context)
    if not own.place or own.level not in ("省", "市", "县", "区"):
        return []
    office = Office.of([*context.office, *own_names(view, context)])
    same_level = {own.level} | ({"县", "区"} if own.level in ("县", "区") else set())
    out = []
    for spot in view.texts():
        if spot.path[0] == "落款":
            continue
        text = spot.text
        own_at = {u.start for u in unit_mentions(text) if office.is_own(u)}
        for m in _SUFFIX.finditer(text, 2):
            i = m.start()
            if i in own_at:
                continue
            suffix, stem = text[i], text[i - 2:i]
            if suffix not in same_level or not _place_name(text, i, stem, suffix):
                continue
            if own.place.endswith(stem) or stem.endswith(own.place):
                continue
            out.append(spot.finding(
                "other-place", i - 2, i + 1,
                f"出现了其他地方“{stem}{suffix}”，本单位在“{own.place}{own.level}”。",
                "核实是否为从其他材料带入的地名；确属本单位工作涉及的，可保留。",
            ))
    return out


def _place_name(text: str, i: int, stem: str, suffix: str) -> bool:
    """Whether `stem` + the suffix at `i` reads as a place name rather than ordinary words."""
    if not all(is_cjk(ch) for ch in stem) or stem in _GENERIC_STEMS:
        return False
    if stem[1] in _GENERIC_ONE[suffix] or set(stem) & _FUNCTION_CHARS:
        return False
    if _NOT_AFTER_PLACE.match(text, i + 1):
        return False
    return i == 2 or not is_cjk(text[i - 3]) or text[i - 3] in _BOUNDARY_CHARS
