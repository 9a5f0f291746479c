import pytest

from django.contrib.auth import get_user_model
from django.core import mail
from django.core.management import CommandError, call_command

from expertise.factories import make_person
from expertise.models import Profile
from imports.people import PeopleFormatError, import_people

pytestmark = pytest.mark.django_db

GOOD = """id,email,name,title,team,manager,location,time_zone,start_date
e1,marty@example.com,Marty Keller,Head of Finance,Finance,,Leeds,Europe/London,2014-06-02
e2,jim@example.com,Jim Okafor,AP Analyst,Accounts Payable,e1,Leeds,Europe/London,2019-03-04
e3,jill@example.com,Jill Hartmann,AP Analyst,Accounts Payable,jim@example.com,Leeds,Europe/London,2026-11-09
"""


def profile(hr_id: str) -> Profile:
    return Profile.objects.select_related("user", "team", "manager").get(external_id=hr_id)


def test_people_are_created_with_profiles_and_managers_and_nobody_is_emailed():
    report = import_people(GOOD)
    assert (report.created, report.updated, report.errors) == (3, 0, [])
    jill = profile("e3")
    assert jill.user.get_full_name() == "Jill Hartmann" and jill.user.email == "jill@example.com"
    assert jill.team.name == "Accounts Payable" and jill.manager == profile("e2").user
    assert str(jill.start_date) == "2026-11-09" and not jill.user.has_usable_password()
    assert mail.outbox == []


def test_importing_again_updates_by_id_or_email():
    import_people(GOOD)
    report = import_people("email,title\njim@example.com,Senior AP Analyst\n")
    assert (report.created, report.updated) == (0, 1)
    assert profile("e2").title == "Senior AP Analyst"
    assert get_user_model().objects.count() == 3


BAD = """id,email,name,title,team,manager,location,time_zone,start_date
,,Nobody,,,,,,
e1,not-an-email,Bad Email,,,,,,
e2,b@example.com,Bad Zone,,,,,Mars/Olympus,
e3,c@example.com,Bad Date,,,,,,03/01/2024
e4,d@example.com,Good One,,,,,,
e4,e@example.com,Duplicate,,,,,,
e5,f@example.com,Lost Manager,,,e99,,,
e6,g@example.com,Loop A,,,e7,,,
e7,h@example.com,Loop B,,,e6,,,
"""


def test_each_bad_row_is_reported_by_line_and_the_good_rows_imported():
    report = import_people(BAD)
    errors = dict(report.errors)
    assert errors[2] == "needs an id or an email"
    assert "not an email address" in errors[3]
    assert "time zone 'Mars/Olympus'" in errors[4]
    assert "is not a date like 2024-03-01" in errors[5]
    assert "e4 appears again (first on line 6)" in errors[7]
    assert "manager 'e99' is neither in this file nor in Onramp" in errors[8]
    # The first row that would close the loop is refused; the other then reports to it.
    assert "makes the reporting chain loop" in errors[9] and 10 not in errors
    assert Profile.objects.filter(external_id__in=["e4", "e5", "e6", "e7"]).count() == 4
    assert profile("e6").manager is None and profile("e7").manager == profile("e6").user


def test_a_loop_through_people_already_in_onramp_is_refused():
    top = make_person("marty.keller", external_id="m1")
    make_person("nadia.kowalska", external_id="m2", manager=top)
    report = import_people("id,manager\nm1,m2\n")
    assert report.errors == [(2, "manager 'm2' makes the reporting chain loop")]
    assert profile("m1").manager is None


def test_a_dry_run_saves_nothing():
    report = import_people(GOOD, dry_run=True)
    assert report.created == 3 and report.dry_run
    assert not Profile.objects.filter(external_id__isnull=False).exists()


def test_the_handbook_columns_are_accepted():
    text = "id,name,role,manager,location,first_commit,last_commit,commits,source\n"
    text += "p0001,Elio Ellingsen,CEO,,USA,2019-11-08,2024-04-26,285,team+git\n"
    text += "p0002,Tobias Vasquez-Lind,CTO,p0001,USA,2019-11-22,2023-09-18,22,team+git\n"
    report = import_people(text)
    assert report.created == 2 and profile("p0002").title == "CTO"
    assert profile("p0002").manager == profile("p0001").user


def test_a_file_without_a_usable_header_is_refused():
    with pytest.raises(PeopleFormatError, match="needs an id or an email column"):
        import_people("name,title\nJim,Analyst\n")
    with pytest.raises(PeopleFormatError, match="the file is empty"):
        import_people("")


def test_the_command_reports_rows_and_refuses_missing_files(tmp_path, capsys):
    people = tmp_path / "people.csv"
    people.write_text(BAD, encoding="utf-8")
    call_command("import_people", str(people), "--dry-run")
    out = capsys.readouterr().out
    assert "Dry run: nothing was saved." in out and "line 3:" in out
    with pytest.raises(CommandError, match="does not exist"):
        call_command("import_people", str(tmp_path / "missing.csv"))


def test_a_start_date_outside_the_range_onramp_accepts_is_reported_by_line():
    report = import_people("id,email,start_date\ne1,a@example.com,9999-12-31\ne2,b@example.com,2026-11-09\n")
    assert "start date '9999-12-31': Enter a date between" in dict(report.errors)[2]
    assert report.created == 1 and not Profile.objects.filter(external_id="e1").exists()
