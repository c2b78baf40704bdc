"""核稿 rules for what a reviewer sees and a word-by-word check does not: a fact said twice in a
paragraph, the same measure twice, “此外” again and again, a count in a part of another topic, a
garbled set phrase, a term above the organisation's level, a campaign of another year presented
as this period's work.

The phrases, terms, campaigns and places of counts are data (`outlines/authored/seams.yaml`,
drafter.library.seams); the rules here only read them. See report-writing.md ("What gives a
draft away") for why a reader notices each.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterable
from functools import cache, lru_cache

from drafter.checking.findings import CheckContext, Finding, SectionView, Spot, View, is_cjk
from drafter.checking.rules import MIN_REPEATED_CHARS
from drafter.document import Document
from drafter.domain import organisation_of
from drafter.learning import find_mentions
from drafter.library import ANY_TOPIC, Seams, load_seams, loose_pattern, misfits

MIN_REPEATED_RUN = 8  # a run of this many characters with a number, said twice in one paragraph,
MIN_RUN_CJK = 6  # …at least this many of them Chinese (上半年发展党员2名), is one fact twice
MIN_REPEATED_WORDS = 10  # without a number the run must be longer: 开展主题党日活动 may name the
# measure and then its count (规范开展主题党日活动……全年开展主题党日活动12次)
MIN_MEASURE_CHARS = 6  # a measure's activity shorter than this (加强学习) may well recur
CIWAI = "此外"
# Topics a part of which holds the counts of any other: closing parts, 党建与业务融合, unknown.
_BROAD_TOPICS = frozenset({"integration", "problems", "next_steps", "other"})
_CLAUSE = re.compile(r"[^，、；。：！？,;:!?]+")
_SENTENCE = re.compile(r"[^。！？；]+[。！？；]?")
_YEAR_STATED = re.compile(r"(?<!\d)(?:19|20)\d{2}\s*年")
_ORDINAL_LEAD = re.compile(r"(?:^|(?<=[。；：，]))\s*[一二三四五六七八九十]{1,3}是[，,]?")
_QUOTES = re.compile(r"[“”‘’\"'《》]")
# A measure's activity: its subject, manner words and leading verb are how it is said, not what.
_MEASURE_LEAD = re.compile(
    r"^(?:本?(?:党支部|支部|党总支|总支|机关党委|党委|党组))?"
    r"(?:严格|认真|扎实|深入|持续|全面|切实|坚持|不断|进一步|着力|积极|大力|始终|常态化)*"
    r"(?:执行|落实|开展|推进|推动|抓好|抓实|组织|加强|强化|贯彻|实施|坚持|规范)?"
)
_TITLE_UNIT_END = re.compile(r"(?:19|20)\d{2}|关于|党建|工作|述职|总结|汇报|报告")


def seams() -> Seams:
    """The shipped seams data (loaded and checked once per process)."""
    return load_seams()


# --- the organisation ----------------------------------------------------------------------------
def infer_organisation(doc: Document, unit: str = "") -> str:
    """The organisation type (organisations.yaml id) the unit, signature or title names by its
    last organisation word (某某局机关第一党支部 → branch); "" when none names one."""
    title = doc.title[: m.start()] if (m := _TITLE_UNIT_END.search(doc.title)) else doc.title
    for name in (unit, *doc.signature[:1], title):
        if found := organisation_of(name or ""):
            return found
    return ""


# --- a fact twice in one paragraph ---------------------------------------------------------------
def repeated_clauses(view: View, _context: CheckContext) -> list[Finding]:
    """A run of 8+ characters (6+ of them Chinese) in two clauses of one paragraph: one fact said
    twice (……发展党员2名，均为……，严格执行发展党员工作流程，上半年发展党员2名). Quotes are
    ignored; the long names in `recurring` (习近平新时代中国特色社会主义思想) may recur."""
    recurring = [loose_pattern(name) for name in seams().recurring]
    out = []
    for spot in view.paragraphs():
        text = _masked(spot.text, recurring)
        if not _may_repeat(text):
            continue
        first_clause: dict[str, int] = {}
        repeated_sentences = _repeated_sentences(text)
        for number, clause in enumerate(_CLAUSE.finditer(text)):
            if any(lo <= clause.start() < hi for lo, hi in repeated_sentences):
                continue  # a whole sentence again is the repeated-sentence rule's
            grams = _runs(clause.group())
            repeated = next((g for g in grams if first_clause.get(g, number) != number), None)
            for gram in grams:
                first_clause.setdefault(gram, number)
            if repeated is not None:
                out.append(spot.finding(
                    "repeated-clause", clause.start(), clause.end(),
                    f"“{repeated}……”在本段前面已经说过。",
                    "同一事实只说一次：删去重复的分句，或把两处合并成一句。",
                ))
    return out


def _may_repeat(text: str) -> bool:
    """A cheap screen: whether any MIN_REPEATED_RUN characters occur twice in the paragraph."""
    plain = _QUOTES.sub("", text)
    grams = [plain[i : i + MIN_REPEATED_RUN] for i in range(len(plain) - MIN_REPEATED_RUN + 1)]
    return len(set(grams)) < len(grams)


def _repeated_sentences(text: str) -> list[tuple[int, int]]:
    """Where a paragraph says again a whole sentence long enough for `repeated_sentences`."""
    seen: set[str] = set()
    out = []
    for m in _SENTENCE.finditer(text):
        core = m.group().strip().rstrip("。！？；")
        if len(core) >= MIN_REPEATED_CHARS and core in seen:
            out.append(m.span())
        seen.add(core)
    return out


def _masked(text: str, patterns: Iterable[re.Pattern[str]]) -> str:
    for pattern in patterns:
        text = pattern.sub(lambda m: "·" * len(m.group()), text)
    return text


def _runs(clause: str) -> list[str]:
    """The runs of a clause that say a fact (quotes dropped, masked names kept as breaks): the
    whole clause when it has MIN_REPEATED_RUN Chinese characters, every MIN_REPEATED_RUN
    characters holding a number and MIN_RUN_CJK Chinese characters, and every
    MIN_REPEATED_WORDS characters of Chinese."""
    words = _QUOTES.sub("", clause)
    whole = "".join(re.findall(r"\w+", words))
    out = [whole] if sum(map(is_cjk, whole)) >= MIN_REPEATED_RUN else []
    for piece in re.findall(r"\w+", words):
        for i in range(len(piece) - MIN_REPEATED_RUN + 1):
            gram = piece[i : i + MIN_REPEATED_RUN]
            if sum(map(is_cjk, gram)) >= MIN_RUN_CJK and any(ch.isdigit() for ch in gram):
                out.append(gram)
        for i in range(len(piece) - MIN_REPEATED_WORDS + 1):
            gram = piece[i : i + MIN_REPEATED_WORDS]
            if all(map(is_cjk, gram)):
                out.append(gram)
    return out


# --- the same measure twice ----------------------------------------------------------------------
def same_measures(view: View, _context: CheckContext) -> list[Finding]:
    """The same measure twice in the report: two measure sentences (an 一是/二是 lead, or a
    paragraph's first clause) whose activity is the same once subject, manner words, the leading
    verb and quotes are set aside (严格执行“三会一课”制度 / 三是严格落实“三会一课”制度).
    Closing parts (问题, 下一步) are left out: a next step may well name a measure again."""
    out = []
    seen: dict[str, Spot] = {}
    for section in view.sections:
        if section.forward or _section_topic(section) == "problems":
            continue
        for spot in section.paragraphs:
            for start, end in _measure_leads(spot.text):
                activity = _activity(spot.text[start:end])
                if len(activity) < MIN_MEASURE_CHARS:
                    continue
                first = seen.setdefault(activity, spot)
                if first is not spot:
                    out.append(spot.finding(
                        "same-measure", start, end,
                        f"这项做法在{_place(first)}已经写过（“{activity}”）。",
                        "同一项做法只写一次：删去一处，或改写成另一项具体做法。",
                    ))
    return out


def _measure_leads(text: str) -> list[tuple[int, int]]:
    """Where the measure clauses of a paragraph stand: its first clause and each 一是… lead."""
    starts = {0} | {m.end() for m in _ORDINAL_LEAD.finditer(text)}
    out = []
    for start in sorted(starts):
        m = _CLAUSE.match(text, start)
        if m and text[m.end():m.end() + 1] != "：":
            out.append((start, m.end()))
    return out


def _activity(lead: str) -> str:
    core = _QUOTES.sub("", re.sub(r"^\s*[一二三四五六七八九十]{1,3}是", "", lead)).strip()
    return core[_MEASURE_LEAD.match(core).end():]  # type: ignore[union-attr]  # always matches


def _place(spot: Spot) -> str:
    return f"“{spot.path[-1]}”第{spot.paragraph}段"


# --- 此外 again ----------------------------------------------------------------------------------
def extra_ciwai(view: View, _context: CheckContext) -> list[Finding]:
    """“此外” more than once in a report: every one after the first tacks on what has no place."""
    hits = [(spot, m) for spot in view.paragraphs() for m in re.finditer(CIWAI, spot.text)]
    return [
        spot.finding(
            "extra-ciwai", m.start(), m.end(), f"全文第{n}次用“此外”引出内容。",
            "把这句话放进它所说明的那项工作里；实在要补充，换用“同时”或直接陈述。",
        )
        for n, (spot, m) in enumerate(hits[1:], start=2)
    ]


# --- a count in a part of another topic ----------------------------------------------------------
def count_topics(view: View, _context: CheckContext) -> list[Finding]:
    """A catalogue count in a part whose heading names one specific other topic (撰写心得体会 in
    the 三会一课 part), unless the count often stands there too (`count_places`: 讲党课 in a
    理论学习 part) or the measure it proves names its topic (一是严把党员发展质量关……发展党员1名
    under 担当作为). Parts of no clear topic, 业务融合 and closing parts are left alone."""
    data = seams()
    names = data.topic_names
    out = []
    for section in view.sections:
        topic = _section_topic(section)
        if topic in _BROAD_TOPICS or section.forward:
            continue
        for spot in section.paragraphs:
            for mention in find_mentions(spot.text):
                entry = data.knowledge.match_count(mention.key, mention.unit)
                if entry is None or entry.topic == topic:
                    continue
                places = data.count_places.get(entry.id, frozenset())
                if topic in places or ANY_TOPIC in places:
                    continue
                item = spot.text[_item_start(spot.text, mention.start) : mention.start]
                if any(word in item for word in dict(data.topics).get(entry.topic, ())):
                    continue  # the measure it proves is of its own topic (一是严把党员发展质量关……)
                out.append(spot.finding(
                    "count-topic", mention.start, mention.start + len(str(mention.value)),
                    f"“{entry.object}”属于“{_topic_name(entry.topic, names)}”，放在了讲"
                    f"“{_topic_name(topic, names)}”的部分。",
                    f"把这个数量移到讲“{_topic_name(entry.topic, names)}”的部分，写在它所说明的那项工作后面。",
                ))
    return out


def _item_start(text: str, end: int) -> int:
    """Where the measure holding `text[end]` begins: its 一是… lead, else the paragraph."""
    return max((m.start() for m in _ORDINAL_LEAD.finditer(text, 0, end)), default=0)


def _topic_name(topic: str, names: dict[str, str]) -> str:
    return names.get(topic, topic)


def _section_topic(section: SectionView) -> str:
    """The topic the nearest heading with a topic keyword names ("other" if none does, or if it
    names keywords of two topics)."""
    current: SectionView | None = section
    while current is not None:
        topic = _heading_topic(current.heading.text)
        if topic:
            return topic
        current = current.parent
    return "other"


@lru_cache(maxsize=1024)
def _heading_topic(heading: str) -> str:
    """The one topic whose keywords a heading holds; "other" for two; "" for none."""
    found = {topic for topic, words in seams().topics if any(word in heading for word in words)}
    return found.pop() if len(found) == 1 else ("other" if found else "")


# --- set phrases ---------------------------------------------------------------------------------
def set_phrases(view: View, _context: CheckContext) -> list[Finding]:
    """A set phrase in a garbled form (学原著、读原文、悟原理 for 读原著、学原文、悟原理)."""
    pattern, standards = _garbles()
    return [
        spot.finding(
            "set-phrase", m.start(), m.end(), f"固定提法写法不规范：“{m.group()}”。",
            f"改为规范提法“{standards[_phrase_key(m.group())]}”。",
        )
        for spot in view.texts()
        if _may_hold(_phrase_key(spot.text), standards)  # plain substring tests before the regex
        for m in pattern.finditer(spot.text)
    ]


def _may_hold(flat: str, garbles: dict[str, str]) -> bool:
    """Whether a text (quotes dropped, ， read as 、) holds any garbled form at all."""
    return any(wrong in flat for wrong in garbles)


@cache
def _garbles() -> tuple[re.Pattern[str], dict[str, str]]:
    """One pattern for every garbled form (longest first) and the standard form of each."""
    standards = {
        _phrase_key(wrong): phrase.standard for phrase in seams().set_phrases for wrong in phrase.wrong
    }
    forms = sorted((w for p in seams().set_phrases for w in p.wrong), key=len, reverse=True)
    return re.compile("|".join(loose_pattern(w).pattern for w in forms)), standards


def _phrase_key(text: str) -> str:
    return _QUOTES.sub("", text).replace("，", "、").replace(",", "、")


# --- terms above the organisation's level --------------------------------------------------------
def above_level(view: View, context: CheckContext) -> list[Finding]:
    """A term that does not fit the organisation (中心组 in a 党支部's or 党总支's report, 层层…
    in a 党支部's), unless the clause names the higher organisation it belongs to (局党组中心组)."""
    out = []
    for spot in view.texts():
        if spot.path and spot.path[0] == "落款":
            continue
        for term, m in misfits(spot.text, context.organisation, seams().level_terms):
            out.append(spot.finding("above-level", m.start(), m.end(), term.why, term.fix))
    return out


# --- a campaign of another year ------------------------------------------------------------------
def campaign_years(view: View, context: CheckContext) -> list[Finding]:
    """A time-bound campaign presented as this period's work (开展党纪学习教育 in a 2026
    report). A sentence that consolidates it (巩固……成果, 持续深化, 以来) or states a year is fine."""
    data = seams()
    year = context.year or datetime.date.today().year
    campaigns = [(c, loose_pattern(c.name)) for c in data.campaigns if not c.first <= year <= c.last]
    out = []
    for spot in view.texts():
        for campaign, pattern in campaigns:
            for m in pattern.finditer(spot.text):
                sentence = next(s for s in _SENTENCE.finditer(spot.text) if s.end() >= m.end())
                said = sentence.group()
                if _YEAR_STATED.search(said) or any(word in said for word in data.settled):
                    continue
                before = spot.text[sentence.start() : m.start()]
                if campaign.verbs and not before.rstrip("“了").endswith(campaign.verbs):
                    continue
                years = (f"{campaign.first}年" if campaign.first == campaign.last
                         else f"{campaign.first}—{campaign.last}年")
                out.append(spot.finding(
                    "campaign-year", m.start(), m.end(),
                    f"“{campaign.name}”是{years}的工作，本报告是{year}年的。",
                    "写成巩固深化其成果（如“巩固拓展……成果”），或删去；确属当年工作的，写明依据。",
                ))
    return out
