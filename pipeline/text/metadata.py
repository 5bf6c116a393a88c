"""What an HTML page says about its article: JSON-LD, OpenGraph, <meta>, bylines, datelines.

Each field is read from the most deliberate statement the page makes first
(JSON-LD, then <meta> tags), then from what the page shows a reader (byline
elements, "By …" lines, <time> elements, datelines), and for the date finally
from htmldate, which weighs every date on the page.
"""
from __future__ import annotations

import copy
import json
import re
from collections.abc import Iterable
from typing import NamedTuple
from urllib.parse import urlsplit

import htmldate
from lxml import etree
from lxml.html import HtmlElement

from ..model import Metadata
from .byline import byline_names, is_account, opens_with_by
from .dates import find_date

_ARTICLE_TYPES = re.compile(r"(?:News)?Article|BlogPosting|Report|WebPage|ReportageNewsArticle|\w+Article|Posting", re.I)
_SITE_SUFFIX = re.compile(r"\s*[|–—-]\s*[^|–—-]{2,40}$")
_SLUG = re.compile(r"[a-z0-9]+(?:[-_.][a-z0-9]+)*[-_.][a-z0-9]+")
_SEPARATOR = re.compile(r"\s+[|–—•·:-]+\s+|\s+[|–—•·]\s*|\s*[|–—•·]\s+")
_CDATA = re.compile(r"^\s*(?://\s*)?<!\[CDATA\[|(?://\s*)?\]\]>\s*$")
# <meta> names that hold the author's name (not a profile URL) on news sites.
_AUTHOR_META = ("author", "article:author", "parsely-author", "sailthru.author", "dc.creator", "dcterms.creator", "byl", "cxenseparse:author")
_DATE_META = (
    "article:published_time", "datepublished", "date", "pubdate", "publishdate", "publish-date", "dc.date.issued",
    "dc.date", "dcterms.created", "parsely-pub-date", "sailthru.date", "og:published_time", "article.published",
    "citation_publication_date", "originalpublicationdate",
)
_SITE_META = ("og:site_name", "application-name", "al:ios:app_name", "apple-mobile-web-app-title", "cxenseparse:site")
# Class or id names of elements that hold the byline.
_BYLINE_NAMES = re.compile(r"byline|author|writer|contributor|creator", re.I)
_NOT_BYLINE = re.compile(r"bio|avatar|image|photo|img|comment|social|share|follow|more|related|footer", re.I)
_COMMENTS = re.compile(r"comment|repl(?:y|ies)|discussion|conversation", re.I)
# What a menu or a button says, never a site's name ("Home", "Latest News", "Subscribe to Updates" read as a site
# called "Updates", a "Copyright Notice" link read as "Notice Copyright").
_NAVIGATION_WORDS = frozenset(
    "home page front main start index news latest menu welcome updates update alerts notifications newsletter "
    "newsletters subscribe subscriptions subscription account login log sign in up search more share follow contact "
    "privacy terms notice copyright feed rss email help about us top back".split()
)
# An address, not a name: a domain in small letters ("tmz.com", as "http://www.tmz.com" is read). A brand styled
# with capitals ("MacRumors.com", "Space.com") is the site's chosen name.
_DOMAIN = re.compile(r"(?:[a-z0-9-]+\.)+[a-z]{2,}")
# How many elements of the page's start are searched for a byline or a dateline.
MAX_ELEMENTS_SEARCHED = 4000


class Stated(NamedTuple):
    """What a page states about its article, read from its JSON-LD, <meta> tags and <title> in one pass."""

    meta: Metadata
    titles: list[str]  # most deliberate first: JSON-LD, og:title, twitter:title, <title>
    summaries: list[str]  # JSON-LD description, og:description, twitter:description, <meta name=description>


