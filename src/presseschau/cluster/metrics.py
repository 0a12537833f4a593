"""Clustering quality against gold labels: BCubed precision, recall and F1, and the Adjusted Rand Index."""

from __future__ import annotations

from collections import Counter
from collections.abc import Hashable, Mapping
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class BCubed:
    """BCubed precision, recall and their harmonic mean, each in 0..1 (Bagga & Baldwin 1998)."""

    precision: float
    recall: float
    f1: float


def bcubed(gold: Mapping[str, Hashable], predicted: Mapping[str, Hashable]) -> BCubed:
    """BCubed scores of ``predicted`` (item -> cluster) against ``gold`` (item -> event), over the gold items.

    Per item, precision is the share of its predicted cluster that shares its gold event, recall the share of
    its gold event that shares its predicted cluster; both are averaged over the items. An item missing from
    ``predicted`` counts as a cluster of its own. No items: all three are 0.
    """
    cells, clusters, events = _contingency(gold, predicted)
    n = len(gold)
    if not n:
        return BCubed(0.0, 0.0, 0.0)
    # An item in cell (cluster c, event e) scores n_ce / |c| and n_ce / |e|; the cell holds n_ce such items.
    precision = sum(k * k / clusters[c] for (c, _), k in cells.items()) / n
    recall = sum(k * k / events[e] for (_, e), k in cells.items()) / n
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return BCubed(precision, recall, f1)


def adjusted_rand_index(gold: Mapping[str, Hashable], predicted: Mapping[str, Hashable]) -> float:
    """The Adjusted Rand Index of ``predicted`` against ``gold`` (Hubert & Arabie 1985), over the gold items.

    1 for identical partitions, about 0 for chance agreement, negative below chance. When both partitions are
    trivial in the same way (one cluster each, or all singletons each), there is no chance level to adjust
    for and the partitions agree: 1, as scikit-learn defines it. Fewer than two items: 1.
    """
    cells, clusters, events = _contingency(gold, predicted)
    n = len(gold)
    if n < 2:
        return 1.0
    together_both = sum(_pairs(k) for k in cells.values())
    together_predicted = sum(_pairs(k) for k in clusters.values())
    together_gold = sum(_pairs(k) for k in events.values())
    expected = together_predicted * together_gold / _pairs(n)
    maximum = (together_predicted + together_gold) / 2
    if maximum == expected:
        return 1.0
    return (together_both - expected) / (maximum - expected)


def _contingency(gold: Mapping[str, Hashable], predicted: Mapping[str, Hashable]
                 ) -> tuple[Counter[tuple[Hashable, Hashable]], Counter[Hashable], Counter[Hashable]]:
    """Items per (cluster, event) cell, per cluster and per event; an unpredicted item is its own cluster."""
    cells: Counter[tuple[Hashable, Hashable]] = Counter()
    for item, event in gold.items():
        cluster = predicted.get(item, ("unclustered", item))
        cells[(cluster, event)] += 1
    clusters: Counter[Hashable] = Counter()
    events: Counter[Hashable] = Counter()
    for (cluster, event), k in cells.items():
        clusters[cluster] += k
        events[event] += k
    return cells, clusters, events


def _pairs(k: int) -> int:
    return k * (k - 1) // 2
