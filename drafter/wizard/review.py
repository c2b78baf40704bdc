"""The review screen of `drafter new`: every part with an honest state, the 核稿 findings, and
any answer one step away; then preview, write, or save and stop.

Each time it is shown, the current answers are composed (drafter.composing.composer) and checked
(drafter.checking.check, the rules of `drafter check`): the number of findings and where they are stand
above the menu, each part's line carries its own count, and "核稿结果" lists them in full. A
part reads "✔ 已完成" only when it says something; an answered part that says nothing reads
"空：不写入文档" (composition leaves it out); a part with questions left reads "… 未填写".
The layout of each heading level (run-in or standalone) is chosen here for the whole document
(`Answers.run_in_levels`). Two parts that name one activity (严格执行 / 严格落实“三会一课”制度)
are pointed out under the summary (drafter.wizard.offers.repeated_activities). A gathered
report (`drafter gather`) has one more line: whether its figures table goes with it as 附件.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any

from drafter.answers import Answers, answers_mapping, missing_required
from drafter.checking import Finding, check_document, context_of_answers, format_findings
from drafter.errors import SavedForLater, UserError
from drafter.wizard.carry import same_as_last
from drafter.wizard.interview import Interview
from drafter.wizard.offers import repeated_activities
from drafter.wizard.part_questions import HEADING, MEASURES, NUMBERS, TEXT
from drafter.wizard.question import Option, PromptSpec
from drafter.wizard.session import Place, chars, has_content

DONE, TODO, EMPTY = "✔ 已完成", "… 未填写", "空：不写入文档"
BACK = "back"
REVIEW_PROMPT = "核对一下：选一项查看或修改，都好了就选“生成文档”"
UNCHANGED = "与上期相同的内容（{n} 项）"
LEVEL_NAMES = {1: "一级标题（一、）", 2: "二级标题（（一））", 3: "三级标题（1.）", 4: "四级标题（（1））"}
LAYOUT_PROMPT = "哪几级标题与正文接排？（勾选的：标题后直接接正文；不勾选的：标题单独成行）"
MAX_PLACES_SHOWN = 4
TABLE_PROMPT = "生成文档时在落款后附上各支部数字统计表（附件）吗？"
TABLE_STATES = {True: "附上", False: "不附"}
REPEATED = "请核对：“{item}”与“{heading}”里的“{first}”是同一项工作，一份报告只宜写一次。"
_INNER = str.maketrans("“”", "‘’")  # quotes inside a quoted item become single, as 公文 nests them

Action = Callable[[], None]


class Review:
    """The overview after the first pass; edits go through the interview's askers."""

    def __init__(self, interview: Interview) -> None:
        self.interview = interview
        self.parts = interview.parts
        self.session = interview.session
        self.carry = interview.carry
        self.library = self.session.library

    @property
    def answers(self) -> Answers:
        return self.session.answers

    def say(self, text: str) -> None:
        self.interview.say(text)

    # --- the overview --------------------------------------------------------------------

    def run(self, *, force: bool, reference_docx: Path | None) -> Path:
        """Show the overview until the document is written (or the user saves and stops)."""
        pointer: Any = None
        while True:
            findings = self.findings()
            places = [p for p in self.session.walk() if p.level == 1]
            options = [Option(self._basics_line(), "basics")]
            options += [Option(self._line(p, findings), ("part", n)) for n, p in enumerate(places)]
            options += [Option("增减部分", "parts"), Option(f"标题排法：{self._layout()}", "layout")]
            if self.answers.gathered is not None:
                options.append(Option(f"附件统计表：{TABLE_STATES[bool(self.answers.gathered.table)]}", "table"))
            if unchanged := self.unchanged():
                options.append(Option(UNCHANGED.format(n=len(unchanged)), "unchanged"))
            if isinstance(findings, list) and findings:
                options.append(Option(f"核稿结果（{len(findings)} 处）", "findings"))
            options += [
                Option("预览全文", "preview"), Option("生成文档", "write"), Option("保存并退出", "quit"),
            ]
            if pointer is None:
                todo = [("part", n) for n, p in enumerate(places) if self._pending(p)]
                pointer = todo[0] if todo else "write"
            self.say(self._summary(findings))
            for item, heading, first in repeated_activities(self.answers.sections or [], self.library.knowledge):
                self.say(REPEATED.format(
                    item=item.translate(_INNER), heading=heading.translate(_INNER), first=first.translate(_INNER)
                ))
            pointer = self.interview.select(REVIEW_PROMPT, options, pointer)
            if pointer == "write":
                written = self.write(force=force, reference_docx=reference_docx)
                if written is not None:
                    return written
            elif pointer == "quit":
                raise SavedForLater(self.session.stop_message())
            elif isinstance(pointer, tuple):
                self.edit_part(places[pointer[1]])
            else:
                self._actions()[pointer]()

    def _actions(self) -> dict[str, Action]:
        return {
            "basics": self.edit_basics,
            "parts": self.change_parts,
            "layout": self.choose_layout,
            "table": self.choose_table,
            "unchanged": self.edit_unchanged,
            "findings": self.show_findings,
            "preview": self.preview,
        }

    def _basics_line(self) -> str:
        ctx, _ = self.interview.basic_env()
        done = all(
            self.session.basic(q.name) is not None
            for q in self.interview.basics
            if q.is_enabled(ctx)
        )
        return f"基本信息  {DONE if done else TODO}  {self.answers.unit or ''}"

    def _pending(self, place: Place) -> bool:
        """Whether a question of the part or of one of its sub-parts is still unanswered."""
        if self.parts.pending(place):
            return True
        return any(
            self.parts.pending(p) for p in self.session.walk()
            if p.trail[: len(place.trail)] == place.trail and p is not place
        )

    def state(self, place: Place) -> str:
        if self._pending(place):
            return TODO
        return DONE if has_content(place.section) else EMPTY

    def _line(self, place: Place, findings: list[Finding] | str) -> str:
        """A part as the review lists it: label, heading, state, what it holds, its findings."""
        s = place.section
        numbers = sum(v is not None for v in (s.counts or {}).values())
        text = chars("".join(s.paragraphs or []))
        line = f"{place.label}  {self.state(place)}  {len(s.measures or [])} 条 · 数字 {numbers} 项 · 正文 {text} 字"
        if s.children:
            line += f" · 小标题 {len(s.children)} 个"
        if isinstance(findings, list):
            mine = [f for f in findings if _belongs(f, s.heading)]
            if mine:
                line += f"  ⚠ 核稿 {len(mine)} 处"
        return line

    # --- 核稿 ----------------------------------------------------------------------------

    def findings(self) -> list[Finding] | str:
        """The 核稿 findings of the document as the answers stand now, or why there are none."""
        from drafter.composing import compose

        if not self.answers.sections:
            return "还没有选任何部分。"
        try:
            document = compose(self.answers, self.library)
        except UserError as exc:
            return f"暂时无法核稿：{exc.message}"
        return check_document(document, context_of_answers(self.answers, self.library))

    def _summary(self, findings: list[Finding] | str) -> str:
        if isinstance(findings, str):
            return f"核稿：{findings}"
        if not findings:
            return "核稿：未发现问题。"
        places: dict[str, int] = {}
        for f in findings:
            places[f.path[0]] = places.get(f.path[0], 0) + 1
        shown = [f"{where} {n} 处" for where, n in list(places.items())[:MAX_PLACES_SHOWN]]
        more = "等" if len(places) > MAX_PLACES_SHOWN else ""
        return f"核稿：发现 {len(findings)} 处需要核对（{'；'.join(shown)}{more}），选“核稿结果”查看。"

    def show_findings(self) -> None:
        findings = self.findings()
        self.say(findings if isinstance(findings, str) else format_findings(findings))

    # --- basics --------------------------------------------------------------------------

    def edit_basics(self) -> None:
        pointer = None
        while True:
            ctx, _ = self.interview.basic_env()
            options = [
                Option(f"{q.get_prompt(ctx)}：{summary(self.session.basic(q.name))}", q.name)
                for q in self.interview.basics
                if q.is_enabled(ctx)
            ] + [Option("返回总览", BACK)]
            pointer = self.interview.select("基本信息：选一项修改", options, pointer)
            if pointer == BACK:
                return
            self.interview.ask_basic(next(q for q in self.interview.basics if q.name == pointer))

    # --- parts ---------------------------------------------------------------------------

    def change_parts(self, place: Place | None = None) -> None:
        """增减部分 (or 增减小标题 of one part), then ask what the new parts miss."""
        self.interview.choose_parts(place, required=place is None)
        for p in self.session.walk():
            self.interview.fill(p)

    def edit_part(self, place: Place) -> None:
        """One part's menu: each question with its answer, its sub-parts, and back."""
        pointer = None
        while True:
            place = next(p for p in self.session.walk() if p.section is place.section)
            options, actions = self._part_menu(place)
            back = "返回总览" if place.level == 1 else "返回上一层"
            options.append(Option(back, BACK))
            pointer = self.interview.select(f"{place.label}：选一项修改", options, pointer)
            if pointer == BACK:
                return
            actions[pointer]()

    def _part_menu(self, place: Place) -> tuple[list[Option], dict[Any, Action]]:
        """A part's menu entries (title, key) and what each does."""
        s, parts = place.section, self.parts
        ctx = parts.section_env(s, place.learned)
        entries: list[tuple[str, Any, Action]] = []

        def add(title: str, key: Any, action: Action) -> None:
            entries.append((title, key, action))

        for q in parts.questions:
            if not q.is_enabled(ctx):
                continue
            if q.name == HEADING:
                add(f"标题：{s.heading}", HEADING, partial(parts.ask_heading, place))
            elif q.name == MEASURES:
                add(f"{q.get_prompt(ctx)}：{summary(s.measures)}", MEASURES, partial(self._measures, place))
                if s.measures:
                    detailed = sum(bool(m.detail) for m in s.measures)
                    ask = partial(parts.ask_details, place, only_new=False)
                    add(f"具体情况：{detailed} 条有说明", "details", ask)
            elif q.name == NUMBERS:
                first, more = parts.count_items(place)
                if first:
                    ask = partial(parts.ask_counts, place, first, only_missing=False)
                    add(f"数字：{summary(s.counts)}", NUMBERS, ask)
                if more:
                    add(f"更多数字（还有 {len(more)} 项）", "more", partial(parts.ask_more_counts, place))
            elif q.name == TEXT:
                text = None if s.paragraphs is None else "\n".join(s.paragraphs)
                add(f"{q.get_prompt(ctx)}：{summary(text)}", TEXT, partial(parts.ask_text, place))
        for q in parts.extra_questions(place):
            if q.is_enabled(ctx):
                value = (s.extra or {}).get(q.name)
                add(f"{q.get_prompt(ctx)}：{summary(value)}", ("extra", q.name), partial(parts.ask_extra, place, q))
        children = [p for p in self.session.walk() if p.trail[:-1] == place.trail]
        for child in children:
            add(self._line(child, []), ("child", child.label), partial(self.edit_part, child))
        if parts.has_children(place) or children:
            add("增减小标题", "children", partial(self.change_parts, place))
        options = [Option(title, key) for title, key, _ in entries]
        return options, {key: action for _, key, action in entries}

    def _measures(self, place: Place) -> None:
        self.parts.ask_measures(place)
        self.parts.ask_details(place, only_new=True)

    # --- layout --------------------------------------------------------------------------

    def _levels(self) -> list[int]:
        return sorted({p.level for p in self.session.walk()}) or [1]

    def run_in_levels(self) -> set[int]:
        """The levels laid out run-in now: as answered, else the kind's way."""
        from drafter.composing import kind_run_in_levels

        chosen = self.answers.run_in_levels
        return set(chosen) if chosen is not None else kind_run_in_levels(self.answers.outline)

    def _layout(self) -> str:
        run_in = self.run_in_levels()
        return "，".join(
            f"{LEVEL_NAMES[level][:4]}{'接排' if level in run_in else '单独成行'}" for level in self._levels()
        )

    def choose_layout(self) -> None:
        """Tick the heading levels laid out run-in; one layout per level for the whole document."""
        run_in = self.run_in_levels()
        options = [Option(LEVEL_NAMES[level], level, level in run_in) for level in self._levels()]
        chosen = {int(v) for v in self.interview.checkbox(LAYOUT_PROMPT, options)}
        shown = set(self._levels())
        self.answers.run_in_levels = sorted(chosen | (run_in - shown))
        for place in self.session.walk():  # a section's own layout would break the level's
            place.section.run_in = None
        self.session.save("标题排法")

    def choose_table(self) -> None:
        """Whether a gathered report (drafter gather) goes with its figures table as 附件."""
        gathered = self.answers.gathered
        assert gathered is not None
        current = True if gathered.table is None else gathered.table
        gathered.table = bool(self.interview.prompter.ask(PromptSpec("confirm", TABLE_PROMPT, default=current)))
        self.session.save("附件统计表")

    # --- what is still last period's -----------------------------------------------------

    def unchanged(self) -> list[tuple[str, Action]]:
        """What still says what last period's said, each with the way to change it.

        Listed: texts and measures equal to what was offered from last period, and counts given
        the same figure as last period. Names, titles and empty answers are not listed: keeping
        them is normal.
        """
        if self.carry.last is None:
            return []
        out: list[tuple[str, Action]] = []
        ctx, _ = self.interview.basic_env()
        for q in self.interview.basics:
            answer, last = self.session.basic(q.name), self.carry.basic(q)
            if q.type in ("multiline", "checkbox") and same_as_last(answer, last):
                out.append((q.get_prompt(ctx), partial(self.interview.ask_basic, q)))
        for place in self.session.walk():
            s, where = place.section, f"{place.banner} › "
            ctx = self.parts.section_env(s, place.learned)
            for q in self.parts.questions:
                if q.name == MEASURES and same_as_last(s.measures, self.carry.measures(s)):
                    out.append((where + q.get_prompt(ctx), partial(self._measures, place)))
                elif q.name == TEXT and same_as_last(
                    None if s.paragraphs is None else "\n\n".join(s.paragraphs), self.carry.text(s)
                ):
                    out.append((where + q.get_prompt(ctx), partial(self.parts.ask_text, place)))
                elif q.name == NUMBERS:
                    same = [
                        i for i in self.carry.counts(s, place.learned)
                        if i.last is not None and (s.counts or {}).get(i.key) == i.last
                    ]
                    if same:
                        label = "、".join(f"{i.key} {i.last}" for i in same)
                        ask = partial(self.parts.ask_counts, place, same, only_missing=False)
                        out.append((where + label, ask))
        return out

    def edit_unchanged(self) -> None:
        """The list of what is the same as last period; pick one to change it."""
        pointer = None
        while True:
            entries = self.unchanged()
            options = [Option(label, n) for n, (label, _) in enumerate(entries)]
            options.append(Option("返回总览", BACK))
            pointer = self.interview.select("这些内容与上期相同：选一项修改", options, pointer)
            if pointer == BACK:
                return
            entries[pointer][1]()

    # --- preview and writing -------------------------------------------------------------

    def preview(self) -> None:
        from drafter.composing import compose
        from drafter.writers import to_text

        try:
            text = to_text(compose(self.answers, self.library))
        except UserError as exc:
            self.say(f"暂时无法预览：{exc}")
            return
        self.say("———— 预览 ————")
        self.say(text.rstrip())
        self.say("———— 预览结束 ————")

    def write(self, *, force: bool, reference_docx: Path | None) -> Path | None:
        """Write the document; None (back to the review) when answers miss or writing fails."""
        missing = missing_required(answers_mapping(self.answers), self.library)
        if missing:
            self.say(f"还不能生成，缺少：{'；'.join(missing)}")
            return None
        try:
            written = write_document(
                self.answers, self.library, self.session.output,
                force=force, reference_docx=reference_docx, inputs=[self.session.path],
            )
        except UserError as exc:
            self.say(f"未能生成：{exc}")
            return None
        self.say(f"答案保存在 {self.session.path}，以后可用 drafter render 重新生成。")
        return written


