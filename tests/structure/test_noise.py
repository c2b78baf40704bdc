"""Noise removal: what download sites leave behind goes, report text always stays."""

from __future__ import annotations

import pytest

from drafter.structure.noise import remove_noise

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


@pytest.mark.parametrize(
    ("line", "shown"),
    [
        ("发布时间：2024-12-25 09:30  来源：某某县档案馆  浏览次数：1234", "发布时间："),
        ("发布日期：2024年12月25日", "发布日期："),
        ("阅读：358", "阅读：358"),
        ("来源：某某县档案馆", "来源："),
        ("作者：张某某", "作者："),
        ("【编辑：李某】", "【编辑："),
        ("上一篇：某某县档案馆召开组织生活会", "上一篇："),
        ("下一篇：无", "下一篇："),
        ("当前位置：首页 > 党建工作 > 工作总结", "当前位置："),
        ("【字体：大 中 小】【打印】【关闭】", "【字体：大 中 小】"),
        ("分享到：微信 微博 QQ空间", "分享到"),
        ("打印本页 关闭窗口", "打印本页 "),
        ("版权所有：某某县档案馆  技术支持：某某公司", "版权所有"),
        ("试读结束，剩余80%内容需付费", "试读结束"),
    ],
)
def test_web_page_furniture_is_dropped(line: str, shown: str) -> None:
    reasons = dropped([BODY[1], line, BODY[2]])
    assert list(reasons) == [2]
    assert reasons[2] == f"网页信息栏或按钮：含“{shown.strip()}”"


@pytest.mark.parametrize(
    "line",
    [
        "分享交流会，上半年，已召开2季度分享交流会，共计5名党员分享读书心得",
        "全年图书阅读量：1200册",
        "资金来源：县财政专项经费",
        "发布时间：每季度第一个月，支部在公开栏发布党务信息，接受群众监督。",
        "（三）编辑出版《档案里的党史》",
    ],
)
def test_report_lines_that_mention_furniture_words_are_kept(line: str) -> None:
    assert dropped([BODY[1], line, BODY[2]]) == {}


def test_page_header_repeated_at_page_breaks() -> None:
    header = "某某县档案馆2024年党建工作总结"
    lines = [
        header,
        "今年以来，支部坚持以党建引领档案业务，全年开展集中学习十二次，党员参",
        "学率达到百分之百。支部组织党员深入基层档案室开展业务指导，发现问题",
        "- 2 -", header,
        "及时整改。支部规范开展“三会一课”，全年召开支部委员会十二次，党员大会",
        "四次，讲党课两次。支部推行预约查档和跨馆出证，全年接待查档群众三百",
        header,
        "人次，群众满意度明显提升，党建与业务工作实现深度融合，取得良好成效。",
    ]
    reasons = dropped(lines)
    assert reasons == {4: "页码", 5: "页眉页脚：在分页处重复出现（共3次）", 8: "页眉页脚：在分页处重复出现（共3次）"}


def test_middle_line_of_a_repeated_wrapped_sentence_is_kept() -> None:
    sentence = ["支部坚持把政治建设摆在首位，按月组织党员", "集中学习习近平新时代中国特色社会主", "义思想，不断提高党员的政治素养。"]
    assert dropped(["一、主要工作", *sentence, "二、存在问题", *sentence, "三、下一步打算", *sentence]) == {}


def test_table_cells_are_never_page_numbers() -> None:
    lines = ["项目", "次数", "集中学习", "12", "专题研讨", "4"]
    assert {4: "页码", 6: "页码"}.items() <= dropped(lines).items()
    assert remove_noise(lines, exempt={1, 2, 3, 4, 5, 6}).noise == []


def test_a_report_on_one_long_line_is_never_dropped_as_an_ad() -> None:
    report = "支部全年开展集中学习12次，党员参学率达到百分之百。" * 20
    ad = "【某某素材】每日更新，会员一键下载，有意加入请联系：12 3456"
    result = remove_noise([report + ad])
    assert result.noise == [] and result.kept == [(1, report + ad)]


@pytest.mark.parametrize(
    "line", ["（三）加强版权所有权保护", "VIP客户服务窗口", "一、责任编辑队伍建设", "2.扫一扫即可查档"]
)
def test_headings_and_labels_with_furniture_words_are_kept(line: str) -> None:
    assert dropped([BODY[1], line, BODY[2]]) == {}


# --- attachments after the sign-off --------------------------------------------------------------
ANNEXED = """某某县某某局机关党委2026年度党建工作总结
一、强化理论武装
各支部全年开展集中学习36次。
附件：2026年度各党支部党建工作主要数据统计表
某某县某某局机关党委
2026年12月10日
附件
2026年度各党支部党建工作主要数据统计表
党支部　召开支委会（次）
第一党支部　12
合计　12
"""


def test_an_attachment_after_the_date_is_no_part_of_the_report() -> None:
    from drafter.structure.noise import ANNEX_REASON
    from drafter.structure.structure import parse_report

    report = parse_report(ANNEXED)
    assert report.closing == ["附件：2026年度各党支部党建工作主要数据统计表", "某某县某某局机关党委", "2026年12月10日"]
    assert [n.text for n in report.noise if n.reason == ANNEX_REASON][:2] == ["附件", "2026年度各党支部党建工作主要数据统计表"]
    assert [s.title for s in report.sections] == ["强化理论武装"]


def test_a_label_before_any_date_stays_in_the_report() -> None:
    from drafter.structure.structure import parse_report

    text = "一、强化理论武装\n各支部全年开展集中学习36次。\n附件\n学习安排表\n"
    report = parse_report(text)
    assert not report.noise
    assert "附件" in "\n".join(report.sections[0].body + report.closing)
