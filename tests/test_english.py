"""The English layer: the three tiers of translation (glossary, CC-CEDICT, pinyin), names, the
number style of data-to-text, and the `briefing terms` report. Exact English, one behaviour each."""

from decimal import Decimal

import pytest

from briefing.compose import compose
from briefing.english.dictionary import cedict, clean_gloss
from briefing.english.glossary import Glossary, Rendering
from briefing.english.headings import heading_english
from briefing.english.names import person, place
from briefing.english.phrases import figure_sentence, quantity
from briefing.english.terms import TermUse, format_terms, unknown_terms
from briefing.errors import BriefingError
from briefing.read import read_bytes
from briefing.understand.analyse import understand
from briefing.understand.model import Figure, Initiative, Paragraph, Report, Section, Sentence


@pytest.fixture(scope="module")
def glossary():
    return Glossary.load()


# --- tiers -----------------------------------------------------------------------------------


def test_glossary_beats_dictionary(glossary):
    # CC-CEDICT has 检察官 "public prosecutor"; the glossary's official rendering wins
    assert cedict().gloss("检察官") == "public prosecutor"
    assert glossary.translate("检察官") == Rendering("procurators")


def test_a_dictionary_word_renders_with_its_cleaned_gloss(glossary):
    # CC-CEDICT: 巡逻 [xun2 luo2] /to patrol (police, army or navy)/
    assert glossary.translate("巡逻") == Rendering("patrol", ("巡逻",), (("巡逻", "patrol"),), ())


def test_cleaning_drops_classifiers_and_surnames():
    assert clean_gloss("[ying1 xiong2] /hero/CL:個|个[ge4]/") == "hero"
    assert clean_gloss("[Yang2] /surname Yang/\n[yang2] /poplar/") == "poplar"
    aunt = "[da4 ma1] /father's elder brother's wife/aunt (affectionate term for an elderly woman)/"
    assert clean_gloss(aunt) == "aunt"


def test_a_term_in_neither_is_romanised_with_its_chinese(glossary):
    assert glossary.translate("老杨群工") == Rendering(
        "Laoyangqungong (老杨群工)", ("老杨群工",), (), (("老杨群工", "Laoyangqungong"),)
    )


def test_a_measure_word_does_not_split_a_dictionary_word(glossary):
    # 天 alone is the unit "days"; 今天 is one word, "today"
    assert glossary.translate("今天").english == "today"


def test_an_amount_that_bounds_a_kind_of_thing_is_said_after_it_with_its_scale(glossary):
    # 亿元以上项目 is a term, but in 10亿元以上项目 the 亿 scales the 10: CNY 1 billion, not 100 million
    assert (
        glossary.translate("投资10亿元以上项目").english == "investment projects worth CNY 1 billion or more"
    )
    assert glossary.translate("投资超10亿元项目").english == "investment projects worth CNY 1 billion or more"


def test_duplicates_in_a_user_glossary_are_rejected_naming_the_term(tmp_path):
    mine = tmp_path / "terms.toml"
    mine.write_text(
        '[metric]\n"夜话" = "evening talks"\n[general]\n"夜话" = "night talks"\n', encoding="utf-8"
    )
    with pytest.raises(BriefingError, match="夜话"):
        Glossary.load(mine)


def test_a_user_glossary_overrides_ours(tmp_path):
    mine = tmp_path / "terms.toml"
    mine.write_text('[institution]\n"检察官" = "prosecutors"\n', encoding="utf-8")
    assert Glossary.load(mine).translate("检察官").english == "prosecutors"


# --- names -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "zh, en",
    [
        ("九龙坡区", "Jiulongpo District"),
        ("中梁山街道", "Zhongliangshan Subdistrict"),
        ("黔江区", "Qianjiang District"),
        ("重庆", "Chongqing"),
        ("长寿区", "Changshou District"),
        ("西安", "Xi'an"),
    ],
)
def test_place_names(zh, en):
    assert place(zh) == en


def test_people_are_surname_then_given_name():
    assert person("周勇") == "Zhou Yong"


