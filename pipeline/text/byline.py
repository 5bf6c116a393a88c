"""Read author names from a byline as pages print it: "By Ann Lee and Tom Pascoe | 3 June 2019".

The one byline reader: the HTML metadata reader gives it a byline element's
text, a <meta> author or a "By …" line; the page-copy reader gives it a line
from its "By" on (pagecopy_meta.signed_names decides where a copy's byline
starts). Names are read word by word until something that is not a name
(a date, a separator, a lower-case word), as they are printed.
"""
from __future__ import annotations

import re

from .dates import MONTHS
from .lazy_pattern import LazyPattern

# What introduces the names, in the languages dates.py reads.
_LEAD = LazyPattern(
    r"^\s*(?:(?:written|words|reported|text|story|posted|published|analysis|escrito|publicado|geschrieben)\s+)?"
    r"(?:by|por|par|von|di|door|de)\s*[:\-]?\s+",
    re.I,
)
# Where a byline shown on an HTML page begins: "By", "Written by", alone in its element or before the names.
_SHOWN_LEAD = LazyPattern(r"\s*(?:(?:written|reported|posted|published|story|words)\s+)?by\b(?!\s*\w+ing\b)", re.I)
# "Edited by", "Reporting by": a second name follows, as after "and".
_SECOND_CREDIT = LazyPattern(
    r"\s+\b(?:edited|photos?|photographs?|illustrations?|(?:additional\s+)?reporting)\s+by\b\s*", re.I
)
_PIECES = LazyPattern(r"[,;&()|/•·—–／]|[^\s,;&()|/•·—–／]+")
_SEPARATORS = frozenset(",;&()")
_END = frozenset("|/•·—–／")
_JOINERS = frozenset("and und et y e avec with mit con".split())
_CONNECTORS = frozenset("de da van von der den del di la le bin al du dos das ter st.".split())
# Words that end the names: what follows them on the same line (a date, a place, an update note).
_NOT_NAME = frozenset(
    "updated update published posted on at in for from the with last about this that is was are "
    "am pm et est edt pst pdt gmt utc bst cet cest today yesterday ago min mins minutes hours read more "
    "follow email view publiziert aktualisiert le el em às".split()
    # A title that happens to open with "By" ("By Any Means Necessary", a show in a menu) names no one.
    + "any all every each some no none my our your their its".split()
) | frozenset(MONTHS) | frozenset(
    "monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thur thurs fri sat sun".split()
)
# Words that say what someone does, not who they are ("Staff Writer"), and words that end an organisation's
# name ("Associated Press", "European Space Agency", "CNN Business").
_JOBS = frozenset(
    "staff writer reporter editor correspondent contributor columnist senior chief contributing associate "
    "editor-at-large special political foreign science health tech technology sports sport producer analyst author "
    "journalist guest photographer".split()
)
# An organisation's name runs on past "for" or "of" after the word that makes it one ("Institute of Physics").
_ORG_HEADS = frozenset("organization organisation institute society association foundation council committee "
                       "department ministry office centre center campaign coalition alliance union league federation "
                       "trust board bureau commission".split())
_ORG_LINKS = frozenset("for of".split())
_BODIES = frozenset("news business press agency desk team service wire".split())
ROLES = _JOBS | _BODIES
_DEGREES = frozenset("MA MD PhD MSc MPH RN".split())  # case matters: "Jack Ma" is a name
# A label before the names of an author field, in any language: one word and a colon.
_LABEL = LazyPattern(r"^[^\W\d_]+:\s+(?=\S)")
# A month glued to the name before it, as a layout without a space between byline and date copies.
_GLUED_MONTH = LazyPattern(r"([^\W\d_][\w'’-]*?[a-z])(?:" + "|".join(
    m.capitalize() for m in sorted(MONTHS, key=len, reverse=True) if len(m) > 3) + r")\.?$")
# A word of three letters or more closing on a full stop ends the names ("Cunningham."; "Jr." and "E." do not).
_FULL_STOP_AFTER = LazyPattern(r"((?!(?:Jr|Sr|St|Dr|Mr|Ms|Mrs)\.)[^\W\d_][\w'’-]{2,})\.$")
# The site's software account, not a person: "by admin".
_ACCOUNTS = frozenset("admin administrator webmaster editor staff guest user author".split())
MAX_NAME_TOKENS = 5
# Longest byline text worth reading: beyond it the element holds a biography, not a name.
MAX_BYLINE_CHARS = 160


def lead_byline(text: str) -> tuple[str, ...]:
    """The names of a byline that opens ``text`` ("By Ann Lee …"), read no further than a byline's length:
    a byline that goes on about its author has its names first."""
    return byline_names(text[:MAX_BYLINE_CHARS], needs_lead=True)


