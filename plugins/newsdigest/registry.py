"""Reading the editorial registries (``people.yml``, ``topics.yml``) with errors that say where."""
from __future__ import annotations

import yaml

from .errors import ContentError


def parse_yaml(yaml_text: str, file: str):
    try:
        return yaml.safe_load(yaml_text)
    except yaml.YAMLError as error:
        mark = getattr(error, "context_mark", None) or getattr(error, "problem_mark", None)
        problem = getattr(error, "problem", None) or str(error)
        raise ContentError(file, f"not valid YAML: {problem}", line=mark.line + 1 if mark else None) from None


def checked_entry(entry, number: int, file: str, list_fields: tuple[str, ...]) -> dict:
    """One registry entry as a dict with a name and lists where lists belong."""
    where = f"entry {number}"
    if not isinstance(entry, dict):
        raise ContentError(file, f"{where} is not a mapping of fields")
    name = entry.get("name")
    if not isinstance(name, str) or not name.strip():
        raise ContentError(file, f"{where} has no 'name'")
    checked = {key: value for key, value in entry.items() if value is not None}
    checked["name"] = " ".join(name.split())
    for key in list_fields:
        value = checked.get(key, [])
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not all(isinstance(item, (str, int, float)) for item in value):
            raise ContentError(file, f"{where} ({name}): '{key}' must be a list of words")
        checked[key] = [str(item) for item in value]
    for key, value in checked.items():
        if key not in list_fields and not isinstance(value, (str, int, float)):
            raise ContentError(file, f"{where} ({name}): '{key}' must be text")
    return checked


def load_registry_entries(yaml_text: str, file: str, list_fields: tuple[str, ...] = ()) -> list[dict]:
    """The entries of a registry file: a YAML list of mappings, each with a ``name``."""
    data = parse_yaml(yaml_text, file)
    if data is None:
        return []
    if not isinstance(data, list):
        raise ContentError(file, "must be a YAML list of entries, each with a 'name'")
    entries = [checked_entry(entry, number, file, list_fields) for number, entry in enumerate(data, 1)]
    names = [entry["name"].casefold() for entry in entries]
    duplicates = sorted({entry["name"] for entry in entries if names.count(entry["name"].casefold()) > 1})
    if duplicates:
        raise ContentError(file, f"names listed twice: {', '.join(duplicates)}")
    return entries
