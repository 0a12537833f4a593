"""German words and patterns that mark boilerplate in articles: headers, bylines, credits, teasers, dates."""

from __future__ import annotations

# Keys of metadata lines at the top of a text ("Datum: 14.09.2023", "Quelle: dpa"), lower case.
HEADER_DATE_KEYS = ("datum", "veröffentlicht am", "veröffentlicht", "erschienen am", "erschienen", "stand")
HEADER_OUTLET_KEYS = ("quelle", "medium", "zeitung", "verlag")
HEADER_URL_KEYS = ("link", "adresse")

# Regular expressions (matched case-insensitively) that mark copyright and licence notices.
COPYRIGHT_PATTERNS = (
    r"alle rechte vorbehalten",
    r"dpa-infocom",
    r"nachdruck (?:nur )?mit (?:freundlicher )?genehmigung",
    r"(?:vervielfältigung|weiterverbreitung|weiterverwendung) nur mit",
    r"urheberrechtlich geschützt",
)

# Words that open a byline ("Von Max Mustermann", "Ein Bericht von ..."), lower case.
BYLINE_INTROS = (
    "von", "ein bericht von", "eine reportage von", "ein kommentar von", "eine analyse von",
    "ein gastbeitrag von", "ein interview von", "text:", "autor:", "autorin:", "autoren:",
)
# Words joining the names of several authors.
NAME_JOINERS = ("und", "sowie", "mit")
# Lower-case parts of names ("Ursula von der Leyen").
NAME_PARTICLES = ("von", "vom", "van", "der", "den", "de", "di", "da", "del", "la", "le", "ten", "ter")
# Capitalised words that follow "Von" in ordinary sentences and are never a first name.
NOT_NAMES = (
    "Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonnabend", "Sonntag",
    "Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober",
    "November", "Dezember", "Anfang", "Beginn", "Ende", "Mitte", "Seiten", "Haus", "Jahr", "Jahren",
    "Zeit", "Woche", "Tag", "Morgen", "Abend", "Heute", "Dort", "Hier",
)

# Labels of photo credits ("Foto: dpa", "Bild: picture alliance / dpa"), lower case.
PHOTO_LABELS = ("foto", "fotos", "bild", "bilder", "fotograf", "fotografin", "grafik", "titelbild")

# Openings of teaser lines that point to other articles, lower case.
READ_ALSO = (
    "lesen sie auch", "lesen sie mehr", "lesen sie hier", "lesen sie dazu", "mehr zum thema",
    "das könnte sie auch interessieren", "das könnte sie interessieren", "auch interessant",
    "mehr dazu", "weiterlesen", "zum weiterlesen", "hier weiterlesen", "empfehlungen der redaktion",
)

# Labels of source lines at the end ("Quelle: Agenturen", "Mit Material von dpa"), lower case.
SOURCE_LABELS = ("quelle", "quellen", "mit material von", "mit material der", "mit material aus")
# Source names that are not an outlet: they say "several agencies" or "the newsroom".
GENERIC_SOURCES = ("agenturen", "agentur", "nachrichtenagenturen", "redaktion", "red", "eigene recherche",
                   "eigener bericht", "dpa/afp", "afp/dpa")

# Block-capital words that open a paragraph with a colon but are not a place ("NATO: Das Bündnis ...").
NOT_PLACES = ("NATO", "USA", "UNO", "EU", "UN", "BRD", "DDR", "CDU", "CSU", "SPD", "FDP", "AFD", "BSW",
              "EILMELDUNG", "ANALYSE", "KOMMENTAR", "INTERVIEW", "UPDATE", "LIVE", "NEU", "EXKLUSIV")

# Month names for dates written out ("14. September 2023"), lower case, with common abbreviations.
MONTHS = {
    "januar": 1, "jänner": 1, "jan": 1, "februar": 2, "feber": 2, "feb": 2, "märz": 3, "mär": 3,
    "april": 4, "apr": 4, "mai": 5, "juni": 6, "jun": 6, "juli": 7, "jul": 7, "august": 8, "aug": 8,
    "september": 9, "sept": 9, "sep": 9, "oktober": 10, "okt": 10, "november": 11, "nov": 11,
    "dezember": 12, "dez": 12,
}
# How German texts write dates, as regular expressions matched against a whole value (case ignored).
# Groups: day, month (number) or month_name (a key of MONTHS), year, and optionally hour and minute.
DATE_PATTERNS = (
    r"(?P<day>\d{1,2})\.\s?(?P<month>\d{1,2})\.\s?(?P<year>\d{4})(?:,?\s*(?P<hour>\d{1,2})[:.](?P<minute>\d{2})"
    r"(?:\s*uhr)?)?",  # 14.09.2023, 14.9.2023, 14.09.2023, 10:32 Uhr
    r"(?P<day>\d{1,2})\.\s*(?P<month_name>[^\W\d]+)\.?\s+(?P<year>\d{4})",  # 14. September 2023
    r"(?P<month_name>[^\W\d]+)\s+(?P<year>\d{4})",  # September 2023
)

# Spellings used where umlauts are unavailable ("waehrend" for "während"): a repeated headline
# in ASCII is still the headline.
TRANSLITERATION = {"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"}
