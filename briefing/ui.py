"""The briefing's own words (headings, column names), per language. Chinese variants are
written once in Simplified and converted with OpenCC: s2t (zh-Hant), s2twp (zh-TW, with Taiwan
phrasing), s2hk (zh-HK)."""

from __future__ import annotations

from functools import lru_cache

EN = {
    "at_a_glance": "At a glance",
    "highlights": "Highlights",
    "metrics": "Metrics",
    "initiatives": "Initiatives",
    "sources": "Sources",
    "indicator": "Indicator",
    "value": "Value",
    "change": "Change",
    "source": "Source",
    "section": "Section",
    "initiative": "Initiative",
    "chinese": "Chinese",
    "where": "Where",
    "figures": "Figures",
    "outlet_unknown": "outlet not stated",
    "date_unknown": "date not stated",
    "code": "administrative code",
    "period": "period covered",
    "initiatives_named": "Initiatives named",
    "chart": "Changes reported (percent, as stated in the sources)",
    "briefing": "briefing",
    "colophon": "Made by briefing {version} from the sources listed above. Every figure links "
    "to the sentence it was taken from; Chinese text is quoted as printed.",
    "report": "Report",
    "index_title": "District briefings",
    "page": "Page",
    "of": "of",
    "overview": "Overview",
}
ZH_HANS = {
    "at_a_glance": "要点速览",
    "highlights": "工作亮点",
    "metrics": "数据一览",
    "initiatives": "重点举措",
    "sources": "原文",
    "indicator": "指标",
    "value": "数值",
    "change": "变化",
    "source": "出处",
    "section": "部分",
    "initiative": "举措",
    "chinese": "中文",
    "where": "所在部分",
    "figures": "相关数据",
    "outlet_unknown": "来源不详",
    "date_unknown": "日期不详",
    "code": "行政区划代码",
    "period": "报告期",
    "initiatives_named": "提及的举措",
    "chart": "报告中的增减幅度（%）",
    "briefing": "简报",
    "colophon": "本简报由 briefing {version} 根据上列原文生成。每项数据均链接至其出处原句；引文照录原文。",
    "report": "报告",
    "index_title": "各区县简报",
    "page": "第",
    "of": "页，共",
    "overview": "概述",
}
OPENCC = {"zh-Hans": "t2s", "zh-Hant": "s2t", "zh-TW": "s2twp", "zh-HK": "s2hk"}
HTML_LANG = {
    "en": "en",
    "zh-Hans": "zh-Hans",
    "zh-Hant": "zh-Hant",
    "zh-TW": "zh-Hant-TW",
    "zh-HK": "zh-Hant-HK",
}
FONT_FACE = {"en": "SC", "zh-Hans": "SC", "zh-Hant": "TC", "zh-TW": "TC", "zh-HK": "HK"}


@lru_cache(maxsize=8)
def converter(lang: str):
    from opencc import OpenCC

    return OpenCC(OPENCC[lang])


def to_script(text: str, lang: str) -> str:
    """Chinese text in the script of a briefing language (English text passes through)."""
    if lang == "en":
        return text
    return converter(lang).convert(text)


def strings(lang: str) -> dict[str, str]:
    if lang == "en":
        return dict(EN)
    return {k: to_script(v, lang) for k, v in ZH_HANS.items()}
