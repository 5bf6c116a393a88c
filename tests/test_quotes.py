"""Quotes in running text and their speakers."""
import pytest

from pipeline.text.quotes import find_quotes


@pytest.mark.parametrize(
    "paragraphs, expected",
    [
        (['"It is over," said John Brown.'], [("It is over", "John Brown")]),
        (["“We will win this,” Maria Lopez told reporters."], [("We will win this", "Maria Lopez")]),
        (['Mr Smith, the mayor, said: "We will win."'], [("We will win.", "Mr Smith")]),
        (['According to Jane Doe, "the vote was rigged and everyone knew it."'], [("the vote was rigged and everyone knew it.", "Jane Doe")]),
        (
            ["Senator Ann Lee spoke on Monday.", 'She said the plan was "dead on arrival and everyone knows it".'],
            [("dead on arrival and everyone knows it", "Ann Lee")],
        ),
        (
            ["Prime Minister Raj Patel arrived late.", 'Mr Patel warned that "nothing is agreed".'],
            [("nothing is agreed", "Raj Patel")],
        ),
        # Scare quotes and titles are not quotes.
        (['The minister dismissed claims that the town was a "special case".'], []),
        (['She appeared on "Face the Nation" on Sunday.'], []),
        # A pronoun with nobody to point to is an unknown speaker, not a guess.
        (['"We are done here today, folks," he added.'], [("We are done here today, folks", None)]),
    ],
)
def test_quotes_and_speakers(paragraphs, expected):
    assert [(q.text, q.speaker) for q in find_quotes(paragraphs)] == expected
