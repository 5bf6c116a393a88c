"""Speech-ready text: what eSpeak should say for what the article wrote.

eSpeak reads raw news text badly ("£1.5bn", "00:27 GMT", "UN", "21st"), so
each utterance is rewritten by an ordered table of news-specific rules before
it is spoken; num2words supplies the number words. The rules are English;
other languages get only the language-neutral ones (brackets, links, symbols,
the lexicon), and eSpeak reads their numbers and slashes in its own voice.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from typing import NamedTuple

from num2words import num2words

from .lazy_pattern import LazyPattern
from .words import word_list


class Rule(NamedTuple):
    name: str
    pattern: LazyPattern
    replace: Callable[[re.Match], str]
    # Text one of which every match holds ("£$€¥" for money), or a test for it: a rule whose text is missing is
    # not tried, so its pattern is not even compiled for an article that never needs it.
    needs: str | tuple[str, ...] | Callable[[str], object] = ""


# Any digit \d matches: "Room ３" and "٣" are numbers too, not only 0-9.
_DIGITS = re.compile(r"\d").search

_MONTH_NAMES = ("January February March April May June July August September October November December").split()
# English months as English writes them, capitalised: other languages' abbreviations are English
# words ("2 out of 3" is no 2 October, "2nd Gen" no 2 January) and a lower-case "may" is a verb.
_MONTHS = {name: number for number, name in enumerate(_MONTH_NAMES, start=1)} | {
    name[:3]: number for number, name in enumerate(_MONTH_NAMES, start=1)} | {"Sept": 9}
_CURRENCIES = {"£": ("pound", "pounds", "penny", "pence"), "$": ("dollar", "dollars", "cent", "cents"),
               "€": ("euro", "euros", "cent", "cents"), "¥": ("yen", "yen", "", "")}
_SCALES = {"k": "thousand", "thousand": "thousand", "m": "million", "mn": "million", "million": "million",
           "bn": "billion", "billion": "billion", "tn": "trillion", "trillion": "trillion"}
_UNITS = {
    "km": "kilometres", "kg": "kilograms", "mph": "miles per hour",
    "kph": "kilometres per hour", "cm": "centimetres", "mm": "millimetres", "ft": "feet", "lb": "pounds",
    "lbs": "pounds", "kW": "kilowatts", "MW": "megawatts", "GW": "gigawatts", "kWh": "kilowatt hours",
    "°C": "degrees Celsius", "°F": "degrees Fahrenheit", "C": "degrees Celsius", "F": "degrees Fahrenheit",
    "mg": "milligrams", "ml": "millilitres", "sq km": "square kilometres", "ha": "hectares",
    "oz": "ounces", "MB": "megabytes", "GB": "gigabytes", "TB": "terabytes", "MHz": "megahertz", "GHz": "gigahertz",
}
# Acronyms said as words; every other run of 2-5 capitals is read letter by letter.
ACRONYM_WORDS = frozenset(
    "NATO NASA UNICEF UNESCO OPEC FIFA UEFA AIDS COVID ISIS SARS OFCOM OFSTED NAFTA ASEAN INTERPOL EFTA "
    "LASER RADAR SCUBA PIN GIF ASAP NIMBY OK CAP SWAT DARPA FEMA NOAA".split()
)
_ROMAN = re.compile(r"^(?:I{1,3}|IV|VI{0,3}|IX|XI{0,3}|XIV|XV)$")
_TITLES = {
    "Mr": "Mister", "Mrs": "Missus", "Ms": "Miz", "Dr": "Doctor", "Prof": "Professor", "Gen": "General",
    "Sen": "Senator", "Rep": "Representative", "Gov": "Governor", "Lt": "Lieutenant", "Col": "Colonel",
    "Sgt": "Sergeant", "Capt": "Captain", "Supt": "Superintendent", "Insp": "Inspector", "Rev": "Reverend", "Rt": "Right",
}
# A rate written with a slash, "100 km/h", "$15/hour": the slash is "per", never "or".
_RATE_UNITS = {unit: _UNITS[unit] for unit in "km ft kg mg ml cm mm".split()} | {
    "mi": "miles", "m": "metres", "g": "grams", "l": "litres"}
_PER_UNITS = {"h": "hour", "hr": "hour", "s": "second", "sec": "second", "min": "minute", "yr": "year"}
_PER_WORDS = "hour|day|week|month|year|night|person|head|share|barrel|gallon|litre|liter|kilo|tonne|ton"
_ZONES = "GMT|BST|UTC|EST|EDT|CST|CDT|MST|MDT|PST|PDT|CET|CEST|ET|PT"


def words(number: float | int, **kwargs) -> str:
    """num2words without the commas it puts after thousands, which eSpeak would pause at, and
    without the "and" inside a number: "three hundred and twenty nine dollars" in a price list was
    heard as two amounts, "$300 and $20.99"; "three hundred twenty nine" is one."""
    return num2words(number, **kwargs).replace(",", "").replace("-", " ").replace(" and ", " ")


def _number(text: str) -> str:
    clean = text.replace(",", "")
    if "." in clean:
        whole, frac = clean.split(".", 1)
        return f"{words(int(whole or 0))} point {' '.join(words(int(d)) for d in frac)}"
    return words(int(clean))


def _year(value: int) -> str:
    # 1999 "nineteen ninety-nine", 1900 "nineteen hundred", but 2000 "two thousand".
    return words(value, to="year") if value % 100 or value % 1000 >= 10 else words(value)


_ARTICLE_BEFORE = LazyPattern(r"\b[Aa]n?\s+$")


def _after_article(m: re.Match) -> bool:
    """Whether "a" or "an" stands just before the match: the amount qualifies a noun ("a 5km run")."""
    return bool(_ARTICLE_BEFORE.search(m.string, max(0, m.start() - 4), m.start()))


def _money(m: re.Match) -> str:
    one, many, sub_one, sub_many = _CURRENCIES[m.group("cur")]
    amount, scale = m.group("num").replace(",", ""), (m.group("scale") or "").lower()
    prefix = {"US": "US ", "A": "Australian ", "C": "Canadian ", "NZ": "New Zealand ", "HK": "Hong Kong "}.get(m.group("country") or "", "")
    if (scale or "." not in amount) and _after_article(m):
        many = one  # "a $3 billion buyout": an amount before a noun is "a three billion dollar buyout"
    if scale:
        return f"{_number(amount)} {_SCALES[scale]} {prefix}{many}"
    if "." in amount:
        whole, cents = amount.split(".", 1)
        unit = one if int(whole) == 1 else many
        cents = int((cents + "0")[:2])
        tail = f" {words(cents)}" if cents and not sub_one else (f" and {words(cents)} {sub_one if cents == 1 else sub_many}" if cents else "")
        return f"{words(int(whole))} {prefix}{unit}{tail}"
    return f"{_number(amount)} {prefix}{one if amount == '1' else many}"


def _time(m: re.Match) -> str:
    hour, minute = int(m.group("h")), int(m.group("m") or m.group("m2"))
    if hour > 23 or minute > 59:
        return m.group(0)
    half = (m.group("ampm") or m.group("ampm2") or "").lower()
    zone = m.group("zone") or m.group("zone2")
    if half:
        half = "a m" if half.startswith("a") else "p m"
    elif zone or hour == 0 or hour > 12 or m.group("h").startswith("0"):  # a 24-hour clock
        half = "a m" if hour < 12 else "p m"
    else:  # "a 4:25 kickoff": morning or afternoon is not written, so not said
        half = "o'clock" if minute == 0 else ""
    hour12 = hour % 12 or 12
    if minute == 0:
        spoken = f"{words(hour12)} {half}"
    elif minute < 10:
        spoken = f"{words(hour12)} oh {words(minute)} {half}"
    else:
        spoken = f"{words(hour12)} {words(minute)} {half}"
    return spoken.rstrip() + (f" {_letters(zone)}" if zone else "")


def _unit(m: re.Match) -> str:
    """A unit's name, singular after "1" or before a noun ("one kilometre", "a 5km run": "a five kilometre run")."""
    name = _UNITS[m.group("unit")]
    if m.group("num") != "1" and not _after_article(m):
        return name
    return "foot" if name == "feet" else re.sub(r"s\b", "", name, count=1)


