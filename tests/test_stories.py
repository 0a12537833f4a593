"""Story grouping: one event is one story; unrelated articles and far-apart dates are their own stories."""

from __future__ import annotations

from nlp_builders import doc

from presseschau.cluster.stories import group

FIRE = "Ein Großbrand zerstörte im Hafen von Lindholm eine Lagerhalle mit Chemikalien. Die Feuerwehr löschte."
FIRE2 = "Im Hafen von Lindholm brannte eine Chemikalien-Lagerhalle, die Feuerwehr kämpfte gegen den Großbrand."
FIRE3 = "Nach dem Großbrand im Hafen von Lindholm ermittelt die Polizei, wie das Feuer im Lager entstand."
SPORT = "Die Handballerinnen des TV Süderwarf gewannen ihr Heimspiel gegen Bremen mit 31 zu 27 Toren."


def test_one_event_one_story_and_unrelated_apart() -> None:
    docs = [doc(FIRE, outlet="A", published="2025-03-11"), doc(FIRE2, outlet="B", published="2025-03-12"),
            doc(FIRE3, outlet="C", published="2025-03-12"), doc(SPORT, outlet="D", published="2025-03-12")]
    stories = group(docs, threshold=0.18, window_days=7)
    sizes = sorted(len(s.article_ids) for s in stories)
    assert sizes == [1, 3]
    big = next(s for s in stories if len(s.article_ids) == 3)
    assert docs[3].article.id not in big.article_ids
    # The earliest article comes first and anchors the id.
    assert big.article_ids[0] == docs[0].article.id


def test_story_id_is_stable_when_later_articles_join() -> None:
    a, b, c = (doc(FIRE, outlet="A", published="2025-03-11"), doc(FIRE2, outlet="B", published="2025-03-12"),
               doc(FIRE3, outlet="C", published="2025-03-13"))
    first = group([a, b], threshold=0.18, window_days=7)
    second = group([a, b, c], threshold=0.18, window_days=7)
    assert len(first) == len(second) == 1
    assert first[0].id == second[0].id


def test_articles_far_apart_in_time_are_not_joined() -> None:
    docs = [doc(FIRE, outlet="A", published="2025-03-11"), doc(FIRE2, outlet="B", published="2025-06-01")]
    assert len(group(docs, threshold=0.18, window_days=7)) == 2
