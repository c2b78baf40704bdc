"""The interview behind `drafter new`: ask, save after every answer, review, write.

Flow: report kind → basic facts → the parts to include → each part's questions → the review
screen, where every part shows whether it is filled and any answer can be changed, the whole
text previewed, the document written. Every answer is saved at once to the answers file, so
Ctrl-C loses nothing and `drafter new --answers FILE` asks only what is still missing: a key
that is present has been answered (skipped answers are stored empty).

Two bookkeeping rules keep the file valid at every moment. A chosen part is stored at once
with its default heading, because an answers file requires a heading; the heading counts as
answered once any later answer of that part is stored (so after Ctrl-C right behind a heading
it is asked again, with the typed heading as default). A checkbox question (measures) is one
answer: the ticked items plus the user's own, stored together; each item then gets a `detail`
key once its sentence of detail is answered.
"""

from __future__ import annotations

import datetime as dt
import re
import shlex
from collections import ChainMap
from pathlib import Path
from typing import Any

from drafter import prompts
from drafter.answers import load_answers, missing_required, require_complete, save_answers
from drafter.errors import Interrupted, OutputError, SavedForLater, UserError
from drafter.fsutil import check_writable
from drafter.numbering import heading_label
from drafter.outline import Library, Outline, OutlineSection
from drafter.phrasing import rank_facts
from drafter.question import Context, Option, PromptSpec, Question, Refs, questions_of

HEADING = "heading"  # the section question that names the part (a fixed answers-file key)
BACK = "back"
DONE, TODO, EMPTY = "✔ 已完成", "… 未填写", "空"
OTHER_PROMPT = "还要自己添一条吗？直接输入，回车确认；不添就直接回车"
DETAIL_PROMPT = "“{item}”：补充一句具体做法或情况（可留空）"


def default_answers_path(output: Path) -> Path:
    """Where the wizard saves answers by default: out.docx → out.answers.yaml beside it."""
    return output.with_name(f"{output.stem}.answers.yaml")


def run_wizard(
    library: Library,
    *,
    output: Path,
    answers_path: Path | None = None,
    defaults_only: bool = False,
    force: bool = False,
    reference_docx: Path | None = None,
) -> Path:
    """Run `drafter new` and return the document written.

    `answers_path` (default: `default_answers_path(output)`) is read when it exists and written
    after every answer. With `defaults_only` nothing is asked: missing basics take their
    defaults and every required answer still missing is reported at once (MissingAnswersError).
    Ctrl-C, or 保存并退出 on the review screen, raises `Interrupted` whose message says where the
    answers are and how to continue.
    """
    today = dt.date.today()
    if defaults_only:
        if answers_path is not None:
            data, _ = load_answers(answers_path, library)
        else:
            data = {"outline": _default_outline(library).id}
        fill_defaults(data, library, today)
        require_complete(data, library, answers_path)
        from drafter.render import render_answers

        return render_answers(data, library, output, force=force, reference_docx=reference_docx)

    prompts.ensure_terminal()
    check_writable(output, force=True)
    wizard = _Wizard(library, answers_path or default_answers_path(output), output, today)
    try:
        overwrite = force or wizard.confirm_overwrite()
        wizard.start(resume=answers_path is not None)
        wizard.interview()
        return wizard.review(force=overwrite, reference_docx=reference_docx)
    except (prompts.Aborted, KeyboardInterrupt):
        raise Interrupted(wizard.stop_message()) from None


def _default_outline(library: Library) -> Outline:
    if not library.outlines:
        raise UserError(
            "没有可用的大纲。", hint="请先用 drafter learn 从真实报告生成 outlines/learned/。"
        )
    return library.outlines.get("general") or next(iter(library.outlines.values()))


def basic_env(data: dict[str, Any], library: Library, today: dt.date) -> tuple[Context, Refs]:
    """Jinja context and computed defaults ("@title", "@opening") for the basic questions."""
    from drafter import compose

    refs: Refs = {
        "title": lambda: compose.default_title(data, library),
        "opening": lambda: compose.default_opening(data, library),
    }
    return ChainMap(data, {"today": today}), refs


