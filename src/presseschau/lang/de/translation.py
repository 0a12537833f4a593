"""German cues that a text was machine-translated (from English) and how the evidence is worded for the reader."""

from __future__ import annotations

from presseschau.lang.de.cleaning import TRANSLITERATION

__all__ = ["TRANSLITERATION"]

# A dateline in English style, block capitals and a colon ("SEOUL:"): German agencies write "Seoul (dpa) -".
FOREIGN_DATELINE = r"[A-ZÄÖÜ]{2,}(?:[ -][A-ZÄÖÜ]{2,}){0,2}\s*:"
# A trailing tag of the source site's system ("toi-allgemeines"): lower-case words joined by hyphens.
TAG_LINE = r"[a-z0-9äöüß]+(?:[-_][a-z0-9äöüß]+)+"

# English word order carried into German, which puts participles, infinitives and the verb of a
# subordinate clause last. Each cue is a sequence of slots; a token fills a slot when its STTS tag
# (as HanTa writes it, without brackets: "VAFIN") or its lower-cased word is in the slot.
_OBJECT = ("ART", "PPOSAT", "PDAT", "PIAT", "ADJA", "NN", "NE", "CARD")
_FINITE = ("VVFIN", "VAFIN", "VMFIN")
_CLAUSE_GOES_ON = (*_OBJECT, "APPR", "APPRART", "ADV", "PTKNEG", "ADJD", "PPER", "PIS")
WORD_ORDER_CUES = (
    # "haben gemacht einen Job": the participle right after the finite auxiliary, the object after it.
    (("VAFIN",), ("VVPP", "VAPP", "VMPP"), _OBJECT),
    # "um zu bekämpfen die Flammen": the infinitive before its object.
    (("PTKZU",), ("VVINF", "VAINF"), _OBJECT),
    # ", welche betreibt das Lager": the verb second in a relative clause.
    ((",",), ("welche", "welcher", "welches", "welchem", "welchen", "PRELS"), _FINITE, _CLAUSE_GOES_ON),
    # "dass es gibt keine Gefahr": the verb second in a dass-clause.
    (("dass",), ("PPER",), _FINITE, _CLAUSE_GOES_ON),
)
# Matches of WORD_ORDER_CUES an article needs before its word order is a weak cue, and a strong one.
# Measured on the 10kGNAD test set (1,028 human-written DER STANDARD articles): 1,026 have no match, 2 have
# one; the machine-translated examples/hafenbrand/04_weltblick_mt.txt has 8.
WORD_ORDER_MIN = 3
WORD_ORDER_STRONG = 5
# How many examples of English word order the evidence quotes.
WORD_ORDER_EXAMPLES = 2

# The evidence as the reader sees it.
TRANSLITERATED_HEADLINE = "Überschrift in ASCII-Umschrift wiederholt ({ascii} statt {original})"
UNTRANSLATED_TAG = "unübersetzte Schlagwortzeile am Ende ({tag})"
ENGLISH_DATELINE = "Ortsmarke nach englischem Muster ({dateline})"
ENGLISH_WORD_ORDER = "englische Wortstellung an {count} Stellen: {examples}"
EXAMPLE_QUOTES = ("„", "“")
