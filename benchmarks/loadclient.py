"""A small HTTP/1.1 keep-alive load client on asyncio streams (no dependencies).

It drives the server from the runner's process, not the server's: each simulated client keeps
one connection and sends its next request as soon as the previous answer has arrived.
"""

from __future__ import annotations

import asyncio
import json
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field


@dataclass
class Response:
    status: int
    body: bytes
    seconds: float

    def json(self):
        return json.loads(self.body)


class Connection:
    def __init__(self, host: str, port: int):
        self.host, self.port = host, port
        self.reader: asyncio.StreamReader | None = None
        self.writer: asyncio.StreamWriter | None = None

    async def _open(self) -> None:
        self.reader, self.writer = await asyncio.open_connection(self.host, self.port)

    async def request(self, method: str, path: str, *, token: str | None = None,
                      payload: dict | None = None,
                      headers: dict[str, str] | None = None) -> Response:
        body = json.dumps(payload).encode() if payload is not None else b""
        lines = [f"{method} {path} HTTP/1.1", f"Host: {self.host}:{self.port}",
                 "Connection: keep-alive"]
        if token:
            lines.append(f"Authorization: Bearer {token}")
        lines += [f"{name}: {value}" for name, value in (headers or {}).items()]
        if payload is not None:
            lines += ["Content-Type: application/json", f"Content-Length: {len(body)}"]
        raw = ("\r\n".join(lines) + "\r\n\r\n").encode() + body
        for attempt in (1, 2):  # a keep-alive connection the server closed: reopen once
            if self.writer is None:
                await self._open()
            started = time.perf_counter()
            try:
                self.writer.write(raw)
                status, data = await self._read()
            except (ConnectionError, asyncio.IncompleteReadError):
                await self.close()
                if attempt == 2:
                    raise
                continue
            return Response(status, data, time.perf_counter() - started)
        raise AssertionError("unreachable")

    async def _read(self) -> tuple[int, bytes]:
        head = await self.reader.readuntil(b"\r\n\r\n")
        status_line, *header_lines = head.decode("latin-1").split("\r\n")
        status = int(status_line.split(" ", 2)[1])
        headers = {}
        for line in header_lines:
            if ":" in line:
                name, value = line.split(":", 1)
                headers[name.strip().lower()] = value.strip()
        if headers.get("transfer-encoding", "").lower() == "chunked":
            data = b""
            while True:
                size = int((await self.reader.readuntil(b"\r\n"))[:-2], 16)
                data += await self.reader.readexactly(size + 2)
                if size == 0:
                    break
            data = data[:-2]
        else:
            data = await self.reader.readexactly(int(headers.get("content-length", "0")))
        if headers.get("connection", "").lower() == "close":
            await self.close()
        return status, data

    async def close(self) -> None:
        if self.writer is not None:
            self.writer.close()
            try:
                await self.writer.wait_closed()
            except (ConnectionError, OSError):
                pass
        self.reader = self.writer = None


@dataclass
class LoadResult:
    seconds: float
    latencies: list[float] = field(default_factory=list)
    errors: dict[int, int] = field(default_factory=dict)

    @property
    def count(self) -> int:
        return len(self.latencies)

    def add(self, response: Response) -> None:
        """Count an answer: its latency, or its status among the errors."""
        if response.status >= 400:
            self.errors[response.status] = self.errors.get(response.status, 0) + 1
        else:
            self.latencies.append(response.seconds)

    @property
    def rate(self) -> float:
        return self.count / self.seconds if self.seconds else 0.0


Job = Callable[[Connection], Awaitable[Response]]
RECONNECT = 50  # requests per connection: the kernel hands new ones to any server process


async def closed_loop(host: str, port: int, job: Job, *, clients: int, seconds: float,
                      warmup: float = 2.0) -> LoadResult:
    """``clients`` connections each running ``job`` back to back; the first ``warmup`` seconds
    are not counted."""
    start = time.perf_counter()
    counted_from, end = start + warmup, start + warmup + seconds
    result = LoadResult(seconds)

    async def one_client() -> None:
        conn = Connection(host, port)
        sent = 0
        try:
            while (now := time.perf_counter()) < end:
                sent += 1
                if sent % RECONNECT == 0:  # spread the connections over the server processes
                    await conn.close()
                response = await job(conn)
                if now >= counted_from:
                    result.add(response)
        finally:
            await conn.close()

    await asyncio.gather(*(one_client() for _ in range(clients)))
    return result


async def fixed_count(host: str, port: int, job: Job, *, clients: int, total: int) -> LoadResult:
    """``total`` runs of ``job`` shared by ``clients`` connections, timed from first to last."""
    result = LoadResult(0.0)
    left = [total]

    async def one_client() -> None:
        conn = Connection(host, port)
        sent = 0
        try:
            while left[0] > 0:
                left[0] -= 1
                sent += 1
                if sent % RECONNECT == 0:
                    await conn.close()
                result.add(await job(conn))
        finally:
            await conn.close()

    started = time.perf_counter()
    await asyncio.gather(*(one_client() for _ in range(clients)))
    result.seconds = time.perf_counter() - started
    return result
