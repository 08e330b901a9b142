"""`briefing watch`: a build at the start, another after each burst of changes to the sources or
the configuration, the summary line after each; Ctrl-C ends it cleanly."""

import os
import queue
import shutil
import signal
import subprocess
import sys
import threading
import time

from briefing.build.watch import Session, Settings, watch
from tests.conftest import EXAMPLES, ROOT

EXTRA = "\n2021年，渝中区新增专职人民调解员120名，同比增长15.4%。\n"


def lines_of(stream):
    q = queue.Queue()
    threading.Thread(target=lambda: [q.put(line.rstrip("\n")) for line in stream], daemon=True).start()
    return q


def next_line(q, timeout=30):
    return q.get(timeout=timeout)


def test_watch_rebuilds_a_changed_source_and_stops_on_ctrl_c(tmp_path):
    src = tmp_path / "src"
    src.mkdir()
    shutil.copy(EXAMPLES / "yuzhong-2021-meeting.txt", src / "yuzhong.txt")
    shutil.copy(EXAMPLES / "qianjiang-2020-press.txt", src / "qianjiang.txt")
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "briefing",
            "watch",
            "src",
            "--out",
            "out",
            "--formats",
            "md,html",
            "--jobs",
            "1",
        ],
        cwd=tmp_path,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT), "PYTHONIOENCODING": "utf-8"},
    )
    try:
        out = lines_of(proc.stdout)
        assert next_line(out) == "5 rebuilt, 0 up to date, 0 removed, 0 failed"
        with open(src / "yuzhong.txt", "a", encoding="utf-8") as fh:
            fh.write(EXTRA)
        assert next_line(out) == "3 rebuilt, 2 up to date, 0 removed, 0 failed"
        assert "120" in (tmp_path / "out" / "yuzhong-district" / "briefing.en.md").read_text(encoding="utf-8")
        (src / "qianjiang.txt").unlink()
        assert next_line(out) == "1 rebuilt, 2 up to date, 2 removed, 0 failed"
        proc.send_signal(signal.SIGINT)
        assert proc.wait(timeout=15) == 0
        assert "Traceback" not in proc.stderr.read()
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()


def test_watch_rebuilds_when_the_configuration_changes(tmp_path):
    shutil.copy(EXAMPLES / "yuzhong-2021-meeting.txt", tmp_path / "yuzhong.txt")
    (tmp_path / "briefing.toml").write_text(
        'sources = ["yuzhong.txt"]\nformats = ["md"]\njobs = 1\n', encoding="utf-8"
    )
    said, stop = queue.Queue(), threading.Event()
    session = Session(Settings(cwd=tmp_path), echo=said.put, err=said.put)
    thread = threading.Thread(target=watch, args=(session, stop), daemon=True)
    thread.start()
    try:
        assert said.get(timeout=30) == "2 rebuilt, 0 up to date, 0 removed, 0 failed"
        time.sleep(0.2)
        (tmp_path / "briefing.toml").write_text(
            'sources = ["yuzhong.txt"]\nformats = ["md", "html"]\njobs = 1\n', encoding="utf-8"
        )
        assert said.get(timeout=30) == "2 rebuilt, 1 up to date, 0 removed, 0 failed"
        assert (tmp_path / "out" / "yuzhong-district" / "briefing.en.html").is_file()
        (tmp_path / "briefing.toml").write_text(
            'sources = ["yuzhong.txt"]\nformats = "docx"\n', encoding="utf-8"
        )
        assert said.get(timeout=30).startswith(
            f"error: {tmp_path / 'briefing.toml'}: key 'formats': expected"
        )
    finally:
        stop.set()
        thread.join(timeout=10)
        session.close()
    assert not thread.is_alive()


def test_watch_and_serve_have_help_with_an_example():
    for command in ("watch", "serve"):
        result = subprocess.run(
            [sys.executable, "-m", "briefing", command, "--help"],
            capture_output=True,
            text=True,
            cwd=ROOT,
            env={**os.environ, "PYTHONPATH": str(ROOT)},
            check=False,
        )
        assert result.returncode == 0 and f"Example: briefing {command}" in result.stdout
