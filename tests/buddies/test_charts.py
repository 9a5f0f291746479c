"""The progress chart has a legend, both axes and series told apart by more than colour; the program's KPI
bars carry their names."""

import re
from datetime import date

import pytest

from django.urls import reverse

from buddies.models import Cohort
from tests.buddies.conftest import START

pytestmark = pytest.mark.django_db


def test_the_progress_chart_has_a_legend_axes_and_distinct_series(client, org, jills):
    client.force_login(org["jill"])
    url = reverse("buddies:self_assess", args=[jills.pk])
    client.post(url, {"topic": org["invoices"].pk, "level": "2"})
    client.post(url, {"topic": org["payments"].pk, "level": "4"})
    client.force_login(org["jim"])

    html = client.get(reverse("buddies:onboarding", args=[jills.pk])).content.decode()

    svg = html[html.index("<svg") : html.index("</svg>")]
    legend = svg[svg.index('class="chart-legend"') :]
    assert "Invoice matching" in legend and "Payment runs" in legend
    assert "Level (1–5)" in svg and "Date" in svg
    assert all(f">{level}</text>" in svg for level in range(1, 6)), "the level axis is numbered 1 to 5"
    assert "2 Nov</text>" in svg, "the date axis starts at the start date"
    assert "<desc" in svg and "Invoice matching: 2/5" in svg
    dashes = re.findall(
        r'<path d="[^"]*" fill="none" stroke="(#\w+)" stroke-width="2"( stroke-dasharray="[^"]+")?', svg
    )
    assert len(dashes) == 2 and len(set(dashes)) == 2 and dashes[0][1] != dashes[1][1], "colour and dash differ"


def test_the_program_kpi_bars_carry_their_names_and_the_kpis_are_pairs(client, org, jills, program_admin):
    Cohort.objects.create(name="November 2026", starts_on=START, ends_on=date(2026, 11, 30))
    client.force_login(program_admin)

    html = client.get(reverse("buddies:program")).content.decode()

    names = re.findall(r'class="chart-label chart-bar-name">(.*?)</text>', html)
    words = [" ".join(re.findall(r">([^<]+)</tspan>", name)) for name in names]
    assert words[0] == "Check-ins held" and "Milestones by day 30" in words
    assert '<div class="kpi"><dt>New hires</dt><dd>' in html
