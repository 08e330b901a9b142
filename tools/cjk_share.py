"""How much Chinese an English HTML briefing shows outside elements marked lang="zh…".

    python tools/cjk_share.py out/*/briefing.en.html

Prints, per file, the CJK characters in text outside any element whose lang starts with "zh",
as a share of all non-space characters there (issue: at most 2%; screen readers need the
Chinese marked with its language).
"""

from __future__ import annotations

import re
import sys
from html.parser import HTMLParser

CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
VOID = {"br", "hr", "img", "meta", "link", "input", "col", "area", "base", "wbr", "source"}


class _Text(HTMLParser):
    def __init__(self):
        super().__init__()
        self.stack: list[bool] = []  # per open element: inside a zh-marked element?
        self.outside, self.skip = [], 0

    def handle_starttag(self, tag, attrs):
        if tag in VOID:
            return
        lang = dict(attrs).get("lang") or ""
        self.stack.append((self.stack[-1] if self.stack else False) or lang.startswith("zh"))
        self.skip += tag in ("style", "script", "title")

    def handle_endtag(self, tag):
        if tag in VOID:
            return
        if self.stack:
            self.stack.pop()
        self.skip -= tag in ("style", "script", "title")

    def handle_data(self, data):
        if not self.skip and not (self.stack and self.stack[-1]):
            self.outside.append(data)


def share(html: str) -> tuple[int, int]:
    """(CJK characters, all non-space characters) in text outside zh-marked elements."""
    parser = _Text()
    parser.feed(html)
    text = re.sub(r"\s+", "", "".join(parser.outside))
    return len(CJK.findall(text)), len(text)


def main(paths: list[str]) -> None:
    for path in paths:
        with open(path, encoding="utf-8") as fh:
            cjk, total = share(fh.read())
        print(f"{path}: {cjk} of {total} characters outside lang=zh are CJK ({100 * cjk / max(total, 1):.2f}%)")


if __name__ == "__main__":
    main(sys.argv[1:])
