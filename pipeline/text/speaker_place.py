"""Where a quote's speaker is named: after the quote, before it, in the sentence or
paragraph that introduces it, or in the quotes just before it (a continuing speaker).

Each finder returns the speaker phrase as the text gives it ("Ms Lee", "he",
"the senator") or None; speaker_name turns it into a person.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .lazy_pattern import LazyPattern
from .quotemarks import Span
from .sentences import sentence_spans
from .speaker_name import (
    INTRODUCTORY,
    FOLLOWED_BY_VERB,
    AUXILIARIES,
    DEMONSTRATIVES,
    DETERMINER,
    DETERMINERS,
    NAME,
    NOT_NAMES,
    NOUN_MARKERS,
    OF_PLACE,
    PREPOSITIONS,
    PRONOUNS,
    SPEAKS_FOR,
    Context,
    alternation,
    clause_subject,
    leading_subject,
    person_mentions,
    plausible_name,
    tidy_name,
    trailing_name,
    trailing_subject,
)
from .speech_verbs import SPEECH_VERB_WORDS, SPEECH_VERBS, VERB, speech_verb_after_space, speech_verb_at

_QUOTED = re.compile(r"“[^”]*”|\"[^\"]*\"")


def outside_quotes(text: str, instead: str = " ") -> str:
    return _QUOTED.sub(instead, text)


def quoted_spans(text: str) -> list[tuple[int, int]]:
    """Where the passages outside_quotes takes away start and end, marks included."""
    return [m.span() for m in _QUOTED.finditer(text)]


def sentence_around(first: str, start: int, last: str, end: int) -> tuple[str, str]:
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


# Words opening a clause of its own after a quote ("“…” until Haley said"): its verb is not the quote's.
_SUBORDINATORS = frozenset("that about as until because before after when while if since unless though although".split())


# Verbs whose subject may follow them ("…, said Lee"); after "told" or "asked" comes whom they spoke to.
_SAID = (
    "said|says|added|adds|wrote|writes|continued|explained|noted|recalled|argued|insisted|stated|remarked|"
    "observed|conceded|acknowledged|declared|replied|responded|cautioned|predicted"
)


# A form of "to be" ends a description before a speech verb: "a “hit piece” that was reported by …"
# is passive, its subject no speaker.
# A speech verb after its subject: "Lee said", "Lee also noted".
_SAYS = rf"\s+(?:also\s+)?(?:{SPEECH_VERBS})(?![\w-])"
_BE_FORMS = frozenset("was were is are be been being".split())
_BE = "(?:" + "|".join(sorted(_BE_FORMS)) + ")"


# "a spokesperson when contacted said": a clause between a speaker and their verb, no part of who speaks.
_WHEN_ASKED = (
    r"\s+(?:when|after|once|if|as)\s+(?:being\s+)?(?:asked|contacted|reached|questioned|pressed|interviewed)"
    r"(?:\s+(?:by|about|on|for)\s+[^,.;:!?“”\"]{1,40}?)?"
)
_WHEN_ASKED_AT_END = LazyPattern(rf"{_WHEN_ASKED}\s*$")


def speaker_after(after: str) -> str | None:
    """`"…," said Ms Lee` / `"…," Ms Lee said` / `"…," he added`."""
    head = after.lstrip(" ,:;–—-")
    if not head or head[:1] in ".!?":
        return None
    if re.match(r"(?:and|but|while|whereas)\s", head):
        # "…" and Trump says …: a new clause with its own quote; but "…" and help them win, Lee
        # said. / "…" but to lead, says Lee.: the attribution closing the sentence is the quote's.
        closing = _CLOSING_CLAUSE.search(head) or _INVERTED_AT_END.search(head)
        return trailing_subject(closing.group("who")) if closing else None
    # "…", a déclaré Macron / ha detto Meloni: a compound past's auxiliary comes first.
    verb = re.match(rf"(?:(?:a|ha|hat)\s+)?(?:{SPEECH_VERBS})\b[\s,]*", head)
    if verb:
        if verb.group(0).rstrip(" ,").endswith("ing"):
            return None  # "…," adding that …: the sentence's subject speaks, before the quote
        rest = head[verb.end() :]
        who = leading_subject(rest)
        said_of = who and rest.startswith(who) and FOLLOWED_BY_VERB.match(rest, len(who))
        # "Mr. Manafort, citing “…,” said the candidate could win": what was said, not who said it.
        return None if said_of and who[:1].islower() else who
    subject = re.match(
        rf"(?P<who>{NAME.pattern}(?:\s*\([^)]{{1,20}}\))?(?:,[^,]{{1,200}}){{0,3}},|{NAME.pattern}(?:\s*\([^)]{{1,20}}\))?"
        rf"|(?i:he|she|they)|{DETERMINER}\s+(?!{_BE}\b)(?:(?!\s{_BE}\b)[^.!?;,]){{1,60}}?)(?:{_WHEN_ASKED})?"
        rf"\s+(?:also\s+|then\s+|later\s+|had\s+|has\s+|will\s+|would\s+)?(?:{SPEECH_VERBS})(?![\w-])",
        head,
    )
    if subject:
        who = subject.group("who")
        return tidy_name(re.split(r"\s*[,(]", who)[0]) if who[:1].isupper() and who.split()[0].lower() not in NOT_NAMES else who
    # "…" that Sanders can win, said Steve Elmendorf: who follows the verb closing the clause.
    inverted = re.search(rf",\s*(?P<verb>{_SAID})\s+(?P<who>{NAME.pattern}|(?:the|a|an)\s+[^,.;]{{1,60}})", head)
    if inverted:
        return leading_subject(inverted.group("who"))
    # "…," Clinton campaign spokesman Brian Fallon said: a role before the name.
    described = re.match(rf"(?P<who>[^;!?“”\"]{{1,90}}?)\s+(?:also\s+)?(?P<verb>{SPEECH_VERBS})(?![\w-])", head)
    # "…” was in reference to a tweet Labott posted": the quote is the subject of its own verb, and the name
    # after it stands in a clause of its own.
    opener = described.group("who").split()[0].lower() if described else ""
    if described and not described.group("verb").endswith("ing") and opener not in PREPOSITIONS | _SUBORDINATORS | AUXILIARIES:
        # "Rep. Jason Chaffetz (R-Utah)": party and state in brackets are not part of the name.
        name = trailing_subject(re.sub(r"\s*\([^)]{1,30}\)", "", described.group("who")))
        if name and name.lower() not in PRONOUNS:
            return name
    # "…" to drive up the price, she said: the attribution closes the sentence.
    # "…" of the case, the unsigned opinion said: a short description closes it too.
    late = _CLOSING_ATTRIBUTION.search(head) or re.search(rf",\s*(?P<who>{NAME.pattern}|he|she|they){_SAYS}", head)
    if late:
        return _tidy_speaker(late.group("who"))
    # "…,” Bozell answers. / “…!” beamed Donald Hartley: any verb right after the quote tells who.
    other = _OTHER_VERB_AFTER.match(head)
    if other:
        who = other.group("who") or other.group("inverted")
        if who.lower() in PRONOUNS:
            return who.lower()
        who = re.sub(r"^(?:an?|the)\s+[a-z]+\s+", "", who)  # "an angry Hollande"
        return tidy_name(who) if who.split()[0].lower() not in NOT_NAMES else None
    return None


# The attributions speaker_after tries last (from here to _OTHER_VERB_AFTER) compile on first use: an
# article without such a quote does not wait for them, and compiling is on the path of every cold start.
# The verb closing a sentence, maybe with when: "…, Lee said on Monday."
_AT_END = rf"{_SAYS}(?:\s+(?:on|in|at|during|last|this|after|before|when|while)\b[^.,;]{{0,40}})?\s*[.,]?\s*$"
# A name, pronoun or short description and its verb closing the sentence.
_CLOSING_ATTRIBUTION = LazyPattern(rf",\s*(?P<who>{NAME.pattern}|he|she|they|(?:the|a|an)\s+(?:[a-z][\w-]*\s+){{0,3}}[a-z][\w-]*){_AT_END}")
# The last clause of the sentence, when it is an attribution: ", DFA spokesman Neil Sroka said." /
# ", says Evan Tracey, a media consultant in Alexandria, Va.".
_CLOSING_CLAUSE = LazyPattern(rf",\s*(?P<who>[^,;“”\"]{{1,60}}?){_AT_END}")
_INVERTED_AT_END = LazyPattern(rf",\s*(?:{_SAID})\s+(?P<who>{NAME.pattern})(?:,[^,;]{{1,80}}){{0,3}}\s*[.]?\s*$")


def _tidy_speaker(who: str) -> str | None:
    return tidy_name(who) if who[:1].isupper() else who


_OTHER_VERB_AFTER = LazyPattern(
    rf"(?:(?P<who>{NAME.pattern}|[Hh]e|[Ss]he|(?:an?|the)\s+[a-z]+\s+{NAME.pattern})(?:,[^,]{{1,60}},)?\s+(?:[a-z]+ly\s+)?(?:(?!is\b|was\b|has\b|does\b)[a-z]{{2,}}(?:ed|s)|shot|wrote|spoke|swore)(?:\s+back)?\b"
    rf"|(?!is\b|was\b|has\b)[a-z]{{2,}}ed\s+(?P<inverted>{NAME.pattern}))"
    rf"\s*(?:[,.;!?]|$|\s(?:in|on|at|to|as|from|after|before|during|with|of|and)\b)"
)


_NEW_CLAUSE = re.compile(r"[,;]\s+(?:and|but|while|yet|whereas)\s+(?=[A-Z]|[Hh]e\b|[Ss]he\b)")
# Where a clause with its own named subject begins inside a sentence: "…, with Gorka noting",
# "…, when Mr. Buchanan … called for", "a woman asked for a photo and Clinton said".
_OWN_SUBJECT_CLAUSE = re.compile(
    rf"{_NEW_CLAUSE.pattern}|,\s+(?:with|when)\s+(?=[A-Z])|\s(?:and|but)\s+(?={NAME.pattern}{_SAYS})"
)
# "After Beck asked him,", "Later in the show, after the interview concluded,", "Not long after Trump
# tweeted it,": a clause before the main one.
_SUBORDINATE_OPENING = re.compile(
    r"(?:\s*[A-Z][^,]{0,60},)?\s*(?:(?:Not\s+)?(?:[Ll]ong|[Ss]hortly|[Ss]oon|[Jj]ust|[Rr]ight|[Ee]ven|[Oo]nly|[Mm]oments|"
    r"[Mm]inutes|[Hh]ours|[Dd]ays|[Ww]eeks)\s+)?(?:After|When|While|As|Before|Although|Though|If|Because|Since|Once|"
    r"after|when|while|before|although|though|because|since|once)\b[^,]{3,150},"
)


def speaker_before(before: str) -> str | None:
    """`Lee warned that "…` / `According to Lee, "…`: the subject of the first speech verb before the quote."""
    # Offsets kept; a comma closing the quote ("…,” adding that) still ends the clause before it.
    clause = _QUOTED.sub(lambda m: " " * (len(m.group(0)) - 1) + ("," if m.group(0)[-2:-1] == "," else " "), before)
    fallback = None
    # The first cue: in "Lee said Kim called it “a mess”" Lee reports the words; but after an
    # earlier quote ("Cruz accuses Obama of “…” and Trump says “…”") or in a clause of its own
    # ("Puerto Rico has warned …, and Ms. Acosta said “…”") the cues of the quote's clause first,
    # and those of an opening subordinate clause ("After Beck asked him, D’Souza replied") last.
    since = max([before.rfind(mark) for mark in '”"»“'] + [m.start() for m in _OWN_SUBJECT_CLAUSE.finditer(clause)])
    opening = _SUBORDINATE_OPENING.match(clause)
    aside = opening.end() if opening else 0
    cues = list(VERB.finditer(clause))
    if clause.rstrip().endswith(":"):
        cues.reverse()  # "Cruz said as the heckler yelled: “…”": the cue the colon closes
    main = [v for v in cues if v.start() >= aside]
    if opening and not main:
        # "After Brown criticized Clinton, Hillary shot back, “…”": the main clause's own subject.
        subject = clause_subject(clause[aside:])
        if subject and subject[:1].isupper() and plausible_name(subject.split()):
            return subject
    ordered = [v for v in main if v.start() > since] + [v for v in main if v.start() <= since]
    for verb in ordered + [v for v in cues if v.start() < aside]:
        cue = verb.group(0).lower()
        prior = _WHEN_ASKED_AT_END.sub("", clause[: verb.start()])
        if verb.group(0)[:1].isupper() and prior.strip() and prior.rstrip()[-1:] not in ",;:—–(":
            continue  # "the United States": a capitalised cue only opens a clause
        if cue in ("according to", "in the words of"):
            return leading_subject(clause[verb.end() :])
        if verb.group(0)[:1].isupper() and cue in ("said", "says"):
            # "Said Comey, “…”": the verb first, then who.
            return leading_subject(clause[verb.end() :])
        previous_word = (prior.split() or [""])[-1].lower()
        bare = previous_word.strip(",")
        if bare in NOUN_MARKERS or bare in ("who", "which", "whom") or (
            bare.endswith("ed") and bare not in AUXILIARIES and not previous_word.endswith(",")
        ):
            continue  # "dismissed claims that…" is a noun; "someone who says" a relative clause
        if bare in _BE_FORMS and cue.endswith("ed"):
            agent = re.match(r"\s+by\s+(.+)", clause[verb.end() :])
            if agent and leading_subject(agent.group(1)):
                return leading_subject(agent.group(1))  # "Rubio was asked by moderator Gerard Baker whether “…”"
            continue  # "after the winner was declared": a passive names no speaker
        inverted = re.match(rf"\s+(?P<who>{NAME.pattern}),", clause[verb.end() :])
        if previous_word.endswith(",") and not cue.endswith("ing") and inverted and tidy_name(inverted.group("who")):
            return tidy_name(inverted.group("who"))  # "The paradox of Nancy, says Carl Anthony, is that “…”"
        following = (clause[verb.end() :].split() or [""])[0].lower()
        if cue in _NOUNISH_CUES and (following in _AFTER_NOUNS or clause[verb.end() :].lstrip()[:1] == ","):
            continue  # "Republican claims as “false”", "remarks on Saturday"
        # The sentence's subject stands in its main clause, not in an opening "When asked whom she supported,".
        own_clause = prior[aside:] if verb.start() >= aside else prior
        if cue == "called" and bare == "so":
            continue  # "the so called “…”": an adjective, no one calls
        if cue.endswith("ing") and re.search(r"(?:^|,)\s*with\s+[^,]{1,80}$", prior) and not trailing_subject(prior):
            continue  # "…, with many marchers chanting “…”": they chant, not the sentence's subject
        if cue.endswith("ing") and (previous_word.endswith(",") or not trailing_name(prior)):
            # "…, saying "…"", "issued a statement saying "…"": the speaker is the sentence's subject.
            subject = clause_subject(own_clause)
        elif bare in ("and", "but", "or"):
            # "Cruz exhorted Republicans … and said "…"": the verbs share the sentence's subject.
            subject = clause_subject(own_clause)
        else:
            subject = trailing_subject(prior)
            ahead = prior.split()[-len(subject.split()) - 1 :] if subject else []
            if ahead[:1] and ahead[0].lower() in DETERMINERS:
                # "A spokesperson for the British Foreign Office", "Sanders’ email to his supporters notes"
                ahead = prior.split()[-len(ahead) - 1 :]
            absolute = cue.endswith("ing") and ahead[:1] == ["with"]  # "…, with Gorka noting “…”": Gorka notes
            if subject and len(ahead) > len(subject.split()) and ahead[0].lower() in PREPOSITIONS and not absolute:
                # "Another source speaking to Fox News said": whom they spoke to is not the subject.
                subject = clause_subject(prior)
        if subject and subject.lower() in ("he", "she"):
            # "Clinton says she appreciated…": a pronoun after the sentence's named subject is that subject.
            opener = clause_subject(clause)
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
        subject = trailing_subject(clause.rstrip()[:-1])
        words_before = clause.rstrip()[:-1].split()
        taken = len(subject.split()) if subject else 0
        object_of = bool(subject) and len(words_before) > taken and words_before[-taken - 1].lower() in PREPOSITIONS
        if subject and (subject[:1].islower() and subject not in PRONOUNS or object_of):
            # "Politico reveals a few facts:", "delivered a message to Trump:": the thing before the
            # colon is an object; its sentence has the subject.
            subject = clause_subject(clause) or (None if object_of else subject)
        # A lowercase description ("a reader would now ask:") is trusted only in plain English words.
        if subject and (subject[:1].isupper() or subject in PRONOUNS or subject.isascii()):
            return subject
        opener = clause_subject(clause)
        return opener if opener and plausible_name(opener.split()) else None
    return None


_NOUNISH_CUES = frozenset(
    "claims calls notes states reports quotes remarks questions fears hopes attacks demands tweets "
    "promises pledges".split()
)
_AFTER_NOUNS = frozenset("as of about were are was is for to from by in on and or against over with have had".split())
_CHARACTERISES = re.compile(r"\s(?:as|like|to)(?:\s+(?:a|an|the|being|being in the))?\s*$", re.IGNORECASE)


def characterising_subject(before: str) -> str | None:
    """`Reid mocked Trump as a “con artist”`: a named person characterises something in quoted words."""
    if not _CHARACTERISES.search(before):
        return None
    clause = outside_quotes(before).split(",")[-1] if before.count(",") < 3 else outside_quotes(before)
    m = re.match(rf"\s*(?:(?:In|On|At|Last|This|Earlier|Later)\b[^,]*,\s*)?(?P<who>{NAME.pattern})\s+(?:has\s+|had\s+|also\s+|repeatedly\s+|frequently\s+|cynically\s+|openly\s+)*(?P<verb>[a-z]+(?:ed|s))\b", clause)
    if m and m.group("who").split()[0].lower() not in NOT_NAMES:
        return tidy_name(m.group("who"))
    return None


def intro_speaker(before: str, paragraphs: list[str], span: Span) -> str | None:
    """The speaker named in the sentence or paragraph that introduces the quote with a colon or a verb."""
    if before.strip():
        return None
    paragraph = paragraphs[span.first]
    # Sentences are told apart with the quotes blanked out, offsets kept; speaker_before reads the quotes'
    # own commas ("X are ''…,'' said Steve Bell": Bell speaks, not X).
    lead = _QUOTED.sub(lambda m: " " * len(m.group(0)), paragraph[: span.start])
    spans = sentence_spans(lead)
    if spans:
        s, e = spans[-1]
        return speaker_before(paragraph[s:e]) or speaker_after(outside_quotes(paragraph[s:e]))
    if span.first > 0:
        prior = paragraphs[span.first - 1].rstrip()
        if prior.endswith(":"):
            last_sentence = [prior[s:e] for s, e in sentence_spans(prior)][-1]
            return speaker_before(last_sentence) or trailing_subject(last_sentence.rstrip(":")) or leading_subject(last_sentence)
    return None


def next_sentence_speaker(paragraph: str, end: int) -> str | None:
    """`"…" That is what Lee said.` is rare; `"…" Lee said on Monday.` with the mark closing the sentence is common."""
    rest = paragraph[end:]
    m = _NEXT_SUBJECT.match(rest)
    return tidy_name(m.group("who")) if m and speech_verb_at(rest, m.end()) else None


# Its verb is looked up apart (speech_verb_at), not embedded: one compile of the verbs fewer.
_NEXT_SUBJECT = re.compile(rf"\s+(?P<who>{NAME.pattern}|he|she|they)\s+(?:also\s+)?")


def described_before(paragraphs: list[str], span: Span) -> str | None:
    """A quote standing as its own paragraph after one about a named person: that person speaks."""
    if span.first == 0:
        return None
    prior = paragraphs[span.first - 1]
    if any(mark in prior for mark in '"“«„'):
        return None  # the paragraph before quotes someone of its own
    subject = clause_subject(prior)
    if subject and subject[:1].isupper() and (person_mentions(prior) or plausible_name(subject.split())):
        return subject
    return None


def continuing_speaker(span: Span, previous: Span | None, paragraphs: list[str], context: Context) -> str | None:
    """A quote standing alone right after another speaker's quote continues that speaker."""
    if context.last_speaker is None or previous is None:
        return None
    if span.first - context.last_speaker_paragraph > 1:
        return None
    lead = paragraphs[span.first][previous.end if previous.last == span.first else 0 : span.start]
    lead = outside_quotes(lead).strip(" .,;:—–-")
    if len(lead.split()) > 3 or VERB.search(lead):
        return None  # the quote's own sentence says more about who speaks
    return context.last_speaker


