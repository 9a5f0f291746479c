"""Check-in dates: a date far outside the program is refused where it is typed, one already stored does not
break the onboarding pages, and a check-in planned by mistake can be cancelled (kept, not deleted)."""

from datetime import date, timedelta

import pytest

from django.core import mail
from django.urls import reverse

from buddies.models import CheckIn, CheckInReminder
from buddies.tasks import send_check_in_reminders
from tests.buddies.conftest import TODAY

pytestmark = pytest.mark.django_db

LAST_DAY = date(9999, 12, 31)


def page_for(client, person, url) -> str:
    client.force_login(person)
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def test_a_check_in_at_the_calendar_s_end_does_not_break_anyone_s_onboarding_pages(client, org, jills):
    """Stored before dates were bounded (or by an import): the pages count back from today instead of adding
    grace days to the date, which would overflow."""
    CheckIn.objects.create(onboarding=jills, scheduled_for=LAST_DAY)
    jills.milestones.filter(title="Independent").update(due_on=LAST_DAY)
    detail = reverse("buddies:onboarding", args=[jills.pk])

    assert "31 Dec" in page_for(client, org["jill"], reverse("buddies:mine"))
    for person in ("jill", "jim", "nadia"):
        page = page_for(client, org[person], detail)
        assert "Fri 31 Dec" in page and "Upcoming" in page
    page_for(client, org["jim"], reverse("buddies:new_hires"))
    page_for(client, org["nadia"], reverse("buddies:program"))


def test_a_check_in_date_out_of_range_is_refused_naming_the_field(client, org, jills):
    client.force_login(org["jim"])
    response = client.post(
        reverse("buddies:add_check_in", args=[jills.pk]), {"scheduled_for": LAST_DAY.isoformat()}, follow=True
    )
    assert "Date: Enter a date between 1 January 1900 and 31 December 2100." in response.content.decode()
    assert not jills.check_ins.filter(scheduled_for__gt=date(2100, 1, 1)).exists()


def test_recording_a_check_in_held_on_a_date_out_of_range_is_refused_naming_the_field(client, org, jills):
    check_in = jills.check_ins.first()
    client.force_login(org["jill"])
    response = client.post(reverse("buddies:check_in", args=[check_in.pk]), {"held_on": "1066-10-14", "aims": "x"})
    assert response.status_code == 400
    assert response.context["form"].errors["held_on"] == ["Enter a date between 1 January 1900 and 31 December 2100."]
    assert 'id="id_held_on_error"' in response.content.decode()
    check_in.refresh_from_db()
    assert check_in.held_on is None


def test_ending_an_onboarding_on_a_date_out_of_range_is_refused_naming_the_field(client, org, jills):
    client.force_login(org["nadia"])
    response = client.post(
        reverse("buddies:end", args=[jills.pk]), {"outcome": "completed", "end_date": "9999-12-31"}, follow=True
    )
    assert "Last day: Enter a date between 1 January 1900 and 31 December 2100." in response.content.decode()
    jills.refresh_from_db()
    assert jills.is_open


def test_date_fields_tell_the_browser_their_range(client, org, jills):
    page = page_for(client, org["jim"], reverse("buddies:onboarding", args=[jills.pk]))
    assert 'name="scheduled_for"' in page and 'min="1900-01-01"' in page and 'max="2100-12-31"' in page


def test_the_buddy_cancels_a_wrong_check_in_which_stays_in_the_log(client, org, jills):
    wrong = CheckIn.objects.create(onboarding=jills, scheduled_for=LAST_DAY)
    detail = reverse("buddies:onboarding", args=[jills.pk])
    page = page_for(client, org["jim"], detail)
    cancel = reverse("buddies:cancel_check_in", args=[wrong.pk])
    assert f'action="{cancel}"' in page and "Cancel the check-in of 31 Dec 9999" in page

    response = client.post(cancel, {"next": detail}, follow=True)
    assert "The check-in of 31 Dec 9999 is cancelled." in response.content.decode()
    wrong.refresh_from_db()
    assert wrong.cancelled_by == org["jim"] and wrong.cancelled_at is not None
    page = page_for(client, org["jill"], detail)
    assert "Cancelled" in page and 'by <a class="person" href="/people/jim.okafor/">Jim Okafor</a>' in page
    assert f'action="{cancel}"' not in page


