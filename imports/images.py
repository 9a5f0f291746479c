"""The images of an imported tree: which of them may be stored, and storing them.

Wagtail serves an SVG as it was uploaded, and a browser opening one runs what it holds. So an SVG that
could run code (scripts, event handlers, javascript: links, embedded HTML) or load anything from
elsewhere is refused rather than cleaned: the report names it, and its author can fix it."""

from __future__ import annotations

import io
import posixpath
import re
from xml.etree.ElementTree import ParseError, TreeBuilder

import willow
from defusedxml import DefusedXmlException
from defusedxml.ElementTree import DefusedXMLParser

from django.core.files.images import ImageFile

from wagtail.images import get_image_model

ACTIVE_ELEMENTS = {
    "script": "a script element",
    "foreignobject": "embedded HTML, a foreignObject element",
    "iframe": "an iframe",
    "embed": "an embed element",
    "object": "an object element",
    "handler": "a handler element",
    "listener": "a listener element",
}
REFERENCE_ATTRIBUTES = {"href", "src"}  # xlink:href too: attributes are compared by their local name
ANIMATIONS = {"set", "animate"}
EMBEDDED_PICTURE = re.compile(r"^data:image/(png|jpeg|gif|webp)[;,]", re.IGNORECASE)
CSS_REFERENCE = re.compile(r"url\(\s*['\"]?\s*([^'\")\s]*)|@import", re.IGNORECASE)
SCRIPT_URL = re.compile(r"(javascript|vbscript):|data:text/html", re.IGNORECASE)


class ImageRefused(Exception):
    """An image of the tree that is not stored; the message says why, in words for the report."""


def check_image(data: bytes, *, path: str) -> None:
    """Raises ImageRefused for an SVG with active content or a file no image reader understands."""
    if path.lower().endswith(".svg"):
        problem = svg_active_content(data)
        if problem:
            raise ImageRefused(problem)
    try:
        willow.Image.open(io.BytesIO(data)).get_size()  # what Wagtail reads when it stores the image
    except Exception as error:  # noqa: BLE001 - whatever the readers raise, the file is not a usable image
        raise ImageRefused("not an image that can be read") from error


def store_image(data: bytes, *, path: str) -> int:
    """Stores an image checked by `check_image`; returns its id."""
    name = posixpath.basename(path)
    image = get_image_model()(title=name)
    image.file = ImageFile(io.BytesIO(data), name=name)
    image.save()
    return image.pk


class _Instructions(TreeBuilder):
    """Builds the tree and notes the processing instructions (an xml-stylesheet loads another file)."""

    def __init__(self) -> None:
        super().__init__()
        self.targets: list[str] = []

    def pi(self, target: str, text: str | None = None):
        self.targets.append(target)
        return super().pi(target, text)


def svg_active_content(data: bytes) -> str | None:
    """What in an SVG could run code or load another file, in words for the report; None if nothing."""
    builder = _Instructions()
    parser = DefusedXMLParser(target=builder)
    try:
        parser.feed(data)
        root = parser.close()
    except DefusedXmlException:
        return "an SVG that declares XML entities or external files"
    except ParseError as error:
        return f"not a well-formed SVG ({error})"
    if local_name(root.tag) != "svg":
        return "not an SVG image (its first element is not <svg>)"
    if builder.targets:
        return f"an SVG with active content (a processing instruction <?{builder.targets[0]}?>)"
    for element in root.iter():
        name = local_name(element.tag)
        if name in ACTIVE_ELEMENTS:
            return f"an SVG with active content ({ACTIVE_ELEMENTS[name]})"
        if name == "style" and external_css(element.text or ""):
            return "an SVG with a style sheet that loads another file"
        for attribute, value in element.attrib.items():
            problem = attribute_problem(name, local_name(attribute), value, element.attrib)
            if problem:
                return f"an SVG with active content ({problem})"
    return None


def attribute_problem(element: str, attribute: str, value: str, attributes: dict[str, str]) -> str | None:
    compact = "".join(value.split())
    if attribute.startswith("on"):
        return f"an event handler, {attribute}"
    if SCRIPT_URL.search(compact):
        return f"a script link in {attribute}"
    if attribute in REFERENCE_ATTRIBUTES and not (compact.startswith("#") or EMBEDDED_PICTURE.match(compact)):
        return f"a reference to another file, {value.strip()[:80]}"
    if external_css(value):
        return f"a reference to another file in {attribute}"
    if element in ANIMATIONS and local_name(attributes.get("attributeName", "")) in REFERENCE_ATTRIBUTES:
        return "an animation that changes a link"
    return None


def external_css(text: str) -> bool:
    """Whether CSS (a style sheet, or an attribute such as fill="url(…)") loads something outside the SVG."""
    for match in CSS_REFERENCE.finditer(text):
        target = match.group(1)
        if target is None or not target.startswith("#"):  # @import, or url() of another file
            return True
    return False


def local_name(name: str) -> str:
    """“{http://www.w3.org/1999/xlink}href” → “href”; “xlink:href” → “href”."""
    return name.rsplit("}", 1)[-1].rsplit(":", 1)[-1].lower()
