"""`briefing serve`: the output folder on 127.0.0.1 once the first build is done, rebuilt on change,
hidden files (the manifest, the lock) never served."""

import os
import queue
import re
import shutil
import signal
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request

import pytest

from tests.conftest import EXAMPLES, ROOT

EXTRA = "\n2021年，渝中区新增专职人民调解员120名，同比增长15.4%。\n"


def get(url):
    with urllib.request.urlopen(url, timeout=5) as response:
        return response.status, response.read().decode("utf-8")


def test_serve_serves_the_site_and_rebuilds_on_change(tmp_path):
    src = tmp_path / "src"
    src.mkdir()
    shutil.copy(EXAMPLES / "yuzhong-2021-meeting.txt", src / "yuzhong.txt")
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "briefing",
            "serve",
            "src",
            "--out",
            "out",
            "--formats",
            "md,html",
            "--jobs",
            "1",
            "--port",
            "0",
        ],
        cwd=tmp_path,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT), "PYTHONIOENCODING": "utf-8"},
    )
    lines = queue.Queue()
    threading.Thread(
        target=lambda: [lines.put(line.rstrip("\n")) for line in proc.stdout], daemon=True
    ).start()
    try:
        assert lines.get(timeout=30) == "3 rebuilt, 0 up to date, 0 removed, 0 failed"
        serving = lines.get(timeout=10)
        url = re.fullmatch(r"serving .+ at (http://127\.0\.0\.1:\d+/) \(Ctrl-C to stop\)", serving).group(1)
        status, index = get(url)
        assert status == 200 and 'href="yuzhong-district/briefing.en.html"' in index
        status, page = get(url + "yuzhong-district/briefing.en.html")
        assert status == 200 and "Yuzhong District" in page and "120" not in page
        for hidden in (".briefing-manifest.json", ".briefing.lock", ".briefing-cache/yuzhong-district.json"):
            with pytest.raises(urllib.error.HTTPError) as refused:
                get(url + hidden)
            assert refused.value.code == 404
        with open(src / "yuzhong.txt", "a", encoding="utf-8") as fh:
            fh.write(EXTRA)
        assert lines.get(timeout=30) == "3 rebuilt, 0 up to date, 0 removed, 0 failed"
        deadline = time.monotonic() + 5
        while "120" not in get(url + "yuzhong-district/briefing.en.md")[1] and time.monotonic() < deadline:
            time.sleep(0.1)
        assert "120" in get(url + "yuzhong-district/briefing.en.md")[1]
        proc.send_signal(signal.SIGINT)
        assert proc.wait(timeout=15) == 0
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
