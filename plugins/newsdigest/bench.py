"""``newsdigest bench``: the full Newsdigest build against bare Pelican on one generated corpus.

The parent process generates the corpus and times each step; every step runs
in a fresh child process (``python -m newsdigest.bench STEP ...``) so that its
wall time includes start-up, as ``make html`` does, and its peak RSS is its own.
The children run a copy of the project's settings, plugins and theme taken at
the start, so every step of a run measures the same code.
"""
from __future__ import annotations

import argparse
import json
import math
import os
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

PROJECT_SETTINGS = Path(__file__).resolve().parents[2] / "pelicanconf.py"
CORPUS_SEED = 2026
EXTRACTION_SAMPLE = 2000
EXTRACTION_PASSES = 3
KIB_PER_MB = 1024


@dataclass
class Run:
    """One finished child process: its wall time, CPU time and peak resident memory."""

    seconds: float
    cpu_seconds: float
    peak_rss_mb: float


@dataclass
class Results:
    """The figures of one benchmark, best time of each kind of build."""

    articles: int
    bare: list[Run] = field(default_factory=list)
    full: list[Run] = field(default_factory=list)
    warm: Run | None = None
    extraction_rate: float = 0.0

    def summary_line(self) -> str:
        bare = min(run.seconds for run in self.bare)
        full = min(run.seconds for run in self.full)
        peak = max(run.peak_rss_mb for run in [*self.full, self.warm])
        return (f"bench: articles {self.articles}; bare {bare:.1f} s; full {full:.1f} s; "
                f"ratio {full / bare:.2f}; peak RSS {peak:.0f} MB; "
                f"warm rebuild {self.warm.seconds:.1f} s ({self.warm.seconds / full:.2f} of cold); "
                f"extraction {self.extraction_rate:.0f} articles/s")


@dataclass(frozen=True)
class Workspace:
    """Where one benchmark keeps its corpus, outputs, caches and logs."""

    root: Path

    @property
    def raw(self) -> Path:
        return self.root / "raw"

    @property
    def markdown(self) -> Path:
        return self.root / "markdown"

    @property
    def project(self) -> Path:
        return self.root / "project"

    def output(self, name: str) -> Path:
        return self.root / "output" / name

    def cache(self, name: str) -> Path:
        return self.root / "cache" / name

    def log(self, name: str) -> Path:
        return self.root / "logs" / f"{name}.log"

    def discard(self, name: str) -> None:
        shutil.rmtree(self.output(name), ignore_errors=True)
        shutil.rmtree(self.cache(name), ignore_errors=True)


def run_child(step: list[str], log: Path, project: Path) -> Run:
    """Runs ``python -m newsdigest.bench STEP`` on the ``project`` snapshot; ``wait4`` gives its peak RSS."""
    log.parent.mkdir(parents=True, exist_ok=True)
    environment = dict(os.environ, PYTHONPATH=os.pathsep.join(
        filter(None, [str(project / "plugins"), os.environ.get("PYTHONPATH")])))
    started = time.perf_counter()
    with open(log, "wb") as out:
        child = subprocess.Popen([sys.executable, "-m", "newsdigest.bench", *step], stdout=out, stderr=out,
                                 env=environment)
        _, status, usage = os.wait4(child.pid, 0)
    seconds = time.perf_counter() - started
    child.returncode = os.waitstatus_to_exitcode(status)
    if child.returncode != 0:
        tail = log.read_text(encoding="utf-8", errors="replace")[-3000:]
        raise RuntimeError(f"bench step {step[0]} failed ({child.returncode}); {log}:\n{tail}")
    return Run(seconds, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / KIB_PER_MB)


def snapshot_project(settings: Path, project: Path) -> Path:
    """A copy of the settings file, plugins and theme, so that every step of a run measures the same code.

    Returns the copied settings file.
    """
    ignored = shutil.ignore_patterns("__pycache__", "*.egg-info")
    for folder in ("plugins", "theme"):
        shutil.copytree(settings.parent / folder, project / folder, ignore=ignored)
    return Path(shutil.copy2(settings, project / settings.name))


def write_corpus(workspace: Workspace, count: int, seed: int, progress) -> None:
    """The corpus as raw text for Newsdigest and as Markdown for bare Pelican."""
    from .corpus import corpus, write_article, write_registries

    raw_articles, markdown_articles = workspace.raw / "articles", workspace.markdown / "articles"
    raw_articles.mkdir(parents=True)
    markdown_articles.mkdir(parents=True)
    write_registries(workspace.raw, seed)
    task = progress.add_task("generating the corpus", total=count)
    for article in corpus(seed, count):
        write_article(article, raw_articles, markdown_articles)
        progress.advance(task)


def add_one_article(workspace: Workspace, count: int, seed: int) -> None:
    """Article number ``count`` of the same corpus, for the warm rebuild."""
    from .corpus import corpus, write_article

    write_article(next(corpus(seed, 1, start=count)), workspace.raw / "articles", None)


def build_step(kind: str, workspace: Workspace, settings: Path) -> list[str]:
    """The child's arguments for a ``bare`` or ``full`` build."""
    content = workspace.markdown if kind == "bare" else workspace.raw
    return [kind, str(content), str(workspace.output(kind)), str(workspace.cache(kind)), str(settings)]


