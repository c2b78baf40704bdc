"""The questions of one section (part) of the report, asked through the interview's prompter.

For each section, under a banner naming where it is (一、… › （二）…): one checkbox of measures
(drafter.wizard.offers: the knowledge bank and cleaned learned points, minus what other sections
already say; own items behind "自己写一条"), then "要为哪几条补充具体情况？" so that only the
chosen items get a detail prompt, at most six counts (the rest behind 更多数字), the text, and
the topic's own questions. The heading is not asked in the first pass (the parts checkbox shows
it; the review changes it).

A measures checkbox is one answer: the ticked items plus the user's own, stored together; each
item's detail is None until the detail question settles it (drafter.answers.model.Measure), so a
resumed interview asks exactly what is missing. Every text that comes from data — items, count
names, headings, last period's answers — is put into a prompt literally.
"""

from __future__ import annotations

from typing import Any

from drafter.answers import Measure, SectionAnswer, paragraphs_of, section_topic
from drafter.composing import learned_proofs, proven_by
from drafter.library import NEXT_STEPS, PROBLEMS, OutlineSection, fitting, load_seams
from drafter.wizard.asker import Asker
from drafter.wizard.carry import Carry, is_empty
from drafter.wizard.offers import (
    MAX_COUNTS,
    TOGETHER,
    CountItem,
    MeasureOffer,
    Wording,
    answering,
    count_key_id,
    count_offers,
    measure_offers,
    office_suggestions,
    own_points,
    said_in,
    stated_problems,
    taken_counts,
    taken_measures,
    topic_of,
    usual_count,
)
from drafter.wizard.parts import Adapting
from drafter.wizard.question import Option, Prompter, PromptSpec, Question, questions_of
from drafter.wizard.session import Place, Session

HEADING, MEASURES, NUMBERS, TEXT, CHILDREN = "heading", "measures", "numbers", "text", "children"
OWN = "__own__"
OWN_OPTION = "✎ 自己写一条（勾选后输入）"
OWN_PROMPT = "自己写的一条（写完回车；不再添加就直接回车）"
NO_OFFERS_PROMPT = "这一部分没有现成的条目：自己写一条（不写就直接回车）"
DETAILS_PROMPT = "要为哪几条补充具体情况？"
SUGGESTED = TOGETHER  # bank measures ticked when a part is asked for the first time
CAUSES = "原因"  # a problems part whose heading names it states each problem's cause
DETAILS_HELP = "勾选的逐条填写；不勾选的，有常用说明的照用常用说明，其余只写条目本身"
DETAIL_PROMPT = "“{item}”的具体情况（可留空）"
STANDARD_DETAIL = "（有常用说明）"
CARRIED_NUMBERS = "本期数字（括号里是上期的数，请填本期的；没有就直接回车）"
MORE_COUNTS_NOTE = "另有 {n} 项数字（{names}）可在总览里选这一部分的“更多数字”填写。"
MORE_COUNTS_PROMPT = "还要填哪些数字？"
STATED_HELP = "正文里的“{stated}”会改成所填的数；直接回车则原句不改"


