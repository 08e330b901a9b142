"""--scheduler: the district builds go to a dask.distributed cluster (here a LocalCluster the test
starts); the manifest and the writes stay here, and the files are the ones a local build makes."""

import shutil

import pytest

from briefing.build.run import build
from briefing.config import Config
from briefing.errors import BriefingError
from tests.conftest import EXAMPLES

distributed = pytest.importorskip("distributed")

SOURCES = [
    "jiulongpo-2019-highlights.txt",
    "jiulongpo-2020-review.txt",
    "qianjiang-2020-press.txt",
    "yuzhong-2021-meeting.txt",
]


def _tree(out):
    return {
        p.relative_to(out).as_posix(): p.read_bytes()
        for p in sorted(out.rglob("*"))
        if p.is_file() and not any(part.startswith(".") for part in p.relative_to(out).parts)
    }


def test_a_cluster_build_writes_the_same_files_as_a_local_build(tmp_path):
    for name in SOURCES:
        shutil.copy(EXAMPLES / name, tmp_path / name)
    config = Config(base=tmp_path, sources=tuple(SOURCES))
    local = build(config, out=tmp_path / "local", formats=("md", "html"), jobs=1)
    with distributed.LocalCluster(
        n_workers=1, threads_per_worker=1, processes=False, dashboard_address=None
    ) as cluster:
        remote = build(
            config, out=tmp_path / "cluster", formats=("md", "html"), scheduler=cluster.scheduler_address
        )
        again = build(
            config, out=tmp_path / "cluster", formats=("md", "html"), scheduler=cluster.scheduler_address
        )
    assert local.summary() == remote.summary() == "7 rebuilt, 0 up to date, 0 removed, 0 failed"
    assert again.summary() == "0 rebuilt, 7 up to date, 0 removed, 0 failed"
    assert _tree(tmp_path / "cluster") == _tree(tmp_path / "local")
    assert (tmp_path / "cluster" / ".briefing-manifest.json").is_file()


def test_an_unreachable_scheduler_is_one_line():
    from briefing.build.runners import DaskRunner

    with pytest.raises(BriefingError, match=r"^tcp://127\.0\.0\.1:9: cannot reach the dask scheduler"):
        DaskRunner("tcp://127.0.0.1:9", timeout=1).run(len, ["x"], None).__next__()
