"""Regenerate docs/cli.md from the commands' own --help (tests/test_docs.py checks it is current).

    python tools/cli_reference.py
"""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
COMMANDS = [[], ["build"], ["extract"], ["terms"], ["watch"], ["serve"]]


def reference() -> str:
    parts = ["# Command-line reference", "", "Generated from `--help` by `tools/cli_reference.py`; do not edit by hand.", ""]
    for args in COMMANDS:
        out = subprocess.run([sys.executable, "-m", "briefing", *args, "--help"], capture_output=True, text=True,
                             env={**os.environ, "COLUMNS": "100", "TERM": "dumb", "NO_COLOR": "1"}, cwd=ROOT,
                             check=True).stdout
        parts += [f"## `{' '.join(['briefing', *args])}`", "", "```text",
                  out.rstrip(), "```", ""]
    return "\n".join(parts)


if __name__ == "__main__":
    (ROOT / "docs" / "cli.md").write_text(reference(), encoding="utf-8")
