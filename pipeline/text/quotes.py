"""Direct quotes in running text and the people who said them.

A quoted span is a quote when someone is reported to say it: a speech verb
with a subject stands in its sentence, a transcript label ("PENCE:") or a
dash attribution names the speaker, the quote is a whole sentence or a whole
paragraph, or a colon introduces it. A short quoted phrase with none of these
is a scare quote or a title ("special case", "Face the Nation") and is left
alone.

The speaker is looked for in the quote's own sentence (after the quote:
"…," said Ms Lee / "…," Lee said; before it: Lee warned that "…"), then in the
sentence or paragraph that introduces it, then in the quotes just before it
(a speaker keeps talking across paragraphs). Pronouns and short forms ("he",
"Mr Jeremic", "the senator") resolve to the fullest name the article gave
that person; the role the article gives a person ("Russian President") is
kept with the quote. No speaker found: the speaker is unknown (None), never
guessed.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..model import Quote
from . import quote_gate
from .quotemarks import Span, find_spans
from .sentences import sentence_spans
from .words import SENTENCE_END, word_count, words

SPEECH_VERBS = (
    "said|says|say|saying|told|tells|tell|telling|added|adds|adding|asked|asks|asking|wrote|writes|writing|"
    "tweeted|tweets|tweeting|posted|warned|warns|warning|argued|argues|arguing|claimed|claims|claiming|"
    "stated|states|explained|explains|explaining|insisted|insists|insisting|noted|notes|noting|declared|"
    "declares|announced|announces|replied|replies|responded|responds|stressed|stresses|continued|continues|"
    "admitted|admits|acknowledged|acknowledges|conceded|concedes|suggested|suggests|predicted|predicts|"
    "recalled|recalls|vowed|vows|promised|promises|promising|pledged|pledges|urged|urges|urging|called|calls|"
    "calling|described|describes|describing|dubbed|dubs|labeled|labelled|labels|branded|brands|accused|"
    "accuses|blasted|blasts|slammed|slams|criticized|criticised|criticizes|criticises|praised|praises|"
    "cited|cites|quipped|joked|jokes|boasted|boasts|complained|complains|lamented|laments|touted|touts|"
    "mocked|mocks|shouted|shouts|yelled|chanted|chants|sang|sings|read|reads|reported|reports|reporting|"
    "concluded|concludes|emphasized|emphasised|emphasizes|countered|counters|agreed|agrees|insist|"
    "testified|testifies|acknowledge|believes|thinks|thought|feared|fears|hoped|hopes|questioned|"
    "questions|characterized|characterizes|deemed|blamed|blames|announce|declare|explain|warn|argue|"
    "claim|admit|demanded|demands|wondered|wonders|pointed out|points out|went on|goes on|recounted|recounts|"
    "remarked|remarks|observed|observes|retorted|protested|objected|interjected|chimed in|"
    "attacked|attacks|denounced|denounces|condemned|condemns|bemoaned|scolded|derided|ridiculed|hailed|"
    "according to|in the words of|quoted|quotes|quoting|written|"
    # The commonest reporting verbs of the other languages eSpeak reads, as news prose uses them.
    "dijo|afirmó|afirma|declaró|explicó|aseguró|señaló|añadió|agregó|indicó|sostuvo|"  # Spanish
    "disse|afirmou|declarou|explicou|acrescentou|garantiu|sublinhou|"  # Portuguese
    "dit|déclaré|affirmé|affirme|expliqué|explique|ajouté|ajoute|estime|souligné|souligne|"  # French
    "sagte|sagt|erklärte|erklärt|betonte|betont|meinte|fügte hinzu|"  # German
    "detto|dichiarato|spiegato|aggiunto|afferma|sottolineato|"  # Italian
    "zei|zegt|verklaarde"  # Dutch
)
# Lower case: "the United States" holds no verb. A capital only opens a clause ("According to", "Said Lee,").
_VERB = re.compile(rf"(?<![\w-])(?:{SPEECH_VERBS}|{'|'.join(v[:1].upper() + v[1:] for v in SPEECH_VERBS.split('|'))})(?![\w-])")
# Words before a cue that show it is a noun ("dismissed claims that", "the calls for").
_NOUN_MARKERS = frozenset("a an the his her their its our my your these those such this that of no any some many".split())
_AUXILIARIES = frozenset("has have had was were is are be been being will would could should may might did do does also".split())
TITLES = frozenset(
    "mr mr. mrs mrs. ms ms. dr dr. prof prof. sir lord lady dame president minister secretary senator sen. "
    "rep. representative gov. governor mayor chancellor prince princess judge general gen. "
    "chairman chairwoman chair chief director premier ambassador spokesman spokeswoman spokesperson "
    "correspondent editor leader pope rev. archbishop bishop commissioner candidate nominee speaker "
    "vice-president attorney justice lt. col. sgt. capt. adm. officer analyst professor coach ceo "
    "founder manager anchor host commentator strategist adviser advisor aide rev".split()
)
_HONORIFICS = frozenset("mr mrs ms dr sir lord lady dame prof rev".split())
PRONOUNS = frozenset("he she they i we it".split())
_CONNECTORS = frozenset("de van von da al bin di del la le du der den ten bint".split())
# Capitalised words that start sentences or headlines but are never a speaker's name.
_NOT_NAMES = frozenset(
    "but and so yet then however meanwhile earlier later also still now the a an in on at for to of by with "
    "after before when while if as this that these those there here it its his her their our we i you i'm i’m i've i’ve "
    "he she they what why how who where which yes no not monday tuesday wednesday thursday "
    "friday saturday sunday january february march april may june july august september october november "
    "december breaking update watch read video photo exclusive opinion analysis le la les der die das el los "
    "las il lo".split()
)
_NAME_TOKEN = r"(?:(?:Mr|Mrs|Ms|Dr|St|Sen|Rep|Gov|Gen|Jr|Sr|Lt|Col|Sgt|Capt|Prof|[A-Z])\.|[A-Z][\w'’.-]*\w|[A-Z])"
_NAME = re.compile(rf"{_NAME_TOKEN}(?:\s+(?:(?:de|van|von|da|al|bin|di|del|la|le|du|der|den)\s+)?{_NAME_TOKEN})*")
_LABEL = re.compile(r"^\s*(?P<label>[A-Z][A-Z.'’ -]{1,30}[A-Z.])\s*:\s+(?P<rest>\S.*)$", re.S)
_NOT_LABELS = frozenset("UPDATE|EDITOR'S NOTE|NOTE|CORRECTION|WATCH|READ MORE|PHOTOS|VIDEO|BREAKING|EXCLUSIVE|UPDATED|ADVERTISEMENT".split("|"))
_DASH_ATTRIBUTION = re.compile(rf"^\s*[―—–-]+\s*(?P<who>{_NAME.pattern})\s*[.,]?\s*$")
_POSSESSIVE = re.compile(r"['’]s?$")
# Names of places and organisations a short reference must not resolve to.
_ORGANISATION = re.compile(
    r"\b(?:Foundation|Club|University|College|Party|Committee|Institute|Center|Centre|Association|News|Times|"
    r"Post|Journal|Council|Department|Court|Company|Inc|Corp|Group|Network|School|Church|Union|League|Fund|Bank|"
    r"Agency|Administration|States|County|City|Partners|Capital|Associates|Holdings|LLC|Hotel|Tower|Street|Avenue|Hall|Square|Airport|Museum|Media|Press)\b"
)
_NOUN_PHRASE = re.compile(
    r"(?:^|\s)(?P<np>(?:(?i:a|an|the|one|two|three|several|some|many|other|another|his|her|their)|[A-Z][\w.-]*['’]s)\s+"
    r"(?:[\w’'-]+\s+){0,4}?[\w’'-]+)\s*$",
)


@dataclass
class _Context:
    """What the article has said so far about people, as quotes are read in order."""

    common: frozenset[str] = frozenset()  # words the article writes in lower case
    proper: frozenset[str] = frozenset()  # capitalised words the article writes inside sentences
    people: list[str] = field(default_factory=list)  # full names, in order of mention
    roles: dict[str, str] = field(default_factory=dict)  # full name -> role the article gave
    last_speaker: str | None = None
    last_speaker_paragraph: int = -10

    def checked(self, name: str | None) -> str | None:
        """``name`` without the capitalised common words that open a sentence ("Instead Mr. Lee", "Facing")."""
        if not name or not name[:1].isupper():
            return name
        tokens = name.split()
        while tokens and tokens[0].lower() in self.common and tokens[0] not in self.proper:
            if tokens[0].lower() in ("the", "a", "an") or tokens[0].lower().strip(".") in TITLES:
                break  # a description ("The senator") or a title ("President Obama")
            tokens.pop(0)
        if tokens and not tokens[0][:1].isupper():
            return name
        return " ".join(tokens) or None

    def learn_speaker(self, name: str) -> None:
        """A speaker is who a later "he" or "she" most likely means."""
        if name in self.people:
            self.people.remove(name)
        if name[:1].isupper():
            self.people.append(name)

    def learn(self, text: str) -> None:
        for name, role in person_mentions(text):
            name = self.checked(name)
            if not name or _ORGANISATION.search(name):
                continue
            if name in self.people:
                self.people.remove(name)
            self.people.append(name)
            if role and name not in self.roles:
                self.roles[name] = role

    def resolve(self, speaker: str | None) -> tuple[str | None, str | None]:
        """(fuller name, role) for a pronoun or short reference; a description resolved to a name becomes its role."""
        name = self._resolve(speaker)
        if name is None:
            return None, None
        role = self.roles.get(name)
        if speaker and name != speaker and speaker[:1].islower() and speaker.lower() not in PRONOUNS:
            role = speaker  # "the president": the article's own words for who this is
        return name, role

    def _resolve(self, speaker: str | None) -> str | None:
        if not speaker:
            return None
        low = speaker.lower()
        if low in PRONOUNS:
            if low in ("he", "she") and self.people:
                return self.people[-1]
            return None
        tokens = [t for t in speaker.split() if t.lower().strip(".") not in TITLES and t.lower() not in ("the",)]
        if not tokens:
            # "the senator": the last person the article gave that role.
            role = speaker.lower().split()[-1]
            for name in reversed(self.people):
                if role in self.roles.get(name, "").lower().split():
                    return name
            return speaker
        if len(tokens) == 1:
            for name in reversed(self.people):
                parts = name.split()
                # A surname, or the first name of a two-word name ("Hillary"); "Trump" is not "Trump Tower Club".
                if len(parts) > 1 and (tokens[0] == parts[-1] or len(parts) == 2 and tokens[0] == parts[0]):
                    return name
        return speaker


def find_quotes(paragraphs: list[str], headline: str | None = None) -> list[Quote]:
    """Every attributed direct quote in ``paragraphs``, in order, with its speaker and role.

    Quotes in the ``headline`` come first: a headline quotes someone it names
    ("Lee: Tram Is ‘Best News’", "Tram ‘Best News’, Lee Says").
    """
    context = _Context(common=_lower_case_words(paragraphs), proper=_proper_words(paragraphs))
    quotes: list[Quote] = _headline_quotes(headline) if headline else []
    # Two apostrophes ('') stand for a double quotation mark in some newspapers' text;
    # a nickname in quotes (Marcia "Cia" Price) is part of a name, not a quote;
    # a dateline ("WASHINGTON —") names a place, never a speaker.
    paragraphs = [_without_dateline(_without_nicknames(_double_apostrophes(p))) for p in paragraphs]
    spans = find_spans(paragraphs)
    learned_upto = 0
    for number, span in enumerate(spans):
        for p in range(learned_upto, span.first):
            context.learn(paragraphs[p])
        learned_upto = max(learned_upto, span.first)
        paragraph = paragraphs[span.first]
        context.learn(_outside_quotes(paragraph[: span.start]))
        found = _attribute(span, paragraphs, spans[number - 1] if number else None, context)
        if found is None:
            continue
        text, speaker = found
        speaker, role = context.resolve(context.checked(speaker))
        if speaker and speaker.lower() in PRONOUNS:
            speaker = role = None
        if speaker:
            context.last_speaker, context.last_speaker_paragraph = speaker, span.last
            context.learn_speaker(speaker)
        quotes.append(Quote(text=text, speaker=speaker, role=role))
    return quotes


def _double_apostrophes(text: str) -> str:
    """Two apostrophes as a double mark; three close an inner quote and the outer one, or open both."""
    text = re.sub(r"'{3}(?=[\s.,;:!?)]|$)", "'\"", text)
    text = re.sub(r"(?:(?<=\s)|^)'{3}", "\"'", text)
    return text.replace("''", '"')


def _lower_case_words(paragraphs: list[str]) -> frozenset[str]:
    # Not in addresses and handles ("breitbart.com", "@realdonaldtrump").
    return frozenset(re.findall(r"(?<![\w./@-])[a-z][a-z’'-]+(?![\w./@])", " ".join(paragraphs)))


def _proper_words(paragraphs: list[str]) -> frozenset[str]:
    return frozenset(re.findall(r"(?<=[a-z,] )[A-Z][\w’'-]*", " ".join(paragraphs)))


_DATELINE = re.compile(
    r"^\s*(?:[A-Z][A-Z.'’-]+(?:[ ,]+[A-Z][A-Za-z.'’-]+){0,3}|[A-Z][a-z]+(?: [A-Z][a-z]+)?)"
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


_HEADLINE_SAYS = re.compile(rf",\s+(?P<who>{_NAME.pattern})\s+(?:Says|Said|Tells|Warns|Claims|Argues|Insists)\b.*$")
_HEADLINE_VERBS = frozenset(
    "says said calls speaks tells rips hammers slams blasts urges vows warns claims accuses defends praises mocks "
    "sees questions wants demands pushes hits attacks knocks touts explains admits insists denies predicts compares "
    "reveals shows rally rallies argues backs criticizes criticises dismisses labels brands dubs".split()
)


def _headline_quotes(headline: str) -> list[Quote]:
    """Quotes in a headline, attributed to whom the headline names: "Lee: …", "…, Lee Says", "Lee Calls …"."""
    spans = find_spans([_double_apostrophes(headline)])
    if not spans:
        return []
    label = headline.split(":")[0] if ":" in headline[: spans[0].start] else ""
    says = _HEADLINE_SAYS.search(headline)
    if label:
        who = _trailing_subject(re.sub(r"\s+on\s+[^:]{1,40}$", "", label))
    elif says:
        who = says.group("who")
    else:
        tokens = headline.split()
        verb_at = next((i for i, t in enumerate(tokens[:6]) if t.lower() in _HEADLINE_VERBS), None)
        lead = tokens[:verb_at] if verb_at else []
        who = " ".join(lead) if lead and all(t[:1].isupper() for t in lead) else None
    return [Quote(text=span.text.rstrip(",").strip(), speaker=_tidy_name(who) if who else None) for span in spans]


def _attribute(span: Span, paragraphs: list[str], previous: Span | None, context: _Context):
    """(quote text, speaker or None) when the span is a quote, else None."""
    text = span.text.strip()
    label = _LABEL.match(text)
    if label and label.group("label").strip() not in _NOT_LABELS and len(label.group("label").split()) <= 3:
        return label.group("rest").strip(), label.group("label").strip().title()
    first, last = paragraphs[span.first], paragraphs[span.last]
    before, after = _sentence_around(first, span.start, last, span.end)
    whole_paragraph = not first[: span.start].strip() and not _outside_quotes(last[span.end :]).strip(" .,;:")
    text = span.text.strip().rstrip(",").rstrip()
    speaker = _speaker_after(after) or _speaker_before(before) or _characterising_subject(before)
    dash = _DASH_ATTRIBUTION.match(last[span.end :])
    if dash:
        return text, dash.group("who")
    if not speaker and previous is not None and previous.last == span.first and context.last_speaker_paragraph == span.first:
        between = _outside_quotes(first[previous.end : span.start])
        if len(between) < 160 and _VERB.search(between):
            # "“A,” she said. “B.”": the second part of a quote split by its attribution.
            return text, context.last_speaker
    introduced = before.rstrip().endswith(":") or (
        not first[: span.start].strip() and span.first > 0 and paragraphs[span.first - 1].rstrip().endswith(":")
    )
    sentence_like = word_count(text) >= 6 and (SENTENCE_END.search(text) or text.endswith(","))
    if not (whole_paragraph or introduced or sentence_like or _next_sentence_speaker(last, span.end)):
        # A phrase inside a sentence: someone's words, or a scare quote or a title.
        subject = _sentence_subject(before)
        if not quote_gate.is_quote(quote_gate.features(text, before, after, speaker is not None, subject is not None)):
            return None
        return text, speaker or subject
    if speaker:
        return text, speaker
    speaker = (
        _intro_speaker(before, paragraphs, span)
        or _next_sentence_speaker(last, span.end)
        or _continuing_speaker(span, previous, paragraphs, context)
        or _sentence_subject(before)
        or (_described_before(paragraphs, span) if whole_paragraph else None)
    )
    return text, speaker


_QUOTED = re.compile(r"“[^”]*”|\"[^\"]*\"")


def _outside_quotes(text: str) -> str:
    return _QUOTED.sub(" ", text)


def _sentence_around(first: str, start: int, last: str, end: int) -> tuple[str, str]:
    """The parts of the quote's sentence before the opening mark and after the closing one."""
    begin = 0
    for s, e in sentence_spans(first):
        if s <= start:
            begin = s
    # A sentence may end inside the quote ("…ends here." she said): the text before the
    # opening mark only counts back to the start of the sentence that holds the mark.
    before = first[begin:start]
    finish = len(last)
    for s, e in sentence_spans(last):
        if e >= end:
            finish = e
            break
    after = last[end:finish]
    # Stop at the next quotation, whose attribution is its own; a name or title of a few
    # words in quotes ("wearing “Ted Cruz” pins, said") is passed over.
    for quoted in re.finditer(r"[“\"«„]([^”\"»“]*)[”\"»“]?", after):
        if len(quoted.group(1).split()) > 3 or not re.search(r"[”\"»“]", quoted.group(0)[1:]):
            return before, after[: quoted.start()]
        after = after[: quoted.start()] + " " * len(quoted.group(0)) + after[quoted.end() :]
    return before, after


