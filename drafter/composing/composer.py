"""Composition: answers + outline templates → the document model, in fluent 公文 Chinese.

Wording lives in templates beside the outline (outlines/authored/templates/, and the
kinds' title/opening/closing forms); this module only numbers headings, gathers each section's
template context and turns rendered text into paragraphs. Answers are always passed to
templates as values, never rendered as templates themselves, so `{{ }}` typed by a user stays
literal text.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from typing import Any

from drafter.answers import (
    Answers,
    Measure,
    SectionAnswer,
    basic_value,
    paragraphs_of,
    section_topic,
)
from drafter.composing.placement import place_counts
from drafter.composing.templating import Templates
from drafter.composing.wording import (
    Answered,
    claim_counts,
    clause,
    counts_alone,
    learned_proofs,
    points,
    says_more_than_measures,
    says_something,
    sentence,
    with_counts,
)
from drafter.document import Block, Document, Heading, Paragraph
from drafter.domain import (
    WHOLE_YEAR,
    Period,
    format_date,
    heading_label,
    phrase_counts,
    shift_years,
)
from drafter.library import Library, Outline, choose_wording
from drafter.library import Measure as BankMeasure

_LEADING_MARKER = re.compile(
    r"^\s*(?:[一二三四五六七八九十]+[、．.]|[（(][一二三四五六七八九十\d]+[）)]|\d+[.、．]|——)\s*"
)


def join_list(items: list[str]) -> str:
    """A、B、C — for parallel phrases such as counts."""
    return "、".join(i for i in items if i)


def join_and(items: list[str]) -> str:
    """A、B和C — for a closed list of nouns."""
    items = [i for i in items if i]
    if len(items) <= 1:
        return "".join(items)
    return "、".join(items[:-1]) + "和" + items[-1]


def enumerate_measures(measures: list[Measure]) -> str:
    """The `points` template filter: measures as one sentence, or 一是……二是…… (see wording)."""
    return points(measures, [[] for _ in measures], "", {})


def clean_heading(text: str) -> str:
    """A heading as typed, without a number the user copied in and without end punctuation."""
    text = _LEADING_MARKER.sub("", str(text).strip())
    return text.rstrip("。．.；;，,：: ")


# The filters every template may use: {{ section.measures | points }}, {{ counts | counts(verbs) }}.
FILTERS = (
    ("points", enumerate_measures),
    ("join_list", join_list),
    ("join_and", join_and),
    ("sentence", sentence),
    ("counts", phrase_counts),
)


def templates(library: Library) -> Templates:
    """The templates of a library: sandboxed and bounded unless drafter's own outlines/."""
    return Templates(library.templates_dir, trusted=library.shipped, filters=FILTERS)


def base_context(answers: Answers, library: Library, today: dt.date | None = None) -> dict[str, Any]:
    """What every template may use: the basic answers plus the period's words.

    period_name names the period in a title or opening (2025年度, 2025年上半年); ahead names
    the next one for closings and next steps (2026年, 下半年, 下一阶段). Built once per document.
    """
    today = today or dt.date.today()
    period = Period(answers.year or today.year, answers.period or WHOLE_YEAR)
    organisation = library.knowledge.chosen(answers.organisation)
    ctx: dict[str, Any] = {q["name"]: basic_value(answers, q["name"]) or "" for q in library.questions["basics"]}
    ctx.update(
        unit=answers.unit or "",
        year=period.year,
        next_year=period.year + 1,
        period=period.part,
        period_phrase=period.phrase,
        period_body=period.body,
        subject=_subject(answers, library),
        organisation_name=organisation.name,
        party_organisation=organisation.of(answers.unit or ""),
        period_name=period.name,
        ahead=period.ahead,
        today=today,
        verbs=library.verbs,  # for the counts filter: 召开支委会8次
    )
    return ctx


