"""核稿 rules about structure: headings, enumerations, repetition and counts.

Each rule is a function `(view, context) -> list[Finding]`; see report-writing.md ("What gives a
draft away") for what they look for and why a reader notices it.
"""

from __future__ import annotations

import itertools
import re

from drafter.checking.findings import CheckContext, Finding, SectionView, Spot, View
from drafter.domain import from_chinese, point_ordinal
from drafter.learning import find_mentions

# --- headings ------------------------------------------------------------------------------------
_LABEL = re.compile(
    r"^(?:(?P<cn>[一二三四五六七八九十]{1,3})[、．.]"
    r"|[（(](?P<pcn>[一二三四五六七八九十]{1,3})[）)]"
    r"|(?P<ar>\d{1,2})[.．、]"
    r"|[（(](?P<par>\d{1,2})[）)])$"
)


def _label_number(label: str) -> tuple[str, int] | None:
    """(family, number) of a heading label such as 三、 （二） 4. （5）; None for —— and others."""
    m = _LABEL.match(label.strip())
    if not m or not m.lastgroup:
        return None
    digits = m.group(m.lastgroup)
    number = int(digits) if m.lastgroup in ("ar", "par") else from_chinese(digits)
    return (m.lastgroup, number) if number else None


def empty_body(view: View, _context: CheckContext) -> list[Finding]:
    """A report with no part at all: a title, an opening and a closing, nothing between."""
    spot = view.title
    if spot is None or view.sections or len(view.opening) > 2:
        return []
    return [spot.finding(
        "empty-body", 0, len(spot.text), "正文没有任何部分：只有标题、开头和结尾。",
        "回到问答填写各部分的做法、数字或正文（drafter new --answers 答案文件）。",
    )]


def empty_sections(view: View, _context: CheckContext) -> list[Finding]:
    """A heading with nothing under it: no paragraph and no sub-heading."""
    return [
        s.line.finding("empty-section", 0, len(s.line.text), f"标题“{s.heading.line}”下没有内容。",
                       "补写这一部分，或删去这个标题。")
        for s in view.sections
        if not s.paragraphs and not s.children
    ]


def heading_numbering(view: View, _context: CheckContext) -> list[Finding]:
    """Sibling headings that skip a number (一、二、四、), repeat one, or do not start at one."""
    out = []
    for siblings in [view.top] + [s.children for s in view.sections]:
        last: dict[tuple[int, str], tuple[int, str]] = {}
        for section in siblings:
            parsed = _label_number(section.heading.label)
            if parsed is None:
                continue
            family, number = parsed
            key = (section.heading.level, family)
            label = section.heading.label
            previous = last.get(key)
            last[key] = (number, label)
            if previous is None and number != 1:
                message = f"同级第一个标题的编号是“{label}”，没有从第一个编起。"
            elif previous is not None and number == previous[0]:
                message = f"编号重复：“{previous[1]}”之后又是“{label}”。"
            elif previous is not None and number != previous[0] + 1:
                message = f"编号不连续：“{previous[1]}”之后是“{label}”。"
            else:
                continue
            out.append(section.line.finding("heading-numbering", 0, len(section.line.text),
                                            message, "按顺序重新编号，或补上缺少的部分。"))
    return out


def heading_style(view: View, _context: CheckContext) -> list[Finding]:
    """Labels of one level written two ways (1. and 1、), or with half-width brackets (一)."""
    out = []
    for level, sections in _by_level(view.sections).items():
        shapes = [_shape(s.heading.label) for s in sections]
        half = next((s for s, shape in zip(sections, shapes, strict=True) if "(" in shape or ")" in shape), None)
        if half is not None:
            label = half.heading.label
            fixed = label.replace("(", "（").replace(")", "）")
            out.append(half.line.finding(
                "heading-style", 0, len(half.line.text),
                f"第{level}级标题编号“{label}”用了半角括号。", f"改为全角括号“{fixed}”，本级统一。",
            ))
        # Bracket width is reported above; here 1. against 1、 or （一） against 1.
        shapes = [shape.replace("(", "（").replace(")", "）") for shape in shapes]
        common = max(set(shapes), key=shapes.count)
        for section, shape in zip(sections, shapes, strict=True):
            if shape != common and shapes.count(shape) < shapes.count(common):
                out.append(section.line.finding(
                    "heading-style", 0, len(section.line.text),
                    f"第{level}级标题编号写法不一：这里是“{section.heading.label}”，本级多数是“{common}”的写法。",
                    "同一级标题统一编号写法。",
                ))
    return out


def _shape(label: str) -> str:
    """A label with its number normalised: 三、 → 一、, （12） → （1）."""
    return re.sub(r"\d+", "1", re.sub(r"[一二三四五六七八九十]+", "一", label.strip()))


