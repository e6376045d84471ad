"""The API's errors and its token check, apart from the app and the routes (both use them)."""

from __future__ import annotations

import hmac

from fastapi import Request
from fastapi.responses import JSONResponse


class ApiError(Exception):
    """An error answered as ``{"ok": false, "error": ..., "status": ...}``."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


def error_response(status: int, message: str) -> JSONResponse:
    return JSONResponse({"ok": False, "error": message, "status": status}, status_code=status)


def check_token(request: Request) -> None:
    """Refuse a write unless the app has a token and the request presents it."""
    expected: str | None = request.app.state.token
    if not expected:
        raise ApiError(403, "write endpoints are disabled: start the server with a token")
    given = request.headers.get("x-geopol-token", "")
    auth = request.headers.get("authorization", "")
    if auth.lower().startswith("bearer "):
        given = auth[7:].strip()
    if not given:
        raise ApiError(401, "this endpoint needs a token (Authorization: Bearer TOKEN)")
    if not hmac.compare_digest(given.encode(), expected.encode()):
        raise ApiError(401, "wrong token")
