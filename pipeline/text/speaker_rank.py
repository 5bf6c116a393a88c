"""Which of the speakers the rules propose said a quote, or no one when none is likely enough.

Each rule of speaker_place finds a speaker phrase in its own place (after the
quote, before it, in the introducing sentence, the speaker of the quote
before or of a quote earlier in the paragraph); when none finds one, the names the sentence mentions in passing stand
in. The rules used to be tried in a fixed order, the first find winning. A
small conditional logit model weighs instead the signs each proposal carries:
which rule found it, whether the fixed order would pick it, how many other
rules agree, what kind of phrase it is (a pronoun, a description, a surname, a
full name, an organisation or a group), whether the article named that person
before, and for a name in passing where it stands (next to a speech verb, as
the sentence's acting subject, after a preposition, beyond another quote).
Proposals naming the same person add their chances; the likeliest person
wins, unless even they are unlikely: then the speaker is unknown, since a
wrong name misleads a listener more than none. The weights
(``data/speaker_rank.json``) were fitted on PolNeAR political news by
``benchmarks/train_speaker_rank.py``; reading them is plain arithmetic.
"""
from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass
from functools import cache
from importlib import resources

from .speaker_name import DETERMINERS, GROUP_NOUNS, ORGANISATION_WORDS, PRONOUNS, TITLES, surname
from .speaker_place import Mention
from .words import word_list

# Below this chance the likeliest person is left unsaid: the speaker is unknown. Chosen on the
# publisher folds the weights were fitted on (benchmarks/train_speaker_rank.py prints the trade):
# counting a wrong name as two or three unknowns, every threshold from 0.4 to 0.75 scores the same.
THRESHOLD = 0.5
# Organisations, and the news outlets a quote may be credited to.
_ORGANISATION = re.compile(
    rf"\b(?:{ORGANISATION_WORDS}|Poll|Report|Magazine|Review|Tribune|Herald|Daily|Fox|CNN|MSNBC|NBC|ABC|CBS|AP|Reuters)\b"
)


@dataclass(frozen=True)
class Proposal:
    """A speaker one rule found: the phrase as the text gives it, and the person it resolves to."""

    finder: str
    phrase: str
    name: str
    role: str | None = None
    mention: Mention | None = None  # where a name the sentence mentions stands (finders "mention_*")


@dataclass(frozen=True)
class Setting:
    """What the quote and the article so far tell about any proposal."""

    whole_paragraph: bool
    introduced: bool  # by a colon
    known: frozenset[str]  # the surnames of people the article named before the quote
    last_speaker: str | None
    paragraphs_since_speaker: int
    nearby: str  # the quote's sentence outside the quote