def test_a_withheld_given_name_stays_withheld():
    assert (person("王某某"), person("李某")) == ("Wang X", "Li X")


def test_misleading_dictionary_senses_are_overridden_by_the_glossary(glossary):
    assert [glossary.translate(t).english for t in ("人流密集", "疾病预防控制中心", "结果")] == [
        "crowded",
        "Center for Disease Control and Prevention",
        "results",
    ]


# --- numbers ---------------------------------------------------------------------------------


def _figure(value, unit, label="", approx=None, change=None, basis=None):
    return Figure("f1", "s1", label, Decimal(value), unit, approx, change, basis, (0, 1), "x", (0, 1), "x")


@pytest.mark.parametrize(
    "figure, english",
    [
        (_figure("19167", "件"), "19,167 cases"),  # 19167件
        (_figure("8380000000", "元"), "CNY 8.38 billion"),  # 83.80亿元
        (_figure("2000000", "人次"), "2 million person-visits"),  # 200万人次
        (_figure("42000", "路", approx="over"), "over 42,000 channels"),  # 42000余路
        (_figure("100", "篇", approx="nearly"), "nearly 100 articles"),  # 近100篇
    ],
)
def test_number_style(glossary, figure, english):
    assert quantity(figure, glossary) == english


def test_a_year_on_year_decrease(glossary):
    fig = _figure("10.7", "%", label="刑事类警情", change="decrease", basis="year_on_year")
    assert figure_sentence(fig, glossary) == "Criminal incident reports fell 10.7% year on year."


# --- figure sentences, through the whole pipeline ------------------------------------------------
#
# Each input is a sentence written for this test in the genre of the reports; the expected value
# is the whole English sentence the briefing prints for it. Every number is the figure's own.


def _sentences(glossary, text: str) -> list[str]:
    doc = "黔江区政法工作情况\n\n" + text + "\n"
    report = understand(read_bytes(doc.encode("utf-8"), "written-for-this-test.txt"))
    return [v.text for s in compose([report], glossary).sections for v in s.sentences]


@pytest.mark.parametrize(
    "zh, english",
    [
        # a from-to whose new end is a range; a range of its own
        (
            "一般不动产登记办理时限由原来的10个工作日压缩至3至5个工作日，调解周期为3至5天。",
            (
                "Ordinary real estate registered processing time cut from 10 working days to 3–5 working days; "
                "mediation time: 3 to 5 days."
            ),
        ),
        # verb templates: the number before what was counted; a rate closes the clause it measures
        (
            "上半年，区法院共受理各类案件8736件，审执结6912件，结案率79.12%。",
            "The District Court accepted 8,736 cases of all types and concluded 6,912 (clearance rate 79.12%).",
        ),
        (
            "区检察院共批准逮捕犯罪嫌疑人126人，提起公诉243人。",
            "The District Procuratorate approved the arrest of 126 criminal suspects and prosecuted 243 people.",
        ),
        (
            "侦破刑事案件357起，抓获犯罪嫌疑人281名。",
            "Solved 357 criminal cases and apprehended 281 criminal suspects.",
        ),
        # counts listed after one verb share it; one is singular
        (
            "打掉涉黑组织1个、恶势力犯罪集团9个。",
            "Dismantled 1 mafia-style organisation and 9 evil-force criminal groups.",
        ),
        ("领导小组下设1个工作组。", "Leading group set up 1 working group."),
        # an uncountable object is counted by its measure word
        ("开展警示教育12场。", "Held 12 sessions of cautionary education."),
        # counted nouns as the head, and no predicate invented for them
        ("全区11个街道、79个社区全部建成综治中心。", "11 subdistricts and 79 communities."),
        (
            "区公安局共有1个集体荣立集体三等功，9名民警荣立个人三等功。",
            "District Public Security Bureau: 1 collective; 9 police officers.",
        ),
        # changes: with their level, as a range, from one end to the other, one verb for two rates
        (
            "全院执行到位金额2.36亿元，同比增长9.8%。",
            "Amount recovered through enforcement: CNY 236 million, up 9.8% year on year.",
        ),
        (
            "部分审批事项办理时限由20个工作日压缩至7个。",
            "Some approval items processing time cut from 20 working days to 7 working days.",
        ),
        ("一般纠纷平均调处周期为3至5天。", "Ordinary disputes average settlement time: 3 to 5 days."),
        # people are sentenced to a penalty; a bound is no noun to make plural (never "or mores")
        (
            "区法院判处五年以上有期徒刑47人。",
            "The District Court sentenced 47 people to five years' imprisonment or more.",
        ),
        (
            "刑事类、治安类警情分别下降10.7%、12.7%。",
            "Criminal incident reports fell 10.7% and public-order incident reports fell 12.7%.",
        ),
        (
            "区信访办共受理信访事项782件次、1304人次，同比分别下降18.6%、13.2%。",
            (
                "The District Letters and Visits Office accepted petition matters (782 case-visits and 1,304 person-visits, down 18.6% and 13.2% year on year "
                "respectively)."
            ),
        ),
        # a share of a total
        (
            "全院网上立案2315件，占立案总数的26.5%。",
            "2,315 online case filings (26.5% of total cases filed).",
        ),
        # no label from quoted speech or a dangling preposition: the plain figure; a plan says so
        ("“我们准备用三年时间分步推进试点。”", "Target: 3 years."),
        ("力争每个乡镇打造1个以上有特色的治理示范点。", "Target: over 1 governance demonstration site."),
        # no bare number: the clause's own words say what it is
        ("按照40%的比例计入年度考核。", "Proportion counted towards annual assessment: 40%."),
    ],
)
def test_figure_sentences(glossary, zh, english):
    assert _sentences(glossary, zh) == [english]


