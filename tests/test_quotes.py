"""Quotes and who said them: one sentence of our own for every pattern."""
import pytest

from pipeline.text.quotes import find_quotes
from pipeline.text.speaker_name import leading_subject


def quotes(*paragraphs, headline=None):
    return [(q.text, q.speaker) for q in find_quotes(list(paragraphs), headline=headline)]


@pytest.mark.parametrize(
    "paragraphs, expected",
    [
        # Speaker after the quote, either order of name and verb.
        (['"It is over," said John Brown.'], [("It is over", "John Brown")]),
        (["“We will win this,” Maria Lopez told reporters."], [("We will win this", "Maria Lopez")]),
        # Speaker before the quote, with a colon, an appositive, "according to".
        (['Mr Smith, the mayor, said: "We will win."'], [("We will win.", "Mr Smith")]),
        (['According to Jane Doe, "the vote was rigged and everyone knew it."'], [("the vote was rigged and everyone knew it.", "Jane Doe")]),
        # Speech verbs beyond "said".
        (["Ann Lee warned that the plan was “dead on arrival”."], [("dead on arrival", "Ann Lee")]),
        (["Tom Gray tweeted: “Vote early, vote often.”"], [("Vote early, vote often.", "Tom Gray")]),
        (["“Nobody asked us,” added Ruth Cole."], [("Nobody asked us", "Ruth Cole")]),
        # Every quotation-mark style.
        # (Attribution is English-only: other languages' quotes are found, with the speaker a colon names.)
        (["„Wir schaffen das, und wir schaffen es gemeinsam.“ Das war 2015."], [("Wir schaffen das, und wir schaffen es gemeinsam.", None)]),
        (["Le ministre Paul Roy a déclaré : « Nous sommes prêts à discuter avec tout le monde. »"], [("Nous sommes prêts à discuter avec tout le monde.", "Paul Roy")]),
        (["Ms Park said the deal was ‘a disaster for farmers’."], [("a disaster for farmers", "Ms Park")]),
        (["''This is not reform,'' said Dan Holt."], [("This is not reform", "Dan Holt")]),
        # Apostrophes are never quote marks.
        (["The voters’ choice didn’t surprise anyone in the ’90s, said Ed Moss, a pollster."], []),
        # Scare quotes and titles are not quotes.
        (['The minister dismissed claims that the town was a "special case".'], []),
        (['She appeared on "Face the Nation" on Sunday.'], []),
        # A pronoun with nobody to point to is an unknown speaker, not a guess.
        (['"We are done here today, folks," he added.'], [("We are done here today, folks", None)]),
    ],
)
def test_patterns(paragraphs, expected):
    assert quotes(*paragraphs) == expected


def test_quote_split_by_its_attribution_is_one_speaker():
    assert quotes("“We will win,” said Kate Ross. “And soon.”") == [("We will win", "Kate Ross"), ("And soon.", "Kate Ross")]


def test_quote_running_over_paragraphs():
    found = quotes(
        "Jan Novak read the statement aloud:",
        "“We have decided to close the factory at the end of the year,",
        "“and we will help every worker find another job.”",
    )
    assert found == [
        ("We have decided to close the factory at the end of the year, and we will help every worker find another job.", "Jan Novak")
    ]


def test_an_unbalanced_mark_does_not_swallow_the_article():
    found = quotes(
        "“This paragraph opens a quote and never closes it.",
        "The council met on Monday.",
        "“The budget is balanced,” said Omar Haddad.",
    )
    assert ("The budget is balanced", "Omar Haddad") in found


def test_transcript_labels():
    found = quotes(
        "Partial transcript as follows:",
        '"WALLACE: Will she be at the debate tomorrow night?',
        '"PENCE: She will not be attending the debate, and that is final."',
    )
    assert found == [
        ("Will she be at the debate tomorrow night?", "Wallace"),
        ("She will not be attending the debate, and that is final.", "Pence"),
    ]


def test_dash_attribution():
    assert quotes("“He is not fit to lead this country.” ― Maria Flores") == [("He is not fit to lead this country.", "Maria Flores")]


def test_pronouns_and_short_forms_resolve_to_the_full_name():
    found = find_quotes([
        "Russian President Vladimir Putin spoke in Moscow on Thursday.",
        "He said Russia had “a plan and we know what to do”.",
        "Later Mr Putin added that the West was “making a mistake”.",
    ])
    assert [(q.speaker, q.role) for q in found] == [("Vladimir Putin", "Russian President"), ("Vladimir Putin", "Russian President")]


def test_a_name_whose_appositive_runs_through_a_quoted_title_is_the_latest_named():
    # "Morning Joe," holds the appositive's comma: read apart from its quotes, the paragraph named no one.
    found = find_quotes([
        "Sen. Marco Rubio said on Sunday that the party would recover.",
        "Joe Scarborough, host of MSNBC’s “Morning Joe,” suggested the remarks were disqualifying.",
        "“That is disqualifying right there,” he said.",
    ])
    assert [q.speaker for q in found] == ["Joe Scarborough"]


