"""Synthetic branch reports for folder 核稿: N fictional units' annual summaries as .docx.

Every text is written for the benchmark (fictional 某某县 offices); nothing comes from real
reports. Each report has a title, an opening, four parts with two sub-parts each, a sign-off
and a date, and about `chars` characters of text; the units, activities and counts vary from
report to report, so no two are alike. Every third report carries the slips a reviewer
meets (placeholders, last year's date, half-width punctuation, a lone 一是, 上半年 in an annual
report, a misused 的), so the check has findings to report as well as clean files.
"""

from __future__ import annotations

from pathlib import Path

from drafter.document import Block, Document, Heading, Paragraph
from drafter.writers import write_document

OFFICES = [
    "档案馆", "统计局", "文化馆", "图书馆", "气象局", "供销社", "科协", "地震局", "机关事务服务中心",
    "医疗保障局", "退役军人事务局", "林业站", "水文站", "博物馆", "农技推广中心", "残联",
]
# Each part with its sub-parts and the activities counted there (each in its own topic, as
# the catalogue places it, so a clean report has no count out of place).
PARTS = [
    ("加强理论武装，筑牢思想根基", ["落实集中学习制度", "丰富学习方式方法"],
     [("集中学习", "次"), ("专题研讨", "次"), ("撰写心得体会", "篇"), ("专题辅导讲座", "场")]),
    ("严格组织生活，夯实基层基础", ["规范“三会一课”", "抓好党员教育管理"],
     [("召开支委会", "次"), ("召开党员大会", "次"), ("开展主题党日活动", "次"), ("开展谈心谈话", "人次")]),
    ("坚持服务大局，推动融合发展", ["围绕中心工作建功", "立足岗位服务群众"],
     [("办理便民服务事项", "件"), ("开展岗位练兵", "场"), ("走访服务对象", "户"), ("解决群众急难愁盼问题", "个")]),
]
CLOSING = [
    ("存在的问题", [
        "对照年初计划，支部工作还存在一些差距：理论学习与业务工作结合得还不够紧密，个别党员学用脱节。",
        "组织生活的形式还比较单一，吸引力和感染力有待增强，青年党员参与的积极性还可以进一步调动。",
    ]),
    ("下一步打算", [
        "支部将坚持问题导向，把学习成效体现到推动业务发展上，每季度至少组织一次专题研讨。",
        "进一步丰富组织生活形式，用好本单位资源开展现场教学，让党员在实践中受教育、长本领。",
    ]),
]
# What a dirty report gets: the first paragraph of its first part, and one before its last part.
SLIPS = [
    ("全年开展集中学习XX次,专题研讨4次，2024年12月召开组织生活会。", "一是持续加强学习。"),
    ("上半年，支部认真的组织党员开展集中学习，学习笔记人均超过1万字。", "下一步，支部将继续抓好学习。"),
    ("支部组织党员学习\"两个确立\"的决定性意义，全年开展专题研讨6次。", "**月**日，支部召开组织生活会。"),
]
# A paragraph opens on its own time and actors, so no two first clauses name the same measure.
WHEN = [f"{m}月" for m in range(1, 13)] + [f"{m}月中旬" for m in range(1, 13)] + [f"{m}月下旬" for m in range(1, 13)]
WHO = ["支部", "支部委员会", "全体党员", "青年党员", "第一党小组", "第二党小组", "支部书记", "党员先锋岗"]
EFFECT = [
    "党员参与率明显提高", "群众满意度进一步提升", "形成了一批可推广的经验", "有关做法得到上级肯定",
    "党员的责任意识不断增强", "业务工作效率稳步提升", "工作台账更加完整规范", "问题整改按期完成",
]


def _paragraph(unit: int, k: int, activities: list[tuple[str, str]]) -> str:
    """Paragraph k of report `unit`: when, who, two counted activities of its part, an effect."""
    (a1, u1), (a2, u2) = activities[(unit + k) % 4], activities[(unit + k + 1) % 4]
    n1, n2 = (unit * 7 + k * 11) % 40 + 2, (unit * 3 + k * 13) % 30 + 2
    who = WHO[(unit + k * 3) % len(WHO)]
    return (
        f"{WHEN[k % len(WHEN)]}，{who}结合第{unit + 1}党支部的工作实际，{a1}{n1}{u1}、{a2}{n2}{u2}，"
        f"{EFFECT[(unit * 5 + k) % len(EFFECT)]}。"
    )


def report(unit: int, chars: int = 5000) -> Document:
    """The annual summary of fictional unit `unit`, about `chars` characters long."""
    office = OFFICES[unit % len(OFFICES)]
    name = f"某某县{office}第{unit + 1}党支部"
    opening = f"2025年，{name}坚持以党建引领业务发展，扎实推进支部各项建设。现将有关情况总结如下："
    blocks: list[Block] = [Paragraph(opening)]
    closing = [Heading(1, "四、", "存在的问题和下一步打算")]
    for n, (heading, texts) in enumerate(CLOSING):
        closing += [Heading(2, f"（{'一二'[n]}）", heading), *(Paragraph(t) for t in texts)]
    title = f"{name}2025年度党建工作总结"
    fixed = [title, opening, f"中共{name}委员会", "2025年12月10日"]
    fixed += [b.text if isinstance(b, Paragraph) else b.line for b in closing]
    size = sum(len(t) for t in fixed)
    k = 0
    for n, (heading, subs, activities) in enumerate(PARTS):
        blocks.append(Heading(1, "一二三"[n] + "、", heading))
        size += len(blocks[-1].line)
        for s, sub in enumerate(subs):
            blocks.append(Heading(2, f"（{'一二'[s]}）", sub))
            size += len(blocks[-1].line)
            left = len(PARTS) * 2 - (n * 2 + s)  # sub-parts still to fill, this one included
            share = (chars - size) / left
            written = 0
            while True:
                text = _paragraph(unit, k, activities)
                if written and written + len(text) > share:
                    break
                k += 1
                written += len(text)
                size += len(text)
                blocks.append(Paragraph(text))
    blocks += closing
    if unit % 3 == 2:  # the slips a reviewer meets, one of three sets in turn
        slips = SLIPS[unit // 3 % len(SLIPS)]
        blocks[3] = Paragraph(slips[0])
        blocks.insert(-2, Paragraph(slips[1]))
    return Document(
        title=title,
        blocks=blocks,
        signature=[f"中共{name}委员会"],
        date="2025年12月10日",
    )


def write_reports(folder: Path, count: int, chars: int = 5000) -> list[Path]:
    """`count` reports as .docx in `folder` (第01支部.docx …), written by drafter's own writer."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for unit in range(count):
        path = folder / f"第{unit + 1:02}支部.docx"
        write_document(report(unit, chars), path, "docx")
        paths.append(path)
    return paths
