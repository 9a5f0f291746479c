"""The blocks an article body is made of."""

from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.contrib.table_block.blocks import TableBlock
from wagtail.images.blocks import ImageChooserBlock
from wagtail.snippets.blocks import SnippetChooserBlock

BODY_FEATURES = ["h3", "h4", "bold", "italic", "ol", "ul", "link", "document-link", "code", "hr"]


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(max_length=120)
    level = blocks.ChoiceBlock(choices=[("h2", "Section"), ("h3", "Sub-section")], default="h2")

    class Meta:
        icon = "title"
        template = "wiki/blocks/heading.html"
        description = _("A section heading; headings make the page's table of contents.")
        preview_value = {"text": "Before you start", "level": "h2"}


class StepBlock(blocks.StructBlock):
    text = blocks.RichTextBlock(features=BODY_FEATURES)
    screen = blocks.CharBlock(
        required=False,
        max_length=80,
        help_text=_("The system screen or transaction where this step happens, e.g. ME21N or 'Invoice inbox'."),
    )
    image = ImageChooserBlock(required=False, help_text=_("A screenshot of the step, if it helps."))

    class Meta:
        icon = "list-ol"


class StepsBlock(blocks.StructBlock):
    title = blocks.CharBlock(required=False, max_length=120, help_text=_("Optional, e.g. 'Post the invoice'."))
    steps = blocks.ListBlock(StepBlock(), min_num=1)

    class Meta:
        icon = "list-ol"
        template = "wiki/blocks/steps.html"
        description = _("Numbered steps, each optionally naming its screen and carrying a screenshot.")
        preview_value = {
            "title": "Park the invoice",
            "steps": [
                {"text": "<p>Open the invoice inbox and pick the oldest item.</p>", "screen": "Invoice inbox"},
                {"text": "<p>Match it to the purchase order and park it.</p>", "screen": "MIRO"},
            ],
        }


class CalloutBlock(blocks.StructBlock):
    kind = blocks.ChoiceBlock(
        choices=[
            ("tip", "Tip"),
            ("warning", "Warning"),
            ("customisation", "Our customisation differs from the vendor standard"),
        ],
        default="tip",
    )
    text = blocks.RichTextBlock(features=BODY_FEATURES)

    class Meta:
        icon = "warning"
        template = "wiki/blocks/callout.html"
        description = _("A tip, a warning, or a note where our system differs from the vendor's standard.")
        preview_value = {"kind": "customisation", "text": "<p>We block invoices over 10,000 EUR for review.</p>"}


class TableWithCaptionBlock(blocks.StructBlock):
    caption = blocks.CharBlock(required=False, max_length=200)
    table = TableBlock()

    class Meta:
        icon = "table"
        template = "wiki/blocks/table.html"
        description = _("A table, such as a list of fields and what to put in them.")


class WhoToAskBlock(blocks.StructBlock):
    topics = blocks.ListBlock(SnippetChooserBlock("expertise.Topic"), min_num=1)
    note = blocks.CharBlock(required=False, max_length=200, help_text=_("e.g. 'for anything about payment runs'."))

    class Meta:
        icon = "group"
        template = "wiki/blocks/who_to_ask.html"
        description = _("Names the topics to ask people about; readers see who knows them.")


class CodeBlock(blocks.StructBlock):
    language = blocks.CharBlock(required=False, max_length=40)
    code = blocks.TextBlock()

    class Meta:
        icon = "code"
        template = "wiki/blocks/code.html"
        description = _("A snippet of code, a query or a configuration value, shown as typed.")


class ArticleBodyBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    text = blocks.RichTextBlock(features=BODY_FEATURES, icon="pilcrow")
    steps = StepsBlock()
    callout = CalloutBlock()
    table = TableWithCaptionBlock()
    who_to_ask = WhoToAskBlock()
    image = ImageChooserBlock(template="wiki/blocks/image.html")
    code = CodeBlock()