@pytest.mark.parametrize(
    "paragraph",
    [
        "“We are reviewing the lease,” a WeWork spokesperson when contacted said.",
        "A WeWork spokesperson when contacted said: “We are reviewing the lease.”",
        "“We are reviewing the lease,” a WeWork spokesperson when asked about the talks said.",
    ],
)
def test_a_when_asked_clause_is_no_part_of_the_speaker(paragraph):
    assert [q.speaker.lower() for q in find_quotes([paragraph])] == ["a wework spokesperson"]


def test_a_description_resolves_to_the_person_it_describes():
    found = find_quotes([
        "Foreign Minister Vuk Jeremic spoke to the council.",
        "“Nobody can impose a solution,” the minister said.",
    ])
    assert [(q.speaker, q.attribution) for q in found] == [("Vuk Jeremic", "Vuk Jeremic, the minister")]


def test_speaker_in_the_neighbouring_sentence_or_paragraph():
    found = quotes(
        "Mayor Lena Ortiz was blunt when asked about the budget on Monday.",
        "“There is no money left for new roads this year.”",
    )
    assert found == [("There is no money left for new roads this year.", "Mayor Lena Ortiz")]
    assert quotes("“We start on Monday.” Karl Weber said the work would take a year.") == [("We start on Monday.", "Karl Weber")]


def test_a_speaker_keeps_talking_across_paragraphs():
    found = quotes(
        "“We will appeal the ruling,” said Grace Hall, the union's lawyer.",
        "“This is not the end of the matter, and the members know it.”",
    )
    assert [s for _, s in found] == ["Grace Hall", "Grace Hall"]


@pytest.mark.parametrize(
    "paragraph, speaker",
    [
        (
            "Putting the show together, Marsh said, let him “find the quiet within himself,” too. "
            "Audiences can expect him to play the set with “a sense of fun and a lot of heart.”",
            "Marsh",
        ),
        (
            "“We will win this district,” said Ana Ruiz, the campaign's manager. Her volunteers have knocked on every "
            "door since May, and the polls look “better than anyone expected.”",
            "Ana Ruiz",
        ),
    ],
)
def test_a_later_quote_in_the_paragraph_is_its_earlier_speakers(paragraph, speaker):
    assert [q.speaker for q in find_quotes([paragraph])] == [speaker, speaker]


def test_a_later_quote_in_the_paragraph_keeps_its_own_speaker():
    found = find_quotes([
        "“We will win this district,” said Ana Ruiz, the campaign's manager. "
        "Her rival Tom Hale said the polls were “wrong about almost everything this year.”"
    ])
    assert [q.speaker for q in found] == ["Ana Ruiz", "Tom Hale"]


def test_headline_quotes():
    assert quotes("Body text.", headline="Lee: Tram Extension Is ‘Best News in Years’") == [("Best News in Years", "Lee")]
    assert quotes("Body text.", headline="Tram ‘Is Coming’, Mayor Ortiz Says") == [("Is Coming", "Mayor Ortiz")]


def test_nickname_is_not_a_quote():
    assert quotes('"We have his back," Marcia "Cia" Price shouted to the crowd.') == [("We have his back", "Marcia Cia Price")]


@pytest.mark.parametrize("paragraph, speaker", [
    ("«Vamos a bajar los impuestos el próximo año», dijo el ministro de Hacienda, Carlos Pérez, en Madrid.", "Carlos Pérez"),
    ("\"O Brasil vai crescer mais do que o previsto\", disse o ministro Fernando Haddad nesta terça-feira.", "Fernando Haddad"),
    ("« Nous ne céderons pas », a déclaré Emmanuel Macron lors de sa visite à Lyon.", "Emmanuel Macron"),
    ("„Wir müssen jetzt handeln“, sagte Olaf Scholz am Dienstag in Berlin.", "Olaf Scholz"),
    ("«Il governo andrà avanti», ha detto Giorgia Meloni ai giornalisti.", "Giorgia Meloni"),
    ("\"We zijn er klaar voor\", zei premier Mark Rutte.", "Mark Rutte"),
])
def test_speakers_in_other_languages(paragraph, speaker):
    [quote] = find_quotes([paragraph])
    assert quote.speaker == speaker


def test_a_capitalised_word_is_not_a_speech_verb():
    # "States" in "the United States" is not "states"; the speaker is who says it.
    found = quotes("“If there had not been that help” from the United States, Ana Ruiz said at the event, “we would be lost.”")
    assert [s for _, s in found] == ["Ana Ruiz", "Ana Ruiz"]


def test_said_before_the_name_opens_the_sentence():
    assert quotes('The plan failed. Said Ruth Cole, "We never had the money to finish the work."') == [
        ("We never had the money to finish the work.", "Ruth Cole")
    ]


def test_a_sentence_opening_word_is_not_a_name():
    # "Instead" opens a sentence here and is written in lower case elsewhere: not part of the speaker.
    found = quotes(
        "The mayor did not answer instead of the council.",
        "Instead Ortiz told reporters: “We will build the tram next year, whatever it costs.”",
    )
    assert found == [("We will build the tram next year, whatever it costs.", "Ortiz")]


def test_a_dateline_is_not_a_speaker():
    found = quotes("WASHINGTON — Senator Ann Price on Monday dismissed the report, calling it “a partisan exercise”.")
    assert [s for _, s in found] == ["Senator Ann Price"]
    found = quotes("Washington (AFP) – Ann Price took a swipe at her rival, saying that “bombastic comments” do harm.")
    assert [s for _, s in found] == ["Ann Price"]


