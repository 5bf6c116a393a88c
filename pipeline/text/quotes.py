"""Direct quotes in running text and the people who said them.

A quoted span (found by quotemarks) is a quote when someone is reported to
say it: a speech verb with a subject stands in its sentence, a transcript
label ("PENCE:") or a dash attribution names the speaker, the quote is a
whole sentence or a whole paragraph, or a colon introduces it. A short quoted
phrase inside a sentence goes to the quote gate, a small fitted model that
tells someone's words ("praised Bush as “a man who didn’t go to the gutter”")
from scare quotes and titles ("special case", "Face the Nation").

Where the speaker is named is speaker_place's part; who that is,
speaker_name's: pronouns and short forms resolve to the fullest name the
article gave that person, and the role the article gives a person ("Russian
President") is kept with the quote. Each place rule proposes a speaker, and
speaker_rank, a small fitted model, picks the likeliest. No speaker likely
enough: the speaker is unknown (None), never guessed: a wrong name misleads a
listener more than none.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..model import Quote
from . import quote_gate, speaker_rank
from .lazy_pattern import LazyPattern
from .quotemarks import Span, find_spans
from .speaker_name import NAME, PRONOUNS, Context, genders, lower_case_words, proper_words, surname, tidy_name, trailing_subject
from .speaker_place import (
    characterising_subject,
    continuing_speaker,
    described_before,
    described_subject,
    Mention,
    intro_speaker,
    mentions,
    next_sentence_speaker,
    outside_quotes,
    quoted_spans,
    sentence_around,
    sentence_subject,
    speaker_after,
    speaker_before,
)
from .speaker_rank import Proposal, Setting
from .speech_verbs import VERB
from .words import SENTENCE_END, word_count, words

_LABEL = re.compile(r"^\s*(?P<label>[A-Z][A-Z.'’ -]{1,30}[A-Z.])\s*:\s+(?P<rest>\S.*)$", re.S)
_NOT_LABELS = frozenset("UPDATE|EDITOR'S NOTE|NOTE|CORRECTION|WATCH|READ MORE|PHOTOS|VIDEO|BREAKING|EXCLUSIVE|UPDATED|ADVERTISEMENT".split("|"))
_DASH_ATTRIBUTION = re.compile(rf"^\s*[―—–-]+\s*(?P<who>{NAME.pattern})\s*[.,]?\s*$")


def find_quotes(paragraphs: list[str], headline: str | None = None) -> list[Quote]:
    """Every attributed direct quote in ``paragraphs``, in order, with its speaker and role.

    Quotes in the ``headline`` come first: a headline quotes someone it names
    ("Lee: Tram Is ‘Best News’", "Tram ‘Best News’, Lee Says").
    """
    context = Context(common=lower_case_words(paragraphs), proper=proper_words(paragraphs), genders=genders(paragraphs))
    quotes: list[Quote] = _headline_quotes(headline) if headline else []
    # Two apostrophes ('') stand for a double quotation mark in some newspapers' text;
    # a nickname in quotes (Marcia "Cia" Price) is part of a name, not a quote;
    # a dateline ("WASHINGTON —") names a place, never a speaker.
    paragraphs = [_without_dateline(_without_nicknames(_double_apostrophes(p))) for p in paragraphs]
    spans = find_spans(paragraphs)
    learned_upto = 0
    for number, span in enumerate(spans):
        for p in range(learned_upto, span.first):
            # Whom a quote names ("“Ted Cruz lies,” Trump said") is no one a later "he" means.
            context.learn_paragraph(paragraphs[p], quoted_spans(paragraphs[p]))
        learned_upto = max(learned_upto, span.first)
        previous = spans[number - 1] if number else None
        # The paragraph up to the quote, from where the quote before it in the paragraph ended:
        # reading it again from the start for every quote costs the square of its quotes.
        since = previous.end if previous is not None and previous.last == span.first else 0
        context.learn(outside_quotes(paragraphs[span.first][since : span.start]))
        found = _attribute(span, paragraphs, previous, context)
        if found is None:
            continue
        chosen = speaker_rank.choose(_proposals(found, context), _setting(found, span, context))
        speaker, role = (chosen.name, chosen.role) if chosen else (None, None)
        if speaker:
            context.last_speaker, context.last_speaker_paragraph = speaker, span.last
            context.learn_speaker(speaker)
        quotes.append(Quote(text=found.text, speaker=speaker, role=role))
    return quotes


def _double_apostrophes(text: str) -> str:
    """Two apostrophes as a double mark; three close an inner quote and the outer one, or open both."""
    text = re.sub(r"'{3}(?=[\s.,;:!?)]|$)", "'\"", text)
    text = re.sub(r"(?:(?<=\s)|^)'{3}", "\"'", text)
    return text.replace("''", '"')


_DATELINE = re.compile(
    r"^\s*(?:[A-Z][A-Z.'’-]+(?:[ ,]+[A-Z][A-Za-z.'’-]+){0,3}|[A-Z][a-z]+(?: [A-Z][a-z]+)?)"
    r"(?:,?\s+[A-Z][a-z]{2,8}\.?\s+\d{1,2})?"  # "WASHINGTON, Dec. 8 (UPI) —"
    r"(?:\s*\((?:[A-Z][A-Za-z]*\.?\s?){1,3}\))?\s*[—–-]+\s+(?=\S)"
)
_AGENCY_ONLY = re.compile(r"^\s*\((?:AP|AFP|CNN|Reuters|UPI)\)\s*[—–-]*\s*")


def _without_dateline(paragraph: str) -> str:
    """Blank out "WASHINGTON —" or "Washington (AFP) –" at a paragraph's start, keeping offsets."""
    m = _DATELINE.match(paragraph) or _AGENCY_ONLY.match(paragraph)
    if not m:
        return paragraph
    head = m.group(0)
    if not (head.split()[0].isupper() or "(" in head):
        return paragraph  # "Sanders — …" may be a name with a dash: only capitals or an agency mark a dateline
    return " " * len(head) + paragraph[len(head):]


