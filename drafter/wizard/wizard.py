"""`drafter new`: the wizard's entry — interview, review, write — or `--defaults` without prompts.

The pieces: drafter.wizard.session (the typed answers and their file, saved after every answer),
drafter.wizard.carry (last period's answers as defaults, `--from`), drafter.wizard.interview and
drafter.wizard.part_questions (the questions), drafter.wizard.review (the overview with 核稿 before writing).
They talk to the user only through a `question.Prompter`: the terminal one (drafter.wizard.prompts,
the only module that imports questionary) unless the caller passes another.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from drafter.answers import Answers, read_answers, require_complete
from drafter.domain import answers_beside
from drafter.errors import Interrupted, Terminated, UserError
from drafter.files import check_output, refuse_control_characters
from drafter.library import Library
from drafter.wizard.carry import Carry, load_last_period
from drafter.wizard.interview import Interview, default_outline
from drafter.wizard.question import Aborted, Prompter, TermSignal, questions_of
from drafter.wizard.review import Review, write_document
from drafter.wizard.session import Session
from drafter.wizard.signals import sigterm_stops


def run_wizard(
    library: Library,
    *,
    output: Path,
    answers_path: Path | None = None,
    last_path: Path | None = None,
    defaults_only: bool = False,
    force: bool = False,
    reference_docx: Path | None = None,
    prompter: Prompter | None = None,
) -> Path:
    """Run `drafter new` and return the document written.

    `answers_path` (default: the answers file beside `output`) is read when it exists and
    written after every answer. `last_path` (`--from`) is last period's report or answers file,
    read before anything is asked so that a bad one stops the command with one line. With
    `defaults_only` nothing is asked: missing basics take their defaults and every required
    answer still missing is reported at once (MissingAnswersError). Ctrl-C, or 保存并退出 on
    the review screen, raises `Interrupted` whose message says where the answers are and how
    to continue. `prompter` shows the prompts (default: questionary at the terminal).
    """
    today = dt.date.today()
    path = answers_path or answers_beside(output)
    refuse_control_characters(output)
    refuse_control_characters(path)  # written after every answer: refused before the first
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
        answers = (
            read_answers(answers_path, library)
            if answers_path is not None
            else Answers(outline=default_outline(library), outline_ref=default_outline(library).id)
        )
        session = Session(library, path, output, today)
        session.begin(answers)
        fill_defaults(session)
        require_complete(answers, library, command="new")
        return write_document(
            answers, library, output, force=force, reference_docx=reference_docx, inputs=[answers_path]
        )

    if prompter is None:
        from drafter.wizard import prompts

        prompts.ensure_terminal()
        prompter = prompts.TerminalPrompter()
    check_output(output, force=True, inputs=[path, last_path])
    session = Session(library, path, output, today)
    interview = Interview(session, Carry(library.knowledge), prompter)
    try:
        with sigterm_stops():
            overwrite = force or interview.confirm_overwrite()
            interview.start(resume=answers_path is not None, last=last, last_path=last_path)
            interview.first_pass()
            return Review(interview).run(force=overwrite, reference_docx=reference_docx)
    except TermSignal:
        raise Terminated(f"收到终止信号（SIGTERM），问答已停止；{session.stop_message()}") from None
    except (Aborted, KeyboardInterrupt):
        raise Interrupted(session.stop_message()) from None


def fill_defaults(session: Session) -> None:
    """Give every unanswered basic question its default (for `--defaults`), in order.

    A default computed from other answers ("{{ unit }}", "@title") is left out while a
    required answer before it is missing: it would come out wrong or fail, and
    `require_complete` then names the answer that is really missing. A question the kind
    answers (its `when` is false, it has a default) takes that default too.
    """
    from drafter.composing import kind_text

    answers, library = session.answers, session.library
    refs = {"title": lambda: kind_text(answers, library, "title")}
    blocked = False
    for q in questions_of(library.questions["basics"]):
        ctx = session.basic_context({})
        enabled = q.is_enabled(ctx)
        wanted = session.basic(q.name) is None and (enabled or q.default is not None)
        if wanted and not (blocked and q.computes_default):
            value = q.get_default(ctx, refs)
            if value in (None, "", []):
                value = session.known(q.name)
            if value not in (None, "", []):
                session.set_basic(q.name, value)
        value = session.basic(q.name)
        blank = value is None or (isinstance(value, str) and not value.strip())
        blocked = blocked or (enabled and q.required and blank)
