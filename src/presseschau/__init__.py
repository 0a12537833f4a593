"""Presseschau: offline, German-first press review — many articles about one event become cited briefings."""

__version__ = "0.1.0"
