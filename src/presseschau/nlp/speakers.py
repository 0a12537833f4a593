"""Reading a sentence for quote attribution: word classes, names, speaker noun phrases, subjects, reporting verbs."""

from __future__ import annotations

from dataclasses import dataclass
from types import ModuleType

from presseschau.model import Doc, Quote

# "sagte er" is resolved within this many preceding sentences (a paragraph rarely runs longer in news).
PRONOUN_LOOKBACK = 3
# Longest noun phrase taken as a speaker when no tagger marks its end (English: "the ministry said").
NP_MAX = 6
# Adverbs skipped between a reporting verb and its subject ("sagte zudem Putin").
ADVERB_SKIP = 2
NOUNS = ("noun", "role", "name")
NP_PARTS = ("det", "adj", *NOUNS)


@dataclass(slots=True)
class Word:
    """A token with its word class ("name", "role", "verb", "det", …) and whether it is inside quote marks."""

    start: int
    end: int
    text: str
    lower: str
    lemma: str
    tag: str
    sentence: int
    quoted: bool = False


@dataclass(frozen=True, slots=True)
class Phrase:
    """A noun phrase (token indices): where its head starts, the name in it, and its kind."""

    start: int
    end: int
    head: int
    name: tuple[int, int] | None
    kind: str  # "name", "role", "pron" or "indef"


