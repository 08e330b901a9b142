"""Page furniture of scraped portal pages is recognised and left out of the analysis."""

from briefing.read import read_bytes
from briefing.understand import understand

PORTAL_PAGE = """首页 | 政务公开 | 政务服务 | 互动交流 | 走进新华
您当前位置：首页 > 政务公开 > 部门动态
新华区2021年安全生产工作成效显著
发布时间：2022-01-10 10:31  来源：新华区融媒体中心  浏览次数：1234  【字体：大 中 小】
索引号：13010502/2022-00012
图为应急演练现场，参演人员300余人。
2021年，新华区共开展安全生产检查1860次，排查整改隐患3245处。
分享到：
上一篇：新华区召开第3次常务会议
下一篇：2021年第4季度重点工作推进会召开
版权所有：石家庄市新华区人民政府 冀ICP备12345678号-1 联系电话：0311-12345678
"""


def _report(gazetteer, text: str):
    return understand(read_bytes(text.encode("utf-8"), "page.txt"), gazetteer)


def test_a_menu_line_is_not_the_title(gazetteer):
    assert _report(gazetteer, PORTAL_PAGE).title == "新华区2021年安全生产工作成效显著"


def test_a_news_feed_headline_that_asks_and_exclaims_is_the_title_and_names_the_county(gazetteer):
    page = (
        "婺源这个春天有多“火”？看数据！\n原创　文旅小编　2024-04-22\n"
        "今年春天，婺源游客明显增多。全县接待游客586.3万人次，同比增长21.6%。\n"
    )
    report = _report(gazetteer, page)
    assert (report.title, report.district.zh) == ("婺源这个春天有多“火”？看数据！", "婺源县")


def test_only_the_article_has_figures(gazetteer):
    report = _report(gazetteer, PORTAL_PAGE)
    assert [f.text for f in report.figures] == ["1860次", "3245处"]


def test_the_district_comes_from_the_article_and_the_site_owner(gazetteer):
    district = _report(gazetteer, PORTAL_PAGE).district
    assert (district.zh, district.city_zh, district.code) == ("新华区", "石家庄市", "130105")


def test_a_traditional_page_keeps_its_outlet_as_printed_and_is_a_review(gazetteer):
    page = "思明區2021年平安建設工作綜述\n發布時間：2022-01-18  來源：思明區委政法委\n全區刑事警情同比下降18.2%。\n"
    report = _report(gazetteer, page)
    assert (report.outlet, report.date, report.kind, report.district.zh) == (
        "思明區委政法委",
        "2022-01-18",
        "highlights_review",
        "思明区",
    )


TRANSCRIPT = """江汉区召开优化营商环境新闻发布会
时间：2021-09-16　来源：江汉区融媒体中心
主持人 周晓岚：
各位记者朋友，大家上午好！下面请各部门负责同志介绍情况。
记者：企业开办方面有什么新变化？
区市场监管局局长 陈志刚：
我们推行企业开办“一窗通”，全程办理时间压缩至1个工作日以内。
湖北日报记者：减税降费方面有哪些措施？
区税务局局长赵明远：今年1至8月，全区新增减税降费9.76亿元。
"""


def test_each_official_who_answers_heads_a_section(gazetteer):
    sections = _report(gazetteer, TRANSCRIPT).sections
    assert [(s.kind, s.heading) for s in sections] == [("lede", ""), ("agency", "区市场监管局局长 陈志刚")]


def test_questions_are_paired_with_who_asked_and_who_answered(gazetteer):
    report = _report(gazetteer, TRANSCRIPT)
    assert [(e.asked_by, e.answered_by) for e in report.exchanges] == [
        ("记者", "区市场监管局局长 陈志刚"),
        ("湖北日报记者", "区税务局局长赵明远"),
    ]


def test_an_advert_in_the_page_is_furniture(gazetteer):
    page = "孝义市安全生产形势稳定\n热招生 咨询热线400-123-4567 首月仅需99元 名额有限 先到先得\n全市排查隐患1,260处。\n"
    assert [f.text for f in _report(gazetteer, page).figures] == ["1,260处"]


def test_a_bracketed_related_news_list_is_furniture(gazetteer):
    page = "铁西区上半年招商引资成效明显\n全区签约项目126个。\n【相关新闻】\n· 铁西区一季度签约项目56个\n· 铁西区召开优化营商环境工作推进会议\n"
    assert [f.text for f in _report(gazetteer, page).figures] == ["126个"]


def test_readers_comments_under_the_article_are_furniture(gazetteer):
    page = (
        "某县医保服务提质增效\n发布时间：2024-01-12\n全县参保人数达到58.6万人，参保率96.2%。\n"
        "网友评论（共2条）\n潍城小李 2024-01-13 09:48\n以前要等三天，现在手机上5分钟就办好了。\n点赞 12\n"
        "希望报销比例再提高一些，现在只有50%。\n【打印本页】【关闭窗口】\n"
    )
    assert [f.text for f in _report(gazetteer, page).figures] == ["58.6万人", "96.2%"]


def test_an_official_document_is_dated_by_the_date_it_is_signed_with(gazetteer):
    page = "某区安全生产形势通报\n全区发生事故5起，同比下降16.7%。\n某区安全生产委员会办公室\n二〇二二年十月十二日\n"
    assert _report(gazetteer, page).date == "2022-10-12"


