"""How the extraction benchmarks (extract.py, meta.py, perturb.py) read a bench folder and its pages.

A bench folder holds html/<id>.html.gz, text/<id>.txt and gold.json; its scorers (score_extract.py,
score_meta.py) sit in it or beside it. Each page is read by our pipeline and, for comparison, by
trafilatura alone (favor_precision=True), as the same dictionaries the scorers read.
"""
from __future__ import annotations

import gzip
import importlib.util
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pipeline import NewscastError, clean, load, segment  # noqa: E402


def scorer_path(bench: Path, name: str) -> Path | None:
    """The scorer ``name`` (score_extract.py, score_meta.py) in the bench folder or beside it."""
    return next((p for p in (bench / name, bench.parent / name) if p.exists()), None)


def scorer(bench: Path, name: str):
    """The scorer ``name`` loaded as a module, to score pages one by one."""
    path = scorer_path(bench, name)
    if path is None:
        raise SystemExit(f"no {name} in {bench} or beside it")
    spec = importlib.util.spec_from_file_location(path.stem, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def real_articles(gold: dict) -> dict:
    """The gold without the Lorem-ipsum markup fixtures (readability/), which are no articles to score."""
    return {k: v for k, v in gold.items() if "lorem ipsum" not in (v.get("articleBody") or "").lower()}


def page_html(path: Path) -> str:
    data = path.read_bytes()
    return (gzip.decompress(data) if path.suffix == ".gz" else data).decode("utf-8", "replace")


def our_reading(path: Path) -> tuple[str, dict]:
    """Our article's text ("" when refused) and metadata (what the page states when segment refuses the
    article; nothing when clean does), in the keys score_meta.py reads."""
    try:
        document = clean(load(path))
    except NewscastError:
        return "", {}
    try:
        article = segment(document)
    except NewscastError:
        meta = document.meta
        return "", {"headline": meta.headline, "authors": list(meta.authors), "source": meta.source,
                    "published": meta.published}
    return article.text, {"headline": article.headline, "authors": list(article.authors),
                          "source": article.source, "published": article.published}


def trafilatura_body(html: str) -> str:
    import trafilatura

    return trafilatura.extract(html, favor_precision=True) or ""


def trafilatura_meta(html: str) -> dict:
    import trafilatura

    found = trafilatura.extract_metadata(html)
    if found is None:
        return {}
    return {"title": found.title, "author": found.author, "sitename": found.sitename, "date": found.date}


def with_silver_metadata(bench: Path, gold: dict) -> bool:
    """When the gold holds no metadata (extract/), fill it in with a silver standard read by trafilatura from
    each page's HTML; whether it did. trafilatura's own metadata then scores 1.000 by construction."""
    if any("headline" in v for v in gold.values()):
        return False
    for page_id, entry in gold.items():
        found = trafilatura_meta(page_html(bench / "html" / f"{page_id}.html.gz"))
        entry.update({"headline": found.get("title"), "byline": found.get("author"),
                      "siteName": found.get("sitename"), "publishedTime": found.get("date")})
    return True
