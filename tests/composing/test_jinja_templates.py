"""Templates from outside drafter: sandboxed, bounded in time and size, confined to their folder.

Each hostile template must end as one 模板错误 (a UserError) quickly; ordinary Jinja must keep
working. The timing and memory bounds of the worst cases are checked in test_limits.py.
"""

from __future__ import annotations

import os
import time
from pathlib import Path

import jinja2
import pytest

from drafter.answers.model import Measure
from drafter.composing import jinja_templates, template_limits
from drafter.composing.composer import FILTERS, templates
from drafter.errors import UserError
from drafter.library.outline import load_library
from tests.helpers import build_file_tree, compose_mapping, mini_library_dir

CONTEXT = {
    "unit": "某某县档案馆党支部",
    "year": 2025,
    "section": {
        "paragraphs": ["第一段。", "第二段。"],
        "measures": [Measure("坚持集中学习", "")],
    },
}


@pytest.fixture(autouse=True)
def _short_time_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    """Time limits trip at 0.1 s here; test_limits.py checks the real ones."""
    monkeypatch.setattr(template_limits, "RENDER_SECONDS", 0.1)


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    return build_file_tree(
        tmp_path / "templates",
        {
            "section.j2": "{% include 'part.j2' %}",
            "part.j2": "{{ unit }}",
            "sub/inner.j2": "内层{{ year }}",
            "self.j2": "{% include 'self.j2' %}",
            "macros.j2": "{% macro hello(who) %}你好，{{ who }}{% endmacro %}",
        },
    )


@pytest.fixture
def sandbox(folder: Path) -> jinja2.Environment:
    return jinja_templates.environment(folder, sandboxed=True, filters=FILTERS)


def render(env: jinja2.Environment, source: str) -> str:
    return jinja_templates.render_string(env, source, CONTEXT, "测试大纲")


def refused(env: jinja2.Environment, source: str) -> str:
    with pytest.raises(UserError) as err:
        render(env, source)
    message = str(err.value)
    assert message.startswith("模板错误（测试大纲）：") and len(message.splitlines()) <= 2
    return message


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        (
            "{% for p in section.paragraphs %}{{ loop.index }}{{ p }}{% endfor %}",
            "1第一段。2第二段。",
        ),
        (
            "{% for p in section.paragraphs %}{% if loop.last %}{{ loop.length }}{% endif %}{% endfor %}",
            "2",
        ),
        ("{{ section.measures | points }}", "坚持集中学习。"),
        ("{{ ['甲', '乙'] | join('、') }}|{{ '、'.join(['甲', '乙']) }}", "甲、乙|甲、乙"),
        ("{{ '学习' | replace('学', '教') }}{{ '学习'.replace('习', '会') }}", "教习学会"),
        ("{{ '%d次' % 12 }}{{ '{:>3}'.format(5) }}{{ '%s'|format('好') }}", "12次  5好"),
        (
            "{{ unit ~ year }}{{ 'ab' * 2 }}{{ 2 ** 10 }}{{ [1] + [2] }}",
            "某某县档案馆党支部2025abab1024[1, 2]",
        ),
        ("{% from 'macros.j2' import hello %}{{ hello(unit) }}", "你好，某某县档案馆党支部"),
        ("{% include 'sub/inner.j2' %}", "内层2025"),
        (
            "{% set ns = namespace(n=0) %}{% for i in range(5) %}{% set ns.n = ns.n + i %}{% endfor %}{{ ns.n }}",
            "10",
        ),
        (
            "{{ '标题' | center(6) }}|{{ 'x' | indent(2, true) }}|{{ range(3) | list | length }}",
            "  标题  |  x|3",
        ),
    ],
)
def test_ordinary_jinja_still_works(
    sandbox: jinja2.Environment, source: str, expected: str
) -> None:
    assert render(sandbox, source) == expected


