"""The CLI funnel: one-line messages, documented exit codes, tracebacks only with --debug."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from drafter.cli import run
from tests.helpers import build_file_tree, mini_library_dir

ANSWERS = """
outline: mini
unit: 某某县档案馆党支部
year: 2025
date: 2025-12-05
sections:
  - topic: politics
    heading: 加强理论武装
"""


def drafter(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "drafter", *args], cwd=cwd, capture_output=True, text=True,
        stdin=subprocess.DEVNULL, timeout=60,
    )


@pytest.fixture
def lib(tmp_path: Path) -> Path:
    return mini_library_dir(tmp_path / "outlines")


def test_no_command_prints_help_and_exits_2(capsys) -> None:
    assert run([]) == 2
    assert "drafter" in capsys.readouterr().out


def test_usage_errors_exit_2_in_chinese(capsys) -> None:
    assert run(["render"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("错误：缺少必需的参数：答案文件。") and "usage" not in err
    assert run(["learn", "a.txt"]) == 2
    assert "请给出 --name 名称（学成本单位的报告类型）或 -o 目录" in capsys.readouterr().err
    assert run(["render", "a.yaml", "--format", "odt"]) == 2
    assert "无效的选项 'odt'" in capsys.readouterr().err


def test_help_speaks_chinese(capsys) -> None:
    with pytest.raises(SystemExit) as exc:
        run(["render", "--help"])
    assert exc.value.code == 0
    text = capsys.readouterr().out
    assert text.startswith("用法：drafter render") and "选项：" in text and "显示本帮助并退出" in text
    for english in ("usage:", "options:", "show this help", "positional arguments"):
        assert english not in text


def test_version(capsys) -> None:
    with pytest.raises(SystemExit):
        run(["--version"])
    assert capsys.readouterr().out.startswith("drafter ")


def test_text_formats_go_to_standard_output(tmp_path: Path, capsys) -> None:
    example = Path(__file__).parent.parent / "examples" / "minimal.answers.yaml"
    assert run(["render", str(example), "--format", "md"]) == 0
    assert capsys.readouterr().out.startswith("# 某某镇中心小学党支部")
    assert run(["render", str(example), "--format", "txt", "-o", "-"]) == 0
    assert "某某镇中心小学党支部" in capsys.readouterr().out
    assert not Path("-").exists()
    assert run(["render", str(example), "-o", "-"]) == 2
    assert "不能输出到屏幕" in capsys.readouterr().err


def test_user_error_is_one_line_without_traceback(tmp_path: Path) -> None:
    result = drafter("render", "missing.answers.yaml", "-o", "x.docx", cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr.strip() == "错误：missing.answers.yaml：文件不存在。"
    assert "Traceback" not in result.stderr


def test_debug_shows_traceback(tmp_path: Path) -> None:
    result = drafter("--debug", "render", "missing.answers.yaml", "-o", "x.docx", cwd=tmp_path)
    assert result.returncode != 0 and "Traceback" in result.stderr


def test_render_md_and_refuse_overwrite(tmp_path: Path, lib: Path, capsys) -> None:
    answers = build_file_tree(tmp_path, {"a.answers.yaml": ANSWERS}) / "a.answers.yaml"
    out = tmp_path / "a.md"
    assert run(["--outlines", str(lib), "render", str(answers), "-o", str(out)]) == 0
    assert out.read_text(encoding="utf-8").startswith("# 某某县档案馆党支部2025年度党建工作总结")
    assert run(["--outlines", str(lib), "render", str(answers), "-o", str(out)]) == 2
    assert "--force" in capsys.readouterr().err
    assert run(["--outlines", str(lib), "render", str(answers), "-o", str(out), "--force"]) == 0


def test_render_many_into_directory(tmp_path: Path, lib: Path) -> None:
    files = build_file_tree(tmp_path, {"a.answers.yaml": ANSWERS, "b.answers.yaml": ANSWERS})
    outdir = tmp_path / "out"
    outdir.mkdir()
    args = ["--outlines", str(lib), "render", str(files / "a.answers.yaml"), str(files / "b.answers.yaml")]
    assert run([*args, "-o", str(outdir), "--format", "txt"]) == 0
    assert sorted(p.name for p in outdir.iterdir()) == ["a.txt", "b.txt"]
    assert run([*args, "-o", str(tmp_path / "nodir")]) == 2


def test_internal_error_exit_3(monkeypatch, tmp_path: Path, lib: Path, capsys) -> None:
    import drafter.commands.render

    def boom(*_a, **_k):
        raise RuntimeError("boom")

    monkeypatch.setattr(drafter.commands.render, "composed_answers", boom)
    assert run(["--outlines", str(lib), "render", "a.yaml", "-o", "x.docx"]) == 3
    err = capsys.readouterr().err
    assert "内部错误" in err and "--debug" in err and "Traceback" not in err


def test_check_exit_codes(tmp_path: Path, capsys) -> None:
    clean = Path(__file__).parent.parent / "examples" / "minimal.answers.yaml"
    assert run(["check", str(clean)]) == 0
    assert "未发现问题" in capsys.readouterr().out
    dirty = tmp_path / "r.txt"
    dirty.write_text(
        "某某县档案馆党支部2025年度党建工作总结\n一、加强学习\n全年开展集中学习XX次。\n二、规范组织生活\n一是严格落实制度。\n",
        encoding="utf-8",
    )
    assert run(["check", str(dirty)]) == 1
    out = capsys.readouterr().out
    assert "XX" in out and "共发现" in out