_OPENING = LazyPattern(r'(?:^|[\s(\[])"(?=\S)')
_CLOSING = LazyPattern(r'(?<=[^\s\d(\[])"')


def _inch(m: re.Match) -> str:
    """'a 15.6" laptop': a double quote after a number is an inch mark, unless it closes a quotation."""
    before = m.string[: m.start()]
    if m.group(0) == "”":
        opened = before.count("“") > before.count("”")
    else:  # straight quotes: an opening one follows a space, a closing one a letter or a mark
        opened = m.group(0) == '"' and len(_OPENING.findall(before)) > len(_CLOSING.findall(before))
    return m.group(0) if opened else " inch"


def _letters(text: str) -> str:
    # eSpeak says a lone "A" as the article ("uh"): "U S A" was heard "you ess uh". "Eigh" is its letter name.
    return " ".join("Eigh" if letter == "A" else letter for letter in text.replace(".", ""))


def _day_month_year(m: re.Match) -> str:
    if m.group("month") not in _MONTH_SPELLINGS:
        return m.group(0)
    month = _MONTH_NAMES[_MONTH_SPELLINGS[m.group("month")] - 1]
    spoken = f"the {words(int(m.group('day')), to='ordinal')} of {month}"
    return spoken + (f" {_year(int(m.group('year')))}" if m.group("year") else "")


