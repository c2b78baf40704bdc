"""Outputs of render, new, import and learn: never onto an input or a non-regular file, never
two outputs of one name, and several files all or none (a full disk leaves nothing half done)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from drafter.cli import main
from tests.helpers import disk_full_after

BASE = "outline: general\nunit: 某某县档案馆党支部\nyear: 2025\n"
SECTION = "sections:\n  - heading: 加强理论学习\n    text: 支部坚持每月集中学习。\n"
NO_HEADINGS = "某某县档案馆党支部党建工作总结\n" + "".join(
    f"支部坚持集中学习，第{i}段内容，党员积极参加。\n" for i in range(1, 30)
)


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def fails(argv: list[str], capsys: pytest.CaptureFixture[str]) -> str:
    code = main(argv)
    err = capsys.readouterr().err
    assert code == 2, err
    return err


def test_render_onto_its_answers_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    answers = write(tmp_path / "a.answers.yaml", BASE + SECTION)
    before = answers.read_bytes()
    assert "答案或大纲文件的文件名" in fails(
        ["render", str(answers), "-o", str(answers), "--force"], capsys
    )
    odd = write(tmp_path / "a.txt", BASE + SECTION)  # answers under a document's name
    assert "同一个文件" in fails(["render", str(odd), "-o", str(odd), "--force"], capsys)
    assert answers.read_bytes() == before and odd.read_text(encoding="utf-8") == BASE + SECTION


def test_render_onto_the_reference_docx_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    answers = write(tmp_path / "a.answers.yaml", BASE + SECTION)
    assert main(["render", str(answers), "-o", str(tmp_path / "style.docx")]) == 0
    capsys.readouterr()
    reference = tmp_path / "style.docx"
    before = reference.read_bytes()
    argv = [
        "render",
        str(answers),
        "-o",
        str(reference),
        "--reference-docx",
        str(reference),
        "--force",
    ]
    assert "同一个文件" in fails(argv, capsys)
    assert reference.read_bytes() == before


def test_new_defaults_onto_its_answers_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    answers = write(tmp_path / "b.answers.yaml", BASE + SECTION)
    argv = ["new", "--answers", str(answers), "--defaults", "-o", str(answers), "--force"]
    assert "答案或大纲文件的文件名" in fails(argv, capsys)
    odd = write(tmp_path / "b.txt", BASE + SECTION)
    assert "同一个文件" in fails(
        ["new", "--answers", str(odd), "--defaults", "-o", str(odd), "--force"], capsys
    )
    assert answers.read_text(encoding="utf-8") == BASE + SECTION == odd.read_text(encoding="utf-8")


def test_two_answers_files_of_one_name_are_refused_before_writing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    first = write(tmp_path / "d1" / "a.answers.yaml", BASE + SECTION)
    second = write(tmp_path / "d2" / "a.answers.yaml", BASE + SECTION)
    out = tmp_path / "out"
    out.mkdir()
    err = fails(["render", str(first), str(second), "-o", str(out), "--force"], capsys)
    assert "同一个输出文件" in err and list(out.iterdir()) == []


def test_several_answers_files_are_rendered_all_or_none(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    good = write(tmp_path / "good.answers.yaml", BASE + SECTION)
    bad = write(tmp_path / "bad.answers.yaml", BASE + "sections: 3\n")
    out = tmp_path / "out"
    out.mkdir()
    assert "sections" in fails(["render", str(good), str(bad), "-o", str(out)], capsys)
    assert list(out.iterdir()) == []
    assert (
        main(
            [
                "render",
                str(good),
                str(write(tmp_path / "c.answers.yaml", BASE + SECTION)),
                "-o",
                str(out),
            ]
        )
        == 0
    )
    assert sorted(p.name for p in out.iterdir()) == ["c.docx", "good.docx"]


def test_force_does_not_replace_a_fifo_or_a_device(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    answers = write(tmp_path / "a.answers.yaml", BASE + SECTION)
    fifo = tmp_path / "f.docx"
    os.mkfifo(fifo)
    assert "不是普通文件" in fails(["render", str(answers), "-o", str(fifo), "--force"], capsys)
    assert fifo.is_fifo()
    assert "不是普通文件" in fails(["render", str(answers), "-o", "/dev/null", "--force"], capsys)
    assert Path("/dev/null").is_char_device()


def test_long_names(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    answers = write(tmp_path / "a.answers.yaml", BASE + SECTION)
    legal = tmp_path / ("长" * 80 + "xxx.docx")  # 248 bytes
    assert main(["render", str(answers), "-o", str(legal)]) == 0 and legal.exists()
    capsys.readouterr()
    too_long = tmp_path / ("长" * 90 + ".docx")  # 275 bytes
    assert "文件名太长" in fails(["render", str(answers), "-o", str(too_long)], capsys)


def test_missing_answers_hint_fits_render(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    answers = write(tmp_path / "a.answers.yaml", "outline: general\nyear: 2025\n" + SECTION)
    err = fails(["render", str(answers), "-o", str(tmp_path / "x.docx")], capsys)
    assert "单位名称" in err and "--defaults" not in err and "drafter new --answers" in err
    err = fails(
        ["new", "--answers", str(answers), "--defaults", "-o", str(tmp_path / "x.docx")], capsys
    )
    assert "去掉 --defaults" in err



def test_import_on_a_full_disk_leaves_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The report has no headings: import writes its own outline and the answers, both or none."""
    report = write(tmp_path / "r.txt", NO_HEADINGS)
    out = tmp_path / "r.answers.yaml"
    disk_full_after(monkeypatch, 2000)  # the outline fits, the answers do not
    assert "磁盘空间不足" in fails(["import", str(report), "-o", str(out)], capsys)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["r.txt"]
    monkeypatch.undo()
    assert main(["import", str(report), "-o", str(out)]) == 0  # the rerun is not blocked
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "r.answers.yaml",
        "r.outline.yaml",
        "r.txt",
    ]


