"""Signals of Newsdigest's own build steps, for plugins that must agree on them."""
from __future__ import annotations

from blinker import signal

# Sent with the Pelican object when a run ends, whether it succeeded or not, before
# its output is swapped in or thrown away: work still writing into the output stops.
build_ending = signal("newsdigest.build_ending")
