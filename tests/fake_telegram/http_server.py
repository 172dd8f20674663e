"""The HTTP side of the fake: an aiohttp server in its own thread and event loop, and the path of one request.

Its own thread makes it work for sync tests, async tests on any event loop (pytest-asyncio gives every test a
fresh loop) and bots in subprocesses. A request is decoded with the spec, held back if the test asked for a
delay, validated, failed if the test injected a fault, answered by the methods, and recorded.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import threading
from typing import Any

from aiohttp import web

from .errors import ApiError, error_body
from .faults import Faults
from .methods import Methods
from .spec import load_spec
from .state import Call, State
from .updates import Updates
from .validator import UploadedFile, Violation, check_call, decode_params


class HttpServer:
    def __init__(self, token: str, state: State, faults: Faults, methods: Methods, updates: Updates) -> None:
        self.token = token
        self.state, self.faults, self.methods, self.updates = state, faults, methods, updates
        self.port: int | None = None
        self._loop: asyncio.AbstractEventLoop | None = None
        self._thread: threading.Thread | None = None
        self._runner: web.AppRunner | None = None
        self._ready = threading.Event()
        self._startup_error: BaseException | None = None

    # Lifecycle ------------------------------------------------------------------------------------------------

    def start(self) -> None:
        """Start the server thread and wait until it listens (idempotent)."""
        if self._thread is not None:
            return
        self._ready.clear()
        self.updates.closing = False
        self._startup_error = None
        self._thread = threading.Thread(target=self._run, name="fake-telegram", daemon=True)
        self._thread.start()
        if not self._ready.wait(10):
            raise RuntimeError("fake Telegram server did not start within 10 s")
        if self._startup_error is not None:
            raise RuntimeError("fake Telegram server failed to start") from self._startup_error

    def stop(self) -> None:
        """Stop the server: pending long polls return at once, open connections are closed."""
        thread, loop = self._thread, self._loop
        if thread is None or loop is None:
            return
        with contextlib.suppress(RuntimeError):  # loop already gone
            asyncio.run_coroutine_threadsafe(self._shutdown(), loop).result(15)
            loop.call_soon_threadsafe(loop.stop)
        thread.join(15)
        self._thread = None

    def _run(self) -> None:
        loop = asyncio.new_event_loop()
        self._loop = loop
        asyncio.set_event_loop(loop)
        try:
            try:
                loop.run_until_complete(self._startup())
                self.updates.loop = loop
            except BaseException as error:  # reported to start() in the test thread
                self._startup_error = error
                return
            finally:
                self._ready.set()
            loop.run_forever()
        finally:
            with contextlib.suppress(Exception):
                loop.run_until_complete(loop.shutdown_asyncgens())
            loop.close()

    async def _startup(self) -> None:
        # Telegram accepts uploads up to 50 MB; aiohttp's default limit is 1 MiB.
        app = web.Application(client_max_size=50 * 1024 * 1024)
        app.router.add_route("*", "/bot{token}/{method}", self._handle_api)
        app.router.add_route("GET", "/file/bot{token}/{path:.+}", self._handle_file)
        # A short shutdown_timeout: a bot that never closed its session must not stall test teardown for 60 s.
        self._runner = web.AppRunner(app, access_log=None, shutdown_timeout=1.0)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        self.port = self._runner.addresses[0][1]  # the port the system chose

    async def _shutdown(self) -> None:
        self.updates.closing = True
        self.updates.wake_pollers()
        if self._runner is not None:
            await self._runner.cleanup()

    # Requests -------------------------------------------------------------------------------------------------

    async def _handle_api(self, request: web.Request) -> web.Response:
        if request.match_info["token"] != self.token:
            return web.json_response(error_body(401, "Unauthorized"), status=401)
        requested = request.match_info["method"]
        method_spec = load_spec().method(requested)
        method = method_spec.name if method_spec else requested
        call = self.state.arrive(method)
        try:
            raw, files = await _read_params(request)
        except (ValueError, UnicodeDecodeError) as error:
            problem = Violation(f"request body could not be parsed: {error}", "")
            return self._reply_error(call, ApiError(400, f"Bad Request: can't parse request body: {error}"), [problem])
        call.params, call.files = decode_params(method, raw), files
        params = call.params

        delay = self.faults.delay_for(method, params)
        if delay:
            await self.state.clock.sleep(delay)

        violations = check_call(method, params, attachments=files.keys())
        if violations:
            status = 404 if method_spec is None else 400
            return self._reply_error(call, ApiError(status, violations[0].description), violations)
        injected = self.faults.take(method)
        if injected is not None:
            call.injected = True
            return self._reply_error(call, injected)
        try:
            if method.lower() == "getupdates":
                result = await self.updates.get_updates(params)
            else:
                self.faults.check_blocked(method, params)
                result = self.methods.dispatch(method, params, call)
        except ApiError as error:
            return self._reply_error(call, error)
        except Exception as error:
            # A bug in the fake must fail the test loudly (via the violations list), not look like Telegram.
            bug = Violation(f"FAKE SERVER BUG: {type(error).__name__}: {error}", "Internal Server Error")
            return self._reply_error(call, ApiError(500, "Internal Server Error"), [bug])
        body = {"ok": True, "result": result}
        self.state.record(call, body, [])
        return web.json_response(body)

    def _reply_error(self, call: Call, error: ApiError, violations: list[Violation] | None = None) -> web.Response:
        call.status = error.status
        call.description = error.description
        body = error.body()
        self.state.record(call, body, [f"{call.method}: {v.problem}" for v in violations or []])
        return web.json_response(body, status=error.status)

    async def _handle_file(self, request: web.Request) -> web.Response:
        if request.match_info["token"] != self.token:
            return web.json_response(error_body(401, "Unauthorized"), status=401)
        stored = self.state.file_at(request.match_info["path"])
        if stored is None:
            return web.json_response(error_body(404, "Not Found"), status=404)
        return web.Response(body=stored.content, content_type=stored.mime_type or "application/octet-stream")


async def _read_params(request: web.Request) -> tuple[dict[str, Any], dict[str, UploadedFile]]:
    raw: dict[str, Any] = dict(request.query)
    files: dict[str, UploadedFile] = {}
    if request.method == "POST" and request.can_read_body:
        if request.content_type == "application/json":
            body = json.loads(await request.text() or "{}")
            if isinstance(body, dict):
                raw.update(body)
        else:
            form = await request.post()
            for key, value in form.items():
                if isinstance(value, web.FileField):
                    files[key] = UploadedFile(value.filename, value.file.read(), value.content_type)
                else:
                    raw[key] = value
    # A part referenced as attach://name belongs to another parameter; any other file part is itself a
    # parameter (PTB uploads `document` directly, aiogram sends document=attach://<random>).
    referenced = {name for name in files if any(f"attach://{name}" in str(v) for v in raw.values())}
    for name, upload in files.items():
        if name not in referenced:
            raw[name] = upload
    return raw, files
