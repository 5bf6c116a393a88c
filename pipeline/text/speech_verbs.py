"""Reporting verbs: the words news prose uses to say that someone is quoted."""
from __future__ import annotations

import re

SPEECH_VERBS = (
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
# Lower case: "the United States" holds no verb. A capital only opens a clause ("According to", "Said Lee,").
VERB = re.compile(rf"(?<![\w-])(?:{SPEECH_VERBS}|{'|'.join(v[:1].upper() + v[1:] for v in SPEECH_VERBS.split('|'))})(?![\w-])")
