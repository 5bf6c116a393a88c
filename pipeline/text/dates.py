"""Find and normalise publication dates written in the ways news pages write them."""
from __future__ import annotations

import re
from datetime import datetime, timedelta, timezone

# Month names in the languages of most news pages (English, Portuguese, Spanish,
# French, German, Italian, Dutch, and Russian in the genitive a date takes), with the abbreviations sites print.
_MONTH_NAMES = (
    "january jan janeiro jan enero ene janvier janv januar jän gennaio gen januari января",
    "february feb fevereiro fev febrero feb février févr fevrier februar febbraio febr februari февраля",
    "march mar março marzo mars märz marzo maart mrt марта",
    "april apr abril abr avril avr aprile aprile апреля",
    "may maio mayo mai mai maggio mag mei мая",
    "june jun junho junio juin juni giugno giu июня",
    "july jul julho julio juillet juil juli luglio lug июля",
    "august aug agosto ago août aout august agosto augustus августа",
    "september sep sept setembro set septiembre septembre setiembre settembre сентября",
    "october oct outubro out octubre octobre oktober ottobre ott okt октября",
    "november nov novembro noviembre novembre november ноября",
    "december dec dezembro dez diciembre dic décembre déc dezember dicembre декабря",
)
MONTHS = {name: number for number, names in enumerate(_MONTH_NAMES, start=1) for name in names.split()}
# Any word as long as a month's name, checked against MONTHS after the match: an alternation of every
# name cost each start-up 2 ms of compiling. A month's place ends at a space, so the word is all of it.
_MONTH = rf"(?P<month>[^\W\d_]{{{min(map(len, MONTHS))},{max(map(len, MONTHS))}}})\.?"
_TIME = (
    r"(?:[,\s]+(?:at|às|as|a las|à|um|alle|om|-)?\s*(?P<hour>\d{1,2})[:.h](?P<minute>\d{2})"
    r"(?:\s*(?P<ampm>[ap]\.?m\.?))?(?:\s*(?P<tz>(?-i:[A-Za-z]){2,4}|[+-]\d{2}:?\d{2}))?)?"
)
# A letter is spelt (?-i:[A-Za-z]) in a case-blind pattern: a case-blind [A-Z] is the same but for four letters
# no page uses (ı, İ, ſ and the Kelvin sign), and they cost each start-up 0.2 ms of compiling a 64K-entry map.
_PATTERNS = (
    re.compile(r"\b(?P<day>\d{1,2})(?:st|nd|rd|th|º|\.)?\s+(?:de\s+)?" + _MONTH + r",?\s+(?:de\s+)?(?P<year>(?:19|20)\d{2})\b" + _TIME, re.I),
    re.compile(r"\b" + _MONTH + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<year>(?:19|20)\d{2})\b" + _TIME, re.I),
    re.compile(r"\b(?P<year>(?:19|20)\d{2})-(?P<mnum>\d{2})-(?P<day>\d{2})(?:[T\s](?P<hour>\d{2}):(?P<minute>\d{2})(?::\d{2}(?:\.\d+)?)?(?P<tz>Z|[+-]\d{2}:?\d{2})?)?"),
)
# Offsets of the zone abbreviations news sites print; ambiguous ones are left out.
_ZONES = {"GMT": 0, "UTC": 0, "UT": 0, "Z": 0, "BST": 1, "CET": 1, "CEST": 2, "EST": -5,
          "EDT": -4, "CST": -6, "CDT": -5, "MST": -7, "MDT": -6, "PST": -8, "PDT": -7}


def find_date(text: str) -> str | None:
    """The first date in ``text`` as ISO 8601 (with time and offset when given), or None."""
    for pattern in _PATTERNS:
        match = _first_dated(pattern, text)
        if match:
            iso = _to_iso(match.groupdict())
            if iso:
                return iso
    return None


def _first_dated(pattern: re.Pattern, text: str) -> re.Match | None:
    """The leftmost match whose word in the month's place is a month."""
    start = 0
    while match := pattern.search(text, start):
        if "month" not in pattern.groupindex or match["month"].lower() in MONTHS:
            return match
        start = match.start() + 1
    return None


def _to_iso(parts: dict) -> str | None:
    month = int(parts["mnum"]) if parts.get("mnum") else MONTHS[parts["month"].lower().rstrip(".")]
    try:
        day = datetime(int(parts["year"]), month, int(parts["day"]))
    except ValueError:
        return None
    if parts.get("hour") is None:
        return day.date().isoformat()
    hour, minute = int(parts["hour"]), int(parts["minute"])
    ampm = (parts.get("ampm") or "").replace(".", "").lower()
    if ampm == "pm" and hour < 12:
        hour += 12
    elif ampm == "am" and hour == 12:
        hour = 0
    if hour > 23 or minute > 59:
        return day.date().isoformat()
    moment = day.replace(hour=hour, minute=minute)
    zone = _zone(parts.get("tz"))
    if zone is not None:
        moment = moment.replace(tzinfo=zone)
    return moment.isoformat()


def _zone(name: str | None):
    if not name:
        return None
    if name[0] in "+-":
        digits = name[1:].replace(":", "")
        sign = 1 if name[0] == "+" else -1
        return timezone(sign * timedelta(hours=int(digits[:2]), minutes=int(digits[2:])))
    hours = _ZONES.get(name.upper())
    return None if hours is None else timezone(timedelta(hours=hours))
