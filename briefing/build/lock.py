"""One build at a time per output folder: an exclusive, non-blocking flock on a lock file in the
folder. A second build refuses at once with the pid of the one that holds it. The lock dies with
its process (even on kill -9), so a crashed build never leaves the folder locked."""

from __future__ import annotations

import fcntl
import os
from pathlib import Path
from typing import Self

from briefing.errors import BriefingError

LOCK_NAME = ".briefing.lock"


class OutputLock:
    def __init__(self, folder: Path, shown: str):
        self.folder = folder
        self.shown = shown
        self.fd: int | None = None

    def acquire(self) -> Self:
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise BriefingError(
                self.shown, f"the output folder cannot be created: {exc.strerror or exc}"
            ) from None
        path = self.folder / LOCK_NAME
        while True:
            try:
                fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o644)
            except OSError as exc:
                raise BriefingError(
                    self.shown, f"the output folder is not writable: {exc.strerror or exc}"
                ) from None
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                pid = _read_pid(fd)
                os.close(fd)
                raise BriefingError(
                    self.shown, f"another build is writing this folder (pid {pid}); try again when it ends"
                ) from None
            # the file we locked must still be the one at the path (someone may have removed it)
            try:
                same = os.stat(path).st_ino == os.fstat(fd).st_ino
            except FileNotFoundError:
                same = False
            if same:
                break
            os.close(fd)
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"{os.getpid()}\n".encode(), 0)
        self.fd = fd
        return self

    def release(self) -> None:
        if self.fd is not None:
            try:
                os.ftruncate(self.fd, 0)
            except OSError:
                pass
            os.close(self.fd)  # closing drops the flock
            self.fd = None

    def __enter__(self) -> Self:
        return self.acquire()

    def __exit__(self, *exc) -> None:
        self.release()


def _read_pid(fd: int) -> str:
    import time

    for _ in range(20):  # the holder writes its pid just after locking
        text = os.pread(fd, 32, 0).decode("ascii", "replace").strip()
        if text:
            return text
        time.sleep(0.01)
    return "unknown"
