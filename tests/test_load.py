import codecs
import gzip
import io
import zlib

import pytest

from pipeline import InputError, load
from pipeline.stages import load as load_module

HTML = b"<!DOCTYPE html><html><head><title>T</title></head><body><p>Hello</p></body></html>"


@pytest.mark.parametrize(
    "data, kind",
    [
        (HTML, "html"),
        (b"<div><p>Some text</p></div>", "html"),
        (b"Headline\n\nA paragraph of text about <things> and more.", "text"),
        (b"Plain text copy of a page\nwith lines", "text"),
        # A copy of a blog post that shows an HTML sample: prose before it and after it.
        (b"Get your code covered\nAdd this to your test page:\n<!DOCTYPE html>\n<html>\n<head><title>Test</title></head>\n"
         b"<body><div id=\"mocha\"></div></body>\n</html>\nThen run the suite and read the report.", "text"),
        # A server's warning printed before the page: the markup still closes it.
        (b"Warning: session_start() failed in index.php\n<!DOCTYPE html><html><body><p>Hi</p></body></html>\n", "html"),
        (codecs.BOM_UTF8 + HTML, "html"),
    ],
)
def test_kind_is_detected_from_content(tmp_path, data, kind):
    path = tmp_path / "page.dat"  # the extension says nothing
    path.write_bytes(data)
    assert load(path).kind == kind


def test_gzip_html_is_accepted(tmp_path):
    path = tmp_path / "page.html.gz"
    path.write_bytes(gzip.compress(HTML))
    page = load(path)
    assert page.kind == "html" and "<p>Hello</p>" in page.content


@pytest.mark.parametrize(
    "raw, expected, encoding",
    [
        ("Café € ñ".encode("utf-8"), "Café € ñ", "utf-8"),
        (codecs.BOM_UTF8 + "Zürich".encode("utf-8"), "Zürich", "utf-8-sig"),
        (codecs.BOM_UTF16_LE + "Kraków".encode("utf-16-le"), "Kraków", "utf-16"),
        ("Café – “quoted”".encode("cp1252"), "Café – “quoted”", "cp1252"),
    ],
)
def test_decoding(tmp_path, raw, expected, encoding):
    path = tmp_path / "page.txt"
    path.write_bytes(raw)
    page = load(path)
    assert page.content == expected
    assert page.encoding == encoding


def test_meta_charset_is_honoured(tmp_path):
    html = '<html><head><meta charset="iso-8859-7"></head><body><p>Αθήνα</p></body></html>'
    path = tmp_path / "greek.html"
    path.write_bytes(html.encode("iso-8859-7"))
    assert "Αθήνα" in load(path).content


def test_stdin(monkeypatch):
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(b"Some page text")))
    page = load("-")
    assert page.content == "Some page text" and page.origin == "-"


@pytest.mark.parametrize(
    "make, message",
    [
        (lambda p: None, "no such file"),
        (lambda p: p.write_bytes(b""), "empty"),
        (lambda p: p.write_bytes(b"  \n\t\n"), "empty"),
        (lambda p: p.write_bytes(bytes(range(256)) * 40), "binary"),
        (lambda p: p.mkdir(), "folder"),
    ],
)
def test_bad_input_is_one_clear_error(tmp_path, make, message):
    path = tmp_path / "input"
    make(path)
    with pytest.raises(InputError, match=message) as error:
        load(path)
    assert str(error.value).startswith("load: ") and "\n" not in str(error.value)


def test_huge_input_is_refused(tmp_path, monkeypatch):
    monkeypatch.setattr(load_module, "MAX_BYTES", 1000)
    path = tmp_path / "huge.txt"
    path.write_bytes(b"word " * 1000)
    with pytest.raises(InputError, match="limit"):
        load(path)


def test_a_gzip_bomb_is_refused_at_the_cap_without_inflating_it(tmp_path):
    path = tmp_path / "bomb.html.gz"
    packer = zlib.compressobj(9, zlib.DEFLATED, 31)
    zeros = b"\0" * (1 << 20)
    with path.open("wb") as fh:
        for _ in range(40):  # 40 MB of text in 40 kB
            fh.write(packer.compress(zeros))
        fh.write(packer.flush())
    with pytest.raises(InputError, match="inflates to more than the 20 MB limit"):
        load(path)


@pytest.mark.parametrize(
    "data, message",
    [
        (gzip.compress(HTML)[:-12], "cut short"),
        (b"\x1f\x8b" + b"not gzip at all", "damaged gzip"),
    ],
)
def test_damaged_gzip_is_one_clear_error(tmp_path, data, message):
    path = tmp_path / "page.gz"
    path.write_bytes(data)
    with pytest.raises(InputError, match=message):
        load(path)


def test_concatenated_gzip_members_are_joined(tmp_path):
    path = tmp_path / "page.gz"
    path.write_bytes(gzip.compress(HTML[:40]) + gzip.compress(HTML[40:]))
    assert load(path).content == HTML.decode()