def write_document(
    answers: Answers,
    library: Any,
    output: Path,
    *,
    force: bool,
    reference_docx: Path | None,
    inputs: list[Path | None],
) -> Path:
    """Compose the answers and write the document (the format follows the file name): never onto
    an input (the answers file, its outline, the reference .docx) or anything but a regular
    file, and created exclusively unless `force`."""
    from drafter.composing import compose
    from drafter.writers import check_document_output, format_of
    from drafter.writers import write_document as write

    check_document_output(output, force=force, inputs=[*inputs, answers.outline.path, reference_docx])
    write(
        compose(answers, library), output, format_of(output, None),
        reference_docx=reference_docx, force=force,
    )
    return output


def _belongs(finding: Finding, heading: str) -> bool:
    """Whether a finding is in the part with this heading (or below it)."""
    from drafter.composing import clean_heading

    return finding.path[0].endswith(clean_heading(heading))


def summary(value: Any) -> str:
    """A short answer summary for the review menus."""
    if value is None:
        return TODO
    if isinstance(value, dict):
        filled = [f"{k} {v}" for k, v in value.items() if v is not None]
        return "、".join(filled) if filled else "（都没填）"
    if isinstance(value, list):
        return f"{len(value)} 条" if value else "（无）"
    text = str(value)
    if not text.strip():
        return "（空）"
    return text if len(text) <= 24 and "\n" not in text else f"{chars(text)} 字"