def sentence_subject(before: str) -> str | None:
    """`Paul Ryan worried that the net was “a hammock”`: a named subject opening the quote's sentence."""
    clause = outside_quotes(before)
    if len(clause.split()) < 3:
        return None
    subject = clause_subject(clause)
    # "Gowdy’s office": the people who speak for a person, named by the person.
    speaks_for = re.fullmatch(r"(?P<name>.+?)['’]s?\s+[a-z]+", subject or "")
    if not subject or not subject[:1].isupper() or not plausible_name((speaks_for.group("name") if speaks_for else subject).split()):
        return None
    after = clause[clause.find(subject) + len(subject) :]
    # The subject must be followed by its verb, not be a place or a thing in a longer phrase.
    # "Trump’s statement says": the person speaks; "the Sanders campaign projects": the people
    # who speak for the person do, and are named so.
    verb = re.match(
        rf"(?P<group>(?:['’]s?)?\s+(?:{'|'.join(sorted(SPEAKS_FOR))})\b)?(?:['’]s)?(?:\s+(?:ad|statement))?"
        r"(?:\s*\([^)]{1,30}\))?" + OF_PLACE +
        r"\s*(?:,[^,]{1,90},\s*|[—–][^—–]{1,90}[—–]\s*)?(?:(?:[a-z]+ly|has|had|have|was|is|also|then|will|would)\s+){0,3}"
        r"(?:[a-z]+(?:ed|s)|told|wrote|said|spoke|made|took|gave|went|called)\b",
        after,
    )
    if not verb:
        return None
    return subject + verb.group("group") if verb.group("group") else subject


