"""Open a page in headless Chromium and look at it as a person would: through the DevTools protocol, record
every network request the page makes, and take screenshots of elements.

Debian's `chromium` package (.ci/run installs it). Run as root, so the sandbox is off; a fresh profile each
time; every host name resolves to nothing, so a page that tried to fetch from the network would fail loudly
in the request log rather than quietly succeed.
"""

from __future__ import annotations

import asyncio
import base64
import itertools
import json
import shutil
import subprocess
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import aiohttp

from tests.support import wait_until

FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--disable-default-apps", "--mute-audio",
         "--hide-scrollbars", "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
         "--remote-debugging-port=0", "--remote-allow-origins=*")


def find_chromium() -> str | None:
    return shutil.which("chromium") or shutil.which("chromium-browser")


@dataclass
class Page:
    requests: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    console: list[str] = field(default_factory=list)
    # CSS-pixel boxes (x, y, width, height) of the elements asked for, and a PNG of each.
    boxes: list[tuple[float, float, float, float]] = field(default_factory=list)
    shots: list[bytes] = field(default_factory=list)
    full: bytes = b""


def open_page(path: Path, selector: str, *, width: int = 1280, timeout: float = 60) -> Page:
    """Load ``path`` and screenshot every element matching ``selector`` (and the whole page)."""
    binary = find_chromium()
    if binary is None:
        raise FileNotFoundError("chromium is not installed (apt-get install chromium)")
    profile = Path(tempfile.mkdtemp(prefix="husly-chromium-"))
    process = subprocess.Popen([binary, *FLAGS, f"--user-data-dir={profile}", f"--window-size={width},900",
                                "about:blank"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        port = _devtools_port(profile, process, timeout)
        return asyncio.run(asyncio.wait_for(_drive(port, path.resolve().as_uri(), selector, width), timeout))
    finally:
        process.terminate()
        try:
            process.wait(10)
        except subprocess.TimeoutExpired:
            process.kill()
        shutil.rmtree(profile, ignore_errors=True)


def _devtools_port(profile: Path, process: subprocess.Popen[bytes], timeout: float) -> int:
    marker = profile / "DevToolsActivePort"

    def port_written() -> bool:
        if process.poll() is not None:
            raise RuntimeError(f"chromium exited with {process.returncode}")
        return marker.exists() and bool(marker.read_text().strip())

    wait_until(port_written, timeout, "chromium to open its DevTools port", interval=0.1)
    return int(marker.read_text().split()[0])


async def _drive(port: int, url: str, selector: str, width: int) -> Page:
    page = Page()
    async with aiohttp.ClientSession() as http:
        async with http.get(f"http://127.0.0.1:{port}/json/list") as response:
            targets = await response.json()
        target = next(t for t in targets if t.get("type") == "page")
        async with http.ws_connect(target["webSocketDebuggerUrl"], max_msg_size=0) as ws:
            cdp = _Cdp(ws, page)
            for domain in ("Page", "Network", "Runtime", "Log"):
                await cdp.call(f"{domain}.enable")
            await cdp.call("Emulation.setDeviceMetricsOverride", width=width, height=900, deviceScaleFactor=1,
                           mobile=False)
            loaded = cdp.waiter("Page.loadEventFired")
            await cdp.call("Page.navigate", url=url)
            await loaded
            found = await cdp.call("Runtime.evaluate", returnByValue=True, expression=(
                "JSON.stringify([...document.querySelectorAll(" + json.dumps(selector) + ")].map(e => {"
                "const r = e.getBoundingClientRect(); return [r.x + scrollX, r.y + scrollY, r.width, r.height]}))"))
            page.boxes = [tuple(b) for b in json.loads(found["result"]["value"])]
            for x, y, w, h in page.boxes:
                shot = await cdp.call("Page.captureScreenshot", format="png", captureBeyondViewport=True,
                                      clip={"x": x, "y": y, "width": w, "height": h, "scale": 1})
                page.shots.append(base64.b64decode(shot["data"]))
            whole = await cdp.call("Page.captureScreenshot", format="png", captureBeyondViewport=True)
            page.full = base64.b64decode(whole["data"])
    return page


class _Cdp:
    """A minimal DevTools protocol client: calls with ids, and events recorded as they arrive."""

    def __init__(self, ws: aiohttp.ClientWebSocketResponse, page: Page) -> None:
        self.ws, self.page = ws, page
        self.ids = itertools.count(1)
        self.pending: dict[int, asyncio.Future[Any]] = {}
        self.waiting: dict[str, asyncio.Future[Any]] = {}
        self.reader = asyncio.ensure_future(self._read())

    async def call(self, method: str, **params: Any) -> Any:
        call_id = next(self.ids)
        future: asyncio.Future[Any] = asyncio.get_running_loop().create_future()
        self.pending[call_id] = future
        await self.ws.send_str(json.dumps({"id": call_id, "method": method, "params": params}))
        return await future

    def waiter(self, event: str) -> asyncio.Future[Any]:
        future: asyncio.Future[Any] = asyncio.get_running_loop().create_future()
        self.waiting[event] = future
        return future

    async def _read(self) -> None:
        async for message in self.ws:
            data = json.loads(message.data)
            if "id" in data:
                future = self.pending.pop(data["id"])
                if "error" in data:
                    future.set_exception(RuntimeError(str(data["error"])))
                else:
                    future.set_result(data.get("result", {}))
                continue
            method, params = data.get("method", ""), data.get("params", {})
            if method == "Network.requestWillBeSent":
                self.page.requests.append(params["request"]["url"])
            elif method == "Network.loadingFailed":
                self.page.failed.append(params.get("errorText", ""))
            elif method == "Log.entryAdded":
                self.page.console.append(params["entry"].get("text", ""))
            elif method == "Runtime.consoleAPICalled":
                self.page.console.append(" ".join(str(a.get("value", "")) for a in params.get("args", [])))
            if method in self.waiting and not self.waiting[method].done():
                self.waiting.pop(method).set_result(params)
