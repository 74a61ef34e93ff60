"""The editorial registries of a site's content folder, read once per build."""
from __future__ import annotations

import functools
import logging
from pathlib import Path

from newsdigest.digest import TopicRules
from newsdigest.errors import ContentError, skipped
from newsdigest.people import PeopleRegistry, load_people
from newsdigest.topics import Topic, load_topics

logger = logging.getLogger(__name__)


@functools.lru_cache(maxsize=8)
def read_registry(path: str, mtime: float, loader):
    """The entries ``loader`` finds in ``path``; on bad input, an error naming the file and no entries."""
    try:
        return tuple(loader(Path(path).read_text(encoding="utf-8"), path))
    except UnicodeDecodeError:
        logger.error("%s: not UTF-8 text; the registry is ignored", path, extra=skipped(path))
    except ContentError as error:
        logger.error("%s; the registry is ignored", error, extra=skipped(path))
    return ()


def read_registries_afresh(settings: dict) -> None:
    """Read both registries now, so that a build reports their errors even when it reads no article."""
    read_registry.cache_clear()
    topic_vocabulary(settings)
    people_registry(settings)


def registry_entries(settings: dict, filename: str, loader) -> tuple:
    path = Path(settings["PATH"]) / filename
    if not path.is_file():
        return ()
    return read_registry(str(path), path.stat().st_mtime, loader)


def topic_vocabulary(settings: dict) -> list[Topic]:
    return list(registry_entries(settings, settings.get("NEWSDIGEST_TOPICS", "topics.yml"), load_topics))


def people_registry(settings: dict) -> PeopleRegistry:
    return registry_of(registry_entries(settings, settings.get("NEWSDIGEST_PEOPLE", "people.yml"), load_people))


@functools.lru_cache(maxsize=8)
def registry_of(people: tuple) -> PeopleRegistry:
    """One registry object per list of people, not one per article read."""
    return PeopleRegistry(people)


def topic_rules(settings: dict) -> TopicRules:
    return TopicRules(tuple(topic_vocabulary(settings)), tuple(person.name for person in people_registry(settings).people),
                      discover=bool(settings.get("NEWSDIGEST_DISCOVER_TOPICS", True)))
