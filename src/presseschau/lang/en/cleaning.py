"""English words and patterns that mark boilerplate in articles: headers, bylines, credits, teasers, dates."""

from __future__ import annotations

# Keys of metadata lines at the top of a text ("date: 2023-09-14", "outlet: Reuters"), lower case.
HEADER_DATE_KEYS = ("date", "published", "posted", "updated")
HEADER_OUTLET_KEYS = ("outlet", "source", "publication", "publisher")
HEADER_URL_KEYS = ("url",)

# Regular expressions (matched case-insensitively) that mark copyright and licence notices.
COPYRIGHT_PATTERNS = (
    r"all rights reserved",
    r"click for restrictions",
    r"may not be (?:re)?published",
    r"reproduction (?:is )?prohibited",
)

# Words that open a byline ("By John Doe", "Reporting by ..."), lower case.
BYLINE_INTROS = ("by", "written by", "reporting by", "reported by", "analysis by", "words by")
# Words joining the names of several authors.
NAME_JOINERS = ("and", "with")
# Lower-case parts of names.
NAME_PARTICLES = ("van", "von", "de", "der", "da", "di", "del", "la", "le", "bin", "al")
# Capitalised words that follow "By" in ordinary sentences and are never a first name.
NOT_NAMES = (
    "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
    "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
    "November", "December", "The", "Then", "Now", "Next", "Late", "Early", "Contrast",
)

# Labels of photo credits ("Photo: Reuters"), lower case.
PHOTO_LABELS = ("photo", "photos", "image", "images", "picture", "credit", "photograph")

# Openings of teaser lines that point to other articles, lower case.
READ_ALSO = ("read more", "read also", "also read", "related:", "see also", "you may also like",
             "recommended:", "more on this")

# Labels of source lines at the end ("Source: AP"), lower case.
SOURCE_LABELS = ("source", "sources", "with material from", "additional reporting by")
# Source names that are not an outlet.
GENERIC_SOURCES = ("agencies", "wires", "news agencies", "staff", "newsroom")

# Block-capital words that open a paragraph with a colon but are not a place.
NOT_PLACES = ("BREAKING", "UPDATE", "UPDATED", "EXCLUSIVE", "ANALYSIS", "OPINION", "WATCH", "LIVE", "FACTBOX")

# Month names for dates written out ("September 14, 2023"), lower case, with common abbreviations.
MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9,
    "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}
# How English texts write dates, as regular expressions matched against a whole value (case ignored).
# Groups: day, month (number) or month_name (a key of MONTHS), year, and optionally hour and minute.
DATE_PATTERNS = (
    # September 14, 2023 / Sept. 14th 2023
    r"(?P<month_name>[^\W\d]+)\.?\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<year>\d{4})",
    # 14 September 2023 / 14th Sep, 2023
    r"(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+(?P<month_name>[^\W\d]+)\.?,?\s+(?P<year>\d{4})",
)

# Spellings used where special letters are unavailable (none needed for English).
TRANSLITERATION: dict[str, str] = {}
