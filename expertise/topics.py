"""How topics are typed in a tag field: most are phrases ("vendor master data"), so only commas separate them."""


def parse_topics(text: str) -> list[str]:
    names = {name.strip().strip('"').strip() for name in text.split(",")}
    return sorted(name for name in names if name)


def format_topics(topics) -> str:
    return ", ".join(sorted(topic.name for topic in topics))