def _by_level(sections: list[SectionView]) -> dict[int, list[SectionView]]:
    levels: dict[int, list[SectionView]] = {}
    for section in sections:
        levels.setdefault(section.heading.level, []).append(section)
    return levels


def heading_layout(view: View, _context: CheckContext) -> list[Finding]:
    """One heading level laid out two ways: some headings run into their text, some stand alone.

    Only headings with text of their own count: one with only sub-headings must stand alone.
    """
    out = []
    for level, sections in _by_level([s for s in view.sections if s.paragraphs]).items():
        run_in = [s for s in sections if s.run_in]
        alone = [s for s in sections if not s.run_in]
        if not run_in or not alone:
            continue
        tie = len(run_in) == len(alone)
        majority_run_in = len(run_in) > len(alone) or (tie and sections[0].run_in)
        odd = alone if majority_run_in else run_in
        way, usual = ("单独成行", "与正文连排") if majority_run_in else ("与正文连排", "单独成行")
        for section in odd:
            out.append(section.line.finding(
                "heading-layout", 0, len(section.line.text),
                f"第{level}级标题排法不一：这个标题{way}，本级其他标题{usual}。",
                "同一级标题统一排法：都单独成行，或都作段首标题与正文连排。",
            ))
    return out


# --- enumerations 一是……二是…… -----------------------------------------------------------------
_ORDINAL = re.compile(r"([一二三四五六七八九十]{1,3})是")
_CLOSE_MARKS = "”’」』）)】》 \u3000"


def _ordinals(group: list[Spot]) -> list[tuple[Spot, int, int, str]]:
    """Enumeration ordinals of one run of paragraphs: (spot, offset, number, separator before).

    An ordinal counts at a paragraph start or after 。；：！？ (so 统一是 never does); the
    separator is the punctuation that ends the text before it, looking into the paragraph before.
    """
    found = []
    previous_end = ""
    for spot in group:
        text = spot.text
        for m in _ORDINAL.finditer(text):
            head = text[:m.start()].rstrip(_CLOSE_MARKS)
            sep = head[-1:] if head else previous_end
            if head and sep not in "。；：！？;:!?":
                continue
            number = from_chinese(m.group(1))
            if number:
                found.append((spot, m.start(), number, sep))
        stripped = text.rstrip(_CLOSE_MARKS)
        previous_end = stripped[-1:] if stripped else previous_end
    return found


def _runs(found: list[tuple[Spot, int, int, str]]) -> list[list[tuple[Spot, int, int, str]]]:
    """Split ordinals into enumerations: a new one starts at every 一是."""
    runs: list[list[tuple[Spot, int, int, str]]] = []
    for item in found:
        if item[2] == 1 or not runs:
            runs.append([item])
        else:
            runs[-1].append(item)
    return runs


def enumerations(view: View, _context: CheckContext) -> list[Finding]:
    """A lone 一是, an enumeration that skips or repeats (一是…三是), one punctuated two ways."""
    out = []
    for group in view.body_groups():
        for run in _runs(_ordinals(group)):
            spot, start, number, _ = run[0]
            if number != 1:
                out.append(spot.finding(
                    "point-numbering", start, start + 2,
                    f"列举从“{point_ordinal(number)}”开始，前面没有“一是”。",
                    "补上前面的内容，或按顺序重新编排“一是、二是……”。",
                ))
            if len(run) == 1 and number == 1:
                out.append(spot.finding(
                    "lone-point", start, start + 2, "只有“一是”，没有“二是”。",
                    "只有一项时去掉“一是”直接陈述；或补上其他各项。",
                ))
            out += _numbering_gaps(run) + _mixed_separators(run)
    return out


def _numbering_gaps(run: list[tuple[Spot, int, int, str]]) -> list[Finding]:
    out = []
    for (_, _, before, _), (spot, start, number, _) in itertools.pairwise(run):
        if number != before + 1:
            kind = "重复" if number == before else "不连续"
            out.append(spot.finding(
                "point-numbering", start, start + len(point_ordinal(number)),
                f"列举编号{kind}：“{point_ordinal(before)}”之后是“{point_ordinal(number)}”。",
                "按“一是、二是、三是……”顺序编排。",
            ))
    return out


def _mixed_separators(run: list[tuple[Spot, int, int, str]]) -> list[Finding]:
    """一是……；二是……。三是…… : items separated by ； and by 。 in one list."""
    kinds = [("；" if sep in "；;" else "。") for _, _, _, sep in run[1:]]
    if len(set(kinds)) < 2:
        return []
    odd = next(i for i, k in enumerate(kinds) if k != kinds[0])
    spot, start, number, _ = run[1 + odd]
    return [spot.finding(
        "list-punctuation", start, start + len(point_ordinal(number)),
        "同一组列举的各项之间，有的用“；”隔开，有的用“。”隔开。",
        "统一为“一是……；二是……；三是……。”，或每项各自成句都用“。”。",
    )]


