"""Drive headless Chromium over the DevTools protocol, through a pipe (no port, no websocket
library): open a page, evaluate script in it, send real mouse and key events, and collect every
console message and uncaught exception.

`--dump-dom` (as `browser.py` uses it) returns right after the load event and cannot click; the
site graph lays itself out over many frames after load and opens a page on click, so its tests
need a live browser to talk to.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import tempfile
import threading
import time
from typing import Any, Dict, List, Optional

import browser

# What Chromium answers when a page is replaced while it is asked something (a link was
# followed): the question goes to the next page instead.
_NAVIGATING = (
    "Inspected target navigated or closed",
    "Execution context was destroyed",
    "Cannot find context with specified id",
)


class BrowserError(RuntimeError):
    """Chromium answered a command with an error, or a wait ran out of time."""


class Chromium:
    """One headless Chromium with a fresh profile and one page, used as a context manager."""

    def __init__(self, window: str = "1200,900", timeout: float = 60) -> None:
        if browser.CHROMIUM is None:
            raise RuntimeError("chromium is not installed (make test installs it)")
        self.timeout = timeout
        self.profile = tempfile.mkdtemp(prefix="cdp-profile-")
        # Chromium reads commands from fd 3 and writes replies to fd 4.
        to_child_r, self._to_child = os.pipe()
        self._from_child, from_child_w = os.pipe()

        def wire_pipes() -> None:
            # Through spare copies, in case either pipe end already sits on fd 3 or 4.
            reader, writer = os.dup(to_child_r), os.dup(from_child_w)
            os.dup2(reader, 3)
            os.dup2(writer, 4)

        self.process = subprocess.Popen(
            [
                browser.CHROMIUM,
                *browser.FLAGS,
                f"--user-data-dir={self.profile}",
                f"--window-size={window}",
                "--remote-debugging-pipe",
                "about:blank",
            ],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            pass_fds=(3, 4),
            preexec_fn=wire_pipes,
        )
        os.close(to_child_r)
        os.close(from_child_w)
        self._next_id = 0
        self._replies: Dict[int, dict] = {}
        self.events: List[dict] = []
        self._cond = threading.Condition()
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()
        self.session: Optional[str] = None
        targets = self.call("Target.getTargets")["targetInfos"]
        page = next(t for t in targets if t["type"] == "page")
        self.session = self.call("Target.attachToTarget", targetId=page["targetId"], flatten=True, session=None)[
            "sessionId"
        ]
        for domain in ("Page", "Runtime", "Log"):
            self.call(f"{domain}.enable")
        # Lifecycle events name the navigation they belong to (see `open`).
        self.call("Page.setLifecycleEventsEnabled", enabled=True)

    def _read(self) -> None:
        buffer = b""
        while True:
            chunk = os.read(self._from_child, 1 << 16)
            if not chunk:
                break
            buffer += chunk
            *messages, buffer = buffer.split(b"\0")
            with self._cond:
                for raw in messages:
                    message = json.loads(raw)
                    if "id" in message:
                        self._replies[message["id"]] = message
                    else:
                        self.events.append(message)
                self._cond.notify_all()

    def call(self, method: str, session: Any = "page", **params: Any) -> dict:
        """Send one command (to the page's session unless `session=None`) and return its result."""
        self._next_id += 1
        message: Dict[str, Any] = {"id": self._next_id, "method": method, "params": params}
        if session == "page" and self.session:
            message["sessionId"] = self.session
        os.write(self._to_child, json.dumps(message).encode() + b"\0")
        deadline = time.monotonic() + self.timeout
        with self._cond:
            while self._next_id not in self._replies:
                if not self._cond.wait(timeout=max(0.0, deadline - time.monotonic())):
                    raise BrowserError(f"no answer to {method} within {self.timeout} s")
            reply = self._replies.pop(self._next_id)
        if "error" in reply:
            raise BrowserError(f"{method}: {reply['error']}")
        return reply.get("result", {})

    def open(self, url: str) -> None:
        """Navigate to `url` and wait for its load event: the load of this navigation, not of a
        page that a click opened just before (its load event may come after this call starts,
        and a test that went on then would ask a page still being replaced)."""
        with self._cond:
            seen = len(self.events)
        loader = self.call("Page.navigate", url=url).get("loaderId")
        if loader is None:  # the same document (a fragment): no new load
            return
        self.wait_event("Page.lifecycleEvent", after=seen, name="load", loaderId=loader)

    def wait_event(self, method: str, after: int = 0, **params: Any) -> dict:
        """Wait for the first event named `method` (with these `params`) among those received
        after index `after`."""
        deadline = time.monotonic() + self.timeout
        with self._cond:
            while True:
                for event in self.events[after:]:
                    found = event.get("params", {})
                    if event.get("method") == method and all(found.get(k) == v for k, v in params.items()):
                        return event
                if not self._cond.wait(timeout=max(0.0, deadline - time.monotonic())):
                    raise BrowserError(f"no {method} within {self.timeout} s")

    def evaluate(self, expression: str) -> Any:
        """The value of `expression` in the page (promises are awaited); page errors raise."""
        result = self.call("Runtime.evaluate", expression=expression, awaitPromise=True, returnByValue=True)
        if "exceptionDetails" in result:
            raise BrowserError(f"{expression[:80]!r} raised: {result['exceptionDetails']}")
        return result["result"].get("value")

    def wait_for(self, expression: str, timeout: Optional[float] = None) -> Any:
        """Poll `expression` until it is truthy; return its value."""
        deadline = time.monotonic() + (timeout or self.timeout)
        while time.monotonic() < deadline:
            try:
                value = self.evaluate(expression)
            except BrowserError as error:
                if not any(message in str(error) for message in _NAVIGATING):
                    raise
                value = None  # the page was being replaced (a click opened another): ask the next
            if value:
                return value
            time.sleep(0.05)
        raise BrowserError(f"{expression!r} stayed false for {timeout or self.timeout} s")

    def click(self, x: float, y: float) -> None:
        """A real left click at viewport coordinates (x, y)."""
        self.call("Input.dispatchMouseEvent", type="mouseMoved", x=x, y=y)
        for kind in ("mousePressed", "mouseReleased"):
            self.call("Input.dispatchMouseEvent", type=kind, x=x, y=y, button="left", clickCount=1)

    def key(self, key: str, code: str = "", text: str = "") -> None:
        """Press and release one key in the focused element."""
        self.call("Input.dispatchKeyEvent", type="keyDown", key=key, code=code or key, text=text)
        self.call("Input.dispatchKeyEvent", type="keyUp", key=key, code=code or key)

    def problems(self) -> List[str]:
        """Every console message, log entry at warning level or above, and uncaught exception
        so far: the pages under test print nothing when they work."""
        found = []
        with self._cond:
            events = list(self.events)
        for event in events:
            method, params = event.get("method"), event.get("params", {})
            if method == "Runtime.consoleAPICalled":
                found.append(
                    f"console.{params['type']}: {[a.get('value', a.get('description')) for a in params['args']]}"
                )
            elif method == "Runtime.exceptionThrown":
                found.append(f"exception: {params['exceptionDetails']}")
            elif method == "Log.entryAdded" and params["entry"]["level"] in ("warning", "error"):
                found.append(f"log {params['entry']['level']}: {params['entry']['text']}")
        return found

    def close(self) -> None:
        """Stop this Chromium (by its own process id) and remove its profile."""
        try:
            self.call("Browser.close", session=None)
        except (BrowserError, OSError):
            pass
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        os.close(self._to_child)
        shutil.rmtree(self.profile, ignore_errors=True)

    def __enter__(self) -> "Chromium":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
