"""Merging a duplicate by searching for the gap it duplicates: a GET search listing open gaps, then a POST."""

from django.urls import reverse

from forums.gaps import decline_gap, merge_targets, raise_gap
from forums.models import GapSource, GapStatus


def a_gap(org, title, **kwargs):
    return raise_gap(title=title, source=GapSource.DIRECT, raised_by=org["jill"], **kwargs)


def test_the_search_lists_matching_open_gaps_the_trainer_may_merge_into(client, org):
    duplicate = a_gap(org, "Payment block reasons missing")
    kept = a_gap(org, "Where are the payment block reasons?")
    declined = a_gap(org, "Payment block reasons, old screen")
    decline_gap(gap=declined, by=org["carrie"], reason="Screen retired.")
    a_gap(org, "Vendor master data")
    client.force_login(org["carrie"])

    page = client.get(reverse("forums:gap", args=[duplicate.pk]), {"merge_q": "block REASONS"}).content.decode()
    assert f'name="into" value="{kept.pk}"' in page
    assert f'value="{declined.pk}"' not in page  # closed gaps are not offered
    assert f'name="into" value="{duplicate.pk}"' not in page  # nor the gap itself
    assert "Vendor master data" not in page
    assert 'id="id_merge_q_helptext"' in page

    by_number = client.get(reverse("forums:gap", args=[duplicate.pk]), {"merge_q": f"#{kept.pk}"}).content.decode()
    assert f'name="into" value="{kept.pk}"' in by_number
    nothing = client.get(reverse("forums:gap", args=[duplicate.pk]), {"merge_q": "zebra"}).content.decode()
    assert "No open gap matches" in nothing

    response = client.post(reverse("forums:merge", args=[duplicate.pk]), {"into": kept.pk}, follow=True)
    assert response.redirect_chain[-1][0] == kept.get_absolute_url()
    duplicate.refresh_from_db()
    assert duplicate.status == GapStatus.DUPLICATE and duplicate.duplicate_of == kept


def test_people_who_may_not_merge_see_no_search_and_get_no_matches(client, org):
    duplicate = a_gap(org, "Payment block reasons missing")
    a_gap(org, "Where are the payment block reasons?")
    client.force_login(org["ben"])
    page = client.get(reverse("forums:gap", args=[duplicate.pk]), {"merge_q": "block"}).content.decode()
    assert 'name="merge_q"' not in page and 'name="into"' not in page
    assert merge_targets(duplicate, "block", by=org["ben"]) == []


def test_a_page_owner_is_offered_only_the_gaps_they_may_merge_and_their_process_first(org):
    on_article = a_gap(org, "Payment proposal steps unclear", related_page=org["article"])
    elsewhere = a_gap(org, "Payment proposal for vendors")
    same_process = a_gap(org, "Payment proposal approval", related_page=org["process"])
    # Jim owns the article and the process: he may merge among their gaps, not the unrelated one.
    assert merge_targets(on_article, "payment proposal", by=org["jim"]) == [same_process]
    # A trainer sees every open match, the gap's own process first.
    assert merge_targets(on_article, "payment proposal", by=org["carrie"]) == [same_process, elsewhere]
