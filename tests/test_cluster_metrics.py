"""BCubed and the Adjusted Rand Index on small partitions worked out by hand."""

from __future__ import annotations

import pytest

from presseschau.cluster.metrics import adjusted_rand_index, bcubed

# Seven items: gold events A (1-5) and B (6, 7); predicted clusters P (1-3) and Q (4-7).
GOLD = {"1": "A", "2": "A", "3": "A", "4": "A", "5": "A", "6": "B", "7": "B"}
PREDICTED = {"1": "P", "2": "P", "3": "P", "4": "Q", "5": "Q", "6": "Q", "7": "Q"}


def test_bcubed_of_a_partial_match() -> None:
    # Precision: 1, 2, 3 score 3/3; 4, 5 score 2/4 (two A in Q of four); 6, 7 score 2/4 -> (3 + 1 + 1) / 7.
    # Recall: 1, 2, 3 score 3/5; 4, 5 score 2/5; 6, 7 score 2/2 -> (1.8 + 0.8 + 2) / 7.
    result = bcubed(GOLD, PREDICTED)
    assert result.precision == pytest.approx(5 / 7)
    assert result.recall == pytest.approx(4.6 / 7)
    assert result.f1 == pytest.approx(2 * (5 / 7) * (4.6 / 7) / (5 / 7 + 4.6 / 7))


def test_bcubed_of_one_cluster_and_of_singletons() -> None:
    gold = {"a": "X", "b": "X", "c": "Y"}
    one = bcubed(gold, dict.fromkeys(gold, "all"))
    assert (one.precision, one.recall) == (pytest.approx(5 / 9), 1.0)  # (2/3 + 2/3 + 1/3) / 3
    assert one.f1 == pytest.approx(10 / 14)
    alone = bcubed(gold, {key: key for key in gold})
    assert (alone.precision, alone.recall) == (1.0, pytest.approx(2 / 3))  # (1/2 + 1/2 + 1) / 3
    assert alone.f1 == pytest.approx(0.8)


def test_bcubed_perfect_missing_and_empty() -> None:
    assert bcubed(GOLD, {k: v.lower() for k, v in GOLD.items()}) == (bcubed(GOLD, GOLD))
    assert bcubed(GOLD, GOLD).f1 == 1.0
    # An item the prediction lacks is a cluster of its own: event B's 6 and 7 are split apart.
    missing = bcubed(GOLD, {k: v for k, v in GOLD.items() if k != "7"})
    assert missing.precision == 1.0
    assert missing.recall == pytest.approx((5 + 0.5 + 0.5) / 7)
    assert bcubed({}, {}).f1 == 0.0


def test_ari_of_a_partial_match() -> None:
    # Pairs together in both: C(3,2) + C(2,2) + C(2,2) = 5; predicted 3 + 6 = 9; gold 10 + 1 = 11; all 21.
    # Expected 9 * 11 / 21 = 99/21, maximum 10: (5 - 99/21) / (10 - 99/21) = 6/111.
    assert adjusted_rand_index(GOLD, PREDICTED) == pytest.approx(6 / 111)


def test_ari_is_one_for_equal_partitions_whatever_the_labels() -> None:
    assert adjusted_rand_index(GOLD, {k: {"A": "z", "B": "y"}[v] for k, v in GOLD.items()}) == 1.0


def test_ari_below_chance_is_negative() -> None:
    gold = {"a": "X", "b": "X", "c": "Y", "d": "Y"}
    crossed = {"a": "P", "c": "P", "b": "Q", "d": "Q"}
    # No pair together in both; expected 2 * 2 / 6, maximum 2: (0 - 2/3) / (2 - 2/3).
    assert adjusted_rand_index(gold, crossed) == pytest.approx(-0.5)


def test_ari_edge_cases() -> None:
    items = ["a", "b", "c", "d"]
    one = dict.fromkeys(items, "one")
    singletons = {key: key for key in items}
    assert adjusted_rand_index(one, one) == 1.0
    assert adjusted_rand_index(singletons, singletons) == 1.0
    assert adjusted_rand_index(one, singletons) == 0.0
    assert adjusted_rand_index(singletons, one) == 0.0
    assert adjusted_rand_index({"a": "X"}, {"a": "P"}) == 1.0
