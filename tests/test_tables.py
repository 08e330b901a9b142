"""Tables flattened into lines of cells (as scraped statistical pages print them): every numeric
cell is a figure of its row, in the row's unit, and a growth column gives signed changes."""

from decimal import Decimal

from briefing.read import read_bytes
from briefing.understand import understand

PAGE = """某县2022年国民经济和社会发展统计公报
发布日期：2023-04-18　来源：某县统计局
表1　主要经济指标
指标名称　单位　2022年　比上年增长（%）
地区生产总值　亿元　68.75　4.1
粮食产量　万吨　3.25　-1.2
规模以上工业增加值　亿元　—　7.4
全年地区生产总值比上年增长4.1%。
"""


def _figures(gazetteer, text: str):
    report = understand(read_bytes(text.encode("utf-8"), "table.txt"), gazetteer)
    return [(f.text, f.value, f.unit, f.change, f.label) for f in report.figures]


def test_each_cell_is_a_figure_in_its_rows_unit_and_growth_cells_are_signed_changes(gazetteer):
    assert _figures(gazetteer, PAGE) == [
        ("68.75", Decimal(6875000000), "元", None, "地区生产总值"),
        ("4.1", Decimal("4.1"), "%", "increase", "地区生产总值"),
        ("3.25", Decimal(32500), "吨", None, "粮食产量"),
        ("-1.2", Decimal("1.2"), "%", "decrease", "粮食产量"),
        ("7.4", Decimal("7.4"), "%", "increase", "规模以上工业增加值"),
        ("4.1%", Decimal("4.1"), "%", "increase", "地区生产总值"),
    ]


def test_tab_separated_rows_and_the_table_ends_at_prose(gazetteer):
    page = "产品名称\t单位\t产量\t比上年增长（%）\n生猪出栏\t万头\t6.85\t-8.7\n全年新建蔬菜大棚120座。\n"
    assert [f[:4] for f in _figures(gazetteer, page)] == [
        ("6.85", Decimal(68500), "头", None),
        ("-8.7", Decimal("8.7"), "%", "decrease"),
        ("120座", Decimal(120), "座", None),
    ]


def test_lines_of_cells_without_a_unit_header_are_not_read_as_a_table(gazetteer):
    assert _figures(gazetteer, "某县工作总结\n序号　项目　完成\n1　道路　12\n") == []


HTML_PAGE = """<html><head><meta charset="utf-8"><title>某县2022年统计公报</title></head><body>
<div class="article"><h1>湟源县2022年国民经济和社会发展统计公报</h1>
<p>发布日期：2023-04-18 来源：湟源县统计局</p>
<p>2022年，全县地区生产总值68.75亿元，比上年增长4.1%。</p>
<table><tr><th>指标名称</th><th>单位</th><th>2022年</th><th>比上年增长（%）</th></tr>
<tr><td>地区生产总值</td><td>亿元</td><td>68.75</td><td>4.1</td></tr>
<tr><td>粮食产量</td><td>万吨</td><td>3.25</td><td>-1.2</td></tr></table>
<p>全年规模以上工业增加值比上年增长7.4%。</p></div></body></html>
"""


def test_an_html_table_is_read_row_by_row_with_spans_into_the_markup(gazetteer):
    report = understand(read_bytes(HTML_PAGE.encode("utf-8"), "table.html"), gazetteer)
    rows = [(f.text, f.value, f.unit, f.change, f.label) for f in report.figures]
    assert rows[2:6] == [
        ("68.75", Decimal(6875000000), "元", None, "地区生产总值"),
        ("4.1", Decimal("4.1"), "%", "increase", "地区生产总值"),
        ("3.25", Decimal(32500), "吨", None, "粮食产量"),
        ("-1.2", Decimal("1.2"), "%", "decrease", "粮食产量"),
    ]
    assert all(HTML_PAGE[f.span[0] : f.span[1]] == f.text for f in report.figures)


def test_rows_that_carry_their_unit_in_the_label(gazetteer):
    page = (
        "某县2022年统计公报\n指标\t2022年\t比上年增长（%）\n地区生产总值（亿元）\t68.75\t4.1\n"
        "粮食产量（万吨）\t3.25\t-1.2\n序号\t项目\t备注\n"
    )
    assert [f[:4] for f in _figures(gazetteer, page)] == [
        ("68.75", Decimal(6875000000), "元", None),
        ("4.1", Decimal("4.1"), "%", "increase"),
        ("3.25", Decimal(32500), "吨", None),
        ("-1.2", Decimal("1.2"), "%", "decrease"),
    ]


