"""Errors that name the file (and line) and say what is wrong with it."""
from __future__ import annotations


class ContentError(ValueError):
    """A content file Newsdigest cannot use; the message names the file and the problem."""

    def __init__(self, file: str, problem: str, line: int | None = None):
        self.file = str(file)
        self.problem = problem
        self.line = line
        where = f"{self.file}:{line}" if line else self.file
        super().__init__(f"{where}: {problem}")

    def __reduce__(self):
        """Pickled with its parts, so that an error raised in a worker process reaches the build whole."""
        return type(self), (self.file, self.problem, self.line)


SKIPPED_FILE = "skipped_file"


def skipped(file) -> dict:
    """The logging ``extra`` that marks an error record as "this file was left out of the build"."""
    return {SKIPPED_FILE: str(file)}
