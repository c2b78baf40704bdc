"""drafter's command line: parse arguments in Chinese, call one command, funnel every error.

Exit codes: 0 ok; 1 a check found something (`diff`, `check`) or `gather` left a report out;
2 bad input or usage; 3 an internal error (a bug: rerun with --debug and report it);
130 interrupted (answers saved); 143 the wizard sent SIGTERM (answers saved, as on Ctrl-C).
Each command lives in `drafter.commands` and is imported only when it runs, so `drafter --help`
stays fast.
"""

from __future__ import annotations

import argparse
import importlib
import os
import re
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any, NoReturn, TextIO

from drafter import __version__
from drafter.errors import EXIT_BAD_INPUT, EXIT_INTERRUPTED, EXIT_OK, UsageError, UserError

EXIT_INTERNAL = 3

# argparse's own words (usage, headings, help, its error messages) in Chinese. argparse looks
# its strings up through gettext at the moment it uses them; these are its message ids.
_ARGPARSE_CHINESE = {
    "usage: ": "用法：",
    "options": "选项",
    "positional arguments": "参数",
    "show this help message and exit": "显示本帮助并退出",
    "the following arguments are required: %s": "缺少必需的参数：%s",
    "unrecognized arguments: %s": "无法识别的参数：%s",
    "argument %(argument_name)s: %(message)s": "参数 %(argument_name)s：%(message)s",
    "invalid choice: %(value)r (choose from %(choices)s)": "无效的选项 %(value)r（可选：%(choices)s）",
    "expected one argument": "后面需要一个值",
    "expected at most one argument": "后面最多一个值",
    "expected at least one argument": "后面至少需要一个值",
    "invalid %(type)s value: %(value)r": "无效的值 %(value)r",
    "not allowed with argument %s": "不能与参数 %s 同时使用",
    "ambiguous option: %(option)s could match %(matches)s": "选项 %(option)s 不明确，可能是：%(matches)s",
    "one of the arguments %s is required": "参数 %s 必须给出其中一个",
    "unexpected option string: %s": "意外的选项：%s",
    "ignored explicit argument %r": "多余的值 %r",
    "%(prog)s: error: %(message)s\n": "%(prog)s：错误：%(message)s\n",
    "expected %s argument": "后面需要 %s 个值",
    "expected %s arguments": "后面需要 %s 个值",
}


def _chinese(message: str) -> str:
    return _ARGPARSE_CHINESE.get(message, message)


def _chinese_plural(singular: str, plural: str, n: int) -> str:
    return _chinese(singular if n == 1 else plural)


argparse._ = _chinese  # type: ignore[attr-defined]
argparse.ngettext = _chinese_plural  # type: ignore[attr-defined]


class _Formatter(argparse.HelpFormatter):
    """Help laid out for Chinese: full-width colons after headings, the command list unboxed."""

    def format_help(self) -> str:
        return re.sub(r"^(\s*\S+):$", r"\1：", super().format_help(), flags=re.MULTILINE)

    def _format_action(self, action: argparse.Action) -> str:
        if isinstance(action, argparse._SubParsersAction):
            return "".join(self._format_action(a) for a in action._get_subactions())
        return super()._format_action(action)


