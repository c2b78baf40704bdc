"""Numeric facts in report prose: "开展集中学习82次、专题研讨6次" → 集中学习 82 次, 专题研讨 6 次.

A learned fact becomes a number question in the wizard and a phrase in the drafted text
("累计集中学习12次"), so its key must read as a short activity name. The key is the Chinese run
just before the number, cut at punctuation, stripped of fillers (截至目前, 累计, 共…) and of any
subject before a generic verb (各支部开展学习 → 学习). When the run is a bare verb ("撰写了8篇
调研报告", "发放300元慰问金") the noun after the measure word completes it; when nothing usable
precedes the number ("其中1篇调研报告") that noun is the key.

Only Arabic digits count: Chinese numerals in reports are nearly always slogans (三会一课,
两个维护), not counts. Dates, durations, ranges, percentages, ordinals, formulas (1+N+4),
document numbers and anything inside 《》 are ignored.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from drafter.domain import MEASURE_WORDS
from drafter.library import Fact

# After 个 these make a duration, not a count: 3个月, 4个季度.
DURATIONS = ("月", "季度", "工作日", "星期", "年")
# Time words a run may start with when a date number precedes it: 2023年6月用餐次数 → 用餐次数.
TIME_WORDS = ("月份", "季度", "年度", "年", "月", "日", "号")
# Leading words that say when/how much, not what: dropped from the front of a key, repeatedly.
LEADING_FILLERS = (
    "截至目前", "截止目前", "截至", "截止", "目前", "至今", "今年以来", "今年来", "一年来",
    "半年来", "今年", "上半年", "下半年", "全年", "年内", "本年度", "年度", "累计", "共计", "总计",
    "合计", "共",
    "先后", "已经", "已", "其中", "另外", "此外", "同时", "并", "还", "均", "分别", "各类", "各项",
    "各", "又", "再", "及时", "积极", "认真", "深入", "扎实", "持续", "定期", "每月", "每季度",
    "每年", "每人", "新",
)
# Trailing words between the activity and the number: "谈话会议共5次", "用餐次数累计86747次".
TRAILING_FILLERS = ("累计", "共计", "总计", "合计", "超过", "共", "各", "近", "约", "逾")
# A run ending with one of these has its counted thing after the number: 撰写了8篇…, 分解我市50项….
OBJECT_FOLLOWS = ("了", "我市", "我局", "我委", "我中心", "全市", "全局")
# A short run opening with one of these is a prepositional phrase (为48名消杀人员, 对原23项制度):
# the count belongs to the noun after the measure word.
PREPOSITIONS = ("为", "对", "向", "给", "把", "将")
# Generic verbs: what follows the last of them is the activity (召开支委会 → 支委会), so
# 开展集中学习 and 组织集中学习 share the key 集中学习. 组织生活会 is a noun, not 组织 + 生活会.
_GENERIC_VERB = re.compile(r"组织开展|开展|组织(?!生活|委员|部)|召开|举办|举行|进行")
# Where an over-long key may start: an activity word, or just after a subject word.
CUT_BEFORE = (
    "集中", "集体", "专题", "分析", "研究", "撰写", "签订", "发放", "谈话", "走访", "设置", "建立",
    "成立", "编制", "制定", "完成", "自查",
)
CUT_AFTER = ("中心", "支部", "党组", "机关", "单位", "干部", "职工")
# Words that end the noun run read after a measure word ("8篇调研报告被列为……").
_OBJECT_STOP = re.compile(
    r"被|获|送|参加|参与|开展|发放|签订|完成|按期|分别|进行|每人|全面|定期|推动|提供"
    r"|对(?![策象接标照])|为(?!民)|在|并|和"
)
QUALIFIERS_AFTER = ("余", "多")
QUALIFIERS_BEFORE = ("近", "约", "逾", "超过")
MAX_KEY = 10
MAX_OBJECT = 8
# The most characters read on either side of a number: keys come from the few characters
# nearest it, and the bound keeps the work per number constant however long the text.
MAX_RUN = 100
# Texts whose mentions are kept (see find_mentions): more than a report has sections.
MENTION_CACHE = 64
# The longest 《…》 masked as a book title: an unclosed 《 costs at most this much to reject.
MAX_BOOK_TITLE = 200

_FULLWIDTH_DIGITS = str.maketrans("０１２３４５６７８９．", "0123456789.")
_NUMBER = re.compile(r"\d+(?:\.\d+)?")
_UNIT = re.compile("|".join(map(re.escape, MEASURE_WORDS)))  # tried in order: 人次 before 人
_QUOTE_PAIRS = {"“": "”", "‘": "’", "「": "」", "『": "』"}
_QUOTES = "".join(_QUOTE_PAIRS) + "".join(_QUOTE_PAIRS.values())
_LEADING_RUN = re.compile(rf"[\u4e00-\u9fff{_QUOTES}]*")
_QUOTED = re.compile(r"“[^”]*”|‘[^’]*’|「[^」]*」|『[^』]*』")
_BOOK_TITLE = re.compile(rf"《[^》]{{0,{MAX_BOOK_TITLE}}}》|〈[^〉]{{0,{MAX_BOOK_TITLE}}}〉")
_RANGE_OR_FORMULA = re.compile(r"[-－—~～至到+＋]")
_PLACEHOLDER = re.compile(r"\*+|X{2,}|×{2,}")
# Clause breaks inside a run: the part after the last one is nearest the number
# (形成有价值的调研报告 → 调研报告; 科室等各类主题党日活动 → 各类主题党日活动). 了解 is a word.
_CLAUSE_BREAK = re.compile(r"的|了(?!解)|并|等")


@dataclass(frozen=True, slots=True)
class Mention:
    """One count found in a text: the activity key, the number, its unit and any qualifier."""

    key: str
    value: int | float
    unit: str
    qualifier: str  # 余 多 近 约 逾 超过, or ""
    start: int  # offset of the number in the text


def find_mentions(text: str) -> list[Mention]:
    """Every countable activity in `text`, in reading order.

    Linear in the length of `text`: each number is examined through positions in the one
    masked text, reading at most MAX_RUN characters on either side of it, never a copy of
    what precedes or follows it. The mentions of the last MENTION_CACHE texts are kept: an
    import asks three times for each section's text (its counts, and the facts of the outline
    learned from it).
    """
    return list(_mentions(text))


@lru_cache(maxsize=MENTION_CACHE)
def _mentions(text: str) -> tuple[Mention, ...]:
    text = _mask(text.translate(_FULLWIDTH_DIGITS))
    out: list[Mention] = []
    for m in _NUMBER.finditer(text):
        parsed = _parse_count(text, m)
        if parsed is None:
            continue
        value, unit, qualifier, after_unit = parsed
        start = m.start()
        qualifier = qualifier or next(
            (w for w in QUALIFIERS_BEFORE if text.endswith(w, 0, start)), ""
        )
        key = _key(text, start, after_unit)
        if key:
            out.append(Mention(key, value, unit, qualifier, start))
    return tuple(out)


MIN_OWN_KEY = 4  # characters of an office's own count: a verb and its object (举办读书班)


def extract_facts(text: str, source: str, *, with_verbs: bool = False) -> list[Fact]:
    """The distinct facts of `text` (first mention of each key and unit), sourced to `source`.

    `with_verbs` keeps the generic verb the report wrote before the activity (开展 of 开展食品安全
    专项检查36次): an office's own counts are asked and written with the office's verb; a key
    shorter than MIN_OWN_KEY characters (举办 of 全年举办6期, 难题 of ……等难题15个) names no
    activity to ask about and is left out."""
    seen: set[tuple[str, str]] = set()
    facts: list[Fact] = []
    for mention in find_mentions(text):
        key = _with_verb(text, mention) if with_verbs else mention.key
        if with_verbs and len(key) < MIN_OWN_KEY:
            continue
        if (key, mention.unit) in seen:
            continue
        seen.add((key, mention.unit))
        example = int(mention.value) if float(mention.value).is_integer() else None
        facts.append(Fact(key, mention.unit, [source], example))
    return facts


_VERB_BEFORE = re.compile(r"(?:组织开展|开展|组织|召开|举办|举行|进行)$")


def _with_verb(text: str, mention: Mention) -> str:
    """The mention's key with the generic verb written right before it, if one is."""
    at = text.rfind(mention.key, max(0, mention.start - MAX_RUN), mention.start)
    verb = _VERB_BEFORE.search(text, max(0, at - 4), at) if at > 0 else None
    return verb.group() + mention.key if verb else mention.key


