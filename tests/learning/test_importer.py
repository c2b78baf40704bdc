"""Importing a report as an answers file: structure, verbatim text, counts, basics, outlines, errors.

The reports here are written for a fictional county meteorological bureau and archive; none of
their sentences come from the seed reports.
"""

from __future__ import annotations

import struct
import textwrap
import zlib
from pathlib import Path

import docx
import pytest
from helpers import mini_library_dir

from drafter.answers.answers import answers_mapping
from drafter.domain.counts import apply_counts
from drafter.domain.naming import own_outline_beside as own_outline_path
from drafter.errors import InputFileError, OutputError, UserError
from drafter.learning.importer import import_report, stated_numbers
from drafter.library.outline import Library, load_library, load_outline
from tests.helpers import load_answers, render_answers, run_import

LEVELS_REPORT = """
某某县气象局机关党支部2024年度党建工作总结

2024年，某某县气象局机关党支部坚持以习近平新时代中国特色社会主义思想为指导，围绕气象防灾减灾中心任务抓党建、促业务。现将全年工作总结如下：
一、强化理论武装，筑牢思想根基
（一）抓实集中学习
支部把每月第一个周三定为集中学习日，全年开展集中学习14次、专题研讨5次。
党员结合预报岗位撰写学习体会，在局内刊物交流。
（二）创新学习方式。一是开设“云端课堂”，向党员推送学习资料；二是组织党员到县革命纪念馆开展现场教学。
二、夯实基层基础，规范组织生活
1.严格落实“三会一课”。全年召开支委会12次、党员大会4次。
2.做好党员发展工作。确定入党积极分子2名，按程序接收预备党员1名。
三、存在的问题
学用结合还不够紧密，党建与气象业务融合的办法还不多。
四、下一步工作打算
新的一年，支部将继续深化理论武装，推动党建与气象业务深度融合。
某某县气象局机关党支部
2024年12月20日
"""

DASH_REPORT = """
今年以来，某某县档案馆党支部紧紧围绕“为党管档、为国守史”职责，以四项举措推动党建工作提质增效。
——强基础。一是完善支部工作制度，修订议事规则；二是规范组织生活，全年开展主题党日12次。
——强能力。一是开展档案业务练兵；二是组织青年党员读书分享。
——转作风。聚焦查档服务中的堵点，推行预约查档、跨馆出证。
——重特色。打造“兰台先锋”党建品牌，党员亮身份、亮承诺。
下一步，支部将持续深化上述举措，以高质量党建引领档案事业发展。
"""

NO_HEADINGS_REPORT = """
今年以来，某某乡农技站党小组认真落实上级党组织部署，各项工作有序推进。
党小组坚持每月集中学习，组织党员深入田间地头开展技术服务，帮助农户解决病虫害防治难题。
党员带头参与防汛值守，在汛期坚守岗位，确保了农业生产安全。
"""


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
    return path