def test_a_caption_gives_the_unit_of_every_cell(gazetteer):
    page = "某县财政收支\n表2　一般公共预算收支（单位：万元）\n项目\t2023年\t同比增长（%）\n税收收入\t31542\t-6.8\n"
    assert [f[:4] for f in _figures(gazetteer, page)] == [
        ("31542", Decimal(315420000), "元", None),
        ("-6.8", Decimal("6.8"), "%", "decrease"),
    ]


def test_each_column_may_name_its_own_unit_and_a_share_column_is_no_growth(gazetteer):
    page = "某县公积金\n贷款用途\t笔数（笔）\t金额（万元）\t占比（%）\n新建商品房\t812\t33670\t80.0\n"
    assert [f[:4] for f in _figures(gazetteer, page)] == [
        ("812", Decimal(812), "笔", None),
        ("33670", Decimal(336700000), "元", None),
        ("80.0", Decimal("80.0"), "%", None),
    ]


def test_cells_one_space_apart_are_read_when_the_line_is_no_prose(gazetteer):
    page = "某县公积金\n指标 单位 数值 同比增长(%)\n缴存额 万元 38620 8.6\n全年 缴存 增长 较快，势头良好。\n"
    assert [f[:4] for f in _figures(gazetteer, page)] == [
        ("38620", Decimal(386200000), "元", None),
        ("8.6", Decimal("8.6"), "%", "increase"),
    ]


def test_a_sub_item_row_indented_and_opened_by_its_qizhong_is_a_row_of_the_table(gazetteer):
    page = (
        "指标名称\t单位\t1-6月\t同比增长%\n"
        "固定资产投资 亿元 — 3.6\n"
        "\u3000其中：房地产开发投资 亿元 — -18.7\n"
        "社会消费品零售总额 亿元 263.9 4.1\n"
    )
    assert [f[:4] for f in _figures(gazetteer, page)] == [
        ("3.6", Decimal("3.6"), "%", "increase"),
        ("-18.7", Decimal("18.7"), "%", "decrease"),
        ("263.9", Decimal(26390000000), "元", None),
        ("4.1", Decimal("4.1"), "%", "increase"),
    ]


def test_a_budget_table_reads_its_completion_column_as_a_share_and_its_growth_as_changes(gazetteer):
    page = (
        "单位：万元\n项目\t预算数\t执行数\t完成预算%\t增长%\n"
        "一般公共预算收入\t181950\t98436\t54.1\t5.2\n"
        "    其中：企业所得税\t9850\t5126\t52.0\t-4.2\n"
    )
    assert [f[:4] for f in _figures(gazetteer, page)] == [
        ("181950", Decimal(1819500000), "元", None),
        ("98436", Decimal(984360000), "元", None),
        ("54.1", Decimal("54.1"), "%", None),
        ("5.2", Decimal("5.2"), "%", "increase"),
        ("9850", Decimal(98500000), "元", None),
        ("5126", Decimal(51260000), "元", None),
        ("52.0", Decimal("52.0"), "%", None),
        ("-4.2", Decimal("4.2"), "%", "decrease"),
    ]


DISCLOSURE_REPORT = """某区2023年度政府信息公开工作年度报告
二、主动公开政府信息情况
信息内容\t本年制发件数\t本年废止件数\t现行有效件数
规章\t0\t0\t0
行政规范性文件\t6\t7\t41
信息内容\t本年收费金额（单位：万元）
行政事业性收费\t862.45
三、收到和处理政府信息公开申请情况
本年新收政府信息公开申请数量\t152
（一）予以公开\t71
（三）不予公开\t1.属于国家秘密\t0
2.危及“三安全一稳定”\t1
（二）部分公开（区分处理的，只计这一情形）\t18
行政复议
结果维持 结果纠正 其他结果 尚未审结 总计
3 1 0 1 5
"""


