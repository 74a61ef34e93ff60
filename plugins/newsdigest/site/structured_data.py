"""The ``json_ld`` template filter: structured data made safe to embed in a page."""
from __future__ import annotations

from markupsafe import Markup
from pelican import signals

from newsdigest import structured


def add_to_templates(generator):
    generator.env.filters["json_ld"] = lambda data: Markup(structured.json_ld(data))


def register():
    signals.generator_init.connect(add_to_templates)
