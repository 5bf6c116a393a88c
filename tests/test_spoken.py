"""Speech-ready text: one table row per normalisation rule."""
import pytest

from pipeline import InputError
from pipeline.text.lexicon import load_lexicon, parse_lexicon
from pipeline.text.spoken import ENGLISH_RULES, NEUTRAL_RULES, apply_lexicon, speech_text

CASES = {
    "brackets": ("[Independence for Kosovo] would lead", "Independence for Kosovo would lead"),
    "url": ("See https://www.bbc.co.uk/news/world for more", "See bbc dot co dot uk for more"),
    "domain": ("from TMZ.com, Express.co.uk and Libération.fr.", "from T M Z dot com, Express dot co dot uk and Libération dot fr."),
    "email": ("Write to jo.bloggs@example.com today", "Write to jo dot bloggs at example dot com today"),
    "handle": ("Follow @bbcnews now", "Follow at bbcnews now"),
    "hashtag": ("Trending: #MeToo", "Trending: hashtag Me Too"),
    "number_hash": ("It was #1 again", "It was number one again"),
    "ampersand": ("Marks & Spencer", "Marks and Spencer"),
    "plus_equals": ("2 + 2 = 4", "two plus two equals four"),
    "slash": ("yes/no and/or, U.S./Mexico", "yes or no and or, U S or Mexico"),
    "unit_rate": ("at 100 km/h, 5m/s and $15/hour", "at one hundred kilometres per hour, five metres per second and fifteen dollars per hour"),
    "dash": ("Russia - an ally - agreed", "Russia, an ally, agreed"),
    "money": ("It cost £1.5bn, $10, €3m, $2.50 and US$5", "It cost one point five billion pounds, ten dollars, three million euros, two dollars and fifty cents and five U S dollars"),
    "number_plus": ("orders of $100+ for those aged 18+", "orders of one hundred dollars plus for those aged eighteen plus"),
    "percent": ("up 3.5% and 45%", "up three point five percent and forty five percent"),
    "zone_offset": ("at 14:05 GMT-5 and UTC+5:30", "at two oh five p m G M T minus five and U T C plus five thirty"),
    "time": ("at 00:27 GMT, 14:00, 9.05am, 09:30, a 4:25 kickoff or 11:00", "at twelve twenty seven a m G M T, two p m, nine oh five a m, nine thirty a m, a four twenty five kickoff or eleven o'clock"),
    "time_ampm": ("at 3pm ET", "at three p m E T"),
    "date_dmy": ("on 15 February 2008", "on the fifteenth of February two thousand eight"),
    "date_mdy": ("on Feb. 15, 2008", "on February fifteenth two thousand eight"),
    "date_numeric": ("on 2/15/08", "on February fifteenth two thousand eight"),
    "unit": ("35C, 60mph, 5km, 10 kg, 128GB and 1TB", "thirty five degrees Celsius, sixty miles per hour, five kilometres, ten kilograms, one hundred twenty eight gigabytes and one terabyte"),
    "inch": ('a 15.6" laptop, a 55″ TV, and "I paid 55" he said', 'a fifteen point six inch laptop, a fifty five inch T V, and "I paid fifty five" he said'),
    "scaled": ("5m people and 300k jobs", "five million people and three hundred thousand jobs"),
    "decade": ("in the 1990s", "in the nineteen nineties"),
    "range": ("in 2010-12, aged 10-15", "in twenty ten to twenty twelve, aged ten to fifteen"),
    "ordinal": ("the 21st time", "the twenty first time"),
    "year": ("in 1999 and 2008", "in nineteen ninety nine and two thousand eight"),
    "number": ("1,800 staff and 3.25 points", "one thousand eight hundred staff and three point two five points"),
    "title": ("Mr Smith met Dr Jones, Gen. Lee and the Rt. Hon. Jo Bloggs", "Mister Smith met Doctor Jones, General Lee and the Right Honourable Jo Bloggs"),
    "honourable": ("the Rt Hon Jo Bloggs, Hon. Funke Adedoyin and Hon Hai", "the Right Honourable Jo Bloggs, Honourable Funke Adedoyin and Hon Hai"),
    "saint_street": ("St Paul's on Baker St.", "Saint Paul's on Baker Street."),
    "number_sign": ("No. 10 said", "Number ten said"),
    "initialism_dotted": ("the U.S. and the U.K.", "the U S and the U K"),
    "initialism": ("the UN, EU, BBC and MPs told us; Nato and NASA", "the U N, E U, B B C and M P's told us; Nato and NASA"),
    "latin": ("apples, e.g. Cox, etc. vs pears", "apples, for example Cox, et cetera versus pears"),
}