# --- repetition ----------------------------------------------------------------------------------
MIN_REPEATED_CHARS = 15  # shorter sentences (成效明显。) may well recur
MIN_REPEATED_FRAMING = 8  # a framing sentence ending in ：
MIN_REPEATED_HEADING = 4
SAME_OPENING_CHARS = 4  # two paragraphs in a row opening with this many equal characters
SAME_AFTER_SUBJECT = 2  # …or with the same subject and the same next word (支部坚持 / 支部坚持)
# A subject paragraphs may share: the unit or its members ("中心党支部严格… / 中心党支部注重…").
_SUBJECT = re.compile(
    r"^[^，。；：、]*?(?:党支部|支部|党总支|党委|党组|机关|中心|本人|我们|党员干部|全体党员)"
)
_SENTENCE = re.compile(r"[^。！？；：]+[。！？；：]?")
_LEADING_ORDINAL = re.compile(r"^\s*(?:[一二三四五六七八九十]{1,3}是|首先|其次|再次|最后)[，,]?")
_FRAMING_END = "：:"
_REPEATED = {True: ("repeated-framing", "引导句"), False: ("repeated-sentence", "句子")}


def repeated_sentences(view: View, _context: CheckContext) -> list[Finding]:
    """The same sentence, framing sentence (……：) or heading twice in one document."""
    out = []
    seen: dict[str, tuple[Spot, int]] = {}
    for spot in view.paragraphs():
        for m in _SENTENCE.finditer(spot.text):
            sentence = _LEADING_ORDINAL.sub("", m.group()).strip()
            framing = sentence[-1:] in _FRAMING_END
            core = sentence.rstrip("。！？；：:")
            if len(core) < (MIN_REPEATED_FRAMING if framing else MIN_REPEATED_CHARS):
                continue
            first, at = seen.setdefault(core, (spot, m.start()))
            if (first, at) != (spot, m.start()):
                rule, what = _REPEATED[framing]
                out.append(spot.finding(
                    rule, m.start(), m.end(), f"这个{what}在{_place(first)}已经出现过。",
                    "删去重复的一处，或换一种说法。",
                ))
    headings: dict[str, SectionView] = {}
    for section in view.sections:
        text = section.heading.text
        first_section = headings.setdefault(text, section)
        if len(text) >= MIN_REPEATED_HEADING and first_section is not section:
            out.append(section.line.finding(
                "repeated-sentence", 0, len(text), f"标题与{_place(first_section.line)}相同。",
                "改写其中一个标题，或把两部分合并。",
            ))
    return out


def _place(spot: Spot) -> str:
    """Where a spot is, for a message: “二、…”第2段."""
    where = spot.path[-1]
    return f"“{where}”" + (f"第{spot.paragraph}段" if spot.paragraph else "")


def same_openings(view: View, _context: CheckContext) -> list[Finding]:
    """Two paragraphs in a row (under one heading) that open with the same words: four equal
    characters, or the same subject followed by the same word (支部坚持… / 支部坚持…)."""
    out = []
    for group in view.body_groups():
        plain = [s for s in group if not (s.section and s.section.run_in and s.paragraph == 1)]
        for before, spot in itertools.pairwise(plain):
            if spot.paragraph != before.paragraph + 1:
                continue
            shared = _common_prefix(before.text, spot.text)
            subject = _SUBJECT.match(shared)
            rest = len(shared) - subject.end() if subject else len(shared)
            if rest >= (SAME_AFTER_SUBJECT if subject else SAME_OPENING_CHARS):
                out.append(spot.finding(
                    "same-opening", 0, len(shared),
                    f"与上一段开头相同，都以“{shared}”开头。",
                    "换一种开头，或把两段合并。",
                ))
    return out


def _common_prefix(a: str, b: str) -> str:
    n = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        n += 1
    return a[:n].rstrip("，、；：")


