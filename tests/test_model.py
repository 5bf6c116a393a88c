"""Every stage's output round-trips through JSON, so any prefix of the pipeline can be saved and resumed."""
import json

from conftest import SEED

from pipeline import Document, Page, Script, Speech, Track, assemble, clean, load, script, segment, speak


def roundtrip(obj):
    return type(obj).from_dict(json.loads(json.dumps(obj.to_dict())))


def test_stage_outputs_roundtrip(engine):
    page = load(SEED)
    document = clean(page)
    article = segment(document)
    spoken = script(article)
    short = Script(spoken.chapters[:1])
    speech = speak(short, engine)
    track = assemble(speech)
    for obj, cls in ((page, Page), (document, Document), (spoken, Script), (speech, Speech), (track, Track)):
        again = roundtrip(obj)
        assert isinstance(again, cls) and again == obj
    assert roundtrip(article) == article