# The genres of the held-out pages: statistical communiqué (NBS terms), tourism, transport, courts,
# press-conference answers. Each sentence was written for this test; every number is the figure's own.
@pytest.mark.parametrize(
    "zh, english",
    [
        # statistical communiqué: NBS renderings, a level with its change, shares, per mille
        (
            "全年实现地区生产总值（GDP）386.52亿元，比上年增长4.1%。",
            "Gross regional product: CNY 38.652 billion, up 4.1% on the previous year.",
        ),
        (
            "全年规模以上工业增加值比上年增长5.8%。",
            "Value added of industrial enterprises above designated size rose 5.8% on the previous year.",
        ),
        (
            "全年社会消费品零售总额152.36亿元，比上年增长2.1%。",
            "Total retail sales of consumer goods: CNY 15.236 billion, up 2.1% on the previous year.",
        ),
        (
            "全年粮食播种面积95.63万亩，比上年增加0.42万亩。",
            "Grain sown area: 956,300 mu, up 4,200 mu on the previous year.",
        ),
        (
            "年末常住人口81.57万人，常住人口城镇化率为52.37%，比上年末提高0.86个百分点。",
            (
                "Year-end permanent population: 815,700 people; urbanisation rate of the permanent population 52.37%, "
                "up 0.86 percentage points from the end of last year."
            ),
        ),
        (
            "接待游客较上季度增长12.4%，旅游收入比2019年增长8.1%，入住率较上年同期提高3.2个百分点。",
            (
                "Tourists received rose 12.4% on the previous quarter, tourism revenue rose 8.1% on 2019 and "
                "occupancy rate rose 3.2 percentage points on the same period last year."
            ),
        ),
        (
            "城镇居民人均可支配收入40263元，增长4.5%。",
            "Per capita disposable income of urban residents: CNY 40,263, up 4.5%.",
        ),
        (
            "年末金融机构本外币各项存款余额612.47亿元，比年初增加58.31亿元。",
            (
                "Year-end financial institutions outstanding deposits in domestic and foreign currencies: CNY 61.247 billion, "
                "up CNY 5.831 billion on the start of the year."
            ),
        ),
        ("全年出生人口6213人，出生率为7.04‰。", "6,213 births and birth rate 7.04‰."),
        (
            "高新技术产业产值占规模以上工业总产值的比重为48.6%，较上年提高2.1个百分点。",
            (
                "High-tech industries output value: 48.6% of gross output value of industrial enterprises above designated "
                "size, up 2.1 percentage points on the previous year."
            ),
        ),
        ("城乡居民收入比由上年的1.96缩小到1.93。", "Urban-rural income ratio narrowed from 1.96 to 1.93."),
        ("全年生猪出栏61.2万头，增长5.3%。", "Hogs slaughtered: 612,000 head, up 5.3%."),
        (
            "空气质量优良天数比例达91.2%，PM2.5平均浓度降至24微克/立方米。",
            (
                "Share of days with good or excellent air quality 91.2% and PM2.5 average concentration fell to "
                "24 μg/m³."
            ),
        ),
        # tourism
        (
            "全年接待游客1312万人次，同比增长36.5%，实现旅游综合收入148.6亿元。",
            (
                "Received tourists (13.12 million person-visits, up 36.5% year on year); total tourism revenue: "
                "CNY 14.86 billion."
            ),
        ),
        (
            "旅游旺季全市酒店平均客房出租率达到82%。",
            "Peak tourist season city-wide average hotel room occupancy rate 82%.",
        ),
        # transport
        (
            "全年新建改建农村公路120公里，新增公交线路8条。",
            "Built or rebuilt 120 km of rural roads and added 8 bus routes.",
        ),
        (
            "城乡公交日均客运量达到3.2万人次。",
            "Urban-rural buses average daily passenger volume: 32,000 person-visits.",
        ),
        # courts
        (
            "诉前调解成功案件4822件，同比增长37.4%。",
            "Cases settled by pre-litigation mediation: 4,822 cases, up 37.4% year on year.",
        ),
        (
            "一审服判息诉率92.7%，发回重审率1.6%。",
            "First-instance judgments accepted without appeal 92.7% and remand rate 1.6%.",
        ),
        # press-conference answers: a change whose new end is said in words; a count told apart by
        # what is said of it; a figure with neither label nor counted noun names its clause's terms
        (
            "办理时限从10个工作日缩短为当场办结。",
            "Processing time shortened from 10 working days to completed on the spot.",
        ),
        (
            "今年以来，全区新登记市场主体9128户，惠及企业1460余家。",
            "9,128 newly registered market entities and over 1,460 benefiting enterprises.",
        ),
        (
            "1名干警被评为全国检察宣传先进个人，1名干警被评为全市优秀公诉人。",
            (
                "1 officer named national procuratorial publicity outstanding individuals and 1 officer named city-wide "
                "Outstanding Public Prosecutor."
            ),
        ),
        ("全区共有5个环境资源案件集中管辖法院。", "Environmental and resource cases: 5."),
    ],
)
def test_genre_sentences(glossary, zh, english):
    assert _sentences(glossary, zh) == [english]