# "A spokesman for the buyer said", "the former secretary of state talked about", "The lawsuit contends":
# a description opening the sentence, maybe after an introductory phrase, then its verb.
_DESCRIBED_SUBJECT = re.compile(
    rf"(?P<who>{alternation(DETERMINERS - DEMONSTRATIVES)}"
    r"(?:\s+[\w’'-]+){1,4}?(?:\s+(?:of|for|at|from|with)(?:\s+[\w’'-]+){1,4}?)?)"
    r"(?:\s*,[^,]{1,80},)?\s+(?:(?:[a-z]+ly|also|further|then|later|has|had|have|is|was|are|were|will|would)\s+){0,2}"
    rf"(?P<verb>{SPEECH_VERBS}|[a-z]{{3,}}(?:ed|[^s]s)|found|told|wrote|said|spoke|made|gave|took|put|saw|knew|held|sent)\b"
)


def described_subject(before: str) -> str | None:
    """The description opening the quote's sentence as its acting subject: "A machinists spokesman said that"."""
    clause = _PARTICIPLE_OPENING.sub("", INTRODUCTORY.sub("", outside_quotes(before), count=1), count=1)
    m = _DESCRIBED_SUBJECT.match(clause)
    if not m or m.group("verb") in _NOT_ACTS:
        return None
    who = m.group("who")
    if set(who.lower().split()[1:]) & _NOT_IN_DESCRIPTION or who.split()[-1].lower() in PREPOSITIONS:
        return None  # "the test and warned", "The rate of requests": a clause or a cut phrase, no noun phrase
    return who


