"""Who a speaker is: names and their boundaries, clause subjects, and the people an article has named.

A speaker phrase ends at the name ("Ayotte campaign manager Jon Kohan", not
"Ayotte"; "Swanson, who is a pastor in Elizabeth, Colorado," is Swanson, not
Colorado). Words that open sentences ("Instead", "Facing"), datelines,
places and companies are not names. Pronouns, surnames and descriptions ("he",
"Mr Jeremic", "the senator") resolve, through the people the article has
named so far, to the fullest name it gave that person.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from .speech_verbs import speech_verb_after_space
from .words import word_list

# Words before a cue that show it is a noun ("dismissed claims that", "the calls for").
NOUN_MARKERS = frozenset("a an the his her their its our my your these those such this that of no any some many".split())
AUXILIARIES = frozenset("has have had was were is are be been being will would could should may might did do does also".split())
TITLES = frozenset(
    "mr mr. mrs mrs. ms ms. miss dr dr. prof prof. sir lord lady dame president minister secretary senator sen. "
    "rep. representative gov. governor mayor chancellor prince princess judge general gen. "
    "chairman chairwoman chair chief director premier ambassador spokesman spokeswoman spokesperson "
    "correspondent editor leader pope rev. archbishop bishop commissioner candidate nominee speaker "
    "vice-president attorney justice lt. col. sgt. capt. adm. officer analyst professor coach ceo "
    "founder manager anchor host commentator strategist adviser advisor aide rev".split()
)
_HONORIFICS = frozenset("mr mrs ms miss dr sir lord lady dame prof rev".split())
PRONOUNS = frozenset("he she they i we it".split())
_CONNECTORS = frozenset("de van von da al bin di del la le du der den ten bint".split())
# "Likewise, …": words that link a sentence to the one before, then a comma.
LINKING_ADVERBS = frozenset("likewise similarly instead indeed moreover furthermore nonetheless nevertheless separately additionally".split())
# Capitalised words that start sentences or headlines but are never a speaker's name.
NOT_NAMES = frozenset(
    "but and so yet then however meanwhile earlier later also still now the a an in on at for to of by with "
    "amid amidst among despite during throughout through within without against toward towards beyond upon "
    "around across under over into from since until unless although though because once "
    "after before when while if as this that these those there here it its his her their our we i you i'm i’m i've i’ve "
    "another one some several other many most each every like unlike "
    "he she they what why how who where which yes no not monday tuesday wednesday thursday "
    "friday saturday sunday january february march april may june july august september october november "
    "december breaking update watch read video photo exclusive opinion analysis le la les der die das el los "
    "las il lo".split()
) | LINKING_ADVERBS
# The words that open a description of someone: "the senator", "two aides", "her lawyer", "another source".
DETERMINERS = frozenset("the a an one two three several some many other another this that these those his her their its".split())
DEMONSTRATIVES = frozenset("this that these those".split())  # "That record shows": opening a sentence, rather a pronoun


def alternation(words: frozenset[str]) -> str:
    """``words`` as a case-blind regex alternation, longest first."""
    return "(?i:" + "|".join(sorted(words, key=lambda w: (-len(w), w))) + ")"


DETERMINER = alternation(DETERMINERS)
# "U.S." and its like are places, not a person's initials ("the U.S. Lopez said" ends a sentence at "U.S."), and no
# name starts inside a run of initials.
_PLACE_INITIALS = r"(?:U\.S|U\.K|U\.N|E\.U)\."
_NAME_TOKEN = rf"(?<![A-Z]\.)(?!{_PLACE_INITIALS})(?:(?:[A-Z]\.){{2,}}|(?:Mr|Mrs|Ms|Dr|St|Sen|Rep|Gov|Gen|Jr|Sr|Lt|Col|Sgt|Capt|Prof|[A-Z])\.|[A-Z][\w'’.-]*\w|[A-Z])"
NAME = re.compile(rf"{_NAME_TOKEN}(?:\s+(?:(?:de|van|von|da|al|bin|di|del|la|le|du|der|den)\s+)?{_NAME_TOKEN})*")
_POSSESSIVE = re.compile(r"['’]s?$")
# Names of places and organisations a short reference must not resolve to.
ORGANISATION_WORDS = (
    "Foundation|Club|University|College|Party|Committee|Institute|Center|Centre|Association|News|Times|"
    "Post|Journal|Council|Department|Court|Company|Inc|Corp|Group|Network|School|Church|Union|League|Fund|Bank|"
    "Agency|Administration|States|County|City"
)
_ORGANISATION = re.compile(
    rf"\b(?:{ORGANISATION_WORDS}|Partners|Capital|Associates|Holdings|LLC|Hotel|Tower|Street|Avenue|Hall|Square|"
    r"Airport|Museum|Media|Press)\b"
)
_NOUN_PHRASE = re.compile(
    rf"(?:^|\s)(?P<np>(?:{DETERMINER}|[A-Z][\w.-]*['’]s)\s+"
    r"(?:[\w’'-]+\s+){0,4}?[\w’'-]+)\s*$",
)


@dataclass
class Context:
    """What the article has said so far about people, as quotes are read in order."""

    common: frozenset[str] = frozenset()  # words the article writes in lower case
    proper: frozenset[str] = frozenset()  # capitalised words the article writes inside sentences
    people: list[str] = field(default_factory=list)  # full names, in order of mention
    roles: dict[str, str] = field(default_factory=dict)  # full name -> role the article gave
    last_speaker: str | None = None
    last_speaker_paragraph: int = -10
    genders: dict[str, str] = field(default_factory=dict)  # surname -> "he" or "she", where the article tells

    def checked(self, name: str | None) -> str | None:
        """``name`` without the capitalised common words that open a sentence ("Instead Mr. Lee", "Facing")."""
        if not name or not name[:1].isupper():
            return name
        tokens = name.split()
        shouted = next((i for i, t in enumerate(tokens) if not _SHOUTED.fullmatch(t)), len(tokens))
        if shouted >= 3 or shouted >= 2 and shouted < len(tokens):
            # "KILLED IN ISTANBUL BLAST Turkish President Erdogan": a newsletter's heading, not
            # an acronym ("NBC News", "USA TODAY").
            tokens = tokens[shouted:]
        while tokens and tokens[0][:1].isupper() and tokens[0] not in self.proper and (
            tokens[0].lower() in self.common or tokens[0].lower() in word_list("common_words")
        ):
            if tokens[0].lower() in ("the", "a", "an") or tokens[0].lower().strip(".") in TITLES | GROUP_NOUNS:
                break  # a description ("The senator"), a title ("President Obama") or a group ("Critics")
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

    def learn(self, text: str, recent: bool = True) -> None:
        """The people ``text`` names, as the latest named; not ``recent`` (words in quotes), as full names
        a surname may stand for but no "he" or "she" means: known before everyone else."""
        people, surnames = _mentions(text)
        self._learn([(name, role) for _, name, role in people], [short for _, short in surnames], recent)

    def learn_paragraph(self, paragraph: str, quoted: list[tuple[int, int]]) -> None:
        """The people a whole paragraph names, read once: those it names only inside the ``quoted`` spans
        (start, end) are known (as ``learn`` not recent), the others are the latest named."""

        def outside(at: int) -> bool:
            return not any(start <= at < end for start, end in quoted)

        people, surnames = _mentions(paragraph)
        self._learn([(name, role) for _, name, role in people], [], recent=False)
        self._learn([(name, role) for at, name, role in people if outside(at)], [short for at, short in surnames if outside(at)])

    def _learn(self, people: list[tuple[str, str | None]], surnames: list[str], recent: bool = True) -> None:
        for name, role in people:
            name = self.checked(name)
            if not name or _ORGANISATION.search(name):
                continue
            if not recent:
                if name not in self.people:
                    self.people.insert(0, name)
            else:
                if name in self.people:
                    self.people.remove(name)
                self.people.append(name)
            if role and name not in self.roles:
                self.roles[name] = role
        if recent:
            # "Although Weiner admitted …, he": a surname acting names again the person it stands for.
            for short in surnames:
                known = self._resolve(short)
                if known != short and known in self.people:
                    self.people.remove(known)
                    self.people.append(known)

    def resolve(self, speaker: str | None) -> tuple[str | None, str | None]:
        """(fuller name, role) for a pronoun or short reference; a description resolved to a name becomes its role."""
        name = self._resolve(speaker)
        if name is None:
            return None, None
        role = self.roles.get(name)
        if speaker and name.lower() != speaker.lower() and speaker[:1].islower() and speaker.lower() not in PRONOUNS:
            role = speaker  # "the president": the article's own words for who this is
        return name, role

    def _resolve(self, speaker: str | None) -> str | None:
        if not speaker:
            return None
        low = speaker.lower()
        if low in PRONOUNS:
            if low in ("he", "she"):
                # The last person named, passing over anyone the article shows to be the other sex.
                return next((name for name in reversed(self.people) if self.genders.get(surname(name), low) == low), None)
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
                if len(parts) > 1 and (surname(tokens[0]) == surname(name) or len(parts) == 2 and tokens[0] == parts[0]):
                    return name
        return speaker


_SHOUTED = re.compile(r"[A-Z][A-Z’'-]+:?")
_SEXED_TITLES = {"mr": "he", "mrs": "she", "ms": "she", "miss": "she"}
_GENDERED_ROLE = re.compile(
    r"\b(?P<role>(?:congress|spokes|chair|business|anchor)(?:man|woman)|wife|husband|mother|father|daughter|son|sister|"
    r"brother|actress|actor|widow|grandmother|grandfather)\s+(?:[A-Z][\w’'.-]*\s+){0,2}(?P<name>[A-Z][\w’'-]*\w)"
)
# "Lee said she …": a word that may be a name, then (speech_verb_after_space) a verb, then the pronoun.
_BEFORE_VERB = re.compile(r"\b(?P<name>[A-Z][\w’'-]*\w)(?=\s+[a-z])")
_PRONOUN_AFTER_VERB = re.compile(r"\s+(?:that\s+)?(?P<pronoun>he|she)\b")
_FEMININE = frozenset("congresswoman spokeswoman chairwoman businesswoman anchorwoman wife mother daughter sister actress widow grandmother she".split())


def genders(paragraphs: list[str]) -> dict[str, str]:
    """Which people the article shows to be a man or a woman, by surname: by a title ("Mrs. Clinton",
    "spokeswoman Jen Psaki") or by the pronoun that follows their speech verb ("Lee said she …").
    A surname the article shows both ways (a husband and wife) gets none."""
    votes: dict[str, set[str]] = {}
    text = "\n".join(paragraphs)
    for m in NAME.finditer(text):
        # The titles person_mentions reads: "Mrs. Clinton", "Mr. King's".
        titles, name = _titled(m.group(0))
        sexes = {_SEXED_TITLES[t.lower().strip(".")] for t in titles if t.lower().strip(".") in _SEXED_TITLES}
        if name and len(sexes) == 1:
            votes.setdefault(surname(" ".join(name)), set()).update(sexes)
    for m in _GENDERED_ROLE.finditer(text):
        votes.setdefault(surname(m.group("name")), set()).add("she" if m.group("role").lower() in _FEMININE else "he")
    for m in _BEFORE_VERB.finditer(text):
        verb = speech_verb_after_space(text, m.end())
        said = verb and _PRONOUN_AFTER_VERB.match(text, verb.end())
        if said:
            votes.setdefault(surname(m.group("name")), set()).add(said.group("pronoun"))
    return {name: sex.pop() for name, sex in votes.items() if len(sex) == 1 and name}


def lower_case_words(paragraphs: list[str]) -> frozenset[str]:
    # Not in addresses and handles ("breitbart.com", "@realdonaldtrump").
    return frozenset(re.findall(r"(?<![\w./@-])[a-z][a-z’'-]+(?![\w./@])", " ".join(paragraphs)))


def proper_words(paragraphs: list[str]) -> frozenset[str]:
    return frozenset(re.findall(r"(?<=[a-z,] )[A-Z][\w’'-]*", " ".join(paragraphs)))


PREPOSITIONS = frozenset("through in on at of from into over under with without across along near by for to".split())


def leading_subject(phrase: str) -> str | None:
    """The name, pronoun or noun phrase that opens ``phrase``."""
    phrase = phrase.strip(" ,")
    first = (phrase.split() or [""])[0].strip(".,;:").lower()
    if first in PRONOUNS:
        return first
    np = re.match(rf"{DETERMINER}\s+(?:[^\W_][\w’'-]*\s+){{0,3}}[^\W_][\w’'-]*", phrase)
    name = NAME.match(phrase)
    if name and np and name.group(0).split()[0].lower() in ("a", "an", "one") and re.match(r"\s+[a-z]", phrase[name.end() :]):
        # "A Clinton campaign official": the name describes someone else, a description speaks.
        name = None
    if name and tidy_name(name.group(0)):
        # "Ayotte campaign manager Jon Kohan": a name describing the role, then the speaker's name.
        role_then_name = re.match(rf"\s+((?:[a-z][\w-]*\s+){{1,3}})(?P<name>{NAME.pattern})", phrase[name.end() :])
        # "co-host", "ex-adviser": the role word after its prefix.
        if role_then_name and role_then_name.group(1).split()[-1].split("-")[-1] in TITLES | _ROLE_NOUNS:
            return tidy_name(role_then_name.group("name"))
        # "Hillary Clinton’s right-hand woman": someone else, described by whom they work for;
        # "Trump’s statement" stays Trump's.
        following = re.match(r"(?:\s+[a-z][\w-]*){1,3}", phrase[name.end() :]) if _POSSESSIVE.search(name.group(0)) else None
        nouns = following.group(0).split() if following else []
        for end, noun in enumerate(nouns, 1):
            if noun.split("-")[-1] in TITLES | _ROLE_NOUNS | SPEAKS_FOR:
                return " ".join([name.group(0), *nouns[:end]])
        return tidy_name(name.group(0))
    # "the finance minister, Carlos Pérez, …": a description, then the name it describes.
    parts = phrase.split(",")
    if len(parts) > 1 and phrase[:1].islower() and NAME.fullmatch(parts[1].strip()) and tidy_name(parts[1].strip()):
        return tidy_name(parts[1].strip())
    # "9/11 widow Terry Strada": a short description, then the name.
    described = re.match(rf"(?:[\w/’'-]+\s+){{1,4}}?(?P<name>{NAME.pattern})", phrase.split(",")[0])
    if described and not np:
        return tidy_name(described.group("name"))
    if np:
        # "a WeWork spokesperson when contacted": the description ends before a clause or a phrase of time.
        words = np.group(0).split()
        if words[-1][:1].isupper():
            # "A spokesperson for the British Foreign Office", "… for the Department of Health and Human
            # Services": a name the phrase ends in is whole, with the small words inside it.
            words = phrase[np.start() : _NAME_GOES_ON.match(phrase, np.end()).end()].split()
            if words[-1].endswith(".") and words[-1].count(".") == 1:
                words[-1] = words[-1][:-1]  # the sentence's full stop, not an initial's ("U.S.")
        # "a familiar voice celebrated the attacks": a verb before its object's determiner ends it too.
        # "The first incident came", "Some in the crowd booed": a verb of its own.
        verb = [
            i
            for i, w in enumerate(words[2:], 2)
            if w.endswith("ed") and (i == len(words) - 1 or words[i + 1].lower() in DETERMINERS) or w.lower() in PAST_FORMS
        ]
        cut = next((i for i, w in enumerate(words[2:], 2) if w.lower() in _ENDS_DESCRIPTION | _ADVERBS or w.endswith("ing")), len(words))
        cut = min([cut, *verb])
        return " ".join(words[:cut])
    return None


_NAME_GOES_ON = re.compile(r"[\w’'.-]*(?:\s+(?:(?:of|for|and)\s+(?:the\s+)?)?[A-Z][\w’'.-]*)*")  # from inside a word: "U.S."
_ENDS_DESCRIPTION = AUXILIARIES | frozenset(
    "when while who whom whose which that after before during on in at as to by with from since because if "
    "says added asked contacted reached can must".split()
)


_ADVERBS = frozenset(
    "also then later again previously once reportedly repeatedly recently publicly privately simply openly "
    "further quickly flatly bluntly angrily sharply forcefully pointedly cynically frequently often never "
    "always just even still already himself herself themselves".split()
)
# Words that cannot end a speaker's noun phrase ("the test and warned…").
_NOT_IN_SPEAKER = frozenset("and but or by for to in at with that which who whom when while if as than on from into".split())
GROUP_NOUNS = frozenset(
    "officials sources critics supporters experts analysts democrats republicans aides voters protesters "
    "demonstrators lawmakers leaders residents police prosecutors investigators officers authorities".split()
)
INTRODUCTORY = re.compile(
    r"^\s*(?:(?:In|On|At|During|After|Before|With|Following|Earlier|Later|Last|This|As|When|While|Since|"
    r"Speaking|Asked|Unlike|Like|Despite|According|For|From|Under|Over|Meanwhile|However|But|And|Yet|Still|"
    + "|".join(sorted(w.capitalize() for w in LINKING_ADVERBS)) + r")\b[^,]{0,120},\s*"
    r"(?:[A-Z][a-z]{1,4}\.,\s*)?)+"  # "In San Bernardino, Calif., a voice …": a state's abbreviation ends the phrase
)
_APPOSITIVE_OPENERS = frozenset(
    "who whose which the a an of now then once himself herself during in at on after before with from speaking when while".split()
)


def trailing_subject(phrase: str) -> str | None:
    """The name, pronoun or noun phrase that ends ``phrase``, skipping an appositive ("Lee, the mayor,")."""
    phrase = re.sub(r"\s*\([^)]{1,30}\)", "", phrase)  # "(R-Utah)", "(D)": party and state
    tokens = phrase.rstrip().replace(",", " , ").split()
    while tokens and (tokens[-1].lower() in AUXILIARIES | _ADVERBS or re.fullmatch(r"[a-z]+ly", tokens[-1])):
        tokens.pop()
    if tokens and tokens[-1] == ",":
        # "Swanson, who is a pastor in Elizabeth, Colorado, said": the name is what the first
        # relative clause or description describes, not a place or a paper named inside it.
        segments = " ".join(tokens[:-1]).split(" , ")
        if len(segments) > 1 and segments[-2].split()[-1].lower() in TITLES and plausible_name(segments[-1].split()):
            return tidy_name(segments[-1])  # "the previous nominee, Mitt Romney, called"
        for k in range(1, len(segments)):
            opener = segments[k].split()[0].lower() if segments[k].split() else ""
            if opener in _APPOSITIVE_OPENERS or opener[:1].isdigit():
                candidate = segments[k - 1].split()
                chain = []
                while candidate and (re.match(_NAME_TOKEN + "$", candidate[-1]) or (chain and candidate[-1].lower() in _CONNECTORS)):
                    chain.insert(0, candidate.pop())
                if chain and plausible_name(chain):
                    return tidy_name(" ".join(chain))
                described = _noun_phrase(segments[k - 1])
                if described and opener in ("when", "while", "who"):
                    return described.group("np")  # "a WeWork spokesperson, when contacted, said"
                break
    # Skip appositives back to the name: "Rawlings, 59, of Ashton, Md., who watched …, said".
    for _ in range(6):
        if not tokens or tokens[-1] != ",":
            break
        tokens.pop()
        if "," not in tokens:
            break
        cut = len(tokens) - tokens[::-1].index(",")
        if plausible_name(tokens[cut:]):
            tokens = tokens[cut:]
            break
        tokens = tokens[:cut]
    if not tokens:
        return None
    if tokens[-1].lower() in PRONOUNS:
        return tokens[-1].lower()
    if tokens[-1].lower() in GROUP_NOUNS:
        return tokens[-1]
    chain: list[str] = []
    while tokens and (re.match(_NAME_TOKEN + "$", tokens[-1]) or (chain and tokens[-1].lower() in _CONNECTORS)):
        chain.insert(0, tokens.pop())
    if chain:
        # "the New York businessman" ends in a noun; "Sen. Claire McCaskill" in a name.
        return tidy_name(" ".join(chain))
    joined = " ".join(tokens)
    np = _noun_phrase(joined)
    if np and "   " not in np.group("np"):
        before_np = joined[: np.start("np")].split()
        if before_np and before_np[-1].lower() in PREPOSITIONS:
            # "Protesters marching through the streets chanted": the streets are not the speaker.
            return clause_subject(joined)
        return np.group("np")
    return None


def _noun_phrase(text: str) -> re.Match | None:
    """The noun phrase ending ``text``, if it is one: no clause word ("a statement that") or auxiliary inside."""
    np = _NOUN_PHRASE.search(text)
    if np and set(np.group("np").lower().split()[1:]) & (_NOT_IN_SPEAKER | AUXILIARIES | NOUN_MARKERS - {"one"}):
        return None
    return np


def trailing_name(phrase: str) -> bool:
    """Whether ``phrase`` ends in a name or a pronoun (the subject of a verb that follows)."""
    subject = trailing_subject(phrase)
    return bool(subject) and (subject[:1].isupper() or subject in PRONOUNS)


def plausible_name(tokens: list[str]) -> bool:
    return (
        0 < len(tokens) <= 5
        and tokens[0].lower() not in NOT_NAMES
        and all(re.match(_NAME_TOKEN + "$", t) or t.lower() in _CONNECTORS for t in tokens)
        and not all(t.endswith(".") for t in tokens)
        and not any(t.endswith(("n’t", "n't")) for t in tokens)  # "Don’t", "Can’t": a contraction opening a sentence
        and not (len(tokens) == 1 and re.search(r"(?:ingly|edly|ously|fully|ively|lessly)$", tokens[0]))  # "Wheezingly he spoke"
    )


# Past tenses that do not end in -ed: "Trump went", "the first incident came".
PAST_FORMS = frozenset(
    "went said told made gave took came spoke wrote shot broke got saw sent put met ran left led fought struck held "
    "brought sought began won lost threw drew knew kept stood felt heard became rose called".split()
)
# What follows a subject: its verb, maybe after an appositive or an adverb ("Trump, 70, then went").
OF_PLACE = r"(?:\s+of\s+[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*)?)?"  # "Sanders of Vermont"
FOLLOWED_BY_VERB = re.compile(
    # "Senator Bernie Sanders of Vermont endorsed": where a person is from may come between.
    r"(?:\s*\([^)]{1,30}\))?" + OF_PLACE + r"(?:\s*,[^,]{1,80},|\s*[—–][^—–]{1,80}[—–])?\s+(?:[a-z]+ly\s+|also\s+|then\s+|later\s+|again\s+|never\s+|not\s+)*"
    rf"(?:[a-z]+ed|[a-z]+[^s\W]s|has|had|have|is|was|are|were|will|would|could|can|did|does|{'|'.join(sorted(PAST_FORMS))})\b"
)
# The people who speak for a person, named by the person: "Gowdy’s office", "Hillary Clinton’s right-hand woman".
SPEAKS_FOR = frozenset(
    "woman man wife husband son daughter brother sister mother father lawyer attorney friend partner deputy "
    "assistant staffer staff surrogate ally allies aides campaign team office administration camp spokesman spokeswoman".split()
)
_ROLE_NOUNS = frozenset(
    "front-runner frontrunner columnist writer activist delegate supporter voter candidate hopeful moderator reporter "
    "constituent pollster economist historian".split()
)
_SUBJECT = re.compile(rf"\b(?:[Hh]e|[Ss]he)\b|{NAME.pattern}")


def clause_subject(sentence_start: str) -> str | None:
    """The subject of a sentence: the first name followed by its verb ("Hours later, Trump returned …"),
    else what opens it after an introductory phrase ("During the speech, the senator …")."""
    for m in _SUBJECT.finditer(sentence_start):
        tokens = m.group(0).split()
        if tokens[0].lower() in ("he", "she") and FOLLOWED_BY_VERB.match(sentence_start, m.end()):
            return tokens[0].lower()
        if tokens[0].lower() in NOT_NAMES and len(tokens) == 1:
            continue
        if not re.search(r"[a-z]|[A-Z]{3}", m.group(0)) or _POSSESSIVE.search(tokens[-1]):
            continue  # "N.H.", "Cruz’s lawyers": not the subject
        lead = sentence_start[: m.start()]
        # After a clause boundary, "the", or a short role opening the sentence
        # ("New York Times columnist David Brooks stated"); not a name inside a phrase
        # ("diverse Democratic electorates").
        if not (
            lead.rstrip()[-1:] in ("", ",", "—", "–", ";")
            or re.search(r"(?:^|[,;—–])\s*(?:[Tt]he)\s+$", lead)
            or re.fullmatch(r"\s*(?:[A-Z][\w.’'-]*\s+){0,3}(?:[a-z][\w-]*\s+){1,2}", lead) and lead.split()[-1] in TITLES | _ROLE_NOUNS
        ):
            continue
        if FOLLOWED_BY_VERB.match(sentence_start, m.end()) and plausible_name(tidy_name(m.group(0)).split() if tidy_name(m.group(0)) else []):
            return tidy_name(m.group(0))
    rest = INTRODUCTORY.sub("", sentence_start, count=1)
    return leading_subject(rest)


_SUFFIXES = frozenset("jr sr ii iii iv".split())


def surname(name: str) -> str:
    """The word that tells a person apart: "rourke" for "Beto O’Rourke", "king" for "Martin Luther King Jr.",
    "lee" for "Ann Lee, the mayor"; one spelling for every comparison of people."""
    head = re.split(r"[,(]", name, maxsplit=1)[0]
    tokens = [t for t in re.findall(r"[^\W_]+", head.lower()) if t not in _SUFFIXES]
    return tokens[-1] if tokens else ""


def tidy_name(name: str) -> str | None:
    tokens = name.strip(" .,;:").split()
    while tokens and tokens[0].lower().strip(".") in NOT_NAMES:
        tokens.pop(0)
    # "NBC’s Chuck Todd", "The Blaze’s Matt Walsh": the person after whose they are ("Ryan’s campaign",
    # "California Governor's Office" and "Britain's Conservative Party" stay whole).
    owner = max((i for i, t in enumerate(tokens[:-1]) if _POSSESSIVE.search(t)), default=-1)
    person = tokens[owner + 1 :]
    if owner >= 0 and len(person) >= 2 and all(t[:1].isupper() for t in person) and not _ORGANISATION.search(" ".join(person)):
        tokens = person
    if tokens and _POSSESSIVE.search(tokens[-1]) and len(tokens[-1]) > 2:
        tokens[-1] = _POSSESSIVE.sub("", tokens[-1])  # "Trump’s statement": the statement's author
    return " ".join(tokens) or None


_TITLE_WORDS = "|".join(sorted(t for t in TITLES if "." not in t))
_ROLE_BEFORE = re.compile(rf"(?:^|\s)((?:[\w’'-]+\s+){{0,3}}(?:{_TITLE_WORDS}))\s*$", re.IGNORECASE)
_ROLE_AFTER = re.compile(rf",\s+(?P<role>(?:the|a|an)\s+[^,]{{3,60}}?|(?:[\w’'-]+\s+){{0,4}}(?:{_TITLE_WORDS})[^,]{{0,40}}?),")


def _titled(name: str) -> tuple[list[str], list[str]]:
    """A capitalised phrase split into its title words and the name after them: "Sen. Ann Lee" is
    (["Sen."], ["Ann", "Lee"]); "Mr. King's Russia Today" is (["Mr."], ["King"]), ending at the possessive."""
    tokens = name.split()
    titled = [i for i, t in enumerate(tokens) if t.lower().strip(".") in TITLES or t.lower() in TITLES]
    role_words = tokens[: titled[-1] + 1] if titled else []
    name_tokens = tokens[titled[-1] + 1 :] if titled else tokens
    while name_tokens and name_tokens[0].lower() in NOT_NAMES:
        name_tokens.pop(0)
    possessive = next((i for i, t in enumerate(name_tokens) if t.endswith(("’s", "'s"))), None)
    if possessive is not None:
        name_tokens = name_tokens[:possessive] + [_POSSESSIVE.sub("", name_tokens[possessive])]
    return role_words, name_tokens


_SENTENCE_BREAK = re.compile(r"(?<=[a-z]{3})[.!?]\s")  # not after "Mr." or an initial
# A verb after a name shows it is a person acting: a word in -ed or -s, or a speech verb (speech_verb_after_space).
_VERBISH = re.compile(r"\s+(?:[a-z]+ed|[a-z]+s)\b")


def _acts(text: str, end: int) -> bool:
    """Whether a verb follows the name ending at ``end``."""
    ahead = text[end : end + 40]
    return bool(_VERBISH.match(ahead)) or speech_verb_after_space(ahead, 0) is not None


def person_mentions(text: str) -> list[tuple[str, str | None]]:
    """(full name, role) for each person the text names: after a title, before a verb, or in an appositive."""
    return [(name, role) for _, name, role in _mentions(text)[0]]


def _mentions(text: str) -> tuple[list[tuple[int, str, str | None]], list[tuple[int, str]]]:
    """person_mentions, and the one-word names the text shows acting, untitled ("Weiner admitted"): short
    for someone named before; each with where it starts in ``text``."""
    found, surnames = [], []
    for m in NAME.finditer(text):
        role_words, name_tokens = _titled(m.group(0))
        titled = bool(role_words)
        if not name_tokens:
            continue
        prior = text[max(0, m.start() - 40) : m.start()]
        role = None
        lower_role = _ROLE_BEFORE.search(prior)
        if role_words and not all(t.lower().strip(".") in _HONORIFICS for t in role_words):
            role = " ".join(t for t in role_words if t.lower().strip(".") not in _HONORIFICS)
        elif lower_role and lower_role.group(1)[:1].islower():
            role = lower_role.group(1).strip()
        verbish = _acts(text, m.end())
        if len(name_tokens) == 1 and not titled and FOLLOWED_BY_VERB.match(text, m.end()):
            surnames.append((m.start(), name_tokens[0]))
        appositive = _ROLE_AFTER.match(text[m.end() : m.end() + 90])
        if appositive:
            # "King, a prominent New York Democrat. “The question …”,": an appositive ends with its sentence,
            # and one running into a quote ("host of MSNBC’s “Morning Joe") is cut short: none.
            said = _SENTENCE_BREAK.split(appositive.group("role"), maxsplit=1)[0].strip()
            role = role or (None if re.search(r"[“”\"]", said) else said)
        if (titled or verbish or appositive or lower_role) and len(name_tokens) >= 2 or (titled and len(name_tokens) == 1 and not verbish):
            found.append((m.start(), " ".join(name_tokens), role))
        elif len(name_tokens) >= 2 and not verbish and re.match(r"\s+(?:,|also|then)", text[m.end() : m.end() + 10]):
            found.append((m.start(), " ".join(name_tokens), role))
    return found, surnames
