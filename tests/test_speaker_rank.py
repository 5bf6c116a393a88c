"""The speaker ranker: the likeliest of the speakers the rules propose, or none when unsure."""
import pytest

from pipeline.text import speaker_rank
from pipeline.text.quotes import find_quotes
from pipeline.text.speaker_place import mentions
from pipeline.text.speaker_rank import Proposal, Setting

SETTING = Setting(whole_paragraph=False, introduced=False, known=frozenset(), last_speaker=None, paragraphs_since_speaker=9, nearby="")


def speakers(*paragraphs):
    return [q.speaker for q in find_quotes(list(paragraphs))]


def test_the_speech_verb_next_to_the_quote_wins():
    assert speakers("“We will win this race,” said Ann Lee, who met Bob Smith on Monday.") == ["Ann Lee"]
    assert speakers("Mr. Lee came late. “We will win this,” he said at the rally.") == ["Lee"]


def test_a_name_in_passing_stands_in_when_no_rule_finds_a_speaker():
    # "assured" is no speech verb: the sentence's acting subject is the likeliest speaker.
    found = speakers("Mr. Biden assured his hometown's residents that Mrs. Clinton was ''made of the same stuff,'' even if she could not always show it.")
    assert found == ["Mr. Biden"]


def test_a_speaker_paragraphs_away_is_not_guessed():
    found = speakers(
        "“We will win this race,” Ann Lee said on Monday.",
        "The weather was bad all week.",
        "The hall was cold and the roads were icy.",
        "Turnout was low.",
        "“It was a disgrace to the party and everyone in it.”",
    )
    assert found == ["Ann Lee", None]


def test_a_person_named_between_two_quotes_of_a_paragraph_is_learned():
    found = speakers("“The plan is sound,” said Ann Lee. Then Bob Smith stepped up. “It is not,” he said.")
    assert found == ["Ann Lee", "Bob Smith"]


def test_rules_finding_the_same_person_add_their_chances(monkeypatch):
    monkeypatch.setattr(speaker_rank, "_weights", lambda: {"finder_subject": 1.0, "finder_after": 1.0, "finder_before": 1.4, "none": -9.0})
    lee_after = Proposal("after", "Lee", "Ann Lee")
    lee_subject = Proposal("subject", "Ann Lee", "Ann Lee")
    kim = Proposal("before", "Kim", "Kim")
    # Kim alone is likelier than either proposal for Lee, but not than both.
    chances = speaker_rank.probabilities([lee_after, lee_subject, kim], SETTING)
    assert chances[2] > chances[0] and chances[0] + chances[1] > chances[2]
    assert speaker_rank.choose([lee_after, lee_subject, kim], SETTING) is lee_after


def test_no_one_is_chosen_below_the_threshold(monkeypatch):
    monkeypatch.setattr(speaker_rank, "_weights", lambda: {"finder_last_speaker": -2.0, "none": 1.0})
    assert speaker_rank.choose([Proposal("last_speaker", "Lee", "Ann Lee")], SETTING) is None
    monkeypatch.setattr(speaker_rank, "_weights", lambda: {"finder_last_speaker": 3.0, "none": 1.0})
    assert speaker_rank.choose([Proposal("last_speaker", "Lee", "Ann Lee")], SETTING).name == "Ann Lee"
    assert speaker_rank.choose([], SETTING) is None


@pytest.mark.parametrize(
    ("before", "after", "name", "expected"),
    [
        # said Lee: the verb names who speaks; told Kim: whom they spoke to.
        ("The mayor told Kim that ", "", "Kim", {"verb": False, "apart": False}),
        ("", ", said Ann Lee on Monday.", "Ann Lee", {"verb": True, "distance": 1, "governed": False}),
        ("Ann Lee, the mayor, warned that ", "", "Ann Lee", {"verb": True, "opens": True, "acts": True}),
        ("Lee’s plan was ", "", "Lee", {"governed": True}),
        ("The Illinois statehouse was ", "", "Illinois", {"after_article": True}),
        ('Cruz accuses Obama of "leading from behind" and Trump says he is ', "", "Cruz", {"apart": True, "verb": True}),
        # calling Gruber, told Kim: whom the verb acts on.
        ("It is like calling Gruber, ", "", "Gruber", {"object": True, "verb": False}),
        ("Ann Lee told Bob Kim that ", "", "Ann Lee", {"object": False}),
        ("", " which describes the Hwajeontae Dance.", "Hwajeontae Dance", {"object": True}),
    ],
)
def test_where_a_name_stands(before, after, name, expected):
    found = {m.phrase: m for m in mentions(before, after)}
    assert name in found
    for sign, value in expected.items():
        assert getattr(found[name], sign) == value, sign