def test_a_surname_does_not_resolve_to_a_place_named_after_the_person():
    found = quotes(
        "Donald Trump visited Scotland on Monday.",
        "Members of the Trump National Golf Club said they were pleased.",
        "“The course is beautiful,” Trump said.",
    )
    assert found == [("The course is beautiful", "Donald Trump")]


def test_a_quote_inside_a_sentence_does_not_continue_the_last_speaker():
    found = quotes(
        "“We will appeal,” said Grace Hall, the union's lawyer.",
        "In the depths of the recession, Paul Ryan worried that the safety net was becoming “a hammock that lulls people to lives of dependency.”",
    )
    assert found[1] == ("a hammock that lulls people to lives of dependency.", "Paul Ryan")


def test_the_subject_is_the_name_followed_by_its_verb_after_an_introduction():
    found = quotes("Hours later, Omar Haddad returned the compliment, telling Reuters, “He is an amazing man and a friend.”")
    assert found == [("He is an amazing man and a friend.", "Omar Haddad")]
    found = quotes("At a campaign event in Ames, Iowa, on Sunday, Mrs. Lopez tried again, saying that we should be “rallying our partners and allies.”")
    assert [s for _, s in found] == ["Mrs. Lopez"]


def test_an_object_before_a_participle_or_a_colon_is_not_the_speaker():
    found = quotes("Kate Ross and Tom Gray issued a statement describing their meeting as “a very positive step toward unity”.")
    assert [s for _, s in found] == ["Kate Ross"]
    found = quotes("The Daily Planet reveals a few relevant facts: “Of its 76,981 registered voters, 30,290 are Democrats.”")
    assert [s for _, s in found] == ["Daily Planet"]


def test_who_reports_the_words_speaks_them():
    found = quotes("Ann Lee said Kim had called on members to be “closely coordinated” before the vote.")
    assert [s for _, s in found] == ["Ann Lee"]


def test_each_clause_of_a_sentence_has_its_own_speaker():
    found = quotes('Ted Cruz accuses Obama of "leading from behind" and Donald Trump says he is "losing the war on terror."')
    assert [s for _, s in found] == ["Ted Cruz", "Donald Trump"]


def test_a_participle_after_the_quote_points_back_to_the_subject():
    found = quotes("Cruz said that there is “only one conservative in a position to win this race,” adding that it is why Tom Gray “attacks us.”")
    assert [s for _, s in found] == ["Cruz", "Cruz"]


def test_a_name_describing_the_role_is_not_the_speaker():
    found = quotes('Sen. Kelly Ayotte refunded the money. "The campaign has refunded the contributions," said Ayotte campaign manager Jon Kohan.')
    assert [s for _, s in found] == ["Jon Kohan"]


def test_a_place_or_paper_inside_an_appositive_is_not_the_speaker():
    found = quotes("Swanson, who is a pastor at the Church of Elizabeth, Colorado, slammed the scouts for promoting “the wrong values” on Monday.")
    assert [s for _, s in found] == ["Swanson"]
    found = quotes("In October, Mr. Paulson, who made billions on a bet, told investors that Valeant was “overblown,” adding that Valeant had “significant upside.”")
    assert [s for _, s in found] == ["Mr. Paulson", "Mr. Paulson"]


def test_a_name_inside_a_phrase_is_not_the_subject():
    found = quotes("As the race turned to states with more diverse Democratic electorates, Clinton has criticized “systemic racism” in speeches.")
    assert [s for _, s in found] == ["Clinton"]


def test_three_apostrophes_close_an_inner_and_an_outer_quote():
    found = quotes("''I would use the word 'old-school,'" + "'' said Greg Slayton, who backs Rubio.")
    assert found == [("I would use the word 'old-school,'", "Greg Slayton")]


def test_a_speaker_named_after_the_verb_in_a_parenthesis():
    found = quotes('The paradox of Nancy, says Carl Anthony, a historian, is that she was "one of the most powerful first ladies."')
    assert [s for _, s in found] == ["Carl Anthony"]


def test_a_role_then_the_name_in_commas():
    found = quotes("That view upended decades of orthodoxy toward Russia, a country that the previous nominee, Mitt Romney, called “our No. 1 foe.”")
    assert [s for _, s in found] == ["Mitt Romney"]


def test_the_cue_a_colon_closes_names_the_speaker():
    found = quotes('"There is a young man having some problems," Cruz said as the heckler yelled: "You are wrong about all of it!"')
    assert [s for _, s in found] == ["Cruz", "the heckler"]


def test_a_relative_clause_ending_in_a_past_participle_does_not_hide_the_verb():
    found = quotes('Clinton, who called Sanders shortly after the winner was declared, told her supporters, "I still love New Hampshire."')
    assert [s for _, s in found] == ["Clinton"]


def test_the_name_after_a_closing_said_is_the_speaker():
    found = quotes('"He can assert it, but it seems extremely unlikely" that Sanders can catch Clinton, said Steve Elmendorf, a strategist.')
    assert [s for _, s in found] == ["Steve Elmendorf"]


def test_a_place_before_a_participle_is_not_the_speaker():
    found = quotes("Later on Sunday, Carson shared a syllabus for a class called “Perception” on his Facebook page, writing “Allow me to do the research for the reporter.”")
    assert [s for _, s in found][-1] == "Carson"
    assert "Facebook" not in [s for _, s in found]


