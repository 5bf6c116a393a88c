"""Pages by URL, from a server on this machine's loopback."""
import gzip
import http.server
import threading
import time

import pytest
from conftest import FIXTURES

from pipeline import InputError, clean, load, segment
from pipeline import web

PAGE = (FIXTURES / "harbour.html").read_bytes()
LATIN = "<html><body><p>Caf\u00e9 cr\u00e8me</p></body></html>".encode("iso-8859-1")


class Handler(http.server.BaseHTTPRequestHandler):
    def log_message(self, *args):
        pass

    def do_GET(self):
        routes = {
            "/page": (200, "text/html; charset=utf-8", PAGE, {}),
            "/latin": (200, "text/html; charset=iso-8859-1", LATIN, {}),
            "/gzip": (200, "text/html", gzip.compress(PAGE), {"Content-Encoding": "gzip"}),
            "/moved": (301, "text/html", b"", {"Location": "/page"}),
            "/pdf": (200, "application/pdf", b"%PDF-1.4", {}),
            "/missing": (404, "text/html", b"not here", {}),
        }
        if self.path == "/slow":
            time.sleep(2)
        status, ctype, body, headers = routes.get(self.path, (200, "text/html", PAGE, {}))
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        for k, v in headers.items():
            self.send_header(k, v)
        self.end_headers()
        self.wfile.write(body)


@pytest.fixture(scope="module")
def server():
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


def test_page_by_url(server):
    page = load(f"{server}/page")
    assert page.kind == "html" and page.origin == f"{server}/page"
    assert segment(clean(page)).headline == "Harbour wall to be rebuilt after storm"


def test_http_charset_is_honoured(server):
    assert "Café crème" in load(f"{server}/latin").content


def test_gzip_transfer_and_redirects(server):
    assert load(f"{server}/gzip").content == PAGE.decode()
    assert load(f"{server}/moved").content == PAGE.decode()


@pytest.mark.parametrize(
    "path, message",
    [("/pdf", "not a web page"), ("/missing", "answered 404")],
)
def test_server_refusals(server, path, message):
    with pytest.raises(InputError, match=message):
        load(f"{server}{path}")


def test_timeout(server, monkeypatch):
    monkeypatch.setattr(web, "TIMEOUT_S", 0.5)
    with pytest.raises(InputError, match="no answer within"):
        load(f"{server}/slow")


def test_unreachable_server():
    with pytest.raises(InputError, match="cannot connect"):
        load("http://127.0.0.1:9/")  # the discard port: nothing listens there


def test_other_schemes_are_refused():
    with pytest.raises(InputError, match="only http and https"):
        load("ftp://example.com/page.html")