def run_benchmark(workspace: Workspace, count: int, rounds: int, seed: int, settings: Path) -> Results:
    """Alternates bare and full cold builds, then times extraction and a warm rebuild."""
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TimeElapsedColumn

    results = Results(count)
    console = Console(stderr=True, log_path=False)
    columns = (SpinnerColumn(), "{task.description}", BarColumn(), MofNCompleteColumn(), TimeElapsedColumn())
    settings = snapshot_project(settings, workspace.project)
    with Progress(*columns, console=console) as progress:
        write_corpus(workspace, count, seed, progress)
        steps = progress.add_task("building", total=2 * rounds + 2)

        def timed(description: str, step: list[str], name: str) -> Run:
            progress.update(steps, description=description)
            run = run_child(step, workspace.log(name), workspace.project)
            progress.advance(steps)
            console.log(f"{description}: {run.seconds:.1f} s (CPU {run.cpu_seconds:.1f} s), "
                        f"peak RSS {run.peak_rss_mb:.0f} MB")
            return run

        def timed_build(kind: str, description: str, log_name: str | None = None) -> Run:
            return timed(description, build_step(kind, workspace, settings), log_name or kind)

        for number in range(1, rounds + 1):
            if number > 1:
                workspace.discard("bare")
                workspace.discard("full")
            results.bare.append(timed_build("bare", f"bare Pelican, round {number}"))
            results.full.append(timed_build("full", f"full build, round {number}"))
        rate = workspace.root / "extraction.json"
        timed("extraction on one core", ["extract", str(workspace.raw / "articles"), str(rate)], "extract")
        results.extraction_rate = json.loads(rate.read_text())["articles_per_second"]
        add_one_article(workspace, count, seed)
        results.warm = timed_build("full", "warm rebuild, one article added", "warm")
    return results


def add_bench_command(commands) -> None:
    """Adds ``bench`` to the ``newsdigest`` subcommands."""
    bench = commands.add_parser("bench", help="time the full build against bare Pelican on a generated corpus")
    bench.add_argument("--articles", type=int, default=2000, help="how many articles to generate")
    bench.add_argument("--rounds", type=int, default=2, help="cold builds of each kind, alternating")
    bench.add_argument("--seed", type=int, default=CORPUS_SEED)
    bench.add_argument("--settings", type=Path, default=PROJECT_SETTINGS, help="the full build's settings file")
    bench.add_argument("--workdir", type=Path, help="keep the corpus, outputs and logs here (must not exist)")
    bench.set_defaults(run=command_bench)


def command_bench(args: argparse.Namespace) -> int:
    if args.workdir:
        results = run_benchmark(Workspace(args.workdir), args.articles, args.rounds, args.seed, args.settings)
    else:
        with tempfile.TemporaryDirectory(prefix="newsdigest-bench-") as root:
            results = run_benchmark(Workspace(Path(root)), args.articles, args.rounds, args.seed, args.settings)
    print(results.summary_line())
    return 0


def bare_settings(content: str, output: str, cache: str) -> dict:
    """Bare Pelican: its defaults, the default theme, no plugins, the project's page size."""
    from pelican.settings import read_settings

    return read_settings(None, override={"PATH": content, "OUTPUT_PATH": output, "CACHE_PATH": cache,
                                         "TIMEZONE": "UTC", "SITEURL": "", "PLUGINS": [],
                                         "DEFAULT_PAGINATION": 10})


def full_settings(content: str, output: str, cache: str, settings_file: str) -> dict:
    """The project's own settings, pointed at the corpus."""
    from pelican.settings import read_settings

    return read_settings(settings_file, override={"PATH": content, "OUTPUT_PATH": output, "CACHE_PATH": cache})


def build(settings: dict) -> None:
    import logging

    from pelican import Pelican
    from pelican.log import init

    init(level=logging.WARNING)
    Pelican(settings).run()


def extraction_rate(articles: Path) -> float:
    """Articles per second through ``digest_text`` on one core, reading excluded.

    The articles (at most EXTRACTION_SAMPLE of them, evenly spread over the
    corpus) go through ``EXTRACTION_PASSES`` times and the fastest pass counts,
    as ``timeit`` advises: other work on a shared machine only ever slows a pass.
    """
    from .digest import digest_text

    os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})
    paths = sorted(articles.glob("*.txt"))
    sample = paths[::math.ceil(len(paths) / EXTRACTION_SAMPLE)] if paths else []
    texts = [(path.read_text(encoding="utf-8"), str(path)) for path in sample]
    fastest = math.inf
    for _ in range(EXTRACTION_PASSES):
        started = time.perf_counter()
        for text, path in texts:
            digest_text(text, path)
        fastest = min(fastest, time.perf_counter() - started)
    return len(texts) / fastest


def child_main(argv: list[str]) -> None:
    step, *rest = argv
    if step == "bare":
        build(bare_settings(*rest[:3]))
    elif step == "full":
        build(full_settings(*rest))
    elif step == "extract":
        Path(rest[1]).write_text(json.dumps({"articles_per_second": extraction_rate(Path(rest[0]))}))
    else:
        raise SystemExit(f"unknown bench step {step!r}")


if __name__ == "__main__":
    child_main(sys.argv[1:])