def test_a_role_opening_the_sentence_or_a_dashed_appositive_keeps_the_subject():
    found = quotes("Republican front-runner Donald Trump is questioning whether the president would have attended the Mass “if it were held in a mosque.”")
    assert [s for _, s in found] == ["Donald Trump"]
    found = quotes("Jason Sims — a teacher from Mount Pleasant — says he voted for Rubio, and that the endorsement was “a big deal in this state.”")
    assert [s for _, s in found] == ["Jason Sims"]


def test_an_adverb_before_the_verb_is_not_the_speaker():
    assert quotes('When asked, Cruz gingerly said that was "an assessment the voters are going to make."') == [
        ("an assessment the voters are going to make.", "Cruz")
    ]


def test_a_quote_opened_inside_a_paragraph_runs_on_when_the_next_reopens_it():
    found = quotes(
        "Obama said: “There is no magic to the phrase ‘radical Islam.’ It is a political talking point.",
        "“Calling a threat by a different name does not make it go away.”",
    )
    assert found == [
        ("There is no magic to the phrase ‘radical Islam.’ It is a political talking point. "
         "Calling a threat by a different name does not make it go away.", "Obama")
    ]


def test_a_quote_left_open_ends_with_its_paragraph():
    found = quotes(
        "Viguerie notes the party is split.",
        "“The number one thing you must have to win in this election is for the party to be united.",
        "The council met on Monday.",
    )
    assert [t for t, _ in found] == ["The number one thing you must have to win in this election is for the party to be united."]


def test_an_opening_mark_typed_as_the_closing_one():
    found = quotes("Cruz called the group “abhorrent and dangerous“ in a tweet on Sunday, and Ann Lee said “it is over.”")
    assert [t for t, _ in found] == ["abhorrent and dangerous", "it is over."]


def test_a_common_word_opening_the_sentence_is_not_a_name_even_once_in_the_article():
    assert quotes("Instead Ortiz told reporters: “We will build the tram next year.”") == [("We will build the tram next year.", "Ortiz")]


def test_a_heading_in_capitals_is_not_part_of_the_name_but_an_acronym_is():
    found = quotes("TEN KILLED IN ISTANBUL BLAST Turkish President Recep Erdogan said the bomber had “Syrian roots.”")
    assert [s for _, s in found] == ["Turkish President Recep Erdogan"]
    assert [s for _, s in quotes("“We are done with this,” NBC News said in a statement.")] == ["NBC News"]


def test_a_clause_of_its_own_after_the_quote_does_not_name_its_speaker():
    found = quotes("Sims says he was “kind of riding the fence” until Haley said she was backing the Florida senator.")
    assert [s for _, s in found] == ["Sims"]


@pytest.mark.parametrize("headline, speaker", [
    ("Sanders Told A Reporter Not To ‘Moan’ About Her Rival", "Sanders"),
    ("Former Mexico leader Calderon calls the wall idea ‘stupid’", "Former Mexico leader Calderon"),
    ("Guns Are ‘The Ultimate Public Health Crisis,’ Howard Dean Tells Convention", "Howard Dean"),
])
def test_who_opens_or_closes_a_headline_speaks_its_quote(headline, speaker):
    assert [s for _, s in quotes("Body text.", headline=headline)] == [speaker]


def test_a_description_ends_before_a_clause_of_time():
    # Seen on a real page: the chapter read "Quote: a WeWork spokesperson when contacted".
    found = quotes("“We do not comment on rumours about our business,” said a WeWork spokesperson when contacted.")
    assert [s for _, s in found] == ["a WeWork spokesperson"]
    found = quotes("“We are reviewing the decision,” said a spokesman for the company on Monday.")
    assert [s for _, s in found] == ["a spokesman for the company"]


def test_the_quotes_own_clause_speaks_before_an_opening_or_coordinate_clause():
    found = quotes('Puerto Rico has been warning that it is running out of cash, and Ms. Acosta said the "extraordinary measures" were unsustainable.')
    assert [s for _, s in found] == ["Ms. Acosta"]
    found = quotes("After Glenn Beck asked him who would win, D’Souza replied, “If I had to bet now, I would bet on Hillary.”")
    assert [s for _, s in found] == ["D’Souza"]


def test_a_participle_after_the_attribution_does_not_name_the_speaker():
    found = quotes("“The internment is a dark cloud on our history,” Clinton spokesman Josh Schwerin said at the time, explaining the decision.")
    assert [s for _, s in found] == ["Josh Schwerin"]


def test_a_quote_paragraph_after_one_whose_subject_is_a_single_name():
    found = quotes(
        "Carter said that for decades critics had predicted a withdrawal from the region.",
        "“That is because this region is home to nearly half the world’s population.”",
    )
    assert found == [("That is because this region is home to nearly half the world’s population.", "Carter")]


def test_a_subject_with_an_adverb_and_an_auxiliary_before_its_verb():
    found = quotes("Sanders has consistently pushed his promise of “free college for every student in the country” as a way to appeal to voters.")
    assert found == [("free college for every student in the country", "Sanders")]