def byline_names(text: str, *, needs_lead: bool = False) -> tuple[str, ...]:
    """The people a byline names, in order; () when it names none.

    ``needs_lead`` asks for a "By"-like word first, as in a line of running text.
    """
    text = " ".join(text.split())
    if not text or len(text) > MAX_BYLINE_CHARS:
        return ()
    lead = _LEAD.match(text)
    if needs_lead and not lead:
        return ()
    if lead:
        text = text[lead.end():]
    else:
        text = _LABEL.sub("", text)  # "Текст: Венера Ерофеева", "Opinion: Laurie Oakes"
    return _names(_SECOND_CREDIT.sub(", ", text))


def _names(text: str) -> tuple[str, ...]:
    parts: list[list[str]] = [[]]
    pieces = _PIECES.findall(text)
    for n, piece in enumerate(pieces):
        low = piece.lower()
        if piece in _END:
            break
        if piece in _SEPARATORS or low in _JOINERS:
            if parts[-1]:
                parts.append([])
            continue
        glued = re.match(r"([^\W\d_][\w.'’-]*?)\d", piece)  # "Nolan22 Dec 2016": a date glued to the name
        # "ArnoldNovember 15, 2019": only a day's number after it shows the month is glued ("Ana DeMarch" is a name).
        if not glued and n + 1 < len(pieces) and pieces[n + 1][:1].isdigit():
            glued = _GLUED_MONTH.match(piece)
        # "Finian Cunningham. Sputnik International": a full stop after a name; one before it is a title's ("Prof.").
        glued = glued or (_FULL_STOP_AFTER.match(piece) if parts[-1] else None)
        if glued:
            piece = glued.group(1)
        before = parts[-1][-1].lower() if parts[-1] else ""
        # "Organization for Transformative Works": the word that makes it an organisation opens the name
        # ("Tom Union for the Times" is Tom Union).
        org = (low in _ORG_LINKS and before in _ORG_HEADS and len(parts[-1]) == 1
               or low == "the" and before in _ORG_LINKS and parts[-1][0].lower() in _ORG_HEADS)
        if parts[-1] and (low in _CONNECTORS or org):
            parts[-1].append(piece)  # "Van der Berg"; "Organization for Transformative Works" is one name
        elif piece[0].isalpha() and not piece[0].islower() and low.rstrip(".") not in _NOT_NAME:
            parts[-1].append(piece)
        else:
            break
        if glued:
            break
    people, others = [], []
    for tokens in (_without_dangling_links(p) for p in parts if p):
        # A desk's word inside an organisation's name is no role: "Society for Science".
        at = next((i for i, t in enumerate(tokens) if (t.lower() in ROLES or t in _DEGREES)
                   and not (i and tokens[i - 1].lower() in _ORG_LINKS)), None)
        if at is None or (at >= 2 and tokens[at].lower() not in _BODIES):
            people.append(tokens[:at])  # "Sarah Smith Staff Writer" is Sarah Smith
        else:
            others.append(tokens)  # "IGN Staff", "Associated Press"
    # "By Jill Disis, CNN Business" names Jill Disis; "By Associated Press" the agency.
    found = [tidy_name(" ".join(tokens)) for tokens in (people or others[:1])
             if is_name(tokens) and not is_account(" ".join(tokens))
             and not (len(tokens) == 1 and tokens[0].lower() in _ORG_HEADS)]  # "Council" cut from its name
    return tuple(dict.fromkeys(found))


def opens_with_by(text: str) -> bool:
    """Whether ``text`` starts as a byline does ("By ", "Written by"), not "By clicking …"."""
    return bool(_SHOWN_LEAD.match(text))


def is_account(name: str) -> bool:
    """"admin", "Editor": the site's software account, which names no one to a listener."""
    return name.strip().lower() in _ACCOUNTS


_DANGLING = _CONNECTORS | _ORG_LINKS | {"the"}


def _without_dangling_links(tokens: list[str]) -> list[str]:
    """A name does not end on "of", "the", "de" or "van" ("Anna de 3 June" is Anna)."""
    while tokens and tokens[-1].lower() in _DANGLING:
        tokens = tokens[:-1]
    return tokens


def is_name(tokens: list[str]) -> bool:
    """One to five words, not initials alone ("J J")."""
    return 1 <= len(tokens) <= MAX_NAME_TOKENS and not all(len(t.rstrip(".")) <= 1 for t in tokens) and (
        len(tokens) > 1 or len(tokens[0]) >= 3 or not tokens[0].isascii()
    )


def tidy_name(name: str) -> str:
    """A name as people write it: "KASHMIRA GANDER" is Kashmira Gander."""
    return name.title() if name.isupper() and len(name) > 3 else name
