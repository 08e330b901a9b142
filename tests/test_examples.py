"""Understanding the example reports shipped in examples/: metadata, sections and provenance."""

import pytest

from briefing.read import read_source
from briefing.understand import understand
from tests.conftest import EXAMPLES

EXPECTED = {
    "jiulongpo-2019-highlights.txt": ("九龙坡区", "500107", "2020-01-20", "highlights_review", "Hans"),
    "jiulongpo-2020-review.txt": ("九龙坡区", "500107", "2021-01-12", "work_report", "Hans"),
    "qianjiang-2020-press.txt": ("黔江区", "500114", "2020-07-24", "press_conference", "Hans"),
    "fengkai-2021-press.html": ("封开县", "441225", "2021-12-08", "press_conference", "Hans"),
    "jinniu-2019-highlights-tw.txt": ("金牛区", "510106", "2020-01-21", "highlights_review", "Hant"),
    "fengjie-2020-summary.txt": ("奉节县", "500236", "2021-01-08", "work_report", "Hans"),
    "yuzhong-2021-meeting.txt": ("渝中区", "500103", "2021-02-26", "meeting_news", "Hans"),
}


@pytest.fixture(scope="module")
def understood(gazetteer):
    out = {}
    for name in EXPECTED:
        source = read_source(EXAMPLES / name)
        out[name] = (source, understand(source, gazetteer))
    return out


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_example_metadata(understood, name):
    _, report = understood[name]
    zh, code, date, kind, script = EXPECTED[name]
    assert (report.district.zh, report.district.code, report.date, report.kind, report.script) == (
        zh,
        code,
        date,
        kind,
        script,
    )


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_every_figure_quotes_its_source_exactly(understood, name):
    source, report = understood[name]
    assert report.figures
    for f in report.figures:
        assert source.text[f.span[0] : f.span[1]] == f.text
        assert f.sentence[0] <= f.span[0] and f.span[1] <= f.sentence[1]


def test_repeated_copy_is_understood_once(understood):
    source, report = understood["jiulongpo-2019-highlights.txt"]
    headings = [s.heading for s in report.sections if s.kind == "highlight"]
    assert len(headings) == 5 == len(set(headings))
    half = source.text.index(report.title, 10)
    assert all(f.span[0] < half for f in report.figures)


def test_press_conference_has_agency_sections(understood):
    _, report = understood["qianjiang-2020-press.txt"]
    assert [s.heading for s in report.sections if s.kind == "agency"] == [
        "区委政法委",
        "区法院",
        "区检察院",
        "区公安局",
        "区司法局",
        "区信访办",
    ]
    assert report.exchanges and all(e.asked_by and e.answered_by for e in report.exchanges)


def test_traditional_units_are_reported_as_printed(understood):
    _, report = understood["jinniu-2019-highlights-tw.txt"]
    units = {f.unit for f in report.figures}
    assert "個" in units and "个" not in units


def test_html_page_chrome_is_left_out(understood):
    _source, report = understood["fengkai-2021-press.html"]
    texts = " ".join(f.sentence_text for f in report.figures)
    assert "ICP" not in texts and "浏览次数" not in texts
    assert report.title == "封开县召开2021年平安封开建设新闻发布会"