def _mask(text: str) -> str:
    """Blank out book titles (numbers inside them are not counts) and placeholders (**, XX).

    Blanks are "|", punctuation to the key rules, so offsets stay put and a key never spans them.
    """
    text = _BOOK_TITLE.sub(lambda m: "《" + "|" * (len(m.group()) - 2) + "》", text)
    return _PLACEHOLDER.sub(lambda m: "|" * len(m.group()), text)


def _parse_count(text: str, m: re.Match[str]) -> tuple[int | float, str, str, int] | None:
    """(value, unit, qualifier, end of the unit) when the number at `m` is a count, else None."""
    start, end = m.span()
    if start and (text[start - 1] == "第" or _RANGE_OR_FORMULA.match(text, start - 1)):
        return None  # ordinal, range end or formula (1+N+4)
    if _RANGE_OR_FORMULA.match(text, end):
        return None  # range start: 1－8月份, 2022-2024
    qualifier = next((w for w in QUALIFIERS_AFTER if text.startswith(w, end)), "")
    pos = end + len(qualifier)
    unit_match = _UNIT.match(text, pos)
    if unit_match is None:
        return None  # 年, 月, %, 号, 〕…: not a count
    unit, tail = unit_match.group(), unit_match.end()
    if text.startswith("百分", tail) or (unit == "个" and text.startswith(DURATIONS, tail)):
        return None  # 5个百分点, 3个月
    number = m.group()
    value: int | float = float(number) if "." in number else int(number)
    return value, unit, qualifier, tail


