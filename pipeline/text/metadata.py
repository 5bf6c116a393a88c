"""What an HTML page says about its article: JSON-LD, OpenGraph, <meta>, <time>."""
from __future__ import annotations

import json
import re

from bs4 import BeautifulSoup

from ..model import Metadata
from .dates import find_date

_ARTICLE_TYPES = re.compile(r"(?:News)?Article|BlogPosting|Report|WebPage|ReportageNewsArticle", re.I)
_SITE_SUFFIX = re.compile(r"\s*[|–—-]\s*[^|–—-]{2,40}$")


def read_metadata(soup: BeautifulSoup, url: str | None = None) -> Metadata:
    ld = _json_ld(soup)
    meta = {}
    for tag in soup.find_all("meta"):
        key = (tag.get("property") or tag.get("name") or tag.get("itemprop") or "").strip().lower()
        if key and tag.get("content") and key not in meta:
            meta[key] = " ".join(tag["content"].split())
    title_tag = soup.title.get_text(" ", strip=True) if soup.title else None
    headline = (
        _text(ld.get("headline"))
        or meta.get("og:title")
        or meta.get("twitter:title")
        or (_SITE_SUFFIX.sub("", title_tag) if title_tag else None)
    )
    published = (
        _iso(ld.get("datePublished"))
        or _iso(meta.get("article:published_time"))
        or _iso(meta.get("datepublished"))
        or _iso(meta.get("date"))
        or _iso(meta.get("pubdate"))
        or _time_tag(soup)
    )
    publisher = ld.get("publisher")
    source = meta.get("og:site_name") or (publisher.get("name") if isinstance(publisher, dict) else None)
    if source:
        # "Autoracing | F1 | Indy | …": the name is what comes before the first separator.
        # A social handle ("@politifact") names the site too.
        source = re.split(r"\s+[|–—-]\s+", source)[0].strip().lstrip("@") or None
    html = soup.find("html")
    language = (html.get("lang") if html else None) or meta.get("og:locale") or meta.get("language")
    canonical = soup.find("link", rel="canonical")
    ld_type = ld.get("@type")
    page_type = meta.get("og:type") or ("article" if ld_type else None)
    return Metadata(
        headline=headline,
        source=source,
        published=published,
        language=(language or "").replace("_", "-").split("-")[0].lower() or "en",
        authors=_authors(ld.get("author")) or tuple(a for a in [meta.get("author")] if a and "http" not in a),
        url=(canonical.get("href") if canonical else None) or meta.get("og:url") or url,
        page_type=page_type.lower() if page_type else None,
    )


def _json_ld(soup: BeautifulSoup) -> dict:
    """The first JSON-LD object that describes an article (graphs and lists searched)."""
    for script in soup.find_all("script", type="application/ld+json"):
        try:
            data = json.loads(script.string or "")
        except (json.JSONDecodeError, TypeError):
            continue
        stack = [data]
        while stack:
            item = stack.pop(0)
            if isinstance(item, list):
                stack.extend(item)
            elif isinstance(item, dict):
                kind = item.get("@type")
                kinds = kind if isinstance(kind, list) else [kind]
                if any(isinstance(k, str) and _ARTICLE_TYPES.fullmatch(k) for k in kinds) and item.get("headline"):
                    return item
                stack.extend(v for v in item.values() if isinstance(v, (list, dict)))
    return {}


def _authors(value) -> tuple[str, ...]:
    items = value if isinstance(value, list) else [value]
    names = []
    for item in items:
        name = item.get("name") if isinstance(item, dict) else item
        if isinstance(name, str) and name.strip() and "http" not in name:
            names.append(" ".join(name.split()))
    return tuple(names)


def _text(value) -> str | None:
    return " ".join(value.split()) if isinstance(value, str) and value.strip() else None


def _iso(value: str | None) -> str | None:
    if not value:
        return None
    value = value.strip()
    m = re.match(r"(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2})(?::\d{2})?(?:\.\d+)?\s*(Z|[+-]\d{2}:?\d{2})?)?", value)
    if not m:
        return find_date(value)
    date, time, zone = m.groups()
    if not time:
        return date
    zone = "+00:00" if zone == "Z" else (zone if not zone or ":" in zone else f"{zone[:3]}:{zone[3:]}")
    return f"{date}T{time}:00{zone or ''}"


def _time_tag(soup: BeautifulSoup) -> str | None:
    for tag in soup.find_all("time"):
        found = _iso(tag.get("datetime")) or find_date(tag.get_text(" ", strip=True))
        if found:
            return found
    return None
