"""Engines: every registered engine maps in order and gives the same results; unknown names are named errors."""

from __future__ import annotations

import os

import pytest

from presseschau.engine import ENGINES, make_engine
from presseschau.errors import SettingsError


def _square_and_pid(value: int) -> tuple[int, int]:
    return value * value, os.getpid()


_LOADED: list[str] = []


def _load() -> None:
    _LOADED.append("models")


@pytest.mark.parametrize("name", sorted(ENGINES))
def test_every_engine_maps_in_order_lazily_and_closes(name: str) -> None:
    engine = make_engine(name, workers=2, initializer=_load)
    try:
        results = list(engine.map(_square_and_pid, range(200), chunksize=7, ahead=30))
    finally:
        engine.close()
    assert [value for value, _ in results] == [n * n for n in range(200)]
    assert _LOADED  # the initializer ran in this process (fork: the workers inherit what it loaded)
    pids = {pid for _, pid in results}
    assert (pids == {os.getpid()}) == (name == "serial")


def test_an_unknown_engine_names_the_valid_ones() -> None:
    with pytest.raises(SettingsError, match="choose one of: processes, serial"):
        make_engine("dusk")
