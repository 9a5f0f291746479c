"""includes/field.html: every id a field's aria-describedby names exists exactly once in the page."""

from collections import Counter
from html.parser import HTMLParser

from django import forms
from django.template.loader import render_to_string


class _Ids(HTMLParser):
    def __init__(self):
        super().__init__()
        self.ids: Counter[str] = Counter()
        self.described_by: list[str] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if attrs.get("id"):
            self.ids[attrs["id"]] += 1
        if attrs.get("aria-describedby"):
            self.described_by.extend(attrs["aria-describedby"].split())


def _parse(html: str) -> _Ids:
    parser = _Ids()
    parser.feed(html)
    return parser


class _Form(forms.Form):
    name = forms.CharField(help_text="What people call it.", min_length=5)
    kind = forms.ChoiceField(choices=[("a", "A"), ("b", "B")], widget=forms.RadioSelect, help_text="Pick one.")

    def clean_name(self):
        name = self.cleaned_data["name"]
        if not name.isupper():
            raise forms.ValidationError("Shout it.")
        return name


def _render(form: forms.Form) -> str:
    return "".join(render_to_string("includes/field.html", {"field": field}) for field in form)


def test_help_text_and_several_errors_are_referenced_by_ids_that_exist_once():
    form = _Form(data={"name": "abc", "kind": "zzz"})
    form.add_error("name", "And a second problem.")
    assert len(form.errors["name"]) == 2
    html = _render(form)
    parsed = _parse(html)

    assert {"id_name_helptext", "id_name_error", "id_kind_helptext", "id_kind_error"} <= set(parsed.described_by)
    for ref in parsed.described_by:
        assert parsed.ids[ref] == 1, ref
    assert [i for i, n in parsed.ids.items() if n > 1] == []
    assert "at least 5 characters" in html and "And a second problem." in html
    assert 'aria-invalid="true"' in html


def test_radio_choices_are_grouped_in_a_fieldset_that_carries_the_description():
    html = _render(_Form(data={"name": "ABCDEF"}))
    assert '<fieldset class="field field--error" aria-describedby="id_kind_helptext id_kind_error">' in html
    assert "<legend>Kind</legend>" in html


def test_a_valid_field_points_only_at_its_help_text():
    form = _Form(data={"name": "ABCDEF", "kind": "a"})
    assert form.is_valid()
    parsed = _parse(_render(form))
    assert sorted(parsed.described_by) == ["id_kind_helptext", "id_name_helptext"]
    assert parsed.ids["id_name_helptext"] == 1