def _speaker_after(after: str) -> str | None:
    """`"…," said Ms Lee` / `"…," Ms Lee said` / `"…," he added`."""
    head = after.lstrip(" ,:;–—-")
    if not head or head[:1] in ".!?":
        return None
    if re.match(r"(?:and|but|while|whereas)\s", head):
        return None  # "…" and Trump says …: a new clause with its own quote
    # "…", a déclaré Macron / ha detto Meloni: a compound past's auxiliary comes first.
    verb = re.match(rf"(?:(?:a|ha|hat)\s+)?(?:{SPEECH_VERBS})\b[\s,]*", head)
    if verb:
        if verb.group(0).rstrip(" ,").endswith("ing"):
            return None  # "…," adding that …: the sentence's subject speaks, before the quote
        return _leading_subject(head[verb.end() :])
    subject = re.match(
        rf"(?P<who>{_NAME.pattern}(?:\s*\([^)]{{1,20}}\))?(?:,[^,]{{1,90}}){{0,3}},|{_NAME.pattern}(?:\s*\([^)]{{1,20}}\))?"
        rf"|(?i:he|she|they)|(?i:the|a|an|one|two|several|some|other|another)\s+[^.!?;,]{{1,60}}?)"
        rf"\s+(?:also\s+|then\s+|later\s+|had\s+|has\s+)?(?:{SPEECH_VERBS})(?![\w-])",
        head,
    )
    if subject:
        who = subject.group("who")
        return _tidy_name(re.split(r"\s*[,(]", who)[0]) if who[:1].isupper() and who.split()[0].lower() not in _NOT_NAMES else who
    # "…" that Sanders can win, said Steve Elmendorf: who follows the verb closing the clause.
    inverted = re.search(rf",\s*(?:{SPEECH_VERBS})\s+(?P<who>{_NAME.pattern}|(?:the|a|an)\s+[^,.;]{{1,60}})", head)
    if inverted and not inverted.group(0).split()[0].endswith("ing"):
        return _leading_subject(inverted.group("who"))
    # "…," Clinton campaign spokesman Brian Fallon said: a role before the name.
    described = re.match(rf"(?P<who>[^;!?“”\"]{{1,90}}?)\s+(?:also\s+)?(?P<verb>{SPEECH_VERBS})(?![\w-])", head)
    if described and not described.group("verb").endswith("ing") and described.group("who").split()[0].lower() not in _PREPOSITIONS | {"that", "about", "as"}:
        # "Rep. Jason Chaffetz (R-Utah)": party and state in brackets are not part of the name.
        name = _trailing_subject(re.sub(r"\s*\([^)]{1,30}\)", "", described.group("who")))
        if name and name.lower() not in PRONOUNS:
            return name
    # "…" to drive up the price, she said: the attribution closes the sentence.
    late = re.search(rf",\s*(?P<who>{_NAME.pattern}|he|she|they)\s+(?:also\s+)?(?:{SPEECH_VERBS})(?![\w-])", head)
    if late:
        return _tidy_name(late.group("who")) if late.group("who")[:1].isupper() else late.group("who")
    # "…,” Bozell answers. / “…!” beamed Donald Hartley: any verb right after the quote tells who.
    other = _OTHER_VERB_AFTER.match(head)
    if other:
        who = other.group("who") or other.group("inverted")
        if who.lower() in PRONOUNS:
            return who.lower()
        who = re.sub(r"^(?:an?|the)\s+[a-z]+\s+", "", who)  # "an angry Hollande"
        return _tidy_name(who) if who.split()[0].lower() not in _NOT_NAMES else None
    return None


