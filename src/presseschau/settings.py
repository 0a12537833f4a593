"""Settings: dataclasses with defaults in code; a TOML file overrides only the keys it sets."""

from __future__ import annotations

import dataclasses
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from presseschau.errors import SettingsError

DEFAULT_MAX_FILE_BYTES = 5 * 1024 * 1024


@dataclass(frozen=True, slots=True)
class Settings:
    """Every knob of a digest run. Tuned values say how they were calibrated where they are used."""

    words: int = 120
    """Word budget of each story summary."""
    max_file_bytes: int = DEFAULT_MAX_FILE_BYTES
    """Files larger than this are skipped with a reason (5 MiB by default)."""
    summarizer: str = "ilp"
    """Name of the summarizer in ``presseschau.brief.summarize.SUMMARIZERS``."""
    workers: int = 0
    """Processes for the analysis stage; 0 picks one per core (at most 2 for small batches)."""
    story_threshold: float = 0.18
    """Similarity above which two articles belong to one story (see cluster/stories.py)."""
    story_window_days: float = 7.0
    """Articles published further apart than this are never joined into one story."""
    embedder: str | None = None
    """Name of the embedder in ``presseschau.nlp.embed.EMBEDDERS`` for cross-lingual stories; None: lexical only."""

    def replace(self, **changes: Any) -> Settings:
        unknown = set(changes) - {f.name for f in dataclasses.fields(self)}
        if unknown:
            raise SettingsError(f"unknown setting(s) {sorted(unknown)}; valid: {sorted(valid_keys())}")
        try:
            new = dataclasses.replace(self, **changes)
        except TypeError as exc:
            raise SettingsError(str(exc)) from None
        new.validate()
        return new

    def validate(self) -> None:
        if self.words < 10:
            raise SettingsError(f"--words must be at least 10 (got {self.words})")
        if self.max_file_bytes < 1:
            raise SettingsError(f"the size limit must be positive (got {self.max_file_bytes})")
        if self.workers < 0:
            raise SettingsError(f"workers must be 0 (auto) or more (got {self.workers})")


def valid_keys() -> set[str]:
    return {f.name for f in dataclasses.fields(Settings)}


def load(path: Path | None, base: Settings | None = None) -> Settings:
    """Settings from defaults, overridden by the ``[digest]`` table (or top level) of a TOML file."""
    settings = base or Settings()
    if path is None:
        return settings
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise SettingsError(f"cannot read settings file {path}: {exc.strerror}") from None
    except tomllib.TOMLDecodeError as exc:
        raise SettingsError(f"settings file {path} is not valid TOML: {exc}") from None
    table = data.get("digest", data)
    if not isinstance(table, dict):
        raise SettingsError(f"settings file {path}: [digest] must be a table")
    return settings.replace(**table)


def parse_size(text: str) -> int:
    """Bytes from '5MB', '500k', '1.5 MiB' or a plain number of bytes."""
    units = {"": 1, "b": 1, "k": 1024, "kb": 1024, "kib": 1024, "m": 1024**2, "mb": 1024**2,
             "mib": 1024**2, "g": 1024**3, "gb": 1024**3, "gib": 1024**3}
    s = text.strip().lower().replace(" ", "")
    num = s.rstrip("abcdefghijklmnopqrstuvwxyz")
    unit = s[len(num):]
    try:
        value = float(num)
    except ValueError:
        raise SettingsError(f"cannot read size {text!r}; write e.g. 5MB, 500k or 1048576") from None
    if unit not in units or value <= 0:
        raise SettingsError(f"cannot read size {text!r}; write e.g. 5MB, 500k or 1048576")
    return int(value * units[unit])
