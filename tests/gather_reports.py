"""The first branch's report for the gather example, as a Word document with automatic numbering.

examples/gather/ holds three fictional branch reports of 某某县某某局机关 (written for drafter, no
seed text): 第一党支部.docx (made here: its 一、二、 headings are Word's own list numbering on
a Heading 1 style, not typed, the way a report written in Word carries them), 第二党支部.txt and
第三党支部.answers.yaml. `python -m tests.gather_reports` rewrites the .docx; a test holds the
committed file to what this module builds.
"""

from __future__ import annotations

import io
import sys
import zipfile
from pathlib import Path

from tests.wordml import abstract_num, level, num, numbering, p, package, style, styles

EXAMPLE_DIR = Path(__file__).resolve().parents[1] / "examples" / "gather"
FIRST_DOCX = EXAMPLE_DIR / "第一党支部.docx"

TITLE = "某某县某某局机关第一党支部2026年度党建工作总结"
OPENING = (
    "2026年，某某县某某局机关第一党支部在局机关党委的领导下，坚持以习近平新时代中国特色社会主义思想为指导，"
    "围绕全局中心工作抓党建、抓好党建促业务，支部建设和党员队伍建设取得了新的进展。现将全年工作总结如下："
)
PARTS: tuple[tuple[str, str], ...] = (
    (
        "强化理论武装，筑牢思想根基",
        "一是坚持集中学习与个人自学相结合。支部年初制定学习计划，采取支委领学、党员交流的方式组织学习，"
        "全年开展集中学习12次、专题研讨4次，党员撰写心得体会26篇。二是开办“周三夜校”。支部利用每周三下班后的"
        "一小时，由业务骨干和支委轮流讲解政策文件和审批业务，全年办班38期，入党积极分子和青年干部全部参加，"
        "整理形成业务问答手册1本。三是用好红色资源开展党性教育。组织党员赴县革命烈士纪念馆重温入党誓词，"
        "请老党员讲述入党经历，引导党员守初心、担使命。",
    ),
    (
        "严格组织生活，夯实支部基础",
        "一是严格执行“三会一课”制度。年初排定组织生活计划，全年召开支委会12次、党员大会4次、党小组会24次，"
        "支部书记讲授党课2次。二是规范开展主题党日活动。把每月第二个星期五定为主题党日，全年开展主题党日活动12次。"
        "三是认真召开组织生活会。会前广泛征求意见、逐一谈心，会上党员逐一对照检查、开展批评与自我批评，"
        "会后建立整改清单。四是经常性开展谈心谈话。支部书记与每名党员至少谈心一次，全年开展谈心谈话48人次。",
    ),
    (
        "抓实党员队伍，加强教育管理",
        "一是严把党员发展质量关。严格执行发展党员工作程序，全年确定入党积极分子2名、发展对象1名，发展党员1名，"
        "预备党员按期转正1名。二是规范党费收缴管理。逐人核定交纳基数，按月收缴并及时上缴，全年收缴党费1.26万元。"
        "三是落实党内关怀帮扶机制。在“七一”和春节前走访慰问困难党员和老党员6人次。",
    ),
    (
        "推动党建与业务融合，服务中心工作",
        "一是设立党员先锋岗。在窗口受理、项目审批等岗位设立党员先锋岗5个，党员亮身份、作承诺、比实绩。"
        "二是开展支部联建共建。与某某社区党支部结对，联合开展政策宣讲和志愿服务，全年开展联建共建活动4次。",
    ),
    (
        "存在的问题",
        "对照上级要求，支部工作还存在一些不足：一是理论学习的深度和系统性还不够，学用结合不够紧密；"
        "二是组织生活形式比较单一，吸引力和感染力不强；三是发展党员工作力度不够，入党积极分子储备不足。",
    ),
    (
        "下一步工作打算",
        "一是健全常态化学习机制，推动学用贯通、知行合一；二是创新组织生活方式，增强组织生活的吸引力和实效性；"
        "三是做好发展党员工作，加强入党积极分子培养教育。",
    ),
)
SIGNATURE = ("中共某某县某某局机关第一支部委员会", "2026年12月3日")


def first_branch_docx() -> bytes:
    """The report as Word writes it: a Heading 1 style numbered 一、二、 by numbering.xml."""
    heading = style("1", "heading 1", based_on="a", outline=0, num=(1, 0))
    levels = numbering(abstract_num(0, level(0, "chineseCounting", "%1、", suffix="nothing", style="1")), num(1, 0))
    body = [p(TITLE), p(OPENING)]
    for title, text in PARTS:
        body += [p(title, style="1"), p(text)]
    body += [p(line) for line in SIGNATURE]
    return _fixed_times(package("".join(body), styles=styles(heading), numbering=levels))


def _fixed_times(data: bytes) -> bytes:
    """The package zipped again with fixed timestamps, so the same report gives the same bytes."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for name in src.namelist():
            dst.writestr(zipfile.ZipInfo(name, (1980, 1, 1, 0, 0, 0)), src.read(name), zipfile.ZIP_DEFLATED)
    return out.getvalue()


if __name__ == "__main__":
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else FIRST_DOCX
    target.write_bytes(first_branch_docx())
    print(f"wrote {target}")
