"""No input makes the pipeline crash: random text, random HTML and random bytes either give a
report or one BriefingError naming the file."""

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from briefing.errors import BriefingError
from briefing.read import read_bytes
from briefing.understand import understand

CHINESE = st.text(
    alphabet=st.sampled_from(
        list(
            "一二两三十百千万亿余近超约分别下降增长同比个件人%％。，、；：“”《》亮点区县法院123456789０.-\n "
        )
    ),
    min_size=0,
    max_size=300,
)


def _pipeline(data: bytes, name: str, gazetteer):
    try:
        source = read_bytes(data, name)
    except BriefingError as exc:
        assert name in str(exc)
        return
    report = understand(source, gazetteer)
    for f in report.figures:
        assert source.text[f.span[0] : f.span[1]] == f.text


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=CHINESE)
def test_random_chinese_text_never_crashes(text, gazetteer):
    _pipeline(("九龙坡区" + text).encode("utf-8"), "random.txt", gazetteer)


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    body=CHINESE,
    tags=st.lists(
        st.sampled_from(
            [
                "<p>",
                "</p>",
                "<div class='nav'>",
                "</div>",
                "&nbsp;",
                "&#x4e00;",
                "<script>",
                "</script>",
                "<br>",
                "&amp",
                "<h1>",
                "</h1>",
                "<!--",
                "-->",
            ]
        ),
        max_size=12,
    ),
)
def test_random_html_never_crashes(body, tags, gazetteer):
    page = "<html><body>" + "".join(t + body[i::5] for i, t in enumerate(tags)) + body + "</body></html>"
    _pipeline(page.encode("utf-8"), "random.html", gazetteer)


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.binary(max_size=400))
def test_random_bytes_never_crash(data, gazetteer):
    _pipeline(data, "random.bin", gazetteer)
