"""User-facing errors and the exit codes the CLI maps them to.

Every problem a user can cause is raised as a `UserError`; the CLI's single handler prints its
message on one or two lines and exits with its code. Anything else is a bug and shows a
traceback only with `--debug`.
"""

from __future__ import annotations

import errno
from typing import ClassVar

EXIT_OK = 0
EXIT_CHECK_FAILED = 1
EXIT_BAD_INPUT = 2
EXIT_INTERRUPTED = 130
EXIT_TERMINATED = 143  # 128 + SIGTERM, as a shell reports a process the signal ended


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


class Interrupted(UserError):
    """The user pressed Ctrl-C in the wizard; answers so far were saved."""

    exit_code = EXIT_INTERRUPTED
    label = ""


class Terminated(Interrupted):
    """The wizard was sent SIGTERM (a closing window, `kill`, a service stopping): it stopped
    as on Ctrl-C, answers saved and the message said, and exits 143 so a script can tell."""

    exit_code = EXIT_TERMINATED


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


# What the operating system says, in Chinese (its own words are English, or the console's code page).
_OS_REASONS = {
    errno.EACCES: "没有权限",
    errno.EPERM: "不允许的操作",
    errno.ENOENT: "文件或目录不存在",
    errno.ENOSPC: "磁盘空间不足",
    errno.EROFS: "磁盘是只读的",
    errno.EISDIR: "这是一个目录",
    errno.ENOTDIR: "路径中有一部分不是目录",
    errno.ENAMETOOLONG: "文件名太长",
    errno.EEXIST: "文件已存在",
    errno.EBUSY: "文件正被占用",
    errno.EIO: "读写出错（磁盘或网络盘故障？）",
    errno.ELOOP: "符号链接循环",
    errno.EMFILE: "打开的文件太多",
    errno.EXDEV: "不能跨磁盘移动",
    errno.EDQUOT: "超出磁盘配额",
}


def os_reason(exc: OSError) -> str:
    """Why an OS call failed, in Chinese; the error number when the reason is not one we know."""
    return _OS_REASONS.get(exc.errno or 0, f"系统错误 {exc.errno}" if exc.errno else "系统错误")
