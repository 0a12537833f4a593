"""English words and marks that signal quotes: quote marks, reporting verbs and the words around a speaker."""

from __future__ import annotations

# Opening mark -> closing marks. Single quotes are left out: "’" is also the apostrophe ("Russia’s").
QUOTE_MARKS = {"“": "”", '"': '"', "«": "»"}

# Reporting verbs as written (no tagger runs for English, so forms are listed, not lemmas).
REPORTING_VERBS = frozenset(["say", "says", "said", "tell", "tells", "told", "add", "adds", "added", "state", "states", "stated", "explain", "explains", "explained", "announce", "announces", "announced", "warn", "warns", "warned", "insist", "insists", "insisted", "note", "notes", "noted", "stress", "stresses", "stressed", "claim", "claims", "claimed", "confirm", "confirms", "confirmed", "write", "writes", "wrote", "tweeted", "reply", "replies", "replied", "respond", "responds", "responded", "argue", "argues", "argued", "acknowledge", "acknowledged", "admit", "admits", "admitted", "deny", "denies", "denied", "declare", "declares", "declared", "urge", "urged", "promise", "promised", "pledge", "pledged", "assure", "assured", "report", "reports", "reported", "suggest", "suggested"])
PARTICLE_VERBS: dict[str, tuple[str, ...]] = {}
SO_FRAME: frozenset[str] = frozenset()
AS_FRAME = frozenset(["as"])
BACKREF = frozenset(["that", "this"])

SOURCE_PREPOSITIONS: frozenset[str] = frozenset()
SOURCE_POSTPOSITIONS: frozenset[str] = frozenset()
SOURCE_NACH: frozenset[str] = frozenset()
SOURCE_NOUNS: frozenset[str] = frozenset()
SUBJUNCTIVE: frozenset[str] = frozenset()
CONDITIONAL: frozenset[str] = frozenset()
FIRST_PERSON = frozenset(["i"])
QUESTION_NOUNS: frozenset[str] = frozenset()
TIME_NOUNS = frozenset(["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "Last", "Earlier", "Later", "Yesterday", "Today"])
TITLE_NOUNS = frozenset(["title", "book", "film", "movie", "novel", "album", "song", "show", "series", "operation", "project", "programme", "program", "campaign", "slogan", "headline", "play", "exhibition", "brand", "ship", "newspaper", "magazine", "named", "dubbed", "codenamed", "called"])

# "said that …" opens the reported clause; "said the talks were …" starts it with a subject word.
REPORT_CONJUNCTIONS = frozenset(["that"])
CLAUSE_CONJUNCTIONS = frozenset(["and", "but", "or", "yet"])
PERSON_PRONOUNS = frozenset(["he", "she"])
INDEFINITE_SPEAKERS = frozenset(["it", "they", "we", "i", "you", "this", "that", "others", "some", "many", "one"])
GENITIVE_LINKS = frozenset(["of", "for"])
INFLECTING_DETS: frozenset[str] = frozenset()
TAG_CLASSES: dict[str, str] = {}

# Word classes standing in for a tagger when finding the speaker's noun phrase.
DETERMINERS = frozenset(["the", "a", "an", "his", "her", "its", "their", "our", "this", "that", "these", "those"])
PREPOSITIONS = frozenset(["on", "in", "at", "to", "for", "of", "from", "with", "by", "after", "before", "during", "about", "over", "into", "than", "since", "per", "via", "against", "without", "under"])
SUBORDINATORS = frozenset(["because", "when", "while", "although", "though", "if", "unless", "after", "before", "since", "whether", "who", "which", "where", "whose", "whom", "as"])
# Role words stripped from a speaker's name ("President Joe Biden" -> "Joe Biden").
ROLE_SUFFIXES = ("president", "minister", "spokesman", "spokeswoman", "spokesperson", "secretary", "chancellor", "chief", "leader", "general", "mayor", "governor", "senator", "ambassador", "director", "adviser", "advisor", "official", "officials", "expert", "experts", "analyst", "analysts", "commander", "premier", "envoy", "head", "chairman", "chairwoman", "resident", "witness", "prime", "deputy", "foreign", "defence", "defense", "vice", "kremlin's", "mr", "mrs", "ms", "dr", "coach", "captain", "judge", "police", "fire", "executive", "officer", "ceo")
MAX_FIRST_NAME = 0
