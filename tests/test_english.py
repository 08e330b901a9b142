"""The English layer: the three tiers of translation (glossary, CC-CEDICT, pinyin), names, the
number style of data-to-text, and the `briefing terms` report. Exact English, one behaviour each."""

from decimal import Decimal

import pytest

from briefing.compose import compose
from briefing.english.dictionary import cedict, clean_gloss
from briefing.english.glossary import Glossary, Rendering
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
        "Laoyangqungong (老杨群工)", ("老杨群工",), (), (("老杨群工", "Laoyangqungong"),))


def test_a_measure_word_does_not_split_a_dictionary_word(glossary):
    # 天 alone is the unit "days"; 今天 is one word, "today"
    assert glossary.translate("今天").english == "today"


def test_duplicates_in_a_user_glossary_are_rejected_naming_the_term(tmp_path):
    mine = tmp_path / "terms.toml"
    mine.write_text('[metric]\n"夜话" = "evening talks"\n[general]\n"夜话" = "night talks"\n',
                    encoding="utf-8")
    with pytest.raises(BriefingError, match="夜话"):
        Glossary.load(mine)


def test_a_user_glossary_overrides_ours(tmp_path):
    mine = tmp_path / "terms.toml"
    mine.write_text('[institution]\n"检察官" = "prosecutors"\n', encoding="utf-8")
    assert Glossary.load(mine).translate("检察官").english == "prosecutors"


# --- names -----------------------------------------------------------------------------------

@pytest.mark.parametrize("zh, en", [
    ("九龙坡区", "Jiulongpo District"),
    ("中梁山街道", "Zhongliangshan Subdistrict"),
    ("黔江区", "Qianjiang District"),
    ("重庆", "Chongqing"),
    ("长寿区", "Changshou District"),
    ("西安", "Xi'an"),
])
def test_place_names(zh, en):
    assert place(zh) == en


def test_people_are_surname_then_given_name():
    assert person("周勇") == "Zhou Yong"


# --- numbers ---------------------------------------------------------------------------------

def _figure(value, unit, label="", approx=None, change=None, basis=None):
    return Figure("f1", "s1", label, Decimal(value), unit, approx, change, basis, (0, 1), "x", (0, 1), "x")


@pytest.mark.parametrize("figure, english", [
    (_figure("19167", "件"), "19,167 cases"),  # 19167件
    (_figure("8380000000", "元"), "CNY 8.38 billion"),  # 83.80亿元
    (_figure("2000000", "人次"), "2 million person-visits"),  # 200万人次
    (_figure("42000", "路", approx="over"), "over 42,000 channels"),  # 42000余路
    (_figure("100", "篇", approx="nearly"), "nearly 100 articles"),  # 近100篇
])
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


@pytest.mark.parametrize("zh, english", [
    # verb templates: the number before what was counted; a rate closes the clause it measures
    ("上半年，区法院共受理各类案件8736件，审执结6912件，结案率79.12%。",
     "Accepted 8,736 cases of all types and concluded 6,912 cases (clearance rate 79.12%)."),
    ("区检察院共批准逮捕犯罪嫌疑人126人，提起公诉243人。",
     "Approved the arrest of 126 criminal suspects and prosecuted 243 people."),
    ("侦破刑事案件357起，抓获犯罪嫌疑人281名。", "Solved 357 criminal cases and apprehended 281 criminal suspects."),
    # counts listed after one verb share it; one is singular
    ("打掉涉黑组织1个、恶势力犯罪集团9个。", "Dismantled 1 mafia-style organisation and 9 evil-force criminal groups."),
    ("领导小组下设1个工作组。", "Leading group set up 1 working group."),
    # an uncountable object is counted by its measure word
    ("开展警示教育12场。", "Held 12 sessions of cautionary education."),
    # counted nouns as the head, and no predicate invented for them
    ("全区11个街道、79个社区全部建成综治中心。", "11 subdistricts and 79 communities."),
    ("区公安局共有1个集体荣立集体三等功，9名民警荣立个人三等功。", "District Public Security Bureau: 1 collective; 9 police officers."),
    # changes: with their level, as a range, from one end to the other, one verb for two rates
    ("全院执行到位金额2.36亿元，同比增长9.8%。", "Amount recovered through enforcement: CNY 236 million, up 9.8% year on year."),
    ("部分审批事项办理时限由20个工作日压缩至7个。", "Some approval items processing time cut from 20 working days to 7 working days."),
    ("一般纠纷平均调处周期为3至5天。", "Ordinary disputes average settlement time: 3 to 5 days."),
    ("刑事类、治安类警情分别下降10.7%、12.7%。",
     "Criminal incident reports fell 10.7% and public-order incident reports fell 12.7%."),
    ("区信访办共受理信访事项782件次、1304人次，同比分别下降18.6%、13.2%。",
     ("Accepted petition matters (782 case-visits and 1,304 person-visits, down 18.6% and 13.2% year on year "
      "respectively).")),
    # a share of a total
    ("全院网上立案2315件，占立案总数的26.5%。", "2,315 online case filings (26.5% of total cases filed)."),
    # no label from quoted speech or a dangling preposition: the plain figure; a plan says so
    ("“我们准备用三年时间分步推进试点。”", "Target: 3 years."),
    ("力争每个乡镇打造1个以上有特色的治理示范点。", "Target: over 1 governance demonstration site."),
    ("按照40%的比例计入年度考核。", "40%."),
])
def test_figure_sentences(glossary, zh, english):
    assert _sentences(glossary, zh) == [english]


def test_a_target_keeps_its_aim(glossary):
    # 力争 marks a goal: the sentence must not read as done
    assert _sentences(glossary, "力争全年矛盾纠纷化解率保持在98%以上。")[0].startswith("Aiming for")


def test_a_subject_is_not_read_from_an_object(glossary):
    # 向有关部门发出…: the departments received the recommendations, they did not issue them
    assert not _sentences(glossary, "向有关部门发出检察建议4份。")[0].startswith("Relevant departments issued")


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
        return Figure(f"f{n}", "s1", label, Decimal(value), unit, None, None, None,
                      span(printed, sentence.span), printed, sentence.span, sentence.text, "", counted)

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
        source="hand-written.txt", sha256="", encoding="utf-8", script="Hans", title="", date=None,
        outlet=None, district=None, period=None, kind="other",
        sections=(Section("s1", "numbered", heading, (0, len(text)), span(heading)),),
        figures=figures, initiatives=initiatives, exchanges=(),
        paragraphs=(Paragraph("s1", (sentences[0].span[0], len(text)), "body", tuple(sentences)),), chrome=(),
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
