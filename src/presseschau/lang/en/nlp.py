"""English tag sets and function words used by analysis and summarisation."""

from __future__ import annotations

SOMAJO_MODEL = "en_PTB"

CONTENT_POS_PREFIXES = ("X",)
FINITE_VERB_POS: tuple[str, ...] = ()
NAME_POS: tuple[str, ...] = ()

STOPWORDS = frozenset(
    ["a", "about", "above", "after", "again", "against", "all", "am", "an", "and", "any", "are", "as", "at", "be", "because", "been", "before", "being", "below", "between", "both", "but", "by", "can", "could", "did", "do", "does", "doing", "down", "during", "each", "few", "for", "from", "further", "had", "has", "have", "having", "he", "her", "here", "hers", "herself", "him", "himself", "his", "how", "i", "if", "in", "into", "is", "it", "its", "itself", "just", "me", "more", "most", "my", "myself", "no", "nor", "not", "now", "of", "off", "on", "once", "only", "or", "other", "our", "ours", "ourselves", "out", "over", "own", "said", "same", "she", "should", "so", "some", "such", "than", "that", "the", "their", "theirs", "them", "themselves", "then", "there", "these", "they", "this", "those", "through", "to", "too", "under", "until", "up", "very", "was", "we", "were", "what", "when", "where", "which", "while", "who", "whom", "why", "will", "with", "would", "you", "your", "yours", "yourself", "yourselves", "also", "says", "say", "mr", "mrs", "ms"]
)

DANGLING_OPENERS = frozenset(["he", "she", "it", "they", "them", "this", "these", "those", "that", "however", "also", "but"])
