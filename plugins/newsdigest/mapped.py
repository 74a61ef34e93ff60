"""Text built from pieces of a source string that remembers where each character came from.

A ``MappedText`` carries ``runs``: ``(text_start, source_start, length)``
stretches copied unchanged from the source. Every edit (a replacement, a join
with an inserted separator) keeps the runs right, so the finished text yields
an ``OffsetMap`` back to the source.
"""
from __future__ import annotations

import bisect
from typing import Iterable, NamedTuple

from .model import OffsetMap

Run = tuple[int, int, int]
Replacement = tuple[int, int, str]


class MappedText(NamedTuple):
    text: str
    runs: tuple[Run, ...] = ()

    @classmethod
    def copied(cls, source: str, start: int, end: int) -> "MappedText":
        """The characters ``source[start:end]``, each mapped to itself."""
        runs = ((0, start, end - start),) if end > start else ()
        return cls(source[start:end], runs)

    @classmethod
    def joined(cls, parts: Iterable["MappedText"], separator: str) -> "MappedText":
        """The parts one after another with an inserted ``separator`` between them."""
        pieces: list[str] = []
        runs: list[Run] = []
        position = 0
        for index, part in enumerate(parts):
            if index:
                pieces.append(separator)
                position += len(separator)
            pieces.append(part.text)
            runs.extend((start + position, source, length) for start, source, length in part.runs)
            position += len(part.text)
        return cls("".join(pieces), tuple(merged_runs(runs)))

    def replaced(self, replacements: Iterable[Replacement]) -> "MappedText":
        """This text with each ``(start, end, new)`` slice replaced (sorted, not overlapping)."""
        replacements = list(replacements)
        if not replacements:
            return self
        text, runs = apply_replacements(self.text, replacements)
        return MappedText(text, tuple(composed_runs(runs, self.runs)))

    def offset_map(self) -> OffsetMap:
        return OffsetMap(self.runs)


def apply_replacements(text: str, replacements: Iterable[Replacement]) -> tuple[str, list[Run]]:
    """The edited text and the runs mapping it back to ``text``."""
    pieces: list[str] = []
    runs: list[Run] = []
    new_position = old_position = 0
    for start, end, new in replacements:
        if start > old_position:
            runs.append((new_position, old_position, start - old_position))
            pieces.append(text[old_position:start])
            new_position += start - old_position
        pieces.append(new)
        new_position += len(new)
        old_position = end
    if old_position < len(text):
        runs.append((new_position, old_position, len(text) - old_position))
        pieces.append(text[old_position:])
    return "".join(pieces), runs


def composed_runs(outer: list[Run], inner: tuple[Run, ...]) -> list[Run]:
    """Runs from the newest text to the source, given new-to-middle and middle-to-source runs."""
    inner_starts = [run[0] for run in inner]
    result: list[Run] = []
    for new_start, middle_start, length in outer:
        middle_end = middle_start + length
        index = max(bisect.bisect_right(inner_starts, middle_start) - 1, 0)
        while index < len(inner) and inner[index][0] < middle_end:
            run_start, source_start, run_length = inner[index]
            low, high = max(middle_start, run_start), min(middle_end, run_start + run_length)
            if high > low:
                result.append((new_start + low - middle_start, source_start + low - run_start, high - low))
            index += 1
    return merged_runs(result)


def merged_runs(runs: list[Run]) -> list[Run]:
    """Runs with neighbours that continue each other in both texts fused into one."""
    merged: list[Run] = []
    for run in runs:
        if run[2] <= 0:
            continue
        if merged:
            start, source, length = merged[-1]
            if start + length == run[0] and source + length == run[1]:
                merged[-1] = (start, source, length + run[2])
                continue
        merged.append(run)
    return merged