class _Parser(argparse.ArgumentParser):
    """An ArgumentParser whose usage errors become one Chinese UserError (exit 2)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", _Formatter)
        super().__init__(*args, **kwargs)

    def error(self, message: str) -> NoReturn:
        raise UsageError(f"{message}。", hint=f"用 {self.prog} --help 查看用法。")


def _add_help(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("-h", "--help", action="help", help="显示本帮助并退出")


def build_parser() -> argparse.ArgumentParser:
    """The argument parser; every word of it in Chinese for the people who use drafter."""
    parser = _Parser(
        prog="drafter",
        add_help=False,
        description="党建工作总结起草助手：从真实报告学习结构，问答填写本期情况，生成符合公文格式的 Word 文档。",
        epilog="退出码：0 成功；1 核稿或比较发现问题；2 输入或用法有误；3 内部错误；130 已中断、143 收到终止信号（答案都已保存）。",
    )
    _add_help(parser)
    parser.add_argument("--version", action="version", version=f"drafter {__version__}", help="显示版本号并退出")
    parser.add_argument("--debug", action="store_true", help="出错时显示完整的调用栈")
    parser.add_argument("--outlines", type=Path, metavar="目录", help="使用其他大纲目录（默认使用自带的大纲）")
    sub = parser.add_subparsers(dest="command", metavar="命令", title="命令", parser_class=_Parser)

    def command(name: str, help_text: str) -> argparse.ArgumentParser:
        p = sub.add_parser(name, help=help_text, description=help_text, add_help=False)
        _add_help(p)
        p.set_defaults(module=name)
        return p

    p = command("new", "问答向导：起草一份新的总结并生成 .docx")
    p.add_argument("-o", "--output", type=Path, metavar="输出文件", help="输出文件（默认 党建工作总结.docx）")
    p.add_argument("--answers", type=Path, metavar="答案文件", help="从答案文件继续，只问缺少的问题")
    p.add_argument(
        "--from", dest="last", type=Path, metavar="上期报告",
        help="以上一期的报告（.txt/.md/.docx）或答案文件为起点：期间顺延，上期内容逐项确认或修改，数字重新填写",
    )
    p.add_argument("--defaults", action="store_true", help="不提问：全部用答案文件和默认值，缺必填项则报错")
    p.add_argument("--force", action="store_true", help="覆盖已存在的输出文件")
    p.add_argument("--reference-docx", type=Path, metavar="模板.docx", help="采用本单位 Word 模板中的样式")

    p = command("render", "按答案文件直接生成文档（不提问）")
    p.add_argument("answers", type=Path, nargs="+", metavar="答案文件", help="一个或多个 *.answers.yaml")
    p.add_argument(
        "-o", "--output", type=Path, metavar="输出",
        help="输出文件；多个答案文件时为输出目录；- 或省略时 md/txt 输出到屏幕（.docx 省略时写到当前文件夹）",
    )
    p.add_argument(
        "--format", choices=("docx", "md", "txt", "pdf"),
        help="输出格式（默认按扩展名，否则 docx）；pdf 由 LibreOffice 把 .docx 转成 PDF（需已安装 LibreOffice）",
    )
    p.add_argument("--table", action="store_true", help="汇总报告（drafter gather 生成）后附“附件”：各支部数字统计表")
    p.add_argument("--force", action="store_true", help="覆盖已存在的输出文件")
    p.add_argument("--reference-docx", type=Path, metavar="模板.docx", help="采用本单位 Word 模板中的样式")

    p = command("gather", "汇总各支部的报告（.docx/.txt/.md 或答案文件），起草机关党委（党总支）的总结答案文件")
    p.add_argument("reports", type=Path, nargs="+", metavar="支部报告", help="各支部的报告或答案文件")
    p.add_argument("-o", "--output", type=Path, metavar="答案文件", help="输出的答案文件（默认：汇总.answers.yaml）")
    p.add_argument("--unit", metavar="单位名称", help="汇总报告的单位名称，如“某某局机关党委”（默认按各支部名称推断）")
    p.add_argument("--csv", type=Path, metavar="统计表.csv", help="同时把各支部数字统计表写成 CSV（UTF-8 带 BOM，Excel/WPS 可直接打开）")
    p.add_argument("--force", action="store_true", help="覆盖已存在的输出文件")

    p = command("import", "把上一期的报告转成答案文件，作为本期的起点")
    p.add_argument("report", type=Path, metavar="报告", help=".txt / .md / .docx 报告")
    p.add_argument("-o", "--output", type=Path, metavar="答案文件", help="输出的答案文件（默认：报告名.answers.yaml）")
    p.add_argument("--force", action="store_true", help="覆盖已存在的输出文件")

    p = command("diff", "逐栏目比较两期报告（报告或答案文件）；有差异时退出码为 1")
    p.add_argument("old", type=Path, metavar="旧", help="上一期的报告或答案文件")
    p.add_argument("new", type=Path, metavar="新", help="本期的报告或答案文件")

    p = command("check", "核稿：检查报告或答案文件中读者会发现的问题（占位符、年份、孤立的“一是”、重复、标点等）；有问题时退出码为 1")
    p.add_argument(
        "files", type=Path, nargs="+", metavar="文件",
        help="报告（.txt/.md/.docx）、答案文件（.yaml）或文件夹（核稿其中的报告和答案文件）",
    )
    shown = p.add_mutually_exclusive_group()
    shown.add_argument("--summary", action="store_true", help="多个文件时只显示每个文件一行的汇总")
    shown.add_argument("--json", action="store_true", help="以 JSON 输出全部结果（格式见 README）")

    p = command("outline", "显示报告的结构树")
    p.add_argument("reports", type=Path, nargs="+", metavar="报告", help=".txt / .md / .docx 报告")
    p.add_argument("--json", action="store_true", help="以 JSON 输出（格式见 README）")
    p.add_argument("-v", "--verbose", action="store_true", help="同时列出删除的无关内容及原因")

    p = command("learn", "从一批真实报告学习大纲：--name 学成本单位的报告类型，-o 写成大纲 YAML")
    p.add_argument("reports", type=Path, nargs="+", metavar="报告", help=".txt / .md / .docx 报告")
    p.add_argument(
        "--name", metavar="名称",
        help="把本单位的往期报告学成一个报告类型（如“本单位年度总结”），保存在本单位的大纲库中，"
        "drafter new 优先提供；同名的会被更新",
    )
    p.add_argument("-o", "--output", type=Path, metavar="目录", help="把学到的大纲写成 YAML 放在该目录")
    p.add_argument("-v", "--verbose", action="store_true", help="显示每份报告的识别结果和删去的做法（与 -o 一起用）")

    p = command("kinds", "列出可写的报告类型：自带的和从本单位报告学到的（来源、报告份数、标题结构）")
    p.add_argument("--remove", metavar="名称", help="从本单位的大纲库中删除这个报告类型")
    p.add_argument(
        "--export", metavar="名称",
        help="把本单位的这个报告类型导出为大纲文件（与答案文件放在一起，在别的电脑上也能生成）",
    )
    p.add_argument("-o", "--output", type=Path, metavar="文件", help="--export 的输出文件（默认：名称.outline.yaml）")
    p.add_argument("--force", action="store_true", help="覆盖已存在的输出文件")
    return parser


_MODULES = {"new": "new", "render": "render", "gather": "gather", "import": "importing", "diff": "diff",
            "check": "check", "outline": "outline", "learn": "learn", "kinds": "kinds"}


def run(argv: Sequence[str] | None, out: TextIO | None = None, err: TextIO | None = None) -> int:
    """Parse argv and run the command; every error ends here as one message and an exit code."""
    out = out if out is not None else sys.stdout
    err = err if err is not None else sys.stderr
    parser = build_parser()
    debug = "--debug" in (argv if argv is not None else sys.argv[1:])
    try:
        args = parser.parse_args(argv)
        name = getattr(args, "module", None)
        if name is None:
            parser.print_help(out)
            return EXIT_BAD_INPUT
        command = importlib.import_module(f"drafter.commands.{_MODULES[name]}")
        code: int = command.run(args, out)
        return code
    except BrokenPipeError:
        raise  # the reader of stdout went away: main() ends quietly
    except UserError as exc:
        if debug:
            raise
        err.write(f"{exc.label}{exc}\n")
        return exc.exit_code
    except KeyboardInterrupt:
        if debug:
            raise
        err.write("已中断。\n")
        return EXIT_INTERRUPTED
    except Exception as exc:
        if debug:
            raise
        err.write(f"内部错误：{type(exc).__name__}: {exc}（加 --debug 查看详情并反馈）\n")
        return EXIT_INTERNAL


def entry() -> NoReturn:
    """The `drafter` command (and `python -m drafter`): `main`, then the process ends at once.

    A command's work is done and its files closed when `main` returns; what remains of the
    interpreter's shutdown — freeing every object of the loaded outlines, knowledge and
    modules one by one — would cost a render about a tenth of its time. So the standard
    streams are flushed and the process exits without that teardown (drafter registers no
    exit handlers; the batch's worker pools are shut down inside `render`). If the streams
    cannot be flushed, the usual exit reports it.
    """
    code = main()
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except (OSError, ValueError):
        sys.exit(code)
    os._exit(code)


def main(argv: Sequence[str] | None = None) -> int:
    """Parse and run a command line (`entry` for the shell, tests call this): output never fails
    on encoding, a closed pipe ends quietly."""
    from drafter.console import configure_streams, discard_stdout

    configure_streams()
    try:
        code = run(argv)
        sys.stdout.flush()
    except BrokenPipeError:
        discard_stdout()
        return EXIT_OK
    return code