def test_a_role_with_a_prefix_before_the_name():
    assert speakers("“Imagine Brad Thor going up against Trump,” mused Blaze co-host Stu Burguiere.") == ["Stu Burguiere"]


def test_a_short_description_closing_the_sentence_speaks():
    assert speakers("''The court expresses no view on the merits'' of the case, the unsigned opinion said.") == ["the unsigned opinion"]
    assert speakers("“It is a mess,” of course, the mayor said on Monday.") == ["the mayor"]


def test_a_dateline_with_a_date_names_no_speaker():
    found = speakers("WASHINGTON, Dec. 8 (UPI) — Hillary Clinton’s right-hand woman rallied supporters, saying: “We have to be ready to stop him.”")
    assert found == ["Hillary Clinton’s right-hand woman"]  # someone who works for her, not Clinton


def test_where_a_speaker_is_from_may_stand_between_name_and_verb():
    found = speakers("At a rally in Portsmouth, N.H., on Tuesday, Senator Bernie Sanders of Vermont endorsed Mrs. Clinton, saying that his rival would ''make an outstanding president.''")
    assert found == ["Senator Bernie Sanders"]


def test_a_speaker_who_will_say_something():
    found = speakers("“Nothing truly prepares you for the demands of the Oval Office,” the two-term president will say, according to excerpts.")
    assert found == ["the two-term president"]


def test_a_long_appositive_between_the_name_and_its_verb():
    found = speakers(
        "''The hourly earnings data showed the largest increase since July 2009,'' Douglas Holtz-Eakin, an economic adviser "
        "to Republicans and former director of the nonpartisan Congressional Budget Office, wrote after the jobs report."
    )
    assert found == ["Douglas Holtz-Eakin"]


@pytest.mark.parametrize(
    ("name", "expected"),
    [("Beto O’Rourke", "rourke"), ("O'Rourke", "rourke"), ("Martin Luther King Jr.", "king"), ("Ann Lee, the mayor", "lee"), ("Rep. Lee (D-Calif.)", "lee")],
)
def test_one_surname_for_every_spelling(name, expected):
    assert speaker_rank.surname(name) == expected


def test_people_named_before_the_quote_are_known_by_that_surname(monkeypatch):
    asked = []
    real_choose = speaker_rank.choose
    monkeypatch.setattr(speaker_rank, "choose", lambda proposals, setting: asked.append((proposals, setting)) or real_choose(proposals, setting))
    find_quotes(["Rep. Beto O’Rourke met voters. Martin Luther King Jr. marched here in 1963.", "“We will win this race,” O’Rourke said."])
    proposals, setting = asked[-1]
    assert {"rourke", "king"} <= setting.known
    assert speaker_rank.features(proposals[0], proposals, setting)["known"] == 1.0


def test_a_name_in_brackets_is_an_aside_not_a_speaker():
    assert "HTTP" not in [m.phrase for m in mentions("Requests that fail (e.g., HTTP 500s) or by policy (for example, ", "")]


def test_a_contraction_opening_a_sentence_is_no_name():
    assert "Don’t" not in [m.phrase for m in mentions("Don’t you see the harm in the ", "")]


@pytest.mark.parametrize("named, short", [
    ("Martin Luther King Jr.", "King"),
    ("Beto O'Rourke", "O'Rourke"),
    ("Ann Lee", "Lee"),
])
def test_a_surname_alone_is_the_person_named_before(named, short):
    from pipeline.text.speaker_name import Context

    context = Context(people=["Tom Ford", named, "Kim Stone"])
    assert context.resolve(short)[0] == named