def fill_defaults(data: dict[str, Any], library: Library, today: dt.date) -> None:
    """Give every unanswered basic question its default (for `--defaults`), in order.

    A default computed from other answers ("{{ unit }}", "@title") is left out while a
    required answer before it is missing: it would come out wrong or fail, and
    `require_complete` then names the answer that is really missing.
    """
    ctx, refs = basic_env(data, library, today)
    blocked = False
    for q in questions_of(library.questions["basics"]):
        if not q.is_enabled(ctx):
            continue
        if q.name not in data and not (blocked and q.computes_default):
            value = q.get_default(ctx, refs)
            if value not in (None, "", []):
                data[q.name] = value
        value = data.get(q.name)
        blocked = blocked or (
            q.required and (value is None or (isinstance(value, str) and not value.strip()))
        )


def _topic_id(section_id: str) -> str:
    """A learned section id without its sibling suffix: politics_2 → politics."""
    return re.sub(r"_\d+$", "", section_id)


def _outline_section_of(
    section: dict[str, Any], candidates: list[OutlineSection]
) -> OutlineSection | None:
    """The learned section an answered part belongs to, among its siblings."""
    return next((s for s in candidates if s.id == section.get("topic")), None)


def _items(raw: list[Any] | None) -> list[dict[str, Any]]:
    """Checkbox answers as {item, detail?} dicts (a hand-written file may list plain strings)."""
    return [dict(m) if isinstance(m, dict) else {"item": str(m)} for m in raw or []]


def _summary(value: Any) -> str:
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
    return text if len(text) <= 24 and "\n" not in text else f"{_chars(text)} 字"


def _chars(text: str) -> int:
    """Length of a text as Chinese users count it: characters without spaces and line breaks."""
    return len(re.sub(r"\s", "", text))


def _shell(path: Path) -> str:
    text = str(path)
    return shlex.quote(text) if re.search(r"\s", text) else text


