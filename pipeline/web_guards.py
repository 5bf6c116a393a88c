"""urllib's handlers as web.fetch needs them: no redirect followed by itself, and the address connected to checked.

Imported only when a URL is fetched (see pipeline/web.py).
"""
from __future__ import annotations

import http.client
import urllib.request

from . import web
from .errors import InputError


def open_url(url: str, headers: dict[str, str], allow_private: bool, timeout: float):
    """The response to a GET of ``url``; a redirect comes back as a response; private addresses refused unless allowed."""
    handlers = [_NoRedirects()]
    if not allow_private:
        handlers += [_GuardedHTTP(url), _GuardedHTTPS(url)]
    return urllib.request.build_opener(*handlers).open(urllib.request.Request(url, headers=headers), timeout=timeout)


class _NoRedirects(urllib.request.HTTPRedirectHandler):
    """Redirects come back as responses, so each hop is checked before it is followed."""

    def redirect_request(self, *_args, **_kwargs):
        return None

    def http_error_302(self, req, fp, code, msg, headers):
        return fp

    http_error_301 = http_error_303 = http_error_307 = http_error_308 = http_error_302


def _guarded(connection_class, url: str):
    """A connection class that checks the address it actually reached (a name may resolve differently twice)."""

    def make(host, **kwargs):
        connection = connection_class(host, **kwargs)
        connect = connection._create_connection

        def checked(address, *args, **kw):
            sock = connect(address, *args, **kw)
            try:
                web._refuse_private(url, address[0], sock.getpeername()[0])
            except InputError:
                sock.close()
                raise
            return sock

        connection._create_connection = checked
        return connection

    return make


class _GuardedHTTP(urllib.request.HTTPHandler):
    def __init__(self, url: str):
        super().__init__()
        self.url = url

    def http_open(self, req):
        if req.has_proxy():  # the proxy is the operator's choice; the target was checked by name
            return super().http_open(req)
        return self.do_open(_guarded(http.client.HTTPConnection, self.url), req)


class _GuardedHTTPS(urllib.request.HTTPSHandler):
    def __init__(self, url: str):
        super().__init__()
        self.url = url

    def https_open(self, req):
        if req.has_proxy():
            return super().https_open(req)
        return self.do_open(_guarded(http.client.HTTPSConnection, self.url), req, context=self._context)