def test_a_table_of_counts_prints_no_unit_and_its_numbers_are_counts_of_row_and_column(gazetteer):
    assert _figures(gazetteer, DISCLOSURE_REPORT)[:7] == [
        ("0", Decimal(0), "", None, "规章（本年制发件数）"),
        ("0", Decimal(0), "", None, "规章（本年废止件数）"),
        ("0", Decimal(0), "", None, "规章（现行有效件数）"),
        ("6", Decimal(6), "", None, "行政规范性文件（本年制发件数）"),
        ("7", Decimal(7), "", None, "行政规范性文件（本年废止件数）"),
        ("41", Decimal(41), "", None, "行政规范性文件（现行有效件数）"),
        ("862.45", Decimal(8624500), "元", None, "行政事业性收费（本年收费金额）"),
    ]


def test_a_name_and_a_number_set_apart_by_a_tab_is_one_count_of_that_name(gazetteer):
    assert _figures(gazetteer, DISCLOSURE_REPORT)[7:12] == [
        ("152", Decimal(152), "", None, "本年新收政府信息公开申请数量"),
        ("71", Decimal(71), "", None, "予以公开"),
        ("0", Decimal(0), "", None, "属于国家秘密"),
        ("1", Decimal(1), "", None, "危及“三安全一稳定”"),
        ("18", Decimal(18), "", None, "部分公开（区分处理的，只计这一情形）"),
    ]


def test_a_row_of_numbers_alone_counts_the_names_of_the_header_above_it(gazetteer):
    assert _figures(gazetteer, DISCLOSURE_REPORT)[12:] == [
        ("3", Decimal(3), "", None, "结果维持"),
        ("1", Decimal(1), "", None, "结果纠正"),
        ("0", Decimal(0), "", None, "其他结果"),
        ("1", Decimal(1), "", None, "尚未审结"),
        ("5", Decimal(5), "", None, "总计"),
    ]


def test_codes_and_page_counters_beside_a_name_are_no_counts(gazetteer):
    page = "某区政务公开工作总结\n邮编\t430200\n浏览次数\t1372\n联系电话\t87951234\n年份\t2023\n"
    assert _figures(gazetteer, page) == []


def test_a_caption_gives_its_unit_to_columns_of_short_names_and_a_rate_column_holds_levels(gazetteer):
    page = (
        "某县市场监管局通报食品抽检情况\n"
        "表1　2023年食品安全监督抽检情况（单位：批次）\n"
        "食品类别\t抽检批次\t合格批次\t合格率（%）\n"
        "食用农产品\t2150\t2083\t96.9\n"
        "表2　投诉举报处理情况（单位：件）\n"
        "类型    受理量    办结量    同比增减（%）\n"
        "投诉    2418    2409    -6.2\n"
    )
    assert _figures(gazetteer, page) == [
        ("2150", Decimal(2150), "批次", None, "食用农产品"),
        ("2083", Decimal(2083), "批次", None, "食用农产品"),
        ("96.9", Decimal("96.9"), "%", None, "食用农产品"),
        ("2418", Decimal(2418), "件", None, "投诉"),
        ("2409", Decimal(2409), "件", None, "投诉"),
        ("-6.2", Decimal("6.2"), "%", "decrease", "投诉"),
    ]


def test_a_table_written_between_pipes_with_its_rule_line(gazetteer):
    page = (
        "| 指标 | 单位 | 本期 | 同比增长（%） |\n|------|------|------|------|\n"
        "| 地区生产总值 | 亿元 | 488.36 | 5.6 |\n| 粮食产量 | 万吨 | 3.25 | -1.2 |\n全年新建蔬菜大棚120座。\n"
    )
    assert [f[:4] for f in _figures(gazetteer, page)] == [
        ("488.36", Decimal(48836000000), "元", None),
        ("5.6", Decimal("5.6"), "%", "increase"),
        ("3.25", Decimal(32500), "吨", None),
        ("-1.2", Decimal("1.2"), "%", "decrease"),
        ("120座", Decimal(120), "座", None),
    ]


def test_a_column_named_with_its_unit_beside_a_growth_column(gazetteer):
    page = "商品类别        零售额（万元）      增长（%）\n粮油、食品类        168,354            6.9\n饮料类        21,076            -2.6\n"
    assert [f[:4] for f in _figures(gazetteer, page)] == [
        ("168,354", Decimal(1683540000), "元", None),
        ("6.9", Decimal("6.9"), "%", "increase"),
        ("21,076", Decimal(210760000), "元", None),
        ("-2.6", Decimal("2.6"), "%", "decrease"),
    ]


