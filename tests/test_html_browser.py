"""The HTML report in a real headless Chromium: it renders, logs no error, and a citation jumps to its sentence."""

from __future__ import annotations

import base64
import fcntl
import json
import os
import select
import shutil
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import Any

import builders as b
import pytest

from presseschau.render import render

ARTIFACTS = Path(__file__).parents[1] / "test-artifacts"
SKIP_VARIABLE = "PRESSESCHAU_SKIP_BROWSER"
INSTALL_HINT = (
    "Chromium is needed for the HTML browser test and was not found on PATH as 'chromium'. Install it with "
    "`apt-get update && apt-get install -y chromium` (Debian; .ci/run does this when it runs as root), "
    f"or set {SKIP_VARIABLE}=1 to skip this test."
)
# Flags that work headless as root in a container: no sandbox (root), no GPU, nothing that phones home.
FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
    "--hide-scrollbars",
    "--remote-debugging-pipe",
)
ANSWER_SECONDS = 15.0
"""How long one DevTools answer may take: a cold Chromium start takes about 1 s here; 15 s only stops a hang."""
VIEWPORT = {"width": 1100, "height": 900, "deviceScaleFactor": 1, "mobile": False}

# JavaScript run in the page, each a function applied to JSON arguments.
CENTRE_OF = """(selector => {
  const element = document.querySelector(selector);
  element.scrollIntoView({block: "center"});
  const box = element.getBoundingClientRect();
  return {x: box.x + box.width / 2, y: box.y + box.height / 2};
})"""
DANGLING_LINKS = """(() => [...document.querySelectorAll('a[href^="#"]')]
  .map(a => a.getAttribute("href"))
  .filter(href => !document.getElementById(href.slice(1))))"""
# The highlight fades in (a CSS transition): wait for it to end, so the colour compared is the final one.
TARGET_STATE = """(async id => {
  const target = document.getElementById(id), plain = document.querySelector(".sent:not(:target)");
  await Promise.all(target.getAnimations().map(animation => animation.finished));
  const box = target.getBoundingClientRect();
  return {
    matches: target.matches(":target"),
    mark: getComputedStyle(target).backgroundColor,
    plain: getComputedStyle(plain).backgroundColor,
    top: box.top, bottom: box.bottom, height: innerHeight,
  };
})"""


def chromium() -> str:
    """The Chromium binary; the test fails (it does not skip) without one unless skipping is asked for."""
    if os.environ.get(SKIP_VARIABLE) == "1":
        pytest.skip(f"{SKIP_VARIABLE}=1: the browser test is switched off")
    found = shutil.which("chromium")
    if found is None:
        pytest.fail(INSTALL_HINT, pytrace=False)
    return found


class DevTools:
    """A small Chrome DevTools Protocol client over ``--remote-debugging-pipe`` (standard library only).

    Chromium reads NUL-terminated JSON commands from its fd 3 and writes answers and events to its fd 4.
    """

    def __init__(self, binary: str, profile: Path, log: Path) -> None:
        to_browser, self._commands = os.pipe()
        self._answers, from_browser = os.pipe()
        # Above 9, so that putting one end on fd 3 in the child cannot overwrite the other before it is moved.
        child_in, child_out = (fcntl.fcntl(fd, fcntl.F_DUPFD_CLOEXEC, 10) for fd in (to_browser, from_browser))
        os.close(to_browser)
        os.close(from_browser)

        def onto_3_and_4() -> None:
            os.dup2(child_in, 3)
            os.dup2(child_out, 4)

        with log.open("wb") as stderr:
            self.process = subprocess.Popen(
                [binary, *FLAGS, f"--user-data-dir={profile}", "about:blank"],
                stdin=subprocess.DEVNULL,
                stdout=stderr,
                stderr=stderr,
                preexec_fn=onto_3_and_4,  # the test process starts no threads, so this is safe
                # close_fds would close fds 3 and 4 again after preexec_fn; Python's own fds are
                # non-inheritable anyway (PEP 446), so nothing else leaks into the browser.
                close_fds=False,
            )
        os.close(child_in)
        os.close(child_out)
        self.log = log
        self.events: list[dict[str, Any]] = []
        self._buffer = b""
        self._last_id = 0

    def send(self, method: str, params: dict[str, Any] | None = None, session: str | None = None) -> dict[str, Any]:
        """Send one command and return its result; events that arrive meanwhile are kept in ``events``."""
        self._last_id += 1
        message: dict[str, Any] = {"id": self._last_id, "method": method, "params": params or {}}
        if session is not None:
            message["sessionId"] = session
        data = json.dumps(message).encode() + b"\0"
        while data:
            data = data[os.write(self._commands, data) :]
        deadline = time.monotonic() + ANSWER_SECONDS
        while True:
            answer = self._receive(deadline, method)
            if answer.get("id") == self._last_id:
                assert "error" not in answer, f"{method}: {answer['error']}"
                result: dict[str, Any] = answer.get("result", {})
                return result
            self.events.append(answer)

    def wait_for(self, event: str) -> dict[str, Any]:
        deadline = time.monotonic() + ANSWER_SECONDS
        while not any(e.get("method") == event for e in self.events):
            self.events.append(self._receive(deadline, event))
        return next(e for e in self.events if e.get("method") == event)

    def _receive(self, deadline: float, waiting_for: str) -> dict[str, Any]:
        while b"\0" not in self._buffer:
            left = deadline - time.monotonic()
            ready, _, _ = select.select([self._answers], [], [], max(left, 0))
            chunk = os.read(self._answers, 1 << 16) if ready else b""
            if not chunk:
                tail = self.log.read_text(errors="replace")[-2000:]
                raise AssertionError(f"Chromium gave no answer to {waiting_for}; its log ends with:\n{tail}")
            self._buffer += chunk
        message, self._buffer = self._buffer.split(b"\0", 1)
        loaded: dict[str, Any] = json.loads(message)
        return loaded

    def close(self) -> None:
        with suppress(AssertionError, OSError):  # already gone: the kill below makes sure
            self.send("Browser.close")
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        os.close(self._commands)
        os.close(self._answers)


