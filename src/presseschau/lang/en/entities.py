"""English cues for named entities: curated aliases, role nouns, titles, and words that signal a place or organisation."""

from __future__ import annotations

# English writes cue words apart ("Kremlin spokesman"): cue lists match whole words.
COMPOUNDS = False

# Names Babel's country list does not hold, and places or bodies briefings should merge, as written -> (type, id).
# Ids are shared with lang/de/entities.py so an English and a German article merge ("Kremlin" = "Kreml").
ALIASES: dict[str, tuple[str, str]] = {
    "US": ("country", "US"),
    "U.S.": ("country", "US"),
    "USA": ("country", "US"),
    "America": ("country", "US"),
    "UK": ("country", "GB"),
    "U.K.": ("country", "GB"),
    "Britain": ("country", "GB"),
    "Great Britain": ("country", "GB"),
    "Democratic People's Republic of Korea": ("country", "KP"),
    "DPRK": ("country", "KP"),
    "Republic of Korea": ("country", "KR"),
    "People's Republic of China": ("country", "CN"),
    "UN": ("organisation", "UN"),
    "NATO": ("organisation", "NATO"),
    "Nato": ("organisation", "NATO"),
    "Kremlin": ("organisation", "Kreml"),
    "White House": ("organisation", "Weißes Haus"),
    "Pentagon": ("organisation", "Pentagon"),
    "Pyongyang": ("place", "Pjöngjang"),
    "Beijing": ("place", "Peking"),
    "Washington": ("place", "Washington"),
    "Vladivostok": ("place", "Wladiwostok"),
    "Vostochny": ("place", "Wostotschny"),
    "Vostochny Cosmodrome": ("place", "Wostotschny"),
    "Baikonur": ("place", "Baikonur"),
    "Siberia": ("place", "Sibirien"),
}

# Nouns naming a function ("President Vladimir Putin", "spokesman Dmitry Peskov"), and words that form one with a
# following role noun ("Prime Minister", "Foreign Minister").
ROLE_SUFFIXES = (
    "president", "minister", "chancellor", "spokesman", "spokeswoman", "spokesperson", "leader", "chief",
    "secretary", "director", "adviser", "advisor", "mayor", "governor", "senator", "general", "commander",
    "ambassador", "premier", "king", "queen", "prince", "princess", "pope", "judge", "prosecutor", "chairman",
    "chairwoman", "ceo", "coach", "player", "dictator", "envoy", "lawmaker", "sheriff", "captain", "colonel",
    "admiral", "lieutenant", "sergeant", "officer", "executive", "founder", "manager", "reporter",
    "correspondent", "professor", "investigator", "firefighter", "pensioner", "resident",
)
ROLE_MODIFIERS = frozenset(
    ["prime", "vice", "deputy", "foreign", "defence", "defense", "interior", "finance", "justice", "health",
     "trade", "home", "attorney", "chief", "press", "fire", "police", "state", "security", "national"]
)
PERSON_TITLES = frozenset(
    ["Mr", "Mr.", "Mrs", "Mrs.", "Ms", "Ms.", "Dr", "Dr.", "Prof", "Prof.", "Sir", "Dame", "Lord", "Lady",
     "Comrade", "father", "mother", "son", "daughter", "brother", "sister", "wife", "husband", "widow"]
)
# Lemmas (simplemma) of verbs of saying: a name right before or after one is most likely a person.
SPEECH_VERBS = frozenset(
    ["say", "tell", "add", "state", "announce", "explain", "warn", "write", "confirm", "claim", "insist",
     "argue", "stress", "reply", "deny"]
)
DETERMINERS = frozenset(["the", "a", "an"])

PLACE_PREPOSITIONS = frozenset(["in", "near", "outside"])
# Nouns before a name, optionally with "of", that make it a place ("city of Lindholm", "port of Lindholm").
PLACE_NOUN_SUFFIXES = ("city", "town", "village", "port", "region", "province", "district", "capital", "island",
                       "county", "suburb", "harbour", "harbor")
PLACE_CONNECTORS = frozenset(["of"])
# Facility words that belong to the name of a place and are dropped when comparing names.
FACILITY_SUFFIXES = ("cosmodrome", "spaceport", "airport", "station", "stadium", "airbase")
PLACE_NAME_SUFFIXES = ("ville", "town", "burg", "borough", "ford", "port")

ORGANISATION_NOUN_SUFFIXES = ("agency", "company", "firm", "party", "group", "newspaper", "broadcaster", "bank",
                              "militia", "network", "union", "manufacturer", "magazine")
ORGANISATION_NAME_SUFFIXES = (
    "party", "ministry", "department", "agency", "army", "bank", "university", "council", "committee",
    "corporation", "institute", "group", "news", "times", "post", "journal", "commission", "company", "forces",
    "navy", "police", "association", "foundation", "fund", "service", "office",
)
ORGANISATION_FORMS = frozenset(
    ["Inc", "Inc.", "Ltd", "Ltd.", "plc", "PLC", "LLC", "Corp", "Corp.", "Co.", "GmbH", "AG", "SE", "S.A."]
)

NAME_PARTICLES = (("van", "der"), ("van", "den"), ("de", "la"), ("von", "der"), ("von",), ("van",), ("de",),
                  ("da",), ("di",), ("del",), ("dos",), ("du",), ("bin",), ("al",), ("ibn",), ("le",), ("la",))
# "of" joins a name after an organisation or state word ("Ministry of Defence", "Bank of England").
NAME_CONNECTORS = frozenset(["of"])
# Capitalised adjectives of countries and regions that the rule "name + n/an/ian/ese/i/ish" misses.
DEMONYMS = frozenset(
    ["American", "British", "Chinese", "French", "German", "Dutch", "Swiss", "Irish", "Welsh", "Scottish",
     "English", "Ukrainian", "European", "Asian", "African", "Western", "Eastern", "Soviet", "Korean", "Arab",
     "Belarusian", "Filipino", "Thai", "Greek", "Turkish", "Spanish", "Polish", "Danish", "Swedish", "Finnish",
     "Norwegian", "Portuguese", "Vietnamese", "Russian", "Japanese"]
)
AMBIGUOUS_COUNTRIES = frozenset(["Chad", "Jordan", "Georgia", "Israel", "Jersey", "Guernsey"])
