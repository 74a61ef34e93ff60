"""Direct quotes and their speakers (initial version: quoted spans only, no attribution)."""
from __future__ import annotations

import re

from .model import Quote

REVIEW_THRESHOLD = 0.5
QUOTED = re.compile(r"“([^“”]+)”|\"([^\"\n]+)\"")


def extract_quotes(text: str) -> list[Quote]:
    quotes = []
    for match in QUOTED.finditer(text):
        group = 1 if match.group(1) is not None else 2
        quotes.append(Quote(match.start(group), match.end(group), match.group(group),
                            paragraph=text.count("\n\n", 0, match.start())))
    return quotes
