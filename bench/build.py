"""Benchmark: full, no-op and one-change builds over generated sources.

    python bench/build.py              # 200 sources (md,html and md,html,pdf; --jobs 1 and 2), then 1,000 (md,html)
    python bench/build.py --no-pdf     # skip the PDF builds (a minute instead of several)

Sources are generated (seeded, so every run builds the same reports): year-end highlight reviews
and press conferences about districts drawn from briefing/understand/data/divisions.tsv, composed
from sentence templates written for this benchmark with random figures. Every build runs as the
command line does (`python -m briefing build`, a fresh process: imports and data loading included);
no-op and one-change builds are also timed inside one process (`build()`), where the imports are
already done.
"""

from __future__ import annotations

import argparse
import csv
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from briefing.build.run import build
from briefing.config import Config

AGENCIES = ["区委政法委", "区法院", "区检察院", "区公安分局", "区司法局"]
NUMERALS = "一二三四五六七八九十"
HIGHLIGHT_HEADINGS = [
    "平安建设持续深化",
    "扫黑除恶纵深推进",
    "矛盾纠纷多元化解",
    "执法司法更加规范",
    "基层治理提质增效",
    "法治宣传深入人心",
    "政法队伍建设加强",
]
SENTENCES = [
    "全年{d}共受理各类案件{a}件，同比{up}{p}%。",
    "{d}法院审执结案件{a}件，结案率{r}%。",
    "全{kind}刑事警情同比下降{p}%，群众安全感达{r}%。",
    "各级调解组织共化解矛盾纠纷{a}余件，调解成功率{r}%。",
    "{d}检察院批准逮捕犯罪嫌疑人{s}人，提起公诉{s2}人。",
    "全{kind}建成综治中心{s}个，划分网格{a}个，配备专兼职网格员{s2}名。",
    "开展法治宣传活动{s}场次，发放宣传资料{a}份，覆盖群众{w}万人次。",
    "电信网络诈骗案件破案数同比上升{p}%，为群众挽回经济损失{m}万元。",
    "全年新增人民调解员{s}名，培训基层干部{s2}人次。",
    "信访总量同比下降{p}%，重复信访率控制在{q}%以内。",
]
QUESTIONS = [
    "{kind}里在推进市域社会治理方面有哪些新举措？",
    "疫情防控期间，{agency}如何保障工作不停摆？",
    "群众最关心的矛盾纠纷化解，今年有什么新变化？",
]
INITIATIVES = ["“枫桥经验”", "“雪亮工程”", "“平安细胞”创建活动", "“一站式”矛盾纠纷调处中心", "“智慧政法”平台"]


def divisions(rng: random.Random, count: int) -> list[dict]:
    with open(ROOT / "briefing" / "understand" / "data" / "divisions.tsv", encoding="utf-8") as fh:
        # current divisions only: a report of 2018 about one abolished in 2013 rightly names no district
        rows = [
            r
            for r in csv.DictReader(fh, delimiter="\t")
            if r["name"].endswith(("区", "县")) and not r["until"]
        ]
    names = {}
    for r in rows:
        names.setdefault(r["name"], []).append(r)
    unique = [rs[0] for rs in names.values() if len(rs) == 1]  # a name shared by two divisions needs a city
    return rng.sample(unique, count)


def figures(rng: random.Random, district: str, kind: str) -> dict:
    return {
        "d": district,
        "kind": kind,
        "a": rng.randrange(300, 30000),
        "p": round(rng.uniform(1, 40), 1),
        "r": round(rng.uniform(80, 99.9), 1),
        "s": rng.randrange(5, 400),
        "s2": rng.randrange(5, 900),
        "w": round(rng.uniform(1, 60), 1),
        "m": rng.randrange(100, 9000),
        "q": round(rng.uniform(0.5, 9), 1),
        "up": rng.choice(["增长", "下降"]),
        "agency": rng.choice(AGENCIES),
    }


def highlights(rng: random.Random, d: dict, year: int) -> str:
    name, kind = d["name"], d["name"][-1]
    lines = [
        f"{name}{year}年政法工作亮点回眸",
        "",
        f"发布时间：{year + 1}-01-{rng.randrange(5, 28):02d}　来源：{name}委政法委",
        "",
        f"{year}年，{name}政法系统坚持以人民为中心，统筹发展和安全，各项工作取得新成效。",
        "",
    ]
    for n, heading in enumerate(rng.sample(HIGHLIGHT_HEADINGS, 4)):
        lines += [f"{NUMERALS[n]}、{heading}", ""]
        body = [t.format(**figures(rng, name, kind)) for t in rng.sample(SENTENCES, 3)]
        body.append(f"深入推进{rng.choice(INITIATIVES)}，形成了一批可复制可推广的经验。")
        lines += ["".join(body), ""]
    return "\n".join(lines)