def _subject(answers: Answers, library: Library) -> str:
    """Who acts in the framing sentences: the kind's own (本人 in a 述职报告), else the organisation
    by its short name (支部, 党总支, 机关党委, 党组)."""
    subject = library.kind_of(answers.outline).get("subject")
    if subject:
        return str(subject)
    name = library.knowledge.chosen(answers.organisation).name
    return "支部" if name == "党支部" else name


# The order a kind's forms are chosen in: each avoids the phrases of those chosen before it.
_FORM_ORDER = ("opening", "framing problems", "framing next_steps", "closing")


def kind_forms(answers: Answers, library: Library) -> dict[str, str]:
    """The forms of the kind's opening, framing sentences and closing this report uses: when a
    kind gives several wordings of one, the unit's name chooses (stable per unit, see
    drafter.library.variants), each repeating no phrase of the forms chosen before it."""
    kind = library.kind_of(answers.outline)
    framing = kind.get("framing") or {}
    given = {
        "opening": kind.get("opening"),
        "closing": kind.get("closing"),
        **{f"framing {t}": framing.get(t, DEFAULT_FRAMING[t]) for t in DEFAULT_FRAMING},
    }
    chosen: dict[str, str] = {}
    for piece in _FORM_ORDER:
        forms = given[piece]
        if isinstance(forms, list):
            key = f"{answers.outline.id} {piece}"
            chosen[piece] = choose_wording([str(f) for f in forms], answers.unit or "", key, chosen.values())
        else:
            chosen[piece] = str(forms or "")
    return chosen


def kind_text(answers: Answers, library: Library, piece: str, ctx: dict[str, Any] | None = None) -> str:
    """The kind's title, opening or closing form rendered for these answers ("" when it has none).
    An own kind opens as the office's newest report did, its years moved to this report's
    (`own_opening`), when that can be said of this period."""
    outline = answers.outline
    if piece == "opening" and (own := own_opening(answers)):
        return own
    if piece == "title":
        form = str(library.kind_of(outline).get("title") or "")
    else:
        form = kind_forms(answers, library)[piece]
    names = {"title": "标题", "opening": "开头", "closing": "结尾"}
    context = ctx if ctx is not None else base_context(answers, library)
    return templates(library).render_string(form, context, f"{outline.id} {names[piece]}").strip()


def own_opening(answers: Answers) -> str:
    """The office's own opening for this report ("" for a shipped kind, or when a year in it
    cannot be moved to this report's: a date, a span of years). Literal text: never a template."""
    own = answers.outline.own
    if own is None or not own.opening or (answers.period or WHOLE_YEAR) != own.period:
        return ""
    moved = [shift_years(p, own.year, answers.year) for p in own.opening]
    return "\n".join(p for p in moved if p is not None) if None not in moved else ""


def framing_form(answers: Answers, library: Library, topic: str) -> str:
    """The framing form of a closing part (存在问题, 下一步) for these answers (`kind_forms`)."""
    return kind_forms(answers, library)[f"framing {topic}"]


def fixed_texts(answers: Answers, library: Library) -> list[str]:
    """What a report says besides its parts: its opening, closing and framing sentences as
    composed for these answers (the wizard's wordings avoid repeating their phrases)."""
    ctx = base_context(answers, library)
    forms = templates(library)
    texts = [
        "\n".join(answers.opening) if answers.opening is not None else kind_text(answers, library, "opening", ctx),
        "\n".join(answers.closing) if answers.closing is not None else kind_text(answers, library, "closing", ctx),
    ]
    for topic in DEFAULT_FRAMING:
        form = framing_form(answers, library, topic)
        texts.append(forms.render_string(form, {**ctx, "several": True}, f"{answers.outline.id} 框架句"))
    return [t for t in texts if t]


def _date_line(date: dt.date | str | None, today: dt.date) -> str:
    """The date as printed: today when not answered, none when answered empty."""
    if date == "":
        return ""
    return format_date(date if isinstance(date, dt.date) else today)