@pytest.mark.parametrize(
    "zh, english",
    [
        ("规模以上工业增加值", "value added of industrial enterprises above designated size"),
        ("社会消费品零售总额", "total retail sales of consumer goods"),
        ("一般公共预算收入", "general public budget revenue"),
        ("城镇化率", "urbanisation rate"),
    ],
)
def test_statistical_terms_follow_the_nbs(glossary, zh, english):
    assert glossary.translate(zh) == Rendering(english)


def test_a_glossary_term_inside_a_dictionary_word_is_read_whole(glossary):
    # 设施 "facilities" is a glossary term, but 基础设施 is one word: "infrastructure"
    assert glossary.translate("基础设施").english == "infrastructure"


def test_a_target_keeps_its_aim(glossary):
    # 力争 marks a goal: the sentence must not read as done
    assert _sentences(glossary, "力争全年矛盾纠纷化解率保持在98%以上。")[0].startswith("Aiming for")


def test_a_subject_is_not_read_from_an_object(glossary):
    # 向有关部门发出…: the departments received the recommendations, they did not issue them
    assert not _sentences(glossary, "向有关部门发出检察建议4份。")[0].startswith(
        "Relevant departments issued"
    )


# --- section headings --------------------------------------------------------------------------
#
# Headings from their key terms: numbering, 坚持-principles before their result, intensifiers and
# slogan pairs dropped; agencies and speakers as names.