def test_whom_the_speaker_told_is_not_the_speaker():
    found = quotes("“All of my friends are women,” Butz, 49, told The Huffington Post. “I wanted some insight.”")
    assert [s for _, s in found] == ["Butz", "Butz"]
    found = quotes("“We build bridges,” the spokesman, Federico Lombardi, told Vatican Radio on Friday.")
    assert [s for _, s in found] == ["Federico Lombardi"]


@pytest.mark.parametrize("paragraph, speaker", [
    # "attacks" here is a noun, not a reporting verb.
    ("Despite the perceived media attacks, Carson said that “those who know me know that I am honest.”", "Carson"),
    # A place inside a prepositional aside is not the speaker.
    ('Clinton, during a town hall meeting in Columbus, Ohio, said she was "going to put a lot of miners out of work."', "Clinton"),
    # Before a colon, whom a message went to is not who sent it.
    ('Senate Majority Leader Mitch McConnell delivered a blunt message to Trump: "It is time to quit attacking people."',
     "Senate Majority Leader Mitch McConnell"),
    # A passive with its agent: the agent asks.
    ("Rubio was asked by Fox Business moderator Gerard Baker whether his plan would risk “adding another entitlement program.”",
     "Gerard Baker"),
    # An opening subordinate clause without the quote's verb: the main clause's subject.
    ("After former Gov. Jerry Brown criticized Bill Clinton in a debate, Hillary shot back, “I suppose I could have baked cookies.”",
     "Hillary"),
])
def test_speaker_phrase_boundaries(paragraph, speaker):
    assert [s for _, s in quotes(paragraph)] == [speaker]


@pytest.mark.parametrize("paragraph, speaker", [
    # A description whose words are common is kept whole, not dropped word by word.
    ("One intelligence source said agents would be “screaming” if no prosecution is pursued.", "One intelligence source"),
    ("As Akhil Amar, professor of law at Yale, put it, ''Senate Republicans should remember that a compromise may be better.''", "Akhil Amar"),
    ("Sen. Susan Collins (Maine) joined the group this week, publishing an op-ed hammering his “unsuitability for office.”", "Sen. Susan Collins"),
    ("“The kids do not like him, and they are happy with Manafort,” this source told the Post.", "this source"),
    ('Sanders himself acknowledged in a forum on Monday night "it will be very hard for us to win" if he loses.', "Sanders"),
])
def test_more_speaker_phrases(paragraph, speaker):
    assert [s for _, s in quotes(paragraph)] == [speaker]


def test_a_rubric_before_a_headline_colon_is_not_the_speaker():
    assert quotes("Body text.", headline="The Latest: Sanders declares ‘revolution,’ ignores losses") == [("revolution", "Sanders")]


def test_whom_a_source_spoke_to_is_not_the_speaker():
    found = quotes("Another intelligence source speaking to Fox News said, “The agents are investigating the donations.”")
    assert [s for _, s in found] == ["Another intelligence source"]


def test_a_group_and_a_description_before_a_when_clause_are_speakers():
    found = quotes("Critics called the plan “a fantasy”, but a WeWork spokesperson, when contacted, said: “We are pleased with the plan.”")
    assert [s for _, s in found] == ["Critics", "a WeWork spokesperson"]


def test_a_lone_word_before_a_colon_is_no_speaker_and_no_crash():
    """Found by the fuzzer: a one-word clause ending in a colon, with no subject before it."""
    from pipeline.text.speaker_place import speaker_before

    assert speaker_before("Yes:") is None
    assert find_quotes(['Yes: "We will build it again, and we will build it better than before."'])[0].speaker is None


def test_a_straight_mark_after_a_digit_is_inches_not_a_quote():
    found = find_quotes(['Specs include a 34" curved panel display with super wide viewing angles and 99% coverage, and a stand.'])
    assert found == []
    assert [q.text for q in find_quotes(['Lee said the vote was 52 to 48, "and that is a mandate for change."'])] == ["and that is a mandate for change."]


def test_what_a_thing_is_called_has_no_speaker():
    found = find_quotes(["When the offending substance is feathers in a duvet, HP is called “feather duvet lung.” It is rare."])
    assert [q.speaker for q in found] in ([], [None])
    # Someone who does the naming is still the speaker.
    assert [q.speaker for q in find_quotes(["Senator Ann Lee called the plan “a disgrace to the state” on Monday."])] == ["Senator Ann Lee"]


@pytest.mark.parametrize(
    ("paragraph", "speaker"),
    [
        ("A spokesman for the buyer said there was a commitment “to making this a showcase for the island.”", "A spokesman for the buyer"),
        ("The lawsuit contends that “the deaths were directly and proximately caused” by the decisions.", "The lawsuit"),
        ("Reprising one of her favourite lines, the former senator talked about the “progress we had made” together.", "the former senator"),
    ],
)
def test_a_description_opening_the_sentence_speaks(paragraph, speaker):
    assert [q.speaker for q in find_quotes([paragraph])] == [speaker]


def test_she_and_he_pass_over_people_of_the_other_sex():
    found = find_quotes(["Mrs. Ann Lee met Mr. Bob Kim on Monday.", "“We will win this race,” she said."])
    assert [q.speaker for q in found] == ["Ann Lee"]
    found = find_quotes(["Jane Doe said she had met Tom Roe, a spokesman for the council.", "“We will win this race,” she said."])
    assert [q.speaker for q in found] == ["Jane Doe"]


