"""What the build left out: every error is collected, and ``finalized`` prints "Skipped N files: …".

Errors are collected by a handler on the root logger while a build runs. A
file counts as skipped when Pelican could not process it (its reason is the
exception being handled, which Pelican does not print) or when Newsdigest
logged it with ``errors.skipped(file)`` (a registry, a second article with
the same slug). With ``NEWSDIGEST_STRICT`` (``make publish``, ``make html
STRICT=1``) the build fails after listing them all, so nothing is published.

Pelican calls a signal's receivers in plugin order: this plugin comes after the
others in PLUGINS, so that errors of their ``finalized`` handlers (the search
index) are in the report.
"""
from __future__ import annotations

import logging
import sys
from dataclasses import dataclass

from pelican import signals

from newsdigest.errors import SKIPPED_FILE, ContentError

from .editorial import read_registries_afresh

logger = logging.getLogger(__name__)

PELICAN_SKIP = "Could not process %s"


class StrictBuildFailed(RuntimeError):
    """A strict build met errors; they have all been listed."""


@dataclass(frozen=True)
class Problem:
    """One error of the build; ``file`` is set when the error left that file out."""

    text: str
    file: str | None = None


def reason_for(file: str, error: BaseException | None) -> str:
    if isinstance(error, ContentError):
        where = f"{file}:{error.line}" if error.line else file
        return f"{where}: {error.problem}"
    if error is None:
        return f"{file}: could not be processed"
    return f"{file}: {type(error).__name__}: {error}"


def problem_of(record: logging.LogRecord) -> Problem:
    if record.msg == PELICAN_SKIP and record.args:
        file = str(record.args[0])
        error = record.exc_info[1] if record.exc_info else sys.exc_info()[1]
        return Problem(reason_for(file, error), file)
    return Problem(record.getMessage(), getattr(record, SKIPPED_FILE, None))


class ErrorCollector(logging.Handler):
    """Keeps every error-level record of the running build as a Problem."""

    def __init__(self):
        super().__init__(logging.ERROR)
        self.problems: list[Problem] = []

    def emit(self, record: logging.LogRecord) -> None:
        if record.name != logger.name:
            self.problems.append(problem_of(record))


COLLECTOR = ErrorCollector()


def start_collecting(pelican):
    """Sent once at the start of every run (``get_generators``); contributes no generator.

    The registries are read afresh too, so that their errors are reported in every build,
    even one whose articles all come from Pelican's content cache.
    """
    COLLECTOR.problems.clear()
    root = logging.getLogger()
    if COLLECTOR not in root.handlers:
        root.addHandler(COLLECTOR)
    read_registries_afresh(pelican.settings)


def listed(problems: list[Problem]) -> str:
    return "".join(f"\n  {problem.text}" for problem in problems)


def counted(number: int, noun: str) -> str:
    return f"{number} {noun}{'' if number == 1 else 's'}"


def summary(problems: list[Problem]) -> str:
    skipped = sorted((problem for problem in problems if problem.file),
                     key=lambda problem: (problem.file, problem.text))
    others = [problem for problem in problems if not problem.file]
    parts = []
    if skipped:
        parts.append(f"Skipped {counted(len({problem.file for problem in skipped}), 'file')}:{listed(skipped)}")
    if others:
        parts.append(f"{counted(len(others), 'other error')}:{listed(others)}")
    return "\n".join(parts)


def report(pelican):
    """Print what was skipped; in a strict build, fail once everything is listed."""
    logging.getLogger().removeHandler(COLLECTOR)
    problems = list(dict.fromkeys(COLLECTOR.problems))
    COLLECTOR.problems.clear()
    if not problems:
        return
    logger.error("%s", summary(problems))
    if pelican.settings.get("NEWSDIGEST_STRICT"):
        raise StrictBuildFailed(f"strict build: {counted(len(problems), 'error')}, listed above")


def register():
    signals.get_generators.connect(start_collecting)
    signals.finalized.connect(report)