def _month_day_year(m: re.Match) -> str:
    if m.group("month") not in _MONTH_SPELLINGS:
        return m.group(0)
    month = _MONTH_NAMES[_MONTH_SPELLINGS[m.group("month")] - 1]
    spoken = f"{month} {words(int(m.group('day')), to='ordinal')}"
    return spoken + (f" {_year(int(m.group('year')))}" if m.group("year") else "")


def _numeric_date(m: re.Match) -> str:
    a, b, y = int(m.group("a")), int(m.group("b")), int(m.group("y"))
    year = y + (2000 if y < 50 else 1900) if y < 100 else y
    month, day = (a, b) if a <= 12 and (b > 12 or a <= 12) else (b, a)  # US order unless impossible
    try:
        date(year, month, day)
    except ValueError:
        return m.group(0)
    return f"{_MONTH_NAMES[month - 1]} {words(day, to='ordinal')} {_year(year)}"


def _range(m: re.Match) -> str:
    a, b = m.group("a"), m.group("b")
    if len(a) == 4 and len(b) == 2 and 1100 <= int(a) <= 2099:  # "2010-12"
        return f"{_year(int(a))} to {_year(int(a[:2] + b))}"
    if len(a) == 4 and len(b) == 4:
        return f"{_year(int(a))} to {_year(int(b))}"
    return f"{_number(a)} to {_number(b)}"


def _initialism(m: re.Match) -> str:
    token = m.group(0)
    plural = token.endswith("s") and token[:-1].isupper()
    core = token[:-1] if plural else token
    if core in ACRONYM_WORDS or _ROMAN.match(core) or (
            len(core) >= WORD_ACRONYM_LETTERS and (_pronounceable(core) or core.lower() in word_list("lower_case_words"))):
        return token  # eSpeak says a word in capitals as the word: "NEWS", "VIDEO", "WATCH"
    if len(core) >= WORD_ACRONYM_LETTERS and core[0] not in "AEIOU" and core[1:].lower() in word_list("lower_case_words"):
        # "CNET" is "C Net", "GSYNC" "G Sync"; "NCIS" is no "N Cis", nor "FDIC" an "F Dic".
        return f"{core[0]} {core[1:].capitalize()}" + ("s" if plural else "")
    return _letters(core) + ("'s" if plural else "")  # "M P's": a plural s after a letter is said "ess" otherwise


