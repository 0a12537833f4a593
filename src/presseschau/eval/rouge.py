"""ROUGE-1/2/4/L of system summaries against references, German-first ("unicode") or as ROUGE-1.5.5 does it."""

from __future__ import annotations

import math
import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass
from functools import cache
from pathlib import Path
from typing import Any

from presseschau.errors import NothingToScoreError, UnknownBackendError, UsageError
from presseschau.eval.rouge155 import bootstrap_mean, rouge155_tokens
from presseschau.lang.de import stemming as german
from presseschau.model import Skipped

MODES = ("unicode", "rouge155")
NGRAM_SIZES = (1, 2, 4)
METRICS = ("rouge-1", "rouge-2", "rouge-4", "rouge-l")
# -l 100 of the DUC 2003/2004 evaluations: rouge155 mode's limit unless one is given.
ROUGE155_LIMIT_WORDS = 100

Units = list[list[str]]  # the tokens of each line (ROUGE-L's sentences)
Tally = tuple[int, int, int]  # hits, reference total, system total x references


@dataclass(frozen=True, slots=True)
class Score:
    """Recall, precision and F-measure, each in 0..1."""

    recall: float
    precision: float
    f: float


@dataclass(frozen=True, slots=True)
class Unpaired:
    """A cluster one system was not scored on; ``missing`` is "references" or "summary"."""

    system: str
    cluster: str
    missing: str


@dataclass(frozen=True, slots=True)
class SystemScores:
    """One system's scores per cluster (metric -> Score) and their plain mean over the scored clusters.

    ``bootstrap_average`` (rouge155 mode only) is the figure ROUGE-1.5.5 itself reports: the mean of its
    bootstrap resamples, drawn over the clusters in the order of ROUGE's "<cluster>.<system>" eval ids.
    """

    system: str
    per_cluster: Mapping[str, Mapping[str, Score]]
    average: Mapping[str, Score]
    bootstrap_average: Mapping[str, Score] | None = None


@dataclass(frozen=True, slots=True)
class RougeResult:
    """Scores of every system found in a folder, the clusters that could not be paired and the files skipped."""

    systems: Mapping[str, SystemScores]
    unpaired: tuple[Unpaired, ...]
    skipped: tuple[Skipped, ...]
    mode: str
    stem: bool
    limit_words: int | None

    def system(self, name: str | None = None) -> SystemScores:
        """The named system's scores; without a name, those of the only system."""
        if name is None:
            if len(self.systems) == 1:
                return next(iter(self.systems.values()))
            raise UsageError(f"{len(self.systems)} systems were scored; name one of: {', '.join(self.systems)}")
        if name not in self.systems:
            raise UnknownBackendError("system", name, self.systems)
        return self.systems[name]

    @property
    def per_cluster(self) -> Mapping[str, Mapping[str, Score]]:
        """Cluster -> metric -> Score of the only system."""
        return self.system().per_cluster

    @property
    def average(self) -> Mapping[str, Score]:
        """Metric -> mean Score of the only system."""
        return self.system().average


_ASCII_SPACE = " \t\n\r\x0b\x0c"  # Perl's \s on byte strings, and what score.py strips from each line
_ASCII_WHITESPACE = re.compile(r"\s+", re.ASCII)
_WORD = re.compile(r"[^\W_]+")  # \w without the underscore, which prose does not use inside words


def _lines(text: str, mode: str) -> list[str]:
    if mode == "rouge155":
        # Perl splits at "\n" only and every non-ASCII character becomes a space later; so a str holding
        # the decoded text tokenises exactly as its bytes do in Perl.
        lines = [line.strip(_ASCII_SPACE) for line in text.replace("\r\n", "\n").split("\n")]
    else:
        lines = [line.strip() for line in text.splitlines()]
    return [line for line in lines if line]


def _truncate(lines: list[str], limit: int | None, mode: str) -> list[str]:
    """The first ``limit`` whitespace-separated words, line by line, as ROUGE's readText keeps them."""
    if not limit:
        return lines
    kept: list[str] = []
    count = 0
    for line in lines:
        words = _ASCII_WHITESPACE.split(line) if mode == "rouge155" else line.split()  # lines are stripped
        if count + len(words) < limit:
            kept.append(line)
            count += len(words)
        else:
            kept.append(" ".join(words[: limit - count]))
            break
    return kept


