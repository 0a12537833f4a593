"""English number words, number formats, qualifiers and units, for finding figures ("about 650 kilometres")."""

from __future__ import annotations

# Digits as English writes them: "3,200" (thousands comma), "1.5" (decimal point); one match per token.
NUMBER_PATTERN = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
THOUSANDS_SEPARATOR = ","
DECIMAL_SEPARATOR = "."
ORDINAL_DOT = False

NUMBER_PARTS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40,
    "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
}
HUNDRED = ("hundred",)
THOUSAND = ("thousand",)
PART_JOINERS: tuple[str, ...] = ()
# "twenty-two" comes as three tokens; "two hundred fifty" as three words.
WORD_JOINERS = ("-",)
MULTIWORD_NUMBERS = True
# "one of the firefighters": "one" is a figure only with a unit or multiplier.
AMBIGUOUS_ALONE = frozenset(["one"])
NOT_NUMBER_POS: tuple[str, ...] = ()

MULTIPLIERS = {
    "hundred": 100, "thousand": 1_000, "million": 1e6, "millions": 1e6, "billion": 1e9, "bn": 1e9,
    "trillion": 1e12, "dozen": 12,
}
CURRENCY_MULTIPLIERS = {"m": 1e6, "bn": 1e9, "k": 1e3, "mn": 1e6}
ONE_ARTICLES = frozenset(["a", "one"])
FRACTIONS = {"half": 50.0, "third": 100 / 3, "thirds": 100 / 3, "quarter": 25.0, "quarters": 25.0}
# "half an hour" is no share: English fractions count only after a number ("two thirds", "a quarter").
FRACTIONS_ALONE: frozenset[str] = frozenset()
PERCENT_UNIT = "percent"

QUALIFIERS = {
    "about": "about", "around": "about", "roughly": "about", "approximately": "about", "some": "about",
    "an estimated": "about", "circa": "about", "ca.": "about",
    "nearly": "under", "almost": "under", "just under": "under", "close to": "under",
    "just over": "over",
    "more than": "min", "over": "min", "at least": "min", "upwards of": "min",
    "less than": "max", "fewer than": "max", "under": "max", "up to": "max", "at most": "max",
}
VAGUE = frozenset(["several", "few", "many", "hundreds", "thousands", "dozens", "millions", "tens"])
REFERENCES = frozenset([
    "page", "p.", "pp.", "no.", "number", "article", "section", "chapter", "volume", "issue", "table",
    "figure", "flight", "route", "room", "platform", "line", "model", "type", "version", "tel.", "phone",
    "fax", "gate", "highway", "interstate", "level", "grade", "class", "episode", "season",
])
TIME_CUES = frozenset(["half", "quarter"])
TIME_UNITS = frozenset(["pm", "am", "p.m.", "a.m.", "o'clock", "gmt", "utc", "cet", "est", "edt", "pst", "bst"])
YEAR_CUES = frozenset([
    "year", "years", "since", "in", "until", "till", "by", "from", "early", "late", "mid", "spring", "summer",
    "autumn", "fall", "winter", "before", "after", "between", "season",
])
YEAR_RANGE = (1000, 2199)
MONTHS = frozenset([
    "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
    "november", "december", "jan.", "feb.", "mar.", "apr.", "jun.", "jul.", "aug.", "sep.", "sept.", "oct.",
    "nov.", "dec.",
])

UNIT_ALIASES = {
    "€": "Euro", "eur": "Euro", "euro": "Euro", "euros": "Euro", "$": "Dollar", "usd": "Dollar",
    "dollar": "Dollar", "dollars": "Dollar", "£": "Pound", "%": "percent", "per cent": "percent",
    "percent": "percent", "km": "kilometre", "kilometer": "kilometre", "kilometers": "kilometre",
    "kilometres": "kilometre", "mi": "mile", "miles": "mile", "m": "metre", "kg": "kilogram",
    "t": "tonne", "tons": "ton", "mph": "mph", "km/h": "kph",
}
CURRENCY_BEFORE = {"$": "Dollar", "€": "Euro", "£": "Pound", "us$": "Dollar"}
MEASURES = frozenset([
    "kilometre", "metre", "mile", "centimetre", "millimetre", "kilogram", "gram", "tonne", "ton", "litre",
    "hectare", "acre", "degree", "megawatt", "percent", "euro", "dollar", "pound", "yuan", "yen", "cent",
    "second", "minute", "hour", "day", "week", "month", "year", "decade", "century", "time", "mph", "kph",
    "foot", "feet", "inch",
])
# English tokens carry no tags: the counted noun is found by shape (see nlp/figures.py).
NOUN_POS: tuple[str, ...] = ()
ADJECTIVE_POS: tuple[str, ...] = ()
COORDINATORS = frozenset(["and", "or"])
RANGE_JOINERS = frozenset(["and", "or", "to", "-", "–"])
# Nouns that do not look plural but count people ("three dead", "200 people", "five police").
HEAD_NOUNS = frozenset([
    "people", "dead", "injured", "wounded", "children", "men", "women", "police", "staff", "crew", "personnel",
    "troops", "cattle", "sheep", "fish", "aircraft",
])
# Context words too common in reports to show that two figures are about the same thing ("according to").
CONTEXT_STOPWORDS = frozenset([
    "say", "said", "according", "report", "reported", "tell", "told", "official", "total", "each", "least",
    "first", "last", "new",
])
