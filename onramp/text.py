"""Text rules shared by every app."""


def single_line(text: str) -> str:
    """The text on one line: every run of whitespace, line breaks included, becomes one space, and the ends are
    trimmed. For titles and email subjects: an email header cannot hold a line break."""
    return " ".join(text.split())