class Clauses:
    """The tokens of a Doc with word classes, and the rules that find who speaks in a clause.

    German uses the STTS tags from HanTa; English (untagged) uses the word lists of lang/en/quotes.py.
    ``found`` holds the quotes found so far: pronouns ("sagte er") resolve to their speakers.
    """

    def __init__(self, doc: Doc, lang: ModuleType, nlp: ModuleType) -> None:
        self.doc, self.lang, self.text = doc, lang, doc.article.text
        finite = frozenset(getattr(nlp, "FINITE_VERB_POS", ()))
        self.tagged = bool(finite)
        marks = set(lang.QUOTE_MARKS) | set("".join(lang.QUOTE_MARKS.values()))
        self.toks: list[Word] = []
        self.span: list[tuple[int, int]] = []
        for s in doc.sentences:
            first = len(self.toks)
            for t in s.tokens:
                w = self.text[t.start : t.end]
                tag = self._tag(w, t.pos, finite, nlp.STOPWORDS, marks)
                self.toks.append(Word(t.start, t.end, w, w.lower(), t.lemma, tag, len(self.span)))
            self.span.append((first, len(self.toks)))
        self.starts = [t.start for t in self.toks]
        self.runs = self._names()
        self.found: list[Quote] = []

    def _tag(self, w: str, pos: str, finite: frozenset[str], stop: frozenset[str], marks: set[str]) -> str:
        lang, low = self.lang, w.lower()
        if w in marks:
            return "mark"
        if w in (",", ";"):
            return "comma"
        if w == ":":
            return "colon"
        if not any(ch.isalnum() for ch in w):
            return "end" if w[:1] in ".!?…" else "punct"
        role = low.endswith(lang.ROLE_SUFFIXES)
        if self.tagged:
            cls = lang.TAG_CLASSES.get(pos, "other")
            cls = "verb" if pos in finite else "nonfinite" if pos.startswith("V") else cls
            if cls == "pron" and low not in lang.PERSON_PRONOUNS:
                return "indef"
            return "role" if role and cls in ("noun", "name") else cls
        # No tagger for English: word lists stand in for the tags the rules need.
        for cls, words in (("verb", lang.REPORTING_VERBS), ("pron", lang.PERSON_PRONOUNS),
                           ("indef", lang.INDEFINITE_SPEAKERS), ("det", lang.DETERMINERS),
                           ("prep", lang.PREPOSITIONS), ("sub", lang.SUBORDINATORS),
                           ("conj", lang.CLAUSE_CONJUNCTIONS)):
            if low in words:
                return cls
        if role:
            return "role"
        if w[:1].isupper() and low not in stop:
            return "name"
        return "other" if low in stop else "noun"

    def _names(self) -> set[str]:
        """Tag a capitalised word after a name as part of it ("Kim Jong-un"); the name runs of the doc."""
        t = self.toks
        names = {x.text for x in t if x.tag == "name"}
        # The tagger knows few surnames: "Karsten Maibaum" comes as NE NN, "Bernd Kühne" as NE ADJA. A
        # capitalised word after a name is part of it when it is a known name, "Jong-un", an uninflected noun
        # ending the phrase, or a capitalised non-noun ("Lind" as ADJD); "sagte Putin Reportern" stays apart.
        for i in range(1, len(t)):
            prev, tok, after = t[i - 1], t[i], t[i + 1] if i + 1 < len(t) else None
            if prev.tag != "name" or prev.sentence != tok.sentence or not tok.text[:1].isupper():
                continue
            ends = after is None or after.sentence != tok.sentence or after.tag not in NOUNS
            hyphened = "-" in tok.text and tok.text.rsplit("-", 1)[1][:1].islower()
            if (tok.tag == "noun" and (tok.text in names or hyphened or (tok.lemma == tok.text and ends))) or (
                tok.tag in ("adj", "other") and ends
            ):
                tok.tag = "name"
        # An unknown first name between a role and a name: "Oppositionsführer Kai Reuter".
        for i in range(1, len(t) - 1):
            if (t[i].tag == "noun" and t[i - 1].tag == "role" and t[i + 1].tag == "name"
                    and len(t[i].text) <= self.lang.MAX_FIRST_NAME and t[i].lemma == t[i].text):
                t[i].tag = "name"
        runs, i = set(), 0
        while i < len(t):
            j = i
            while j < len(t) and t[j].tag == "name" and t[j].sentence == t[i].sentence:
                j += 1
            if j > i:
                runs.add(" ".join(x.text for x in t[i:j]))
            i = max(j, i + 1)
        return runs

    # --- noun phrases and speakers -------------------------------------------------------------------------

    def np(self, i: int, limit: int) -> Phrase | None:
        """The noun phrase starting at token ``i``: determiner, adjectives, nouns and names, genitive, "und"."""
        t, links = self.toks, self.lang.GENITIVE_LINKS
        if i >= limit or t[i].quoted:
            return None
        if t[i].tag in ("pron", "indef", "dem"):
            return Phrase(i, i + 1, i, None, "pron" if t[i].tag == "pron" else "indef")
        j = i + (t[i].tag == "det")
        while j < limit and t[j].tag == "adj":
            j += 1
        head = j
        while j < limit and t[j].tag in NOUNS and not t[j].quoted:
            j += 1
        if j == head:
            return None
        name = self._last_run(head, j)
        while j < limit and t[j].lower in links:
            k = j + 1
            while k < limit and t[k].tag in ("det", "adj"):
                k += 1
            m = k
            while m < limit and t[m].tag in NOUNS:
                m += 1
            if m == k:
                break
            j = m
        if j + 1 < limit and t[j].lower in ("und", "and") and t[j + 1].tag in NP_PARTS:
            other = self.np(j + 1, limit)
            if other is not None:
                j, name = other.end, None if other.name or not name else name
        if name is None and j + 1 < limit and t[j].tag == "comma" and t[j + 1].tag == "name":
            k = j + 1  # apposition: "der Chef der Feuerwehr, Hauke Brodersen, sagte"
            while k < limit and t[k].tag == "name":
                k += 1
            if k >= limit or t[k].tag in ("comma", "end", "verb", "prep"):
                name, j = (j + 1, k), k
        return Phrase(i, j, head, name, "name" if name else "role")

    def _last_run(self, a: int, b: int) -> tuple[int, int] | None:
        run: tuple[int, int] | None = None
        k = a
        while k < b:
            if self.toks[k].tag == "name":
                e = k
                while e < b and self.toks[e].tag == "name":
                    e += 1
                run, k = (k, e), e
            k += 1
        if run is None:
            return None
        words = [x.text for x in self.toks[run[0] : run[1]]]
        for cut in range(1, len(words)):  # "Kim Putin" (two names side by side) -> "Kim"
            if " ".join(words[:cut]) in self.runs and " ".join(words[cut:]) in self.runs:
                return run[0], run[0] + cut
        return run

    def speaker(self, np: Phrase | None, *, oblique: bool = False) -> str | None:
        if np is None or np.kind == "indef":
            return None
        t = self.toks
        if np.kind == "pron":
            return self._resolve(t[np.start].sentence)
        if np.name:
            return self.text[t[np.name[0]].start : t[np.name[1] - 1].end]
        if not oblique:
            words = self.text[t[np.start].start : t[np.end - 1].end]
            return words[0].lower() + words[1:] if t[np.start].tag == "det" else words
        head = t[np.head]
        if head.text in self.lang.SOURCE_NOUNS or head.lemma in self.lang.SOURCE_NOUNS:
            # "nach Angaben des Militärs", "laut einer Erklärung des Kabinetts": the genitive is the source
            link = next((k for k in range(np.head, np.end) if t[k].lower in self.lang.GENITIVE_LINKS), None)
            return None if link is None else self.speaker(self.np(link, np.end), oblique=True)
        word = head.lemma if t[np.start].lower in self.lang.INFLECTING_DETS else head.text
        return word + self.text[head.end : t[np.end - 1].end]

    def _resolve(self, sentence: int) -> str | None:
        """The person "er"/"sie" refers to: the last speaker or named subject in the preceding sentences."""
        for s in range(sentence - 1, max(-1, sentence - 1 - PRONOUN_LOOKBACK), -1):
            spoken = [q.speaker for q in self.found if q.sentence == s and q.speaker]
            if spoken:
                return spoken[-1]
            a, b = self.span[s]
            verb = next((k for k in range(a, b) if self.toks[k].tag == "verb" and not self.toks[k].quoted), None)
            # English has no tags for most verbs: the phrase the sentence opens with is its subject.
            np = self.subject_np(verb) if verb is not None else None if self.tagged else self.np(a, b)
            if np is not None and (np.name or (np.kind == "role" and self.toks[np.head].tag == "role")):
                return self.speaker(np)
        return None

    def hard(self, k: int) -> bool:
        return self.toks[k].quoted or self.toks[k].tag in ("colon", "end", "sub", "mark")

    def subject_np(self, v: int) -> Phrase | None:
        """The subject of the clause of verb ``v``: before the finite verb (V2) or right after it."""
        t = self.toks
        s0, s1 = self.span[t[v].sentence]
        f = v
        if t[v].tag != "verb":  # participle ("hatte Putin geantwortet"): the finite verb places the subject
            k = v - 1
            while k >= s0 and not self.hard(k) and t[k].tag != "verb":
                k -= 1
            f = k if k >= s0 and t[k].tag == "verb" else v
        if self.tagged:
            b = f - 1
            while b >= s0 and not self.hard(b):
                b -= 1
            seg = [k for k in range(b + 1, f) if t[k].tag != "comma"]
            while seg and t[seg[0]].lower in self.lang.CLAUSE_CONJUNCTIONS:
                seg.pop(0)
            if seg and not any(t[k].tag in ("verb", "nonfinite") for k in seg):
                np = self.np(seg[0], f)
                if np is not None and np.kind != "indef" and t[np.head].text not in self.lang.TIME_NOUNS:
                    return self._apposition(np, f)
        else:
            np = self.np_before(f, s0)
            if np is not None:
                return np
        k, skipped = f + 1, 0
        while k < s1 and t[k].tag == "other" and skipped < ADVERB_SKIP:
            k, skipped = k + 1, skipped + 1
        return self.np(k, s1)

    def _apposition(self, np: Phrase, f: int) -> Phrase:
        """"Der Berater von Joe Biden, Jon Finer, sagte": the name just before the verb is the subject."""
        t = self.toks
        if f - 2 <= np.start or t[f - 1].tag != "comma" or t[f - 2].tag != "name":
            return np
        a = f - 2
        while a > np.start and t[a - 1].tag == "name":
            a -= 1
        if t[a - 1].tag != "comma" or (np.name and np.name[1] <= a - 1 and np.kind == "name"):
            return np
        return Phrase(np.start, f - 1, np.head, (a, f - 1), "name")

    def np_before(self, f: int, s0: int) -> Phrase | None:
        """English: the noun phrase right before the verb ("Kremlin spokesman Dmitry Peskov said")."""
        t, k = self.toks, f - 1
        if k > s0 and t[k].tag == "comma":  # "Jon Finer, the deputy adviser, said"
            j = k - 1
            while j > s0 and (t[j].tag in NP_PARTS or t[j].lower in self.lang.GENITIVE_LINKS):
                j -= 1
            if not (t[j].tag == "comma" and j > s0 and t[j - 1].tag == "name"):
                return None
            k = j - 1
        if k < s0 or t[k].tag == "pron":
            return self.np(k, f) if k >= s0 else None
        j = k
        while j > s0 and k - j < NP_MAX and (t[j - 1].tag in NP_PARTS or t[j - 1].lower in self.lang.GENITIVE_LINKS):
            j -= 1
        while j < k and t[j].lower in self.lang.GENITIVE_LINKS:
            j += 1
        return self.np(j, k + 1)

    # --- reporting cues ------------------------------------------------------------------------------------

    def reports(self, k: int) -> bool:
        """Whether token ``k`` is a reporting verb ("sagte", "teilte … mit", "said")."""
        t = self.toks
        x = t[k]
        if x.quoted or x.tag not in ("verb", "nonfinite"):
            return False
        if x.lemma in self.lang.REPORTING_VERBS or x.lower in self.lang.REPORTING_VERBS:
            return True
        particles = self.lang.PARTICLE_VERBS.get(x.lemma, ())
        j = k + 1
        while particles and j < len(t) and t[j].sentence == x.sentence and t[j].tag not in ("comma", "end", "colon"):
            if t[j].tag == "part" and t[j].lower in particles:
                return True
            j += 1
        return False

    def frame_verb(self, k: int) -> int | None:
        """The reporting verb of a frame starting at ``k``: "sagte …", or "hatte … geantwortet"."""
        if self.reports(k):
            return k
        t = self.toks
        if t[k].tag == "verb":
            j = k + 1
            while j < len(t) and t[j].sentence == t[k].sentence and t[j].tag not in ("comma", "end", "colon"):
                if t[j].tag == "nonfinite" and self.reports(j):
                    return j
                j += 1
        return None