def tiny_png() -> bytes:
    """A valid 1×1 white PNG, so python-docx can embed a picture without any image file."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (
            struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
        )

    header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    pixels = zlib.compress(b"\x00\xff\xff\xff")
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")
    )


def walk(sections: list[dict]) -> list[dict]:
    out = []
    for s in sections:
        out.append(s)
        out.extend(walk(s.get("children") or []))
    return out


@pytest.fixture(scope="module")
def library() -> Library:
    return load_library()


# --- structure and content -----------------------------------------------------------------------
def test_levels_report_structure(tmp_path: Path, library: Library) -> None:
    result = import_report(write(tmp_path, "r.txt", LEVELS_REPORT), library)
    a = answers_mapping(result.answers)
    assert a["title"] == "某某县气象局机关党支部2024年度党建工作总结"
    assert (a["unit"], a["year"], a["period"]) == ("某某县气象局机关党支部", 2024, "全年")
    assert a["opening"].startswith("2024年，某某县气象局机关党支部坚持")
    tree = [(s["heading"], s["run_in"]) for s in walk(a["sections"])]
    assert tree == [
        ("强化理论武装，筑牢思想根基", False),
        ("抓实集中学习", False),
        ("创新学习方式", True),
        ("夯实基层基础，规范组织生活", False),
        ("严格落实“三会一课”", True),
        ("做好党员发展工作", True),
        ("存在的问题", False),
        ("下一步工作打算", False),
    ]
    study = a["sections"][0]["children"][0]
    assert study["text"].split("\n\n") == [
        "支部把每月第一个周三定为集中学习日，全年开展集中学习14次、专题研讨5次。",
        "党员结合预报岗位撰写学习体会，在局内刊物交流。",
    ]
    assert study["numbers"] == {"集中学习": 14, "专题研讨": 5}
    points = a["sections"][0]["children"][1]
    assert points["text"].startswith("一是开设“云端课堂”") and points["measures"] == []
    assert (a["signature"], a["date"]) == ("某某县气象局机关党支部", "2024-12-20")
    assert a["closing"] == ""
    assert result.answers.outline.id == "annual" and not result.own_outline
    topics = [s.get("topic") for s in a["sections"]]
    assert topics[-2:] == ["problems", "next_steps"]
    assert all(
        t is None or result.answers.outline.find(t) for t in (s.get("topic") for s in walk(a["sections"]))
    )


def test_numbers_are_only_counts_stated_verbatim() -> None:
    paragraphs = [
        "开展集中学习6次，其中集中学习3次在基层。",
        "走访群众“120”人次，召开座谈会３次，发放资料2.5万份。",
    ]
    numbers = stated_numbers(paragraphs)
    assert (
        "集中学习" not in numbers
    )  # two different figures for one key: updating one would change both
    assert "座谈会" not in numbers  # full-width digits would be rewritten as ASCII
    assert all(isinstance(v, int) for v in numbers.values())
    assert apply_counts(paragraphs, numbers, lambda _k: "次") == (paragraphs, [])


def test_imported_report_renders_back(tmp_path: Path, library: Library) -> None:
    out = tmp_path / "r.answers.yaml"
    run_import(write(tmp_path, "r.txt", LEVELS_REPORT), out, library, force=False)
    data, _ = load_answers(out, library)
    text = render_answers(data, library, tmp_path / "r.txt.out", fmt="txt").read_text(
        encoding="utf-8"
    )
    for line in textwrap.dedent(LEVELS_REPORT).strip().splitlines():
        body = line.split("。", 1)[-1] if line[:2] in ("（二", "1.", "2.") else line
        assert body.strip() in text, line
    data["sections"][0]["children"][0]["numbers"]["集中学习"] = 20
    text = render_answers(data, library, tmp_path / "r2.txt", fmt="txt").read_text(encoding="utf-8")
    assert "全年开展集中学习20次、专题研讨5次。" in text and "集中学习14次" not in text


def _moved_under_title(under: list[str], *, keep_end: bool) -> str:
    """LEVELS_REPORT with `under` set between the title and the opening, its sign-off kept
    at the end or removed."""
    lines = textwrap.dedent(LEVELS_REPORT).strip().splitlines()
    end = lines[-2:] if keep_end else []
    return "\n".join([lines[0], *under, *lines[1:-2], *end])


def test_a_date_under_the_title_dates_the_report_when_the_end_does_not(
    tmp_path: Path, library: Library
) -> None:
    text = _moved_under_title(["（2024年12月20日）", "某某县气象局机关党支部"], keep_end=False)
    result = import_report(write(tmp_path, "u.txt", text), library)
    a = answers_mapping(result.answers)
    assert a["title"] == "某某县气象局机关党支部2024年度党建工作总结"
    assert a["opening"].startswith("2024年，某某县气象局机关党支部坚持")  # not the date line
    assert (a["date"], a["signature"]) == ("2024-12-20", "某某县气象局机关党支部")
    assert not any("标题下" in note for note in result.notes)


@pytest.mark.parametrize(
    ("under", "note"),
    [
        ("（2024年12月20日）", "标题下的“（2024年12月20日）”未导入：文末已有成文日期。"),
        ("2024年12月", "标题下的“2024年12月”未导入：文末已有成文日期。"),
        ("某某县气象局机关党支部", "标题下的“某某县气象局机关党支部”未导入：文末已有落款。"),
    ],
)
def test_what_under_the_title_repeats_the_end_is_named_in_a_note(
    tmp_path: Path, library: Library, under: str, note: str
) -> None:
    result = import_report(write(tmp_path, "u.txt", _moved_under_title([under], keep_end=True)), library)
    a = answers_mapping(result.answers)
    assert a["opening"].startswith("2024年，") and a["date"] == "2024-12-20"
    assert note in result.notes


def test_the_signature_names_the_unit_when_the_title_does_not(tmp_path: Path, library: Library) -> None:
    text = textwrap.dedent(LEVELS_REPORT).strip().replace(
        "某某县气象局机关党支部2024年度党建工作总结", "2024年度党建工作总结", 1
    ).replace("2024年，某某县气象局机关党支部坚持", "2024年，支部坚持", 1)
    a = answers_mapping(import_report(write(tmp_path, "s.txt", text), library).answers)
    assert a["title"] == "2024年度党建工作总结" and a["unit"] == "某某县气象局机关党支部"


def test_a_title_with_about_names_the_unit_before_it(tmp_path: Path, library: Library) -> None:
    text = textwrap.dedent(LEVELS_REPORT).strip().replace(
        "某某县气象局机关党支部2024年度党建工作总结", "某某县气象局机关党支部关于2024年上半年机关党建工作情况的报告", 1
    )
    result = import_report(write(tmp_path, "a.txt", text), library)
    a = answers_mapping(result.answers)
    assert (a["unit"], a["year"], a["period"]) == ("某某县气象局机关党支部", 2024, "上半年")
    assert result.answers.outline.id == "half_year" and "上半年" in result.reason


def test_a_title_with_its_period_in_brackets_names_unit_and_year(tmp_path: Path, library: Library) -> None:
    text = textwrap.dedent(LEVELS_REPORT).strip().replace(
        "某某县气象局机关党支部2024年度党建工作总结", "某某县气象局机关党支部党建工作总结\n（2024年度）", 1
    )
    a = answers_mapping(import_report(write(tmp_path, "p.txt", text), library).answers)
    assert a["title"] == "某某县气象局机关党支部党建工作总结（2024年度）"
    assert (a["unit"], a["year"], a["period"]) == ("某某县气象局机关党支部", 2024, "全年")
    # a unit whose name holds a kind word keeps it: 报告厅 is no 报告
    text = text.replace("某某县气象局机关党支部党建工作总结", "某某县报告厅管理中心党支部2024年度党建工作总结", 1)
    text = text.replace("\n（2024年度）", "", 1)
    a = answers_mapping(import_report(write(tmp_path, "q.txt", text), library).answers)
    assert a["unit"] == "某某县报告厅管理中心党支部"


def test_dash_headings_keep_their_dashes(tmp_path: Path, library: Library) -> None:
    result = import_report(write(tmp_path, "d.txt", DASH_REPORT), library)
    a = answers_mapping(result.answers)
    assert result.answers.outline.id == "measures"
    assert "——" in result.reason
    assert [s["heading"] for s in a["sections"]] == ["强基础", "强能力", "转作风", "重特色"]
    assert all(s["run_in"] for s in a["sections"])
    assert a["unit"] == "某某县档案馆党支部" and a["title"] == "" and "year" not in a
    assert a["closing"].startswith("下一步，支部将持续深化")
    assert a["sections"][0]["numbers"] == {"主题党日": 12}
    text = render_answers(a, library, tmp_path / "d.out.txt", fmt="txt").read_text(encoding="utf-8")
    assert "——强基础。一是完善支部工作制度" in text


def test_no_headings_becomes_one_section_with_own_outline(
    tmp_path: Path, library: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    report = write(tmp_path, "plain.txt", NO_HEADINGS_REPORT)
    out = tmp_path / "plain.answers.yaml"
    summary = run_import(report, out, library, force=False)
    outline_file = own_outline_path(out)
    assert outline_file == tmp_path / "plain.outline.yaml" and outline_file.exists()
    assert str(outline_file) in summary
    outline = load_outline(outline_file)  # valid per OUTLINE_SCHEMA
    data, used = load_answers(out, library)
    assert used.id == outline.id and data["outline"] == outline_file.name
    assert len(data["sections"]) == 1 and data["sections"][0]["heading"] == "主要工作情况"
    assert data["sections"][0]["topic"] == outline.sections[0].id
    assert data["opening"].startswith("今年以来，某某乡农技站党小组")
    assert len(data["sections"][0]["text"].split("\n\n")) == 2
    assert "未识别到" in summary and "主要工作情况" in summary
    # The answers file finds its outline beside it from any working directory, even one that
    # holds another outline file of the same name.
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "plain.outline.yaml").write_text(
        outline_file.read_text(encoding="utf-8").replace("level: 1", "level: 1\n    # decoy"),
        encoding="utf-8",
    )
    monkeypatch.chdir(elsewhere)
    here = render_answers(data, library, elsewhere / "x.txt", path=out).read_text(encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    there = render_answers(data, library, tmp_path / "y.txt", path=out).read_text(encoding="utf-8")
    assert here == there


def test_unknown_kind_builds_outline_from_own_headings(tmp_path: Path) -> None:
    root = mini_library_dir(tmp_path / "outlines")
    (root / "learned" / "mini.yaml").unlink()
    library = load_library(root)
    out = tmp_path / "r.answers.yaml"
    summary = run_import(write(tmp_path, "r.txt", LEVELS_REPORT), out, library, force=False)
    outline = load_outline(own_outline_path(out))
    assert [s.titles[0].text for s in outline.sections][:2] == [
        "强化理论武装，筑牢思想根基",
        "夯实基层基础，规范组织生活",
    ]
    data, _ = load_answers(out, library)
    ids = [s.id for s in outline.sections]
    assert all(s["topic"] in ids for s in data["sections"])
    assert "按报告自身的" in summary


def test_docx_with_table_and_image(tmp_path: Path, library: Library) -> None:
    document = docx.Document()
    for line in textwrap.dedent(LEVELS_REPORT).strip().splitlines()[:6]:
        document.add_paragraph(line)
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text = "学习次数"
    image = tmp_path / "dot.png"
    image.write_bytes(tiny_png())
    document.add_picture(str(image))
    document.add_paragraph("（二）创新学习方式。组织党员到县革命纪念馆开展现场教学。")
    path = tmp_path / "report.docx"
    document.save(str(path))

    result = import_report(path, library)
    sections = walk(answers_mapping(result.answers)["sections"])
    assert [s["heading"] for s in sections] == [
        "强化理论武装，筑牢思想根基",
        "抓实集中学习",
        "创新学习方式",
    ]
    assert "全年开展集中学习14次" in sections[1]["text"]
    assert "学习次数" in sections[1]["text"]  # table cells are read as paragraphs, in order
    skipped = next(n for n in result.notes if "未导入" in n)
    assert "跳过图片1张" in skipped
    assert any(n.startswith("表格1个") for n in result.notes)


def test_placeholders_and_period(tmp_path: Path, library: Library) -> None:
    report = """
    XX县XX局2023年上半年党建工作开展情况汇报

    今年上半年，XX局党支部按照年初计划推进各项工作。现将有关情况汇报如下：
    一、理论学习
    支部开展集中学习6次。
    """
    result = import_report(write(tmp_path, "h.txt", report), library)
    a = answers_mapping(result.answers)
    assert (a["unit"], a["year"], a["period"]) == ("XX县XX局", 2023, "上半年")
    assert result.answers.outline.id == "half_year"
    assert any("XX" in n and "占位符" in n for n in result.notes)


# --- bad input -----------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("missing.txt", None),
        ("empty.txt", b""),
        ("binary.txt", bytes(range(256)) * 8),
        ("fake.docx", "这不是 Word 文档".encode()),
        ("broken.docx", b"PK\x03\x04" + b"\x00" * 40),
    ],
)
def test_bad_reports_are_input_errors(
    tmp_path: Path, library: Library, name: str, content: bytes | None
) -> None:
    path = tmp_path / name
    if content is not None:
        path.write_bytes(content)
    with pytest.raises(InputFileError):
        import_report(path, library)


def test_directory_and_yaml_are_refused(tmp_path: Path, library: Library) -> None:
    with pytest.raises(InputFileError):
        import_report(tmp_path, library)
    answers = write(tmp_path, "x.answers.yaml", "outline: annual\n")
    with pytest.raises(UserError, match="无需导入"):
        import_report(answers, library)


def test_output_is_never_clobbered(tmp_path: Path, library: Library) -> None:
    report = write(tmp_path, "r.txt", LEVELS_REPORT)
    out = tmp_path / "r.answers.yaml"
    out.write_text("keep", encoding="utf-8")
    with pytest.raises(OutputError, match="已存在"):
        run_import(report, out, library, force=False)
    assert out.read_text(encoding="utf-8") == "keep"
    run_import(report, out, library, force=True)
    assert out.read_text(encoding="utf-8").startswith("# drafter 答案文件")
    with pytest.raises(OutputError, match="不存在"):
        run_import(report, tmp_path / "no" / "r.answers.yaml", library, force=False)
    with pytest.raises(UserError, match="同一个文件"):
        run_import(report, report, library, force=True)


def test_no_headings_outline_file_is_not_clobbered(tmp_path: Path, library: Library) -> None:
    report = write(tmp_path, "plain.txt", NO_HEADINGS_REPORT)
    out = tmp_path / "plain.answers.yaml"
    own_outline_path(out).write_text("mine", encoding="utf-8")
    with pytest.raises(OutputError):
        run_import(report, out, library, force=False)
    assert not out.exists() and own_outline_path(out).read_text(encoding="utf-8") == "mine"


def test_missing_unit_is_reported_and_render_not_suggested(
    tmp_path: Path, library: Library
) -> None:
    report = """
    今年以来，我们坚持把党建工作摆在突出位置，各项任务稳步推进。
    一、加强理论学习
    全年开展集中学习10次。
    """
    out = tmp_path / "r.answers.yaml"
    summary = run_import(write(tmp_path, "r.txt", report), out, library, force=False)
    data, _ = load_answers(out, library)
    assert "unit" not in data
    assert "必须补填：单位名称（unit）" in summary
    assert "drafter render" not in summary
