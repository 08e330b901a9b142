"""What a build tells while it runs: a rich progress bar on a terminal, plain lines otherwise
("built jiulongpo-district (3 files)"). The summary line is the caller's to print."""

from __future__ import annotations

from collections.abc import Callable


class Reporter:
    """Silent. A build calls phase() when a stage of work starts, step() when one task of it ends
    (with a line worth keeping, or None), and close() at the end."""

    def phase(self, title: str, total: int) -> None:
        pass

    def step(self, line: str | None = None) -> None:
        pass

    def close(self) -> None:
        pass


class Lines(Reporter):
    def __init__(self, say: Callable[[str], None]):
        self.say = say

    def step(self, line: str | None = None) -> None:
        if line:
            self.say(line)


class Bar(Reporter):
    """A rich progress bar on stderr; the lines are printed above it."""

    def __init__(self):
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

        self.progress = Progress(
            TextColumn("{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeElapsedColumn(),
            console=Console(stderr=True),
            transient=True,
        )
        self.task = None
        self.started = False

    def phase(self, title: str, total: int) -> None:
        if not self.started:
            self.progress.start()
            self.started = True
        if self.task is not None:
            self.progress.remove_task(self.task)
        self.task = self.progress.add_task(title, total=total)

    def step(self, line: str | None = None) -> None:
        if line:
            self.progress.console.print(line, markup=False, highlight=False)
        if self.task is not None:
            self.progress.advance(self.task)

    def close(self) -> None:
        if self.started:
            self.progress.stop()
            self.started = False


def reporter(progress) -> Reporter:
    """A Reporter from what build() was given: None, a Reporter, or a function taking a line."""
    if progress is None:
        return Reporter()
    if isinstance(progress, Reporter):
        return progress
    return Lines(progress)