def german_stem(word: str) -> str:
    """Cut one German inflection ending, longest first, keeping umlauts and ß: "Häusern" -> "häus"."""
    for suffix in german.INFLECTION_SUFFIXES:
        stem = word[: -len(suffix)]
        if word.endswith(suffix) and len(stem) >= german.MIN_STEM_LENGTH:
            before = german.LETTERS_BEFORE_ENDING.get(suffix)
            if before is None or stem[-1] in before:
                return stem
    return word


def _unicode_tokens(line: str, stem: bool) -> list[str]:
    # NFC first, so that a decomposed "a" + combining diaeresis is one letter "ä" and not a word break.
    words = _WORD.findall(unicodedata.normalize("NFC", line).lower())
    return [german_stem(w) for w in words] if stem else words


def _check(mode: str, limit_words: int | None, alpha: float = 0.5) -> None:
    if mode not in MODES:
        raise UnknownBackendError("ROUGE tokenizer mode", mode, MODES)
    if limit_words is not None and limit_words < 0:
        raise UsageError(f"limit_words must be 0 (no limit) or more, not {limit_words}")
    if not 0.0 <= alpha <= 1.0:
        raise UsageError(f"alpha weighs recall against precision and must lie in 0..1, not {alpha}")


def _units(text: str, mode: str, stem: bool, limit_words: int | None) -> Units:
    """The tokens of each line (ROUGE-L's sentences) of the text's first ``limit_words`` words."""
    limit = ROUGE155_LIMIT_WORDS if mode == "rouge155" and limit_words is None else limit_words
    tokens_of = rouge155_tokens if mode == "rouge155" else _unicode_tokens
    return [tokens_of(line, stem) for line in _truncate(_lines(text, mode), limit, mode)]


def tokenize(text: str, mode: str = "unicode", *, stem: bool = False, limit_words: int | None = None) -> list[str]:
    """The tokens ROUGE compares; ``limit_words`` None means no limit, except 100 in rouge155 mode (0: none)."""
    _check(mode, limit_words)
    return [token for unit in _units(text, mode, stem, limit_words) for token in unit]


def _ngrams(tokens: list[str], n: int) -> Counter[tuple[str, ...]]:
    return Counter(tuple(tokens[i : i + n]) for i in range(len(tokens) - n + 1))


def _ngram_tally(system: list[str], references: list[list[str]], n: int) -> Tally:
    system_grams = _ngrams(system, n)
    hits = reference_total = 0
    for reference in references:
        reference_grams = _ngrams(reference, n)
        hits += sum(min(count, system_grams[gram]) for gram, count in reference_grams.items())
        reference_total += sum(reference_grams.values())
    return hits, reference_total, sum(system_grams.values()) * len(references)


def _mark_lcs(reference: list[str], system: list[str], mask: list[bool]) -> None:
    """Mark the reference words on one LCS with ``system``, picking among equal LCSs as ROUGE's markLCS does."""
    table = [[0] * (len(system) + 1) for _ in range(len(reference) + 1)]
    for i, word in enumerate(reference, 1):
        above, row = table[i - 1], table[i]
        for j, other in enumerate(system, 1):
            row[j] = above[j - 1] + 1 if word == other else max(above[j], row[j - 1])
    i, j = len(reference), len(system)
    while i and j:
        if reference[i - 1] == system[j - 1]:
            i, j = i - 1, j - 1
            mask[i] = True
        elif table[i - 1][j] >= table[i][j - 1]:  # ROUGE prefers "up" on ties
            i -= 1
        else:
            j -= 1


def _lcs_tally(system: Units, references: list[Units]) -> Tally:
    system_words = Counter(word for unit in system for word in unit)
    hits = reference_total = 0
    for reference in references:
        # Each word occurrence may be a hit once per reference, so union LCS never beats ROUGE-1.
        reference_left = Counter(word for unit in reference for word in unit)
        system_left = system_words.copy()
        for unit in reference:
            reference_total += len(unit)
            mask = [False] * len(unit)
            for sentence in system:
                _mark_lcs(unit, sentence, mask)
            for word, marked in zip(unit, mask, strict=True):
                if marked and reference_left[word] > 0 and system_left[word] > 0:
                    hits += 1
                    reference_left[word] -= 1
                    system_left[word] -= 1
    return hits, reference_total, system_words.total() * len(references)


def _round5(value: float) -> float:
    return float(f"{value:7.5f}")  # ROUGE keeps its scores as "%7.5f" strings and computes on from those