def test_a_table_copied_one_cell_per_line_is_read_row_by_row(gazetteer):
    page = (
        "某区统计局发布前三季度经济数据\n"
        "表1　前三季度主要指标\n单位：亿元、%\n"
        "指标\n1-9月\n同比增长\n"
        "地区生产总值\n512.36\n6.1\n"
        "固定资产投资\n—\n-2.8\n"
        "居民人均可支配收入（元）\n41276\n5.3\n"
        "注：增速按可比价格计算。\n"
    )
    assert [f[:5] for f in _figures(gazetteer, page)] == [
        ("512.36", Decimal(51236000000), "元", None, "地区生产总值"),
        ("6.1", Decimal("6.1"), "%", "increase", "地区生产总值"),
        ("-2.8", Decimal("2.8"), "%", "decrease", "固定资产投资"),
        ("41276", Decimal(41276), "元", None, "居民人均可支配收入"),
        ("5.3", Decimal("5.3"), "%", "increase", "居民人均可支配收入"),
    ]


def test_short_lines_without_a_header_of_columns_are_no_stacked_table(gazetteer):
    page = "某区亮点回眸\n新增就业\n3\n4\n新建学校\n5\n6\n"
    assert _figures(gazetteer, page) == []


def test_cells_between_full_width_bars_with_thousands_are_a_table_not_a_menu(gazetteer):
    page = (
        "某區113年上半年營利事業概況\n"
        "行業別｜家數（家）｜銷售額（億元）｜年增率（%）\n"
        "批發及零售業｜10,482｜1,105.73｜-1.4\n"
        "首頁｜區政簡介｜最新消息｜便民服務\n"
    )
    assert [f[:5] for f in _figures(gazetteer, page)] == [
        ("10,482", Decimal(10482), "家", None, "批發及零售業"),
        ("1,105.73", Decimal(110573000000), "元", None, "批發及零售業"),
        ("-1.4", Decimal("1.4"), "%", "decrease", "批發及零售業"),
    ]


def test_a_header_on_two_lines_splits_its_last_column_and_a_change_column_is_in_the_rows_unit(gazetteer):
    page = (
        "某县财政局通报预算执行情况\n"
        "                                        单位：万元\n"
        "项目          年初预算    执行数    完成预算%    比上年同期\n"
        "                                                增减额    增长%\n"
        "税收收入        86000      79315       92.2         -1870     -2.3\n"
    )
    assert [f[:4] for f in _figures(gazetteer, page)] == [
        ("86000", Decimal(860000000), "元", None),
        ("79315", Decimal(793150000), "元", None),
        ("92.2", Decimal("92.2"), "%", None),
        ("-1870", Decimal(18700000), "元", "decrease"),
        ("-2.3", Decimal("2.3"), "%", "decrease"),
    ]


def test_a_first_header_line_of_periods_takes_the_columns_named_below_each(gazetteer):
    page = (
        "某县工业运行简况\n"
        "行业 6月 1-6月\n"
        "产值（亿元） 增长（%） 产值（亿元） 增长（%）\n"
        "纺织业 3.62 -4.1 20,511.07 2.5\n"
    )
    assert [f[:4] for f in _figures(gazetteer, page)] == [
        ("3.62", Decimal(362000000), "元", None),
        ("-4.1", Decimal("4.1"), "%", "decrease"),
        ("20,511.07", Decimal(2051107000000), "元", None),
        ("2.5", Decimal("2.5"), "%", "increase"),
    ]


def _html_figures(gazetteer, table: str):
    page = (
        '<html><head><meta charset="utf-8"><title>某区经济运行情况</title></head><body>'
        '<div class="article"><h1>某区1—10月经济运行情况</h1>'
        "<p>1—10月，全区经济运行总体平稳，主要指标保持增长态势。</p>"
        f"{table}<p>下一步，全区将继续抓好稳增长各项工作。</p></div></body></html>"
    )
    report = understand(read_bytes(page.encode("utf-8"), "table.html"), gazetteer)
    assert all(page[f.span[0] : f.span[1]] == f.text for f in report.figures)
    return [(f.text, f.value, f.unit, f.change, f.label) for f in report.figures]