class PartQuestions(Asker):
    """The questions of sections: which are pending, and asking each of them."""

    def __init__(self, session: Session, carry: Carry, prompter: Prompter) -> None:
        super().__init__(session, carry, prompter)
        self.questions = questions_of(session.library.questions["section"])

    def new_section(self, learned: OutlineSection) -> SectionAnswer:
        """A section chosen from the outline, with its default heading."""
        section = SectionAnswer(heading=learned.topic, topic=learned.id)
        heading = self.question(HEADING)
        if heading is not None:
            ctx = self.section_env(section, learned)
            section.heading = str(heading.get_default(ctx, self._refs(learned)) or learned.topic)
        return section

    def has_children(self, place: Place) -> bool:
        """Whether the section has sub-parts to choose: learned ones, or last period's."""
        counterpart = self.carry.of(place.section)
        return bool(place.learned_children or (counterpart and counterpart.children))

    # --- sections ------------------------------------------------------------------------

    def question(self, name: str) -> Question | None:
        return next((q for q in self.questions if q.name == name), None)

    def section_env(self, section: SectionAnswer, learned: OutlineSection | None) -> dict[str, Any]:
        """The Jinja context of a section's questions (topic name, topic id, learned titles,
        whether it has sub-parts)."""
        from drafter.answers import answers_mapping

        return {
            **answers_mapping(self.session.answers),
            "today": self.session.today,
            "topic": learned.topic if learned else section.heading,
            "topic_id": topic_of(section),
            "titles": self.adapting().titles(learned) if learned else [],
            "parent": bool(section.children),
        }

    def adapting(self) -> Adapting:
        """How learned titles are said again in this report (its organisation and year)."""
        answers = self.session.answers
        return Adapting(
            answers.organisation, answers.year, tuple(answers.outline.titles),
            self.session.library.specific, own=answers.outline.own is not None,
        )

    def _refs(self, learned: OutlineSection | None) -> dict[str, Any]:
        titles = self.adapting().titles(learned) if learned else []
        return {"titles": lambda: titles}

    def extra_questions(self, place: Place) -> list[Question]:
        """Questions kept under the section's `extra`: questions.yaml section questions beyond
        the fixed ones, and a topic's own (questions.yaml `topics`, topics.yaml `questions`)."""
        library = self.session.library
        own = [q for q in self.questions if q.name not in (HEADING, MEASURES, NUMBERS, TEXT)]
        if place.learned is None:
            return own
        tid = section_topic(place.learned.id)
        topic = library.topic(tid) or {}
        return (
            own
            + questions_of((library.questions.get("topics") or {}).get(tid))
            + questions_of(topic.get("questions"))
        )

    def pending(self, place: Place) -> list[str]:
        """The questions of a section still to answer, in the order they are asked."""
        section = place.section
        ctx = self.section_env(section, place.learned)
        todo = []
        for q in self.questions:
            if not q.is_enabled(ctx):
                continue
            if q.name == MEASURES and (
                section.measures is None or any(m.detail is None for m in section.measures)
            ):
                todo.append(MEASURES)
            elif q.name == NUMBERS and any(
                i.key not in (section.counts or {}) for i in self.count_items(place)[0]
            ):
                todo.append(NUMBERS)
            elif q.name == TEXT and section.paragraphs is None:
                todo.append(TEXT)
        todo += [
            q.name for q in self.extra_questions(place)
            if q.name not in todo and q.is_enabled(ctx) and q.name not in (section.extra or {})
        ]
        if self.has_children(place) and section.children is None:
            todo.append(CHILDREN)
        return todo

    def ask_part(self, place: Place, name: str, *, first_pass: bool = False) -> None:
        """Ask one question of a section: measures, numbers, text, heading or extra (the
        interview chooses sub-sections itself); `first_pass` asks only what is missing."""
        if name == MEASURES:
            if place.section.measures is None or not first_pass:
                self.ask_measures(place)
            self.ask_details(place, only_new=True)
        elif name == NUMBERS:
            self.ask_counts(place, self.count_items(place)[0], only_missing=first_pass)
        elif name == TEXT:
            self.ask_text(place)
        elif name == HEADING:
            self.ask_heading(place)
        else:
            q = next(q for q in self.extra_questions(place) if q.name == name)
            self.ask_extra(place, q)

    def take_empty(self, place: Place, name: str) -> bool:
        """Store last period's answer to a section question when it is empty (nothing to
        confirm, so the first pass does not ask it); False when there is none."""
        section = place.section
        counterpart = self.carry.of(section)
        if name == MEASURES and section.measures is None and self.carry.measures(section) == []:
            section.measures = []
        elif name == TEXT and self.carry.text(section) == "":
            section.paragraphs = []
        elif name == CHILDREN and counterpart is not None and counterpart.children == []:
            section.children = []
        elif name not in (MEASURES, NUMBERS, TEXT, HEADING, CHILDREN) and is_empty(
            self.carry.extra(section, name)
        ):
            section.extra = {**(section.extra or {}), name: self.carry.extra(section, name)}
        else:
            return False
        self.session.save(f"{place.banner}（沿用上期的空答案）")
        return True

    def ask_heading(self, place: Place) -> None:
        q = self.question(HEADING)
        assert q is not None
        ctx = self.section_env(place.section, place.learned)
        heading = self.ask(q, ctx, self._refs(place.learned), place.section.heading)
        place.section.heading = str(heading)
        self.session.save(f"{place.banner} › 标题")

    def ask_extra(self, place: Place, q: Question) -> None:
        section = place.section
        ctx = self.section_env(section, place.learned)
        current = (section.extra or {}).get(q.name)
        carried = None if current is not None else self.carry.extra(section, q.name)
        section.extra = {**(section.extra or {}), q.name: self.ask(q, ctx, None, current, carried)}
        self.session.save(f"{place.banner} › {q.get_prompt(ctx)}")

    # --- measures ------------------------------------------------------------------------

    def _others(self, place: Place) -> list[SectionAnswer]:
        return [p.section for p in self.session.walk() if p.section is not place.section]

    def said(self, place: Place) -> list[str]:
        """What the report says outside this part: opening, closing, framing sentences and the
        other parts' items, details and text (the bank's wordings avoid repeating them)."""
        from drafter.composing import fixed_texts

        return fixed_texts(self.session.answers, self.session.library) + said_in(self._others(place))

    def measure_offers(self, place: Place) -> list[MeasureOffer]:
        others = self._others(place)
        topic = topic_of(place.section)
        wording = Wording(
            self.session.answers.unit or "",
            tuple(self.said(place)),
            causes=topic == PROBLEMS and CAUSES in place.section.heading,
        )
        return measure_offers(
            topic,
            place.learned,
            self._organisation(),
            self.knowledge,
            taken_measures(others),
            stated_problems(others),
            wording,
            self.session.office(),
            load_seams(self.session.library.root).level_terms,
        )

    def own_prose(self, place: Place) -> str:
        """An own kind's prose of the part (the office's, besides its 一是……), without the
        sentences whose terms the organisation cannot say ("" for a shipped kind)."""
        if self.session.office() is None or not place.learned:
            return ""
        terms = load_seams(self.session.library.root).level_terms
        prose = (fitting(p, self._organisation(), terms, by_sentence=True) for p in place.learned.text)
        return "\n\n".join(p for p in prose if p)

    def effect(self, place: Place) -> str:
        """A fresh part's text: an own kind's prose (`own_prose`), else the bank's 成效 sentence
        in this unit's wording ("" for 存在问题, 下一步, a part with sub-parts)."""
        section = place.section
        topic = topic_of(section)
        if prose := self.own_prose(place):
            return prose
        if not topic or topic in (PROBLEMS, NEXT_STEPS) or section.children:
            return ""
        said = self.said(place) + said_in([section])
        effect = self.knowledge.effect_for(topic, self.session.answers.unit or "", said)
        return effect + "。" if effect else ""

    def suggested(self, place: Place, offered: list[str]) -> list[str]:
        """The measures of `offered` ticked in a part asked for the first time: the next steps
        that answer the report's problems, else the first SUGGESTED of the bank; for an own
        kind, the office's most frequent points first (`office_suggestions`)."""
        topic, organisation = topic_of(place.section), self._organisation()
        bank = {m.text for m in self.knowledge.measures_for(topic, organisation)} if topic else set()
        fallback = [t for t in offered if t in bank][:SUGGESTED]
        if topic == NEXT_STEPS and (
            steps := answering(stated_problems(self._others(place)), organisation, self.knowledge)
        ):
            fallback = [t for t in offered if t in steps]
        office = self.session.office()
        if office is None:
            return fallback
        own = {o.text for o in own_points(place.learned, organisation, office)}
        fallback = [] if own and topic in (PROBLEMS, NEXT_STEPS) else fallback  # its own problems, plans only
        said_below = bool(place.learned_children or self.own_prose(place))  # or in its prose
        mine = [t for t in offered if t in own]
        return office_suggestions(mine, fallback, said_below, usual_count(place.learned))

    def _organisation(self) -> str:
        return self.knowledge.chosen(self.session.answers.organisation).id

    def ask_measures(self, place: Place) -> None:
        """Tick items (the bank, learned points, last period's) and add own ones; one answer."""
        q = self.question(MEASURES)
        assert q is not None
        section = place.section
        ctx = self.section_env(section, place.learned)
        offers = [o.text for o in self.measure_offers(place)]
        carried = self.carry.measures(section) if section.measures is None else None
        before = section.measures if section.measures is not None else carried or []
        kept = {m.item: m for m in before}
        ticked = list(kept)
        titles = offers + [t for t in ticked if t not in offers]
        # A part asked for the first time comes with the bank's most common measures ticked, so
        # Enter gives a draft to edit rather than an empty part; the user unticks what is not so.
        fresh_part = section.measures is None and carried is None
        suggested = set(self.suggested(place, offers)) if fresh_part else set()
        choices = [Option(t, t, t in kept or t in suggested) for t in titles]
        if choices:
            if q.other:
                choices.append(Option(OWN_OPTION, OWN))
            spec = PromptSpec(
                "checkbox", q.get_prompt(ctx), options=tuple(choices),
                instruction=q.get_help(ctx), carried=carried is not None,
            )
            chosen = list(self.prompter.ask(spec))
            own = OWN in chosen
        else:
            chosen, own = [], q.other and not section.children  # sub-parts hold a parent's work
        items = [t for t in titles if t in chosen]
        prompt = OWN_PROMPT if choices else NO_OFFERS_PROMPT
        while own:
            typed = str(self.prompter.ask(PromptSpec("text", prompt))).strip()
            if not typed:
                break
            if typed not in items:
                items.append(typed)
            prompt = OWN_PROMPT
        fresh = carried is not None  # carried items are offered again: their details are asked
        section.measures = [
            Measure(t, None) if fresh or t not in kept else kept[t] for t in items
        ]
        if suggested and set(items) == suggested:
            # The suggestion taken as it is: the bank's standard details, no further question
            # (the review screen can still change every detail).
            standard = {o.text: o.detail for o in self.measure_offers(place)}
            for m in section.measures:
                m.detail = standard.get(m.item, "")
        self.session.save(f"{place.banner} › {q.get_prompt(ctx)}")

    def ask_details(self, place: Place, *, only_new: bool) -> None:
        """Which items get a detail sentence; ask those, settle the others (bank detail or none).

        `only_new`: only items whose detail is not settled yet (None); else every item.
        """
        section = place.section
        items = [m for m in section.measures or [] if not only_new or m.detail is None]
        if not items:
            return
        bank = {o.text: o.detail for o in self.measure_offers(place)}
        last = {m.item: m.detail for m in self.carry.measures(section) or []}
        choices = []
        for n, m in enumerate(items):
            mark = STANDARD_DETAIL if bank.get(m.item) and m.item not in last else ""
            ticked = bool(last.get(m.item)) and m.detail is None  # last period's detail: confirm it
            choices.append(Option(f"{m.item}{mark}", n, ticked))
        chosen = set(self.checkbox(DETAILS_PROMPT, choices, DETAILS_HELP))
        for n, m in enumerate(items):
            if n not in chosen and m.detail is None:
                m.detail = bank.get(m.item, "") if m.item not in last else ""
        self.session.save(f"{place.banner} › {DETAILS_PROMPT}")
        for n, m in enumerate(items):
            if n not in chosen:
                continue
            carried = last.get(m.item) if m.detail is None else None
            default = m.detail or carried or bank.get(m.item, "")
            spec = PromptSpec(
                "text", DETAIL_PROMPT.format(item=m.item), default=default,
                carried=bool(carried) and default == carried,
            )
            m.detail = str(self.prompter.ask(spec)).strip()
            self.session.save(f"{place.banner} › {m.item}")

    # --- counts --------------------------------------------------------------------------

    def count_items(self, place: Place) -> tuple[list[CountItem], list[CountItem]]:
        """The counts asked in the first pass, and those behind 更多数字. A section carried from
        last period asks last period's counts (under their own keys) and keeps the catalogue's
        behind 更多数字; any other asks the first `MAX_COUNTS` of the catalogue's. Counts the
        section already holds are asked too."""
        section = place.section
        carried = self.carry.counts(section, place.learned)
        taken = taken_counts(self._others(place), self.knowledge)
        taken |= {count_key_id(i.key, self.knowledge) for i in carried}
        topic, organisation = topic_of(section), self._organisation()
        own = self.session.office() is not None  # an own kind: its facts first, its parents' none
        verbs, catalogue = (self.session.library.verbs, not place.learned_children) if own else (None, True)
        offers = self._where_proven(place, count_offers(
            topic, place.learned, organisation, self.knowledge, taken, verbs, catalogue))
        if self.carry.of(section) is not None:
            first, more = carried, offers
        else:
            first, more = offers[:MAX_COUNTS], offers[MAX_COUNTS:]
        stored = section.counts or {}
        known = {i.key for i in first + more}
        first = first + [i for i in more if i.key in stored]
        first += [CountItem(k, self._unit(k)) for k in stored if k not in known]
        return first, [i for i in more if i.key not in stored]

    def _where_proven(self, place: Place, offers: list[CountItem]) -> list[CountItem]:
        """Counts asked where they are said: first those this part's measures prove; none that
        a measure ticked in another part proves (that part asks it, the draft says it there)."""
        learned = learned_proofs(self.session.answers.outline, self.knowledge)

        def proven(sections: list[SectionAnswer]) -> set[str]:
            return {key for s in sections for m in s.measures or []
                    for key in proven_by(m, section_topic(s.topic or ""), self.knowledge, learned)}

        here, ids = proven([place.section]), {i.key: count_key_id(i.key, self.knowledge) for i in offers}
        elsewhere = proven(self._others(place)) - here
        return sorted((i for i in offers if ids[i.key] not in elsewhere), key=lambda i: ids[i.key] not in here)

    def _unit(self, key: str) -> str:
        entry = self.knowledge.match_count(key)
        return entry.unit if entry else ""

    def ask_counts(self, place: Place, items: list[CountItem], *, only_missing: bool) -> None:
        """Ask counts one by one (blank: leave the sentence out); save each."""
        q = self.question(NUMBERS)
        assert q is not None
        section = place.section
        stored = section.counts or {}
        todo = [i for i in items if not (only_missing and i.key in stored)]
        if not todo:
            return
        ctx = self.section_env(section, place.learned)
        self.say(f"{CARRIED_NUMBERS if any(i.carried for i in todo) else q.get_prompt(ctx)}：")
        for item in todo:
            help_text = STATED_HELP.format(stated=item.stated) if item.stated else q.get_help(ctx)
            ask = q.for_item(item.label, item.unit, help_text)
            current = stored.get(item.key)
            value = ask.cast(self.prompter.ask(ask.structure({}, None, current)))
            section.counts = {**(section.counts or {}), item.key: value}
            self.session.save(f"{place.banner} › {item.label}")
        if only_missing:
            more = self.count_items(place)[1]
            if more:
                names = "、".join(i.key for i in more[:3]) + ("等" if len(more) > 3 else "")
                self.say(MORE_COUNTS_NOTE.format(n=len(more), names=names))

    def ask_more_counts(self, place: Place) -> None:
        """更多数字: tick the counts to fill among those not asked yet, then ask them."""
        more = self.count_items(place)[1]
        choices = [Option(i.label, n) for n, i in enumerate(more)]
        chosen = set(self.checkbox(MORE_COUNTS_PROMPT, choices))
        self.ask_counts(place, [i for n, i in enumerate(more) if n in chosen], only_missing=False)

    # --- text ----------------------------------------------------------------------------

    def ask_text(self, place: Place) -> None:
        """The section's own paragraphs; last period's text, with this period's counts put in,
        is the default until confirmed, with what in it still is last period's pointed out."""
        q = self.question(TEXT)
        assert q is not None
        section = place.section
        ctx = self.section_env(section, place.learned)
        current = None if section.paragraphs is None else "\n\n".join(section.paragraphs)
        carried = self.carry.text(section) if current is None else None
        if current is None and carried is None:
            current = self.effect(place) or None  # a fresh part offers the bank's 成效 sentence
        shown = current if current is not None else carried
        note = ""
        if shown:
            stored = section.counts or {}
            stale = [
                i.stated for i in self.carry.counts(section, place.learned)
                if i.stated and stored.get(i.key) is None
            ]
            note = self.carry.note(shown, stale, self.period())
        section.paragraphs = paragraphs_of(self.ask(q, ctx, None, current, carried, note))
        self.session.save(f"{place.banner} › {q.get_prompt(ctx)}")

