"""Regular expressions built from word lists."""
from __future__ import annotations

import re


def alternation(words) -> str:
    """A regex matching any of ``words``, factored as a trie so that matching does not try each word in turn.

    ``alternation(["say", "said", "says"])`` gives ``(?:sa(?:id|y(?:s)?))``-like
    patterns; longer words win over their prefixes.
    """
    trie: dict = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}
    return trie_pattern(trie)


def trie_pattern(node: dict) -> str:
    """The regex for one node of the trie and the words below it."""
    branches = [re.escape(char) + trie_pattern(child) for char, child in sorted(node.items()) if char]
    if not branches:
        return ""
    optional = "" in node
    if len(branches) == 1 and not optional:
        return branches[0]
    return "(?:" + "|".join(branches) + ")" + ("?" if optional else "")


def rests_after_first_letter(words) -> str:
    """A regex matching the rest of any of ``words`` once its first letter is matched: ``(?<=M)r`` for ``Mr``."""
    return "|".join(f"(?<={re.escape(word[0])}){re.escape(word[1:])}" for word in words)
