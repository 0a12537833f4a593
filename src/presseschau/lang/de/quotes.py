"""German words and marks that signal quotes: quote marks, reporting verbs, source phrases, subjunctive forms."""

from __future__ import annotations

# Opening mark -> the marks that close it. Inner quotes of another kind (‚…‘ in „…“) stay inside the outer one.
QUOTE_MARKS = {"„": "“”\"", "»": "«", "«": "»", "‚": "‘", '"': '"', "“": "”"}

# Lemmas of verbs that report speech ("sagte", "erklärt", "mitteilte"), matched on HanTa's lemma.
REPORTING_VERBS = frozenset(["sagen", "erklären", "betonen", "mitteilen", "hinzufügen", "ergänzen", "berichten", "meinen", "versichern", "bekräftigen", "warnen", "fordern", "ankündigen", "bestätigen", "dementieren", "zurückweisen", "behaupten", "äußern", "erzählen", "schreiben", "antworten", "unterstreichen", "versprechen", "geloben", "begründen", "bezeichnen", "nennen", "kritisieren", "mahnen", "zitieren", "verkünden", "vorschlagen", "einräumen", "zugeben", "feststellen", "hervorheben", "argumentieren", "beklagen", "klagen", "appellieren", "melden", "twittern", "zusichern", "beteuern", "bemerken", "anmerken", "entgegnen", "erwidern", "widersprechen", "sprechen", "erinnern", "ausführen", "bekanntgeben", "verlauten", "insistieren", "präzisieren", "beschreiben", "drohen", "hinweisen", "andeuten", "klarstellen", "bilanzieren", "resümieren", "urteilen", "kommentieren"])

# Separable reporting verbs: lemma of the finite part -> particles that complete it ("teilte … mit").
PARTICLE_VERBS = {
    "teilen": ("mit",), "fügen": ("hinzu",), "geben": ("an", "bekannt", "zu"), "kündigen": ("an",),
    "weisen": ("zurück", "hin"), "räumen": ("ein",), "deuten": ("an",), "stellen": ("fest", "klar"),
    "heben": ("hervor",), "schlagen": ("vor",), "sichern": ("zu",), "merken": ("an",), "führen": ("aus",),
    "lassen": ("verlauten",),
}

# "…, so Peskow." and "…, wie der Kreml mitteilte." introduce the speaker after the reported words.
SO_FRAME = frozenset(["so"])
AS_FRAME = frozenset(["wie"])
# "Das sagte Peskow." / "Dies erklärte …" attribute the previous sentence's quote.
BACKREF = frozenset(["das", "dies", "so"])

# Source phrases: "laut X", "gemäß X", "X zufolge", "nach Angaben (von) X".
SOURCE_PREPOSITIONS = frozenset(["laut", "gemäß"])
SOURCE_POSTPOSITIONS = frozenset(["zufolge"])
SOURCE_NACH = frozenset(["nach"])
SOURCE_NOUNS = frozenset(["Angabe", "Angaben", "Information", "Informationen", "Aussage", "Aussagen", "Darstellung", "Wort", "Worten", "Erklärung", "Mitteilung", "Bericht", "Berichten", "Medienbericht", "Medienberichten", "Einschätzung", "Schätzung", "Auskunft", "Sicht", "Ansicht", "Meinung", "Auffassung"])

# Finite forms that mark indirect speech (Konjunktiv I, and the Konjunktiv II used in its place).
# Modal hedges ("könnte", "dürfte", "sollte") are left out: in news they are the writer's own guess.
SUBJUNCTIVE = frozenset(["sei", "seien", "seiest", "habe", "hätte", "hätten", "werde", "würde", "würden", "wäre", "wären", "könne", "müsse", "müssten", "müsste", "solle", "wolle", "dürfe", "möge", "wisse", "gebe", "gäbe", "gäben", "läge", "lägen", "käme", "kämen", "ginge", "gingen", "stünde", "stünden", "bliebe", "blieben", "hieße", "ließe", "sähe", "täte"])
# Singular Konjunktiv II forms are mostly conditionals ("wäre das Wetter besser"): they mark reported speech
# only next to a reporting cue in the same sentence, never as its continuation.
CONDITIONAL = frozenset(["wäre", "wären", "hätte", "würde", "gäbe", "käme", "läge", "ginge", "stünde", "bliebe", "hieße", "ließe", "sähe", "täte"])
# Konjunktiv I of any verb is its stem + "e" ("bestehe", "arbeite"); the same form after "ich" is indicative.
FIRST_PERSON = frozenset(["ich"])

