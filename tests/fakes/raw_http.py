"""HTTP/1.1 by hand over a socket to 127.0.0.1: for requests urllib will not send (a Content-Length that lies,
chunked bodies, headers that never end) and for reading the answer with a bounded wait."""

from __future__ import annotations

import select
import socket
from dataclasses import dataclass


@dataclass(frozen=True)
class RawAnswer:
    """The status line's code (0 when the server closed without answering) and the body as far as it came."""

    status: int
    body: bytes


def request_head(path: str, headers: dict[str, str], *, method: str = "POST") -> bytes:
    """The request line and headers, ending with the blank line."""
    lines = [f"{method} {path} HTTP/1.1", "Host: 127.0.0.1", *(f"{k}: {v}" for k, v in headers.items())]
    return ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1")


def read_answer(sock: socket.socket, timeout: float = 10.0) -> RawAnswer:
    """Read until the server closes or the answer's Content-Length is in; a reset counts as closed."""
    sock.settimeout(timeout)
    data = b""
    try:
        while True:
            chunk = sock.recv(65536)
            if not chunk:
                break
            data += chunk
            head, sep, body = data.partition(b"\r\n\r\n")
            if sep:
                lines = head.split(b"\r\n")
                length = [line.split(b":", 1)[1] for line in lines if line.lower().startswith(b"content-length:")]
                if length and len(body) >= int(length[0]):
                    break
    except (ConnectionResetError, BrokenPipeError):
        pass
    if not data.startswith(b"HTTP/1.1 "):
        return RawAnswer(0, b"")
    head, _, body = data.partition(b"\r\n\r\n")
    return RawAnswer(int(head.split(b" ", 2)[1]), body)


def exchange(port: int, raw: bytes, timeout: float = 10.0, piece: int = 64 * 1024) -> RawAnswer:
    """Send ``raw`` on a new connection in pieces and read the answer. A server that answers before the end (a
    refused body) is heard: sending stops as soon as an answer is waiting, before a reset could lose it."""
    with socket.create_connection(("127.0.0.1", port), timeout=timeout) as sock:
        for start in range(0, len(raw), piece):
            if select.select([sock], [], [], 0)[0]:
                break
            try:
                sock.sendall(raw[start : start + piece])
            except (ConnectionResetError, BrokenPipeError):
                break
        return read_answer(sock, timeout)