_NICKNAME = re.compile(r"(?<=[a-z] )[\"“‘']([A-Z][\w.-]*(?: [A-Z][\w.-]*)?)[\"”’'](?= [A-Z][a-z])")


def _without_nicknames(paragraph: str) -> str:
    def unquote(m: re.Match) -> str:
        before = paragraph[: m.start()].split()
        # Only between a first name and a surname: the word before is capitalised too.
        return m.group(1) if before and before[-1][:1].isupper() else m.group(0)

    return _NICKNAME.sub(unquote, paragraph)


_RUBRICS = frozenset("latest breaking watch exclusive update updated analysis opinion editorial live video photos".split())
# Compiled on first use: most headlines quote no one, and compiling is on the path of a cold start.
_HEADLINE_SAYS = LazyPattern(rf",[’'”\"]?\s+(?P<who>{NAME.pattern})\s+(?:Says|Said|Tells|Warns|Claims|Argues|Insists|Finds)\b.*$")
_HEADLINE_VERBS = frozenset(
    "says said calls speaks tells rips hammers slams blasts urges vows warns claims accuses defends praises mocks "
    "sees questions wants demands pushes hits attacks knocks touts explains admits insists denies predicts compares "
    "reveals shows rally rallies argues backs criticizes criticises dismisses labels brands dubs told wrote took made".split()
)


def _headline_verb(token: str) -> bool:
    word = token.lower()
    return word in _HEADLINE_VERBS or word in ("is", "was", "just", "to", "will", "has") or bool(
        re.fullmatch(r"[a-z]{3,}(?:[^s']s|ed)", word)
    )


def _headline_quotes(headline: str) -> list[Quote]:
    """Quotes in a headline, attributed to whom the headline names: "Lee: …", "…, Lee Says", "Lee Calls …"."""
    spans = find_spans([_double_apostrophes(headline)])
    if not spans:
        return []
    label = headline.split(":")[0] if ":" in headline[: spans[0].start] else ""
    says = _HEADLINE_SAYS.search(headline)
    if label and label.split()[-1].lower() in _RUBRICS:
        # "The Latest: Sanders declares ‘revolution’": a rubric, then the headline proper.
        headline, label = headline.split(":", 1)[1].strip(), ""
    if label:
        # "Trump Praises Breitbart’s Matthew Boyle: ‘Very Good Reporter’": who opens a label with a verb speaks.
        who = _headline_subject(label) or trailing_subject(re.sub(r"\s+on\s+[^:]{1,40}$", "", label))
    elif says:
        who = says.group("who")
    else:
        who = _headline_subject(headline)
    return [Quote(text=span.text.rstrip(",").strip(), speaker=tidy_name(who) if who else None) for span in spans]


def _headline_subject(headline: str) -> str | None:
    """"Sanders Told …", "Former Mexico leader Calderon calls …": who opens the headline, before its verb."""
    tokens = headline.split()
    verb_at = next((i for i, t in enumerate(tokens[:6]) if i and _headline_verb(t)), None)
    lead = tokens[:verb_at] if verb_at else []
    named = lead and lead[0][:1].isupper() and lead[-1][:1].isupper() and all(t[:1].isalnum() for t in lead)
    return " ".join(lead) if named else None


@dataclass(frozen=True)
class _Found:
    """A quote and the speaker phrases the rules found for it, in the order the rules trust them."""

    text: str
    found: tuple[tuple[str, str | None], ...]
    whole_paragraph: bool = False
    introduced: bool = False
    nearby: str = ""
    mentions: tuple[Mention, ...] = ()


# A quoted phrase after a passive naming verb or a nickname is what something is called;
# "dubbed “Trumpcare” by critics" has an agent and stays with the other rules.
_NAMED_THING = re.compile(
    r"(?:\b(?:is|are|was|were|be|been|being|it[’']s|also|often|sometimes|commonly|now|instead|widely|better)\s+"
    r"(?:called|dubbed|named|nicknamed|termed|titled|known\s+as|referred\s+to\s+as)"
    r"|\b(?:nickname|moniker)\s+(?:of\s+)?)\s*$",
    re.IGNORECASE,
)


