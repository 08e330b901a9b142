"""The one error type for bad input: it names the file and the problem in one line."""


class BriefingError(Exception):
    """Bad input or configuration, raised at the edge where the file (or key) is known."""

    def __init__(self, where: str, problem: str):
        super().__init__(f"{where}: {problem}")
        self.where = where
        self.problem = problem
