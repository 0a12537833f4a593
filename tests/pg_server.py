"""A throwaway PostgreSQL server for the store tests (a pytest plugin): installed from Debian's package if missing,
one per session, an empty schema per test."""

from __future__ import annotations

import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import uuid
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path

import pytest

URL_VARIABLE = "PRESSESCHAU_TEST_POSTGRES_URL"
ENABLE = (f"install Debian's postgresql package (apt-get install postgresql, as root) or set {URL_VARIABLE}="
          "postgresql://user@host:port/db to a database where the tests may create and drop schemas")
# apt-get fetches and unpacks the server in about a minute; a slow mirror gets five before the tests give up.
INSTALL_TIMEOUT = 600
# initdb takes about 0.6 s and start-up 0.1 s here; generous for a loaded CI machine.
START_TIMEOUT = 60
# Durability is of no use for a server that is deleted after the session, and turning it off makes writes faster.
_FAST = "-c fsync=off -c synchronous_commit=off -c full_page_writes=off"


class Unavailable(Exception):
    """No server can be had on this machine; the message says why and how to get one."""


def _binaries() -> Path | None:
    """The folder with initdb and pg_ctl: on PATH, else Debian's /usr/lib/postgresql/<version>/bin (newest)."""
    found = shutil.which("initdb")
    if found and shutil.which("pg_ctl", path=str(Path(found).parent)):
        return Path(found).parent
    versions = sorted(Path("/usr/lib/postgresql").glob("*/bin/pg_ctl"), key=lambda p: int(p.parts[-3]), reverse=True)
    return versions[0].parent if versions else None


def _install() -> Path:
    """Install Debian's postgresql package when we are root and have apt-get (once per machine)."""
    if os.geteuid() != 0 or not shutil.which("apt-get"):
        raise Unavailable("PostgreSQL tests skipped: no initdb/pg_ctl on this machine, and without root and apt-get "
                          f"the tests cannot install them; {ENABLE}")
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}

    def apt_get(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(["apt-get", *args], env=env, capture_output=True, text=True, timeout=INSTALL_TIMEOUT,
                              check=False)

    done = apt_get("install", "-y", "-qq", "postgresql")
    if done.returncode:  # the package lists may be missing or stale on a fresh machine
        apt_get("update", "-qq")
        done = apt_get("install", "-y", "-qq", "postgresql")
    binaries = _binaries()
    if binaries is None:
        raise Unavailable(f"PostgreSQL tests skipped: `apt-get install postgresql` failed ({done.stderr.strip()[-300:]}"
                          f"); {ENABLE}")
    return binaries


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _as_owner(command: list[str], owner: str | None) -> list[str]:
    """initdb and postgres refuse to run as root: run them as the server's own user then."""
    return ["runuser", "-u", owner, "--", *command] if owner else command


@contextmanager
def _throwaway_server() -> Iterator[str]:
    """initdb a cluster in a temporary folder, start it on 127.0.0.1 (sockets in that folder), yield the URL of a
    new database, then stop the server and delete the folder."""
    binaries = _binaries() or _install()
    owner = None
    if os.geteuid() == 0:
        try:
            entry = pwd.getpwnam("postgres")  # made by Debian's package
        except KeyError:
            raise Unavailable(f"PostgreSQL tests skipped: running as root without a 'postgres' user to own the "
                              f"server; {ENABLE}") from None
        owner = entry.pw_name
    folder = Path(tempfile.mkdtemp(prefix="presseschau-pg-"))
    if owner:
        os.chown(folder, entry.pw_uid, entry.pw_gid)
    data, log = folder / "data", folder / "server.log"
    try:
        init = [str(binaries / "initdb"), "-D", str(data), "-A", "trust", "-U", "presseschau", "-E", "UTF8",
                "--locale=C.UTF-8", "--no-sync"]
        done = subprocess.run(_as_owner(init, owner), capture_output=True, text=True, timeout=START_TIMEOUT,
                              check=False)
        if done.returncode:
            pytest.fail(f"initdb failed: {done.stderr.strip()[-500:]}")
        port = _free_port()
        options = f"-c listen_addresses=127.0.0.1 -p {port} -k {folder} {_FAST}"
        start = [str(binaries / "pg_ctl"), "-D", str(data), "-l", str(log), "-w", "-t", str(START_TIMEOUT), "-o",
                 options, "start"]
        done = subprocess.run(_as_owner(start, owner), capture_output=True, text=True, timeout=START_TIMEOUT + 10,
                              check=False)
        if done.returncode:
            pytest.fail(f"the PostgreSQL server did not start: {log.read_text(errors='replace')[-800:]}")
        try:
            _create_database(f"postgresql://presseschau@127.0.0.1:{port}/postgres", "presseschau_test")
            yield f"postgresql://presseschau@127.0.0.1:{port}/presseschau_test"
        finally:
            stop = [str(binaries / "pg_ctl"), "-D", str(data), "-m", "immediate", "-w", "stop"]
            subprocess.run(_as_owner(stop, owner), capture_output=True, timeout=START_TIMEOUT, check=False)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _create_database(admin_url: str, name: str) -> None:
    import psycopg

    with psycopg.connect(admin_url, autocommit=True) as db:
        db.execute(f"CREATE DATABASE {name}")


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[str]:
    """The URL of a database for the tests: the one $PRESSESCHAU_TEST_POSTGRES_URL names, else a throwaway server
    started for this session. Skips (saying why and how to enable) when neither can be had."""
    pytest.importorskip("psycopg", reason="PostgreSQL tests skipped: psycopg is not installed; "
                                          "pip install -e '.[dev]' installs it")
    if os.environ.get(URL_VARIABLE):
        yield os.environ[URL_VARIABLE]
        return
    with ExitStack() as stack:
        try:
            url = stack.enter_context(_throwaway_server())
        except Unavailable as exc:
            pytest.skip(str(exc))
        yield url


@contextmanager
def empty_schema(server_url: str) -> Iterator[str]:
    """A new, empty schema in the server's database for one test; the URL selects it through the search_path.
    Dropped afterwards, so a shared database given by the environment stays clean."""
    import psycopg

    name = f"test_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(server_url, autocommit=True) as db:
        db.execute(f"CREATE SCHEMA {name}")
    separator = "&" if "?" in server_url else "?"
    try:
        yield f"{server_url}{separator}options=-csearch_path%3D{name}"
    finally:
        with psycopg.connect(server_url, autocommit=True) as db:
            db.execute("SET lock_timeout = '10s'")  # a store the test left open fails the teardown, never hangs it
            db.execute(f"DROP SCHEMA {name} CASCADE")


@pytest.fixture
def postgres_url(postgres_server: str) -> Iterator[str]:
    """The URL of an empty schema for one test, on the session's server."""
    with empty_schema(postgres_server) as url:
        yield url
