"""German tag sets and function words used by analysis and summarisation (STTS tags as HanTa writes them)."""

from __future__ import annotations

SOMAJO_MODEL = "de_CMC"

# STTS tags whose words carry content: nouns, names, adjectives, full verbs, numbers, truncated compounds.
CONTENT_POS_PREFIXES = ("NN", "NE", "ADJ", "VV", "CARD", "TRUNC", "FM")
FINITE_VERB_POS = ("VVFIN", "VAFIN", "VMFIN", "VV(FIN)", "VA(FIN)", "VM(FIN)", "VVIMP", "VAIMP")
NAME_POS = ("NE",)

# Function words, used where no tagger ran (fast path, fallback) and as a guard on tagger errors.
STOPWORDS = frozenset(
    ["aber", "alle", "allem", "allen", "aller", "alles", "als", "also", "am", "an", "ander", "andere", "anderem", "anderen", "anderer", "anderes", "auch", "auf", "aus", "bei", "beide", "beiden", "beim", "bin", "bis", "bisher", "bist", "bzw", "da", "dabei", "dadurch", "dafür", "dagegen", "daher", "damit", "danach", "dann", "daran", "darauf", "darum", "darüber", "das", "dass", "dasselbe", "davon", "dazu", "dein", "deine", "dem", "demnach", "den", "denn", "der", "deren", "des", "deshalb", "dessen", "dich", "die", "dies", "diese", "diesem", "diesen", "dieser", "dieses", "dir", "doch", "dort", "du", "durch", "ebenfalls", "ein", "eine", "einem", "einen", "einer", "eines", "einige", "einigen", "einiger", "einmal", "er", "es", "etwa", "etwas", "euch", "euer", "für", "gegen", "gewesen", "hab", "habe", "haben", "hat", "hatte", "hatten", "hier", "hin", "hinter", "ich", "ihm", "ihn", "ihnen", "ihr", "ihre", "ihrem", "ihren", "ihrer", "ihres", "im", "immer", "in", "indem", "ins", "ist", "ja", "je", "jedoch", "jede", "jedem", "jeden", "jeder", "jedes", "jene", "jenem", "jenen", "jener", "jetzt", "kann", "kein", "keine", "keinem", "keinen", "keiner", "können", "könnte", "man", "manche", "mehr", "mein", "meine", "mit", "muss", "musste", "nach", "nachdem", "nicht", "nichts", "noch", "nun", "nur", "ob", "oder", "ohne", "sehr", "sei", "seien", "sein", "seine", "seinem", "seinen", "seiner", "seines", "seit", "seitdem", "selbst", "sich", "sie", "sind", "so", "soll", "sollen", "sollte", "sondern", "sowie", "sowohl", "über", "um", "und", "uns", "unser", "unsere", "unter", "viel", "vom", "von", "vor", "wann", "war", "waren", "warum", "was", "weil", "welche", "welchem", "welchen", "welcher", "welches", "wenn", "wer", "werde", "werden", "wie", "wieder", "will", "wir", "wird", "wo", "wobei", "wurde", "wurden", "zu", "zum", "zur", "zwar", "zwischen"]
)

# Words that, opening a sentence, point back to an earlier one: such a sentence is a poor summary opener.
DANGLING_OPENERS = frozenset(["er", "sie", "ihr", "ihm", "ihn", "ihnen", "dies", "diese", "dieser", "dieses", "deshalb", "daher", "dabei", "dazu", "damals", "demnach", "außerdem", "zudem", "auch", "beide", "beiden"])