_OTHER_VERB_AFTER = re.compile(
    rf"(?:(?P<who>{_NAME.pattern}|[Hh]e|[Ss]he|(?:an?|the)\s+[a-z]+\s+{_NAME.pattern})(?:,[^,]{{1,60}},)?\s+(?:[a-z]+ly\s+)?(?:(?!is\b|was\b|has\b|does\b)[a-z]{{2,}}(?:ed|s)|shot|wrote|spoke|swore)(?:\s+back)?\b"
    rf"|(?!is\b|was\b|has\b)[a-z]{{2,}}ed\s+(?P<inverted>{_NAME.pattern}))"
    rf"\s*(?:[,.;!?]|$|\s(?:in|on|at|to|as|from|after|before|during|with|of|and)\b)"
)


def _speaker_before(before: str) -> str | None:
    """`Lee warned that "…` / `According to Lee, "…`: the subject of the first speech verb before the quote."""
    # Offsets kept; a comma closing the quote ("…,” adding that) still ends the clause before it.
    clause = _QUOTED.sub(lambda m: " " * (len(m.group(0)) - 1) + ("," if m.group(0)[-2:-1] == "," else " "), before)
    fallback = None
    # The first cue: in "Lee said Kim called it “a mess”" Lee reports the words; but after
    # an earlier quote ("Cruz accuses Obama of “…” and Trump says “…”") the cues since that quote first.
    since = max(before.rfind(mark) for mark in '”"»“')
    cues = list(_VERB.finditer(clause))
    if clause.rstrip().endswith(":"):
        cues.reverse()  # "Cruz said as the heckler yelled: “…”": the cue the colon closes
    for verb in [v for v in cues if v.start() > since] + [v for v in cues if v.start() <= since]:
        cue = verb.group(0).lower()
        prior = clause[: verb.start()]
        if verb.group(0)[:1].isupper() and prior.strip() and prior.rstrip()[-1:] not in ",;:—–(":
            continue  # "the United States": a capitalised cue only opens a clause
        if cue in ("according to", "in the words of"):
            return _leading_subject(clause[verb.end() :])
        if verb.group(0)[:1].isupper() and cue in ("said", "says"):
            # "Said Comey, “…”": the verb first, then who.
            return _leading_subject(clause[verb.end() :])
        previous_word = (prior.split() or [""])[-1].lower()
        bare = previous_word.strip(",")
        if bare in _NOUN_MARKERS or bare in ("who", "which", "whom") or (
            bare.endswith("ed") and bare not in _AUXILIARIES and not previous_word.endswith(",")
        ):
            continue  # "dismissed claims that…" is a noun; "someone who says" a relative clause
        if bare in ("was", "were", "been", "be", "being", "is", "are") and cue.endswith("ed"):
            continue  # "after the winner was declared": a passive names no speaker
        inverted = re.match(rf"\s+(?P<who>{_NAME.pattern}),", clause[verb.end() :])
        if previous_word.endswith(",") and not cue.endswith("ing") and inverted and _tidy_name(inverted.group("who")):
            return _tidy_name(inverted.group("who"))  # "The paradox of Nancy, says Carl Anthony, is that “…”"
        following = (clause[verb.end() :].split() or [""])[0].lower()
        if cue in _NOUNISH_CUES and following in _AFTER_NOUNS:
            continue  # "Republican claims as “false”", "remarks on Saturday"
        if cue.endswith("ing") and (previous_word.endswith(",") or not _trailing_name(prior)):
            # "…, saying "…"", "issued a statement saying "…"": the speaker is the sentence's subject.
            subject = _clause_subject(prior)
        elif bare in ("and", "but", "or"):
            # "Cruz exhorted Republicans … and said "…"": the verbs share the sentence's subject.
            subject = _clause_subject(prior)
        else:
            subject = _trailing_subject(prior)
        if subject and subject.lower() in ("he", "she"):
            # "Clinton says she appreciated…": a pronoun after the sentence's named subject is that subject.
            opener = _clause_subject(clause)
            if opener and opener[:1].isupper() and opener.lower() not in PRONOUNS:
                return opener
        if subject and subject.lower() in ("it", "they", "we", "i"):
            # "said it would tell…" / "noted they had said…": an earlier cue may name who speaks.
            fallback = fallback or subject
            continue
        if subject:
            return subject
    if fallback:
        return fallback
    if clause.rstrip().endswith(":"):
        subject = _trailing_subject(clause.rstrip()[:-1])
        if subject and subject[:1].islower() and subject not in PRONOUNS:
            # "Politico reveals a few facts:": the thing before the colon is an object; its sentence has the subject.
            subject = _clause_subject(clause) or subject
        # A lowercase description ("a reader would now ask:") is trusted only in plain English words.
        if subject and (subject[:1].isupper() or subject in PRONOUNS or subject.isascii()):
            return subject
        opener = _clause_subject(clause)
        return opener if opener and _plausible_name(opener.split()) else None
    return None