def read_stated(tree: HtmlElement, url: str | None = None) -> Stated:
    ld, meta, title = _json_ld(tree), _meta_tags(tree), _title(tree)
    titles = _stated_titles(ld, meta, title)
    return Stated(_metadata(tree, url, ld, meta, title, titles), titles, _stated_summaries(ld, meta))


def _metadata(tree: HtmlElement, url: str | None, ld: dict, meta: dict[str, str], title_text: str | None,
              titles: list[str]) -> Metadata:
    canonical = tree.find(".//link[@rel='canonical']")
    page_url = (canonical.get("href") if canonical is not None else None) or meta.get("og:url") or url
    html = tree if tree.tag == "html" else tree.find(".//html")
    language = (html.get("lang") if html is not None else None) or meta.get("og:locale") or meta.get("language")
    page_type = meta.get("og:type") or ("article" if ld.get("@type") else None)
    return Metadata(
        headline=titles[0] if titles else None,
        source=_site_name(ld, meta, title_text, page_url),
        published=_published(tree, ld, meta, page_url),
        language=(language or "").replace("_", "-").split("-")[0].lower() or "en",
        authors=_authors(tree, ld, meta),
        url=page_url,
        page_type=page_type.lower() if page_type else None,
    )


def _stated_summaries(ld: dict, meta: dict[str, str]) -> list[str]:
    found = [_text(ld.get("description")), meta.get("og:description"), meta.get("twitter:description"), meta.get("description")]
    return list(dict.fromkeys(t for t in found if t))


def _stated_titles(ld: dict, meta: dict[str, str], title: str | None) -> list[str]:
    found = [_text(ld.get("headline")), meta.get("og:title"), meta.get("twitter:title"), _title_without_site(title) if title else None]
    return list(dict.fromkeys(t for t in found if t))


def _title_without_site(title: str) -> str:
    """"Headline | Site" without the site; but "draft-dejong-remotestorage-04 - remoteStorage" is a file's name
    and the document's title, and the name (one token of letters, digits and hyphens) is what goes."""
    kept = _SITE_SUFFIX.sub("", title)
    if kept != title and _SLUG.fullmatch(kept):
        return title[len(kept):].strip(" |–—-") or kept
    return kept


def _title(tree: HtmlElement) -> str | None:
    title = tree.find(".//title")
    return " ".join(title.text_content().split()) or None if title is not None else None


def _meta_tags(tree: HtmlElement) -> dict[str, str]:
    meta: dict[str, str] = {}
    for tag in tree.iter("meta"):
        content = tag.get("content")
        for key in (tag.get("property") or tag.get("name") or tag.get("itemprop") or "").lower().split():
            if content and content.strip() and key not in meta:
                meta[key] = " ".join(content.split())
    return meta


def _json_ld(tree: HtmlElement) -> dict:
    """The first JSON-LD object that describes an article (graphs and lists searched)."""
    for script in tree.iter("script"):
        if (script.get("type") or "").lower() != "application/ld+json":
            continue
        # Some pages wrap the JSON in a CDATA section or end it with a semicolon.
        raw = _CDATA.sub("", script.text or "").strip().rstrip(";")
        try:
            data = json.loads(raw)
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


def _text(value) -> str | None:
    return " ".join(value.split()) if isinstance(value, str) and value.strip() else None


# Authors.

def _authors(tree: HtmlElement, ld: dict, meta: dict[str, str]) -> tuple[str, ...]:
    found = _ld_authors(ld.get("author") or ld.get("creator"))
    if found:
        return found
    for key in _AUTHOR_META:
        value = meta.get(key)
        if value and "http" not in value and "@" not in value:
            names = byline_names(value)
            if names:
                return names
    return _shown_authors(tree)


def _ld_authors(value) -> tuple[str, ...]:
    items = value if isinstance(value, list) else [value]
    names: list[str] = []
    for item in items:
        name = item.get("name") if isinstance(item, dict) else item
        if isinstance(name, list):
            name = ", ".join(n for n in name if isinstance(n, str))
        if isinstance(name, str) and name.strip() and "http" not in name:
            for n in _stated_names(name):
                if n not in names:
                    names.append(n)
    return tuple(names)


