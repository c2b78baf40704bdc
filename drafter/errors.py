"""User-facing errors and the exit codes the CLI maps them to.

Every problem a user can cause is raised as a `UserError`; the CLI's single handler prints its
message on one or two lines and exits with its code. Anything else is a bug and shows a
traceback only with `--debug`.
"""

from __future__ import annotations

from typing import ClassVar

EXIT_OK = 0
EXIT_CHECK_FAILED = 1
EXIT_BAD_INPUT = 2
EXIT_INTERRUPTED = 130


class UserError(Exception):
    """A problem the user can fix: bad input, bad usage, missing answers."""

    exit_code = EXIT_BAD_INPUT
    label = "错误："  # what the CLI prints before the message

    def __init__(self, message: str, *, hint: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint

    def __str__(self) -> str:
        return f"{self.message}\n{self.hint}" if self.hint else self.message


class UsageError(UserError):
    """The command line itself is wrong: a missing or unknown argument, a bad option value."""


class InputFileError(UserError):
    """A file named on the command line cannot be read or is not what it should be."""

    def __init__(self, path: object, problem: str, *, hint: str = "") -> None:
        super().__init__(f"{path}：{problem}", hint=hint)
        self.path = path
        self.problem = problem


class YamlError(InputFileError):
    """A YAML file is malformed or has the wrong shape; points at line and column when known."""

    def __init__(
        self, path: object, problem: str, *, line: int | None = None, column: int | None = None,
        hint: str = "",
    ) -> None:
        where = f"第{line}行第{column}列：" if line is not None and column is not None else ""
        super().__init__(path, where + problem, hint=hint)
        self.line = line
        self.column = column


class OutputError(UserError):
    """The output cannot be written (exists, directory missing, not writable)."""


class MissingAnswersError(UserError):
    """Required answers are missing where the user asked not to be prompted.

    The hint names what the command that raised it can do: `new --defaults` may drop
    --defaults and be asked, `render` has no questions to ask.
    """

    HINTS: ClassVar[dict[str, str]] = {
        "new": "请在答案文件中补全，或去掉 --defaults 交互填写。",
        "render": "请在答案文件中补全后再生成，或用 drafter new --answers 该文件 逐项填写。",
    }

    def __init__(
        self, missing: list[str], *, answers_path: object = None, command: str = "new"
    ) -> None:
        where = f"{answers_path}：" if answers_path else ""
        super().__init__(f"{where}缺少必填答案：{'；'.join(missing)}", hint=self.HINTS[command])
        self.missing = missing
        self.answers_path = answers_path

    def for_command(self, command: str) -> MissingAnswersError:
        """The same error with the hint of `command` (new, render)."""
        return MissingAnswersError(self.missing, answers_path=self.answers_path, command=command)


class Interrupted(UserError):
    """The user pressed Ctrl-C in the wizard; answers so far were saved."""

    exit_code = EXIT_INTERRUPTED
    label = ""


class SavedForLater(Interrupted):
    """The user chose 保存并退出 on the review screen: not a failure."""

    exit_code = EXIT_OK


class NoTerminalError(UserError):
    """The wizard needs an interactive terminal and there is none."""

    def __init__(self) -> None:
        super().__init__(
            "没有可交互的终端，无法启动问答向导。",
            hint="请在终端中运行，或用 --answers 答案文件.yaml --defaults 非交互生成。",
        )
