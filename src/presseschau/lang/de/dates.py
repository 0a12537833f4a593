"""German words and patterns for temporal expressions: weekdays, months, relative days, tense cues."""

from __future__ import annotations

# Capitalised as written; a part of the day may be joined ("Mittwochabend") or follow ("Montag früh").
WEEKDAYS = {"Montag": 0, "Dienstag": 1, "Mittwoch": 2, "Donnerstag": 3, "Freitag": 4, "Samstag": 5, "Sonnabend": 5, "Sonntag": 6}
DAYPARTS_JOINED = ("morgen", "vormittag", "mittag", "nachmittag", "abend", "nacht", "früh")
DAYPARTS = ("Morgen", "Vormittag", "Mittag", "Nachmittag", "Abend", "Nacht", "früh")

# Month names; abbreviations only with their dot ("13. Sept.").
MONTHS = {"Januar": 1, "Jänner": 1, "Jan.": 1, "Februar": 2, "Feb.": 2, "März": 3, "Mär.": 3, "April": 4, "Apr.": 4, "Mai": 5, "Juni": 6, "Jun.": 6, "Juli": 7, "Jul.": 7, "August": 8, "Aug.": 8, "September": 9, "Sept.": 9, "Sep.": 9, "Oktober": 10, "Okt.": 10, "November": 11, "Nov.": 11, "Dezember": 12, "Dez.": 12}

# Days relative to the publication date, matched with either case of the first letter.
RELATIVE_DAYS = {"vorgestern": -2, "gestern": -1, "heute": 0, "morgen": 1, "übermorgen": 2}
# The word that is "tomorrow" only in lower case and not after these ("heute morgen", "am Morgen").
TOMORROW = "morgen"
NOT_TOMORROW_AFTER = frozenset({"heute", "gestern", "vorgestern", "am", "jeden", "eines", "den", "dem", "des", "guten", "frühen", "späten", "diesen", "diesem"})

# "vergangene Woche", "am kommenden Freitag", "im letzten Jahr": stem -> weeks/months/years from publication.
MODIFIERS = {"vergangen": -1, "letzt": -1, "vorig": -1, "dies": 0, "nächst": 1, "kommend": 1}
MODIFIER_ENDING = r"(?:e|en|er|es|em)?"
UNITS = {"Woche": "week", "Wochenende": "weekend", "Wochenendes": "weekend", "Monat": "month", "Monats": "month", "Jahr": "year", "Jahres": "year", "Jahrs": "year"}

# "vor zwei Tagen": {number} and {unit} are filled from NUMBERS (or digits) and AGO_UNITS.
AGO = r"vor\s+(?P<n>{number})\s+(?P<unit>{unit})"
AGO_UNITS = {"Tag": "day", "Tagen": "day", "Woche": "week", "Wochen": "week", "Monat": "month", "Monaten": "month", "Jahr": "year", "Jahren": "year"}
NUMBERS = {"einem": 1, "einer": 1, "zwei": 2, "drei": 3, "vier": 4, "fünf": 5, "sechs": 6, "sieben": 7, "acht": 8, "neun": 9, "zehn": 10, "elf": 11, "zwölf": 12}

# Dates; {month} is filled from MONTHS. Numeric dates are day first; a two-digit year is 20xx.
DAY_MONTH = (r"(?P<day>\d{1,2})\.\s*(?P<month>{month})(?:\s+(?P<year>\d{4}))?",)
NUMERIC_DATES = (r"(?P<day>\d{1,2})\.(?P<month>\d{1,2})\.(?P<year>\d{4}|\d{2}(?!\d))?",)
MONTH_YEAR = r"(?P<month>{month})\s+(?P<year>\d{4})"
# "im Jahr 2017"
YEAR_WORDS = r"Jahre?\s+"

# Words before an expression that belong to it ("am Mittwoch", "seit dem vergangenen Jahr", "bis zum 3. Mai").
PREFIX = r"(?:(?:bis\s+zum|seit\s+dem|seit\s+der|in\s+der|im\s+Laufe\s+des|am|an|im|in|seit|ab|bis|vom|zum)\s+)"
# A month without a year or a bare year needs one of these right before it ("im August", "seit 2019").
MONTH_TRIGGERS = frozenset({"im", "in", "seit", "ab", "bis", "vom", "zum", "anfang", "mitte", "ende", "jahr", "jahre"})
# A day-and-month date without year needs one of these (or a weekday) before it: "11.09 Prozent" is no date.
NUMERIC_TRIGGERS = frozenset({"am", "vom", "bis", "zum", "ab", "seit", "den", "(", ","})
# Thirds of a month or year ("Anfang 2020" = January to April).
PARTS = {"Anfang": 0, "Mitte": 1, "Ende": 2}
# A bare year counts unless a quantity word precedes it ("rund 2000") or a capitalised noun follows ("2000 Soldaten").
QUANTITY_WORDS = frozenset({"rund", "etwa", "ca.", "über", "knapp", "fast", "mehr", "weniger", "zu", "insgesamt", "nur", "mindestens", "höchstens", "als"})
BARE_YEAR_NEXT = r"(?=\s+[a-zäöüß]|\s*[,.;:)]|\s*$)"

# An expression opening with these names a boundary ("seit 2019"), not the day something happened.
NOT_EVENT = frozenset({"seit", "bis"})

# Words of a clause that point to the future ("wird am Freitag", "soll im Oktober stattfinden").
FUTURE_WORDS = frozenset({"wird", "werden", "werde", "wirst", "soll", "sollen", "solle", "will", "wollen", "wolle", "plant", "planen", "geplant", "stattfinden", "findet", "bevorstehend", "bevorstehenden", "voraussichtlich", "künftig", "erwartet"})
# ... unless the clause is a perfect infinitive ("soll gefahren sein", "wird getroffen haben").
PERFECT_WORDS = frozenset({"sein", "haben", "worden", "gewesen"})

# How the timeline shows a weekday resolved on a date other than the publication date.
ANCHOR_NOTE = "{expression} (bezogen auf {anchor})"
# ... on another article's date (see brief/timeline.py), and how that date is written.
STORY_ANCHOR_NOTE = "{expression} (bezogen auf {anchor} laut {outlet})"
DATE_FORMAT = "%d.%m.%Y"

# A boundary word right before a date in a present-tense clause points forward ("bleibt bis Freitag gesperrt").
FORWARD_BOUNDARY_WORDS = frozenset({"bis"})
