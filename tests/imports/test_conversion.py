from concurrent.futures import wait

from imports.conversion import Conversion
from imports.markdown import convert_body, read_document

FILES = {
    "guide/start.md": b"# Start\n\nRead [the close](close.md), then [nothing](missing.md).\n\n![Flow](flow.png)\n",
    "guide/close.md": b"# Close\n\n| Step | Who |\n|---|---|\n| Accrue | AP |\n\n```sql\nselect 1;\n```\n",
}


def documents():
    return [read_document(raw, path=path) for path, raw in FILES.items()]


def converted(*, in_parallel: bool) -> list:
    targets = ["guide/start.md", "guide/close.md"]
    with Conversion(documents(), link_targets=targets, image_paths={"guide/flow.png"}, in_parallel=in_parallel) as run:
        wait([future for future in run.futures if future is not None])  # so the second process converts them
        # The pages links point at are made after converting has begun; their ids are only needed here.
        return list(run.bodies({"guide/start.md": 11, "guide/close.md": 12}))


def test_converting_in_a_second_process_gives_the_same_bodies_in_the_same_order():
    here = converted(in_parallel=False)
    there = converted(in_parallel=True)
    assert here == there
    start, close = here
    assert '<a id="12" linktype="page">the close</a>' in start.stream[0]["value"]
    assert start.broken_links == ["missing.md"]
    assert {"type": "image", "value": "guide/flow.png"} in start.stream  # stored by the importer, by path
    assert [block["type"] for block in close.stream] == ["table", "code"]


def test_html_in_a_file_cannot_make_a_page_link_of_its_own():
    raw = b'# Odd\n\n<p><a data-linktype="page" data-id="tree-target-0">raw</a> <a href="#x" data-id="1">x</a>\n'
    document = read_document(raw, path="odd.md")
    with Conversion([document], link_targets=["odd.md"], image_paths=(), in_parallel=False) as run:
        (body,) = run.bodies({"odd.md": 5})
    assert "linktype" not in body.stream[0]["value"]
    assert 'id="5"' not in body.stream[0]["value"]


def test_a_title_keeps_the_underscores_inside_words_and_the_body_its_inline_code():
    document = read_document(b"# Work the *ZAP_INBOX* queue\n\nPost to `219000` with _care_.\n", path="inbox.md")
    body = convert_body(document, resolve_link=lambda path: None, resolve_image=lambda path: None)
    assert document.title == "Work the ZAP_INBOX queue"
    assert body.stream == [{"type": "text", "value": "<p>Post to <code>219000</code> with <em>care</em>.</p>"}]
