"""Reference point for the digest benchmark: sumy's LexRank over the same files, with a regex tokenizer.

NLTK's punkt data is not installed offline, so sumy's own German tokenizer cannot run; this tokenizer
splits sentences on closing punctuation and words on word characters, which is what LexRank needs.
Usage: python bench/sumy_lexrank.py FOLDER [WORDS]
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from sumy.nlp.stemmers import Stemmer
from sumy.parsers.plaintext import PlaintextParser
from sumy.summarizers.lex_rank import LexRankSummarizer

_SENT = re.compile(r"(?<=[.!?])\s+")
_WORD = re.compile(r"\w+")


class RegexTokenizer:
    language = "german"

    def to_sentences(self, paragraph: str) -> list[str]:
        return [s for s in _SENT.split(paragraph) if s.strip()]

    def to_words(self, sentence: str) -> list[str]:
        return _WORD.findall(sentence)


def main() -> None:
    folder = Path(sys.argv[1])
    budget = int(sys.argv[2]) if len(sys.argv) > 2 else 120
    text = "\n\n".join(p.read_text(encoding="utf-8") for p in sorted(folder.iterdir()) if p.is_file())
    parser = PlaintextParser.from_string(text, RegexTokenizer())
    summarizer = LexRankSummarizer(Stemmer("german"))
    used = 0
    for sentence in summarizer(parser.document, 20):
        n = len(sentence.words)
        if used + n > budget:
            break
        used += n
        print(sentence)


if __name__ == "__main__":
    main()
