"""The interview behind `drafter new`: ask what is missing, in order, and save after every answer.

Flow: organisation (党支部 …, it decides which counts and measures are offered) → report kind →
basic facts (none the kind already answers: an annual report is 全年) → one checkbox for the
parts and sub-parts (drafter.wizard.parts) → each part's questions (drafter.wizard.part_questions). The review
screen (drafter.wizard.review) comes after.

A key that is present has been answered (drafter.wizard.session), so a resumed interview asks only
what is missing. Nothing is saved before the report kind is chosen: an answers file names its
outline.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from drafter.answers import SCHEMA_VERSION, Answers, SectionAnswer, read_answers
from drafter.domain import Period, organisation_of
from drafter.errors import OutputError, UserError
from drafter.library import Library, Outline
from drafter.wizard.asker import Asker
from drafter.wizard.carry import Carry, is_empty, load_last_period
from drafter.wizard.part_questions import CHILDREN, PartQuestions
from drafter.wizard.parts import Entry, chosen_sections, entries, options
from drafter.wizard.question import Option, Prompter, PromptSpec, Question, questions_of
from drafter.wizard.session import Place, Session

ORGANISATION_PROMPT = "以哪一级党组织的名义写？"
KIND_PROMPT = "要写哪一类总结？"
PARTS_PROMPT = "这次总结写哪几部分？（缩进的是小标题）"
CHILDREN_PROMPT = "这一部分下面写哪些小标题？"
PERIOD_PROMPT = "本期是哪一期？（上期：{last}）"
OTHER_PERIOD = "other"
OTHER_PERIOD_TITLE = "其他（自己填年度和时间段）"
OWN_LABEL = "从本单位往期报告学到"


class Interview(Asker):
    """Asks the questions of one session through a prompter; the review reuses its askers."""

    def __init__(self, session: Session, carry: Carry, prompter: Prompter) -> None:
        super().__init__(session, carry, prompter)
        self.basics = questions_of(session.library.questions["basics"])
        self.parts = PartQuestions(session, carry, prompter)

    # --- start ---------------------------------------------------------------------------

    def confirm_overwrite(self) -> bool:
        """Ask before a document that exists would be replaced; refuse to go on without consent."""
        output = self.session.output
        if not output.exists():
            return False
        spec = PromptSpec("confirm", f"{output} 已存在，生成时覆盖它吗？", default=False)
        if not self.prompter.ask(spec):
            raise OutputError(f"{output}：文件已存在。", hint="请换一个输出文件名，或加 --force 覆盖。")
        return True

    def start(self, *, resume: bool, last: Answers | None, last_path: Path | None) -> None:
        """Continue the answers file, or choose organisation and report kind and start afresh.

        `last` is last period's answers read from `last_path` (`--from`); without them, a
        continued answers file that records a `from` has them read again from there.
        """
        session = self.session
        if session.path.exists() and (
            resume
            or self.prompter.ask(
                PromptSpec("confirm", f"发现上次保存的答案 {session.path}，接着用吗？", default=True)
            )
        ):
            session.begin(read_answers(session.path, session.library), from_file=True)
            self.say(f"已读取 {session.path}，只问还没填的问题。")
            if last_path is not None:
                session.answers.last = str(last_path.resolve())
                session.save("上期报告")
            elif session.answers.last is not None:
                last = self._reload_last(session.answers.last)
            self._use_last(last)
            return
        if last is not None:
            self._announce(last)
        organisation = self._ask_organisation(last)
        outline = self._choose_outline(last)
        answers = Answers(
            outline=outline, outline_ref=outline.id, organisation=organisation,
            schema=SCHEMA_VERSION, last=None if last_path is None else str(last_path.resolve()),
        )
        session.begin(answers)
        self.carry.use(last, answers)
        session.save("总结类型")

    def _announce(self, last: Answers) -> None:
        period = f"（{last.year}年{last.period or ''}）" if last.year else ""
        self.say(f"以上期内容{period}为起点：标着“（上期内容）”的，回车沿用，也可修改；数字请填本期的。")

    def _use_last(self, last: Answers | None) -> None:
        if last is not None:
            self._announce(last)
        self.carry.use(last, self.session.answers)

    def _reload_last(self, recorded: str) -> Answers | None:
        """Last period's answers named by the answers file, or None (said in one line)."""
        path = Path(recorded)
        try:
            return load_last_period(
                path if path.is_absolute() else self.session.path.parent / path,
                self.session.library,
            )
        except UserError as exc:
            self.say(f"{exc.message.rstrip('。')}，这次不参考上期内容。")
            return None

    def _ask_organisation(self, last: Answers | None) -> str:
        """The organisation the report speaks for; last period's, else the one the office's
        own reports sign as (…党支部), else the knowledge's default."""
        organisations = self.knowledge.organisations
        own = self.session.library.own_outlines
        signed = own[0].own.units if own and own[0].own else ()
        office = next((found for name in signed if (found := organisation_of(name))), None)
        default = (last.organisation if last else None) or office or self.knowledge.default_organisation.id
        if len(organisations) == 1:
            return organisations[0].id
        choices = [Option(f"{o.name}：{o.help}", o.id) for o in organisations]
        return str(self.select(ORGANISATION_PROMPT, choices, default))

    def _choose_outline(self, last: Answers | None) -> Outline:
        """The report kind: the office's own kinds first (learned from its reports), then the
        general outline and the shipped kinds. After last period's report the default is the
        kind that follows it (kinds.yaml `followed_by`: after 上半年 the annual summary, after
        it 上半年; an own kind follows itself), else last period's own kind, when the library
        has that outline; without last period, the first own kind, else the general one."""
        library = self.session.library
        general = default_outline(library)
        own = library.own_outlines
        default = own[0] if own else general
        if last is not None:
            after = None if last.outline.own else (library.authored_kind(last.outline.id) or {}).get("followed_by")
            default = library.outlines.get(after or last.outline.id) or library.outlines.get(last.outline.id, general)
        if len(library.outlines) == 1:
            return default
        shipped = [general, *(o for o in library.outlines.values() if o is not general and o.own is None)]
        choices = [Option(f"{o.kind}：{OWN_LABEL}（{len(o.sources)}份）", o.id) for o in own]
        choices += [Option(f"{o.kind}：{o.description}" if o.description else o.kind, o.id) for o in shipped]
        return library.outlines[self.select(KIND_PROMPT, choices, default.id)]

    # --- the first pass ------------------------------------------------------------------

    def first_pass(self) -> None:
        """Ask every question not answered yet, in order."""
        answers = self.session.answers
        if answers.organisation is None:  # a file written before organisations existed
            answers.organisation = self._ask_organisation(self.carry.last)
            self.session.save(ORGANISATION_PROMPT)
        if self.carry.last is not None and answers.year is None and answers.period is None:
            self._ask_period()
        for q in self.basics:
            ctx, refs = self.basic_env()
            if self.session.basic(q.name) is not None:
                continue
            if q.is_enabled(ctx):
                self.ask_basic(q, first_pass=True)
            elif q.default is not None:  # the kind answers it (an annual report is 全年)
                self.session.set_basic(q.name, q.get_default(ctx, refs))
                self.session.save(q.get_prompt(ctx))
        if answers.sections is None:
            self.choose_parts(None, required=True)
        for place in self.session.walk():
            self.fill(place)

    def fill(self, place: Place) -> None:
        """Ask what is missing in one section (its sub-sections come next in the walk)."""
        todo = self.parts.pending(place)
        if not todo:
            return
        self.say(f"—— {place.banner} ——")
        for name in todo:
            if self.parts.take_empty(place, name):
                continue
            if name == CHILDREN:
                self.choose_parts(place)
            else:
                self.parts.ask_part(place, name, first_pass=True)

    def _ask_period(self) -> None:
        """This period, among those that follow last period's; 其他 leaves year and period to
        their own questions."""
        last = self.carry.last
        assert last is not None
        names = {q.name for q in self.basics}
        if last.year is None or not {"year", "period"} <= names:
            return
        following = Period(last.year, last.period or "全年").following()
        choices = [Option(p.name.replace("年度", "年全年"), (p.year, p.part)) for p in following]
        choices.append(Option(OTHER_PERIOD_TITLE, OTHER_PERIOD))
        message = PERIOD_PROMPT.format(last=f"{last.year}年{last.period or ''}")
        choice = self.select(message, choices, choices[0].value)
        if choice != OTHER_PERIOD:
            self.session.answers.year, self.session.answers.period = choice
            self.session.save("本期")

    # --- basic questions -----------------------------------------------------------------

    def basic_env(self) -> tuple[Any, Any]:
        """Jinja context and computed defaults ("@title", "@opening") for the basic questions."""
        from drafter.composing import kind_text

        answers = self.session.answers
        refs = {
            "title": lambda: kind_text(answers, self.session.library, "title"),
            "opening": lambda: kind_text(answers, self.session.library, "opening"),
        }
        return self.session.basic_context(self.carry.mapping()), refs

    def ask_basic(self, q: Question, *, first_pass: bool = False) -> None:
        """Ask one basic question; answers left at a default computed from it follow it.

        Last period's answer is the default until confirmed; in the first pass an empty one
        is taken as it is. Without either, what the kind knows is offered (`Session.known`:
        an own kind's office as the unit).
        """
        ctx, refs = self.basic_env()
        current = self.session.basic(q.name)
        carried = None if current is not None else self.carry.basic(q)
        followers = self._defaults_now()
        if first_pass and carried is not None and is_empty(carried):
            value = carried
        else:
            shown = current if current is not None else carried
            note = ""
            if q.type == "multiline" and shown:
                note = self.carry.note(str(shown), [], self.period())
            offered = current if current is not None or carried is not None else self.session.known(q.name)
            value = self.ask(q, ctx, refs, offered, carried, note)
        self.session.set_basic(q.name, value)
        self._follow(followers, changed=q.name)
        self.session.save(q.get_prompt(ctx))

    def _defaults_now(self) -> dict[str, Any]:
        """The computed defaults ({{ unit }}, @title) of the answered basic questions, now."""
        ctx, refs = self.basic_env()
        out = {}
        for q in self.basics:
            if q.computes_default and self.session.basic(q.name) is not None:
                try:
                    out[q.name] = q.get_default(ctx, refs)
                except UserError:
                    continue
        return out

    def _follow(self, before: dict[str, Any], changed: str) -> None:
        """A title or signature left at its default (computed from the unit) tracks a new unit."""
        ctx, refs = self.basic_env()
        for q in self.basics:
            if q.name == changed or q.name not in before:
                continue
            if self.session.basic(q.name) == before[q.name]:
                try:
                    self.session.set_basic(q.name, q.get_default(ctx, refs))
                except UserError:
                    continue

    # --- parts ---------------------------------------------------------------------------

    def choose_parts(self, place: Place | None, *, required: bool = False) -> None:
        """Tick the parts of the report (`place` None: the whole tree) or of one section."""
        answers = self.session.answers
        if place is None:
            current, candidates = answers.sections, answers.outline.sections
            last = self.carry.last.sections if self.carry.last else None
            message = PARTS_PROMPT
        else:
            current, candidates = place.section.children, place.learned_children
            counterpart = self.carry.of(place.section)
            last = counterpart.children if counterpart else None
            message = CHILDREN_PROMPT
        tree = entries(current, last, candidates, self.carry, adapting=self.parts.adapting())
        spec = PromptSpec(
            "checkbox",
            message,
            options=tuple(options(tree)),
            validate=(lambda v: None if v else "请至少选一个部分。") if required else None,
        )
        chosen = {tuple(v) for v in self.prompter.ask(spec)}
        sections = chosen_sections(tree, chosen, self._new_part)
        if place is None:
            answers.sections = sections
        else:
            place.section.children = sections
        self.session.save(message)

    def _new_part(self, entry: Entry) -> SectionAnswer:
        if entry.last is not None:
            return self.carry.part(entry.last, self.session.answers.year)
        assert entry.learned is not None
        return self.parts.new_section(entry.learned)


def default_outline(library: Library) -> Outline:
    """The outline offered first: the general one."""
    if not library.outlines:
        raise UserError("没有可用的大纲。", hint="请先用 drafter learn 从真实报告生成 outlines/learned/。")
    outline: Outline = library.outlines.get("general") or next(iter(library.outlines.values()))
    return outline