_NOUNISH_CUES = frozenset(
    "claims calls notes states reports quotes remarks questions fears hopes attacks demands tweets "
    "promises pledges".split()
)
_AFTER_NOUNS = frozenset("as of about were are was is for to from by in on and or against over with have had".split())
_PREPOSITIONS = frozenset("through in on at of from into over under with without across along near by for to".split())
_CHARACTERISES = re.compile(r"\s(?:as|like|to)(?:\s+(?:a|an|the|being|being in the))?\s*$", re.IGNORECASE)


def _characterising_subject(before: str) -> str | None:
    """`Reid mocked Trump as a “con artist”`: a named person characterises something in quoted words."""
    if not _CHARACTERISES.search(before):
        return None
    clause = _outside_quotes(before).split(",")[-1] if before.count(",") < 3 else _outside_quotes(before)
    m = re.match(rf"\s*(?:(?:In|On|At|Last|This|Earlier|Later)\b[^,]*,\s*)?(?P<who>{_NAME.pattern})\s+(?:has\s+|had\s+|also\s+|repeatedly\s+|frequently\s+|cynically\s+|openly\s+)*(?P<verb>[a-z]+(?:ed|s))\b", clause)
    if m and m.group("who").split()[0].lower() not in _NOT_NAMES:
        return _tidy_name(m.group("who"))
    return None