def test_a_speaker_phrase_ends_before_a_verb_of_its_own():
    # "said the candidate could be …": the description is "the candidate", not what follows it.
    assert leading_subject("the candidate could be in a race") == "the candidate"
    # "a “hit piece” that was reported by": a passive verb names no speaker after the quote.
    found = find_quotes(["Cruz belittled the issue, calling it a “paperwork error” that was reported in a “hit piece” by the paper."])
    assert "that was" not in [q.speaker for q in found]


def test_a_name_inside_a_description_is_not_the_speaker():
    found = find_quotes(["A Clinton campaign official later walked back the comments, saying that Clinton “did not have a particular video in mind at the time.”"])
    assert [q.speaker for q in found] == ["A Clinton campaign official"]


def test_someone_yelling_or_chanting_is_quoted():
    found = find_quotes(["At a rally in Birmingham, Alabama, on Saturday, protesters were removed, with Ann Lee reportedly yelling: “Get him the hell out of here!”"])
    assert [q.speaker for q in found] == ["Ann Lee"]


def test_feet_and_inches_do_not_close_a_quote():
    found = find_quotes(["“I admit, he’s taller than me; he’s like 6’2”,” Ann Lee said on Sunday."])
    assert [(q.text, q.speaker) for q in found] == [("I admit, he’s taller than me; he’s like 6’2”", "Ann Lee")]


@pytest.mark.parametrize(
    ("paragraph", "speaker"),
    [
        ("Ryan’s campaign shrugged off the comments, telling reporters, “Nobody on his team has ever asked for it.”", "Ryan’s campaign"),
        ("Gowdy’s office assured the public that the claims are false, and that it will be “fully exonerated.”", "Gowdy’s office"),
    ],
)
def test_a_campaign_or_office_speaks_for_a_person_as_itself(paragraph, speaker):
    assert [q.speaker for q in find_quotes([paragraph])] == [speaker]


def test_a_description_cut_at_a_preposition_is_no_speaker():
    found = find_quotes(['The rate of requests that fail, or by policy (for example, "If you committed to one-second response times, any request over one second is an error").'])
    assert [q.speaker for q in found] == [None]


@pytest.mark.parametrize(
    "paragraph, speaker",
    [
        # A clause with a named subject of its own inside the sentence holds the quote's verb.
        ("At one point, a woman asked for a photo and Clinton said, “as long as we follow the rules.”", "Clinton"),
        ("Bolton cited the raid as a sign of disarray, with Gorka noting the folly of sending “a couple of hundred guys here and there” in.", "Gorka"),
        ("The attack sparked a debate over how the country responds to it, with Senator John Kemp telling reporters that he saw the president as “directly and personally responsible for it.”", "Senator John Kemp"),
        # "said the candidate could be …": what was said, not who said it.
        ("Mr. Manafort, citing “the unique magic of the man,” said the candidate could win in states like Maryland.", "Mr. Manafort"),
        # An attribution closing a later "and/but" clause does not take a quote whose own sentence names its speaker.
        ("Mayor Ann Lee called the plan “a disgrace,” and the council voted it down, Councilman Joe Park said.", "Mayor Ann Lee"),
        ("The company said the move was “a necessary step,” and shares fell, analyst Tom Berg said.", "The company"),
        # "U.S." and its like are no person's initials: "U.S." ends the sentence before Lopez.
        ("He returned to the U.S. Lopez said “it was over.”", "Lopez"),
        ("The U.S. Justice Department said “it was over.”", "Justice Department"),
        ("J.J. Goldberg said “it was over.”", "J.J. Goldberg"),
    ],
)
def test_the_clause_that_holds_the_quote_names_its_speaker(paragraph, speaker):
    assert [s for _, s in quotes(paragraph)] == [speaker]


def test_the_subject_of_an_opening_when_clause_is_not_the_speaker():
    found = quotes(
        "Suzanne Ferriss, a professor, said the novel was fun.",
        "When asked whom she supported, Ms. Sherry smiled and said, “I am waiting for someone else to get in the race.”",
    )
    assert found[-1][1] == "Ms. Sherry"


@pytest.mark.parametrize(
    "paragraph, speaker",
    [
        ("Their backing will carry “a great deal of weight” and bring them “grass-roots firepower” to win, DFA spokesman Neil Sroka said.", "Neil Sroka"),
        ("“Campaigns are having trouble raising money. They don't have a choice” but to lead the advertising, says Evan Tracey, a consultant in Alexandria, Va.", "Evan Tracey"),
    ],
)
def test_an_attribution_closing_the_sentence_after_and_or_but(paragraph, speaker):
    assert {s for _, s in quotes(paragraph)} == {speaker}


def test_and_after_a_quote_still_opens_a_clause_with_its_own_quote():
    from pipeline.text.speaker_place import speaker_after

    assert speaker_after(" and Trump says ") is None


def test_a_description_opened_by_a_possessive_speaks():
    assert quotes("“We are confident that we will win the state by a wide margin,” said her campaign manager.") == [
        ("We are confident that we will win the state by a wide margin", "her campaign manager")
    ]


