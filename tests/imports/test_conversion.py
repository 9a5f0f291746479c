from imports.conversion import converted_bodies
from imports.markdown import read_document

FILES = {
    "guide/start.md": b"# Start\n\nRead [the close](close.md), then [nothing](missing.md).\n\n![Flow](flow.png)\n",
    "guide/close.md": b"# Close\n\n| Step | Who |\n|---|---|\n| Accrue | AP |\n\n```sql\nselect 1;\n```\n",
}


def documents():
    return [read_document(raw, path=path) for path, raw in FILES.items()]


def test_converting_in_a_second_process_gives_the_same_bodies_in_the_same_order():
    targets = {"guide/start.md": 11, "guide/close.md": 12}
    here = list(converted_bodies(documents(), page_ids=targets, image_paths={"guide/flow.png"}, in_parallel=False))
    there = list(converted_bodies(documents(), page_ids=targets, image_paths={"guide/flow.png"}, in_parallel=True))
    assert here == there
    start, close = here
    assert '<a id="12" linktype="page">the close</a>' in start.stream[0]["value"]
    assert start.broken_links == ["missing.md"]
    assert {"type": "image", "value": "guide/flow.png"} in start.stream  # stored by the importer, by path
    assert [block["type"] for block in close.stream] == ["table", "code"]