def _key(text: str, start: int, after_unit: int) -> str:
    """The activity key of the number at `start` whose measure word ends at `after_unit`:
    from the run before the number and the noun after the measure word ("" if none)."""
    run = _strip_trailing(_trailing_run(text, start))
    marker = next((w for w in OBJECT_FOLLOWS if run.endswith(w)), "")
    run = _strip_leading(_CLAUSE_BREAK.split(run.removesuffix(marker) if marker else run)[-1])
    obj = _leading_object(text, after_unit)
    if len(run) < 2 or (run.startswith(PREPOSITIONS) and len(run) <= 3):
        run = obj or run
    elif marker or len(run) == 2:
        run = run[-2:] + obj  # a bare verb and its object: 发放 + 慰问金
    key = _shorten(_after_generic_verb(run))
    return key if len(key) >= 2 else ""


def _is_run_char(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff" or ch in _QUOTES


def _trailing_run(text: str, end: int) -> str:
    """The Chinese run (quotes kept) that ends at `end`, stopping at punctuation or digits.

    At most MAX_RUN characters are read. A run that starts right after a number loses the
    number's time word (2023年6月用餐次数), and a run that starts inside a quotation starts
    after its closing quote.
    """
    lowest = max(0, end - MAX_RUN)
    i = end
    while i > lowest and _is_run_char(text[i - 1]):
        i -= 1
    run = text[i:end]
    if i > 0 and text[i - 1].isdigit():
        word = next((w for w in TIME_WORDS + MEASURE_WORDS if run.startswith(w)), "")
        run = run[len(word):]
    return run[_unbalanced_close(run) :]


def _unbalanced_close(run: str) -> int:
    """Index just after the last closing quote that has no opening quote in `run`, else 0."""
    cut, open_quotes = 0, 0
    for i, ch in enumerate(run):
        if ch in _QUOTE_PAIRS:
            open_quotes += 1
        elif ch in _QUOTES:
            if open_quotes:
                open_quotes -= 1
            else:
                cut = i + 1
    return cut


def _leading_object(text: str, pos: int) -> str:
    """The noun run at `pos` (at most MAX_RUN characters), up to punctuation or a stop word,
    without quotes."""
    m = _LEADING_RUN.match(text, pos, pos + MAX_RUN)
    run = _unquote(m.group() if m else "")
    stop = next((s for s in _OBJECT_STOP.finditer(run) if s.start() > 0), None)
    run = run[: stop.start()] if stop else run
    return run.split("的")[-1][:MAX_OBJECT]


def _strip_leading(run: str) -> str:
    """Drop leading fillers (截至目前, 累计, 共…), but not when one character would remain."""
    changed = True
    while changed:
        changed = False
        for word in LEADING_FILLERS:
            if run.startswith(word) and len(run) - len(word) != 1:
                run, changed = run[len(word):], True
    return run


def _strip_trailing(run: str) -> str:
    """Drop trailing fillers between the activity and the number (累计, 共, 各…)."""
    changed = True
    while changed:
        changed = False
        for word in TRAILING_FILLERS:
            if run.endswith(word) and len(run) > len(word):
                run, changed = run[: -len(word)], True
    return run


def _after_generic_verb(run: str) -> str:
    """What follows the last generic verb if two characters do: 各支部开展学习 → 学习."""
    for m in reversed(list(_GENERIC_VERB.finditer(run))):
        if len(_unquote(run[m.end():])) >= 2:
            return run[m.end():]
    return run


def _unquote(run: str) -> str:
    return "".join(ch for ch in run if ch not in _QUOTES)


def _shorten(run: str) -> str:
    """Keep keys short: drop quoted names when too long, then start at an activity word."""
    if len(_unquote(run)) > MAX_KEY:
        without = _QUOTED.sub("", run)
        run = without if len(without) >= 2 else run
    run = _unquote(run)
    if len(run) > MAX_KEY:
        cuts = [run.find(w) for w in CUT_BEFORE] + [
            run.find(w) + len(w) for w in CUT_AFTER if w in run
        ]
        fitting = sorted(i for i in cuts if i > 0 and 2 <= len(run) - i <= MAX_KEY)
        if fitting:
            run = run[fitting[0]:]
    return run
