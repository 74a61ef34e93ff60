"""Pelican plugins of Newsdigest: thin glue around the text functions, one plugin per capability."""
