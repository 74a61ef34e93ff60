"""Atomic output: every build writes into a sibling directory that replaces the output only on success.

``<output>.building-<pid>`` receives the whole build (Pelican's
``output_path`` and ``settings["OUTPUT_PATH"]`` point at it while the build
runs, so generators, the writer and ``finalized`` handlers all write there).
When the run has returned (and ``lifecycle.build_ending`` has let work still
writing into it finish), two renames put it in place: the old output
becomes ``<output>.previous-<pid>``, the new one becomes ``<output>``, and the
previous one is removed. A build that raises, or is interrupted, leaves the
previous output untouched; its building directory is removed at once, or by
the next build if the process was killed.

The swap wraps ``Pelican.run`` rather than hooking ``finalized`` so that it
happens after every ``finalized`` handler (search indexing, the strict
report) has run and succeeded.

Every build starts from an empty directory, as if ``DELETE_OUTPUT_DIRECTORY``
were always set: the output holds what the content gives and nothing else, so
the page of a removed article goes with it. Files placed in the output by hand
survive only when listed in ``OUTPUT_RETENTION`` (e.g. ``CNAME``); they are
copied over from the previous output. Pelican's own deletion, which would find
nothing to do, is skipped. Copying the whole previous output instead would cost
a full copy per build and save nothing, as Pelican writes every page anew.

Only directories carrying Newsdigest's marker file and name pattern are ever
deleted; an output that holds the content, theme or cache is built in place,
as Pelican does.
"""
from __future__ import annotations

import functools
import logging
import os
import re
import shutil
from pathlib import Path

from pelican import signals

from .lifecycle import build_ending

logger = logging.getLogger(__name__)

MARKER = ".newsdigest-build"
BUILDING = "building"
PREVIOUS = "previous"


def sibling(output: Path, kind: str, pid: int | None = None) -> Path:
    return output.with_name(f"{output.name}.{kind}-{os.getpid() if pid is None else pid}")


def process_is_alive(pid: int) -> bool:
    """Whether a process with this id is running (perhaps another user's)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def is_ours(path: Path) -> bool:
    """A real directory that Newsdigest created for a build: our marker file is inside."""
    return path.is_dir() and not path.is_symlink() and (path / MARKER).is_file()


def remove_ours(path: Path) -> None:
    if is_ours(path):
        shutil.rmtree(path)
    elif path.exists():
        logger.warning("%s: not a directory Newsdigest made for a build; left alone", path)


def stale_siblings(output: Path) -> list[tuple[str, Path]]:
    """(kind, path) of each building or previous directory left by a build that is no longer running."""
    pattern = re.compile(rf"{re.escape(output.name)}\.({BUILDING}|{PREVIOUS})-(\d+)")
    stale = []
    for path in sorted(output.parent.glob(f"{output.name}.*-*")):
        match = pattern.fullmatch(path.name)
        if match and int(match.group(2)) != os.getpid() and not process_is_alive(int(match.group(2))):
            stale.append((match.group(1), path))
    return stale


def clear_stale_siblings(output: Path) -> None:
    """Remove what interrupted builds left; a previous output whose swap was cut short is put back."""
    for kind, path in stale_siblings(output):
        if kind == PREVIOUS and not output.exists() and is_ours(path):
            logger.warning("%s: restoring the output an interrupted build had moved aside", path)
            (path / MARKER).unlink()
            path.rename(output)
        else:
            remove_ours(path)


def mark(directory: Path) -> None:
    (directory / MARKER).write_text("A Newsdigest build directory; safe to delete when no build is running.\n",
                                    encoding="utf-8")


def prepare_building(output: Path, settings: dict) -> Path:
    """A fresh, marked building directory holding only the retained entries of the previous output."""
    building = sibling(output, BUILDING)
    remove_ours(building)
    building.mkdir(parents=True)
    mark(building)
    for name in settings.get("OUTPUT_RETENTION", ()):
        copy_entry(output / name, building / name)
    return building


def copy_entry(source: Path, target: Path) -> None:
    if source.is_dir() and not source.is_symlink():
        shutil.copytree(source, target, symlinks=True)
    elif source.exists() or source.is_symlink():
        shutil.copy2(source, target, follow_symlinks=False)


def swap_into_place(building: Path, output: Path) -> None:
    """Two renames: the old output aside, the new one in; then the old one is removed."""
    previous = sibling(output, PREVIOUS)
    if output.exists():
        mark(output)
        output.rename(previous)
    try:
        building.rename(output)
    except OSError:
        if previous.exists():
            previous.rename(output)
            (output / MARKER).unlink()
        raise
    (output / MARKER).unlink()
    remove_ours(previous)


def holds_sources(output: Path, settings: dict) -> bool:
    """Whether the output is, or contains, the content, theme or cache directory."""
    sources = [settings.get(key) for key in ("PATH", "THEME", "CACHE_PATH")]
    return any(source and Path(os.path.realpath(source)).is_relative_to(output) for source in sources)


def run_atomically(pelican, run) -> None:
    """Run the build into a building directory and swap it in only if the run returns."""
    given = pelican.output_path
    output = Path(os.path.realpath(given))
    if output.exists() and not output.is_dir():
        raise NotADirectoryError(f"{given}: the output path exists and is not a directory")
    clear_stale_siblings(output)
    building = prepare_building(output, pelican.settings)
    pelican.output_path = pelican.settings["OUTPUT_PATH"] = str(building)
    deletes, pelican.delete_outputdir = pelican.delete_outputdir, False
    try:
        try:
            run()
        finally:
            build_ending.send(pelican)
        swap_into_place(building, output)
    finally:
        pelican.output_path = pelican.settings["OUTPUT_PATH"] = given
        pelican.delete_outputdir = deletes
        remove_ours(building)


def build_atomically(pelican) -> None:
    """Make every run of this Pelican instance atomic, unless its output holds its sources."""
    output = Path(os.path.realpath(pelican.output_path))
    if holds_sources(output, pelican.settings):
        logger.warning("%s holds the content, theme or cache; building in place, not atomically", output)
        return
    pelican.run = functools.partial(run_atomically, pelican, pelican.run)


def register():
    signals.initialized.connect(build_atomically)
