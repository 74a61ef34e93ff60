"""Helpers for the hostile-input tests: small content folders written by the test, and their builds.

Every person, place and outlet named here is invented.
"""
from __future__ import annotations

import contextlib
import logging
import os
from pathlib import Path

from conftest import build_site

FIXED_TIME = 1_790_000_000  # a fixed file time, so that undated articles date alike in every build

PLAIN_ARTICLE = """Title: Ferry timetable changes for the winter
Date: 2026-09-03
Source: Valdoria Coast Radio

PORT ANSEL — The ferry operator said on Monday that winter sailings would begin two weeks early.

“We are ready for the storms,” said Tove Arnlund, the operator's director.
"""


def write_content(root: Path, articles: dict[str, str | bytes], people: str | bytes | None = None,
                  topics: str | bytes | None = None) -> Path:
    """A content folder under ``root`` with these articles (name → text or bytes) and registries."""
    content = root / "content"
    (content / "articles").mkdir(parents=True, exist_ok=True)
    for name, text in articles.items():
        write_file(content / "articles" / name, text)
    for name, text in (("people.yml", people), ("topics.yml", topics)):
        if text is not None:
            write_file(content / name, text)
    for path in content.rglob("*"):
        os.utime(path, (FIXED_TIME, FIXED_TIME))
    return content


def write_file(path: Path, text: str | bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")


def build(content: Path, output: Path | None = None, **settings) -> Path:
    """Build ``content`` into ``output`` (default: beside it), without the search index unless asked."""
    settings.setdefault("NEWSDIGEST_SEARCH", False)
    return build_site(content, output or content.parent / "output", **settings)


class ErrorRecords(logging.Handler):
    """The messages of the error-level records logged while it is attached to the root logger."""

    def __init__(self):
        super().__init__(logging.ERROR)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


@contextlib.contextmanager
def captured_errors():
    """Collects error messages (a module-scoped fixture cannot use caplog)."""
    records = ErrorRecords()
    logging.getLogger().addHandler(records)
    try:
        yield records.messages
    finally:
        logging.getLogger().removeHandler(records)


def skipped_summary(messages: list[str]) -> str:
    """The text of the one "Skipped N files" summary among a build's error messages."""
    summaries = [message for message in messages if message.startswith("Skipped ")]
    assert len(summaries) == 1, messages
    return summaries[0]


def tree(root: Path) -> dict[str, bytes]:
    """Every file under ``root`` by relative path, with its bytes."""
    return {path.relative_to(root).as_posix(): path.read_bytes()
            for path in sorted(root.rglob("*")) if path.is_file()}