# Framing sentences of the closing parts when a kind gives none (kinds.yaml `framing:`): several
# wordings, one chosen by the unit's name.
DEFAULT_FRAMING: dict[str, list[str]] = {
    "problems": [
        "对照上级要求和党员群众期盼，{{ subject }}工作还存在一些差距和不足：",
        "在肯定成绩的同时，{{ subject }}也清醒看到工作中还有一些短板：",
        "回顾{{ period_body }}工作，{{ subject }}在以下方面还有不小差距：",
        "客观分析，{{ subject }}工作与新形势新要求相比还有一些不足：",
    ],
    "next_steps": [
        "下一步，{{ subject }}将聚焦短板弱项，重点抓好以下{% if several %}几个方面的{% endif %}工作：",
        "针对上述问题，{{ subject }}将逐项研究改进措施，着重做好以下{% if several %}几项{% endif %}工作：",
        "围绕解决这些问题，{{ subject }}将补短板、强弱项，着力抓好以下{% if several %}几个方面{% endif %}：",
        "为把问题改到位，{{ subject }}将重点从以下{% if several %}几个方面{% endif %}发力：",
    ],
}


# Who a report is addressed to, on its first line, flush left (GB/T 9704 主送机关): 市直机关工委：
_ADDRESSEE = re.compile(
    r"^[^，。；！？,;!?：:]{1,38}(?:工委|党委|党组|委员会|组织部|宣传部|支部|总支|领导|同志们|部门|单位"
    r"|局|办公室|办|厅|处|科|中心)[：:]$"
)


# Who did the counted work of a gathered report: the branches whose figures it sums.
BRANCHES = "各支部"
_BRANCHES_NAMED = re.compile(r"^[^，。；：！？]{1,40}支部$")  # 各支部, 第一、第三党支部, 办公室党支部


def _names_branches(detail: str) -> bool:
    """Whether a gathered report's measure detail only names the branches that did the work."""
    return _BRANCHES_NAMED.match(detail) is not None


def is_addressee(text: str) -> bool:
    """Whether an opening paragraph is the line naming whom the report is addressed to."""
    return _ADDRESSEE.match(text.strip()) is not None