def _stated_names(name: str) -> tuple[str, ...]:
    """A structured author's name as stated, split when it holds several ("Ann Lee and Tom Pascoe"). When the
    byline reader keeps less than half of its words ("Contributors to Wikimedia projects"), it is no byline."""
    read = byline_names(name)
    if read and 2 * sum(len(n.split()) for n in read) >= len(name.split()):
        return read
    return () if is_account(name) else (" ".join(name.split()),)


def _shown_authors(tree: HtmlElement) -> tuple[str, ...]:
    """Names from what the reader sees: rel=author links, itemprop=author, byline elements, "By …" lines."""
    body = tree.find(".//body")
    if body is None:
        return ()
    for el in body.iterfind(".//a[@rel]"):
        if "author" in el.get("rel").lower().split():
            names = byline_names(el.text_content())
            if names:
                return names
    for el in body.iterfind(".//*[@itemprop]"):
        if "author" in el.get("itemprop").lower().split() or "creator" in el.get("itemprop").lower().split():
            named = el.find(".//*[@itemprop='name']")
            text = (named.get("content") or named.text_content()) if named is not None else (el.get("content") or el.text_content())
            names = byline_names(text)
            if names:
                return names
    by_lines, h1_at = [], None
    for n, el in enumerate(body.iter()):
        if n > MAX_ELEMENTS_SEARCHED:
            break
        if not isinstance(el.tag, str) or el.tag in ("script", "style", "img", "meta", "link"):
            continue
        h1_at = n if h1_at is None and el.tag == "h1" else h1_at
        names_attr = (el.get("class") or "") + " " + (el.get("id") or "")
        if _BYLINE_NAMES.search(names_attr) and not _NOT_BYLINE.search(names_attr) and not _in_comments(el):
            names = byline_names(el.text_content())
            if names:
                return names
        elif el.text and opens_with_by(el.text):
            text = el.text_content()
            if len(text.split()) == 1 and el.getparent() is not None:
                text = el.getparent().text_content()  # "<em>By </em><a>Carrie Arnold</a>": the names follow in the parent
            names = byline_names(text, needs_lead=True)
            if names:
                by_lines.append((n, names))
    # Without a class name to go by, the "By …" line under the headline, not "by Taboola" over a sidebar.
    under = [names for n, names in by_lines if h1_at is not None and n > h1_at]
    return under[0] if under else by_lines[0][1] if by_lines else ()


def _in_comments(el: HtmlElement) -> bool:
    """Readers' comments name their writers as bylines do."""
    return any(_COMMENTS.search((a.get("class") or "") + " " + (a.get("id") or "")) for a in el.iterancestors())


# Dates.

def _published(tree: HtmlElement, ld: dict, meta: dict[str, str], url: str | None) -> str | None:
    stated = _iso(_text(ld.get("datePublished")) or _text(ld.get("dateCreated")))
    for key in _DATE_META:
        if stated:
            break
        stated = _iso(meta.get(key))
    if stated:
        return stated
    for el in tree.iter("time"):
        found = _iso(el.get("datetime")) or find_date(el.text_content())
        if found:
            return found
    # htmldate weighs every date the page shows or its URL holds, and prefers the original one; but not the dates
    # of what the page describes or cites (see _without_described_things).
    return htmldate.find_date(_without_described_things(tree), original_date=True, extensive_search=True, url=url)


# Microformat cards (a person's or an organisation's h-card, whose "bday dtstart published" is a birthday or a
# founding date) and <cite>, the title of a cited work with its own dates ("Retrieved 2016-05-01").
_DESCRIBED = etree.XPath("//*[contains(concat(' ', normalize-space(@class), ' '), ' vcard ') or "
                         "contains(concat(' ', normalize-space(@class), ' '), ' h-card ')] | //cite")