@pytest.mark.parametrize(
    "before, speaker",
    [
        ("Mr. Biden assured his hometown residents that Mrs. Clinton was ", "Mr. Biden"),
        ("The senator reiterated that the bill was ", "The senator"),
        ("Ms. Ortiz contended that the ruling was ", "Ms. Ortiz"),
        ("Mr. Lopez confirmed to reporters that the deal was ", "Mr. Lopez"),
    ],
)
def test_more_reporting_verbs(before, speaker):
    from pipeline.text.speaker_place import speaker_before

    assert speaker_before(before) == speaker


def test_a_reported_phrase_after_reiterated_is_a_quote():
    assert quotes("The senator reiterated that the bill was “dead on arrival,” to the dismay of its sponsors.") == [("dead on arrival", "The senator")]


def test_a_name_with_initials_is_one_name():
    found = quotes("Last week, J.J. Goldberg, editor at large of The Forward, an influential newspaper, wrote, “We should think of the world war instead.”")
    assert found == [("We should think of the world war instead.", "J.J. Goldberg")]


def test_where_a_subject_is_from_may_stand_before_its_verb():
    from pipeline.text.speaker_place import sentence_subject

    assert sentence_subject("Senator Ben Carr of Maryland, a Democrat on the committee, advocates a ") == "Senator Ben Carr"


def test_a_long_appositive_between_the_name_and_said():
    from pipeline.text.speaker_place import speaker_after

    after = ", Trump, the GOP presidential front-runner nationally and the current polling leader in South Carolina by a wide margin after winning the primary, said."
    assert speaker_after(after) == "Trump"


def test_a_title_tells_the_sex_of_the_name_it_opens_possessive_or_not():
    from pipeline.text.speaker_name import genders

    assert genders(["Mrs. Clinton’s plan was praised.", "Mr. John Kemp's office disagreed.", "Miss Lane arrived."]) == {
        "clinton": "she",
        "kemp": "he",
        "lane": "she",
    }


def test_a_noun_phrase_holds_no_auxiliary():
    from pipeline.text.speaker_name import trailing_subject

    assert trailing_subject("Americans know those cheaper items are made abroad") is None


def test_so_called_names_no_one():
    from pipeline.text.speaker_place import speaker_before

    assert speaker_before("Switzerland again voted on an initiative. The so called ") is None


def test_a_crowd_chanting_in_a_with_clause_is_not_the_sentence_subject():
    from pipeline.text.speaker_place import speaker_before

    assert speaker_before("Orlando was not far from their thoughts, with many marchers and spectators chanting ") is None


def test_a_sentence_adverb_and_a_state_abbreviation_open_a_sentence_before_its_subject():
    from pipeline.text.speaker_name import clause_subject
    from pipeline.text.speaker_place import speaker_before

    assert clause_subject("Likewise, a paper from the institute had this to say about the plan") == "a paper"
    before = "In the hours after the attack in San Bernardino, Calif., a familiar voice celebrated the attacks on Twitter: "
    assert speaker_before(before) == "a familiar voice"


def test_a_noun_phrase_before_a_when_or_while_clause_holds_no_clause_word():
    from pipeline.text.speaker_name import trailing_subject

    assert trailing_subject("Mr. Sanders did not back down, releasing a statement that, while condemning violence,") != "a statement that"


@pytest.mark.parametrize(
    "phrase, speaker",
    [
        ("The first incident came during a speech", "The first incident"),
        ("Some in the crowd booed", "Some in the crowd"),
        ("The president left no doubt", "The president"),
    ],
)
def test_a_description_ends_before_a_verb_of_its_own(phrase, speaker):
    assert leading_subject(phrase) == speaker


def test_a_cue_in_a_clause_after_an_opening_phrase_is_not_the_main_one():
    from pipeline.text.speaker_place import speaker_before

    before = "Later in the show, after the interview concluded, Maher stated of the scandal that the report "
    assert speaker_before(before) == "Maher"


def test_whom_a_description_speaks_for_is_not_the_speaker():
    from pipeline.text.speaker_place import speaker_before

    before = "A spokesperson for the British Foreign Office reiterated the UK's position that settlements "
    assert speaker_before(before) == "A spokesperson for the British Foreign Office"


def test_an_adverb_opening_a_sentence_is_no_name():
    from pipeline.text.speaker_name import plausible_name

    assert not plausible_name(["Wheezingly"])
    assert plausible_name(["Kelly"])


def test_pleading_to_keep_a_quoted_word_is_no_quote():
    assert quotes("Would Adam Schiff have pleaded to keep the “whistleblower’s” identity secret?") == []


@pytest.mark.parametrize(
    ("phrase", "speaker"),
    [
        ("A spokesperson for the Department of Health said", "A spokesperson for the Department of Health"),
        ("a spokesman for the Department of Health and Human Services.", "a spokesman for the Department of Health and Human Services"),
        ("a spokesman for the U.S. Embassy.", "a spokesman for the U.S. Embassy"),
    ],
)
def test_a_name_a_description_ends_in_keeps_its_small_words(phrase, speaker):
    assert leading_subject(phrase) == speaker


def test_a_cue_in_a_clause_opened_by_not_long_after_is_not_the_main_one():
    from pipeline.text.speaker_place import speaker_before

    assert speaker_before("Not long after Trump tweeted the quote, Chuck Todd asked whether it was ") == "Chuck Todd"
    assert speaker_before("Shortly before Lee spoke, the senator said the plan was ") == "the senator"