@pytest.mark.parametrize(
    "zh, kind, english",
    [
        ("一、坚持服务大局，全力维护安全稳定", "numbered", "Safeguarding security and stability"),
        ("（一）坚持创新驱动，产业能级持续提升。", "numbered", "Industrial capacity continued to improve"),
        ("四、坚持深化改革，不断提升审判质效", "numbered", "Improving trial quality and efficiency"),
        ("（六）坚持安全发展，社会大局持续稳定。", "numbered", "Overall social situation remained stable"),
        ("一、大气环境质量持续改善", "numbered", "Air quality kept improving"),
        ("二、水环境质量保持优良", "numbered", "Water quality remained good"),
        ("五、存在問題及下步打算", "numbered", "Problems and next steps"),
        ("一、2021年工作回顾", "numbered", "2021 work review"),
        ("三、深入开展平安创建", "numbered", "Carrying out safety campaigns"),
        ("三、補齊基礎設施和公共服務短板", "numbered", "Closing gaps in infrastructure and public services"),
        ("（二）公共法律服务更加便民", "numbered", "Public legal services more accessible"),
        (
            "凝聚共识、形成合力70周年国庆安保圆满收官",
            "highlight",
            "70th anniversary National Day security concluded successfully",
        ),
        (
            "高标准完成国庆70周年安保维稳任务",
            "highlight",
            "Completed to a high standard 70th National Day security and stability tasks",
        ),
        ("区法院", "agency", "District Court"),
        ("区公安局", "agency", "District Public Security Bureau"),
        ("县委政法委", "agency", "County Political and Legal Affairs Commission"),
        ("区税务局局长 赵明远", "agency", "Director of the District Taxation Bureau Zhao Mingyuan"),
        (
            "区住房和城市更新局局长 王建国",
            "agency",
            "Director of the District Housing and Urban Renewal Bureau Wang Jianguo",
        ),
        (
            "区发展改革局局长 刘思远",
            "agency",
            "Director of the District Development and Reform Bureau Liu Siyuan",
        ),
        ("", "lede", "Overview"),
    ],
)
def test_headings(glossary, zh, kind, english):
    assert heading_english(zh, kind, glossary).english == english


# --- agency subjects: only the agency the sentence or its section names ------------------------


def _sections(glossary, text: str) -> list[tuple[str, list[str]]]:
    doc = "黔江区政法工作情况\n\n" + text + "\n"
    report = understand(read_bytes(doc.encode("utf-8"), "written-for-this-test.txt"))
    return [(s.heading, [v.text for v in s.sentences]) for s in compose([report], glossary).sections]


def test_a_section_headed_by_an_agency_gives_its_sentences_their_subject(glossary):
    text = "区法院\n共受理各类案件8736件，审执结6912件。\n各派出所共受理矛盾纠纷320件。\n区检察院\n提起公诉243人。"
    assert _sections(glossary, text) == [
        (
            "District Court",
            [
                "The District Court accepted 8,736 cases of all types and concluded 6,912.",
                # another subject is named: the court is not invented for it
                "Accepted 320 disputes.",
            ],
        ),
        ("District Procuratorate", ["The District Procuratorate prosecuted 243 people."]),
    ]


