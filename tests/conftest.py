"""Shared fixtures: the repository's paths and a builder for whole sites."""
from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SEED = SHARED / "seeds" / "000_09faeee6b37f03b2.txt"
# The sample's search index is cut into shards of this many pages, so that the
# search box is tested across shards as on a large site.
SAMPLE_SHARD_PAGES = 12
sys.path.insert(0, str(ROOT / "plugins"))


def build_site(content: Path, output: Path, **overrides) -> Path:
    """Build ``content`` with the project's settings into ``output``, as ``make html`` would."""
    from pelican import Pelican
    from pelican.settings import read_settings

    settings = read_settings(str(ROOT / "pelicanconf.py"), override={
        "PATH": str(content),
        "OUTPUT_PATH": str(output),
        "CACHE_PATH": str(output.parent / (output.name + "-cache")),
        **overrides,
    })
    Pelican(settings).run()
    return output


def copy_sample_content(target: Path) -> Path:
    shutil.copytree(ROOT / "content", target)
    return target


@pytest.fixture(scope="session")
def sample_site(tmp_path_factory) -> Path:
    """The sample digest built once for the whole session."""
    base = tmp_path_factory.mktemp("sample")
    return build_site(ROOT / "content", base / "output", NEWSDIGEST_SEARCH_SHARD_PAGES=SAMPLE_SHARD_PAGES)


@pytest.fixture(scope="session")
def seed_site(tmp_path_factory) -> Path:
    """The sample digest plus the real seed article, built once; skipped without ../shared."""
    if not SEED.exists():
        pytest.skip(f"the seed article is not here ({SEED}); it comes with the shared evaluation data")
    base = tmp_path_factory.mktemp("seed")
    content = copy_sample_content(base / "content")
    shutil.copy(SEED, content / "articles" / SEED.name)
    return build_site(content, base / "output")