def test_a_quote_that_is_the_subject_of_its_own_verb_is_not_said_by_a_name_later_in_the_sentence():
    # "“done” was in reference to a tweet Labott posted": Labott posted the tweet, not the word.
    assert quotes("According to Phil Kerpen, the “done” was in reference to a tweet Labott posted on Monday.") == [("done", "Phil Kerpen")]


@pytest.mark.parametrize(
    ("phrase", "speaker"),
    [("As NBC’s Chuck Todd", "Chuck Todd"), ("the Fox News’ Chris Wallace", "Chris Wallace"), ("Mr. Trump’s", "Mr. Trump")],
)
def test_whose_a_name_is_does_not_open_it(phrase, speaker):
    from pipeline.text.speaker_name import trailing_subject

    assert trailing_subject(phrase) == speaker


def test_a_headline_label_opening_with_its_verb_is_said_by_its_subject():
    found = quotes("The bill passed on Monday after a long night.", headline="Ann Lee Praises Breitbart’s Editor Matt Cole: ‘Very Good Reporter’")
    assert found[0] == ("Very Good Reporter", "Ann Lee")


def test_whom_a_possessive_determiner_names_after_a_preposition_is_not_the_subject():
    from pipeline.text.speaker_place import speaker_before

    # "to his supporters" is whom the email goes to; Sanders' email speaks.
    assert speaker_before("Sanders’ fundraising email to his supporters notes that Kim ") == "Sanders"
    assert speaker_before("Senator Chris Murphy of Connecticut, who campaigned with her in his state, said she must win what he called a ") == "Senator Chris Murphy"


def test_a_person_a_quote_names_is_no_one_a_later_pronoun_means():
    found = quotes(
        "Mayor Ann Lee spoke at the rally on Monday.",
        "“Bob Kim has lost this state,” Lee said.",
        "“We will knock on every door,” she added.",
        "“It was a good night,” Mr. Kim said later.",
    )
    # "she" is Lee, not Kim whom her quote named; "Mr. Kim" is still the Bob Kim only her quote named in full.
    assert found[1:] == [("We will knock on every door", "Ann Lee"), ("It was a good night", "Bob Kim")]


def test_names_in_quotes_are_known_but_not_the_latest_named():
    from pipeline.text.speaker_name import Context

    context = Context()
    context.learn("Mayor Ann Lee has left the hall.")
    context.learn("“Bob Kim has lost this state,” Lee said.", recent=False)
    assert context.resolve("she") == ("Ann Lee", "Mayor")
    assert context.resolve("Mr. Kim")[0] == "Bob Kim"


def test_a_quote_after_one_said_by_an_inverted_attribution_is_introduced_by_that_speaker():
    from pipeline.text.quotemarks import find_spans
    from pipeline.text.speaker_place import intro_speaker

    paragraph = "The plans are “deeply irresponsible,” said Ann Lee, a budget analyst. “It leaves people like me speechless.”"
    assert intro_speaker("", [paragraph], find_spans([paragraph])[1]) == "Ann Lee"  # not "The plans"


def test_a_preposition_opening_a_sentence_is_no_subject():
    from pipeline.text.speaker_place import speaker_before

    # "Amid responses": a preposition and its noun, not a name and its verb.
    assert speaker_before("Amid responses from critics, Matt Walsh defended the list, saying it is necessary to ") == "Matt Walsh"


def test_a_surname_acting_makes_its_person_the_one_he_or_she_means():
    found = quotes(
        "Anthony Weiner resigned from Congress in 2011. His wife, Huma Abedin, is a top aide.",
        "Although Weiner admitted that they had “been friends for some time,” he claimed they had never met.",
    )
    assert found == [("been friends for some time", "Anthony Weiner")]
    # "spoke" acts as much as "arrived": the last surname acting is the one "she" means
    assert quotes(
        "Kamala Harris campaigned in Atlanta on Monday. Rep. Lucy McBath joined her.",
        "Harris arrived late. McBath spoke first.",
        "“We need every vote,” she said.",
    ) == [("We need every vote", "Lucy McBath")]


def test_a_name_in_ic_acting_after_a_quote_is_its_speaker():
    assert quotes("“It is over,” Djokovic smiled.") == [("It is over", "Djokovic")]


def test_a_name_is_tidied_of_whose_it_is_but_a_group_keeps_its_owner():
    from pipeline.text.speaker_name import tidy_name

    assert tidy_name("The Blaze’s Matt Walsh") == "Matt Walsh"
    assert tidy_name("Ryan’s campaign") == "Ryan’s campaign"
    assert tidy_name("California Governor's Office") == "California Governor's Office"
    assert tidy_name("Trump’s") == "Trump"


def test_an_appositive_role_ends_with_its_sentence():
    from pipeline.text.speaker_name import person_mentions

    assert person_mentions("said Ryan Ellis, a Republican tax consultant. “Any time you cut taxes, it helps,” he said.") == [
        ("Ryan Ellis", "a Republican tax consultant")
    ]
    assert person_mentions("said Joe Scarborough, host of MSNBC’s “Morning Joe,” on Monday.") == [("Joe Scarborough", None)]


def test_a_description_is_not_its_own_role():
    from pipeline.text.speaker_name import Context

    context = Context(people=["The crowd"])
    assert context.resolve("the crowd") == ("The crowd", None)