def press(rng: random.Random, d: dict, year: int) -> str:
    name, kind = d["name"], d["name"][-1]
    month = rng.randrange(1, 12)
    lines = [
        f"{name}举行{year}年平安建设新闻发布会",
        "",
        f"日期：{year}-{month:02d}-{rng.randrange(1, 28):02d}",
        "",
        (
            f"{month}月{rng.randrange(1, 28)}日上午，{name}举行{year}年平安建设新闻发布会，"
            f"{'、'.join(rng.sample(AGENCIES, 3))}负责同志介绍有关情况并回答记者提问。"
        ),
        "",
    ]
    for agency in rng.sample(AGENCIES, 3):
        f = figures(rng, name, kind)
        lines += [
            agency,
            "",
            "".join(t.format(**f) for t in rng.sample(SENTENCES, 2)),
            "",
            f"“{rng.choice(QUESTIONS).format(**f)}”{name}融媒体中心记者提问。",
            "",
            f"“我们将继续深化{rng.choice(INITIATIVES)}，力争全年化解率保持在{f['r']}%以上。”{agency}负责人说。",
            "",
        ]
    return "\n".join(lines)


def generate(folder: Path, sources: int, districts: int, seed: int = 7) -> None:
    rng = random.Random(seed)
    chosen = divisions(rng, districts)
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(sources):
        d = chosen[i % len(chosen)]
        year = 2018 + rng.randrange(5)
        kind, text = ("highlights", highlights(rng, d, year)) if i % 2 else ("press", press(rng, d, year))
        (folder / f"{d['code']}-{i:04d}-{kind}.txt").write_text(text, encoding="utf-8")


def cli(site: Path, *args: str) -> tuple[float, str]:
    start = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "briefing", "build", "reports", "--out", "out", *args],
        cwd=site,
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        check=False,
    )
    seconds = time.perf_counter() - start
    if done.returncode != 0:
        raise SystemExit(f"build failed:\n{done.stderr[-3000:]}")
    return seconds, done.stdout.strip()


def inprocess(site: Path, formats: tuple[str, ...], jobs: int) -> tuple[float, str]:
    """The same build as cli()'s (same source names, so the same manifest), inside this process."""
    here = Path.cwd()
    os.chdir(site)
    try:
        start = time.perf_counter()
        result = build(Config(base=site), out=Path("out"), sources=("reports",), formats=formats, jobs=jobs)
        return time.perf_counter() - start, result.summary()
    finally:
        os.chdir(here)


def change_one(site: Path) -> None:
    first = min((site / "reports").iterdir())
    with open(first, "a", encoding="utf-8") as fh:
        fh.write(f"\n全年新增法律援助案件{random.randrange(100, 999)}件。\n")


def run_case(rows: list, label: str, sources: int, districts: int, formats: str, jobs: int) -> None:
    site = Path(tempfile.mkdtemp(prefix="briefing-bench-"))
    try:
        generate(site / "reports", sources, districts)
        fmts = tuple(formats.split(","))
        full, summary = cli(site, "--formats", formats, "--jobs", str(jobs))
        noop, noop_summary = cli(site, "--formats", formats, "--jobs", str(jobs))
        noop_in, noop_in_summary = inprocess(site, fmts, jobs)
        change_one(site)
        one, one_summary = cli(site, "--formats", formats, "--jobs", str(jobs))
        change_one(site)
        one_in, one_in_summary = inprocess(site, fmts, jobs)
        rows.append((label, sources, districts, formats, jobs, full, noop, noop_in, one, one_in))
        print(
            f"  {sources} sources, {formats}, --jobs {jobs}: full: {summary} | no-op: {noop_summary} "
            f"(in process: {noop_in_summary}) | one change: {one_summary} (in process: {one_in_summary})",
            flush=True,
        )
    finally:
        shutil.rmtree(site, ignore_errors=True)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--no-pdf", action="store_true", help="skip the builds with PDF")
    parser.add_argument(
        "--districts", type=int, default=40, help="districts among the 200 sources (default 40)"
    )
    args = parser.parse_args()
    rows: list = []
    cases = [("200", 200, args.districts, "md,html", 1), ("200", 200, args.districts, "md,html", 2)]
    if not args.no_pdf:
        cases += [
            ("200", 200, args.districts, "md,html,pdf", 1),
            ("200", 200, args.districts, "md,html,pdf", 2),
        ]
    cases += [("1000", 1000, 200, "md,html", 2)]
    print(f"{os.cpu_count()} cores; each build is `python -m briefing build` in a new process", flush=True)
    for case in cases:
        run_case(rows, *case)
    print()
    print(
        "| sources | districts | formats | jobs | full build | no-op (CLI) | no-op (in process) | no-op / full "
        "| one change (CLI) | one change (in process) |"
    )
    print("| ---: | ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    for label, sources, districts, formats, jobs, full, noop, noop_in, one, one_in in rows:
        print(
            f"| {sources} | {districts} | {formats} | {jobs} | {full:.1f} s | {noop:.2f} s | {noop_in:.3f} s "
            f"| {100 * noop_in / full:.2f}% | {one:.2f} s | {one_in:.2f} s |"
        )


if __name__ == "__main__":
    main()