def _score(tally: Tally, alpha: float, rounded: bool) -> Score:
    hits, reference_total, system_total = tally
    recall = hits / reference_total if reference_total else 0.0
    precision = hits / system_total if system_total else 0.0
    if rounded:
        recall, precision = _round5(recall), _round5(precision)
    weight = (1 - alpha) * precision + alpha * recall
    f = precision * recall / weight if weight > 0 else 0.0
    return Score(recall, precision, _round5(f) if rounded else f)


def _score_units(system: Units, references: list[Units], alpha: float, rounded: bool) -> dict[str, Score]:
    flat = [token for unit in system for token in unit]
    flat_references = [[token for unit in reference for token in unit] for reference in references]
    scores = {f"rouge-{n}": _score(_ngram_tally(flat, flat_references, n), alpha, rounded) for n in NGRAM_SIZES}
    scores["rouge-l"] = _score(_lcs_tally(system, references), alpha, rounded)
    return scores


def score(system: str, references: Sequence[str], *, mode: str = "unicode", stem: bool = False,
          limit_words: int | None = None, alpha: float = 0.5) -> dict[str, Score]:
    """ROUGE-1/2/4/L (keys of ``METRICS``) of one summary, as ``ROUGE-1.5.5.pl -n 4 -f A -p ALPHA -l LIMIT`` scores.

    ROUGE-N: n-gram hits clipped per reference and summed over references; R = hits / reference n-grams,
    P = hits / (system n-grams x references), F = PR / ((1-alpha)P + alpha R). ROUGE-L: ROUGE-1.5.5's union
    LCS, each line one sentence (free text: one sentence, the plain LCS); the reference words on an LCS with
    any system sentence are hits while both texts have an unused occurrence left (counts restart for every
    reference); R and P as for ROUGE-N over words. The limit keeps the first ``limit_words`` whitespace-
    separated words, counted before punctuation is dropped (ROUGE's ``-l``). "unicode" mode: NFC, lower case,
    runs of letters and digits with umlauts and ß kept, ``stem`` cuts one German inflection ending. "rouge155"
    mode: ROUGE's byte-level tokens and -m stemmer (porter.py), limit 100 words unless given (0: none), and
    R, P, F rounded to 5 decimals as ROUGE prints them (F from the rounded R and P).
    """
    if not references:
        raise UsageError("ROUGE needs at least one reference summary")
    _check(mode, limit_words, alpha)
    units = [_units(text, mode, stem, limit_words) for text in (system, *references)]
    return _score_units(units[0], units[1:], alpha, rounded=mode == "rouge155")


def _mean(values: Sequence[float]) -> float:
    return math.fsum(values) / len(values)


def _average(scores: Sequence[Mapping[str, Score]], mean: Callable[[Sequence[float]], float]) -> dict[str, Score]:
    parts = ("recall", "precision", "f")
    return {metric: Score(*(mean([getattr(s[metric], part) for s in scores]) for part in parts)) for metric in METRICS}


_DUC_REFERENCE = re.compile(r"^([^.]+)\.M\.\d+\.([A-Za-z])\.[^.]+$", re.IGNORECASE)
NAMING_HELP = (
    "name system summaries <cluster>.<system> (d100a.ilp) and references <cluster>.<anything> (d100a.ref1) "
    "or as DUC does (D100.M.100.A.G belongs to cluster d100a)"
)


def reference_cluster(name: str) -> str | None:
    """The cluster a reference file belongs to: "D100.M.100.A.G" -> "d100a", "d100a.ref1" -> "d100a"."""
    duc = _DUC_REFERENCE.match(name)
    if duc:
        return (duc.group(1) + duc.group(2)).lower()
    cluster, dot, _ = name.partition(".")
    return cluster.lower() if cluster and dot else None


def _files(folder: Path, role: str) -> list[Path]:
    if not folder.is_dir():
        raise UsageError(f"{role} folder not found: {folder}")
    return sorted(p for p in folder.iterdir() if p.is_file() and not p.name.startswith("."))


def _read(path: Path, mode: str) -> str:
    data = path.read_bytes()
    if mode == "rouge155":
        return data.decode("latin-1")  # one character per byte, as Perl reads it
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")  # the usual encoding of older German files


def _summaries(files: list[Path], skipped: list[Skipped]) -> dict[str, dict[str, Path]]:
    """System -> cluster -> summary file, from names <cluster>.<system>."""
    found: dict[str, dict[str, Path]] = {}
    for path in files:
        cluster, _, system = path.name.partition(".")
        if not (cluster and system):
            skipped.append(Skipped(str(path), "rouge", "system summary not named <cluster>.<system>"))
            continue
        by_cluster, cluster = found.setdefault(system, {}), cluster.lower()
        if cluster in by_cluster:
            raise UsageError(f"two summaries of system {system!r} for cluster {cluster}: {by_cluster[cluster]}, {path}")
        by_cluster[cluster] = path
    return found