def _leading_subject(phrase: str) -> str | None:
    """The name, pronoun or noun phrase that opens ``phrase``."""
    phrase = phrase.strip(" ,")
    first = (phrase.split() or [""])[0].strip(".,;:").lower()
    if first in PRONOUNS:
        return first
    np = re.match(r"(?:the|a|an|one|two|several|some|other|another)\s+(?:[^\W_][\w’'-]*\s+){0,3}[^\W_][\w’'-]*", phrase, re.IGNORECASE)
    name = _NAME.match(phrase)
    if name and _tidy_name(name.group(0)):
        # "Ayotte campaign manager Jon Kohan": a name describing the role, then the speaker's name.
        role_then_name = re.match(rf"\s+((?:[a-z][\w-]*\s+){{1,3}})(?P<name>{_NAME.pattern})", phrase[name.end() :])
        if role_then_name and role_then_name.group(1).split()[-1] in TITLES:
            return _tidy_name(role_then_name.group("name"))
        return _tidy_name(name.group(0))
    # "the finance minister, Carlos Pérez, …": a description, then the name it describes.
    parts = phrase.split(",")
    if len(parts) > 1 and phrase[:1].islower() and _NAME.fullmatch(parts[1].strip()) and _tidy_name(parts[1].strip()):
        return _tidy_name(parts[1].strip())
    # "9/11 widow Terry Strada": a short description, then the name.
    described = re.match(rf"(?:[\w/’'-]+\s+){{1,4}}?(?P<name>{_NAME.pattern})", phrase.split(",")[0])
    if described and not np:
        return _tidy_name(described.group("name"))
    if np:
        return np.group(0)
    return None


