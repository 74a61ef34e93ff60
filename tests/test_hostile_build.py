"""End-to-end: the output is replaced only by a build that succeeds; skipped files are summarised;
strict builds (``make publish``, ``make html STRICT=1``) fail after naming every bad file."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from hostile import PLAIN_ARTICLE, build, captured_errors, skipped_summary, tree, write_content

from conftest import ROOT
from newsdigest.site.atomic import MARKER
from newsdigest.site.report import StrictBuildFailed

BAD_FILES = {
    "empty.txt": b"",
    "binary.txt": bytes(range(256)) * 4,
    "only-boilerplate.txt": "Advertisement\nShare this article\nSign up for our newsletter\n",
    "impossible-date.txt": "Title: A day that never was\nDate: 2026-02-30\n\nThe mayor of Drovny said so.\n",
}


def siblings(output: Path) -> list[str]:
    """Whatever a build left beside the output (other than its cache)."""
    return sorted(path.name for path in output.parent.glob(output.name + ".*"))


def dead_pid() -> int:
    finished = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                              capture_output=True, text=True, check=True)
    return int(finished.stdout)


def broken_templates(tmp_path: Path) -> list[str]:
    """A template folder whose article template cannot be compiled."""
    folder = tmp_path / "broken-templates"
    folder.mkdir()
    (folder / "article.html").write_text("{% if article %}never closed", encoding="utf-8")
    return [str(folder)]


@pytest.fixture
def built(tmp_path: Path) -> Path:
    """A site built once from a single good article; the test then builds it again."""
    content = write_content(tmp_path, {"ferry-timetable.txt": PLAIN_ARTICLE})
    return build(content)


def test_a_successful_build_replaces_the_output_and_leaves_nothing_beside_it(built: Path):
    content = built.parent / "content"
    write_content(built.parent, {"second-ferry.txt": PLAIN_ARTICLE.replace("Ferry timetable", "Second ferry")})
    build(content, built)
    assert (built / "articles" / "second-ferry" / "index.html").is_file()
    assert (built / "articles" / "ferry-timetable" / "index.html").is_file()
    assert siblings(built) == []
    assert not (built / MARKER).exists()


@pytest.mark.parametrize("failure", ["template error", "strict build with a bad file"])
def test_a_failing_build_leaves_the_previous_output_byte_identical(built: Path, tmp_path: Path, failure: str):
    before = tree(built)
    content = write_content(built.parent, {"second-ferry.txt": PLAIN_ARTICLE, "empty.txt": b""})
    if failure == "template error":
        settings = {"THEME_TEMPLATES_OVERRIDES": broken_templates(tmp_path)}
    else:
        settings = {"NEWSDIGEST_STRICT": True}
    with pytest.raises(Exception):
        build(content, built, **settings)
    assert tree(built) == before
    assert siblings(built) == []


def test_what_an_interrupted_build_left_is_removed_and_nothing_else(built: Path):
    pid = dead_pid()
    leftover = built.with_name(f"{built.name}.building-{pid}")
    leftover.mkdir()
    (leftover / MARKER).write_text("", encoding="utf-8")
    (leftover / "index.html").write_text("half a page", encoding="utf-8")
    unmarked = built.with_name(f"{built.name}.building-{pid + 1}")
    unmarked.mkdir()
    neighbour = built.with_name(f"{built.name}.backup")
    neighbour.mkdir()
    build(built.parent / "content", built)
    assert not leftover.exists()
    assert unmarked.is_dir() and neighbour.is_dir()


def test_an_output_moved_aside_by_an_interrupted_swap_is_put_back(built: Path, tmp_path: Path):
    before = tree(built)
    aside = built.with_name(f"{built.name}.previous-{dead_pid()}")
    built.rename(aside)
    (aside / MARKER).write_text("", encoding="utf-8")
    with pytest.raises(Exception):
        build(built.parent / "content", built, THEME_TEMPLATES_OVERRIDES=broken_templates(tmp_path))
    assert tree(built) == before
    assert siblings(built) == []


def test_each_build_starts_empty_but_for_the_retained_files(built: Path):
    content = built.parent / "content"
    (built / "CNAME").write_text("news.example.org\n", encoding="utf-8")
    (content / "articles" / "ferry-timetable.txt").rename(content / "articles" / "ferry-timetable-2026.txt")
    build(content, built, OUTPUT_RETENTION=["CNAME"])
    assert (built / "CNAME").is_file()
    assert (built / "articles" / "ferry-timetable-2026" / "index.html").is_file()
    assert not (built / "articles" / "ferry-timetable").exists()
    build(content, built)
    assert not (built / "CNAME").exists()


def test_an_output_reached_through_a_symbolic_link_is_swapped_where_it_lives(built: Path, tmp_path: Path):
    link = tmp_path / "published"
    link.symlink_to(built, target_is_directory=True)
    write_content(built.parent, {"second-ferry.txt": PLAIN_ARTICLE})
    build(built.parent / "content", link)
    assert link.is_symlink() and (built / "articles" / "second-ferry" / "index.html").is_file()
    assert siblings(built) == [] and siblings(link) == []


def test_an_output_that_holds_the_content_is_built_in_place(tmp_path: Path, caplog):
    content = write_content(tmp_path / "site", {"ferry-timetable.txt": PLAIN_ARTICLE})
    build(content, tmp_path / "site")
    assert "building in place" in caplog.text
    assert (content / "articles" / "ferry-timetable.txt").is_file()
    assert (tmp_path / "site" / "articles" / "ferry-timetable" / "index.html").is_file()


def test_every_skipped_file_is_summarised_and_the_rest_of_the_site_builds(tmp_path: Path):
    content = write_content(tmp_path, {"ferry-timetable.txt": PLAIN_ARTICLE, **BAD_FILES})
    with captured_errors() as errors:
        output = build(content)
    assert (output / "articles" / "ferry-timetable" / "index.html").is_file()
    summary = skipped_summary(errors)
    assert summary.startswith(f"Skipped {len(BAD_FILES)} files:")
    assert "articles/empty.txt: empty file" in summary
    assert "articles/binary.txt: binary" in summary
    assert "articles/only-boilerplate.txt: no article text left" in summary
    assert "articles/impossible-date.txt:2:" in summary and "impossible date '2026-02-30'" in summary


def test_a_strict_build_fails_after_naming_every_bad_file(tmp_path: Path):
    content = write_content(tmp_path, {"ferry-timetable.txt": PLAIN_ARTICLE, **BAD_FILES})
    with captured_errors() as errors, pytest.raises(StrictBuildFailed):
        build(content, NEWSDIGEST_STRICT=True)
    summary = skipped_summary(errors)
    assert all(f"articles/{name}" in summary for name in BAD_FILES)
    assert not (tmp_path / "output").exists()


def pelican_command(content: Path, output: Path, settings_file: str, *settings: str) -> subprocess.CompletedProcess:
    """Pelican on the command line; ``settings`` are more KEY=VALUE for its one ``-e`` option."""
    command = [str(ROOT / ".venv" / "bin" / "pelican"), str(content), "-o", str(output),
               "-s", str(ROOT / settings_file), "-e", "NEWSDIGEST_SEARCH=false", *settings]
    environment = {**os.environ, "SITEURL": "https://news.example.org", "COLUMNS": "200"}
    return subprocess.run(command, capture_output=True, text=True, env=environment, cwd=ROOT, check=False)


@pytest.mark.parametrize("settings_file, options, exit_code", [
    ("pelicanconf.py", (), 0),
    ("pelicanconf.py", ("NEWSDIGEST_STRICT=true",), 1),
    ("publishconf.py", (), 1),
], ids=["make html", "make html STRICT=1", "make publish"])
def test_the_command_line_names_every_bad_file_and_exits_as_the_mode_says(
        tmp_path: Path, settings_file: str, options: tuple, exit_code: int):
    content = write_content(tmp_path, {"ferry-timetable.txt": PLAIN_ARTICLE, **BAD_FILES})
    finished = pelican_command(content, tmp_path / "output", settings_file, *options)
    printed = finished.stdout + finished.stderr
    assert finished.returncode == exit_code, printed
    assert f"Skipped {len(BAD_FILES)} files:" in printed
    assert all(f"articles/{name}" in printed for name in BAD_FILES)
    assert (tmp_path / "output" / "index.html").exists() == (exit_code == 0)


def test_the_sample_publishes_strictly(tmp_path: Path):
    finished = pelican_command(ROOT / "content", tmp_path / "output", "publishconf.py")
    assert finished.returncode == 0, finished.stdout + finished.stderr