def test_a_sidebar_of_top_stories_and_a_path_breadcrumb_are_furniture(gazetteer):
    page = (
        "某区人民政府 > 新闻中心 > 部门动态\n某区营商环境持续优化\n全区新增市场主体1.2万户。\n"
        "热点排行\n1　全区5家企业入选专精特新名单\n2　30项民生实事征求意见\n"
        "图片新闻\n·“冰雪季”活动吸引游客20万人次\n"
    )
    report = _report(gazetteer, page)
    assert report.title == "某区营商环境持续优化"
    assert [f.text for f in report.figures] == ["1.2万户"]


def test_an_infographic_line_puts_a_rate_before_its_name(gazetteer):
    page = "某区数说2023\n0起 重大群体性事件\n19.4 每万人刑事案件立案数\n98.7% 群众满意度\n"
    assert [f.text for f in _report(gazetteer, page).figures] == ["0起", "19.4", "98.7%"]


def test_a_page_whose_body_names_no_county_takes_the_one_its_byline_names(gazetteer):
    page = (
        "县政府召开第一次全体会议\n来源：霍山县融媒体中心  发布时间：2024-01-19 09:26\n"
        "会议指出，全县地区生产总值实现256.8亿元，增长6.1%。\n往期推荐\n▶ 某镇召开安全生产工作会\n"
    )
    report = _report(gazetteer, page)
    assert report.district.zh == "霍山县"
    assert [f.text for f in report.figures] == ["256.8亿元", "6.1%"]


def test_a_page_is_dated_by_its_publication_date_not_the_date_its_document_was_written(gazetteer):
    page = (
        "某旗农牧局2023年工作总结\n发文机关：某旗农牧局    成文日期：2024-01-04    发布日期：2024-01-05\n"
        "全旗粮食总产量达到164.3万吨，同比增长3.8%。\n"
    )
    assert _report(gazetteer, page).date == "2024-01-05"


def test_the_basis_of_a_change_is_the_one_said_nearest_before_it(gazetteer):
    page = "某区治安情况\n刑事案件同比下降14.6%，安全感得分98.32分，较上年提高0.57分；门诊量按年上升9.2%，按月下降1.5%。\n"
    report = _report(gazetteer, page)
    assert [(f.text, f.basis) for f in report.figures if f.change] == [
        ("14.6%", "year_on_year"),
        ("0.57分", "baseline"),
        ("9.2%", "year_on_year"),
        ("1.5%", "period_on_period"),
    ]


def test_hong_kong_variant_characters_are_understood_as_their_standard_forms():
    from briefing.understand.normalize import normalize

    assert normalize("社區衞生服務中心", True) == "社区卫生服务中心"


def test_a_wechat_articles_topic_collections_are_furniture(gazetteer):
    page = "莲花镇人居环境整治见成效\n收录于合集 #乡村振兴 26个 #人居环境 9个\n全镇完成户厕改造358座。\n"
    assert [f.text for f in _report(gazetteer, page).figures] == ["358座"]


def test_a_triangle_line_with_a_measure_and_its_number_is_data_not_a_photo_caption(gazetteer):
    page = (
        "某旗2023年交通成绩单\n"
        "▲ 新建公路 126公里\n"
        "▲ 注册物流企业 超200家\n"
        "▲ 3月5日，志愿者在社区开展义诊活动，服务群众200余人\n"
        "全旗公路总里程达到6842公里。\n"
    )
    figures = [(f.text, f.label) for f in _report(gazetteer, page).figures]
    assert figures == [("126公里", "新建公路"), ("200家", "注册物流企业"), ("6842公里", "全旗公路总里程")]


def test_a_short_sentence_naming_the_units_that_do_the_work_is_prose_not_the_footer(gazetteer):
    page = (
        "某县12345热线第三季度办理情况通报\n"
        "本季度，对承办单位办理质量进行考评，权重分别为40%、40%和20%。\n"
        "主办单位：某县人民政府办公室　承办单位：某县大数据中心\n"
    )
    assert [f.text for f in _report(gazetteer, page).figures] == ["40%", "40%", "20%"]


def test_a_wechat_poll_and_emoji_bulleted_recommendations_are_furniture(gazetteer):
    page = (
        "数说上半年｜某县经济运行稳中向好\n"
        "上半年，全县地区生产总值增长6.3%。\n"
        "📝 小调查：你最关心哪项民生实事？\n"
        "A. 教育\nB. 医疗\n"
        "（投票已结束，共1927人参与）\n"
        "往期推荐\n"
        "🔹 总投资21亿元！又一批重点项目集中开工\n"
        "👉 暑期接待游客逾600万人次\n"
    )
    assert [f.text for f in _report(gazetteer, page).figures] == ["6.3%"]


def test_a_figure_alone_on_its_line_is_named_by_the_caption_under_it(gazetteer):
    page = "数说上半年\n【数说】\n218.47亿元\n地区生产总值\n6.3%\n地区生产总值增速\n"
    assert [(f.text, f.label, f.change) for f in _report(gazetteer, page).figures] == [
        ("218.47亿元", "地区生产总值", None),
        ("6.3%", "地区生产总值增速", "increase"),
    ]
