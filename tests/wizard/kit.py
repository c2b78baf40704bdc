"""What the wizard tests share: a small learned library, the unit typed, and running the wizard
on a script (the fixtures `library` and `shipped` are in conftest.py)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import yaml

from drafter.domain.naming import answers_beside
from drafter.library.outline import Library, load_library
from drafter.wizard.wizard import run_wizard
from tests.helpers import SHIPPED, build_file_tree, shipped_templates
from tests.scripted import ENTER, Scripted

TODAY = dt.date.today()
UNIT = "某某县档案馆党支部"

LEARNED_GENERAL = """
schema: 1
id: general
kind: 党建工作总结（通用）
description: 各类总结共有的栏目
sources: [a.txt, b.txt]
sections:
  - id: politics
    topic: 政治建设与理论学习
    level: 1
    share: 1.0
    run_in: false
    titles:
      - {text: 加强理论武装, sources: [a.txt]}
      - {text: 坚持政治引领, sources: [b.txt]}
    points:
      - {lead: 坚持集中学习, sources: [a.txt]}
      - {lead: 开展专题研讨, sources: [b.txt]}
      - {lead: 按照《某某方案》要求XX开展学习, sources: [b.txt]}
    facts:
      - {key: 集中学习, unit: 次, example: 10, sources: [a.txt]}
      - {key: 中心组集体学习, unit: 次, sources: [a.txt]}
      - {key: 排查问题, unit: 个, sources: [a.txt]}
  - id: problems
    topic: 存在问题
    level: 1
    share: 0.8
    run_in: false
    titles:
      - {text: 存在的问题, sources: [a.txt]}
  - id: next_steps
    topic: 下一步工作
    level: 1
    share: 0.4
    run_in: false
    titles:
      - {text: 下一步打算, sources: [a.txt]}
"""

LEARNED_DUTY = """
schema: 1
id: duty
kind: 书记述职报告
description: 书记抓党建述职
sources: [c.txt]
sections:
  - id: duties
    topic: 履职情况
    level: 1
    share: 1.0
    run_in: false
    titles:
      - {text: 履职情况, sources: [c.txt]}
    children:
      - id: politics
        topic: 政治建设与理论学习
        level: 2
        share: 1.0
        run_in: true
        titles:
          - {text: 带头学习理论, sources: [c.txt]}
      - id: politics_2
        topic: 政治建设与理论学习
        level: 2
        share: 0.5
        run_in: true
        titles:
          - {text: 推动学用结合, sources: [c.txt]}
  - id: problems
    topic: 存在问题
    level: 1
    share: 1.0
    run_in: false
    titles:
      - {text: 存在的问题, sources: [c.txt]}
    children:
      - id: problems_2
        topic: 存在问题
        level: 2
        share: 0.5
        run_in: true
        titles:
          - {text: 学习方面, sources: [c.txt]}
"""

LEARNED_SHORT = """
schema: 1
id: short
kind: 简短总结
description: 只有一个栏目
sources: [d.txt]
sections:
  - id: politics
    topic: 政治建设与理论学习
    level: 1
    share: 1.0
    run_in: false
    titles:
      - {text: 加强理论武装, sources: [d.txt]}
    points:
      - {lead: 坚持集中学习, sources: [d.txt]}
"""

KINDS = """
kinds:
  - id: duty
    name: 书记述职报告
    description: 述职
    title: "{{ unit }}党支部书记{{ year }}年度述职报告"
    opening: "现将本人履职情况报告如下："
    closing: ""
  - id: annual
    name: 年度党建工作总结
    description: 全年总结
    title: "{{ unit }}{{ year }}年度党建工作总结"
    opening: "{{ period_phrase }}，{{ unit }}认真落实各项任务。现将有关情况总结如下："
    closing: ""
"""

TOPICS = """
topics:
  - {id: politics, name: 政治建设与理论学习, keywords: [理论]}
  - {id: organization, name: 基层组织建设, keywords: [支部]}
  - {id: members, name: 党员发展、教育管理与党费, keywords: [党员]}
  - {id: integrity, name: 党风廉政建设, keywords: [廉政]}
  - {id: ideology, name: 意识形态工作, keywords: [意识形态]}
  - {id: conduct, name: 作风建设, keywords: [作风]}
  - {id: mass, name: 群团与统战工作, keywords: [群团]}
  - {id: integration, name: 党建与业务融合, keywords: [融合]}
  - {id: duties, name: 履职情况, keywords: [履职]}
  - {id: problems, name: 存在问题, keywords: [问题]}
  - {id: next_steps, name: 下一步工作, keywords: [下一步]}
"""


def build_library(root: Path) -> Library:
    """Learned outlines general, duty (with sub-parts) and short; drafter's own questions.yaml
    (and, the folder having no knowledge files, drafter's own knowledge)."""
    files: dict[str, str | bytes] = {
        "learned/general.yaml": LEARNED_GENERAL,
        "learned/duty.yaml": LEARNED_DUTY,
        "learned/short.yaml": LEARNED_SHORT,
        "authored/kinds.yaml": KINDS,
        "authored/topics.yaml": TOPICS,
        "authored/questions.yaml": (SHIPPED / "authored" / "questions.yaml").read_bytes(),
    }
    files.update(shipped_templates())
    return load_library(build_file_tree(root / "outlines", files))


def wizard(library: Library, out: Path, prompter: Scripted, **kwargs: Any) -> Path:
    """Run the wizard on a script; every scripted answer must have been asked for."""
    written = run_wizard(library, output=out, prompter=prompter, **kwargs)
    assert not prompter.answers, f"answers left over: {prompter.answers}"
    return written


def answers_of(out: Path) -> dict[str, Any]:
    return yaml.safe_load(answers_beside(out).read_text(encoding="utf-8"))


# Basics of the general test outline: organisation, kind, unit, year, period, title, signature, date.
BASICS = [ENTER, ENTER, UNIT, ENTER, ENTER, ENTER, ENTER, "2025年12月5日"]
BANK_ITEM = "坚持集中学习与个人自学相结合"