def test_an_html_header_of_two_rows_with_spanning_cells_names_each_column(gazetteer):
    table = (
        "<table><tr><td colspan='2' rowspan='2'>指标</td><td rowspan='2'>计量单位</td>"
        "<td colspan='2'>1—10月</td><td rowspan='2'>增速比1—9月±<br>（百分点）</td></tr>"
        "<tr><td>绝对值</td><td>同比增长（%）</td></tr>"
        "<tr><td colspan='2'>社会消费品零售总额</td><td>亿元</td><td>412.36</td><td>6.1</td><td>-0.2</td></tr>"
        "</table>"
    )
    assert _html_figures(gazetteer, table) == [
        ("412.36", Decimal(41236000000), "元", None, "社会消费品零售总额"),
        ("6.1", Decimal("6.1"), "%", "increase", "社会消费品零售总额"),
        ("-0.2", Decimal("0.2"), "pp", "decrease", "社会消费品零售总额"),
    ]


def test_an_html_label_spanning_rows_names_each_and_a_numbering_column_is_no_figure(gazetteer):
    table = (
        "<table><tr><td>序号</td><td>领域</td><td>项目名称</td><td>计划投资<br>（万元）</td>"
        "<td>完成率<br>（%）</td></tr>"
        "<tr><td>1</td><td rowspan='2'>教育</td><td>新建幼儿园</td><td>3,200</td><td>104.5</td></tr>"
        "<tr><td>2</td><td>食堂改造</td><td>850</td><td>100.0</td></tr></table>"
    )
    assert _html_figures(gazetteer, table) == [
        ("3,200", Decimal(32000000), "元", None, "教育"),
        ("104.5", Decimal("104.5"), "%", None, "教育"),
        ("850", Decimal(8500000), "元", None, "教育"),
        ("100.0", Decimal("100.0"), "%", None, "教育"),
    ]


def test_a_second_table_under_the_same_names_does_not_merge_with_the_first(gazetteer):
    page = (
        "某县经济简况\n"
        "指标\t单位\t2023年\t比上年增长（%）\n地区生产总值\t亿元\t68.75\t4.1\n"
        "指标\t单位\t2024年\t比上年增长（%）\n地区生产总值\t亿元\t71.52\t4.0\n"
    )
    assert [f[:4] for f in _figures(gazetteer, page)] == [
        ("68.75", Decimal(6875000000), "元", None),
        ("4.1", Decimal("4.1"), "%", "increase"),
        ("71.52", Decimal(7152000000), "元", None),
        ("4.0", Decimal("4.0"), "%", "increase"),
    ]


def test_a_change_cell_may_say_its_direction_in_words(gazetteer):
    page = "领域\t项目数（个）\t完成投资（亿元）\t同比增长（%）\n生态环保\t12\t6.21\t下降8.6\n城市更新\t19\t13.94\t21.3\n"
    assert [f[:4] for f in _figures(gazetteer, page)] == [
        ("12", Decimal(12), "个", None),
        ("6.21", Decimal(621000000), "元", None),
        ("8.6", Decimal("8.6"), "%", "decrease"),
        ("19", Decimal(19), "个", None),
        ("13.94", Decimal(1394000000), "元", None),
        ("21.3", Decimal("21.3"), "%", "increase"),
    ]


def test_rows_of_counts_after_one_to_three_names_count_their_last_name(gazetteer):
    page = (
        "某区政府信息公开工作年度报告\n"
        "\t自然人\t法人或其他组织\t总计\n"
        "一、本年新收政府信息公开申请数量\t31\t2\t0\t33\n"
        "三、本年度办理结果\t（一）予以公开\t17\t1\t0\t18\n"
        "\t（三）不予公开\t1.属于国家秘密\t0\t0\t0\t0\n"
    )
    assert [f[:5] for f in _figures(gazetteer, page)] == [
        ("31", Decimal(31), "", None, "本年新收政府信息公开申请数量"),
        ("2", Decimal(2), "", None, "本年新收政府信息公开申请数量"),
        ("0", Decimal(0), "", None, "本年新收政府信息公开申请数量"),
        ("33", Decimal(33), "", None, "本年新收政府信息公开申请数量"),
        ("17", Decimal(17), "", None, "予以公开"),
        ("1", Decimal(1), "", None, "予以公开"),
        ("0", Decimal(0), "", None, "予以公开"),
        ("18", Decimal(18), "", None, "予以公开"),
        ("0", Decimal(0), "", None, "属于国家秘密"),
        ("0", Decimal(0), "", None, "属于国家秘密"),
        ("0", Decimal(0), "", None, "属于国家秘密"),
        ("0", Decimal(0), "", None, "属于国家秘密"),
    ]
