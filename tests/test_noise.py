"""Noise removal: what download sites leave behind goes, report text always stays."""

from __future__ import annotations

import pytest

from drafter.noise import remove_noise

BODY = [
    "某某县档案馆党支部2024年党建工作总结",
    "今年以来，支部坚持以党建引领档案业务，全年开展集中学习12次，党员参学率达到百分之百。",
    "一、强化理论武装",
    "支部组织党员下载学习平台资料，关注重点任务，会员单位之间免费共享档案数字化成果，取得良好效果。",
    "二、加强组织建设",
    "联系人：张某某，联系电话：0000-1234567",
]


def dropped(lines: list[str]) -> dict[int, str]:
    return {item.line: item.reason for item in remove_noise(lines).noise}


def test_report_text_is_kept_with_source_line_numbers() -> None:
    result = remove_noise(BODY)
    assert result.noise == []
    assert result.kept == list(enumerate(BODY, start=1))


def test_paywall_marker_lines_are_dropped() -> None:
    reasons = dropped([BODY[0], "##paidbegin##", BODY[1], "  ##vipend##  "])
    assert reasons == {2: "网站付费/下载标记", 4: "网站付费/下载标记"}


def test_inline_marker_is_cut_out_of_a_report_line() -> None:
    result = remove_noise(["##paidbegin##一、强化理论武装"])
    assert result.kept == [(1, "一、强化理论武装")]
    assert [(n.line, n.text) for n in result.noise] == [(1, "##paidbegin##")]


@pytest.mark.parametrize(
    "line",
    [
        "下载文档",
        "本文档由用户上传，如有侵权请联系删除",
        "（未完，全文共3456字）",
        "点击查看全文",
        "全文免费下载",
        "开通VIP即可阅读",
        "扫一扫，手机阅读",
    ],
)
def test_site_furniture_is_dropped(line: str) -> None:
    reasons = dropped([BODY[1], line, BODY[2]])
    assert list(reasons) == [2]
    assert reasons[2].startswith("网站附带内容")


@pytest.mark.parametrize("line", ["- 2 -", "3", "第 3 页 共 5 页"])
def test_page_numbers_are_dropped(line: str) -> None:
    assert dropped([BODY[1], line, BODY[2]]) == {2: "页码"}


@pytest.mark.parametrize(
    "line",
    [
        "【某某文库】每日更新范文5000篇，VIP会员一键下载，有意请加客服微信：abc123",
        "想要更多原创材料？扫码关注公众号：某某写作，添加QQ 12345678",
    ],
)
def test_contact_solicitation_with_promotion_is_an_ad(line: str) -> None:
    reason = dropped([BODY[1], line])[2]
    assert reason.startswith("广告：含联系方式与推广用语")


def test_promotional_bracket_block_without_contact_is_an_ad() -> None:
    reason = dropped([BODY[1], "【写作素材】精选范文，原创首发，限时优惠！"])[2]
    assert reason.startswith("广告：推广用语")


def test_report_prose_with_promotional_words_is_kept() -> None:
    assert dropped(BODY) == {}


def test_website_watermark_repeated_three_times() -> None:
    lines = [BODY[1], "某某文档网", BODY[2], "某某文档网", BODY[3], "某某文档网"]
    reason = "水印：网站名称重复出现3次"
    assert dropped(lines) == {2: reason, 4: reason, 6: reason}


def test_label_used_once_in_each_section_is_kept() -> None:
    lines = ["一、强化理论武装", "主要成效", BODY[1], "二、加强组织建设", "主要成效", BODY[3],
             "三、推进业务融合", "主要成效", "支部推行预约查档，全年接待查档群众300人次。"]
    assert dropped(lines) == {}


def test_repeated_report_sentence_is_kept() -> None:
    assert dropped([BODY[1], BODY[2], BODY[1]]) == {}


def test_repeated_pieces_of_wrapped_text_are_kept() -> None:
    piece = "按照区委组织部要求，及时对党员信息进行更新"
    assert dropped([BODY[1], piece, "完善。", BODY[3], piece, "补充。"]) == {}


def test_numbered_lines_may_repeat() -> None:
    lines = ["一、存在问题", "（一）思想建设方面", BODY[1], "二、整改措施", "（一）思想建设方面", BODY[3],
             "（一）思想建设方面"]
    assert dropped(lines) == {}


def test_trailing_block_absorbs_weaker_promotional_lines() -> None:
    lines = [
        BODY[1],
        "",
        "【某某素材】每日更新，会员一键下载，有意加入请联系：12 3456",
        "更多精选范文，欢迎关注",
        "",
        "##paidend##",
    ]
    assert dropped(lines) == {
        3: "广告：含联系方式与推广用语（素材、每日更新、会员、一键）",
        4: "文末附加内容：正文之后的广告区块",
        6: "网站付费/下载标记",
    }


def test_trailing_block_absorbs_fragments_of_a_wrapped_ad() -> None:
    lines = [
        BODY[1],
        "【某某素材】每日更新范文，会员一键",
        "下载，有意加入请联系：",
        "12 3456",
        "微信同号",
        "欢迎加入某某写作群，客服：abc",
    ]
    assert sorted(dropped(lines)) == [2, 3, 4, 5, 6]


def test_trailing_block_stops_at_report_text() -> None:
    lines = [BODY[3], "【某某素材】每日更新，会员一键下载，有意加入请联系：12 3456"]
    assert list(dropped(lines)) == [2]


def test_blank_lines_are_kept_for_paragraph_breaks() -> None:
    assert remove_noise([BODY[1], "", BODY[2]]).kept == [(1, BODY[1]), (2, ""), (3, BODY[2])]