_ADVERBS = frozenset(
    "also then later again previously once reportedly repeatedly recently publicly privately simply openly "
    "further quickly flatly bluntly angrily sharply forcefully pointedly cynically frequently often never "
    "always just even still already".split()
)
# Words that cannot end a speaker's noun phrase ("the test and warned…").
_NOT_IN_SPEAKER = frozenset("and but or by for to in at with that which who whom when while if as than on from into".split())
_GROUP_NOUNS = frozenset(
    "officials sources critics supporters experts analysts democrats republicans aides voters protesters "
    "demonstrators lawmakers leaders residents police prosecutors investigators officers authorities".split()
)
_INTRODUCTORY = re.compile(
    r"^\s*(?:(?:In|On|At|During|After|Before|With|Following|Earlier|Later|Last|This|As|When|While|Since|"
    r"Speaking|Asked|Unlike|Like|Despite|According|For|From|Under|Over|Meanwhile|However|But|And|Yet|Still)\b[^,]{0,120},\s*)+"
)


_APPOSITIVE_OPENERS = frozenset("who whose which the a an of now then once himself herself".split())


def _trailing_subject(phrase: str) -> str | None:
    """The name, pronoun or noun phrase that ends ``phrase``, skipping an appositive ("Lee, the mayor,")."""
    phrase = re.sub(r"\s*\([^)]{1,30}\)", "", phrase)  # "(R-Utah)", "(D)": party and state
    tokens = phrase.rstrip().replace(",", " , ").split()
    while tokens and tokens[-1].lower() in _AUXILIARIES | _ADVERBS:
        tokens.pop()
    if tokens and tokens[-1] == ",":
        # "Swanson, who is a pastor in Elizabeth, Colorado, said": the name is what the first
        # relative clause or description describes, not a place or a paper named inside it.
        segments = " ".join(tokens[:-1]).split(" , ")
        if len(segments) > 1 and segments[-2].split()[-1].lower() in TITLES and _plausible_name(segments[-1].split()):
            return _tidy_name(segments[-1])  # "the previous nominee, Mitt Romney, called"
        for k in range(1, len(segments)):
            opener = segments[k].split()[0].lower() if segments[k].split() else ""
            if opener in _APPOSITIVE_OPENERS or opener[:1].isdigit():
                candidate = segments[k - 1].split()
                chain = []
                while candidate and (re.match(_NAME_TOKEN + "$", candidate[-1]) or (chain and candidate[-1].lower() in _CONNECTORS)):
                    chain.insert(0, candidate.pop())
                if chain and _plausible_name(chain):
                    return _tidy_name(" ".join(chain))
                break
    # Skip appositives back to the name: "Rawlings, 59, of Ashton, Md., who watched …, said".
    for _ in range(6):
        if not tokens or tokens[-1] != ",":
            break
        tokens.pop()
        if "," not in tokens:
            break
        cut = len(tokens) - tokens[::-1].index(",")
        if _plausible_name(tokens[cut:]):
            tokens = tokens[cut:]
            break
        tokens = tokens[:cut]
    if not tokens:
        return None
    if tokens[-1].lower() in PRONOUNS:
        return tokens[-1].lower()
    if tokens[-1].lower() in _GROUP_NOUNS:
        return tokens[-1]
    chain: list[str] = []
    while tokens and (re.match(_NAME_TOKEN + "$", tokens[-1]) or (chain and tokens[-1].lower() in _CONNECTORS)):
        chain.insert(0, tokens.pop())
    if chain:
        # "the New York businessman" ends in a noun; "Sen. Claire McCaskill" in a name.
        return _tidy_name(" ".join(chain))
    joined = " ".join(tokens)
    np = _NOUN_PHRASE.search(joined)
    if np and not (set(np.group("np").lower().split()[1:]) & (_NOT_IN_SPEAKER | _NOUN_MARKERS - {"one"})):
        before_np = joined[: np.start("np")].split()
        if before_np and before_np[-1].lower() in _PREPOSITIONS:
            # "Protesters marching through the streets chanted": the streets are not the speaker.
            return _clause_subject(joined)
        return np.group("np")
    return None


