"""The five real seed reports: the complete heading tree each must yield, and noise kept apart.

The expected lists are data about the seeds' headings (level, marker, title), written by
reading the reports; the seeds themselves live outside the repository.
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from drafter.reading.reader import read_report
from drafter.structure.noise import remove_noise
from drafter.structure.report import ParsedReport, Section
from drafter.structure.structure import parse_lines, parse_report
from tests.helpers import SEEDS


def seed_path(prefix: str) -> Path:
    matches = sorted(SEEDS.glob(f"{prefix}_*.txt")) if SEEDS.is_dir() else []
    if not matches:
        pytest.skip(f"seed reports not found at {SEEDS} (expected {prefix}_*.txt)")
    return matches[0]


def seed(prefix: str) -> ParsedReport:
    return parse_report(read_report(seed_path(prefix)))


def tree(report: ParsedReport) -> list[tuple[int, str, str]]:
    return [(s.level, s.marker, s.title) for s in report.walk()]


def section(report: ParsedReport, marker: str, title_start: str) -> Section:
    matches = [s for s in report.walk() if s.marker == marker and s.title.startswith(title_start)]
    assert len(matches) == 1
    return matches[0]


def test_000_six_run_in_sections() -> None:
    report = seed("000")
    assert report.title is None
    assert len(report.opening) == 1
    assert tree(report) == [
        (1, "一、", "坚持对标看齐，全面加强党的建设"),
        (1, "二、", "创新方法方式，全力激发组织活力"),
        (1, "三、", "突出主责主业，狠抓重点任务落实"),
        (1, "四、", "强化“党建领航”，积极服务发展大局"),
        (1, "五、", "锤炼过硬作风，着力加强队伍建设"),
        (1, "六、", "从严管党治党，全力推进清廉机关建设"),
    ]
    assert all(s.run_in and len(s.body) == 1 for s in report.sections)
    assert report.sections[0].body[0].startswith("坚持将抓党建作为最大政绩")
    assert [p.ordinal for p in report.sections[1].points] == ["一是", "二是"]
    assert report.closing == []
    assert report.warnings == []
    assert report.placeholders == ["**"]


def test_001_standalone_sections_with_mixed_children() -> None:
    report = seed("001")
    assert report.title is None
    assert report.opening[0].endswith("现将一年来的工作情况总结如下：")
    assert tree(report) == [
        (1, "一、", "以政治建设为统领，不断提高党建工作水平"),
        (2, "（一）", "用心用情用力开展各项重点工作"),
        (2, "（二）", "抓好党员队伍学习教育工作"),
        (2, "（三）", "抓好支部标准化建设工作"),
        (2, "（四）", "抓好发展党员和党费收缴工作"),
        (2, "（五）", "抓好群团组织建设"),
        (1, "二、", "以正风肃纪为目标，不断加强纪律作风建设"),
        (2, "（一）", "落实党组主体责任"),
        (2, "（二）", "抓好防控体系建设"),
        (2, "（三）", "抓好纪律作风建设"),
        (1, "三、", "以党员思想动态分析为抓手，突出抓好意识形态工作"),
        (1, "四、", "工作中存在的问题及原因"),
        (2, "（一）", "对责任落实抓的还不够严"),
        (2, "（二）", "抓党建工作创新意识还不够"),
        (2, "（三）", "对党员和职工队伍深入关怀还不够"),
        (2, "（四）", "在推进党建与业务工作融合上还不够"),
        (1, "五、", "下一步工作思路和措施"),
        (2, "（一）", "全面落实管党治党责任"),
        (2, "（二）", "全面提升党建政治引领作用"),
        (2, "（三）", "全面加强党建工作标准化建设"),
        (2, "（四）", "始终保持党风廉政高压态势"),
        (2, "（五）", "全面深化主题教育成果转化"),
    ]
    assert all(not s.run_in for s in report.sections)
    first_children = report.sections[0].children
    assert [c.run_in for c in first_children] == [False, True, True, True, True]
    assert [(p.ordinal, p.lead) for p in first_children[0].points] == [
        ("一是", "灵活开展学习教育"), ("二是", "深入开展调查研究"), ("三是", "深刻开展问题检视"),
    ]
    assert first_children[3].body[0].startswith("发展党员方面：")
    prevention = report.sections[1].children[1]
    assert [(p.ordinal, p.lead) for p in prevention.points] == [("二是", "抓好廉政教育和廉政文化建设")]
    assert [p.ordinal for p in report.sections[2].points] == ["一是", "二是", "三是"]
    assert report.closing == []
    assert report.warnings == ["要点编号不从一是开始：第一个是二是（第12行）"]


def test_002_dash_headings_and_closing() -> None:
    report = seed("002")
    assert report.title is None
    assert tree(report) == [(1, "——", "稳基础"), (1, "——", "强能力"), (1, "——", "转作风"), (1, "——", "重特色")]
    assert all(s.run_in and len(s.body) == 1 for s in report.sections)
    assert [(p.ordinal, p.lead) for p in report.sections[2].points] == [
        ("一是", "强化学习"), ("二是", "制定方案"), ("三是", "动员部署"), ("四是", "行动落实"),
    ]
    assert len(report.closing) == 1 and report.closing[0].startswith("下一步，")
    assert report.warnings == []


def test_003_three_levels_irregular_numbering_and_noise() -> None:
    report = seed("003")
    assert report.title == "XX中心2023年度上半年党建工作开展情况汇报"
    assert len(report.opening) == 1 and report.opening[0].startswith("在区委区政府的坚强领导下")
    assert tree(report) == [
        (1, "一、", "主要工作开展"),
        (2, "（一）", "压实党建责任，抓好工作落实"),
        (2, "（二）", "加强政治理论学习，强化理论武装"),
        (3, "1.", "积极推进学习教育常态化"),
        (3, "2.", "以“三会一课”为支撑，强化制度规范"),
        (2, "（三）", "夯实党组织基础，提升党建引领效能"),
        (3, "1.", "扎实抓好组织建设"),
        (3, "2.", "积极组织开展支部工作"),
        (3, "3.", "加强党务工作者队伍建设"),
        (2, "（四）", "强化党员教育管理"),
        (2, "（五）", "严把党费收缴、管理关"),
        (3, "1.", "严格落实党费管理制度"),
        (3, "2.", "及时足额缴纳党费"),
        (2, "（六）", "夯实党风廉政建设"),
        (3, "1.", "强化学习意识、坚定理想信念"),
        (3, "2.", "强化责任担当，认真履职尽责"),
        (3, "3.", "加强警示教育，做到以案为鉴"),
        (2, "（七）", "严守意识形态阵地"),
        (2, "（八）", "民族团结进步创建工作"),
        (1, "四、", "存在的问题"),
        (1, "五、", "下一步工作重点"),
    ]
    walk = report.walk()
    assert all(not s.run_in for s in walk if s.level < 3)
    assert all(s.run_in for s in walk if s.level == 3)
    problems = section(report, "四、", "存在的问题")
    assert [(p.ordinal, p.lead) for p in problems.points] == [
        ("一是", "党员教育管理力度需要加大"),
        ("二是", "党务干部工作能力需要提升"),
        ("三是", "党风廉政建设方面"),
        ("四是", "民族团结宣传手段还不够丰富多样"),
    ]
    next_steps = section(report, "五、", "下一步")
    assert [p.lead for p in next_steps.points] == ["抓实学习教育", "高标准谋划", "持之以恒", "加强队伍建设"]
    assert report.closing == []
    assert "第1级标题编号不连续：一、之后是四、（第51行）" in report.warnings
    assert report.warnings == [
        "要点编号不连续：一是之后是三是（第21行）",
        "第1级标题编号不连续：一、之后是四、（第51行）",
    ]
    assert [n.line for n in report.noise] == [6, 58, 59, 60, 61, 64]
    assert all("哒哒" not in s for s in report.walk()[-1].body)
    assert report.placeholders == ["XX", "XXX", "X"]


def test_004_title_and_half_width_run_in_children() -> None:
    report = seed("004")
    assert report.title == "市政府投资项目建设中心机关党支部书记2022年度机关党建工作述职报告"
    assert len(report.opening) == 1
    assert tree(report) == [
        (1, "一、", "2022年度中心党建工作完成情况"),
        (2, "(一)", "突出政治建设，带头捍卫“两个确立”、践行“两个维护”"),
        (2, "(二)", "加强队伍建设，提升党建业务融合质量"),
        (2, "(三)", "深化廉政教育，护航项目建设清正廉洁"),
        (2, "(四)", "发挥先锋作用，激发党员干事创业力量"),
        (1, "二、", "2022年度党建调研评估反馈问题的整改落实情况"),
        (1, "三、", "2023年党建工作思路"),
        (2, "(一)", "坚持不懈用党的创新理论凝心铸魂"),
        (2, "(二)", "坚持不懈用伟大建党精神激发干劲"),
        (2, "(三)", "坚持不懈推进作风建设常态长效"),
    ]
    assert all(not s.run_in for s in report.sections)
    assert all(s.run_in for s in report.walk() if s.level == 2)
    assert report.sections[2].body[0].startswith("深入学习贯彻党的二十大精神")
    assert report.closing == []
    assert report.warnings == []


# Seed 003's lines that are not report text: the paywall markers and the trailing ad block.
EXPECTED_NOISE = {"000": [], "001": [], "002": [], "003": [6, 58, 59, 60, 61, 64], "004": []}


@pytest.mark.parametrize("prefix", sorted(EXPECTED_NOISE))
def test_noise_drops_no_report_line(prefix: str) -> None:
    lines = read_report(seed_path(prefix)).text.split("\n")
    assert [n.line for n in remove_noise(lines).noise] == EXPECTED_NOISE[prefix]


def hard_wrap(text: str, rng: random.Random, width: int, jitter: int) -> list[str]:
    """Break every line at about `width` characters, as text copied from a PDF is."""
    lines: list[str] = []
    for line in (raw.strip() for raw in text.split("\n")):
        start = 0
        if not line:
            lines.append("")
        while start < len(line):
            step = width - rng.randint(0, jitter)
            lines.append(line[start:start + step])
            start += step
    return lines


def shape(report: ParsedReport) -> tuple[object, ...]:
    """Everything but line numbers and paragraph breaks inside a body."""
    sections = [
        (s.level, s.marker, s.title, s.run_in, "".join(s.body), [(p.ordinal, p.lead) for p in s.points])
        for s in report.walk()
    ]
    warnings = [w.split("（第")[0] for w in report.warnings]
    return sections, report.title, "".join(report.opening), "".join(report.closing), warnings


@pytest.mark.parametrize("prefix", sorted(EXPECTED_NOISE))
def test_hard_wrapped_seed_parses_like_the_original(prefix: str) -> None:
    source = read_report(seed_path(prefix))
    expected = shape(parse_report(source))
    rng = random.Random(prefix)
    for width, jitter in ((20, 0), (26, 2), (33, 3), (40, 1), (48, 0)):
        assert shape(parse_lines(hard_wrap(source.text, rng, width, jitter))) == expected, (width, jitter)
