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

Starting from last period (`drafter new --from REPORT`): last period's answers (an answers
file, or a report read as `drafter import` reads it) are a layer of defaults under this
period's answers, never copied into them. The answers file records where they came from
(`from:`), so a resumed interview reloads the same layer. What this period's file holds is
what the user confirmed or typed: a carried answer is offered as the default and marked
"（上期内容）" until Enter stores it. Exceptions, on purpose: the period moves forward (chosen
from the periods that follow last period's), the title and date are computed afresh, counts
are asked blank with last period's figure beside them, and a carried answer that is empty is
taken as it is (there is nothing to confirm). A carried part is linked to the part of last
period it came from; on resume the links are found again by `diff.pair_headings`.
"""

from __future__ import annotations

import datetime as dt
import re
import shlex
from collections import ChainMap
from collections.abc import Callable, Iterator, Mapping
from dataclasses import replace
from functools import partial
from pathlib import Path
from typing import Any

from drafter import prompts
from drafter.answers import (
    answers_from_mapping,
    answers_mapping,
    missing_required,
    paragraphs_of,
    read_answers,
    require_complete,
    resolve_outline,
    save_answers,
    section_topic,
)
from drafter.counts import apply_counts, rank_facts
from drafter.errors import Interrupted, OutputError, SavedForLater, UserError
from drafter.facts import find_mentions
from drafter.fsutil import check_output
from drafter.model import SCHEMA_VERSION, Answers
from drafter.naming import answers_beside
from drafter.numbering import heading_label
from drafter.outline import Library, Outline, OutlineSection
from drafter.periods import Period, dated_phrases
from drafter.question import Context, Option, PromptSpec, Question, Refs, questions_of

# Fixed answers-file keys of a part: its name, its counts, its text (where counts stand).
HEADING, NUMBERS, TEXT = "heading", "numbers", "text"
BACK = "back"
DONE, TODO, EMPTY = "✔ 已完成", "… 未填写", "空"
OTHER_PROMPT = "还要自己添一条吗？直接输入，回车确认；不添就直接回车"
DETAIL_PROMPT = "“{item}”：补充一句具体做法或情况（可留空）"

# Last period's answers that are not offered as this period's: the period moves forward, the
# title and date are computed for it, and the outline and parts are chosen by their own prompts.
NOT_CARRIED = ("outline", "from", "year", "period", "title", "date", "sections")
# Answers that say what happened in the period: review lists them when equal to last period's.
CONTENT_TYPES = ("multiline", "checkbox")
PERIOD_PROMPT = "本期是哪一期？（上期：{last}）"
OTHER_PERIOD = "other"
OTHER_PERIOD_TITLE = "其他（自己填年度和时间段）"
CARRIED_NUMBERS = "本期数字（括号里是上期的数，请填本期的；没有就直接回车）"
UNCHANGED = "与上期相同的内容（{n} 项）"


def run_wizard(
    library: Library,
    *,
    output: Path,
    answers_path: Path | None = None,
    last_path: Path | None = None,
    defaults_only: bool = False,
    force: bool = False,
    reference_docx: Path | None = None,
) -> Path:
    """Run `drafter new` and return the document written.

    `answers_path` (default: `default_answers_path(output)`) is read when it exists and written
    after every answer. `last_path` (`--from`) is last period's report or answers file, read
    before anything is asked so that a bad one stops the command with one line. With
    `defaults_only` nothing is asked: missing basics take their defaults and every required
    answer still missing is reported at once (MissingAnswersError). Ctrl-C, or 保存并退出 on
    the review screen, raises `Interrupted` whose message says where the answers are and how
    to continue.
    """
    today = dt.date.today()
    path = answers_path or answers_beside(output)
    last = None
    if last_path is not None:
        if defaults_only:
            raise UserError("--from 要逐项确认上期内容，不能和 --defaults 一起用。")
        if path.exists() and last_path.exists() and path.resolve() == last_path.resolve():
            raise UserError(
                f"{last_path}：这是本期要保存的答案文件，不能同时作上期内容；请用 -o 换一个输出文件名。"
            )
        last = load_last_period(last_path, library)
    if defaults_only:
        if answers_path is not None:
            data = answers_mapping(read_answers(answers_path, library))
        else:
            data = {"schema": SCHEMA_VERSION, "outline": _default_outline(library).id}
        fill_defaults(data, library, today, path)
        answers = answers_from_mapping(data, library, path)
        require_complete(answers, library, command="new")
        return _write_document(
            answers, library, output, force=force, reference_docx=reference_docx, inputs=[answers_path]
        )

    prompts.ensure_terminal()
    check_output(output, force=True, inputs=[path, last_path])
    wizard = _Wizard(library, path, output, today)
    try:
        overwrite = force or wizard.confirm_overwrite()
        wizard.start(resume=answers_path is not None, last=last, last_path=last_path)
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


def _write_document(
    answers: Answers,
    library: Library,
    output: Path,
    *,
    force: bool,
    reference_docx: Path | None,
    inputs: list[Path | None],
) -> Path:
    """Compose and write the document; never onto an input (the answers, their outline, the
    reference .docx) or anything but a regular file, and exclusively unless `force`."""
    from drafter.compose import compose
    from drafter.render import check_document_output, format_of, write_document

    check_document_output(output, force=force, inputs=[*inputs, answers.outline.path, reference_docx])
    write_document(
        compose(answers, library), output, format_of(output, None), reference_docx=reference_docx, force=force
    )
    return output


def _basics_of(data: Mapping[str, Any], library: Library, path: Path) -> Answers:
    """The basic answers given so far, typed, for the title and opening their forms compute."""
    ref = str(data.get("outline"))
    year, period = data.get("year"), data.get("period")
    return Answers(
        outline=resolve_outline(ref, library, path.parent),
        outline_ref=ref,
        unit=data.get("unit") if isinstance(data.get("unit"), str) else None,
        year=year if isinstance(year, int) and not isinstance(year, bool) else None,
        period=period if isinstance(period, str) else None,
        more={k: v for k, v in data.items() if k not in ("outline", "from", "sections")},
    )


def basic_env(
    data: dict[str, Any],
    library: Library,
    today: dt.date,
    path: Path,
    last: Mapping[str, Any] | None = None,
) -> tuple[Context, Refs]:
    """Jinja context and computed defaults ("@title", "@opening") for the basic questions.

    `last` (in the context as `last`) is last period's answers that carry over, empty without
    `--from`: questions.yaml asks the opening and closing only when they are there.
    """
    from drafter.compose import kind_text

    refs: Refs = {
        "title": lambda: kind_text(_basics_of(data, library, path), library, "title"),
        "opening": lambda: kind_text(_basics_of(data, library, path), library, "opening"),
    }
    return ChainMap(data, {"today": today, "last": last or {}}), refs


def load_last_period(path: Path, library: Library) -> dict[str, Any]:
    """Last period's answers: an answers file as saved, or a report as `drafter import` reads it.

    Any problem becomes one line that says it was last period's file that failed.
    """
    from drafter.importer import answers_from

    try:
        return answers_mapping(answers_from(path, library))
    except UserError as exc:
        raise UserError(f"无法读取上期内容：{exc.message}") from None


def fill_defaults(data: dict[str, Any], library: Library, today: dt.date, path: Path) -> None:
    """Give every unanswered basic question its default (for `--defaults`), in order.

    A default computed from other answers ("{{ unit }}", "@title") is left out while a
    required answer before it is missing: it would come out wrong or fail, and
    `require_complete` then names the answer that is really missing.
    """
    ctx, refs = basic_env(data, library, today, path)
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


def _outline_section_of(
    section: dict[str, Any], candidates: list[OutlineSection]
) -> OutlineSection | None:
    """The learned section an answered part belongs to, among its siblings."""
    return next((s for s in candidates if s.id == section.get("topic")), None)


def _items(raw: list[Any] | None) -> list[dict[str, Any]]:
    """Checkbox answers as {item, detail?} dicts (a hand-written file may list plain strings)."""
    return [dict(m) if isinstance(m, dict) else {"item": str(m)} for m in raw or []]


def _is_empty(value: Any) -> bool:
    """An answer that says nothing: a carried one is taken without asking."""
    return value in ("", [], {})


def _same_as_last(value: Any, last: Any) -> bool:
    """Whether an answer says something and says what last period's said (items compared as
    item and detail, however either was written)."""

    def comparable(answer: Any) -> Any:
        if isinstance(answer, list):
            return [(m["item"], m.get("detail") or "") for m in _items(answer)]
        return answer

    return (
        last is not None
        and value is not None
        and not _is_empty(value)
        and comparable(value) == comparable(last)
    )


def _learned_children(osec: OutlineSection | None) -> list[OutlineSection]:
    return osec.children if osec else []


def _carried_facts(last: dict[str, Any], osec: OutlineSection | None) -> list[dict[str, Any]]:
    """Last period's counts of a part as number items (see `Question.for_item`).

    Each has `last` (the figure, None when left blank) and, when the figure stands in last
    period's text, `stated`: the words composition will update ("集中学习82次", matched as
    `compose.apply_numbers` matches them). The unit is the one the text uses, else the learned
    one.
    """
    text = "\n".join(paragraphs_of(last.get(TEXT) or ""))
    units = {f.key: f.unit for f in osec.facts} if osec else {}
    units.update({m.key: m.unit for m in reversed(find_mentions(text))})
    items = []
    for key, value in (last.get(NUMBERS) or {}).items():
        unit = units.get(key, "")
        item: dict[str, Any] = {"key": key, "unit": unit, "last": value}
        stated = re.search(re.escape(key) + r"\d+", text)
        if stated:
            follows = unit and text.startswith(unit, stated.end())
            item["stated"] = stated.group() + (unit if follows else "")
        items.append(item)
    return items


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
    """One interview: the answers so far, their outline, and the file they are saved to.

    With `--from`, also last period's answers (`last`), the basic ones that carry over
    (`carried`), and the links from this period's parts to last period's (`_links`).
    """

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
        self.last: dict[str, Any] | None = None
        self.carried: dict[str, Any] = {}
        # id(part) → (part, last period's part); the part is kept so that its id stays its own.
        self._links: dict[int, tuple[dict[str, Any], dict[str, Any]]] = {}

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

    def _ask(
        self,
        q: Question,
        ctx: Context,
        refs: Refs,
        current: Any = None,
        carried: Any = None,
        note: str = "",
    ) -> Any:
        """Ask a question; `carried` is last period's answer offered, `note` adds lines to its
        help (a multi-line prompt shows each on its own line: a long line would be cut)."""
        spec = q.structure(ctx, refs, current, carried)
        if note:
            spec = replace(spec, instruction="\n".join(p for p in (spec.instruction, note) if p))
        return q.cast(prompts.ask(spec))

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

    # --- last period ---------------------------------------------------------------------

    def _link(self, part: dict[str, Any], last: dict[str, Any]) -> None:
        self._links[id(part)] = (part, last)

    def _last_of(self, part: dict[str, Any]) -> dict[str, Any] | None:
        """Last period's counterpart of this period's answers (`data`) or of one of its parts."""
        entry = self._links.get(id(part))
        return entry[1] if entry is not None and entry[0] is part else None

    def _link_tree(self, parts: list[dict[str, Any]], last: list[dict[str, Any]]) -> None:
        """Find again which of last period's parts each saved part came from (on resume)."""
        from drafter.diff import pair_headings

        def keys(sections: list[dict[str, Any]]) -> list[tuple[str | None, str]]:
            return [(s.get("topic"), str(s.get("heading") or "").strip()) for s in sections]

        for i, j in pair_headings(keys(last), keys(parts)).items():
            self._link(parts[j], last[i])
            self._link_tree(parts[j].get("children") or [], last[i].get("children") or [])

    def _use_last(self, last: dict[str, Any] | None) -> None:
        """Put last period's answers under this period's as defaults."""
        self.last = last
        if last is None:
            return
        self.carried = {k: v for k, v in last.items() if k not in NOT_CARRIED}
        self._link(self.data, last)
        self._link_tree(self.data.get("sections") or [], last.get("sections") or [])
        period = f"（{last['year']}年{last.get('period', '')}）" if last.get("year") else ""
        prompts.say(
            f"以上期内容{period}为起点：标着“（上期内容）”的，回车沿用，也可修改；数字请填本期的。"
        )

    def _reload_last(self) -> dict[str, Any] | None:
        """Last period's answers named by the answers file, or None (said in one line)."""
        path = Path(self.data["from"])
        try:
            return load_last_period(
                path if path.is_absolute() else self.path.parent / path, self.library
            )
        except UserError as exc:
            prompts.say(f"{exc.message.rstrip('。')}，这次不参考上期内容。")
            return None

    def _last_basic(self, q: Question) -> Any:
        """Last period's answer to a basic question in this question's form; None when none.

        An empty answer is no answer for a required question: an imported report without a
        signature must not make this period's report go without one.
        """
        value = self.carried.get(q.name)
        if value is None or (q.required and _is_empty(value)):
            return None
        if isinstance(value, list) and q.type != "checkbox":  # a signature of several lines
            value = "\n".join(map(str, value))
        try:
            return q.cast(value)
        except UserError:
            return None

    def _last_value(self, section: dict[str, Any], q: Question, extra: bool) -> Any:
        """Last period's answer to a part's question as offered now; None when there is none.

        The text comes with this period's counts already in it ("集中学习82次" becomes
        "集中学习90次"), as composition will print it; measures as {item, detail} dicts.
        """
        last = self._last_of(section)
        if last is None:
            return None
        value = (last.get("extra") or {}).get(q.name) if extra else last.get(q.name)
        if value is None or q.each:
            return None
        if q.type == "checkbox":
            return _items(value)
        if q.name == TEXT and not extra:
            text, _ = apply_counts(paragraphs_of(value), section.get(NUMBERS), lambda _key: "")
            return "\n\n".join(text)
        return value

    def _check_note(self, text: str, stale: list[str]) -> str:
        """What to check in a text of last period: its figures and time words still in it."""
        if self.last is None or not text:
            return ""
        lines = []
        if figures := [f"“{s}”" for s in stale if s in text]:
            lines.append("请核对，仍是上期的数字：" + "".join(figures))
        if dated := [f"“{d}”" for d in dated_phrases(text, _period(self.last), _period(self.data))]:
            lines.append("请核对，仍是上期的时间说法：" + "".join(dated))
        return "\n".join(lines)

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

    def start(
        self, *, resume: bool, last: dict[str, Any] | None = None, last_path: Path | None = None
    ) -> None:
        """Load the answers file to continue it, or choose the report kind and start afresh.

        `last` is last period's answers read from `last_path` (`--from`); without them, a
        continued answers file that records a `from` has them read again from there.
        """
        if self.path.exists() and (
            resume
            or prompts.ask(
                PromptSpec("confirm", f"发现上次保存的答案 {self.path}，接着用吗？", default=True)
            )
        ):
            answers = read_answers(self.path, self.library)
            self.data, self.outline = answers_mapping(answers), answers.outline
            self.saved = True
            prompts.say(f"已读取 {self.path}，只问还没填的问题。")
            if last_path is not None:
                self.data["from"] = str(last_path.resolve())
                self.save()
            elif "from" in self.data:
                last = self._reload_last()
            self._use_last(last)
            return
        self.data = {"schema": SCHEMA_VERSION}
        self._use_last(last)
        self.outline = self._choose_outline(last)
        self.data["outline"] = self.outline.id
        if last_path is not None:
            self.data["from"] = str(last_path.resolve())
        self.save()

    def _choose_outline(self, last: dict[str, Any] | None) -> Outline:
        """The report kind; last period's is the default when the library has its outline."""
        general = _default_outline(self.library)
        default = general
        if last is not None:
            default = self.library.outlines.get(str(last.get("outline")), general)
        if len(self.library.outlines) == 1:
            return default
        ordered = [general, *(o for o in self.library.outlines.values() if o is not general)]
        options = [Option(f"{o.kind}：{o.description}" if o.description else o.kind, o.id) for o in ordered]
        return self.library.outlines[self._select("要写哪一类总结？", options, default.id)]

    # --- the first pass: ask what is missing ---------------------------------------------

    def interview(self) -> None:
        """Ask every question not answered yet, in order."""
        if self.last is not None and not {"year", "period"} & set(self.data):
            self._ask_period()
        for q in self.basics:
            ctx, _ = self._basic_env(self.data)
            if q.name not in self.data and q.is_enabled(ctx):
                self._ask_basic(q, first_pass=True)
        assert self.outline is not None
        if "sections" not in self.data:
            self._choose_sections(self.data, "sections", self.outline.sections, required=True)
        self._fill_all(self.data["sections"], self.outline.sections)

    def _ask_period(self) -> None:
        """This period, among those that follow last period's; 其他 leaves year and period to
        their own questions."""
        assert self.last is not None
        year, period = self.last.get("year"), self.last.get("period")
        names = {q.name for q in self.basics}
        if not isinstance(year, int) or not {"year", "period"} <= names:
            return
        following = Period(year, period or "全年").following()
        options = [Option(p.name.replace("年度", "年全年"), (p.year, p.part)) for p in following]
        options.append(Option(OTHER_PERIOD_TITLE, OTHER_PERIOD))
        message = PERIOD_PROMPT.format(last=f"{year}年{period or ''}")
        choice = self._select(message, options, options[0].value)
        if choice != OTHER_PERIOD:
            self.data["year"], self.data["period"] = choice
            self.save()

    def _fill_all(self, sections: list[dict[str, Any]], candidates: list[OutlineSection]) -> None:
        for section in sections:
            self._fill(section, _outline_section_of(section, candidates))

    def _basic_env(self, data: dict[str, Any]) -> tuple[Context, Refs]:
        return basic_env(data, self.library, self.today, self.path, self.carried)

    def _ask_basic(self, q: Question, *, first_pass: bool = False) -> None:
        """Ask one basic question; answers left at a default computed from it follow it.

        Last period's answer is the default until confirmed; in the first pass an empty one
        is taken as it is.
        """
        before = dict(self.data)
        ctx, refs = self._basic_env(self.data)
        carried = None if q.name in self.data else self._last_basic(q)
        if first_pass and carried is not None and _is_empty(carried):
            self.data[q.name] = carried
        else:
            current = self.data.get(q.name)
            shown = current if current is not None else carried
            note = self._check_note(str(shown), []) if q.type == "multiline" and shown else ""
            self.data[q.name] = self._ask(q, ctx, refs, current, carried, note)
        self._follow_defaults(before, changed=q.name)
        self.save()

    def _follow_defaults(self, before: dict[str, Any], changed: str) -> None:
        """A title or signature left at its default (computed from the unit) tracks a new unit."""
        old_ctx, old_refs = self._basic_env(before)
        new_ctx, new_refs = self._basic_env(self.data)
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
        """Jinja context and learned data (@titles, @points, @facts) of one part.

        A part carried from last period is asked for last period's counts, not learned ones.
        """
        titles = [t.text for t in osec.titles] if osec else []
        points = [p.text for p in osec.points] if osec else []
        topic = self.library.topic(section_topic(osec.id)) if osec else None
        bank = [b for b in (topic or {}).get("bank") or [] if b not in points]
        last = self._last_of(section)
        if last is not None:
            facts = _carried_facts(last, osec)
        else:
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
        tid = section_topic(osec.id)
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

    def _carry(self, last: dict[str, Any]) -> dict[str, Any]:
        """A part chosen from last period's: its topic, heading and style; the rest is asked."""
        section = {k: last[k] for k in ("topic", HEADING, "run_in") if k in last}
        self._link(section, last)
        return section

    def _part_options(
        self,
        current: list[dict[str, Any]] | None,
        last: list[dict[str, Any]] | None,
        candidates: list[OutlineSection],
    ) -> list[Option]:
        """The parts to tick, in document order (see `_choose_sections`).

        This period's parts keep their order; each of last period's that is not among them
        goes right after the part that came before it last period; each learned one after the
        part that comes before it in the outline.
        """
        # Each option with its topic and the part of last period it stands for, if any.
        entries: list[tuple[Option, str | None, dict[str, Any] | None]] = [
            (Option(s[HEADING], ("current", i), True), s.get("topic"), self._last_of(s))
            for i, s in enumerate(current or [])
        ]
        before: dict[str, Any] | None = None  # last period's part before this one
        for j, part in enumerate(last or []):
            if not any(came is part for _, _, came in entries):
                after = next(
                    (n + 1 for n, e in enumerate(entries) if before is not None and e[2] is before),
                    0,
                )
                entries.insert(
                    after,
                    (Option(part[HEADING], ("last", j), current is None), part.get("topic"), part),
                )
            before = part
        order = {osec.id: k for k, osec in enumerate(candidates)}
        present = {topic for _, topic, _ in entries}
        fresh = current is None and last is None
        for k, osec in enumerate(candidates):
            if osec.id in present:
                continue
            title = osec.titles[0].text if osec.titles else osec.topic
            if title != osec.topic:
                title = f"{title}（{osec.topic}）"
            option = Option(title, ("outline", osec.id), fresh and osec.share >= 0.5)
            earlier = [n for n, (_, t, _) in enumerate(entries) if t in order and order[t] < k]
            entries.insert(earlier[-1] + 1 if earlier else 0, (option, osec.id, None))
        return [option for option, _, _ in entries]

    def _choose_sections(
        self,
        container: dict[str, Any],
        key: str,
        candidates: list[OutlineSection],
        *,
        required: bool = False,
    ) -> None:
        """Tick the parts (or sub-parts) to write, in document order.

        Offered: the parts chosen so far (ticked; they keep their answers), last period's parts
        not chosen (ticked the first time), and learned parts not among them (ticked the first
        time, without a last period, when most reports have them).
        """
        current = container.get(key)
        last = (self._last_of(container) or {}).get(key)
        options = self._part_options(current, last, candidates)
        kept, carried = current or [], last or []
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
            if kind == "current":
                sections.append(kept[ref])
            elif kind == "last":
                sections.append(self._carry(carried[ref]))
            else:
                sections.append(self._new_section(next(s for s in candidates if s.id == ref)))
        container[key] = sections
        self.save()

    def _has_children(self, section: dict[str, Any], osec: OutlineSection | None) -> bool:
        """Whether the part has sub-parts to choose: learned ones, or last period's."""
        return bool(_learned_children(osec) or (self._last_of(section) or {}).get("children"))

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
        if missing:  # a part of last period is known by its heading, a new one by its topic
            name = section[HEADING] if self._last_of(section) is not None else ctx["topic"]
            prompts.say(f"—— {name} ——")
        for q, extra in missing:
            self._ask_section(section, q, extra, ctx, refs, only_missing=True)
        if self._has_children(section, osec):
            if "children" not in section:
                last = (self._last_of(section) or {}).get("children")
                if last == []:  # last period's part had none: nothing to choose from
                    section["children"] = []
                    self.save()
                else:
                    self._choose_sections(section, "children", _learned_children(osec))
            self._fill_all(section["children"], _learned_children(osec))

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
        """Ask one question of a part (all of it, or only its missing pieces); save each answer.

        Last period's answer is the default until confirmed; in the first pass an empty one is
        taken as it is.
        """
        carried = (
            None if self._answered(section, q, extra, refs) else self._last_value(section, q, extra)
        )
        answers = (section.get("extra") or {}) if extra else section
        if only_missing and carried is not None and _is_empty(carried) and q.name not in answers:
            self._store(section, q, extra, carried)
        elif extra:
            self._store(section, q, extra, self._ask(q, ctx, refs, answers.get(q.name), carried))
        elif q.each:
            numbers = section.get(q.name) or {}
            items = [i for i in q.get_items(refs) if not (only_missing and i["key"] in numbers)]
            if items:
                carried_items = any("last" in i for i in items)
                prompts.say(f"{CARRIED_NUMBERS if carried_items else q.get_prompt(ctx)}：")
            for item in items:
                value = self._ask(
                    q.for_item(item), {**ctx, "fact": item}, refs, numbers.get(item["key"])
                )
                section.setdefault(q.name, {})[item["key"]] = value
                self.save()
        elif q.type == "checkbox":
            self._ask_items(section, q, ctx, refs, carried, only_missing=only_missing)
        else:
            current = section.get(q.name)
            shown = current if current is not None else carried
            note = ""
            if q.name == TEXT and shown:
                numbers = section.get(NUMBERS) or {}
                stale = [
                    i["stated"]
                    for i in refs["facts"]()
                    if i.get("stated") and numbers.get(i["key"]) is None
                ]
                note = self._check_note(str(shown), stale)
            self._store(section, q, extra, self._ask(q, ctx, refs, current, carried, note))

    def _store(self, section: dict[str, Any], q: Question, extra: bool, value: Any) -> None:
        """Keep one answer of a part (a topic's own questions under `extra`) and save."""
        (section.setdefault("extra", {}) if extra else section)[q.name] = value
        self.save()

    def _ask_items(
        self,
        section: dict[str, Any],
        q: Question,
        ctx: Context,
        refs: Refs,
        carried: list[dict[str, Any]] | None,
        *,
        only_missing: bool,
    ) -> None:
        """Tick learned phrases, add own items, then ask a sentence of detail for each item.

        `carried` is last period's items: offered ticked while this period's are not chosen,
        each with last period's detail as the default of its sentence.
        """
        last = {m["item"]: m for m in carried or []}
        if not (only_missing and q.name in section):
            chosen_before = q.name in section
            old = {m["item"]: m for m in _items(section.get(q.name))}
            offered = None if chosen_before or not last else list(last)
            chosen = (
                self._ask(q, ctx, refs, list(old) if chosen_before else None, offered)
                if q.get_choices(refs) or old or offered
                else []
            )
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
            last_detail = None if "detail" in m else last.get(m["item"], {}).get("detail")
            if only_missing and last_detail == "":
                m["detail"] = ""
            else:
                spec = PromptSpec(
                    "text",
                    DETAIL_PROMPT.format(item=m["item"]),
                    default=m.get("detail") or last_detail or "",
                    carried=last_detail is not None,
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
        if self._has_children(section, osec):
            if "children" not in section:
                return True
            children = _learned_children(osec)
            return any(
                self._pending(c, _outline_section_of(c, children)) for c in section["children"]
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

    def _walk(
        self,
        sections: list[dict[str, Any]],
        candidates: list[OutlineSection],
        level: int = 1,
        prefix: str = "",
    ) -> Iterator[tuple[str, dict[str, Any], OutlineSection | None]]:
        """Every part, depth first, with its learned section and its numbers from the top
        ("一、（二）1."), which tell apart sub-parts numbered alike under different parts."""
        for n, section in enumerate(sections, start=1):
            osec = _outline_section_of(section, candidates)
            label = prefix + heading_label(level, n)
            yield label, section, osec
            yield from self._walk(
                section.get("children") or [], _learned_children(osec), min(level + 1, 4), label
            )

    def _unchanged(self) -> list[tuple[str, Callable[[], None]]]:
        """What still says what last period's said, each with the way to change it.

        Listed: texts and measures equal to what was offered from last period (a text whose
        only change is the counts put in counts as unchanged: its wording was not updated),
        and counts given the same figure as last period. Names, titles and empty answers are
        not listed: keeping them is normal.
        """
        if self.last is None:
            return []
        entries: list[tuple[str, Callable[[], None]]] = []
        ctx, _ = self._basic_env(self.data)
        for q in self.basics:
            if q.type in CONTENT_TYPES and _same_as_last(
                self.data.get(q.name), self._last_basic(q)
            ):
                entries.append((q.get_prompt(ctx), partial(self._ask_basic, q)))
        assert self.outline is not None
        for label, section, osec in self._walk(self.data["sections"], self.outline.sections):
            ctx, refs = self._section_env(section, osec)
            where = f"{label}{section[HEADING]} › "
            for q, extra in self._questions(section, osec):
                if not q.is_enabled(ctx):
                    continue
                edit = partial(self._ask_section, section, q, extra, ctx, refs, only_missing=False)
                if q.each:
                    numbers = section.get(q.name) or {}
                    same = [
                        f"{i['key']} {i['last']}"
                        for i in q.get_items(refs)
                        if i.get("last") is not None and numbers.get(i["key"]) == i["last"]
                    ]
                    if same:
                        entries.append((where + "、".join(same), edit))
                    continue
                value = (section.get("extra") or {}).get(q.name) if extra else section.get(q.name)
                if q.type in CONTENT_TYPES and _same_as_last(
                    value, self._last_value(section, q, extra)
                ):
                    entries.append((where + q.get_prompt(ctx), edit))
        return entries

    # --- the review screen ---------------------------------------------------------------

    def review(self, *, force: bool, reference_docx: Path | None) -> Path:
        """The overview: jump to any part or answer and change it, preview, then write."""
        assert self.outline is not None
        pointer: Any = None
        while True:
            sections = self.data["sections"]
            learned = [_outline_section_of(s, self.outline.sections) for s in sections]
            ctx, _ = self._basic_env(self.data)
            basics_done = all(q.name in self.data for q in self.basics if q.is_enabled(ctx))
            basics_line = f"基本信息  {DONE if basics_done else TODO}  {self.data.get('unit', '')}"
            options = [Option(basics_line, "basics")]
            options += [
                Option(self._section_line(heading_label(1, i + 1), s, o), ("section", i))
                for i, (s, o) in enumerate(zip(sections, learned, strict=True))
            ]
            options.append(Option("增减部分", "sections"))
            if unchanged := self._unchanged():
                options.append(Option(UNCHANGED.format(n=len(unchanged)), "unchanged"))
            options += [
                Option("预览全文", "preview"),
                Option("生成文档", "write"),
                Option("保存并退出", "quit"),
            ]
            if pointer is None:
                todo = [
                    ("section", i)
                    for i, (s, o) in enumerate(zip(sections, learned, strict=True))
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
            elif pointer == "unchanged":
                self._edit_unchanged()
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
            ctx, _ = self._basic_env(self.data)
            options = [
                Option(f"{q.get_prompt(ctx)}：{_summary(self.data.get(q.name))}", q.name)
                for q in self.basics
                if q.is_enabled(ctx)
            ] + [Option("返回总览", BACK)]
            pointer = self._select("基本信息：选一项修改", options, pointer)
            if pointer == BACK:
                return
            self._ask_basic(next(q for q in self.basics if q.name == pointer))

    def _edit_unchanged(self) -> None:
        """The list of what is the same as last period; pick one to change it."""
        pointer = None
        while True:
            entries = self._unchanged()
            options = [Option(label, n) for n, (label, _) in enumerate(entries)]
            options.append(Option("返回总览", BACK))
            pointer = self._select("这些内容与上期相同：选一项修改", options, pointer)
            if pointer == BACK:
                return
            entries[pointer][1]()

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
            learned = _learned_children(osec)
            if self._has_children(section, osec):
                options += [
                    Option(
                        self._section_line(
                            heading_label(level + 1, j + 1), c, _outline_section_of(c, learned)
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
                self._choose_sections(section, "children", learned)
                self._fill_all(section["children"], learned)
            elif pointer[0] == "child":
                child = children[pointer[1]]
                self._edit_section(
                    child,
                    _outline_section_of(child, learned),
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
            text = to_text(compose(answers_from_mapping(self.data, self.library, self.path), self.library))
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
        try:
            answers = answers_from_mapping(self.data, self.library, self.path)
            written = _write_document(
                answers, self.library, self.output, force=force, reference_docx=reference_docx,
                inputs=[self.path],
            )
        except UserError as exc:
            prompts.say(f"未能生成：{exc}")
            return None
        prompts.say(f"答案保存在 {self.path}，以后可用 drafter render 重新生成。")
        return written


def _has_content(section: dict[str, Any]) -> bool:
    """Whether a part says anything beyond its heading."""
    return bool(
        section.get("measures")
        or any(v is not None for v in (section.get("numbers") or {}).values())
        or str(section.get("text") or "").strip()
        or any(v not in (None, "", [], False) for v in (section.get("extra") or {}).values())
        or any(_has_content(c) for c in section.get("children") or [])
    )


def _period(data: Mapping[str, Any] | None) -> Period | None:
    """The period an answers mapping states, when it states a year."""
    if data is None:
        return None
    year, part = data.get("year"), data.get("period")
    if not isinstance(year, int) or isinstance(year, bool):
        return None
    return Period(year, part if isinstance(part, str) else "全年")
