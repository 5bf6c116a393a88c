"""Reporting verbs: the words news prose uses to say that someone is quoted."""
from __future__ import annotations

import re

_VERBS = (
    "said|says|say|saying|told|tells|tell|telling|added|adds|adding|asked|asks|asking|wrote|writes|writing|"
    "tweeted|tweets|tweeting|posted|warned|warns|warning|argued|argues|arguing|claimed|claims|claiming|"
    "stated|states|explained|explains|explaining|insisted|insists|insisting|noted|notes|noting|declared|"
    "declares|announced|announces|replied|replies|responded|responds|stressed|stresses|continued|continues|"
    "admitted|admits|acknowledged|acknowledges|conceded|concedes|suggested|suggests|predicted|predicts|"
    "recalled|recalls|vowed|vows|promised|promises|promising|pledged|pledges|urged|urges|urging|called|calls|"
    "calling|described|describes|describing|dubbed|dubs|labeled|labelled|labels|branded|brands|accused|"
    "accuses|blasted|blasts|slammed|slams|criticized|criticised|criticizes|criticises|praised|praises|"
    "cited|cites|quipped|mused|muses|joked|jokes|boasted|boasts|complained|complains|lamented|laments|touted|touts|"
    "mocked|mocks|shouted|shouts|shouting|yelled|yells|yelling|screamed|screaming|chanted|chants|chanting|sang|sings|"
    "read|reads|reported|reports|reporting|"
    "concluded|concludes|emphasized|emphasised|emphasizes|countered|counters|agreed|agrees|insist|"
    "testified|testifies|acknowledge|believes|thinks|thought|feared|fears|hoped|hopes|questioned|"
    "questions|characterized|characterizes|deemed|blamed|blames|announce|declare|explain|warn|argue|"
    "claim|admit|demanded|demands|wondered|wonders|pointed out|points out|went on|goes on|recounted|recounts|"
    "remarked|remarks|observed|observes|retorted|protested|objected|interjected|chimed in|"
    "attacked|attacks|denounced|denounces|condemned|condemns|bemoaned|scolded|derided|ridiculed|hailed|"
    "according to|in the words of|quoted|quotes|quoting|written|put it|"
    "contended|contends|maintained|maintains|asserted|asserts|alleged|alleges|confirmed|confirms|denied|denies|"
    "revealed|reveals|reiterated|reiterates|repeated|proclaimed|proclaims|answered|advised|bragged|brags|fumed|"
    "scoffed|whispered|muttered|underscored|underscores|hinted|speculated|texted|emailed|e-mailed|"
    "inquired|informed|reassured|reminded|reminds|assured|assures|confided|confessed|swore|"
    # The commonest reporting verbs of the other languages eSpeak reads, as news prose uses them.
    "dijo|afirmó|afirma|declaró|explicó|aseguró|señaló|añadió|agregó|indicó|sostuvo|"  # Spanish
    "disse|afirmou|declarou|explicou|acrescentou|garantiu|sublinhou|"  # Portuguese
    "dit|déclaré|affirmé|affirme|expliqué|explique|ajouté|ajoute|estime|souligné|souligne|"  # French
    "sagte|sagt|erklärte|erklärt|betonte|betont|meinte|fügte hinzu|"  # German
    "detto|dichiarato|spiegato|aggiunto|afferma|sottolineato|"  # Italian
    "zei|zegt|verklaarde"  # Dutch
)


def compact(words: tuple[str, ...], capitalised: bool = False) -> str:
    """``words`` as a regex alternation about half as long, so that it compiles in about half the time
    (the speaker patterns embed it a dozen times, and compiling them is on the path of every cold
    start): words written with several endings share a branch ("warned|warns|warning" is
    "warn(?:ed|s|ing)"). ``capitalised`` also lets each word open with a capital ("[Ss]aid").

    Only the set of words matched is kept, not the order of the branches: every pattern that embeds it
    ends the verb at a word boundary, and no word is another followed by a space or a hyphen, so at
    most one branch can match at any place."""
    known = set(words)
    stems: dict[str, list[str]] = {}
    for word in dict.fromkeys(words):
        # The stem that the most words of the list share, then the one with the longest ending: a word
        # alone ("posted") still shares its ending with the others ("(?:post|dubb|…)ed").
        stem = max(
            [word] + [word[: -len(e)] for e in _ENDINGS if word.endswith(e) and len(word) - len(e) >= 3],
            key=lambda s: (sum(s + e in known for e in ("",) + _ENDINGS), len(word) - len(s)),
        )
        stems.setdefault(stem, []).append(word[len(stem) :])
    by_endings: dict[tuple[str, ...], list[str]] = {}
    for stem, endings in stems.items():
        by_endings.setdefault(tuple(sorted(endings)), []).append(_opening(stem, capitalised))
    branches = []
    for endings, group in by_endings.items():
        tails = [e for e in endings if e]
        if not tails or len(group) == 1 and len(endings) == 1:
            branches += [head + "".join(endings) for head in group]
            continue
        heads = group[0] if len(group) == 1 else "(?:" + "|".join(group) + ")"
        optional = "?" if "" in endings else ""
        branches.append(heads + (tails[0] if len(tails) == 1 and not optional else "(?:" + "|".join(tails) + ")" + optional))
    return "|".join(branches)


_ENDINGS = ("ing", "ed", "es", "s", "d")


def _opening(word: str, capitalised: bool) -> str:
    first = word[:1]
    return f"[{first.upper()}{first}]{word[1:]}" if capitalised and first.upper() != first else word


SPEECH_VERB_WORDS = tuple(_VERBS.split("|"))
# The verbs as a regex alternation to embed in a pattern: lower case, so "the United States" holds none.
SPEECH_VERBS = compact(SPEECH_VERB_WORDS)
# A capital only opens a clause ("According to", "Said Lee,").
VERB = re.compile(rf"(?<![\w-])(?:{compact(SPEECH_VERB_WORDS, capitalised=True)})(?![\w-])")


def speech_verb_at(text: str, position: int) -> re.Match | None:
    """The speech verb in lower case that starts at ``position`` and ends a word there, if one does: a rule
    that looks for a verb at a known place asks this rather than embedding the verbs in one more pattern."""
    verb = VERB.match(text, position)
    return verb if verb is not None and verb.group(0)[:1].islower() else None


_SPACES = re.compile(r"\s+")


def speech_verb_after_space(text: str, position: int) -> re.Match | None:
    """The speech verb that follows ``position`` after one or more spaces ("Lee| said"), as speech_verb_at."""
    space = _SPACES.match(text, position)
    return speech_verb_at(text, space.end()) if space else None
