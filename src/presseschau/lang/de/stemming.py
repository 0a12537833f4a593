"""German inflection suffixes for the light stemmer of ROUGE's unicode mode (umlauts and ß are never folded)."""

from __future__ import annotations

# Endings of declension and plural, tried longest first; the first that leaves a long enough stem is cut,
# once. "Häusern" -> "häus", "Kindes" -> "kind", "Kugeln" -> "kugel", "Unternehmens" -> "unternehm".
INFLECTION_SUFFIXES = ("ern", "ens", "em", "en", "er", "es", "e", "s", "n")

# 3: a shorter stem would merge function words ("des", "den", "dem" -> "d") and short nouns.
MIN_STEM_LENGTH = 3

# A bare -s or -n is an ending only after these letters (Snowball's German s-ending, plus a, o, y for the
# plurals of loan words: "Kameras", "Autos", "Handys"), so "Haus", "Preis", "Bus", "Mann", "Plan" stay whole.
LETTERS_BEFORE_ENDING = {"s": frozenset("bdfghklmnrtaoy"), "n": frozenset("lr")}
