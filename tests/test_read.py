"""Reading: encodings detected without being told, bad input refused in one line naming the file."""

import codecs
from decimal import Decimal

import pytest

from briefing.errors import BriefingError
from briefing.read import read_bytes, read_source

REPORT = "九龙坡区政法委召开工作会议。全区受理案件1,250件，同比下降5.2%。\n区法院审结案件980件。\n"


@pytest.mark.parametrize(
    "encoding", ["utf-8", "utf-8-sig", "gb18030", "gbk", "utf-16", "utf-16-le", "utf-16-be"]
)
def test_simplified_report_decodes_in_every_common_encoding(encoding):
    data = REPORT.encode(encoding)
    if encoding == "utf-16-le":
        data = codecs.BOM_UTF16_LE + data
    source = read_bytes(data, "report.txt")
    assert source.text.lstrip("\ufeff") == REPORT


def test_traditional_report_decodes_from_big5():
    text = "金牛區法院審結案件九百八十件，同比下降百分之五。\n區檢察院辦理案件一百二十件。\n" * 3
    source = read_bytes(text.encode("big5"), "tw.txt")
    assert source.text == text


def test_blocks_keep_exact_offsets_into_the_decoded_text():
    source = read_bytes(("  标题行\n\n\u3000\u3000正文第一段。\n第二段。\n").encode("utf-8"), "r.txt")
    assert [b.text for b in source.blocks] == ["标题行", "正文第一段。", "第二段。"]
    for block in source.blocks:
        assert source.text[block.start : block.end] == block.text


def test_empty_file_is_refused_naming_it(tmp_path):
    path = tmp_path / "empty.txt"
    path.write_bytes(b"  \n")
    with pytest.raises(BriefingError, match=r"empty\.txt: is empty"):
        read_source(path)


def test_missing_file_is_refused_naming_it(tmp_path):
    with pytest.raises(BriefingError, match=r"nope\.txt: no such file"):
        read_source(tmp_path / "nope.txt")


def test_binary_file_is_refused(tmp_path):
    path = tmp_path / "photo.txt"
    path.write_bytes(bytes(range(256)) * 20)
    with pytest.raises(BriefingError, match=r"photo\.txt: (looks like a binary file|could not be decoded)"):
        read_source(path)


def test_text_without_chinese_is_refused(tmp_path):
    path = tmp_path / "english.txt"
    path.write_text("Annual report of the district court.\n", encoding="utf-8")
    with pytest.raises(BriefingError, match=r"english\.txt: contains no Chinese text"):
        read_source(path)


def test_html_blocks_map_entities_and_tags_back_to_the_markup():
    page = (
        "<html><head><title>测试</title><script>var a='九龙坡';</script></head><body>"
        "<div class='nav'>首页 | 新闻</div><div class='article'><h1>区法院工作&nbsp;报告</h1>"
        "<p>全年受理案件<b>19167</b>件，审结16045件。</p></div></body></html>"
    )
    source = read_bytes(page.encode("utf-8"), "page.html")
    texts = [b.text for b in source.blocks]
    assert "全年受理案件19167件，审结16045件。" in texts
    assert not any("var a" in t for t in texts)
    block = next(b for b in source.blocks if b.text.startswith("全年"))
    start, end = block.span(6, 11)
    assert source.text[start:end] == "19167"
    nav = next(b for b in source.blocks if b.text.startswith("首页"))
    assert nav.hint == "chrome"


def test_gbk_html_page_uses_its_declared_charset():
    page = '<html><head><meta charset="gbk"><title>封开县</title></head><body><p>封开县公安局破获案件120起。</p></body></html>'
    source = read_bytes(page.encode("gbk"), "page.html")
    assert source.encoding in ("gb18030", "gbk")
    assert any(b.text == "封开县公安局破获案件120起。" for b in source.blocks)


