"""English words and patterns for temporal expressions: weekdays, months, relative days, tense cues."""

from __future__ import annotations

WEEKDAYS = {"Monday": 0, "Tuesday": 1, "Wednesday": 2, "Thursday": 3, "Friday": 4, "Saturday": 5, "Sunday": 6}
DAYPARTS_JOINED: tuple[str, ...] = ()
DAYPARTS = ("morning", "afternoon", "evening", "night")

# "May" and "March" are also words: a month alone counts only after a trigger ("in May").
MONTHS = {"January": 1, "Jan.": 1, "February": 2, "Feb.": 2, "March": 3, "Mar.": 3, "April": 4, "Apr.": 4, "May": 5, "June": 6, "Jun.": 6, "July": 7, "Jul.": 7, "August": 8, "Aug.": 8, "September": 9, "Sept.": 9, "Sep.": 9, "October": 10, "Oct.": 10, "November": 11, "Nov.": 11, "December": 12, "Dec.": 12}

RELATIVE_DAYS = {"the day before yesterday": -2, "yesterday": -1, "last night": -1, "today": 0, "tonight": 0, "this morning": 0, "this afternoon": 0, "this evening": 0, "tomorrow": 1, "the day after tomorrow": 2}
TOMORROW = ""
NOT_TOMORROW_AFTER: frozenset[str] = frozenset()

MODIFIERS = {"last": -1, "past": -1, "this": 0, "next": 1, "coming": 1}
MODIFIER_ENDING = ""
UNITS = {"week": "week", "weekend": "weekend", "month": "month", "year": "year"}

AGO = r"(?P<n>{number})\s+(?P<unit>{unit})\s+ago"
AGO_UNITS = {"day": "day", "days": "day", "week": "week", "weeks": "week", "month": "month", "months": "month", "year": "year", "years": "year"}
NUMBERS = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12}

DAY_MONTH = (
    r"(?P<month>{month})\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?(?:,?\s+(?P<year>\d{4}))?",
    r"(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<month>{month})(?:,?\s+(?P<year>\d{4}))?",
)
# US order; only with a year, so "3/4" (a fraction) is never a date.
NUMERIC_DATES = (r"(?P<month>\d{1,2})/(?P<day>\d{1,2})/(?P<year>\d{4})",)
MONTH_YEAR = r"(?P<month>{month}),?\s+(?P<year>\d{4})"
YEAR_WORDS = r"the\s+year\s+"

PREFIX = r"(?:(?:on|in|since|until|by|from|during|in\s+the|since\s+the)\s+)"
MONTH_TRIGGERS = frozenset({"in", "since", "until", "by", "from", "early", "mid", "mid-", "late", "year"})
NUMERIC_TRIGGERS = frozenset({"on", "since", "until", "by", "from", "(", ","})
PARTS = {"early": 0, "mid-": 1, "mid": 1, "late": 2}
QUANTITY_WORDS = frozenset({"about", "around", "some", "over", "nearly", "almost", "more", "less", "than", "up", "to", "only", "at"})
# English nouns are lower case, so a bare year counts only before punctuation ("..., as in 2019.").
BARE_YEAR_NEXT = r"(?=\s*[,.;:)]|\s*$)"

NOT_EVENT = frozenset({"since", "until", "by"})

FUTURE_WORDS = frozenset({"will", "shall", "'ll", "going", "scheduled", "expected", "plans", "planned", "upcoming", "due", "next"})
PERFECT_WORDS = frozenset({"have", "been"})

ANCHOR_NOTE = "{expression} (relative to {anchor})"
STORY_ANCHOR_NOTE = "{expression} (relative to {anchor} per {outlet})"
DATE_FORMAT = "%Y-%m-%d"

# A boundary word right before a date in a present-tense clause points forward ("bleibt bis Freitag gesperrt").
FORWARD_BOUNDARY_WORDS = frozenset({"until", "till"})