# Conjunctions that open a reported clause; other subordinators ("wenn", "als", "weil") do not.
REPORT_CONJUNCTIONS = frozenset(["dass", "daß", "ob"])
# A subjunctive in "Auf die Frage, ob …" belongs to the question, not to what is reported.
QUESTION_NOUNS = frozenset(["Frage", "Fragen", "Nachfrage"])
# Conjunctions before the subject that leave it in first position ("Doch das Ministerium sagte").
CLAUSE_CONJUNCTIONS = frozenset(["und", "aber", "doch", "denn", "sondern", "oder", "jedoch"])

# Subject pronouns resolved to the last person who spoke; indefinite subjects give no speaker.
PERSON_PRONOUNS = frozenset(["er", "sie"])
INDEFINITE_SPEAKERS = frozenset(["man", "es", "andere", "einige", "viele", "manche", "alle", "beide", "wir", "ich", "das", "dies"])

# Words after which a genitive or "von" phrase attaches to a speaker noun ("ein Sprecher des Ministeriums").
GENITIVE_LINKS = frozenset(["des", "der", "eines", "einer", "von"])
# After these the speaker noun is inflected ("des Militärs"): its lemma is the name shown ("Militär").
INFLECTING_DETS = frozenset(["des", "eines"])

# Nouns naming a time: an NP headed by one ("Letzte Woche berichteten …") is no subject.
TIME_NOUNS = frozenset(["Woche", "Jahr", "Monat", "Tag", "Abend", "Morgen", "Nacht", "Mittag", "Nachmittag", "Vormittag", "Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag", "Wochenende", "Zeit", "Stunde", "Stunden", "Minute", "Minuten"])

# Nouns before a quoted name that make it a title, not a statement ("vom Typ „Angara“").
TITLE_NOUNS = frozenset(["Typ", "Titel", "Motto", "Buch", "Film", "Roman", "Album", "Lied", "Song", "Sendung", "Serie", "Operation", "Projekt", "Programm", "Kampagne", "Initiative", "Slogan", "Schlagzeile", "Stück", "Ausstellung", "Marke", "Modell", "Schiff", "Zeitung", "Magazin", "Name", "Namen", "Aktion", "Kolumne", "Podcast", "Hashtag", "Gesetz", "Plan", "Festival"])

# Endings of role and person nouns: stripped from a speaker's name, and an antecedent for "er"/"sie".
ROLE_SUFFIXES = ("sprecher", "sprecherin", "präsident", "präsidentin", "minister", "ministerin", "meister", "meisterin", "chef", "chefin", "kanzler", "kanzlerin", "machthaber", "führer", "führerin", "berater", "beraterin", "direktor", "direktorin", "leiter", "leiterin", "vorsitzende", "vorsitzender", "sekretär", "sekretärin", "botschafter", "botschafterin", "general", "kommandeur", "staatschef", "premier", "vize", "rentner", "rentnerin", "experte", "experten", "expertin", "analyst", "analysten", "beamte", "beamter", "beamtin", "anwohner", "anwohnerin", "zeuge", "zeugin", "sprecherinnen", "diplomat", "diplomatin", "abgeordnete", "abgeordneter", "politiker", "politikerin", "trainer", "trainerin", "kommissar", "kommissarin", "bürgermeister", "bürgermeisterin", "chefs", "gouverneur", "richter", "richterin", "anwalt", "anwältin", "ermittler", "quelle", "vertreter", "vertreterin", "wart", "wartin", "rat", "rätin", "wirt", "wirtin", "arzt", "ärztin", "leiterin", "anwältin", "chefin", "sprecherinnen", "coach", "kapitän", "kapitänin", "pfarrer", "pfarrerin", "landrat", "landrätin", "senator", "senatorin", "kommandant", "kommandantin")
# First names the tagger does not know are taken as names only between a role and a name, up to this length.
MAX_FIRST_NAME = 8

# STTS tags (as HanTa writes them) -> the word classes the quote rules use; other tags are "other".
# Verbs are classed by FINITE_VERB_POS in nlp.py ("verb") and by their leading "V" ("nonfinite").
TAG_CLASSES = {
    "ART": "det", "PPOSAT": "det", "PIAT": "det", "PDAT": "det", "PWAT": "det", "ADJ(A)": "adj", "ADJA": "adj",
    "CARD": "adj", "PIS": "indef", "PDS": "dem", "PPER": "pron", "APPR": "prep", "APPRART": "prep", "APPO": "prep",
    "APZR": "prep", "KOUS": "sub", "KOUI": "sub", "PWAV": "sub", "PRELS": "sub", "PRELAT": "sub", "PWS": "sub",
    "KON": "conj", "PTKVZ": "part", "PTKZU": "nonfinite", "NN": "noun", "NNA": "noun", "NNI": "noun", "NE": "name",
}
