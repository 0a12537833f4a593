"""German cues for named entities: curated aliases, role nouns, titles, and words that signal a place or organisation."""

from __future__ import annotations

# German joins cue words into compounds ("Kremlsprecher"): cue lists match word endings.
COMPOUNDS = True

# Names Babel's country list does not hold, and places or bodies briefings should merge, as written -> (type, id).
# Country ids are ISO 3166 codes (shared with Babel's names); other ids are shared across languages.
ALIASES: dict[str, tuple[str, str]] = {
    "USA": ("country", "US"),
    "Vereinigte Staaten": ("country", "US"),
    "Vereinigte Staaten von Amerika": ("country", "US"),
    "Großbritannien": ("country", "GB"),
    "Weißrussland": ("country", "BY"),
    "Holland": ("country", "NL"),
    "Demokratische Volksrepublik Korea": ("country", "KP"),
    "Republik Korea": ("country", "KR"),
    "Volksrepublik China": ("country", "CN"),
    "UNO": ("organisation", "UN"),
    "UN": ("organisation", "UN"),
    "NATO": ("organisation", "NATO"),
    "Nato": ("organisation", "NATO"),
    "Kreml": ("organisation", "Kreml"),
    "Weißes Haus": ("organisation", "Weißes Haus"),
    "Pentagon": ("organisation", "Pentagon"),
    "Pjöngjang": ("place", "Pjöngjang"),
    "Peking": ("place", "Peking"),
    "Washington": ("place", "Washington"),
    "Wladiwostok": ("place", "Wladiwostok"),
    "Wostotschny": ("place", "Wostotschny"),
    "Kosmodrom Wostotschny": ("place", "Wostotschny"),
    "Weltraumbahnhof Wostotschny": ("place", "Wostotschny"),
    "Baikonur": ("place", "Baikonur"),
    "Sibirien": ("place", "Sibirien"),
}

# Nouns naming a function; a noun ending in one of these (lower case, also with "-in") right before a name, or in
# an apposition, is that person's role ("Kremlsprecher", "Bürgermeisterin", "Verteidigungsministers").
ROLE_SUFFIXES = (
    "präsident", "minister", "kanzler", "sprecher", "chef", "führer", "machthaber", "meister", "direktor",
    "berater", "leiter", "vorsitzende", "vorsitzender", "sekretär", "premier", "botschafter", "general",
    "kommandeur", "richter", "anwalt", "trainer", "spieler", "rentner", "diktator", "könig", "königin", "papst",
    "abgeordnete", "abgeordneter", "gouverneur", "senator", "bischof", "manager", "gründer", "beauftragte",
    "beauftragter", "funktionär", "journalist", "reporter", "korrespondent", "professor", "ermittler",
    "staatsanwalt", "oberst", "admiral", "offizier", "prinz", "prinzessin", "kaiser", "regisseur", "autor",
    "sänger", "schauspieler", "bürgermeister", "landrat", "kommissar", "unternehmer", "vizepremier",
)
# Words that form one role with the role noun after them; German writes such roles as compounds instead.
ROLE_MODIFIERS: frozenset[str] = frozenset()
# Words before a name that mark a person without stating a function.
PERSON_TITLES = frozenset(
    ["Herr", "Herrn", "Frau", "Genosse", "Genossin", "Dr.", "Prof.", "Vater", "Mutter", "Sohn", "Tochter",
     "Bruder", "Schwester", "Ehefrau", "Ehemann", "Witwe", "Onkel", "Tante"]
)
# Lemmas of verbs of saying: a name right before or after one is most likely a person ("sagte Finer").
SPEECH_VERBS = frozenset(
    ["sagen", "erklären", "betonen", "mitteilen", "teilen", "hinzufügen", "fügen", "warnen", "berichten",
     "schreiben", "antworten", "versichern", "bekräftigen", "bestätigen", "kritisieren", "fordern", "ankündigen",
     "kündigen", "meinen", "ergänzen", "unterstreichen", "verkünden", "erläutern", "behaupten", "dementieren",
     "begründen", "sprechen"]
)
# Words that open an apposition (", der Kremlsprecher,").
DETERMINERS = frozenset(["der", "die", "das", "dem", "den", "des", "ein", "eine", "einem", "einen", "einer", "eines"])

