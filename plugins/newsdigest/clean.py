"""Cleaning raw scraped article text (initial version: header and paragraphs only)."""
from __future__ import annotations

import re

from .model import CleanArticle

HEADER_LINE = re.compile(r"^([A-Za-z][A-Za-z -]{0,30}):\s*(.*)$")


def clean_article(raw: str, file: str = "<string>") -> CleanArticle:
    """Split an optional ``Key: value`` header from the body and keep the body as it is."""
    lines = raw.split("\n")
    metadata: dict[str, str] = {}
    body_start = 0
    for i, line in enumerate(lines):
        match = HEADER_LINE.match(line)
        if not match:
            if line.strip() == "" and metadata:
                body_start = i + 1
            break
        metadata[match.group(1).strip().lower()] = match.group(2).strip()
    else:
        metadata = {}
    if body_start == 0:
        metadata = {}
    body = "\n".join(lines[body_start:])
    skipped = len("\n".join(lines[:body_start])) + (1 if body_start else 0)
    title = metadata.get("title") or body.strip().split("\n", 1)[0][:110]
    from .model import OffsetMap
    return CleanArticle(file=file, title=title, text=body, metadata=metadata,
                        offsets=OffsetMap(((0, skipped, len(body)),)))


def read_article(path) -> CleanArticle:
    """The article in the UTF-8 file at ``path``, cleaned."""
    from pathlib import Path
    return clean_article(Path(path).read_text(encoding="utf-8"), str(path))
