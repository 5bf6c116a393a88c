"""Direct quotes in running text and the people who said them.

A quote is text between quotation marks that someone is reported to have
said: a speech verb stands in the same sentence, or the quote is itself a
full sentence. Short quoted phrases with no speech verb near them are scare
quotes or titles ("special case") and are left alone. Speakers named by a
pronoun or a short form ("He", "Mr Jeremic") are resolved to the last full
name the article gave for a person.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..model import Quote
from .sentences import sentence_spans
from .words import words

_QUOTE = re.compile(r"“(?P<a>[^“”]{2,}?)”|\"(?P<b>[^\"]{2,}?)\"|«\s?(?P<c>[^«»]{2,}?)\s?»|„(?P<d>[^„“”]{2,}?)[“”]")
SPEECH_VERBS = (
    "said|says|say|told|tells|added|adds|warned|warns|argued|argues|claimed|claims|stated|states|"
    "explained|explains|insisted|insists|wrote|writes|tweeted|tweets|asked|asks|noted|notes|"
    "declared|declares|announced|announces|replied|replies|stressed|stresses|continued|admitted|"
    "admits|acknowledged|conceded|suggested|suggests|predicted|recalled|responded|told|vowed|"
    "urged|urges|called|calls|described|describes|according to"
)
_VERB = re.compile(rf"\b(?:{SPEECH_VERBS})\b", re.I)
TITLES = frozenset(
    "mr mr. mrs mrs. ms ms. dr dr. prof prof. sir lord lady dame president minister secretary "
    "senator sen. rep. representative gov. governor mayor chancellor king queen prince princess "
    "judge general gen. chairman chairwoman chief director premier ambassador spokesman "
    "spokeswoman correspondent editor leader pope rev. archbishop bishop commissioner".split()
)
_PRONOUNS = {"he", "she", "they", "i", "we"}
# Inner full stops only in initials ("J.") and short titles ("Dr."), so a name never runs on past a sentence's end.
_NAME_TOKEN = r"(?:(?:Mr|Mrs|Ms|Dr|St|Sen|Rep|Gov|Gen|Jr|Sr|[A-Z])\.|[A-Z][\w'’-]*)"
_NAME = re.compile(rf"{_NAME_TOKEN}(?:\s+(?:de|van|von|da|al|bin|di)?\s*{_NAME_TOKEN})*")
# A name is taken for a person's when a title precedes it or a verb follows it.
_VERBISH = re.compile(r"\s+(?:[a-z]+ed|[a-z]+s|" + SPEECH_VERBS + r")\b")


@dataclass(frozen=True)
class _Found:
    text: str
    start: int
    end: int


def find_quotes(paragraphs: list[str]) -> list[Quote]:
    """Every attributed direct quote in ``paragraphs``, with its speaker."""
    quotes: list[Quote] = []
    text = "\n\n".join(paragraphs)
    for found in _candidates(text):
        sentence_start, sentence_end = _sentence_bounds(text, found.start, found.end)
        before = text[sentence_start : found.start]
        after = text[found.end : sentence_end]
        speaker = _speaker_after(after) or _speaker_before(before)
        if speaker is None and not _is_full_sentence(found.text):
            continue
        if speaker is not None:
            speaker = resolve_speaker(speaker, text[: found.start])
        # The comma before an attribution ("…," she said) belongs to the sentence, not the quote.
        quotes.append(Quote(text=found.text.strip().rstrip(","), speaker=speaker))
    return quotes


def _candidates(text: str):
    for match in _QUOTE.finditer(text):
        inner = next(g for g in match.groups() if g is not None)
        if "\n\n" in inner:
            continue
        yield _Found(inner, match.start(), match.end())


def _sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The span of the sentences the quote at start..end touches, within its paragraph."""
    para_start = text.rfind("\n\n", 0, start)
    para_start = 0 if para_start < 0 else para_start + 2
    para_end = text.find("\n\n", end)
    para_end = len(text) if para_end < 0 else para_end
    begin, finish = start, end
    for s, e in sentence_spans(text[para_start:para_end]):
        s, e = s + para_start, e + para_start
        if s <= start < e or s < end <= e:
            begin, finish = min(begin, s), max(finish, e)
    return begin, finish


def _is_full_sentence(quote: str) -> bool:
    return len(words(quote)) >= 6 and quote.rstrip()[-1:] in ".!?,…"