# Prepositions after which a name is a place ("in Lindholm", "nach Wladiwostok").
PLACE_PREPOSITIONS = frozenset(["in", "nach", "aus", "nahe"])
# Nouns (by ending, lower case) before a name, optionally with "von", that make it a place ("Stadt Komsomolsk",
# "Hafen von Lindholm", "Ortsteils Süderwarf").
PLACE_NOUN_SUFFIXES = (
    "stadt", "dorf", "gemeinde", "ortsteil", "ortsteils", "stadtteil", "stadtteils", "gebiet", "gebiets",
    "gebietes", "region", "provinz", "hafen", "hafens", "insel", "kreis", "kreises", "bezirk", "bezirks",
    "bundesland", "bundeslandes", "ort", "orts", "ortes", "metropole", "kanton", "kantons",
)
PLACE_CONNECTORS = frozenset(["von"])
# Facility words that belong to the name of a place and are dropped when comparing names
# ("Kosmodrom Wostotschny" = "Weltraumbahnhof Wostotschny" = "Wostotschny").
FACILITY_SUFFIXES = ("kosmodrom", "kosmodroms", "bahnhof", "bahnhofs", "flughafen", "flughafens",
                     "raumfahrtzentrum", "raumfahrtzentrums", "flugplatz", "flugplatzes", "stadion", "stadions")
# Endings of place names; a weak hint, outweighed by any other cue.
PLACE_NAME_SUFFIXES = ("stadt", "dorf", "hafen", "burg", "hausen", "ingen")

# Nouns (by ending, lower case) before a name that make it an organisation ("Nachrichtenagentur Interfax",
# "Firma Nordsee Chemielogistik", "Söldnergruppe Wagner").
ORGANISATION_NOUN_SUFFIXES = (
    "agentur", "firma", "konzern", "unternehmen", "partei", "zeitung", "sender", "verband", "verein", "gruppe",
    "gewerkschaft", "organisation", "stiftung", "institut", "behörde", "ministerium", "bank", "miliz", "magazin",
    "club", "klub", "netzwerk",
)
# Endings of a word inside a name that make it an organisation ("Deutsche Bank", "Volksarmee").
ORGANISATION_NAME_SUFFIXES = (
    "partei", "ministerium", "agentur", "armee", "bank", "verband", "gruppe", "konzern", "werke", "stiftung",
    "institut", "universität", "zeitung", "times", "post", "kommission",
)
# Legal forms that end an organisation's name; dropped when comparing names.
ORGANISATION_FORMS = frozenset(
    ["GmbH", "AG", "SE", "KG", "KGaA", "OHG", "e.V.", "eG", "mbH", "Co.", "Inc.", "Ltd.", "plc", "LLC", "Corp.",
     "S.A.", "Holding"]
)

# Particles inside a person's name ("Ursula von der Leyen", "Karl-Theodor zu Guttenberg").
NAME_PARTICLES = (("von", "der"), ("van", "der"), ("van", "den"), ("de", "la"), ("von",), ("van",), ("de",),
                  ("zu",), ("da",), ("di",), ("del",), ("dos",), ("du",), ("ter",), ("ten",), ("bin",), ("al",))
# Words inside a name that join its parts only after an organisation or state word; none in German.
NAME_CONNECTORS: frozenset[str] = frozenset()
# Capitalised adjectives of countries and regions are never names; German writes them in lower case, so none here.
DEMONYMS: frozenset[str] = frozenset()
# Country names that are also given names; they yield to a name they stand in ("Israel Katz").
AMBIGUOUS_COUNTRIES: frozenset[str] = frozenset()
