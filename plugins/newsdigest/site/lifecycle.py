"""Signals of Newsdigest's own build steps, for plugins that must agree on them."""
from __future__ import annotations

from blinker import signal

# Sent with the Pelican object when a run ends, whether it succeeded or not, before
# its output is swapped in or thrown away: work still writing into the output stops.
build_ending = signal("newsdigest.build_ending")

# Sent with a build's context once the people plugin has put the quote index in it (``quote_index``,
# ``person_slugs``): every quote is published or held, and the cards can be drawn.
quote_index_made = signal("newsdigest.quote_index_made")