def test_a_cancelled_check_in_is_neither_missed_nor_upcoming_nor_reminded_of(client, org, jills):
    missed = jills.check_ins.get(scheduled_for=date(2026, 11, 16))  # missed: two days' grace ended on the 18th
    tomorrow = CheckIn.objects.create(onboarding=jills, scheduled_for=TODAY + timedelta(days=1))
    client.force_login(org["nadia"])
    for check_in in (missed, tomorrow):
        client.post(reverse("buddies:cancel_check_in", args=[check_in.pk]))

    page = page_for(client, org["nadia"], reverse("buddies:onboarding", args=[jills.pk]))
    assert 'Missed check-ins</dt><dd class="risk-flag">1<' in page, "only the 9 Nov one is still missed"
    assert "Sat 21 Nov" not in page.split("Next check-in")[1][:80]
    program = page_for(client, org["nadia"], reverse("buddies:program"))
    assert "1 missed check-in" in program

    assert send_check_in_reminders.delay().get() == 0
    assert not mail.outbox and not CheckInReminder.objects.exists()


def test_only_the_buddy_the_manager_or_a_program_admin_cancel_a_check_in(client, org, jills, program_admin):
    first, second, third = jills.check_ins.all()[:3]
    client.force_login(org["jill"])
    assert client.post(reverse("buddies:cancel_check_in", args=[first.pk])).status_code == 403
    assert not CheckIn.objects.filter(cancelled_at__isnull=False).exists()
    assert "Cancel the check-in" not in page_for(client, org["jill"], reverse("buddies:mine"))

    client.force_login(org["nadia"])
    client.post(reverse("buddies:cancel_check_in", args=[second.pk]))
    client.force_login(program_admin)
    client.post(reverse("buddies:cancel_check_in", args=[third.pk]))
    assert set(CheckIn.objects.filter(cancelled_at__isnull=False).values_list("cancelled_by", flat=True)) == {
        org["nadia"].pk,
        program_admin.pk,
    }


def test_a_held_check_in_cannot_be_cancelled_and_a_cancelled_one_is_not_recorded(client, org, jills):
    held, cancelled = jills.check_ins.all()[:2]
    held.held_on, held.aims = held.scheduled_for, "Access"
    held.save()
    client.force_login(org["jim"])
    response = client.post(reverse("buddies:cancel_check_in", args=[held.pk]), follow=True)
    assert "This check-in was held and recorded: it cannot be cancelled." in response.content.decode()
    client.post(reverse("buddies:cancel_check_in", args=[cancelled.pk]))

    response = client.post(
        reverse("buddies:check_in", args=[cancelled.pk]), {"held_on": cancelled.scheduled_for, "aims": "x"}
    )
    assert response.status_code == 400 and "This check-in was cancelled" in response.content.decode()


def test_planning_a_check_in_again_on_a_cancelled_day_brings_it_back(client, org, jills):
    check_in = jills.check_ins.get(scheduled_for=date(2026, 11, 23))
    client.force_login(org["jim"])
    client.post(reverse("buddies:cancel_check_in", args=[check_in.pk]))
    response = client.post(
        reverse("buddies:add_check_in", args=[jills.pk]), {"scheduled_for": "2026-11-23"}, follow=True
    )
    assert "Check-in planned for 23 Nov 2026." in response.content.decode()
    check_in.refresh_from_db()
    assert check_in.cancelled_at is None and jills.check_ins.filter(scheduled_for=date(2026, 11, 23)).count() == 1
