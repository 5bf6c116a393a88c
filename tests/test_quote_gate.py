"""The quote gate: short quoted phrases inside sentences, someone's words or not."""
from pipeline.text import quote_gate
from pipeline.text.quotes import find_quotes


def quotes(*paragraphs):
    return [(q.text, q.speaker) for q in find_quotes(list(paragraphs))]


def test_a_phrase_someone_is_characterised_with_is_their_quote():
    found = quotes("Cruz is praising Jeb Bush, who ended his bid on Saturday, as “a man who didn’t go to the gutter” and more.")
    assert found == [("a man who didn’t go to the gutter", "Cruz")]
    found = quotes("Clinton celebrated in Florida with supporters, declaring it “another super Tuesday for our campaign” on Monday.")
    assert found == [("another super Tuesday for our campaign", "Clinton")]


def test_titles_and_scare_quotes_stay_out():
    assert quotes("The so-called “Implementation Initiative” was approved by the voters.") == []
    assert quotes('She appeared on "Face the Nation" on Sunday.') == []


def test_signs_weigh_as_expected():
    words = quote_gate.features("we will win this", "Lee said that ", ".", speech_verb=True, subject=True)
    title = quote_gate.features("Face the Nation", "She appeared on ", " on Sunday.", speech_verb=False, subject=False)
    assert quote_gate.probability(words) > quote_gate.THRESHOLD > quote_gate.probability(title)


def test_other_verbs_right_after_a_quote_name_the_speaker():
    assert quotes("“I can point to only two accomplishments,” Bozell answers.") == [("I can point to only two accomplishments", "Bozell")]
    assert quotes("“Go back to Univision,” Trump barked and a guard escorted Ramos out.") == [("Go back to Univision", "Trump")]
    assert quotes("“This is fantastic!” beamed Donald Hartley of Madison, who snuck onto the floor.") == [("This is fantastic!", "Donald Hartley")]


def test_a_description_with_a_number_is_a_speaker():
    found = quotes("“Donald is, and always has been, an amazing leader,” said the 46-year-old. “Now, he will go to work for you.”")
    assert [s for _, s in found] == ["the 46-year-old", "the 46-year-old"]
