"""Languages: detected from the page, spoken in a matching voice, named in the Headline chapter."""
import pytest
from conftest import FIXTURES

from pipeline import Voice, clean, load, script, segment, speak
from pipeline.text.language import detect_language
from pipeline.tts import voice_for_language


@pytest.mark.parametrize(
    "text, language",
    [
        ("The council said that the harbour wall will be rebuilt in the spring.", "en"),
        ("A prefeitura disse que o mercado vai reabrir para os comerciantes da cidade.", "pt"),
        ("El gobierno anunció que las obras de la carretera comenzarán en mayo.", "es"),
        ("Die Regierung hat angekündigt, dass die Arbeiten im Mai beginnen werden.", "de"),
        ("Pemerintah mengatakan bahwa pembangunan jalan yang baru akan dimulai pada bulan Mei.", "id"),
        ("정부는 다음 달부터 도로 공사를 시작한다고 밝혔다.", "ko"),
        ("政府は来月から道路工事を始めると発表した。", "ja"),
        ("Правительство объявило, что работы начнутся в мае.", "ru"),
    ],
)
def test_detect_language(text, language):
    assert detect_language(text) == language


VOICES = [
    Voice("gmw/en", "English (Great Britain)", ("en-gb",)),
    Voice("gmw/en-us", "English (America)", ("en-us",)),
    Voice("roa/fr-be", "French (Belgium)", ("fr-be",)),
    Voice("roa/fr", "French (France)", ("fr-fr",)),
    Voice("roa/pt", "Portuguese (Portugal)", ("pt",)),
    Voice("roa/pt-br", "Portuguese (Brazil)", ("pt-br",)),
    Voice("sit/cmn", "Chinese (Mandarin)", ("cmn",)),
    Voice("ko", "Korean", ("ko",)),
]


@pytest.mark.parametrize(
    "language, voice",
    [("en", "gmw/en"), ("en-US", "gmw/en-us"), ("fr", "roa/fr"), ("pt", "roa/pt"), ("pt-BR", "roa/pt-br"),
     ("zh", "sit/cmn"), ("ko", "ko"), ("xx", None)],
)
def test_voice_for_language(language, voice):
    found = voice_for_language(VOICES, language)
    assert (found.id if found else None) == voice


def test_portuguese_page_is_read_in_portuguese(engine):
    article = segment(clean(load(FIXTURES / "mercado.txt")))
    assert article.language == "pt"
    assert article.headline == "Mercado municipal reabre depois de obras"
    assert article.published == "2020-03-12"
    headline = [u.text for u in script(article).chapters[0].utterances]
    assert "Português" in headline and "the twelfth of March twenty twenty" in headline[0]
    used = []
    original = engine._engine.setProperty
    engine._engine.setProperty = lambda name, value: (used.append(value) if name == "voice" else None, original(name, value))
    try:
        engine.use("ko", "narrator")  # start from a voice neither article uses
        speak(script(article), engine)
        assert {"roa/pt", "gmw/en"} <= set(used)  # the article in Portuguese, the disclosure in English
        used.clear()
        engine.use("ko", "narrator")
        speak(script(segment(clean(load(FIXTURES / "orchard.txt")))), engine)
        assert set(used) - {"ko"} <= {"gmw/en", "gmw/en+m3"} and "gmw/en" in used
    finally:
        engine._engine.setProperty = original
