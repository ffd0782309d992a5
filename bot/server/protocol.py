"""uvicorn's HTTP/1.1 protocol (h11) with a deadline on receiving each request, headers and body.

uvicorn has no such timeout: its keep-alive timer is cancelled by every byte that arrives, so a client that sends
one header line every few seconds (slowloris) holds its connection for as long as it likes, and one that sends
half a request and then nothing holds it for ever. On an event loop those connections block nobody else, but
each one is a file descriptor and a little memory kept at the attacker's pleasure. Slack sends a whole request at
once and gives up on an answer after 3 seconds, so a request still arriving after ``REQUEST_SECONDS`` is not
Slack's: the connection is closed.

The clock starts when the connection opens, and again when a response completes on a kept-alive connection (the
next request has ``REQUEST_SECONDS`` to arrive; uvicorn's shorter keep-alive timeout closes an idle one first).
It stops once h11 has read the whole request, so an answer that takes long is never cut.
"""

from __future__ import annotations

import asyncio
import logging

import h11
from uvicorn.protocols.http.h11_impl import H11Protocol

# Seconds from a connection's opening (or its last response) to the end of the request's body.
REQUEST_SECONDS = 5.0
# What h11 holds of a request whose headers have not ended yet: past it, a 400 (its own default; Slack's headers
# are about 1 KiB).
MAX_HEADER_BYTES = 16 * 1024

logger = logging.getLogger(__name__)


class DeadlineH11Protocol(H11Protocol):
    """``H11Protocol`` that closes a connection whose request is not all in within ``REQUEST_SECONDS``."""

    request_seconds = REQUEST_SECONDS
    _deadline: asyncio.TimerHandle | None = None

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        super().connection_made(transport)
        self._arm()

    def data_received(self, data: bytes) -> None:
        super().data_received(data)
        if self.conn.their_state is not h11.IDLE and self.conn.their_state is not h11.SEND_BODY:
            self._disarm()  # the request is in (DONE), or the connection is over: nothing left to wait for

    def on_response_complete(self) -> None:
        super().on_response_complete()
        if not self.transport.is_closing():
            self._arm()

    def connection_lost(self, exc: Exception | None) -> None:
        self._disarm()
        super().connection_lost(exc)

    def _arm(self) -> None:
        self._disarm()
        self._deadline = self.loop.call_later(self.request_seconds, self._expired)

    def _disarm(self) -> None:
        if self._deadline is not None:
            self._deadline.cancel()
            self._deadline = None

    def _expired(self) -> None:
        self._deadline = None
        if self.transport.is_closing() or self.conn.their_state not in (h11.IDLE, h11.SEND_BODY):
            return
        # DEBUG: a slowloris holding thousands of connections must not also flood the log.
        logger.debug("closed a connection whose request took over %.0f s to arrive", self.request_seconds)
        self.transport.close()