def test_offsets_index_the_text_as_python_reads_the_file(tmp_path):
    """Windows line breaks and a UTF-8 BOM: spans index what open(path, encoding="utf-8") reads."""
    path = tmp_path / "crlf.txt"
    path.write_bytes(b"\xef\xbb\xbf" + "标题\r\n\r\n受理案件1250件。\r\n".encode())
    source = read_source(path)
    assert source.text == path.read_text(encoding="utf-8") == "\ufeff标题\n\n受理案件1250件。\n"
    assert [(b.text, b.start) for b in source.blocks] == [("标题", 1), ("受理案件1250件。", 5)]


def test_a_page_saved_under_a_text_name_is_read_as_html(tmp_path):
    path = tmp_path / "page.txt"
    path.write_text(
        "<!DOCTYPE html><html><head><title>某区新闻</title></head><body><p>受理案件1250件。</p></body></html>"
    )
    source = read_source(path)
    assert source.media == "html" and [b.text for b in source.blocks][-1] == "受理案件1250件。"


def test_trafilatura_finds_the_article_of_a_page():
    """Its dependencies are installed (lxml.html.clean ships apart from lxml): the main text of a
    page is told from its furniture."""
    import trafilatura

    page = (
        "<html><body><nav><a href='/'>首页</a> <a href='/a'>政务公开</a></nav><article><h1>某县召开会议</h1>"
        + "<p>全县受理案件1250件，同比下降5.2%，审结案件1180件，结案率94.4%。</p>" * 3
        + "</article><footer>版权所有 某县人民政府</footer></body></html>"
    )
    main = trafilatura.extract(page, include_comments=False, include_tables=True, include_links=False)
    assert main and "受理案件1250件" in main and "版权所有" not in main


WRAPPED = """某市人民政府工作报告
一、2023年工作回顾
全年地区生产总值完成312.4亿元，增长8.5%，增速位居全市前列；一般公
共预算收入完成20.36亿元，增长6.2%；规模以上工业增加值增长9.1%；固
定资产投资增长10.3%，其中工业投资增长15.2%，民间投资增长7.8%，新
增规模以上工业企业46家，总数达到318家。
— 3 —
城乡居民人均可支配收入分别达到42680元和17560元，分别增长5.1%和7.6
%，城乡收入差距进一步缩小，全年新增城镇就业5230人，帮助就业困难人员
实现就业680人，城镇调查失业率控制在5.5%以内，民生保障持续加强提升。
二、2024年工作安排
"""


def test_the_lines_of_a_hard_wrapped_paragraph_are_one_block_whose_characters_keep_their_places():
    source = read_bytes(WRAPPED.encode("utf-8"), "report.txt")
    texts = [b.text for b in source.blocks]
    assert texts[0] == "某市人民政府工作报告" and texts[1] == "一、2023年工作回顾"  # headings stay alone
    assert texts[2].startswith("全年地区生产总值") and texts[2].endswith("总数达到318家。")
    assert "一般公共预算收入" in texts[2]  # the break inside 公共 is gone
    assert texts[3] == "— 3 —" and texts[-1] == "二、2024年工作安排"
    block = source.blocks[2]
    at = block.text.index("一般公共")
    start, end = block.span(at, at + 6)
    assert source.text[start:end] == "一般公\n共预算"  # a quote across the break is the source as printed


def test_a_figure_split_by_the_wrap_is_read_whole_and_quoted_with_the_break(gazetteer):
    from briefing.understand import understand

    report = understand(read_bytes(WRAPPED.encode("utf-8"), "report.txt"), gazetteer)
    split = next(f for f in report.figures if f.value == Decimal("7.6"))
    assert (split.text, split.unit, split.change) == ("7.6\n%", "%", "increase")


def test_lines_that_are_not_wrapped_stay_one_block_each():
    text = "某县召开会议\n会议指出，今年以来全县经济运行稳中有进。\n会议要求，各部门要抓好落实\n"
    assert [b.text for b in read_bytes(text.encode("utf-8"), "a.txt").blocks] == text.splitlines()