def evaluate(system_dir: Path, refs_dir: Path, *, mode: str = "unicode", stem: bool = False,
             limit_words: int | None = None, alpha: float = 0.5) -> RougeResult:
    """Score every system summary in ``system_dir`` against the references of its cluster in ``refs_dir``.

    Averages are plain means over the scored clusters of each R, P and F; in rouge155 mode ROUGE-1.5.5's
    own reported average (the mean of its 1000 bootstrap resamples) comes as ``bootstrap_average`` too.
    """
    _check(mode, limit_words, alpha)
    skipped: list[Skipped] = []
    references: dict[str, list[Path]] = {}
    for path in _files(Path(refs_dir), "reference"):
        cluster = reference_cluster(path.name)
        if cluster is None:
            skipped.append(Skipped(str(path), "rouge", "reference not named <cluster>.<anything>"))
        else:
            references.setdefault(cluster, []).append(path)
    summaries = _summaries(_files(Path(system_dir), "system summary"), skipped)

    @cache
    def units(path: Path) -> Units:
        return _units(_read(path, mode), mode, stem, limit_words)

    systems: dict[str, SystemScores] = {}
    unpaired: list[Unpaired] = []
    for system, by_cluster in sorted(summaries.items()):
        per_cluster: dict[str, Mapping[str, Score]] = {}
        # Sorted as ROUGE sorts its "<cluster>.<system>" eval ids: the bootstrap draws depend on the order.
        for cluster in sorted(by_cluster.keys() | references.keys(), key=lambda c: f"{c}.{system}"):
            if cluster not in references:
                unpaired.append(Unpaired(system, cluster, "references"))
            elif cluster not in by_cluster:
                unpaired.append(Unpaired(system, cluster, "summary"))
            else:
                refs = [units(p) for p in references[cluster]]
                per_cluster[cluster] = _score_units(units(by_cluster[cluster]), refs, alpha, mode == "rouge155")
        if per_cluster:
            scores = list(per_cluster.values())
            boot = _average(scores, bootstrap_mean) if mode == "rouge155" else None
            systems[system] = SystemScores(system, per_cluster, _average(scores, _mean), boot)
    if not systems:
        raise NothingToScoreError(
            f"no system summary in {system_dir} pairs with a reference in {refs_dir}; {NAMING_HELP}. Summary "
            f"clusters: {_some(c for s in summaries.values() for c in s)}; reference clusters: {_some(references)}"
        )
    return RougeResult(systems, tuple(unpaired), tuple(skipped), mode, stem, limit_words)


def _some(names: Iterable[str], shown: int = 5) -> str:
    unique = sorted(set(names))
    return ", ".join(unique[:shown]) + (f" ... ({len(unique)} in all)" if len(unique) > shown else "") or "none"


def as_dict(result: RougeResult) -> dict[str, Any]:
    """The result as plain dicts, lists and numbers, ready for JSON."""
    return asdict(result)


def as_table(result: RougeResult) -> str:
    """Recall and F per system in percent, then the clusters that could not be paired and the files skipped."""
    rouge155 = result.mode == "rouge155"
    limit = ROUGE155_LIMIT_WORDS if rouge155 and result.limit_words is None else result.limit_words
    average = "ROUGE-1.5.5's bootstrap mean" if rouge155 else "mean"
    lines = [
        f"ROUGE ({result.mode} mode, {'stemmed' if result.stem else 'no stemming'}, "
        f"{f'first {limit} words' if limit else 'no length limit'}): {average} over clusters, in percent",
        f"{'system':<16}{'clusters':>9}" + "".join(f"{p + '-' + m[6:].upper():>8}" for p in "RF" for m in METRICS),
    ]
    for name, scores in result.systems.items():
        shown = scores.bootstrap_average or scores.average
        figures = [shown[m].recall for m in METRICS] + [shown[m].f for m in METRICS]
        lines.append(f"{name:<16}{len(scores.per_cluster):>9}" + "".join(f"{100 * x:8.2f}" for x in figures))
    lines += [f"not scored: system {u.system}, cluster {u.cluster}: no {u.missing}" for u in result.unpaired]
    lines += [f"skipped: {s.path}: {s.reason}" for s in result.skipped]
    return "\n".join(lines) + "\n"