def _speaker_after(after: str) -> str | None:
    """`"…," said Mr Smith` or `"…," Mr Smith said` or `"…," he added`."""
    head = after[:150].lstrip(" ,:;–—-")
    verb = re.match(rf"(?:{SPEECH_VERBS})\b\s*", head, re.I)
    if verb:
        return _leading_name(head[verb.end() :])
    subject = re.match(rf"(?P<who>.{{1,60}}?)\s+(?:{SPEECH_VERBS})\b", head)
    if subject:
        return _trailing_name(subject.group("who"))
    return None


def _speaker_before(before: str) -> str | None:
    """`He said …"` or `Mr Jeremic warned that … "`: the name just before the last speech verb."""
    verbs = list(_VERB.finditer(before))
    if not verbs:
        if before.rstrip().endswith(":"):
            return _trailing_name(before.rstrip()[:-1].split(",")[0])
        return None
    verb = verbs[-1]
    if verb.group(0).lower() == "according to":
        return _leading_name(before[verb.end() :])
    return _trailing_name(before[: verb.start()])


# Capitalised words that start sentences but never names.
_OPENERS = frozenset("but and so yet then however meanwhile earlier later also still now the a an".split())
_ADVERBS = frozenset("also then later once has had have was is would could will again previously".split())


def _leading_name(phrase: str) -> str | None:
    tokens = phrase.split()
    if tokens and tokens[0].lower().strip(".,") in _PRONOUNS:
        return tokens[0].strip(".,")
    m = _NAME.match(phrase.strip())
    return _tidy(m.group(0)) if m else None


def _trailing_name(phrase: str) -> str | None:
    """The name or pronoun that ends ``phrase`` (adverbs like "also" skipped), if any."""
    tokens = phrase.replace(",", " , ").split()
    while tokens and tokens[-1].lower() in _ADVERBS:
        tokens.pop()
    if tokens and tokens[-1] == "," and "," in tokens[:-1]:
        # "Mr Smith, the mayor, said": skip the appositive to reach the name.
        tokens = tokens[: len(tokens) - 1 - tokens[-2::-1].index(",") - 1]
    if not tokens:
        return None
    if tokens[-1].lower() in _PRONOUNS:
        return tokens[-1]
    chain: list[str] = []
    while tokens and (tokens[-1][:1].isupper() or (chain and tokens[-1] in {"de", "van", "von", "da", "al", "bin"})):
        chain.insert(0, tokens.pop())
    return _tidy(" ".join(chain)) if chain else None


def _tidy(name: str) -> str | None:
    tokens = name.strip(" .,;:").split()
    while tokens and tokens[0].lower() in _OPENERS:
        tokens.pop(0)
    return " ".join(tokens) or None


def person_names(text: str) -> list[tuple[int, str]]:
    """(position, full name) for each capitalised name a title precedes or a verb follows."""
    found = []
    for m in _NAME.finditer(text):
        tokens = m.group(0).split()
        titled = [i for i, t in enumerate(tokens) if t.lower() in TITLES]
        preceded = text[max(0, m.start() - 20) : m.start()].split()[-1:]
        if titled:
            tokens = tokens[titled[-1] + 1 :]
        elif not (_VERBISH.match(text, m.end()) or (preceded and preceded[0].lower() in TITLES)):
            continue
        if tokens and len(tokens) >= 2 or (tokens and titled):
            found.append((m.start(), " ".join(tokens)))
    return found


def resolve_speaker(speaker: str, earlier: str) -> str | None:
    """Replace a pronoun or a "Mr Surname" with the fuller name given earlier.

    A pronoun with no person before it gives None: an unknown speaker is said
    to be unknown, not guessed.
    """
    people = [name for _, name in person_names(earlier) if len(name.split()) >= 2]
    tokens = [t for t in speaker.split() if t.lower() not in TITLES]
    if speaker.lower() in _PRONOUNS:
        return people[-1] if people and speaker.lower() in {"he", "she"} else None
    if tokens and len(tokens) == 1:
        for name in reversed(people):
            if name.split()[-1] == tokens[0]:
                return name
    return speaker


def merge_pull_quotes(pull: list[Quote], direct: list[Quote]) -> list[Quote]:
    """Pull quotes first, then the direct quotes that do not repeat one.

    A pull quote usually repeats words from the body: the two are listed once,
    with the longer wording and the speaker either of them names.
    """

    def norm(text: str) -> str:
        return " ".join(w.lower() for w in words(text))

    merged = list(pull)
    kept = []
    for quote in direct:
        repeats = [i for i, p in enumerate(merged) if norm(quote.text) in norm(p.text) or norm(p.text) in norm(quote.text)]
        for i in repeats:
            longer = max(merged[i].text, quote.text, key=len)
            merged[i] = Quote(longer, merged[i].speaker or quote.speaker, merged[i].kind)
        if not repeats:
            kept.append(quote)
    return merged + kept
