"""Atomic writes: a temporary file in the same folder, flushed and renamed over the target, so a
reader (or an interrupted build) only ever sees the old file or the new one, never half of one."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


def write_atomic(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise


def inside(folder: Path, path: Path) -> bool:
    """True when path stays inside folder (no .., no absolute escape, no symlink trick)."""
    try:
        path.resolve().relative_to(folder.resolve())
        return True
    except ValueError:
        return False
