"""drafter's command line: parse arguments, call one function, funnel every user error.

Exit codes: 0 ok; 1 a check failed (e.g. `diff` found differences); 2 bad input or usage;
3 an internal error (a bug: rerun with --debug and report it); 130 interrupted (answers saved).
Heavy libraries (questionary, python-docx, Jinja2) are imported inside the commands that need
them, so `drafter --help` stays fast.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from drafter import __version__
from drafter.errors import EXIT_BAD_INPUT, EXIT_CHECK_FAILED, EXIT_OK, UserError

EXIT_INTERNAL = 3
DEFAULT_OUTPUT = Path("党建工作总结.docx")


def _library(args: argparse.Namespace):  # noqa: ANN202 - lazy import keeps --help fast
    from drafter.outline import load_library

    return load_library(args.outlines)


def cmd_outline(args: argparse.Namespace) -> int:
    from drafter.outline_view import run_outline

    print(run_outline(args.reports, as_json=args.json, verbose=args.verbose))
    return EXIT_OK


def cmd_learn(args: argparse.Namespace) -> int:
    from drafter.learn import run_learn

    print(run_learn(args.reports, args.output, outlines_root=args.outlines, verbose=args.verbose))
    return EXIT_OK


def cmd_new(args: argparse.Namespace) -> int:
    from drafter.wizard import run_wizard

    written = run_wizard(
        _library(args),
        output=args.output,
        answers_path=args.answers,
        last_path=args.last,
        defaults_only=args.defaults,
        force=args.force,
        reference_docx=args.reference_docx,
    )
    print(f"已生成：{written}")
    return EXIT_OK


def cmd_render(args: argparse.Namespace) -> int:
    from drafter.render import render_files

    for path in render_files(
        args.answers,
        _library(args),
        args.output,
        fmt=args.format,
        force=args.force,
        reference_docx=args.reference_docx,
    ):
        print(f"已生成：{path}")
    return EXIT_OK


def cmd_import(args: argparse.Namespace) -> int:
    from drafter.importer import run_import

    out = args.output or Path(f"{args.report.stem}.answers.yaml")
    print(run_import(args.report, out, _library(args), force=args.force))
    return EXIT_OK


def cmd_diff(args: argparse.Namespace) -> int:
    from drafter.diff import run_diff

    text, differs = run_diff(args.old, args.new, _library(args))
    print(text)
    return EXIT_CHECK_FAILED if differs else EXIT_OK


def build_parser() -> argparse.ArgumentParser:
    """The argument parser; help texts in Chinese for the people who use drafter."""
    parser = argparse.ArgumentParser(
        prog="drafter",
        description="党建工作总结起草助手：从真实报告学习结构，问答填写本期情况，生成符合公文格式的 Word 文档。",
        epilog="退出码：0 成功；1 检查未通过；2 输入或用法有误；3 内部错误；130 已中断（答案已保存）。",
    )
    parser.add_argument("--version", action="version", version=f"drafter {__version__}")
    parser.add_argument("--debug", action="store_true", help="出错时显示完整的调用栈")
    parser.add_argument("--outlines", type=Path, metavar="目录", help="使用其他大纲目录（默认使用自带的 outlines/）")
    sub = parser.add_subparsers(dest="command", metavar="命令")

    p = sub.add_parser("new", help="问答向导：起草一份新的总结并生成 .docx")
    p.add_argument("-o", "--output", type=Path, default=DEFAULT_OUTPUT, help=f"输出文件（默认 {DEFAULT_OUTPUT}）")
    p.add_argument("--answers", type=Path, metavar="答案文件", help="从答案文件继续，只问缺少的问题")
    p.add_argument(
        "--from", dest="last", type=Path, metavar="上期报告",
        help="以上一期的报告（.txt/.md/.docx）或答案文件为起点：期间顺延，上期内容逐项确认或修改，数字重新填写",
    )
    p.add_argument("--defaults", action="store_true", help="不提问：全部用答案文件和默认值，缺必填项则报错")
    p.add_argument("--force", action="store_true", help="覆盖已存在的输出文件")
    p.add_argument("--reference-docx", type=Path, metavar="模板.docx", help="采用本单位 Word 模板中的样式")
    p.set_defaults(func=cmd_new)

    p = sub.add_parser("render", help="按答案文件直接生成文档（不提问）")
    p.add_argument("answers", type=Path, nargs="+", metavar="答案文件", help="一个或多个 *.answers.yaml")
    p.add_argument("-o", "--output", type=Path, required=True, help="输出文件；多个答案文件时为输出目录")
    p.add_argument("--format", choices=("docx", "md", "txt"), help="输出格式（默认按扩展名，否则 docx）")
    p.add_argument("--force", action="store_true", help="覆盖已存在的输出文件")
    p.add_argument("--reference-docx", type=Path, metavar="模板.docx", help="采用本单位 Word 模板中的样式")
    p.set_defaults(func=cmd_render)

    p = sub.add_parser("import", help="把上一期的报告转成答案文件，作为本期的起点")
    p.add_argument("report", type=Path, metavar="报告", help=".txt / .md / .docx 报告")
    p.add_argument("-o", "--output", type=Path, metavar="答案文件", help="输出的答案文件（默认：报告名.answers.yaml）")
    p.add_argument("--force", action="store_true", help="覆盖已存在的输出文件")
    p.set_defaults(func=cmd_import)

    p = sub.add_parser("diff", help="逐栏目比较两期报告（报告或答案文件）；有差异时退出码为 1")
    p.add_argument("old", type=Path, metavar="旧", help="上一期的报告或答案文件")
    p.add_argument("new", type=Path, metavar="新", help="本期的报告或答案文件")
    p.set_defaults(func=cmd_diff)

    p = sub.add_parser("outline", help="显示报告的结构树")
    p.add_argument("reports", type=Path, nargs="+", metavar="报告", help=".txt / .md / .docx 报告")
    p.add_argument("--json", action="store_true", help="以 JSON 输出（格式见 README）")
    p.add_argument("-v", "--verbose", action="store_true", help="同时列出删除的无关内容及原因")
    p.set_defaults(func=cmd_outline)

    p = sub.add_parser("learn", help="从一批真实报告学习大纲，写成 YAML")
    p.add_argument("reports", type=Path, nargs="+", metavar="报告", help=".txt / .md / .docx 报告")
    p.add_argument("-o", "--output", type=Path, required=True, metavar="目录", help="输出目录")
    p.add_argument("-v", "--verbose", action="store_true", help="显示每份报告的识别结果")
    p.set_defaults(func=cmd_learn)
    return parser


def run(argv: Sequence[str] | None) -> int:
    """Parse argv and run the command; every user error ends here as one message and an exit code."""
    parser = build_parser()
    args = parser.parse_args(argv)
    func = getattr(args, "func", None)
    if func is None:
        parser.print_help()
        return EXIT_BAD_INPUT
    try:
        return func(args)
    except BrokenPipeError:
        raise  # the reader of stdout went away: main() ends quietly
    except UserError as exc:
        if args.debug:
            raise
        print(f"{exc.label}{exc}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        if args.debug:
            raise
        print("已中断。", file=sys.stderr)
        return 130
    except Exception as exc:  # noqa: BLE001 - the one place that turns bugs into a message
        if args.debug:
            raise
        print(f"内部错误：{type(exc).__name__}: {exc}（加 --debug 查看详情并反馈）", file=sys.stderr)
        return EXIT_INTERNAL


def main(argv: Sequence[str] | None = None) -> int:
    """Console-script entry point: output never fails on encoding, a closed pipe ends quietly."""
    from drafter.console import configure_streams, discard_stdout

    configure_streams()
    try:
        code = run(argv)
        sys.stdout.flush()
    except BrokenPipeError:
        discard_stdout()
        return EXIT_OK
    return code