class _Composer:
    """Walks the answered sections, numbering headings and wording each body.

    What a reader must never meet is decided here: a heading with nothing under it (an empty
    section is left out, numbering closes up), a heading level laid out two ways (one layout
    per level for the document, unless an imported section keeps its own), the same framing
    sentence twice (each closing part's framing is said once, by its first section).
    """

    def __init__(self, answers: Answers, library: Library, today: dt.date) -> None:
        self.answers = answers
        self.library = library
        self.outline: Outline = answers.outline
        self.templates = templates(library)
        self.ctx = base_context(answers, library, today)
        self.today = today
        self.kind = library.kind_of(self.outline)
        self.dash = self.kind.get("level1") == "dash"
        self.knowledge = library.knowledge
        self.period_body = Period(answers.year or today.year, answers.period or WHOLE_YEAR).body
        self.run_in_levels = (
            set(answers.run_in_levels) if answers.run_in_levels is not None else kind_run_in_levels(self.outline)
        )
        self.framed: set[str] = set()
        # Who did the counted work: in a gathered report the branches, whose figures it sums.
        self.counts_subject = BRANCHES if answers.gathered is not None else self.ctx["subject"]
        self.proofs = learned_proofs(self.outline, self.knowledge)  # an own kind's, else none
        self.placed = place_counts(answers.sections or [], self.knowledge, self.unit_of, self.proofs)
        self.measures: dict[int, list[Measure]] = {}  # each section's measures, one per activity

    def template_for(self, topic: str | None) -> str:
        base = section_topic(topic or "")
        if base and (self.library.templates_dir / f"{base}.j2").exists():
            return f"{base}.j2"
        return "section.j2"

    def unit_of(self, key: str) -> str:
        """The measure word of a count key: the catalogue's, else the one learned, else 次."""
        entry = self.knowledge.match_count(key)
        if entry is not None:
            return entry.unit
        for candidate in [self.outline, *self.library.outlines.values()]:
            for top in candidate.sections:
                for s in top.walk():
                    for f in s.facts:
                        if f.key == key:
                            return f.unit
        return "次"

    def _proved(self, counts: Sequence[Answered], topic: str) -> BankMeasure | None:
        """The bank measure of this topic and organisation that proves the most of `counts`
        (the first count's prover on a tie), if any proves one."""
        if not topic:
            return None
        organisations = [self.knowledge.chosen(self.answers.organisation).id]
        if self.answers.gathered is not None:  # the branches' figures: their measures prove them
            organisations.append(self.knowledge.default_organisation.id)
        best, most = None, 0
        for organisation in organisations:
            for m in self.knowledge.measures_for(topic, organisation):
                n = sum(c.entry is not None and c.entry in m.counts for c in counts)
                if n > most:
                    best, most = m, n
        return best

    def framing(self, topic: str, items: int) -> str:
        """The framing sentence of a closing part (存在问题, 下一步), the first time only;
        `several` tells its form whether more than one item follows (以下几个方面 needs them)."""
        if topic not in DEFAULT_FRAMING or topic in self.framed:
            return ""
        self.framed.add(topic)
        form = framing_form(self.answers, self.library, topic)
        ctx = {**self.ctx, "several": items > 1}
        return self.templates.render_string(form, ctx, f"{self.outline.id} 框架句").strip()

    def merge_activities(self, part: SectionAnswer) -> None:
        """One measure per activity in a part and its sub-parts: a second measure of an activity
        already said (严格落实“三会一课”制度 after 严格执行“三会一课”制度) is dropped, its
        detail added to the first's when that has none or says something else — unless the
        measure is all its sub-part says (the part the user chose is not emptied)."""
        kept: dict[str, Measure] = {}
        for section in part.walk():
            mine: list[Measure] = []
            repeats: list[tuple[Measure, Measure]] = []
            for m in section.measures or []:
                if not clause(m.item):  # nothing but punctuation says nothing
                    continue
                activity = self.knowledge.activity_of(m.item, section_topic(section.topic or ""))
                if activity in kept:
                    repeats.append((kept[activity], m))
                else:
                    kept[activity] = Measure(m.item, m.detail)
                    mine.append(kept[activity])
            if repeats and not mine and not says_more_than_measures(section):
                mine = [Measure(m.item, m.detail) for _, m in repeats]
            else:
                for first, m in repeats:
                    detail = clause(m.detail or "")
                    if detail and detail not in clause(first.detail or ""):
                        first.detail = "，".join(p for p in (clause(first.detail or ""), detail) if p)
            self.measures[id(section)] = mine

    def body(self, answer: SectionAnswer, heading: Heading) -> list[str]:
        """The section's paragraphs: measures with their counts, then the text (see wording)."""
        topic = section_topic(answer.topic or "")
        verbs = self.library.verbs
        paragraphs, counts = self.placed[id(answer)]
        measures = self.measures.get(id(answer), [])
        claimed, unclaimed = claim_counts(measures, counts, topic, self.knowledge, self.proofs)
        if len(measures) == 1 and topic not in DEFAULT_FRAMING:  # one sentence says every figure
            claimed, unclaimed = [claimed[0] + unclaimed], []
        subject_only = _names_branches if self.answers.gathered is not None else None
        lead = points(measures, claimed, self.period_body, verbs, subject_only=subject_only)
        if lead:
            lead = self.framing(topic, len(measures)) + lead
        listed = {m.item.strip() for m in measures}
        proved = self._proved(unclaimed, topic) if unclaimed else None
        if proved is not None and proved.text in listed:
            proved = None
        if not lead and unclaimed and topic not in DEFAULT_FRAMING and (
            not paragraphs or self.answers.gathered is not None
        ):
            # In a gathered report the text is the branches' typical examples, each naming its
            # branch: the figures are the branches' together, said before them on their own.
            alone = counts_alone(unclaimed, self.counts_subject, proved, self.period_body, verbs)
            paragraphs = [alone, *paragraphs]
        elif len(measures) > 1 and unclaimed:
            # After 一是……二是…… a figure no point proves is said by who did it, so it does
            # not read as part of the last point (never a string of 此外).
            closing = counts_alone(unclaimed, self.counts_subject, proved, self.period_body, verbs)
            paragraphs = [sentence(lead) + closing, *paragraphs]
        else:
            paragraphs = with_counts(([lead] if lead else []) + paragraphs, unclaimed, self.period_body, verbs)
        context = dict(
            self.ctx,
            section={
                "heading": heading.text,
                "topic": answer.topic or "",
                "level": heading.level,
                "paragraphs": paragraphs,
                "measures": measures,
                "extra": answer.extra or {},
            },
        )
        where = f"大纲 {self.outline.id}，栏目“{heading.text}”"
        return paragraphs_of(self.templates.render_file(self.template_for(answer.topic), context, where))

    def section(self, answer: SectionAnswer, level: int, n: int) -> list[Block]:
        """A section's blocks, or none when it says nothing (then it takes no number)."""
        label = "——" if self.dash and level == 1 else heading_label(level, n)
        heading = Heading(level, label, clean_heading(answer.heading))
        body = self.body(answer, heading)
        children: list[Block] = []
        k = 0
        for child in answer.children or []:
            child_blocks = self.section(child, min(level + 1, 4), k + 1)
            k += bool(child_blocks)
            children.extend(child_blocks)
        if not body and not children:
            return []
        run_in = answer.run_in if answer.run_in is not None else level in self.run_in_levels
        blocks: list[Block] = []
        if run_in and body:
            blocks.append(Paragraph(body[0], run_in=heading))
            body = body[1:]
        else:
            blocks.append(heading)
        blocks.extend(Paragraph(p) for p in body)
        return blocks + children

    def document(self) -> Document:
        a = self.answers
        title = kind_text(a, self.library, "title", self.ctx) if a.title is None else a.title.strip()
        opening = a.opening
        if opening is None:
            opening = paragraphs_of(kind_text(a, self.library, "opening", self.ctx))
        closing = a.closing
        if closing is None:
            closing = paragraphs_of(kind_text(a, self.library, "closing", self.ctx))
        blocks: list[Block] = [Paragraph(p, flush=n == 0 and is_addressee(p)) for n, p in enumerate(opening)]
        n = 0
        for answer in a.sections or []:
            self.merge_activities(answer)
            section = self.section(answer, 1, n + 1)
            n += bool(section)
            blocks.extend(section)
        blocks.extend(Paragraph(p) for p in closing)
        signature = a.signature if a.signature is not None else paragraphs_of(self.ctx["party_organisation"])
        return Document(
            title=title, blocks=blocks, signature=list(signature), date=_date_line(a.date, self.today)
        )