def test_import_of_a_report_compiled_of_25_parts_renders(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """More than 99 sections at one level: import writes them, and render numbers them on."""
    parts = []
    for p in range(25):
        for k, title in enumerate(
            ["加强政治建设", "加强组织建设", "加强作风建设", "推进党风廉政建设", "存在问题"]
        ):
            parts.append(
                f"{'一二三四五'[k]}、{title}\n支部坚持集中学习，第{p + 1}部分第{k + 1}节。\n"
            )
    report = write(tmp_path / "r.txt", "某某县档案馆党支部2025年度党建工作总结\n" + "".join(parts))
    answers = tmp_path / "r.answers.yaml"
    assert main(["import", str(report), "-o", str(answers)]) == 0
    assert main(["render", str(answers), "-o", str(tmp_path / "r.md")]) == 0
    text = (tmp_path / "r.md").read_text(encoding="utf-8")
    assert "一百二十五、" in text
    capsys.readouterr()


def test_learn_on_a_full_disk_writes_no_outline(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    seeds: list[Path],
) -> None:
    out = tmp_path / "learned"
    disk_full_after(monkeypatch, 30_000)
    assert "磁盘空间不足" in fails(["learn", *map(str, seeds), "-o", str(out)], capsys)
    assert list(out.iterdir()) == []
    monkeypatch.undo()
    assert main(["learn", *map(str, seeds), "-o", str(out)]) == 0
    assert len(list(out.glob("*.yaml"))) == 5
    capsys.readouterr()


def test_paths_with_chinese_and_spaces_and_windows_line_ends(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "党建 资料 2025"
    answers = folder / "我的 答案.answers.yaml"
    folder.mkdir()
    answers.write_bytes((BASE + SECTION).replace("\n", "\r\n").encode("utf-8"))
    out = folder / "总结 终稿.txt"
    assert main(["render", str(answers), "-o", str(out)]) == 0
    assert f"已生成：{out}" in capsys.readouterr().out
    text = out.read_text(encoding="utf-8")
    assert "一、加强理论学习" in text and "\r" not in text


def test_a_batch_made_by_worker_processes_equals_one_made_in_turn(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Many answers files are rendered by worker processes; the files are the same bytes."""
    import drafter.commands.render as render_command
    from drafter.cli import run

    example = Path(__file__).parent.parent / "examples" / "complete.answers.yaml"
    sources = []
    for n in range(6):
        path = tmp_path / f"f{n}.answers.yaml"
        path.write_text(example.read_text(encoding="utf-8").replace("2025", str(2020 + n)), encoding="utf-8")
        sources.append(str(path))
    (tmp_path / "serial").mkdir()
    (tmp_path / "parallel").mkdir()
    monkeypatch.setattr(render_command, "PER_WORKER", 10**6)
    assert run(["render", *sources, "-o", str(tmp_path / "serial")]) == 0
    monkeypatch.setattr(render_command, "PER_WORKER", 1)
    monkeypatch.setattr(os, "cpu_count", lambda: 2)  # drafter.commands.workers asks os
    assert run(["render", *sources, "-o", str(tmp_path / "parallel")]) == 0
    for n in range(6):
        serial = (tmp_path / "serial" / f"f{n}.docx").read_bytes()
        assert serial == (tmp_path / "parallel" / f"f{n}.docx").read_bytes()
    # A bad file among many stops the batch with its own message and writes nothing.
    (tmp_path / "f3.answers.yaml").write_text("outline: general\nsections: []\n", encoding="utf-8")
    assert run(["render", *sources, "-o", str(tmp_path / "none")]) == 2
    (tmp_path / "again").mkdir()
    assert run(["render", *sources, "-o", str(tmp_path / "again")]) == 2
    assert not list((tmp_path / "again").iterdir())


@pytest.mark.parametrize("bad", [0, 17])
def test_a_large_batch_with_a_bad_file_leaves_no_document_and_no_temporary(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], bad: int
) -> None:
    """20 files: worker processes make them and threads write their temporaries as they come
    (writes.BACKGROUND_FROM); a bad file, first or late, stops the batch with its own message,
    and what was already staged is removed."""
    import drafter.commands.render as render_command

    example = Path(__file__).parent.parent / "examples" / "minimal.answers.yaml"
    sources = []
    for n in range(20):
        path = tmp_path / f"f{n:02}.answers.yaml"
        text = example.read_text(encoding="utf-8") if n != bad else "outline: general\nsections: 3\n"
        path.write_text(text, encoding="utf-8")
        sources.append(str(path))
    out = tmp_path / "out"
    out.mkdir()
    monkeypatch.setattr(render_command, "PER_WORKER", 1)
    monkeypatch.setattr(os, "cpu_count", lambda: 2)  # drafter.commands.workers asks os
    assert f"f{bad:02}.answers.yaml" in fails(["render", *sources, "-o", str(out)], capsys)
    assert list(out.iterdir()) == []
    good = [s for n, s in enumerate(sources) if n != bad]
    assert main(["render", *good, "-o", str(out)]) == 0
    assert len(list(out.iterdir())) == 19


@pytest.mark.parametrize(
    "command",
    [
        lambda a, out: ["render", str(a), "-o", str(out)],
        lambda a, out: ["new", "--answers", str(a), "--defaults", "-o", str(out)],
        lambda a, out: ["import", str(a.with_name("r.txt")), "-o", str(out)],
    ],
    ids=["render", "new", "import"],
)
def test_an_output_name_with_a_newline_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], command
) -> None:
    answers = write(tmp_path / "a.answers.yaml", BASE + SECTION + "date: 2025-12-05\n")
    write(tmp_path / "r.txt", NO_HEADINGS)
    before = sorted(p.name for p in tmp_path.iterdir())
    err = fails(command(answers, tmp_path / "总结\n.docx"), capsys)
    assert "输出文件名中有换行符" in err and "总结\\u000a.docx" in err
    assert sorted(p.name for p in tmp_path.iterdir()) == before


def test_the_wizard_refuses_an_answers_file_name_with_a_control_character(tmp_path: Path) -> None:
    from drafter.errors import OutputError
    from drafter.library import load_library
    from drafter.wizard import run_wizard
    from tests.scripted import ENTER, Scripted

    prompter = Scripted(rest=ENTER)
    with pytest.raises(OutputError, match="制表符"):
        run_wizard(load_library(None), output=tmp_path / "总结.docx",
                   answers_path=tmp_path / "a\t.answers.yaml", prompter=prompter)
    assert prompter.asked == [] and list(tmp_path.iterdir()) == []
