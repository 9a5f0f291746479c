"""How Ask reads what people type: one normal form for grouping and matching, and the words to search."""

import functools
import re
import sys
import unicodedata

MAX_QUERY_CHARS = 300
WORD = re.compile(r"\w+", re.UNICODE)
# Words that carry no meaning on their own in a question; never searched alone, kept in phrases.
STOP_WORDS = frozenset(
    [
        "a",
        "an",
        "and",
        "are",
        "as",
        "at",
        "be",
        "by",
        "can",
        "do",
        "does",
        "for",
        "from",
        "get",
        "got",
        "have",
        "how",
        "i",
        "if",
        "in",
        "into",
        "is",
        "it",
        "its",
        "me",
        "my",
        "need",
        "of",
        "on",
        "or",
        "our",
        "should",
        "so",
        "that",
        "the",
        "their",
        "there",
        "this",
        "to",
        "us",
        "was",
        "we",
        "what",
        "when",
        "where",
        "which",
        "who",
        "why",
        "will",
        "with",
        "you",
        "your",
    ]
)


# Words of question phrasing that say nothing about what a question is about ("how much", "I want",
# "something"): searched for only when a question has no other words. Not "one": "one on one", "day one".
QUESTION_WORDS = frozenset(
    [
        "about",
        "am",
        "any",
        "anyone",
        "anything",
        "around",
        "best",
        "could",
        "did",
        "done",
        "else",
        "find",
        "going",
        "good",
        "help",
        "know",
        "like",
        "long",
        "make",
        "many",
        "much",
        "new",
        "not",
        "now",
        "please",
        "same",
        "some",
        "someone",
        "something",
        "still",
        "tell",
        "there",
        "thing",
        "things",
        "use",
        "want",
        "way",
        "ways",
        "would",
    ]
)


def normalise(text: str) -> str:
    """Lower case, accents and punctuation ignored, one space between words: "Where's the P2P guide?"
    and "where s the p2p guide" are the same question."""
    text = without_accents(unicodedata.normalize("NFKC", text or "")[: MAX_QUERY_CHARS * 4].casefold())
    return " ".join(WORD.findall(text.replace("_", " ")))[:MAX_QUERY_CHARS].strip()


def text_words(text: str) -> list[str]:
    """Every word of a text of any length (a page's body), folded as `normalise` folds a question."""
    return WORD.findall(without_accents(unicodedata.normalize("NFKC", text or "").casefold()).replace("_", " "))


def without_accents(text: str) -> str:
    """The text decomposed (NFKD) with its combining marks taken out: "café" is "cafe"."""
    if text.isascii():
        return text
    return unicodedata.normalize("NFKD", text).translate(combining_marks())


@functools.cache
def combining_marks() -> dict[int, None]:
    """A str.translate table deleting every combining character (built once, on the first text that needs it:
    a character at a time in Python cost about a third of a second a handbook import)."""
    return {code: None for code in range(sys.maxunicode + 1) if unicodedata.combining(chr(code))}


def words(text: str) -> list[str]:
    return normalise(text).split()


def search_words(text: str) -> list[str]:
    """The words worth searching for, in order, without repeats; question phrasing only when nothing else is
    left, and stop words only when not even that is."""
    all_words = list(dict.fromkeys(words(text)))
    meaningful = [word for word in all_words if word not in STOP_WORDS and (len(word) > 1 or word.isdigit())]
    subject = [word for word in meaningful if word not in QUESTION_WORDS]
    return subject or meaningful or all_words