# Capitals said as a word when English could spell a word so ("NASA", "OPEC", "CERN"); fewer are spelt out
# ("BBC", "UN", "ICE"), as most three-letter names are.
WORD_ACRONYM_LETTERS = 4
# How an English word may begin and end, and which vowels it writes together. A doubled letter or a digraph
# (sh, ch, th, ph, ck, ng) is one consonant.
_ONSETS = frozenset(
    "b c d f g h j k l m n p r s t v w x y z sh ch th ph wh qu bl br cl cr dr dw fl fr gl gr kl kn kr pl pr "
    "sc sk sl sm sn sp st sw tr tw wr thr shr scr spl spr str".split()
)
_CODAS = frozenset(
    "b c d f g k l m n p r s t v x z sh ch th ck ng cs ct ft ld lf lk lm lp ls lt mp nd nk ns nt ps pt "
    "rb rc rd rf rg rk rl rm rn rp rs rt sk sp st ts ks ds ms".split()
)
_VOWEL_GROUPS = frozenset("a e i o u y ai au ay ea ee ei eu ey ia ie io oa oe oi oo ou oy ue ui".split())
_DIGRAPH = LazyPattern(r"sh|ch|th|ph|wh|ck|ng|qu|(\w)\1")


def _pronounceable(word: str) -> bool:
    """Whether capitals read as an English word: a vowel in every syllable, and only the consonant clusters
    words begin and end with ("NA-SA", "CERN"). "CNET" opens on "cn", "ESPN" ends on "spn". A lone vowel before
    two consonants opens initialisms, not words ("UCLA", "ACLU", "USDA")."""
    w = word.lower()
    parts = re.findall(r"[aeiouy]+|[^aeiouy]+", w if not re.match(r"y[aeiou]", w) else "j" + w[1:])
    vowels = parts[0 if parts[0][0] in "aeiouy" else 1 :: 2]
    consonants = [_DIGRAPH.sub(lambda m: m.group(0)[0], c) for c in parts[0 if parts[0][0] not in "aeiouy" else 1 :: 2]]
    if not vowels or any(v not in _VOWEL_GROUPS for v in vowels):
        return False
    first, last = parts[0][0] not in "aeiouy", parts[-1][0] not in "aeiouy"
    if first and consonants[0] not in _ONSETS and parts[0] not in _ONSETS:
        return False
    if last and consonants[-1] not in _CODAS and parts[-1] not in _CODAS:
        return False
    if not first and len(parts[0]) == 1 and len(consonants) > (1 if last else 0) and len(consonants[0]) >= 2:
        return False
    middle = consonants[1 if first else 0 : len(consonants) - (1 if last else 0)]
    return all(any(c[:k] in _CODAS | {""} and c[k:] in _ONSETS | {""} for k in range(len(c) + 1)) for c in middle)


def _title(m: re.Match) -> str:
    return _TITLES[m.group("t")]


def _saint_or_street(m: re.Match) -> str:
    # "St Paul's" is Saint Paul's; "Baker St" is Baker Street (and "Baker St." ends a sentence).
    if m.group("next") is not None:
        return "Saint"
    return "Street" + (m.group("dot") or "")