@pytest.mark.parametrize(
    "zh, english",
    [
        (
            "今年以来，区公安局荣获市级表彰先进个人7名、先进集体4个。",
            (
                "The District Public Security Bureau won city-level commendations for 7 outstanding individuals and 4 "
                "outstanding units."
            ),
        ),
        # no agency in the sentence or the heading: no subject
        ("全区网格员共化解矛盾纠纷5870件。", "Resolved 5,870 disputes."),
        (
            "一年来，各群工站点共收集社情民意1.9万条，化解矛盾纠纷5870件。",
            "Collected 19,000 public opinion reports and resolved 5,870 disputes.",
        ),
        (
            "全区110接报的刑事类、治安类警情同比分别下降9.6%、11.8%。",
            "110 criminal incident reports fell 9.6% year on year and public-order incident reports fell 11.8% year on year.",
        ),
        (
            "全区政法系统受到市级以上表彰的集体14个、个人39名。",
            "Political-legal system received city level or above commendations for 14 collectives and 39 individuals.",
        ),
    ],
)
def test_subjects_and_objects(glossary, zh, english):
    assert _sentences(glossary, zh) == [english]


# --- terms -----------------------------------------------------------------------------------


def _report() -> Report:
    """A small report written for this test: a heading, three figures and two initiatives."""
    heading = "一、无人机巡逻"
    s1 = "全年开展无人机巡逻320次。"
    s2 = "老杨群工志愿者达8600余名。"
    s3 = "全区配备5架无人机。"
    s4 = "每月举办“山城夜话”。"
    text = f"{heading}\n{s1}{s2}{s3}{s4}"

    def span(piece, within=(0, 0)):
        start = text.index(piece, within[0])
        return (start, start + len(piece))

    sentences = [Sentence(span(s), s) for s in (s1, s2, s3, s4)]

    def figure(n, label, value, unit, printed, sentence, counted=""):
        return Figure(
            f"f{n}",
            "s1",
            label,
            Decimal(value),
            unit,
            None,
            None,
            None,
            span(printed, sentence.span),
            printed,
            sentence.span,
            sentence.text,
            "",
            counted,
        )

    figures = (
        figure(1, "无人机巡逻", "320", "次", "320次", sentences[0]),
        figure(2, "老杨群工志愿者", "8600", "名", "8600余名", sentences[1]),
        figure(3, "", "5", "架", "5架", sentences[2], counted="无人机"),
    )
    initiatives = (
        Initiative("老杨群工", "model", ("s1",), ("f2",), (span("老杨群工"),)),
        Initiative("山城夜话", "programme", ("s1",), (), (span("山城夜话"),)),
    )
    return Report(
        source="hand-written.txt",
        sha256="",
        encoding="utf-8",
        script="Hans",
        title="",
        date=None,
        outlet=None,
        district=None,
        period=None,
        kind="other",
        sections=(Section("s1", "numbered", heading, (0, len(text)), span(heading)),),
        figures=figures,
        initiatives=initiatives,
        exchanges=(),
        paragraphs=(Paragraph("s1", (sentences[0].span[0], len(text)), "body", tuple(sentences)),),
        chrome=(),
    )


def test_unknown_terms_are_counted_with_their_tier_and_an_example(glossary):
    assert unknown_terms([_report()], glossary) == [
        # the heading, the first figure's label and the third figure's counted noun
        TermUse("无人机", "dictionary", "drone", 3, "全年开展无人机巡逻320次。"),
        TermUse("巡逻", "dictionary", "patrol", 2, "全年开展无人机巡逻320次。"),
        # the second figure's label and an initiative
        TermUse("老杨群工", "pinyin", "Laoyangqungong (老杨群工)", 2, "老杨群工志愿者达8600余名。"),
        TermUse("夜话", "pinyin", "Yehua (夜话)", 1, "每月举办“山城夜话”。"),
        TermUse("山城", "dictionary", "Shancheng", 1, "每月举办“山城夜话”。"),
    ]


def test_terms_print_as_a_table():
    example = "全区登记在册的“老杨群工”志愿者达8600余名。"
    uses = [TermUse("老杨群工", "pinyin", "Laoyangqungong (老杨群工)", 12, example)]
    assert format_terms(uses) == (
        "count  term      tier    rendering                  example\n"
        "   12  老杨群工  pinyin  Laoyangqungong (老杨群工)  全区登记在册的“老杨群工”志愿者达8600余名。\n"
    )