# --- counts --------------------------------------------------------------------------------------
# Verbs (and verb characters) a count's clause may carry: 召开支委会12次, 发展党员2名, 现有党员25名.
_VERB = re.compile(
    "召开|开展|组织|举办|举行|进行|讲授|讲|上|发展|确定|吸收|接收|培养|转正|形成|撰写|收缴|交纳|缴纳"
    "|评选|表彰|评为|获|学习|研讨|走访|慰问|看望|谈心|谈话|签订|制定|修订|完善|建立|成立|组建|设立|设置"
    "|排查|整改|解决|办理|帮助|参加|参与|完成|发放|投入|捐|印发|编印|发布|报送|上报|刊发|录用|采用|推送"
    "|培训|参训|覆盖|达|有|是|为|增加|减少|下降|增长|提升|提高|开设|打造|创建|推荐|选派|选树|征集|收集"
    "|提出|梳理|查找|查摆|发现|处理|处置|受理|答复|回访|检查|督查|抽查|考核|审核|审查|清理|整合|精简"
    "|联系|结对|服务|开通|约谈|提醒|问责|处分|立案|通报|观看|参观|收看|重温|宣讲|讲解|录制|制作|拍摄"
    "|发表|刊登|编写|编制|建成|改造|新建|购置|配备|赠送|捐赠|资助|救助|帮扶|受益|惠及|涉及|涵盖|走进"
    "|吸纳|新增|核减|了|深入|赴|到|走|办|写|建|设|开|评|发|收|交|缴|送|看|访|选|签|立|出|召"
    "|学|谈|查|改|处|作|做|抓|用|印|报"
)
_CLAUSE = re.compile(r"[^，。；：！？,;:!?]+")
_DIGIT = re.compile(r"\d")
_BREAKDOWN = re.compile(r"其中|包括|分别|含|占")
# Count nouns that need a verb (会 → 召开), with the verb to suggest; longest endings first.
_COUNT_NOUNS = (
    ("志愿服务", "开展"), ("积极分子", "确定"), ("发展对象", "确定"), ("责任书", "签订"),
    ("承诺书", "签订"), ("党组织", "建立"), ("会议", "召开"), ("党课", "讲授"), ("党日", "开展"),
    ("活动", "开展"), ("报告", "撰写"), ("信息", "撰写"), ("建议", "提出"), ("体会", "撰写"),
    ("文章", "撰写"), ("制度", "制定"), ("党员", "发展"), ("典型", "选树"), ("会", "召开"),
)
_ORPHAN = re.compile(
    r"^(?:今年以来|今年来|一年来|半年来|今年上半年|上半年以来|全年|年内|今年|\d{4}年(?:以来)?)"
    r"[，,](?:累计|共计|合计|共)"
)


def counts_without_verb(view: View, _context: CheckContext) -> list[Finding]:
    """A count of a thing that needs a verb, whose clause has none (累计优秀党员3名, 机关制度8项,
    ……，党员大会4次). Counts of actions (新增3项, 集中学习12次) carry their own.

    Clauses are screened by cheap tests first (a digit, no verb, no 其中…), so counts are only
    parsed in the few clauses that may lack a verb.
    """
    out = []
    for spot in view.paragraphs():
        text = spot.text
        for clause in _CLAUSE.finditer(text):
            start, end = clause.span()
            if not _DIGIT.search(clause.group()) or _VERB.search(clause.group()):
                continue
            sentence_start = max(text.rfind(ch, 0, start) for ch in "。！？") + 1
            if _BREAKDOWN.search(text[sentence_start:end]):
                continue
            example = next((
                f"{verb}{m.key}{_number(m.value)}{m.unit}"
                for m in find_mentions(clause.group())
                for noun, verb in _COUNT_NOUNS if m.key.endswith(noun)
            ), None)
            if example:
                out.append(spot.finding(
                    "count-without-verb", start, end, f"“{clause.group()}”只有数量，没有动词。",
                    f"补上动词（如“{example}”），或与前面同一动词的数量用“、”并列。",
                ))
    return out


def _number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else str(value)


def orphan_counts(view: View, _context: CheckContext) -> list[Finding]:
    """A paragraph that is only “今年以来，累计……。”: counts cut off from the work they prove."""
    out = []
    for spot in view.paragraphs():
        text = spot.text.strip()
        sentences = [s for s in re.split(r"[。！？]", text) if s.strip()]
        if len(sentences) == 1 and _ORPHAN.match(text) and find_mentions(text):
            out.append(spot.finding(
                "orphan-count", 0, len(spot.text), "这一段只罗列数字，与具体工作脱节。",
                "把各个数量放进它所说明的那项工作的句子末尾，删去这一段。",
            ))
    return out


def number_mismatch(view: View, context: CheckContext) -> list[Finding]:
    """A count stated in a section's text that differs from the number answered for it."""
    out = []
    for section in view.sections:
        answered = context.numbers.get(section.heading.text)
        if not answered:
            continue
        for spot in section.paragraphs:
            for mention in find_mentions(spot.text):
                # Only the very same key: 集体廉政谈话 is not 廉政谈话.
                key = mention.key
                value = round(mention.value * 10_000, 2) if mention.unit.startswith("万") else mention.value
                if key in answered and value != answered[key]:
                    number = _number(mention.value)
                    out.append(spot.finding(
                        "number-mismatch", mention.start, mention.start + len(number),
                        f"文中“{key}”是{number}{mention.unit}，答案中填的是{answered[key]}。",
                        "核对后统一：改正文中的数字，或改答案文件中的数量。",
                    ))
    return out

