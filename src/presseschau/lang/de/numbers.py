"""German number words, number formats, qualifiers and units, for finding figures ("rund 650 Kilometer")."""

from __future__ import annotations

# Digits as German writes them: "3.200" (thousands dot), "1,5" (decimal comma); one match per token.
NUMBER_PATTERN = r"\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?"
THOUSANDS_SEPARATOR = "."
DECIMAL_SEPARATOR = ","
# "11." before a noun or month is an ordinal or a date ("der 70. Jahrestag", "am 13. September").
ORDINAL_DOT = True

# Parts that number words are built from ("zwei|und|zwanzig", "drei|hundert|fünfzig", "vier|einhalb").
NUMBER_PARTS = {
    "null": 0, "ein": 1, "eins": 1, "eine": 1, "zwei": 2, "zwo": 2, "drei": 3, "vier": 4, "fünf": 5,
    "sechs": 6, "sieben": 7, "acht": 8, "neun": 9, "zehn": 10, "elf": 11, "zwölf": 12, "dreizehn": 13,
    "vierzehn": 14, "fünfzehn": 15, "sechzehn": 16, "siebzehn": 17, "achtzehn": 18, "neunzehn": 19,
    "zwanzig": 20, "dreißig": 30, "dreissig": 30, "vierzig": 40, "fünfzig": 50, "sechzig": 60, "siebzig": 70,
    "achtzig": 80, "neunzig": 90, "einhalb": 0.5, "anderthalb": 1.5,
    # Inflected forms ("der Start zweier Raketen").
    "zweier": 2, "dreier": 3, "einer": 1,
}
HUNDRED = ("hundert",)
THOUSAND = ("tausend",)
# Glue between parts inside one word ("zweiundzwanzig") or between words ("twenty-two" in English).
PART_JOINERS = ("und",)
WORD_JOINERS: tuple[str, ...] = ()
# German writes a number as one word; English spreads it over several ("two hundred fifty").
MULTIWORD_NUMBERS = False
# Number words that alone are too often something else: "ein Feuer", "einer der Helfer".
AMBIGUOUS_ALONE = frozenset(["ein", "eine", "einer", "eins"])
# Tags a number word must not carry: "Acht geben", "die Elf" (the team).
NOT_NUMBER_POS = ("NN",)

# Words after a number that multiply it ("zwei Millionen", "1,5 Mio.", "zwei Dutzend").
MULTIPLIERS = {
    "hundert": 100, "tausend": 1_000, "tsd.": 1_000, "tsd": 1_000, "million": 1e6, "millionen": 1e6,
    "mio.": 1e6, "mio": 1e6, "milliarde": 1e9, "milliarden": 1e9, "mrd.": 1e9, "mrd": 1e9,
    "billion": 1e12, "billionen": 1e12, "dutzend": 12,
}
# Multipliers only valid right after a currency amount ("$1.5m"); none in German.
CURRENCY_MULTIPLIERS: dict[str, float] = {}
# Articles that stand for "one" before a multiplier ("eine Million Euro", "ein Dutzend Fahrzeuge").
ONE_ARTICLES = frozenset(["ein", "eine", "einer", "einem", "einen", "eines"])
# Fractions become a share in percent ("die Hälfte" 50, "zwei Drittel" 66.7); "Viertel" alone is a district.
FRACTIONS = {"hälfte": 50.0, "drittel": 100 / 3, "viertel": 25.0}
FRACTIONS_ALONE = frozenset(["hälfte"])
PERCENT_UNIT = "Prozent"

