"""Engines: where per-article work runs (this process, or worker processes on every core); a Dask engine fits here."""

from __future__ import annotations

import multiprocessing
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from itertools import islice
from multiprocessing.pool import AsyncResult
from typing import Protocol, TypeVar

from presseschau.errors import SettingsError

# Items the workers may have queued or finished ahead of the caller: enough to keep them busy while the caller
# stores a batch of results (ingest takes 500 at a time), few enough that memory does not grow with the corpus.
AHEAD = 2000

Item = TypeVar("Item")
Result = TypeVar("Result")


class Engine(Protocol):
    """Maps a pure, picklable function over items and yields the results in the items' order, lazily, so the
    caller can store each batch while the next is computed."""

    def map(self, fn: Callable[[Item], Result], items: Iterable[Item], *, chunksize: int = 32,
            ahead: int = AHEAD) -> Iterator[Result]: ...

    def close(self) -> None: ...


class SerialEngine:
    """Everything in this process: small inputs, tests, debugging."""

    def __init__(self, *, workers: int = 1, initializer: Callable[[], None] | None = None) -> None:
        self.workers = 1
        if initializer is not None:
            initializer()

    def map(self, fn: Callable[[Item], Result], items: Iterable[Item], *, chunksize: int = 32,
            ahead: int = AHEAD) -> Iterator[Result]:
        return map(fn, items)

    def close(self) -> None:
        pass


class ProcessEngine:
    """A pool of forked worker processes (one per core by default). ``initializer`` runs once in this process
    before the fork, so every worker starts with the models it loaded (copy-on-write); where fork is not
    available (macOS, Windows) the workers run it themselves."""

    def __init__(self, *, workers: int = 0, initializer: Callable[[], None] | None = None) -> None:
        self.workers = workers or os.cpu_count() or 1
        methods = multiprocessing.get_all_start_methods()
        fork = "fork" in methods
        if fork and initializer is not None:
            initializer()
        context = multiprocessing.get_context("fork" if fork else "spawn")
        self._pool = context.Pool(self.workers, initializer=None if fork else initializer)

    def map(self, fn: Callable[[Item], Result], items: Iterable[Item], *, chunksize: int = 32,
            ahead: int = AHEAD) -> Iterator[Result]:
        # Pool.imap would queue every item at once and hold every result the caller has not taken yet: with a
        # caller slower than the workers, memory grows with the corpus. At most ``ahead`` items are out.
        pending: deque[AsyncResult[list[Result]]] = deque()
        for chunk in _chunks(items, chunksize):
            pending.append(self._pool.apply_async(_run_chunk, (fn, chunk)))
            if len(pending) * chunksize >= ahead:
                yield from pending.popleft().get()
        while pending:
            yield from pending.popleft().get()

    def close(self) -> None:
        self._pool.terminate()
        self._pool.join()


def _run_chunk(fn: Callable[[Item], Result], chunk: list[Item]) -> list[Result]:
    return [fn(item) for item in chunk]


def _chunks(items: Iterable[Item], size: int) -> Iterator[list[Item]]:
    iterator = iter(items)
    while chunk := list(islice(iterator, size)):
        yield chunk


ENGINES: dict[str, type[SerialEngine] | type[ProcessEngine]] = {"serial": SerialEngine, "processes": ProcessEngine}


def make_engine(name: str, *, workers: int = 0, initializer: Callable[[], None] | None = None) -> Engine:
    """The engine registered as ``name``; a named error lists the valid ones."""
    try:
        cls = ENGINES[name]
    except KeyError:
        raise SettingsError(f"unknown engine {name!r}; choose one of: {', '.join(sorted(ENGINES))}") from None
    return cls(workers=workers, initializer=initializer)
