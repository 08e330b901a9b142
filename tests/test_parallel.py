"""A long source's figures can be read in parts by a pool of processes, side by side; the report
is the same as when one process reads it all, wherever the cuts fall."""

from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor
from pathlib import Path

from briefing.read import read_bytes
from briefing.understand import analyse, understand
from tests.test_tables import PAGE

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"

TABLE_PAGE = PAGE  # a statistics page with a table of cells (tests/test_tables.py)


def _long_source():
    """The example reports' lines, repeated to about 150,000 characters, each copy tagged so it
    is not left out as a repeat."""
    lines = [
        line
        for path in sorted(EXAMPLES.glob("*.txt"))
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]
    text = "\n".join(
        f"{line}（第{'甲乙丙丁戊己庚辛壬癸'[k % 10]}{'子丑寅卯'[k // 10]}份）"
        for k in range(40)
        for line in lines
    )
    return read_bytes(text.encode("utf-8"), "long.txt")


def test_a_long_source_read_in_parts_by_a_process_pool_gives_the_same_report(gazetteer):
    source = _long_source()
    assert len(source.text) > analyse.PARALLEL_FROM_CHARS
    alone = understand(source, gazetteer)
    with ProcessPoolExecutor(1) as pool:
        assert understand(source, gazetteer, pool, 2) == alone
    assert len(alone.figures) > 1000


def test_a_table_cut_between_its_header_and_its_rows_is_read_as_one_table(gazetteer, monkeypatch):
    monkeypatch.setattr(analyse, "PARALLEL_FROM_CHARS", 0)  # cut even this short page in two
    source = read_bytes(TABLE_PAGE.encode("utf-8"), "table.txt")
    with ThreadPoolExecutor(1) as pool:
        in_parts = understand(source, gazetteer, pool, 2)
    assert in_parts == understand(source, gazetteer)
    assert [(f.text, f.unit, f.label) for f in in_parts.figures][:2] == [
        ("68.75", "元", "地区生产总值"),
        ("4.1", "%", "地区生产总值"),
    ]


def test_small_sources_are_read_in_one_part(gazetteer):
    source = read_bytes(TABLE_PAGE.encode("utf-8"), "table.txt")

    class Refuses:
        def submit(self, *args):
            raise AssertionError("a short source was sent to another worker")

    assert understand(source, gazetteer, Refuses(), 2) == understand(source, gazetteer)
