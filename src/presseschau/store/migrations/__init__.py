"""Schema migrations: numbered SQL files ("0001_initial.sql") shipped as package data, found and ordered here."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib import resources

_FILE = re.compile(r"(?P<version>\d{4})_(?P<name>\w+)\.sql")

# Created by the runner in the same transaction as the first migration, so a store is never left half-made.
VERSION_TABLE = """CREATE TABLE IF NOT EXISTS schema_version (
    version    INTEGER PRIMARY KEY,
    name       TEXT NOT NULL,
    applied_at TEXT NOT NULL
)"""


@dataclass(frozen=True, slots=True)
class Migration:
    """One schema step: its version number, its name and the SQL script that makes it."""

    version: int
    name: str
    sql: str


@cache
def migrations(package: str = __name__) -> tuple[Migration, ...]:
    """The migrations in ``package`` by version. Versions run 1, 2, 3, ... without gaps: a gap or a repeated
    number is a packaging mistake that would leave some stores without a step, so it raises."""
    found = []
    for entry in resources.files(package).iterdir():
        match = _FILE.fullmatch(entry.name)
        if match:
            found.append(Migration(int(match["version"]), match["name"], entry.read_text(encoding="utf-8")))
    found.sort(key=lambda m: m.version)
    versions = [m.version for m in found]
    if versions != list(range(1, len(found) + 1)):
        raise RuntimeError(f"migrations in {package} must be numbered 1..n without gaps, found {versions}")
    return tuple(found)


def latest(package: str = __name__) -> int:
    """The schema version this presseschau writes: the number of the last migration."""
    return len(migrations(package))


def pending(current: int, package: str = __name__) -> tuple[Migration, ...]:
    """The migrations a store at schema version ``current`` still needs, in the order they must run."""
    return tuple(m for m in migrations(package) if m.version > current)
