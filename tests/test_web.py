"""Pages by URL, from a server on this machine's loopback (which every test here opts in to)."""
import gzip
import http.server
import ipaddress
import threading
import time
import zlib

import pytest
from conftest import FIXTURES

from pipeline import InputError, clean, load, segment
from pipeline import web

PAGE = (FIXTURES / "harbour.html").read_bytes()
BOMB = gzip.compress(b"<p>" + b"a" * (30 * 1024 * 1024))  # 30 MB in 30 kB
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
            "/bomb": (200, "text/html", BOMB, {"Content-Encoding": "gzip"}),
            "/deflate": (200, "text/html", zlib.compress(PAGE), {"Content-Encoding": "deflate"}),
            "/raw-deflate": (200, "text/html", zlib.compress(PAGE)[2:-4], {"Content-Encoding": "deflate"}),
            "/brotli": (200, "text/html", b"\x0b", {"Content-Encoding": "br"}),
            "/cut-gzip": (200, "text/html", gzip.compress(PAGE)[:-20], {"Content-Encoding": "gzip"}),
            "/to-ftp": (302, "text/html", b"", {"Location": "ftp://example.com/page"}),
            "/to-other": (302, "text/html", b"", {"Location": f"http://127.0.0.2:{self.server.server_address[1]}/page"}),
            "/missing": (404, "text/html", b"not here", {}),
        }
        if self.path == "/slow":
            time.sleep(2)
        if self.path.startswith("/loop"):
            hop = int(self.path[5:] or 0)
            routes[self.path] = (302, "text/html", b"", {"Location": f"/loop{hop + 1}" if hop < 9 else "/page"})
        if self.path == "/drip":
            return self._drip()
        if self.path == "/endless":
            return self._endless()
        status, ctype, body, headers = routes.get(self.path, (200, "text/html", PAGE, {}))
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        for k, v in headers.items():
            self.send_header(k, v)
        self.end_headers()
        try:
            self.wfile.write(body)
        except OSError:  # the client stopped reading: what a refused body looks like
            pass

    def _drip(self):
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.end_headers()
        try:
            for _ in range(40):
                self.wfile.write(b"<p>x</p>")
                self.wfile.flush()
                time.sleep(0.1)
        except OSError:
            pass  # the client gave up, as the test wants: nothing to report

    def _endless(self):  # no Content-Length: only counting while reading stops it
        self.send_response(200)
        self.send_header("Content-Type", "text/plain")
        self.end_headers()
        piece = b"word " * 20000
        try:
            for _ in range(1000):
                self.wfile.write(piece)
        except OSError:
            pass


@pytest.fixture(scope="module")
def server():
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


def fetch(url, **kwargs):
    return load(url, allow_private=True, **kwargs)


def test_page_by_url(server):
    page = fetch(f"{server}/page")
    assert page.kind == "html" and page.origin == f"{server}/page"
    assert segment(clean(page)).headline == "Harbour wall to be rebuilt after storm"


def test_http_charset_is_honoured(server):
    assert "Café crème" in fetch(f"{server}/latin").content


def test_gzip_transfer_and_redirects(server):
    assert fetch(f"{server}/gzip").content == PAGE.decode()
    assert fetch(f"{server}/moved").content == PAGE.decode()
    assert fetch(f"{server}/loop5").content == PAGE.decode()  # five redirects are followed
    assert fetch(f"{server}/deflate").content == PAGE.decode()
    assert fetch(f"{server}/raw-deflate").content == PAGE.decode()  # what some servers send as deflate


@pytest.mark.parametrize(
    "path, message",
    [
        ("/pdf", "not a web page or text .*application/pdf"),
        ("/missing", "answered 404"),
        ("/loop", "more than 5 redirects"),
        ("/to-ftp", "redirected to a ftp URL"),
        ("/bomb", "more than the 20 MB limit"),
        ("/endless", "larger than the 20 MB limit"),
        ("/brotli", "unsupported encoding \\(br\\)"),
        ("/cut-gzip", "damaged gzip data"),
    ],
)
def test_server_refusals(server, path, message):
    began = time.monotonic()
    with pytest.raises(InputError, match=message) as error:
        fetch(f"{server}{path}")
    assert "\n" not in str(error.value) and time.monotonic() - began < 10


def test_timeout(server, monkeypatch):
    monkeypatch.setattr(web, "TIMEOUT_S", 0.5)
    with pytest.raises(InputError, match="no answer within"):
        fetch(f"{server}/slow")


def test_the_deadline_covers_a_dripping_body(server, monkeypatch):
    monkeypatch.setattr(web, "TIMEOUT_S", 1)
    began = time.monotonic()
    with pytest.raises(InputError, match="within 1 s"):
        fetch(f"{server}/drip")  # a byte every 0.1 s would take 4 s
    assert time.monotonic() - began < 2.5


@pytest.mark.parametrize("url", ["http://127.0.0.1:9/", "http://localhost/", "http://10.1.2.3/", "http://169.254.169.254/latest/", "http://[::1]/"])
def test_private_hosts_are_refused_unless_allowed(url):
    with pytest.raises(InputError, match="private, loopback or link-local.*--allow-private-urls"):
        load(url)


def test_the_cli_flag_allows_private_hosts_for_its_block(server):
    with web.private_urls_allowed():
        assert load(f"{server}/page").kind == "html"
    with pytest.raises(InputError, match="private"):
        load(f"{server}/page")


def test_every_redirect_hop_is_checked(server, monkeypatch):
    # Pretend 127.0.0.1 is a public address, so only the hop to 127.0.0.2 is private.
    refuse = web._refuse_private
    monkeypatch.setattr(web, "_refuse_private", lambda url, host, address: None if address == "127.0.0.1" else refuse(url, host, address))
    assert load(f"{server}/page").kind == "html"
    with pytest.raises(InputError, match="127.0.0.2 is a private"):
        load(f"{server}/to-other")


def test_the_address_connected_to_is_checked_too(server, monkeypatch):
    # A name that resolved to a public address when checked, then to a private one when connecting.
    monkeypatch.setattr(web, "_check_target", lambda *args: None)
    with pytest.raises(InputError, match="private"):
        load(f"{server}/page")


def test_addresses_classified():
    for address in ("127.0.0.1", "10.0.0.1", "192.168.1.1", "172.16.0.1", "169.254.1.1", "::1", "fe80::1", "fc00::1", "::ffff:127.0.0.1", "0.0.0.0", "100.64.0.1"):
        with pytest.raises(InputError):
            web._refuse_private("u", "h", address)
    for address in ("93.184.216.34", "2606:2800:220:1:248:1893:25c8:1946"):
        web._refuse_private("u", "h", address)
    assert ipaddress.ip_address("8.8.8.8").is_global


def test_unreachable_server():
    with pytest.raises(InputError, match="cannot connect"):
        fetch("http://127.0.0.1:9/")  # the discard port: nothing listens there


def test_other_schemes_are_refused():
    with pytest.raises(InputError, match="only http and https"):
        load("ftp://example.com/page.html")
