"""The English layer: the three tiers of translation (glossary, CC-CEDICT, pinyin), names, the
number style of data-to-text, and the `briefing terms` report. Exact English, one behaviour each."""

from decimal import Decimal

import pytest

from briefing.english.dictionary import cedict, clean_gloss
from briefing.english.glossary import Glossary, Rendering
from briefing.english.names import person, place
from briefing.english.phrases import figure_sentence, quantity
from briefing.english.terms import TermUse, format_terms, unknown_terms
from briefing.errors import BriefingError
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
