from datetime import date

from django import forms

from onramp.widgets import DateInput


def test_date_fields_show_their_initial_date_in_the_browser_s_iso_format():
    class Form(forms.Form):
        held_on = forms.DateField(widget=DateInput())

    html = str(Form(initial={"held_on": date(2026, 11, 20)})["held_on"])
    assert 'type="date"' in html and 'value="2026-11-20"' in html
