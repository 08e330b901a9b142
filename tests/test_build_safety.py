"""Safety: a killed build leaves whole files and the next one repairs the rest; a second build on
the same folder refuses; every bad input is one line naming it, and the others still build."""

import json
import os
import re
import shutil
import signal
import subprocess
import sys
import time
from html.parser import HTMLParser
from pathlib import Path

import pytest

from briefing.build.lock import LOCK_NAME, OutputLock
from briefing.errors import BriefingError
from tests.conftest import EXAMPLES, ROOT

ENV = {**os.environ, "PYTHONIOENCODING": "utf-8"}


def cli(*args, cwd, **kw):
    return subprocess.run(
        [sys.executable, "-m", "briefing", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        env={**ENV, "PYTHONPATH": str(ROOT)},
        timeout=300,
        check=False,
        **kw,
    )


def start(*args, cwd):
    return subprocess.Popen(
        [sys.executable, "-m", "briefing", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=cwd,
        env={**ENV, "PYTHONPATH": str(ROOT)},
    )


def valid(path: Path) -> bool:
    data = path.read_bytes()
    if path.suffix == ".pdf":
        return data.startswith(b"%PDF-") and data.rstrip().endswith(b"%%EOF")
    text = data.decode("utf-8")
    if path.suffix == ".html":
        HTMLParser().feed(text)
        return text.rstrip().endswith("</html>")
    return text.startswith("# ") and text.endswith("\n")


def outputs(out: Path) -> list[Path]:
    return sorted(
        p
        for p in out.rglob("*")
        if p.is_file() and not any(part.startswith(".") for part in p.relative_to(out).parts)
    )


def _recorded_outputs(out: Path) -> list[str]:
    try:
        return list(json.loads((out / ".briefing-manifest.json").read_text(encoding="utf-8"))["outputs"])
    except (OSError, ValueError, KeyError):
        return []  # not written yet, or being replaced


def test_a_build_killed_mid_way_is_repaired_by_the_next(tmp_path):
    for name in ("qianjiang-2020-press.txt", "yuzhong-2021-meeting.txt"):
        shutil.copy(EXAMPLES / name, tmp_path / name)
    args = ("build", ".", "--out", "out", "--formats", "md,html,pdf", "--jobs", "1")
    killed = start(*args, cwd=tmp_path)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and len(_recorded_outputs(tmp_path / "out")) < 3:
        time.sleep(0.02)
    # the first district is on disk and in the manifest; the second is being made (waiting on the
    # manifest, not on a clock, keeps this true on a loaded machine)
    os.kill(killed.pid, signal.SIGKILL)
    killed.wait(timeout=10)
    killed.stdout.close()
    killed.stderr.close()
    partial = outputs(tmp_path / "out")
    assert 0 < len(partial) < 7 and all(valid(p) for p in partial)  # whole files only

    again = cli(*args, cwd=tmp_path)
    assert again.returncode == 0, again.stderr
    rebuilt, up_to_date = (
        int(n) for n in re.match(r"(\d+) rebuilt, (\d+) up to date", again.stdout).groups()
    )
    assert (
        again.stdout.strip().endswith("0 removed, 0 failed") and rebuilt + up_to_date == 7 and up_to_date >= 3
    )
    made = outputs(tmp_path / "out")
    assert len(made) == 7 and all(valid(p) for p in made)
    assert not list((tmp_path / "out").rglob("*.tmp"))
    assert cli(*args, cwd=tmp_path).stdout.strip() == "0 rebuilt, 7 up to date, 0 removed, 0 failed"


def test_a_second_build_on_the_same_folder_refuses_and_nothing_is_corrupt(tmp_path):
    shutil.copy(EXAMPLES / "yuzhong-2021-meeting.txt", tmp_path / "yuzhong.txt")
    shutil.copy(EXAMPLES / "qianjiang-2020-press.txt", tmp_path / "qianjiang.txt")
    first = start(
        "build", "yuzhong.txt", "--out", "out", "--formats", "md,html,pdf", "--jobs", "1", cwd=tmp_path
    )
    lock = tmp_path / "out" / LOCK_NAME
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline and not (lock.is_file() and lock.read_text().strip()):
        time.sleep(0.02)
    second = cli("build", "qianjiang.txt", "--out", "out", "--formats", "md,html", cwd=tmp_path)
    stdout, stderr = first.communicate(timeout=120)
    assert first.returncode == 0, stderr
    assert second.returncode == 1
    assert second.stderr.strip() == (
        f"error: out: another build is writing this folder (pid {first.pid}); try again when it ends"
    )
    assert stdout.strip() == "4 rebuilt, 0 up to date, 0 removed, 0 failed"
    made = outputs(tmp_path / "out")
    assert [p.name for p in made] == ["index.html", "briefing.en.html", "briefing.en.md", "briefing.en.pdf"]
    assert all(valid(p) for p in made)


def test_the_lock_is_released_when_its_holder_ends(tmp_path):
    refused = rf"^out: another build is writing this folder \(pid {os.getpid()}\)"
    with OutputLock(tmp_path / "out", "out"), pytest.raises(BriefingError, match=refused):
        OutputLock(tmp_path / "out", "out").acquire()
    with OutputLock(tmp_path / "out", "out"):
        pass


GOOD = {
    "a b.txt": "yuzhong-2021-meeting.txt",
    "九龙坡 报告.txt": "jiulongpo-2020-review.txt",
    "-dash.txt": "qianjiang-2020-press.txt",
    "new\nline.txt": "fengjie-2020-summary.txt",
}


@pytest.fixture
def bad_site(tmp_path):
    src = tmp_path / "src"
    src.mkdir()
    for name, example in GOOD.items():
        shutil.copy(EXAMPLES / example, src / name)
    (src / "empty.txt").write_bytes(b"")
    (src / "binary.txt").write_bytes(b"PK\x03\x04" + bytes(range(1, 32)) * 20)
    (src / "undecodable.txt").write_bytes(b"\x80\x81\xfe" * 67)
    (src / "english.txt").write_text(
        "Annual report of the county court.\nCases closed: 1,250.\n", encoding="utf-8"
    )
    with open(src / "huge.txt", "wb") as fh:
        fh.truncate(50 * 1024 * 1024 + 1)
    (src / "unreadable.txt").write_bytes((EXAMPLES / "yuzhong-2021-meeting.txt").read_bytes())
    os.chmod(src / "unreadable.txt", 0)
    (tmp_path / "elsewhere").mkdir()
    os.symlink(tmp_path / "elsewhere", src / "linked.txt")
    return tmp_path


def _without_root_read_override():
    """Root reads a chmod 000 file anyway: drop the two capabilities that let it (for the build's
    process and what it runs), so that the file is as unreadable to the build as to a user."""
    import ctypes

    libc = ctypes.CDLL(None, use_errno=True)
    for capability in (1, 2):  # CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH
        if libc.prctl(24, capability, 0, 0, 0) != 0:  # PR_CAPBSET_DROP
            raise OSError(ctypes.get_errno(), "prctl(PR_CAPBSET_DROP)")


def test_each_bad_input_is_one_line_and_the_others_build(bad_site):
    kw = {"preexec_fn": _without_root_read_override} if os.geteuid() == 0 else {}
    result = cli("build", "src", "--out", "out", "--formats", "md,html", "--jobs", "2", cwd=bad_site, **kw)
    assert result.returncode == 1
    errors = [line for line in result.stderr.splitlines() if line.startswith("error: ")]
    assert sorted(errors) == [
        "error: src/binary.txt: looks like a binary file, not a text or HTML report",
        "error: src/empty.txt: is empty",
        "error: src/english.txt: contains no Chinese text; briefing reads Chinese reports",
        "error: src/huge.txt: is 50 MB; reports larger than 50 MB are refused",
        "error: src/linked.txt: is a folder, not a report file",
        "error: src/undecodable.txt: could not be decoded as UTF-8, GB18030, Big5 or UTF-16",
        "error: src/unreadable.txt: cannot be read: permission denied",
    ]
    assert result.stdout == "9 rebuilt, 0 up to date, 0 removed, 7 failed\n"
    out = bad_site / "out"
    for slug in ("yuzhong-district", "jiulongpo-district", "qianjiang-district", "fengjie-county"):
        assert valid(out / slug / "briefing.en.md") and valid(out / slug / "briefing.en.html")
    appendix = (out / "fengjie-county" / "briefing.en.md").read_text(encoding="utf-8")
    assert "src/new" in appendix and "line.txt" in appendix


def test_a_source_that_turns_bad_leaves_its_district_as_it_was(tmp_path):
    for name in ("jiulongpo-2019-highlights.txt", "jiulongpo-2020-review.txt", "yuzhong-2021-meeting.txt"):
        shutil.copy(EXAMPLES / name, tmp_path / name)
    args = ("build", ".", "--out", "out", "--formats", "md,html", "--jobs", "1")
    assert cli(*args, cwd=tmp_path).returncode == 0
    before = (tmp_path / "out" / "jiulongpo-district" / "briefing.en.md").read_bytes()
    (tmp_path / "jiulongpo-2019-highlights.txt").write_bytes(b"")
    (tmp_path / "yuzhong-2021-meeting.txt").write_text(
        (EXAMPLES / "yuzhong-2021-meeting.txt").read_text(encoding="utf-8") + "\n全年新增调解员12名。\n",
        encoding="utf-8",
    )
    result = cli(*args, cwd=tmp_path)
    assert result.returncode == 1
    assert [line for line in result.stderr.splitlines() if line.startswith("error")] == [
        "error: jiulongpo-2019-highlights.txt: is empty"
    ]
    assert result.stdout.strip() == "3 rebuilt, 0 up to date, 0 removed, 1 failed"  # yuzhong and the index
    assert (tmp_path / "out" / "jiulongpo-district" / "briefing.en.md").read_bytes() == before


def test_a_wrong_jobs_value_names_the_option(tmp_path):
    shutil.copy(EXAMPLES / "yuzhong-2021-meeting.txt", tmp_path / "yuzhong.txt")
    result = cli("build", "yuzhong.txt", "--jobs", "0", cwd=tmp_path)
    assert result.returncode == 1
    assert result.stderr.strip() == "error: --jobs: expected a whole number of at least 1, got 0"
