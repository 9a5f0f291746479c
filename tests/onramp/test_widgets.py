from datetime import date

from django import forms

from onramp.widgets import DateInput, Select


def test_date_fields_show_their_initial_date_in_the_browser_s_iso_format():
    class Form(forms.Form):
        held_on = forms.DateField(widget=DateInput())

    html = str(Form(initial={"held_on": date(2026, 11, 20)})["held_on"])
    assert 'type="date"' in html and 'value="2026-11-20"' in html


def test_a_drop_down_list_renders_as_django_s_own_does():
    choices = [("", "Any"), ("a&b", "Fish & <chips>"), ("Group", [("3", "Three"), ("4", "Four")])]

    class Form(forms.Form):
        ours = forms.ChoiceField(choices=choices, widget=Select(attrs={"class": "narrow"}), required=False)
        django_s = forms.ChoiceField(choices=choices, widget=forms.Select(attrs={"class": "narrow"}), required=False)

    form = Form({"ours": "3", "django_s": "3"})
    html, expected = str(form["ours"]), str(form["django_s"]).replace("django_s", "ours")
    # The same markup but for the whitespace between the options.
    assert "".join(html.split()) == "".join(expected.split())
    assert '<option value="3" selected>Three</option>' in html
    assert "Fish &amp; &lt;chips&gt;" in html and 'value="a&amp;b"' in html