class Page:
    """One tab of the browser, attached in flat mode so that its commands carry a session id."""

    def __init__(self, browser: DevTools) -> None:
        self.browser = browser
        target = browser.send("Target.createTarget", {"url": "about:blank"})["targetId"]
        self.session = browser.send("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
        for domain in ("Page", "Runtime", "Log"):
            self.send(f"{domain}.enable")
        self.send("Emulation.setDeviceMetricsOverride", VIEWPORT)

    def send(self, method: str, params: dict[str, Any] | None = None) -> dict[str, Any]:
        return self.browser.send(method, params, self.session)

    def evaluate(self, expression: str) -> Any:
        """The value of a JavaScript expression (promises are awaited); a thrown error fails the test."""
        reply = self.send("Runtime.evaluate", {"expression": expression, "returnByValue": True, "awaitPromise": True})
        assert "exceptionDetails" not in reply, f"{expression}: {reply['exceptionDetails']}"
        return reply["result"].get("value")

    def click(self, selector: str) -> None:
        """A real mouse click (press and release) in the middle of the first element ``selector`` finds."""
        box = self.evaluate(f"{CENTRE_OF}({json.dumps(selector)})")
        for kind in ("mouseMoved", "mousePressed", "mouseReleased"):
            self.send("Input.dispatchMouseEvent", {"type": kind, **box, "button": "left", "clickCount": 1})

    def errors(self) -> list[str]:
        """Console errors, uncaught exceptions and browser log errors (failed loads, CSP) of this tab."""
        found = []
        for event in self.browser.events:
            if event.get("sessionId") != self.session:
                continue
            method, params = event.get("method"), event.get("params", {})
            if method == "Runtime.consoleAPICalled" and params.get("type") in {"error", "assert"}:
                found.append(f"console: {params.get('args')}")
            elif method == "Runtime.exceptionThrown":
                found.append(f"exception: {params.get('exceptionDetails')}")
            elif method == "Log.entryAdded" and params.get("entry", {}).get("level") == "error":
                found.append(f"log: {params['entry'].get('text')}")
        return found

    def screenshot(self, path: Path, *, full: bool) -> None:
        params: dict[str, Any] = {"format": "png"}
        if full:
            size = self.evaluate(
                "({w: document.documentElement.scrollWidth, h: document.documentElement.scrollHeight})"
            )
            params |= {
                "captureBeyondViewport": True,
                "clip": {"x": 0, "y": 0, "width": size["w"], "height": size["h"], "scale": 1},
            }
        path.write_bytes(base64.b64decode(self.send("Page.captureScreenshot", params)["data"]))


@contextmanager
def browser_page(profile: Path) -> Iterator[Page]:
    """A tab of a fresh headless Chromium with its own profile; the browser is closed afterwards."""
    browser = DevTools(chromium(), profile / "profile", profile / "chromium.log")
    try:
        yield Page(browser)
    finally:
        browser.close()


def test_report_renders_and_citations_jump_in_chromium(tmp_path: Path) -> None:
    digest = b.storm()
    report = tmp_path / "report.html"
    report.write_text(render(digest, "html"), encoding="utf-8")
    # Not a fixture: a missing Chromium must show as this test failing, not as a setup error.
    with browser_page(tmp_path) as page:
        check_report(page, report, digest.briefings[0].story.title)


def check_report(page: Page, report: Path, title: str) -> None:
    page.send("Page.navigate", {"url": report.as_uri()})
    page.browser.wait_for("Page.loadEventFired")
    assert title in page.evaluate("document.title")
    assert page.evaluate("[...document.querySelectorAll('h2')].map(h => h.textContent)")[0] == title
    sections = page.evaluate("[...document.querySelectorAll('.story h3')].map(h => h.textContent.trim())")
    for heading in ("Zeitleiste", "Beteiligte", "Zitate", "Zahlen", "Nur bei …", "Quellen und Kopien"):
        assert heading in sections
    assert page.evaluate(f"{DANGLING_LINKS}()") == []
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(ARTIFACTS / "report.png", full=True)

    # A timeline citation: a fact, not the summary, so the facts' links are the ones proven to work.
    link = ".timeline a.cite"
    href = page.evaluate(f"document.querySelector('{link}').getAttribute('href')")
    assert href.startswith("#s-")
    page.click(link)
    deadline = time.monotonic() + ANSWER_SECONDS
    while page.evaluate("location.hash") != href and time.monotonic() < deadline:
        time.sleep(0.05)
    assert page.evaluate("location.hash") == href, "the click did not navigate to the cited sentence"
    state = page.evaluate(f"{TARGET_STATE}({json.dumps(href[1:])})")
    assert state["matches"], f"the cited sentence {href} is not the page's target"
    assert state["mark"] != state["plain"], f"the cited sentence is not highlighted: {state}"
    assert state["top"] >= 0 and state["bottom"] <= state["height"], f"the cited sentence is not in view: {state}"
    page.screenshot(ARTIFACTS / "report-jump.png", full=False)
    assert page.errors() == []
