"""Named errors for bad configuration or input; each message says how to fix the problem."""

from __future__ import annotations

from collections.abc import Iterable


class PresseschauError(Exception):
    """Base of every error the library raises on purpose; the CLI turns these into messages."""

    exit_code = 1


class UsageError(PresseschauError):
    """The call itself is wrong (an option value, a missing path)."""


class UnknownBackendError(UsageError):
    """A backend name that no registry knows."""

    def __init__(self, kind: str, name: str, valid: Iterable[str]) -> None:
        choices = ", ".join(sorted(valid))
        super().__init__(f"unknown {kind} {name!r}; choose one of: {choices}")
        self.kind, self.name = kind, name


class SettingsError(UsageError):
    """A settings file or option that cannot be used."""


class NothingToDigestError(PresseschauError):
    """No input could be used: every path was missing, empty, unreadable or skipped."""

    exit_code = 2


class NothingToScoreError(PresseschauError):
    """Nothing could be paired with gold data (summaries with references, articles with gold events)."""

    exit_code = 2


class StoreError(PresseschauError):
    """The article store cannot be used as asked."""


class NotAStoreError(StoreError):
    """The file is not a Presseschau database (another program's file, or damaged)."""

    def __init__(self, path: str, detail: str) -> None:
        super().__init__(f"{path} is not a Presseschau database ({detail}); pass another file with --db PATH, "
                         "or move this one away to start a new store there")
        self.path = path


class StoreTooNewError(StoreError):
    """The store was written by a newer presseschau with a schema this version does not know."""

    def __init__(self, path: str, found: int, known: int) -> None:
        super().__init__(f"the store {path} has schema version {found}, this presseschau knows up to {known}; "
                         "upgrade presseschau (pip install --upgrade presseschau) to use it")
        self.path, self.found, self.known = path, found, known


class StoreLockedError(StoreError):
    """Another process kept the store locked for longer than the busy timeout."""

    def __init__(self, path: str, seconds: float) -> None:
        super().__init__(f"the store {path} stayed locked by another process for {seconds:g} s; wait until the "
                         "other presseschau finishes and retry, or use --db PATH for a separate store")
        self.path = path


class StoreNotWritableError(StoreError):
    """The store's location cannot be created or written."""

    def __init__(self, path: str, detail: str) -> None:
        super().__init__(f"cannot write the store {path} ({detail}); use --db PATH (or set PRESSESCHAU_DB) "
                         "to pick a writable location")
        self.path = path


class NotInStoreError(StoreError):
    """An article or story id the store does not hold."""

    def __init__(self, kind: str, item: str, path: str) -> None:
        hint = ("list the story ids with `presseschau stories`" if kind == "story"
                else "add it with `presseschau ingest PATH`")
        super().__init__(f"no {kind} {item!r} in the store {path}; {hint}")
        self.kind, self.item, self.path = kind, item, path


class StoreUnreachableError(StoreError):
    """The store's database server cannot be reached or dropped the connection."""

    def __init__(self, url: str, detail: str) -> None:
        super().__init__(f"cannot reach the PostgreSQL store {url} ({detail}); start the server or correct host, "
                         "port, user, password and database in the URL, or use --db PATH for a SQLite file")
        self.url = url


class StoreDriverMissingError(StoreError):
    """A PostgreSQL URL was given, but the psycopg driver is not installed."""

    def __init__(self, url: str) -> None:
        super().__init__(f"the PostgreSQL store {url} needs the psycopg driver; install it with "
                         "pip install 'presseschau[postgres]', or use --db PATH for a SQLite file")
        self.url = url


class EmbedderMissingError(UsageError):
    """An embedder was asked for, but the package behind it is not installed or cannot be loaded."""

    def __init__(self, name: str, package: str, detail: str) -> None:
        super().__init__(f"the embedder {name!r} needs the {package} package, which {detail}; install it with "
                         "pip install 'presseschau[embed]', or run without --embedder (lexical grouping only)")
        self.name, self.package = name, package