def _without_described_things(tree: HtmlElement) -> HtmlElement:
    """The page without its infobox's card and its citations: an encyclopedia's article about Mozilla is not
    published on the day Mozilla was founded (1998-02-28), nor on the day a reference was retrieved."""
    if not _DESCRIBED(tree):
        return tree
    tree = copy.deepcopy(tree)  # the caller reads the tree on
    for el in _DESCRIBED(tree):
        if el.getparent() is not None:
            el.drop_tree()
    return tree


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


# Site names.

# A longer "site name" is a page's headline or description set in the site's field, not a name to say.
MAX_SITE_WORDS = 8

def _site_name(ld: dict, meta: dict[str, str], title: str | None, url: str | None) -> str | None:
    publisher = ld.get("publisher")
    publisher = publisher[0] if isinstance(publisher, list) and publisher else publisher
    candidates = [meta.get("og:site_name"), publisher.get("name") if isinstance(publisher, dict) else None]
    candidates += [meta.get(key) for key in _SITE_META[1:]]
    for value in candidates:
        if value and value.strip():
            # "Autoracing | F1 | Indy | …": the name is the first part that is not a navigation
            # word ("Home | Valley Gazette"). A social handle ("@politifact") names the site too.
            parts = [p.strip().lstrip("@") for p in re.split(r"\s+[|–—-]\s+", value)]
            name = next((p for p in parts if p and not navigation_words(p)), None)
            if name and re.match(r"https?://", name):
                name = (urlsplit(name).hostname or "").removeprefix("www.") or None  # "http://www.tmz.com" is tmz.com
            if name and len(name.split()) <= MAX_SITE_WORDS:
                return name
    return _title_site(title, url)


def navigation_words(text: str) -> bool:
    """Whether a would-be site name says only what menus and buttons say."""
    words = re.findall(r"\w+", text.lower())
    return bool(words) and all(w in _NAVIGATION_WORDS for w in words)


def domain_in_words(name: str, texts: Iterable[str]) -> str:
    """A site named by its address ("tmz.com", stated as "http://www.tmz.com") as the page writes it in words:
    "TMZ", "The Guardian" for theguardian.com; a listener hears a name, not "dot com". The domain as it stands
    when the page never writes it so."""
    if not _DOMAIN.fullmatch(name):
        return name
    labels = [label for label in name.lower().split(".") if label not in ("www", "m", "amp")]
    wanted = labels[0] if len(labels) > 1 else ""
    for text in texts if wanted else ():
        words = [w.strip(".,:;!?()\"'“”‘’") for w in text.split()]
        for i in range(len(words)):
            # Up to four capitalised words in a row: "The Guardian" is theguardian.com, "Call TMZ" is not tmz.com.
            for n in range(1, 5):
                run = words[i : i + n]
                if len(run) < n or not run[-1][:1].isupper():
                    break
                if re.sub(r"[\W_]", "", "".join(run).lower()) == wanted:
                    return " ".join(run)
    return name


def _title_site(title: str | None, url: str | None) -> str | None:
    """The part of "Headline | Site" that spells the site's domain, as in "… - CityLab" at citylab.com."""
    if not title or not url:
        return None
    host = urlsplit(url).hostname or ""
    labels = [label for label in host.lower().split(".") if label not in ("www", "m", "amp", "com", "org", "net", "co", "uk")]
    parts = _SEPARATOR.split(title)
    if len(parts) < 2:
        return None
    for part in (parts[-1], parts[0]):
        part = part.strip().removeprefix("www.")
        # Letters of any script count: a Cyrillic headline that names "Wday.ru" does not squash to "wdayru".
        squashed = re.sub(r"[\W_]", "", part.lower())
        if squashed and any(squashed == label or (len(label) > 3 and squashed.startswith(label)) for label in labels):
            return part
    return None
