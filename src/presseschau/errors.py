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
    """No system summary could be paired with reference summaries, so there is nothing to evaluate."""

    exit_code = 2
