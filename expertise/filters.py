"""The expertise map's filters, read from its query string."""

from django import forms
from django.utils.translation import gettext_lazy as _

from expertise.models import Team
from onramp.filters import CountField, FallbackChoiceField, IdChoiceField


class CoverageMapFilterForm(forms.Form):
    """A process area among `areas` (the ones the person may see: a restricted one is never a choice), a team by
    its slug, rows of people or of teams, and how many people a page shows. Each value that names nothing is
    ignored on its own; the map is not a queryset, so this is a form rather than a FilterSet."""

    area = IdChoiceField(queryset=None, required=False)
    team = forms.ModelChoiceField(queryset=Team.objects.all(), to_field_name="slug", required=False)
    by = FallbackChoiceField(choices=[("people", _("People")), ("teams", _("Teams"))], fallback="people")
    per_page = CountField(default=100, maximum=300)

    def __init__(self, data, *, areas):
        super().__init__(data)
        self.fields["area"].queryset = areas

    def filters(self) -> dict:
        """Every filter, the ones that named nothing at their empty value (or their default)."""
        self.is_valid()
        return {name: self.cleaned_data.get(name) for name in ("area", "team", "by", "per_page")}