_PARTICIPLE_OPENING = re.compile(r"^\s*[A-Z][a-z]+ing\b[^,]{0,100},\s*")  # "Reprising one of her lines, the senator …"
_NOT_ACTS = frozenset("is was has does needs seems remains means goes".split())
_NOT_IN_DESCRIPTION = frozenset("and but or that which who whom when while if as than is was are were has had".split())


@dataclass(frozen=True)
class Mention:
    """A name in the quote's sentence, outside the quote, and where it stands: the ranker's raw material
    when the rules find no speaker or the wrong one."""

    side: str  # "before" or "after" the quote
    phrase: str
    distance: int  # words between the name and the quote
    verb: bool  # a speech verb right after the name, or right before it ("said Lee")
    governed: bool  # after a preposition or possessive: "told Lee", "Lee’s plan", an object, not a subject
    opens: bool  # the first name of the sentence, where its subject usually stands
    acts: bool  # a verb of any kind follows: the name is a subject ("Mr. Biden assured …")
    after_article: bool  # "the Illinois statehouse": a name used as a modifier, a place or a thing
    apart: bool  # another quote or clause ("…, but …") stands between: the name belongs to that one
    object: bool = False  # right after a verb that is not "said": "calling Gruber", "told Kim", whom it acts on


# A speech verb after a name ("Lee, 59, also said") is looked up where it may start (speech_verb_at): after an
# aside, and after an adverb, or not; the verbs are not embedded in one more pattern to compile.
_ASIDE = re.compile(r"\s*,[^,]{1,60},")
_ADVERB = re.compile(r"\s+(?:[a-z]+ly|also|has|had)(?=\s)")
_BRACKETED = re.compile(r"\([^()]*\)")
# Whom a verb acts on: "calling Gruber", "told the"; a verb in -ing or -ed, or a speech verb (SPEECH_VERB_WORDS).
_ACTS_ON = re.compile(r"\b[a-z]{2,}(?:ing|ed)\s+(?:(?:the|a|an)\s+)?$")
_OBJECT_TAIL = re.compile(r"\s+(?:(?:the|a|an)\s+)?$")
_SPACE_END = re.compile(r"\s+$")
_VERB_SET = frozenset(SPEECH_VERB_WORDS)
_LONGEST_VERB = max(map(len, SPEECH_VERB_WORDS))
_VERB_BEFORE = re.compile(rf"\b(?:{_SAID}),?\s+$")  # "said Lee"; "told Lee" names whom they spoke to


