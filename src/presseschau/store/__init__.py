"""The article store: the registry of backends and ``open_store``, which picks one from a path or URL."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any
from urllib.parse import unquote

from presseschau.errors import UnknownBackendError
from presseschau.store.base import AddResult, ArticleFeatures, Store, StoredArticle, StoryRecord
from presseschau.store.postgres import PostgresStore
from presseschau.store.sqlite import SqliteStore

# Backend name -> class; a URL's scheme picks one ("sqlite:///path"), a plain path means "sqlite".
# "postgresql://user@host:port/db" (libpq's spelling) and "postgres://..." both name the PostgreSQL store.
STORES: dict[str, type[Store]] = {"sqlite": SqliteStore, "postgres": PostgresStore, "postgresql": PostgresStore}

__all__ = ["STORES", "AddResult", "ArticleFeatures", "PostgresStore", "SqliteStore", "Store", "StoredArticle",
           "StoryRecord", "default_location", "open_store"]


def default_location() -> Path:
    """$PRESSESCHAU_DB, else $XDG_DATA_HOME/presseschau/presseschau.db, else ~/.local/share/presseschau/..."""
    explicit = os.environ.get("PRESSESCHAU_DB")
    if explicit:
        return Path(explicit).expanduser()
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "presseschau" / "presseschau.db"


def open_store(url_or_path: str | Path | None = None, **options: Any) -> Store:
    """The store at a path (SQLite), a URL whose scheme names a backend ("sqlite:///tmp/p.db"), or the default
    location when None; "sqlite://" is followed by the path ("sqlite:///abs/p.db", "sqlite://rel.db"). ``options``
    go to the backend ("busy_timeout"); an unknown scheme lists the valid ones."""
    if url_or_path is None:
        url_or_path = default_location()
    if isinstance(url_or_path, Path) or "://" not in url_or_path:
        return SqliteStore(Path(url_or_path).expanduser(), **options)
    scheme = url_or_path.split("://", 1)[0].split("+", 1)[0].lower()  # "postgresql+psycopg" -> "postgresql"
    if scheme not in STORES:
        raise UnknownBackendError("store", scheme, STORES)
    if scheme == "sqlite":
        return SqliteStore(Path(unquote(url_or_path.split("://", 1)[1])).expanduser(), **options)
    return STORES[scheme](url_or_path, **options)  # type: ignore[call-arg]