def _trailing_name(phrase: str) -> bool:
    """Whether ``phrase`` ends in a name or a pronoun (the subject of a verb that follows)."""
    subject = _trailing_subject(phrase)
    return bool(subject) and (subject[:1].isupper() or subject in PRONOUNS)


def _plausible_name(tokens: list[str]) -> bool:
    return (
        0 < len(tokens) <= 5
        and tokens[0].lower() not in _NOT_NAMES
        and all(re.match(_NAME_TOKEN + "$", t) or t.lower() in _CONNECTORS for t in tokens)
        and not all(t.endswith(".") for t in tokens)
    )


# What follows a subject: its verb, maybe after an appositive or an adverb ("Trump, 70, then went").
_FOLLOWED_BY_VERB = re.compile(
    r"(?:\s*\([^)]{1,30}\))?(?:\s*,[^,]{1,80},)?\s+(?:[a-z]+ly\s+|also\s+|then\s+|later\s+|again\s+|never\s+|not\s+)*"
    r"(?:[a-z]+ed|[a-z]+[^s\W]s|has|had|have|is|was|are|were|will|would|could|can|did|does|went|said|told|made|gave|took|"
    r"came|spoke|wrote|shot|broke|got|saw|sent|put|met|ran|left|led|fought|struck|held|brought|sought|began|won|lost|"
    r"threw|drew|knew|kept|stood|felt|heard|became|rose|called)\b"
)


_SUBJECT = re.compile(rf"\b(?:[Hh]e|[Ss]he)\b|{_NAME.pattern}")


def _clause_subject(sentence_start: str) -> str | None:
    """The subject of a sentence: the first name followed by its verb ("Hours later, Trump returned …"),
    else what opens it after an introductory phrase ("During the speech, the senator …")."""
    for m in _SUBJECT.finditer(sentence_start):
        tokens = m.group(0).split()
        if tokens[0].lower() in ("he", "she") and _FOLLOWED_BY_VERB.match(sentence_start, m.end()):
            return tokens[0].lower()
        if tokens[0].lower() in _NOT_NAMES and len(tokens) == 1:
            continue
        if not re.search(r"[a-z]|[A-Z]{3}", m.group(0)) or _POSSESSIVE.search(tokens[-1]):
            continue  # "N.H.", "Cruz’s lawyers": not the subject
        if sentence_start[: m.start()].rstrip()[-1:] not in ("", ",", "—", "–", ";"):
            continue  # "diverse Democratic electorates": a name inside a phrase
        if _FOLLOWED_BY_VERB.match(sentence_start, m.end()) and _plausible_name(_tidy_name(m.group(0)).split() if _tidy_name(m.group(0)) else []):
            return _tidy_name(m.group(0))
    rest = _INTRODUCTORY.sub("", sentence_start, count=1)
    return _leading_subject(rest)


def _tidy_name(name: str) -> str | None:
    tokens = name.strip(" .,;:").split()
    while tokens and tokens[0].lower().strip(".") in _NOT_NAMES:
        tokens.pop(0)
    if tokens and _POSSESSIVE.search(tokens[-1]) and len(tokens[-1]) > 2:
        tokens[-1] = _POSSESSIVE.sub("", tokens[-1])  # "Trump’s statement": the statement's author
    return " ".join(tokens) or None


def _intro_speaker(before: str, paragraphs: list[str], span: Span) -> str | None:
    """The speaker named in the sentence or paragraph that introduces the quote with a colon or a verb."""
    if before.strip():
        return None
    paragraph = paragraphs[span.first]
    lead = _outside_quotes(paragraph[: span.start])
    sentences = [lead[s:e] for s, e in sentence_spans(lead)]
    if sentences:
        return _speaker_before(sentences[-1]) or _speaker_after(sentences[-1])
    if span.first > 0:
        prior = paragraphs[span.first - 1].rstrip()
        if prior.endswith(":"):
            last_sentence = [prior[s:e] for s, e in sentence_spans(prior)][-1]
            return _speaker_before(last_sentence) or _trailing_subject(last_sentence.rstrip(":")) or _leading_subject(last_sentence)
    return None