# A month as written, "March" or "MARCH": any capitalised word as long as a month's name, checked in the rule's
# function (an alternation of every spelling cost each start-up 0.7 ms of compiling). The word ends at a word's end.
_MONTH_SPELLINGS = _MONTHS | {name.upper(): number for name, number in _MONTHS.items()}
_MONTH_RE = rf"(?P<month>[A-Z][a-z]{{2,{max(map(len, _MONTHS)) - 1}}}|[A-Z]{{3,{max(map(len, _MONTHS))}}})\.?"
_NUM = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
ENGLISH_RULES: list[Rule] = [
    Rule("unit_rate", LazyPattern(rf"(?:(?<=\d)\s?|\b)(?P<a>{'|'.join(_RATE_UNITS)})/(?P<b>{'|'.join(_PER_UNITS)})\b|(?<=\d)/(?P<w>{_PER_WORDS})\b"),
     lambda m: f" per {m.group('w')}" if m.group("w") else f" {_RATE_UNITS[m.group('a')]} per {_PER_UNITS[m.group('b')]}", "/"),
    # Any other slash between words is "or" ("yes/no", "U.S./Mexico"); before the number rules,
    # which would leave "24/7" as words either side of a slash.
    Rule("slash", LazyPattern(r"\band/or\b|(?<=[A-Za-z.])/(?=[A-Za-z])"), lambda m: " and or " if m.group(0) == "and/or" else " or ", "/"),
    # "GMT-5", "UTC+5:30": the sign is a word, and the offset's minutes are no clock time.
    Rule("zone_offset", LazyPattern(r"\b(?P<zone>GMT|UTC)\s?(?P<sign>[+\-\u2212])(?P<h>\d{1,2})(?::?(?P<m>\d{2}))?\b"),
     lambda m: f"{_letters(m.group('zone'))} {'plus' if m.group('sign') == '+' else 'minus'} {words(int(m.group('h')))}"
     + (f" {words(int(m.group('m')))}" if m.group("m") and int(m.group("m")) else ""), ("GMT", "UTC")),
    Rule("number_plus", LazyPattern(r"(?<=\d)\+(?![\d+])"), lambda m: " plus", "+"),  # "$100+", "aged 18+"
    Rule("money", LazyPattern(rf"(?P<country>US|A|C|NZ|HK)?(?P<cur>[£$€¥])\s?(?P<num>{_NUM})(?:\s?(?P<scale>bn|billion|mn|million|m|k|thousand|tn|trillion)\b)?"), _money, "£$€¥"),
    Rule("percent", LazyPattern(rf"(?P<num>{_NUM})\s?%"), lambda m: f"{_number(m.group('num'))} percent", "%"),
    # "00:27", and "3.25pm" (a full stop makes a time only with a.m./p.m. or a zone after it).
    Rule("time", LazyPattern(rf"\b(?P<h>\d{{1,2}})(?::(?P<m>\d{{2}})(?:\s?(?P<ampm>[ap])\.?m\b\.?)?(?:\s?(?P<zone>{_ZONES})\b)?(?![\d])|\.(?P<m2>\d{{2}})\s?(?:(?P<ampm2>[ap])\.?m\b\.?|(?P<zone2>{_ZONES})\b))"), _time, _DIGITS),
    Rule("time_ampm", LazyPattern(rf"\b(?P<h>\d{{1,2}})(?P<m>)\s?(?P<ampm>[ap])\.?m\b\.?(?:\s?(?P<zone>{_ZONES})\b)?", re.I),
     lambda m: f"{words(int(m.group('h')) % 12 or 12)} {'a m' if m.group('ampm').lower() == 'a' else 'p m'}" + (f" {_letters(m.group('zone'))}" if m.group("zone") else ""), _DIGITS),
    Rule("date_dmy", LazyPattern(rf"\b(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH_RE}(?:,?\s+(?P<year>\d{{4}}))?\b"), _day_month_year, _DIGITS),
    Rule("date_mdy", LazyPattern(rf"\b{_MONTH_RE}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s+(?P<year>\d{{4}}))?\b"), _month_day_year, _DIGITS),
    Rule("date_numeric", LazyPattern(r"\b(?P<a>\d{1,2})/(?P<b>\d{1,2})/(?P<y>\d{2}|\d{4})\b"), _numeric_date, "/"),
    Rule("unit", LazyPattern(rf"(?P<num>{_NUM})\s?(?P<unit>sq km|kWh|°C|°F|km|kg|kph|mph|cm|mm|ft|lbs|lb|kW|MW|GW|mg|ml|oz|ha|MB|GB|TB|MHz|GHz|C|F)\b"),
     lambda m: f"{_number(m.group('num'))} {_unit(m)}", _DIGITS),
    Rule("inch", LazyPattern(r"(?<=\d)[\"”″](?=\s)"), _inch, "\"”″"),
    Rule("scaled", LazyPattern(rf"(?P<num>{_NUM})\s?(?P<scale>bn|mn|m|tn|k)\b"), lambda m: f"{_number(m.group('num'))} {_SCALES[m.group('scale')]}", _DIGITS),
    Rule("decade", LazyPattern(r"\b(?P<y>1[1-9]\d0|20\d0)s\b"), lambda m: _year(int(m.group("y"))).rsplit(" ", 1)[0] + " " + _plural_tens(_year(int(m.group("y"))).rsplit(" ", 1)[-1]), _DIGITS),
    Rule("range", LazyPattern(r"\b(?P<a>\d{1,4})\s?[-–]\s?(?P<b>\d{1,4})\b(?![-/]\d|–\d)"), _range, _DIGITS),
    Rule("ordinal", LazyPattern(r"\b(?P<n>\d+)(?:st|nd|rd|th)\b"), lambda m: words(int(m.group("n")), to="ordinal"), _DIGITS),
    Rule("year", LazyPattern(r"\b(?P<y>1[1-9]\d\d|20\d\d)\b(?![.,]\d)"), lambda m: _year(int(m.group("y"))), _DIGITS),
    Rule("number", LazyPattern(rf"(?<![\w.])(?P<num>{_NUM})(?![\w])"), lambda m: _number(m.group("num")), _DIGITS),
    Rule("title", LazyPattern(r"\b(?P<t>" + "|".join(_TITLES) + r")\b\.?(?=\s+[A-Z])"), _title),
    # "Hon." before a name, or "Hon" after "Right": eSpeak says "on" ("Hon Hai" is a company).
    Rule("honourable", LazyPattern(r"\bHon\.(?=\s+[A-Z])|(?<=\bRight )Hon\b(?=\s+[A-Z])"), lambda m: "Honourable", ("Hon",)),
    Rule("saint_street", LazyPattern(r"\bSt\b(?P<dot>\.)?(?P<next>(?=\s+[A-Z]))?"), _saint_or_street, ("St",)),
    Rule("number_sign", LazyPattern(r"\bNo\.\s?(?=\d|[a-z]+\b)"), lambda m: "Number ", ("No.",)),
    Rule("initialism_dotted", LazyPattern(r"\b(?:[A-Z]\.){2,}(?![A-Za-z])"), lambda m: _letters(m.group(0)), "."),
    Rule("initialism", LazyPattern(r"\b[A-Z]{2,5}s?\b"), _initialism),
    Rule("latin", LazyPattern(r"\b(?:e\.g\.|i\.e\.|etc\.|vs\.?)(?=\s|$)"), lambda m: {"e.g.": "for example", "i.e.": "that is", "etc.": "et cetera", "vs.": "versus", "vs": "versus"}[m.group(0)], ("e.g.", "i.e.", "etc.", "vs")),
]