class _Wizard:
    """One interview: the answers so far, their outline, and the file they are saved to."""

    def __init__(self, library: Library, path: Path, output: Path, today: dt.date) -> None:
        self.library = library
        self.path = path
        self.output = output
        self.today = today
        self.data: dict[str, Any] = {}
        self.outline: Outline | None = None
        self.saved = False
        self.basics = questions_of(library.questions["basics"])
        self.section_questions = questions_of(library.questions["section"])

    # --- saving and stopping -------------------------------------------------------------

    def save(self) -> None:
        save_answers(self.path, self.data)
        self.saved = True

    def stop_message(self) -> str:
        """What to tell the user when the interview stops before the document is written."""
        if not self.saved:
            return "已取消，没有保存任何答案。"
        command = f"drafter new --answers {_shell(self.path)} -o {_shell(self.output)}"
        return f"已保存到 {self.path}；继续填写：{command}"

    def _ask(self, q: Question, ctx: Context, refs: Refs, current: Any = None) -> Any:
        return q.cast(prompts.ask(q.structure(ctx, refs, current)))

    def _select(self, message: str, options: list[Option], default: Any = None) -> Any:
        values = [o.value for o in options]
        return prompts.ask(
            PromptSpec(
                "select",
                message,
                default=default if default in values else None,
                options=tuple(options),
            )
        )

    # --- start ---------------------------------------------------------------------------

    def confirm_overwrite(self) -> bool:
        """Ask before a document that exists would be replaced; refuse to go on without consent."""
        if not self.output.exists():
            return False
        spec = PromptSpec("confirm", f"{self.output} 已存在，生成时覆盖它吗？", default=False)
        if not prompts.ask(spec):
            raise OutputError(
                f"{self.output}：文件已存在。", hint="请换一个输出文件名，或加 --force 覆盖。"
            )
        return True

    def start(self, *, resume: bool) -> None:
        """Load the answers file to continue it, or choose the report kind and start afresh."""
        if self.path.exists() and (
            resume
            or prompts.ask(
                PromptSpec("confirm", f"发现上次保存的答案 {self.path}，接着用吗？", default=True)
            )
        ):
            self.data, self.outline = load_answers(self.path, self.library)
            self.saved = True
            prompts.say(f"已读取 {self.path}，只问还没填的问题。")
            return
        self.outline = self._choose_outline()
        self.data = {"outline": self.outline.id}
        self.save()

    def _choose_outline(self) -> Outline:
        default = _default_outline(self.library)
        if len(self.library.outlines) == 1:
            return default
        options = [
            Option(f"{o.kind}：{o.description}" if o.description else o.kind, o.id)
            for o in self.library.outlines.values()
        ]
        return self.library.outlines[self._select("要写哪一类总结？", options, default.id)]

    # --- the first pass: ask what is missing ---------------------------------------------

    def interview(self) -> None:
        """Ask every question not answered yet, in order."""
        for q in self.basics:
            ctx, _ = basic_env(self.data, self.library, self.today)
            if q.name not in self.data and q.is_enabled(ctx):
                self._ask_basic(q)
        assert self.outline is not None
        if "sections" not in self.data:
            self._choose_sections(self.data, "sections", self.outline.sections, required=True)
        self._fill_all(self.data["sections"], self.outline.sections)

    def _fill_all(self, sections: list[dict[str, Any]], candidates: list[OutlineSection]) -> None:
        for section in sections:
            self._fill(section, _outline_section_of(section, candidates))

    def _ask_basic(self, q: Question) -> None:
        """Ask one basic question; answers left at a default computed from it follow it."""
        before = dict(self.data)
        ctx, refs = basic_env(self.data, self.library, self.today)
        self.data[q.name] = self._ask(q, ctx, refs, self.data.get(q.name))
        self._follow_defaults(before, changed=q.name)
        self.save()

    def _follow_defaults(self, before: dict[str, Any], changed: str) -> None:
        """A title or signature left at its default (computed from the unit) tracks a new unit."""
        old_ctx, old_refs = basic_env(before, self.library, self.today)
        new_ctx, new_refs = basic_env(self.data, self.library, self.today)
        for q in self.basics:
            if q.name == changed or q.name not in self.data or not q.computes_default:
                continue
            try:
                if self.data[q.name] == q.get_default(old_ctx, old_refs):
                    self.data[q.name] = q.get_default(new_ctx, new_refs)
            except UserError:
                continue

    # --- sections ------------------------------------------------------------------------

    def _section_env(
        self, section: dict[str, Any], osec: OutlineSection | None
    ) -> tuple[Context, Refs]:
        """Jinja context and learned data (@titles, @points, @facts) of one part."""
        titles = [t.text for t in osec.titles] if osec else []
        points = [p.text for p in osec.points] if osec else []
        topic = self.library.topic(_topic_id(osec.id)) if osec else None
        bank = [b for b in (topic or {}).get("bank") or [] if b not in points]
        facts = [
            {"key": f.key, "unit": f.unit, "example": f.example}
            for f in rank_facts(osec.facts if osec else [], self.library.verbs, None)
        ]
        ctx = ChainMap(
            {"topic": osec.topic if osec else section.get(HEADING, ""), "titles": titles},
            self.data,
            {"today": self.today},
        )
        refs: Refs = {
            "titles": lambda: titles,
            "points": lambda: points + bank,
            "facts": lambda: facts,
        }
        return ctx, refs

    def _extra_questions(self, osec: OutlineSection | None) -> list[Question]:
        """A topic's own questions (questions.yaml `topics`, topics.yaml `questions`).

        Their answers are kept under the part's `extra`, which templates can use.
        """
        if osec is None:
            return []
        tid = _topic_id(osec.id)
        topic = self.library.topic(tid) or {}
        return questions_of((self.library.questions.get("topics") or {}).get(tid)) + questions_of(
            topic.get("questions")
        )

    def _new_section(self, osec: OutlineSection) -> dict[str, Any]:
        section: dict[str, Any] = {"topic": osec.id}
        ctx, refs = self._section_env(section, osec)
        heading = next((q for q in self.section_questions if q.name == HEADING), None)
        section[HEADING] = (heading.get_default(ctx, refs) if heading else "") or osec.topic
        return section

    def _choose_sections(
        self,
        container: dict[str, Any],
        key: str,
        candidates: list[OutlineSection],
        *,
        required: bool = False,
    ) -> None:
        """Tick the parts (or sub-parts) to write; kept parts keep their answers; outline order."""
        current = container.get(key)
        options = []
        for osec in candidates:
            ticked = (
                _answer_for(osec, current) is not None if current is not None else osec.share >= 0.5
            )
            title = osec.titles[0].text if osec.titles else osec.topic
            if title != osec.topic:
                title = f"{title}（{osec.topic}）"
            options.append(Option(title, ("outline", osec.id), checked=ticked))
        own = [s for s in current or [] if _outline_section_of(s, candidates) is None]
        options += [Option(s[HEADING], ("own", i), checked=True) for i, s in enumerate(own)]
        message = "这次总结写哪几部分？" if required else "这一部分下面写哪些小标题？"
        spec = PromptSpec(
            "checkbox",
            message,
            options=tuple(options),
            validate=(lambda v: None if v else "请至少选一个部分。") if required else None,
        )
        chosen = prompts.ask(spec)
        sections = []
        for kind, ref in (o.value for o in options if o.value in chosen):
            if kind == "own":
                sections.append(own[ref])
                continue
            osec = next(s for s in candidates if s.id == ref)
            sections.append(_answer_for(osec, current) or self._new_section(osec))
        container[key] = sections
        self.save()

    def _questions(
        self, section: dict[str, Any], osec: OutlineSection | None
    ) -> list[tuple[Question, bool]]:
        """The part's questions, each with whether its answer lives under `extra`."""
        return [(q, False) for q in self.section_questions] + [
            (q, True) for q in self._extra_questions(osec)
        ]

    def _answered(self, section: dict[str, Any], q: Question, extra: bool, refs: Refs) -> bool:
        """Whether a part's question is answered (see the module docstring for the two rules)."""
        if extra:
            return q.name in (section.get("extra") or {})
        if q.name == HEADING:
            return bool(set(section) - {"topic", HEADING, "run_in"})
        if q.each:
            numbers = section.get(q.name) or {}
            return all(item["key"] in numbers for item in q.get_items(refs))
        if q.type == "checkbox":
            return q.name in section and all("detail" in m for m in _items(section[q.name]))
        return q.name in section

    def _fill(self, section: dict[str, Any], osec: OutlineSection | None) -> None:
        """Ask what is missing in one part, then in its sub-parts."""
        ctx, refs = self._section_env(section, osec)
        missing = [
            (q, extra)
            for q, extra in self._questions(section, osec)
            if q.is_enabled(ctx) and not self._answered(section, q, extra, refs)
        ]
        if missing:
            prompts.say(f"—— {ctx['topic']} ——")
        for q, extra in missing:
            self._ask_section(section, q, extra, ctx, refs, only_missing=True)
        if osec and osec.children:
            if "children" not in section:
                self._choose_sections(section, "children", osec.children)
            self._fill_all(section["children"], osec.children)

    def _ask_section(
        self,
        section: dict[str, Any],
        q: Question,
        extra: bool,
        ctx: Context,
        refs: Refs,
        *,
        only_missing: bool,
    ) -> None:
        """Ask one question of a part (all of it, or only its missing pieces); save each answer."""
        if extra:
            value = self._ask(q, ctx, refs, (section.get("extra") or {}).get(q.name))
            section.setdefault("extra", {})[q.name] = value
            self.save()
        elif q.each:
            numbers = section.get(q.name) or {}
            items = [i for i in q.get_items(refs) if not (only_missing and i["key"] in numbers)]
            if items:
                prompts.say(f"{q.get_prompt(ctx)}：")
            for item in items:
                value = self._ask(
                    q.for_item(item), {**ctx, "fact": item}, refs, numbers.get(item["key"])
                )
                section.setdefault(q.name, {})[item["key"]] = value
                self.save()
        elif q.type == "checkbox":
            self._ask_items(section, q, ctx, refs, only_missing=only_missing)
        else:
            section[q.name] = self._ask(q, ctx, refs, section.get(q.name))
            self.save()

    def _ask_items(
        self, section: dict[str, Any], q: Question, ctx: Context, refs: Refs, *, only_missing: bool
    ) -> None:
        """Tick learned phrases, add own items, then ask a sentence of detail for each item."""
        if not (only_missing and q.name in section):
            old = {m["item"]: m for m in _items(section.get(q.name))}
            chosen = self._ask(q, ctx, refs, list(old)) if q.get_choices(refs) or old else []
            while q.other:
                own = prompts.ask(PromptSpec("text", OTHER_PROMPT)).strip()
                if not own:
                    break
                if own not in chosen:
                    chosen.append(own)
            section[q.name] = [old.get(item) or {"item": item} for item in chosen]
            self.save()
        section[q.name] = _items(section[q.name])
        for m in section[q.name]:
            if only_missing and "detail" in m:
                continue
            spec = PromptSpec(
                "text", DETAIL_PROMPT.format(item=m["item"]), default=m.get("detail") or ""
            )
            m["detail"] = str(prompts.ask(spec)).strip()
            self.save()

    # --- completion state ----------------------------------------------------------------

    def _pending(self, section: dict[str, Any], osec: OutlineSection | None) -> bool:
        """Whether a question of the part or of its sub-parts is still unanswered."""
        ctx, refs = self._section_env(section, osec)
        if any(
            q.is_enabled(ctx) and not self._answered(section, q, extra, refs)
            for q, extra in self._questions(section, osec)
        ):
            return True
        if osec and osec.children:
            if "children" not in section:
                return True
            return any(
                self._pending(c, _outline_section_of(c, osec.children)) for c in section["children"]
            )
        return False

    def _state(self, section: dict[str, Any], osec: OutlineSection | None) -> str:
        if self._pending(section, osec):
            return TODO
        return DONE if _has_content(section) else EMPTY

    def _section_line(
        self, label: str, section: dict[str, Any], osec: OutlineSection | None
    ) -> str:
        """A part as the review lists it: label, heading, completion state, answer summary."""
        measures = len(section.get("measures") or [])
        numbers = sum(v is not None for v in (section.get("numbers") or {}).values())
        chars = _chars(section.get("text") or "")
        summary = f"{measures} 条 · 数字 {numbers} 项 · 正文 {chars} 字"
        line = f"{label}{section[HEADING]}  {self._state(section, osec)}  {summary}"
        children = section.get("children") or []
        return f"{line} · 小标题 {len(children)} 个" if children else line

    # --- the review screen ---------------------------------------------------------------

    def review(self, *, force: bool, reference_docx: Path | None) -> Path:
        """The overview: jump to any part or answer and change it, preview, then write."""
        assert self.outline is not None
        pointer: Any = None
        while True:
            sections = self.data["sections"]
            learned = [_outline_section_of(s, self.outline.sections) for s in sections]
            basics_done = all(q.name in self.data for q in self.basics)
            basics_line = f"基本信息  {DONE if basics_done else TODO}  {self.data.get('unit', '')}"
            options = [Option(basics_line, "basics")]
            options += [
                Option(self._section_line(heading_label(1, i + 1), s, o), ("section", i))
                for i, (s, o) in enumerate(zip(sections, learned))
            ]
            options += [
                Option("增减部分", "sections"),
                Option("预览全文", "preview"),
                Option("生成文档", "write"),
                Option("保存并退出", "quit"),
            ]
            if pointer is None:
                todo = [
                    ("section", i)
                    for i, (s, o) in enumerate(zip(sections, learned))
                    if self._pending(s, o)
                ]
                pointer = todo[0] if todo else "write"
            pointer = self._select(
                "核对一下：选一项查看或修改，都好了就选“生成文档”", options, pointer
            )
            if pointer == "basics":
                self._edit_basics()
            elif pointer == "sections":
                self._choose_sections(self.data, "sections", self.outline.sections, required=True)
                self._fill_all(self.data["sections"], self.outline.sections)
            elif pointer == "preview":
                self._preview()
            elif pointer == "quit":
                raise SavedForLater(self.stop_message())
            elif pointer == "write":
                written = self._write(force=force, reference_docx=reference_docx)
                if written is not None:
                    return written
            else:
                i = pointer[1]
                self._edit_section(sections[i], learned[i], heading_label(1, i + 1), level=1)

    def _edit_basics(self) -> None:
        pointer = None
        while True:
            ctx, _ = basic_env(self.data, self.library, self.today)
            options = [
                Option(f"{q.get_prompt(ctx)}：{_summary(self.data.get(q.name))}", q.name)
                for q in self.basics
                if q.is_enabled(ctx)
            ] + [Option("返回总览", BACK)]
            pointer = self._select("基本信息：选一项修改", options, pointer)
            if pointer == BACK:
                return
            self._ask_basic(next(q for q in self.basics if q.name == pointer))

    def _edit_section(
        self, section: dict[str, Any], osec: OutlineSection | None, label: str, *, level: int
    ) -> None:
        """One part's menu: each question with its answer, its sub-parts, and back."""
        pointer = None
        while True:
            ctx, refs = self._section_env(section, osec)
            questions = [
                (q, extra)
                for q, extra in self._questions(section, osec)
                if q.is_enabled(ctx) and not (q.each and not q.get_items(refs))
            ]
            options = []
            for q, extra in questions:
                value = (section.get("extra") or {}).get(q.name) if extra else section.get(q.name)
                options.append(Option(f"{q.get_prompt(ctx)}：{_summary(value)}", ("q", q.name)))
            children = section.get("children") or []
            if osec and osec.children:
                options += [
                    Option(
                        self._section_line(
                            heading_label(level + 1, j + 1),
                            c,
                            _outline_section_of(c, osec.children),
                        ),
                        ("child", j),
                    )
                    for j, c in enumerate(children)
                ]
                options.append(Option("增减小标题", "children"))
            options.append(Option("返回总览" if level == 1 else "返回上一层", BACK))
            pointer = self._select(f"{label}{section[HEADING]}：选一项修改", options, pointer)
            if pointer == BACK:
                return
            if pointer == "children":
                assert osec is not None
                self._choose_sections(section, "children", osec.children)
                self._fill_all(section["children"], osec.children)
            elif pointer[0] == "child":
                assert osec is not None
                child = children[pointer[1]]
                self._edit_section(
                    child,
                    _outline_section_of(child, osec.children),
                    heading_label(level + 1, pointer[1] + 1),
                    level=level + 1,
                )
            else:
                q, extra = next((q, extra) for q, extra in questions if q.name == pointer[1])
                self._ask_section(section, q, extra, ctx, refs, only_missing=False)

    def _preview(self) -> None:
        from drafter.compose import compose
        from drafter.text_writer import to_text

        try:
            text = to_text(compose(self.data, self.library))
        except UserError as exc:
            prompts.say(f"暂时无法预览：{exc}")
            return
        prompts.say("———— 预览 ————")
        prompts.say(text.rstrip())
        prompts.say("———— 预览结束 ————")

    def _write(self, *, force: bool, reference_docx: Path | None) -> Path | None:
        """Write the document; None (back to the review) when answers miss or writing fails."""
        missing = missing_required(self.data, self.library)
        if missing:
            prompts.say(f"还不能生成，缺少：{'；'.join(missing)}")
            return None
        from drafter.render import render_answers

        try:
            written = render_answers(
                self.data, self.library, self.output, force=force, reference_docx=reference_docx
            )
        except UserError as exc:
            prompts.say(f"未能生成：{exc}")
            return None
        prompts.say(f"答案保存在 {self.path}，以后可用 drafter render 重新生成。")
        return written


def _answer_for(
    osec: OutlineSection, sections: list[dict[str, Any]] | None
) -> dict[str, Any] | None:
    """The answered part that belongs to a learned section, if it was chosen."""
    return next((s for s in sections or [] if s.get("topic") == osec.id), None)


def _has_content(section: dict[str, Any]) -> bool:
    """Whether a part says anything beyond its heading."""
    return bool(
        section.get("measures")
        or any(v is not None for v in (section.get("numbers") or {}).values())
        or str(section.get("text") or "").strip()
        or any(v not in (None, "", [], False) for v in (section.get("extra") or {}).values())
        or any(_has_content(c) for c in section.get("children") or [])
    )