def test_every_rule_has_a_case():
    names = {rule.name for rule in ENGLISH_RULES + NEUTRAL_RULES}
    assert names == set(CASES), "add a row for each new rule"


@pytest.mark.parametrize("rule", sorted(CASES))
def test_rule(rule):
    written, spoken = CASES[rule]
    assert speech_text(written) == spoken


def test_us_the_word_is_not_an_initialism():
    assert speech_text("Give it to us, said the US") == "Give it to us, said the U S"


def test_all_capital_lines_are_not_spelt_out():
    assert speech_text("WORLD WAR II ENDS") == "WORLD WAR II ENDS"


def test_other_languages_keep_their_numbers_for_espeak():
    assert speech_text("Em 1999 custou 5% [mais]", language="pt") == "Em 1999 custou 5% mais"


def test_lexicon_whole_words_and_case():
    lexicon = {"Jeremic": "Yeremitch", "leicester": "Lester"}
    assert apply_lexicon("Jeremic and Jeremics; jeremic", lexicon) == "Yeremitch and Jeremics; jeremic"
    assert apply_lexicon("LEICESTER and Leicester", lexicon) == "Lester and Lester"


def test_user_lexicon_adds_and_overrides(tmp_path):
    path = tmp_path / "mine.csv"
    path.write_text("# mine\nwritten,spoken\nPutin,Poo tin\nKowalczyk,Koval chick\n", encoding="utf-8")
    lexicon = load_lexicon(path)
    assert lexicon["Putin"] == "Poo tin" and lexicon["Kowalczyk"] == "Koval chick"
    assert lexicon["Kyiv"] == "Keev"  # the built-in entries stay


@pytest.mark.parametrize(
    "text, message",
    [("spoken,written\nA,B\n", "header"), ("written,spoken\nA\n", "entry 2"), ("written,spoken\n,B\n", "entry 2")],
)
def test_bad_lexicon_is_a_clear_error(text, message):
    with pytest.raises(InputError, match=message):
        parse_lexicon(text, "mine.csv")


def test_missing_lexicon_file(tmp_path):
    with pytest.raises(InputError, match="cannot read the lexicon"):
        load_lexicon(tmp_path / "nope.csv")


def test_an_amount_before_a_noun_is_said_as_one_unit():
    assert speech_text("a $3 billion buyout and an $8m deal") == "a three billion dollar buyout and an eight million dollar deal"
    assert speech_text("ran 5km in a 20 oz shoe on a 5km course") == "ran five kilometres in a twenty ounce shoe on a five kilometre course"
    assert speech_text("fined $250,000, and a $250,000 fine") == "fined two hundred fifty thousand dollars, and a two hundred fifty thousand dollar fine"


def test_only_english_months_as_english_writes_them_make_a_date():
    # "out", "set", "gen" and "mag" are month abbreviations in other languages; "may" is a verb.
    assert speech_text("They won 2 out of 3 sets, 4 set points, the 2nd Gen model") == (
        "They won two out of three sets, four set points, the second Gen model")
    assert speech_text("5 may help, on 3 MAY 2019 and Sept. 3") == "five may help, on the third of May twenty nineteen and September third"


def test_a_number_has_no_and_inside_so_it_is_heard_as_one_amount():
    # "three hundred and twenty nine dollars" was heard as "$300 and $29"; the "and" between amounts stays.
    assert speech_text("$329 and 250 judges in 2008") == "three hundred twenty nine dollars and two hundred fifty judges in two thousand eight"
    assert speech_text("$2.50") == "two dollars and fifty cents"