def _attribute(span: Span, paragraphs: list[str], previous: Span | None, context: Context) -> _Found | None:
    """The quote and its speaker proposals when the span is a quote, else None."""
    text = span.text.strip()
    label = _LABEL.match(text)
    if label and label.group("label").strip() not in _NOT_LABELS and len(label.group("label").split()) <= 3:
        return _Found(label.group("rest").strip(), (("label", label.group("label").strip().title()),))
    first, last = paragraphs[span.first], paragraphs[span.last]
    before, after = sentence_around(first, span.start, last, span.end)
    whole_paragraph = not first[: span.start].strip() and not outside_quotes(last[span.end :]).strip(" .,;:")
    text = span.text.strip().rstrip(",").rstrip()
    dash = _DASH_ATTRIBUTION.match(last[span.end :])
    after_speaker, before_speaker = speaker_after(after), speaker_before(before)
    if before_speaker and re.match(r"[\s,:;–—-]*(?:and|but|while|whereas)\s", after):
        after_speaker = None  # "“…,” but the council backed it, Ross said": the closing attribution is the other clause's
    found = [
        ("dash", dash.group("who") if dash else None),
        ("after", after_speaker),
        ("before", before_speaker),
        ("characterising", characterising_subject(before)),
    ]
    speaker = any(phrase for _, phrase in found[1:])
    split = False
    if not speaker and previous is not None and previous.last == span.first and context.last_speaker_paragraph == span.first:
        between = outside_quotes(first[previous.end : span.start])
        # "“A,” she said. “B.”": the second part of a quote split by its attribution.
        split = len(between) < 160 and bool(VERB.search(between))
        if split:
            found.append(("split", context.last_speaker))
    introduced = before.rstrip().endswith(":") or (
        not first[: span.start].strip() and span.first > 0 and paragraphs[span.first - 1].rstrip().endswith(":")
    )
    sentence_like = word_count(text) >= 6 and (SENTENCE_END.search(text) or text.endswith(","))
    following = next_sentence_speaker(last, span.end)
    if not (whole_paragraph or introduced or sentence_like or following or dash or split):
        # A phrase inside a sentence: someone's words, or a scare quote or a title.
        # "HP is called “pigeon breeder’s lung”": a name for a thing. Whose words it quotes, the
        # sentence does not say; its subject ("HP") is what is named, never the speaker.
        named = _NAMED_THING.search(before) and not re.match(r"\s*,?\s*by\s", after)
        subject = None if named else sentence_subject(before)
        if not quote_gate.is_quote(quote_gate.features(text, before, after, speaker, subject is not None)):
            return None
        if named:
            return _Found(text, ())
        found += [("subject_gate", subject), ("described_subject", described_subject(before))]
    else:
        found += [
            ("intro", intro_speaker(before, paragraphs, span)),
            ("next_sentence", following),
            ("continuing", continuing_speaker(span, previous, paragraphs, context)),
            ("subject", sentence_subject(before)),
            ("described_subject", described_subject(before)),
            ("described", described_before(paragraphs, span) if whole_paragraph else None),
        ]
    # Whoever spoke earlier in the paragraph: "“…,” said Steve Schmidt, a strategist. Unless rivals quit, “…”".
    same_paragraph = previous is not None and previous.last == span.first and context.last_speaker_paragraph == span.first
    found += [("same_paragraph", context.last_speaker if same_paragraph else None), ("last_speaker", context.last_speaker)]
    return _Found(text, tuple(found), whole_paragraph, introduced, outside_quotes(before + " " + after), tuple(mentions(before, after)))


def _proposals(found: _Found, context: Context) -> list[Proposal]:
    """Each phrase found, as the person it names; pronouns no one was named for are dropped."""
    proposals = []
    for finder, phrase in found.found:
        if not phrase:
            continue
        name, role = context.resolve(context.checked(phrase))
        if name and name.lower() not in PRONOUNS:
            proposals.append(Proposal(finder, phrase, name, role))
    if any(p.finder != "last_speaker" for p in proposals):
        return proposals  # the names in passing only stand in when no rule found a speaker
    for mention in found.mentions:
        name, role = context.resolve(context.checked(mention.phrase))
        if name:
            proposals.append(Proposal(f"mention_{mention.side}", mention.phrase, name, role, mention))
    return proposals


def _setting(found: _Found, span: Span, context: Context) -> Setting:
    return Setting(
        whole_paragraph=found.whole_paragraph,
        introduced=found.introduced,
        known=frozenset(filter(None, map(surname, context.people))),
        last_speaker=context.last_speaker,
        paragraphs_since_speaker=span.first - context.last_speaker_paragraph,
        nearby=found.nearby,
    )


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
            merged[i] = Quote(longer, merged[i].speaker or quote.speaker, merged[i].kind, merged[i].role or quote.role)
        if not repeats:
            kept.append(quote)
    return merged + kept