def kind_run_in_levels(outline: Outline) -> set[int]:
    """The heading levels the learned reports of a kind lay out run-in: at least two thirds of
    the learned sections at that level are; a level the reports split on stays standalone."""
    votes: dict[int, list[bool]] = {}
    for top in outline.sections:
        for s in top.walk():
            votes.setdefault(s.level, []).append(s.run_in)
    return {level for level, runs in votes.items() if sum(runs) * 3 >= len(runs) * 2}


def empty_sections(answers: Answers) -> list[str]:
    """Headings of answered sections that say nothing and are left out of the document."""
    out = []
    for section in answers.walk():
        if not says_something(section):
            out.append(clean_heading(section.heading))
    return out


def compose(
    answers: Answers, library: Library, today: dt.date | None = None, *, table: bool = False
) -> Document:
    """Turn typed answers into the document model (outside templates time-bounded as one).

    A gathered report (`drafter gather`) gets its figures table as 附件 when its answers say
    so (`gathered.table`) or `table` asks for it (`render --table`)."""
    composer = _Composer(answers, library, today or dt.date.today())
    with composer.templates.document_budget():
        doc = composer.document()
    gathered = answers.gathered
    if gathered is not None and (table or gathered.table):
        from drafter.composing.figures import figures_annex

        annex = figures_annex(answers, library)
        doc.annexes = [annex] if annex is not None else []
    return doc