# Links that stand for a picture or an embedded post (and short links, which name nothing): a
# listener gains nothing from hearing them, so they are not read at all.
_UNSPOKEN_HOSTS = frozenset("pic.twitter.com pic.x.com t.co bit.ly ow.ly buff.ly tinyurl.com instagr.am youtu.be goo.gl".split())
_PICTURE_PATH = LazyPattern(r"\.(?:jpe?g|png|gif|webp|svg|mp4)(?:[?#]\S*)?$", re.I)


# What is left where a link was not read.
_SPACE_BEFORE_MARK = re.compile(r"\s+(?=[,.;:!?](?:\s|$))")
_EMPTY_BRACKETS = re.compile(r"\s*\(\s*\)")


def _link(m: re.Match) -> str:
    host = m.group("host") or m.group("bare")
    if host.lower().removeprefix("www.") in _UNSPOKEN_HOSTS or _PICTURE_PATH.search(m.group("path") or ""):
        return ""
    return _dotted(host)


def _domain(m: re.Match) -> str:
    label, _, tld = m.group("host").rpartition(".")
    if tld in ("it", "in") and label.isalpha() and label in word_list("lower_case_words"):
        return f"{label} {tld}"  # "got over.it": two words a space went missing between, not a site in Italy
    return _dotted(m.group("host"))


def _dotted(name: str) -> str:
    """A host or address as people say it: "bbc dot co dot uk"."""
    return name.replace(".", " dot ")


_CAMEL = LazyPattern(r"(?<=[a-z])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])|(?<=[A-Za-z])(?=\d)")


def _hashtag(m: re.Match) -> str:
    glued = m.start() > 0 and m.string[m.start() - 1] in ".,;:!?"
    return (" " if glued else "") + f"hashtag {_CAMEL.sub(' ', m.group('t'))}"


def _plural_tens(word: str) -> str:
    return word[:-1] + "ies" if word.endswith("y") else word + "s"


