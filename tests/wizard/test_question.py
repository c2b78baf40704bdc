"""Question's pure methods: defaults over earlier answers, checks with Chinese messages, casts."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from drafter.errors import UserError
from drafter.library.outline import load_library
from drafter.wizard.question import Option, Question, TemplateError, clean_paragraphs, questions_of


def q(**fields: Any) -> Question:
    return Question.from_dict({"name": "x", "type": "text", "prompt": "问题", **fields})


COUNT = q(type="int", min=0, max=100_000, unit="次")


def test_unknown_type_names_the_question() -> None:
    with pytest.raises(UserError, match="问题“x”的类型“number”未知"):
        q(type="number")


def test_defaults_literal_from_earlier_answers_and_computed() -> None:
    assert q(default="全年").get_default({}) == "全年"
    assert q(default="{{ unit }}").get_default({"unit": "某某支部"}) == "某某支部"
    assert (
        q(type="int", default="{{ today.year }}").get_default({"today": dt.date(2025, 6, 1)})
        == 2025
    )
    assert (
        q(type="date", default="{{ today }}").get_default({"today": dt.date(2025, 6, 1)})
        == "2025-06-01"
    )
    assert q(default="@title").get_default(
        {}, {"title": lambda: "某某支部2025年度党建工作总结"}
    ) == ("某某支部2025年度党建工作总结")
    assert q(default="{{ unit }}").computes_default and not q(default="全年").computes_default


def test_no_default_gives_the_empty_answer_of_the_type() -> None:
    assert q().get_default({}) == ""
    assert q(type="int").get_default({}) is None
    assert q(type="checkbox").get_default({}) == []
    assert q(type="confirm").get_default({}) is False
    assert q(type="date").get_default({}) is None


def test_template_errors_name_the_question() -> None:
    with pytest.raises(TemplateError, match="问题“x”的模板有误"):
        q(default="{{ unit }}").get_default({})  # StrictUndefined: no silent blank
    with pytest.raises(TemplateError, match="问题“x”引用了未知的“@nothing”"):
        q(default="@nothing").get_default({}, {})
    with pytest.raises(TemplateError):  # the sandbox refuses internals
        q(default="{{ ''.__class__.__mro__[1].__subclasses__() }}").get_default({})
    with pytest.raises(TemplateError, match="默认值“5000”不可用"):
        q(type="int", default="5000", max=2100).get_default({})


def test_int_refuses_text_negatives_and_absurd_values_in_chinese() -> None:
    assert COUNT.validate("abc") == "请填整数（如 12；不填请直接回车）。"
    assert COUNT.validate("-3") == "不能是负数。"
    assert COUNT.validate("999999") == "999999 超出了合理范围（最大 100000），请核对。"
    assert q(type="int", required=True).validate("abc") == "请填整数（如 12）。"
    assert q(type="int", min=2000).validate("1999") == "不能小于 2000。"


def test_int_accepts_what_people_type() -> None:
    assert COUNT.validate("12") is None and COUNT.cast("12") == 12
    assert COUNT.cast(" 12次 ") == 12
    assert COUNT.cast("１２") == 12  # full-width digits from a Chinese input method
    assert COUNT.cast("1,200") == 1200
    assert COUNT.validate("") is None and COUNT.cast("") is None  # blank = leave the sentence out
    assert q(type="int", required=True).validate("") == "这一项必须填写。"


@given(st.integers(min_value=-(10**9), max_value=10**9))
def test_int_accepts_exactly_the_range(n: int) -> None:
    accepted = COUNT.validate(str(n)) is None
    assert accepted == (0 <= n <= 100_000)
    if accepted:
        assert COUNT.cast(str(n)) == n


@pytest.mark.parametrize(
    "typed", ["2025-12-05", "2025年12月5日", "2025.12.5", "2025/12/05", " 2025-12-5 "]
)
def test_dates_are_stored_as_iso(typed: str) -> None:
    date = q(type="date")
    assert date.validate(typed) is None
    assert date.cast(typed) == "2025-12-05"


@pytest.mark.parametrize("typed", ["2025-02-30", "明天", "12月5日", "2025-13-01"])
def test_impossible_or_unreadable_dates_are_refused(typed: str) -> None:
    assert (
        q(type="date").validate(typed)
        == "日期写法不对或没有这一天，请写成 2025-12-05、2025年12月5日 或 2025.12.5。"
    )


def test_text_select_and_checkbox_checks() -> None:
    assert q(required=True).validate("  ") == "这一项必须填写。"
    assert q(required=True).cast("  某某支部 ") == "某某支部"
    period = q(type="select", choices=["全年", "上半年"])
    assert period.validate("全年") is None and period.validate("明年") == "请从全年、上半年中选择。"
    assert q(type="checkbox", required=True).validate([]) == "请至少选一项。"
    assert q(type="checkbox").cast(["甲", "乙"]) == ["甲", "乙"]
    with pytest.raises(UserError, match="“问题”：不能是负数"):
        q(type="int", min=0).cast("-1")


def test_paragraphs_one_per_line_blank_lines_and_indents_dropped() -> None:
    typed = "　　第一段，\r\n接着写。\n\n\n  第二段  \n"
    assert clean_paragraphs(typed) == "第一段，\n\n接着写。\n\n第二段"
    assert q(type="multiline").cast(typed) == clean_paragraphs(typed)
    assert clean_paragraphs("\n \n") == ""


@given(st.lists(st.text(alphabet="党建工作总结 　\n", max_size=12), max_size=6))
def test_cleaning_paragraphs_is_idempotent(lines: list[str]) -> None:
    once = clean_paragraphs("\n".join(lines))
    assert clean_paragraphs(once) == once
    assert "\n\n\n" not in once and once == once.strip()


def test_when_conditions_over_earlier_answers() -> None:
    half = q(when="{{ period != '全年' }}")
    assert half.is_enabled({"period": "上半年"})
    assert not half.is_enabled({"period": "全年"})
    assert q().is_enabled({})


def test_an_item_question_is_literal_data() -> None:
    """A count named by data ("{{ 7*7 }}" from last period) is shown as written, never rendered."""
    numbers = q(type="int", prompt="{{ unit }}的数字", help="{{ unit }}", min=0, max=100_000)
    one = numbers.for_item("心得体会（篇）", "篇")
    assert (one.prompt, one.unit, one.literal) == ("心得体会（篇）", "篇", True)
    assert one.cast("3篇") == 3
    for key in ("{{ 7*7 }}", "学习{{ nope }}", "{% for i in range(99999) %}{% for j in range(99999) %}x{% endfor %}{% endfor %}"):
        spec = numbers.for_item(key, "次", help_text=key).structure({})
        assert (spec.message, spec.instruction) == (key, key)
    assert numbers.get_prompt({"unit": "某某支部"}) == "某某支部的数字"  # the authored text is a template


def test_structure_shows_the_current_answer_else_the_default() -> None:
    unit = q(prompt="单位名称", help="如“某某支部”", default="{{ who }}")
    spec = unit.structure({"who": "甲支部"})
    assert (spec.widget, spec.message, spec.default, spec.instruction) == (
        "text",
        "单位名称",
        "甲支部",
        "如“某某支部”",
    )
    assert unit.structure({"who": "甲支部"}, current="乙支部").default == "乙支部"
    assert spec.validate is not None and spec.validate("") is None
    assert COUNT.structure({}).default == "" and COUNT.structure({}, current=12).default == "12"
    assert q(type="int", default=2025).structure({}).default == "2025"


def test_structure_of_choices() -> None:
    measures = q(type="checkbox", choices="@points")
    spec = measures.structure({}, {"points": lambda: ["甲", "乙"]}, current=["乙", "自己写的"])
    assert spec.widget == "checkbox"
    assert spec.options == (
        Option("甲", "甲"),
        Option("乙", "乙", checked=True),
        Option("自己写的", "自己写的", checked=True),
    )
    period = q(type="select", choices=["全年", "上半年"], default="全年")
    assert period.structure({}).default == "全年" and period.structure({}).validate is None
    heading = q(type="autocomplete", choices="@titles", default="{{ titles[0] }}")
    spec = heading.structure({"titles": ["加强理论武装"]}, {"titles": lambda: ["加强理论武装"]})
    assert (spec.widget, spec.default, [o.title for o in spec.options]) == (
        "autocomplete",
        "加强理论武装",
        ["加强理论武装"],
    )


def test_shipped_questions_build_and_keep_their_answer_keys() -> None:
    library = load_library()
    basics = questions_of(library.questions["basics"])
    section = questions_of(library.questions["section"])
    assert [x.name for x in basics] == [
        "unit", "year", "period", "title", "signature", "date", "opening", "closing"
    ]
    assert [x.name for x in section] == ["heading", "measures", "numbers", "text"]
    today = dt.date(2025, 12, 5)
    context = {
        "unit": "某某支部", "today": today, "report_year": 2025, "outline": "general",
        "kind": "general", "party_organisation": "某某支部",
    }
    defaults = {
        x.name: x.get_default(context, {"title": lambda: "标题"})
        for x in basics
        if x.name != "unit"
    }
    assert defaults == {

        "year": 2025,
        "period": "全年",
        "title": "标题",
        "signature": "某某支部",
        "date": "2025-12-05",
        "opening": "",
        "closing": "",
    }
    # The opening and closing are asked only when last period's answers carry them (--from).
    assert [x.name for x in basics if x.is_enabled(
        {"last": {"opening": "……"}, "kind": "general"}
    ) and x.when] == ["period", "opening"]
    # The kinds whose period is known do not ask it; their default is theirs (an own kind's
    # `kind` is its base kind's id, whatever its outline is called).
    period = next(x for x in basics if x.name == "period")
    for kind, part in (("annual", "全年"), ("duty_report", "全年"), ("half_year", "上半年")):
        assert not period.is_enabled({"kind": kind, "outline": "本局年度总结"})
        assert period.get_default({"kind": kind}) == part

    heading = section[0].get_default({"titles": [], "topic": "存在问题"})
    assert heading == "存在问题"


def test_question_templates_run_bounded() -> None:
    """questions.yaml of an outside outlines folder is as untrusted as its templates."""
    import time

    from drafter.wizard.question import Question, TemplateError

    q = Question.from_dict({"name": "x", "type": "text", "prompt": "p"})
    start = time.perf_counter()
    for source in (
        "{% for a in range(100000) %}{% for b in range(100000) %}{% endfor %}{% endfor %}",
        "{{ 'a' * 10**9 }}",
        "{{ ''.__class__.__mro__ }}",
    ):
        with pytest.raises(TemplateError):
            q.render(source, {})
    assert time.perf_counter() - start < 3
    assert q.render("{{ unit }}的总结", {"unit": "某某支部"}) == "某某支部的总结"