def mentions(before: str, after: str) -> list[Mention]:
    """The names in the quote's sentence outside quotes, nearest first on each side."""
    found = []
    for side, raw in (("before", before), ("after", after)):
        # Offsets kept; what stands in brackets ("(e.g., HTTP 500s)", "(R-Utah)") is an aside, no one's name.
        text = _BRACKETED.sub(lambda q: " " * len(q.group(0)), _QUOTED.sub(lambda q: " " * len(q.group(0)), raw))
        first = True
        for m in NAME.finditer(text):
            name = tidy_name(m.group(0))
            if not name or not plausible_name(name.split()):
                continue
            opens, first = first and side == "before", False
            # What tidy_name dropped from the front ("The Illinois") precedes the name.
            ahead = text[: m.start() + max(0, m.group(0).find(name))]
            between = slice(m.end(), None) if side == "before" else slice(0, m.start())
            preceding = (ahead.split() or [""])[-1].lower()
            found.append(
                Mention(
                    side,
                    name,
                    distance=len(re.findall(r"[^\W_]+", text[between])),
                    verb=_speech_verb_next(text, m.end()) or bool(_VERB_BEFORE.search(ahead)),
                    governed=preceding in PREPOSITIONS or bool(re.search(r"['’]s?$", m.group(0))),
                    opens=opens,
                    acts=bool(FOLLOWED_BY_VERB.match(text, m.end())),
                    after_article=preceding in ("the", "a", "an"),
                    apart=bool(re.search(r"[“”\"«»]", raw[between]) or _NEW_CLAUSE.search(text[between]) or ";" in text[between]),
                    object=_object_of_verb(ahead) and not _VERB_BEFORE.search(ahead),
                )
            )
    return sorted(found, key=lambda m: (m.side, m.distance))


def _speech_verb_next(text: str, position: int) -> bool:
    """Whether a speech verb follows ``position``, maybe after an aside and an adverb ("Lee, 59, also said")."""
    aside = _ASIDE.match(text, position)
    for start in ([aside.end()] if aside else []) + [position]:
        adverb = _ADVERB.match(text, start)
        if adverb and speech_verb_after_space(text, adverb.end()) or speech_verb_after_space(text, start) is not None:
            return True
    return False


def _object_of_verb(ahead: str) -> bool:
    """Whether ``ahead`` ends in a verb, maybe with an article ("calling ", "told the "): what follows is whom it acts on."""
    if _ACTS_ON.search(ahead):
        return True
    # The tail after the verb: the spaces ending the text, or an article and its spaces.
    ends = [m.start() for m in (_OBJECT_TAIL.search(ahead), _SPACE_END.search(ahead)) if m]
    return any(
        ahead[start:end] in _VERB_SET and (start == 0 or not _is_word_char(ahead[start - 1]))
        for end in ends
        for start in range(max(0, end - _LONGEST_VERB), end)
    )



def _is_word_char(char: str) -> bool:
    return char.isalnum() or char == "_"