NEUTRAL_RULES: list[Rule] = [
    Rule("brackets", LazyPattern(r"\[([^\]]{1,80})\]"), lambda m: m.group(1), "["),
    # A link with a scheme or www., or a bare host.tld/path: its host is read, its path never.
    Rule("url", LazyPattern(r"\b(?:(?:https?://|www\.)(?:www\.)?(?P<host>[\w-]+(?:\.[\w-]+)+)|(?<![\w@./])(?P<bare>(?:[A-Za-z0-9-]+\.)+[A-Za-z]{2,6})(?=/))"
                       r"(?P<path>/(?:\S*[^\s.,;:!?)\]'\"\u201d\u2019])?)?"), _link, ("/", "www.")),
    # A site's domain named without a link ("TMZ.com", "Express.co.uk"): its dots are said, as people say them.
    Rule("domain", LazyPattern(r"(?<![\w@./-])(?P<host>(?:[\w-]+\.)+(?:com|org|net|gov|edu|io|info|news|co\.uk|com\.au|"
                          r"uk|fr|de|es|it|ru|ca|au|in|jp))(?![\w@]|\.\w)"),
     _domain, "."),
    Rule("email", LazyPattern(r"\b(?P<user>[\w.+-]+)@(?P<host>[\w-]+(?:\.[\w-]+)+)\b"),
     lambda m: f"{_dotted(m.group('user'))} at {_dotted(m.group('host'))}", "@"),
    Rule("handle", LazyPattern(r"(?<!\w)@(?P<h>\w+)"), lambda m: f"at {m.group('h')}", "@"),
    # "#TodayInSenatePlenary": its words apart, or eSpeak reads it as one long word (and apart
    # from a full stop it is glued to, "day.#Today").
    Rule("hashtag", LazyPattern(r"(?<!\w)#(?P<t>[A-Za-z]\w*)"), _hashtag, "#"),
    Rule("number_hash", LazyPattern(r"(?<!\w)#(?=\d)"), lambda m: "number ", "#"),
    Rule("ampersand", LazyPattern(r"\s*&\s*"), lambda m: " and ", "&"),
    Rule("plus_equals", LazyPattern(r"(?<=\s)[+=](?=\s)"), lambda m: {"+": "plus", "=": "equals"}[m.group(0)], "+="),
    Rule("dash", LazyPattern(r"\s+[-–—―]+\s+"), lambda m: ", ", "-–—―"),
]


def speech_text(text: str, language: str = "en", lexicon: dict[str, str] | None = None) -> str:
    """``text`` as it should be spoken."""
    for rule in NEUTRAL_RULES:
        text = _applied(rule, text)
    # A line in capitals is shouting before the lexicon says some of its words as names ("OXFAM" as "Oxfam").
    shouting = sum(c.isupper() for c in text) > 0.6 * max(1, sum(c.isalpha() for c in text))
    if lexicon:
        text = apply_lexicon(text, lexicon)
    if language == "en":
        for rule in ENGLISH_RULES:
            if shouting and rule.name == "initialism":
                continue  # an all-capitals line would be spelt out letter by letter
            text = _applied(rule, text)
    return _SPACE_BEFORE_MARK.sub("", " ".join(_EMPTY_BRACKETS.sub("", text).split()))



def _applied(rule: Rule, text: str) -> str:
    if rule.needs and not (rule.needs(text) if callable(rule.needs) else any(part in text for part in rule.needs)):
        return text
    return rule.pattern.sub(rule.replace, text)


def apply_lexicon(text: str, lexicon: dict[str, str]) -> str:
    """Whole-word replacements; an entry with capitals matches only that spelling, a lower-case one any case."""
    if not lexicon:
        return text
    exact = {k: v for k, v in lexicon.items() if k != k.lower()}
    folded = {k: v for k, v in lexicon.items() if k == k.lower()}
    if exact:
        pattern = re.compile(r"(?<!\w)(?:" + "|".join(re.escape(k) for k in sorted(exact, key=len, reverse=True)) + r")(?!\w)")
        text = pattern.sub(lambda m: exact[m.group(0)], text)
    if folded:
        pattern = re.compile(r"(?<!\w)(?:" + "|".join(re.escape(k) for k in sorted(folded, key=len, reverse=True)) + r")(?!\w)", re.I)
        text = pattern.sub(lambda m: folded[m.group(0).lower()], text)
    return text