@pytest.mark.parametrize(
    ("source", "reason"),
    [
        ("{% for a in range(100000) %}{% for b in range(100000) %}{% endfor %}{% endfor %}", "秒"),
        (
            "{% set x = range(100000) | list %}{% for a in x %}{% for b in x %}{% endfor %}{% endfor %}",
            "秒",
        ),
        ('{{ "a" * 10**9 }}', "重复"),
        ("{{ [1] * 10**9 }}", "重复"),
        ("{{ range(10**9) | length }}", "range"),
        ("{{ range(10**100) | length }}", "range"),
        ("{% macro m() %}{{ m() }}{% endmacro %}{{ m() }}", "递归"),
        ("{% include 'self.j2' %}", "递归"),
        ("{{ lipsum(n=5, min=3, max=3) }}", "lipsum"),
        (
            '{% set ns = namespace(s="ab") %}{% for i in range(40) %}{% set ns.s = ns.s ~ ns.s %}{% endfor %}',
            "连接",
        ),
        (
            '{% set ns = namespace(s="ab") %}{% for i in range(40) %}{% set ns.s = ns.s + ns.s %}{% endfor %}',
            "相加",
        ),
        ('{{ "%0999999999d" | format(1) }}', "宽度"),
        ('{{ "%0999999999d" % 1 }}', "宽度"),
        ('{{ "%*d" % (999999999, 1) }}', "宽度"),
        ('{{ "{:>999999999}".format(1) }}', "宽度"),
        ('{{ "{:>{w}}".format(1, w=999999999) }}', "嵌套"),
        ('{{ "{0}{0}{0}{0}{0}{0}{0}{0}{0}{0}{0}{0}{0}{0}{0}{0}".format("x" * 100000) }}', "格式化"),
        ('{{ "x" | center(999999999) }}', "宽度"),
        ('{{ "x".center(999999999) }}{{ "x".ljust(999999999) }}', "宽度"),
        ('{{ "x".zfill(999999999) }}', "宽度"),
        ('{{ ("\\t" * 1000).expandtabs(100000) }}', "expandtabs"),
        ("{{ 2 ** 100000000 }}", "数字太大"),
        ("{% set n = 10 ** 3000 %}{{ n * n }}", "数字太大"),
        (
            '{% set s = "x" * 900000 %}{% set t %}{% for i in range(100) %}{{ s }}{% endfor %}{% endset %}',
            "输出",
        ),
        ('{% set s = "x" * 900000 %}{{ [s, s, s] }}', "输出"),
        ('{% set s = "x" * 900000 %}{{ [s, s, s] | join }}', "参数"),
        ('{% set s = "x" * 900000 %}{{ [s, s, s] | string }}', "参数"),
        ('{% set s = "x" * 100000 %}{{ s | replace("x", s) }}', "替换"),
        ('{% set s = "x" * 100000 %}{{ s.replace("x", s) }}', "替换"),
        ('{% set s = "x" * 100000 %}{{ s.join(range(100) | map("string")) }}', "连接"),
        ('{{ ("\\n" * 100000) | indent(100000) }}', "缩进"),
        ('{{ ("x" * 100000) | wordwrap(1, true, "yyyyyyyyyyyyyyyy") }}', "折行"),
        ('{{ [1] | batch(10**9, "x") | list }}', "分组"),
        ("{{ range(10) | slice(10**9) | list }}", "分栏"),
        ('{{ range(1000) | map("string") | map("list") | sum(start=[]) }}', "sum"),
        ('{{ range(100000) | map("center", 100000) | list | length }}', "累计"),
        ('{{ "abc".translate({97: "x" * 100000}) }}', "translate"),
        ("{{ 1 / 0 }}", "ZeroDivisionError"),
        ("{{ ''.__class__.__mro__ }}", "unsafe"),
        ("{{ cycler.__init__.__globals__ }}", "unsafe"),
        ("{{ " + "(" * 3000 + "1" + ")" * 3000 + " }}", "嵌套太深"),
        ("x" * (template_limits.MAX_TEMPLATE_CHARS + 1), "模板太长"),
        ("{% for %}", "Expected"),
        ("{{ nope }}", "'nope' is undefined"),
    ],
)
def test_hostile_templates_end_in_a_template_error(
    sandbox: jinja2.Environment, source: str, reason: str
) -> None:
    assert reason in refused(sandbox, source)


def test_includes_stay_inside_the_folder(
    folder: Path, sandbox: jinja2.Environment, tmp_path: Path
) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("机密", encoding="utf-8")
    (folder / "leak.j2").symlink_to(secret)
    (folder / "passwd.j2").symlink_to("/etc/passwd")
    (folder / "alias.j2").symlink_to(folder / "part.j2")  # a link inside the folder is fine
    os.mkfifo(folder / "fifo.j2")
    assert "目录之外" in refused(sandbox, "{% include 'leak.j2' %}")
    assert "目录之外" in refused(sandbox, "{% include 'passwd.j2' %}")
    assert "找不到模板文件" in str(_file_error(sandbox, "../secret.txt"))
    assert "找不到模板文件" in str(_file_error(sandbox, "/etc/passwd"))
    assert "不是普通文件" in refused(sandbox, "{% include 'fifo.j2' %}")
    assert render(sandbox, "{% include 'alias.j2' %}") == "某某县档案馆党支部"


def _file_error(env: jinja2.Environment, name: str) -> UserError:
    with pytest.raises(UserError) as err:
        jinja_templates.render_file(env, name, CONTEXT, "测试大纲")
    return err.value


def test_shipped_templates_are_trusted_and_not_reloaded(folder: Path) -> None:
    env = jinja_templates.environment(folder, sandboxed=False, filters=FILTERS)
    assert not env.sandboxed and env.auto_reload is False
    assert jinja_templates.render_file(env, "section.j2", CONTEXT, "自带") == "某某县档案馆党支部"


def test_a_document_shares_one_time_budget(
    sandbox: jinja2.Environment, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Renders that each stay within RENDER_SECONDS are stopped together at DOCUMENT_SECONDS."""
    monkeypatch.setattr(template_limits, "RENDER_SECONDS", 0.5)
    monkeypatch.setattr(template_limits, "DOCUMENT_SECONDS", 0.2)
    def wait() -> str:  # 0.06 s of work: the budget is CPU time, so sleeping would not spend it
        end = time.process_time() + 0.06
        while time.process_time() < end:
            pass
        return ""

    context = dict(CONTEXT, wait=wait)
    renders = 0
    with pytest.raises(UserError, match="整份文档的 0.2 秒"), template_limits.time_budget():
        for _ in range(6):
            jinja_templates.render_string(
                sandbox, "{{ wait() }}{{ section.paragraphs[0] }}", context, "测试"
            )
            renders += 1
    assert 1 <= renders <= 3
    assert jinja_templates.render_string(
        sandbox, "{{ wait() }}{{ unit }}", context, "测试"
    )  # a new budget


def test_outside_outline_with_a_hostile_template_fails_compose_clearly(tmp_path: Path) -> None:
    root = mini_library_dir(tmp_path / "outlines")
    (root / "authored" / "templates" / "section.j2").write_text(
        "{% for a in range(100000) %}{% for b in range(100000) %}{% endfor %}{% endfor %}",
        encoding="utf-8",
    )
    library = load_library(root)
    assert templates(library).environment().sandboxed
    data = {"outline": "mini", "unit": "某某", "year": 2025, "sections": [{"heading": "学习"}]}
    with pytest.raises(UserError, match=r"模板错误（大纲 mini，栏目“学习”，section\.j2）"):
        compose_mapping(data, library)