def _next_sentence_speaker(paragraph: str, end: int) -> str | None:
    """`"…" That is what Lee said.` is rare; `"…" Lee said on Monday.` with the mark closing the sentence is common."""
    rest = paragraph[end:]
    m = re.match(rf"\s+(?P<who>{_NAME.pattern}|he|she|they)\s+(?:also\s+)?(?:{SPEECH_VERBS})\b", rest)
    return _tidy_name(m.group("who")) if m else None


def _described_before(paragraphs: list[str], span: Span) -> str | None:
    """A quote standing as its own paragraph after one about a named person: that person speaks."""
    if span.first == 0:
        return None
    prior = paragraphs[span.first - 1]
    if any(mark in prior for mark in '"“«„'):
        return None  # the paragraph before quotes someone of its own
    subject = _clause_subject(prior)
    if subject and subject[:1].isupper() and person_mentions(prior):
        return subject
    return None


def _continuing_speaker(span: Span, previous: Span | None, paragraphs: list[str], context: _Context) -> str | None:
    """A quote standing alone right after another speaker's quote continues that speaker."""
    if context.last_speaker is None or previous is None:
        return None
    if span.first - context.last_speaker_paragraph > 1:
        return None
    lead = paragraphs[span.first][previous.end if previous.last == span.first else 0 : span.start]
    lead = _outside_quotes(lead).strip(" .,;:—–-")
    if len(lead.split()) > 3 or _VERB.search(lead):
        return None  # the quote's own sentence says more about who speaks
    return context.last_speaker


def _sentence_subject(before: str) -> str | None:
    """`Paul Ryan worried that the net was “a hammock”`: a named subject opening the quote's sentence."""
    clause = _outside_quotes(before)
    if len(clause.split()) < 3:
        return None
    subject = _clause_subject(clause)
    if not subject or not subject[:1].isupper() or not _plausible_name(subject.split()):
        return None
    after = clause[clause.find(subject) + len(subject) :]
    # The subject must be followed by its verb, not be a place or a thing in a longer phrase;
    # "the Sanders campaign projects": a person's campaign or office speaks for the person.
    if not re.match(
        r"(?:['’]s)?(?:\s+(?:campaign|team|office|aides|allies|spokesman|spokeswoman|administration|ad|statement))?"
        r"\s*(?:,[^,]{1,90},\s*)?(?:[a-z]+ly\s+)?(?:has\s+|had\s+|was\s+|also\s+|then\s+)?[a-z]+(?:ed|s)\b",
        after,
    ):
        return None
    return subject


def person_mentions(text: str) -> list[tuple[str, str | None]]:
    """(full name, role) for each person the text names: after a title, before a verb, or in an appositive."""
    found = []
    for m in _NAME.finditer(text):
        tokens = m.group(0).split()
        titled = [i for i, t in enumerate(tokens) if t.lower().strip(".") in TITLES or t.lower() in TITLES]
        role_words = tokens[: titled[-1] + 1] if titled else []
        name_tokens = tokens[titled[-1] + 1 :] if titled else tokens
        while name_tokens and name_tokens[0].lower() in _NOT_NAMES:
            name_tokens.pop(0)
        possessive = next((i for i, t in enumerate(name_tokens) if t.endswith(("’s", "'s"))), None)
        if possessive is not None:
            # "Mr. King's Russia Today programme": the name ends at the possessive.
            name_tokens = name_tokens[:possessive] + [_POSSESSIVE.sub("", name_tokens[possessive])]
        if not name_tokens:
            continue
        prior = text[max(0, m.start() - 40) : m.start()]
        role = None
        lower_role = re.search(r"(?:^|\s)((?:[\w’'-]+\s+){0,3}(?:" + "|".join(sorted(t for t in TITLES if "." not in t)) + r"))\s*$", prior, re.IGNORECASE)
        if role_words and not all(t.lower().strip(".") in _HONORIFICS for t in role_words):
            role = " ".join(t for t in role_words if t.lower().strip(".") not in _HONORIFICS)
        elif lower_role and lower_role.group(1)[:1].islower():
            role = lower_role.group(1).strip()
        verbish = re.match(r"\s+(?:[a-z]+ed|[a-z]+s|" + SPEECH_VERBS + r")\b", text[m.end() : m.end() + 40])
        appositive = re.match(r",\s+(?P<role>(?:the|a|an)\s+[^,]{3,60}?|(?:[\w’'-]+\s+){0,4}(?:" + "|".join(sorted(t for t in TITLES if "." not in t)) + r")[^,]{0,40}?),", text[m.end() : m.end() + 90])
        if appositive:
            role = role or appositive.group("role").strip()
        if (titled or verbish or appositive or lower_role) and len(name_tokens) >= 2 or (titled and len(name_tokens) == 1 and not verbish):
            found.append((" ".join(name_tokens), role))
        elif len(name_tokens) >= 2 and verbish is None and re.match(r"\s+(?:,|also|then)", text[m.end() : m.end() + 10]):
            found.append((" ".join(name_tokens), role))
    return found


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
