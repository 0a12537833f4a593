"""Backend registries: a plain dict from name to class per kind; unknown names list the valid ones."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from presseschau.errors import SettingsError, UnknownBackendError

T = TypeVar("T")


def lookup(kind: str, registry: Mapping[str, type[T]], name: str) -> type[T]:
    """The class registered under ``name``, or an error that lists every valid name."""
    try:
        return registry[name]
    except KeyError:
        raise UnknownBackendError(kind, name, registry) from None


def build(kind: str, registry: Mapping[str, type[T]], name: str, options: Mapping[str, Any]) -> T:
    """An instance of the backend ``name`` built from keyword options; unknown options are refused."""
    cls = lookup(kind, registry, name)
    try:
        return cls(**options)
    except TypeError as exc:
        raise SettingsError(f"{kind} {name!r} does not take these options {sorted(options)}: {exc}") from None