# Words just before a number that say how exact it is, with what they mean for comparing outlets:
# "about" ±, "under" just below, "over" just above, "min" a lower bound, "max" an upper bound.
QUALIFIERS = {
    "rund": "about", "etwa": "about", "ca.": "about", "circa": "about", "zirka": "about", "ungefähr": "about",
    "gegen": "about", "schätzungsweise": "about",
    "knapp": "under", "fast": "under", "beinahe": "under", "nahezu": "under", "annähernd": "under",
    "gut": "over", "knapp über": "over",
    "mehr als": "min", "über": "min", "mindestens": "min", "wenigstens": "min", "weit über": "min",
    "weniger als": "max", "unter": "max", "bis zu": "max", "höchstens": "max", "maximal": "max",
    "knapp unter": "max",
}
# Before a number, these make it vague ("mehrere hundert", "einige tausend"): no figure.
VAGUE = frozenset(["mehrere", "einige", "wenige", "viele", "paar", "etliche", "zig", "hunderte", "tausende"])
# Before a number, these make it a reference, not a quantity ("Seite 12", "Nr. 5", "Flug 370").
REFERENCES = frozenset([
    "seite", "s.", "nr.", "nr", "nummer", "artikel", "art.", "paragraf", "paragraph", "§", "absatz", "abs.",
    "kapitel", "band", "heft", "ausgabe", "folge", "jahrgang", "tabelle", "abbildung", "gleis", "linie",
    "flug", "zimmer", "raum", "haus", "typ", "modell", "version", "tel.", "telefon", "fax", "platz", "rang",
    "postfach", "plz", "kw", "tor", "halle", "bundesstraße", "autobahn", "gruppe", "klasse", "stufe",
])
# Before a number, these make it a clock time ("um halb acht", "Viertel nach sechs").
TIME_CUES = frozenset(["halb", "viertel", "punkt"])
# After a number, these make it a clock time ("19.30 Uhr", "gegen sechs Uhr"): times are not figures.
TIME_UNITS = frozenset(["uhr", "h", "mez", "mesz", "ortszeit"])
# A four-digit number after these is a year ("im Jahr 2017", "seit 2011", "Anfang 2020").
YEAR_CUES = frozenset([
    "jahr", "jahre", "jahres", "jahren", "seit", "bis", "ab", "anfang", "ende", "mitte", "frühjahr", "sommer",
    "herbst", "winter", "jahreswechsel", "von", "vor", "nach", "saison", "zwischen",
])
YEAR_RANGE = (1000, 2199)
MONTHS = frozenset([
    "januar", "jänner", "februar", "märz", "april", "mai", "juni", "juli", "august", "september", "oktober",
    "november", "dezember", "jan.", "feb.", "febr.", "mär.", "apr.", "jun.", "jul.", "aug.", "sep.", "sept.",
    "okt.", "nov.", "dez.",
])

# Symbols and abbreviations -> the unit's name.
UNIT_ALIASES = {
    "€": "Euro", "eur": "Euro", "euro": "Euro", "$": "Dollar", "us-dollar": "Dollar", "usd": "Dollar",
    "£": "Pfund", "%": "Prozent", "prozent": "Prozent", "km": "Kilometer", "m": "Meter", "cm": "Zentimeter",
    "mm": "Millimeter", "kg": "Kilogramm", "t": "Tonne", "g": "Gramm", "l": "Liter", "ha": "Hektar",
    "km²": "Quadratkilometer", "qkm": "Quadratkilometer", "km/h": "Stundenkilometer", "°c": "Grad",
    "grad": "Grad", "mw": "Megawatt", "gw": "Gigawatt", "kw": "Kilowatt",
}
# Currency signs written before the amount ("$1.5 million", "€ 300").
CURRENCY_BEFORE = {"$": "Dollar", "€": "Euro", "£": "Pfund", "us$": "Dollar"}
# Units of measure, money and time (lemmas): generic, so grouping them across outlets needs more shared
# context than a counted noun ("Einsatzkräfte") does, and compound parts never join them.
MEASURES = frozenset([
    "kilometer", "meter", "zentimeter", "millimeter", "quadratkilometer", "quadratmeter", "stundenkilometer",
    "kilogramm", "gramm", "tonne", "liter", "hektar", "grad", "megawatt", "gigawatt", "kilowatt", "prozent",
    "prozentpunkt", "euro", "dollar", "pfund", "franken", "rubel", "yuan", "won", "yen", "cent",
    "sekunde", "minute", "stunde", "tag", "woche", "monat", "jahr", "jahrzehnt", "jahrhundert", "meile",
    "seemeile", "mal",
])
# Tags of the counted noun or unit after a number, and of the adjectives that may stand between them.
NOUN_POS = ("NN", "NNA")
ADJECTIVE_POS = ("ADJ(A)", "ADJA")
# Nouns a counted noun may be coordinated with ("120 Feuerwehrleute und Rettungskräfte").
COORDINATORS = frozenset(["und", "sowie", "oder", "bzw.", "beziehungsweise"])
# Between two numbers: the first shares the second's unit ("122 und 151 Millimeter", "zwei bis drei Tote").
RANGE_JOINERS = frozenset(["und", "oder", "bis", "-", "–", "bzw."])
# Words that, when an untagged language gives no parts of speech, may head the counted noun anyway.
HEAD_NOUNS: frozenset[str] = frozenset()
# Context words too common in reports to show that two figures are about the same thing ("nach Angaben").
CONTEXT_STOPWORDS = frozenset([
    "angabe", "sagen", "mitteilen", "teilen", "berichten", "zufolge", "laut", "erklären", "heißen", "melden",
    "insgesamt", "jeweils", "bisherig", "erst", "letzt", "neu", "groß",
])