def features(proposal: Proposal, proposals: list[Proposal], setting: Setting) -> dict[str, float]:
    """The signs for and against ``proposal`` being the speaker, as named numbers."""
    phrase, name = proposal.phrase, proposal.name
    tokens = name.split()
    person = surname(name)
    pronoun = phrase.lower() in PRONOUNS
    opener = phrase.split()[0].lower() if phrase.split() else ""
    described = not pronoun and (phrase[:1].islower() or opener in DETERMINERS)
    agree = sum(
        1 for p in proposals if p is not proposal and p.mention is None and p.finder != proposal.finder and surname(p.name) == person
    )
    mention = proposal.mention
    signs = {
        "bias": 1.0,
        f"finder_{proposal.finder}": 1.0,
        "first": float(proposals[0] is proposal),
        "agree": float(min(agree, 3)),
        "pronoun": float(pronoun),
        "description": float(described and name == phrase),
        "description_resolved": float(described and name != phrase),
        "one_word": float(len(tokens) == 1 and not described and not pronoun),
        "full_name": float(len(tokens) >= 2 and name[:1].isupper()),
        "long_name": float(len(tokens) >= 4),
        "long_description": float(described and len(phrase.split()) >= 4),
        "common_word": float(bool(tokens) and not described and tokens[0].lower() in word_list("common_words")),
        "titled": float(bool(tokens) and tokens[0].lower() in TITLES),
        "shouted": float(name.isupper() and len(name) > 3),
        "organisation": float(bool(_ORGANISATION.search(name))),
        "group": float(tokens[-1].lower() in GROUP_NOUNS if tokens else False),
        "known": float(person in setting.known),
        "nearby": float(bool(person) and person in setting.nearby.lower()),
        "last_speaker": float(setting.last_speaker is not None and surname(setting.last_speaker) == person),
        "far_speaker": float(setting.paragraphs_since_speaker > 1 and proposal.finder in ("continuing", "last_speaker")),
        "whole_paragraph": float(setting.whole_paragraph),
        "introduced": float(setting.introduced),
    }
    if pronoun:
        signs[f"pronoun_{proposal.finder}"] = 1.0
    if mention is not None:
        signs["near"] = float(mention.distance <= 2)
        signs["log_distance"] = math.log1p(mention.distance)
        signs["verb"] = float(mention.verb)
        signs["governed"] = float(mention.governed)
        signs["object"] = float(mention.object)
        signs["opens"] = float(mention.opens)
        signs["acts"] = float(mention.acts)
        signs["acts_opening"] = float(mention.acts and mention.opens)
        signs["after_article"] = float(mention.after_article)
        signs["apart"] = float(mention.apart)
        signs["apart_acting"] = float(mention.apart and (mention.acts or mention.verb))
        signs[f"side_{mention.side}_verb"] = float(mention.verb)
        signs["nearest"] = float(all(p.mention is None or p.mention.side != mention.side or p.mention.distance >= mention.distance for p in proposals))
    if proposals[0] is proposal:
        signs[f"first_{proposal.finder}"] = 1.0
    return signs


@cache
def _weights() -> dict[str, float]:
    data = resources.files("pipeline").joinpath("data/speaker_rank.json").read_text(encoding="utf-8")
    return json.loads(data)["weights"]


def none_features(proposals: list[Proposal], setting: Setting) -> dict[str, float]:
    """The signs that no proposal is right: the rules found nothing, only names in passing."""
    return {
        "none": 1.0,
        "none_unruled": float(all(p.mention is not None or p.finder == "last_speaker" for p in proposals)),
        "none_whole_paragraph": float(setting.whole_paragraph),
    }


def _score(signs: dict[str, float]) -> float:
    weights = _weights()
    return max(-30.0, min(30.0, sum(weights.get(name, 0.0) * value for name, value in signs.items())))


def probabilities(proposals: list[Proposal], setting: Setting) -> list[float]:
    """How likely each proposal is the speaker, against the others and against no one."""
    scores = [_score(features(p, proposals, setting)) for p in proposals]
    return shares([*scores, _score(none_features(proposals, setting))])


def shares(scores: list[float]) -> list[float]:
    """Each score's share of the chance (a softmax), the last score being "no one"'s, which is left out."""
    top = max(scores)
    exps = [math.exp(s - top) for s in scores]
    total = sum(exps)
    return [e / total for e in exps[:-1]]


def likeliest(people: list[str], chances: list[float]) -> tuple[int, float]:
    """The proposal that names the likeliest person, and that person's chance: the chances of
    proposals naming the same person add up."""
    totals: dict[str, float] = {}
    for person, chance in zip(people, chances):
        totals[person] = totals.get(person, 0.0) + chance
    best = max(range(len(people)), key=lambda i: (totals[people[i]], chances[i], -i))
    return best, totals[people[best]]


def choose(proposals: list[Proposal], setting: Setting) -> Proposal | None:
    """The likeliest person, as the likeliest proposal that names them, or None when the person is not
    likely enough (THRESHOLD). Rules that find the same person in different places add their chances."""
    if not proposals:
        return None
    best, chance = likeliest([surname(p.name) for p in proposals], probabilities(proposals, setting))
    return proposals[best] if chance >= THRESHOLD else None
