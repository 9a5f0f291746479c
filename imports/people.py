"""Importing people from an HR export (CSV): users and profiles, created or updated by HR id or email.

Columns (a header row is required; names are case-insensitive; order does not matter):
  id          the person's id in the HR system            \\ at least one of the two
  email       their work email                           /
  name        full name (or first_name and last_name)
  title       job title (also read from `role`)
  team        team name; teams are created as needed
  manager     the manager's id or email, from this file or already in Onramp
  location    free text, e.g. "Leeds"
  time_zone   an IANA name such as Europe/London
  start_date  YYYY-MM-DD, the first working day; a new person starting later gets a draft onboarding
  end_date    YYYY-MM-DD, the last working day; once it has passed the person is deactivated (never deleted)
              and the wiki pages they own go to their manager (see imports/provisioning.py)
Other columns are ignored (the handbook export's first_commit and last_commit are not employment dates).
Nobody is sent an invitation or any email; a manager who takes over a leaver's pages is told in their inbox.
"""

from __future__ import annotations

import csv
import io
import zoneinfo
from dataclasses import dataclass, field
from datetime import date

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.utils.text import slugify
from django.utils.translation import ngettext

from expertise.models import Profile, Team
from expertise.people import chain_loops
from imports.provisioning import provision
from onramp.dates import check_in_range


class PeopleFormatError(ValueError):
    pass


@dataclass
class PersonRow:
    line: int
    hr_id: str
    email: str
    first_name: str
    last_name: str
    title: str
    team: str
    manager: str
    location: str
    time_zone: str
    start_date: date | None
    end_date: date | None = None


@dataclass
class PeopleReport:
    created: int = 0
    updated: int = 0
    errors: list[tuple[int, str]] = field(default_factory=list)
    dry_run: bool = False
    started: int = 0  # people new to Onramp whose start date is still ahead
    drafted: int = 0  # draft onboardings made for them
    left: int = 0  # people deactivated because their end date has passed
    notes: list[tuple[int, str]] = field(default_factory=list)

    def as_text(self) -> str:
        head = "Dry run: nothing was saved. " if self.dry_run else ""
        created = ngettext("%(count)d person created", "%(count)d people created", self.created) % {
            "count": self.created
        }
        errors = ngettext("%(count)d row with errors", "%(count)d rows with errors", len(self.errors)) % {
            "count": len(self.errors)
        }
        drafted = ngettext("%(count)d onboarding drafted", "%(count)d onboardings drafted", self.drafted) % {
            "count": self.drafted
        }
        lines = [
            f"{head}{created}, {self.updated} updated, {errors}.",
            f"{self.started} starting later, {drafted}, {self.left} left.",
        ]
        lines += [f"  line {line}: {reason}" for line, reason in sorted(self.errors + self.notes)]
        return "\n".join(lines)

    def summary(self) -> dict:
        return {
            "created": self.created,
            "updated": self.updated,
            "errors": len(self.errors),
            "started": self.started,
            "drafted": self.drafted,
            "left": self.left,
        }


def column(record: dict, *names: str) -> str:
    for name in names:
        value = record.get(name)
        if value:
            return value.strip()
    return ""


def parse_people(text: str) -> tuple[list[PersonRow], list[tuple[int, str]]]:
    reader = csv.DictReader(io.StringIO(text))
    if not reader.fieldnames:
        raise PeopleFormatError("the file is empty: expected a header row such as id,email,name,title,team,manager")
    reader.fieldnames = [name.strip().lower() for name in reader.fieldnames]
    if not {"id", "email"} & set(reader.fieldnames):
        raise PeopleFormatError("the header needs an id or an email column")
    rows, errors = [], []
    zones = zoneinfo.available_timezones()
    seen: dict[str, int] = {}
    for line, record in enumerate(reader, start=2):
        hr_id, email = column(record, "id"), column(record, "email").lower()
        problems = []
        if not hr_id and not email:
            problems.append("needs an id or an email")
        if email:
            try:
                validate_email(email)
            except ValidationError:
                problems.append(f"email {email!r} is not an email address")
        for key in (hr_id, email):
            if key and key in seen:
                problems.append(f"{key} appears again (first on line {seen[key]})")
        name = column(record, "name")
        first, last = column(record, "first_name"), column(record, "last_name")
        if name and not (first or last):
            first, _, last = name.partition(" ")
        zone = column(record, "time_zone", "timezone")
        if zone and zone not in zones:
            problems.append(f"time zone {zone!r} is not a known IANA name such as Europe/London")
        start = parse_date(record, "start_date", problems)
        end = parse_date(record, "end_date", problems)
        if start and end and end < start:
            problems.append(f"end date {end} is before the start date {start} (column end_date)")
        if problems:
            errors.append((line, "; ".join(problems)))
            continue
        for key in (hr_id, email):
            if key:
                seen[key] = line
        rows.append(
            PersonRow(
                line=line,
                hr_id=hr_id,
                email=email,
                first_name=first[:150],
                last_name=last[:150],
                title=column(record, "title", "role")[:150],
                team=column(record, "team")[:100],
                manager=column(record, "manager"),
                location=column(record, "location")[:100],
                time_zone=zone or "UTC",
                start_date=start,
                end_date=end,
            )
        )
    return rows, errors


def parse_date(record: dict, name: str, problems: list[str]) -> date | None:
    """The column's date, or None when it is empty or bad (a bad one is added to `problems`, naming it)."""
    value = column(record, name)
    if not value:
        return None
    label = name.replace("_", " ")
    try:
        day = date.fromisoformat(value)
        check_in_range(day)
    except ValueError:
        problems.append(f"{label} {value!r} is not a date like 2024-03-01 (column {name})")
    except ValidationError as error:
        problems.append(f"{label} {value!r}: {error.messages[0]} (column {name})")
    else:
        return day
    return None


def import_people(text: str, *, dry_run: bool = False) -> PeopleReport:
    """Imports every good row in one transaction and reports each bad row by its line number; then drafts
    onboardings for new people starting later and deactivates those whose end date has passed."""
    report = PeopleReport(dry_run=dry_run)
    rows, report.errors = parse_people(text)
    with transaction.atomic():
        profiles, created = {}, set()
        for row in rows:
            before = report.created
            profiles[row.line] = upsert_person(row, report)
            if report.created > before:
                created.add(row.line)
        link_managers(rows, profiles, report)
        provision(rows, profiles, created=created, report=report)
        if dry_run:
            transaction.set_rollback(True)
    return report


def find_profile(row: PersonRow) -> Profile | None:
    if row.hr_id:
        profile = Profile.objects.filter(external_id=row.hr_id).select_related("user").first()
        if profile:
            return profile
    if row.email:
        return Profile.objects.filter(user__email__iexact=row.email).select_related("user").first()
    return None


def upsert_person(row: PersonRow, report: PeopleReport) -> Profile:
    User = get_user_model()
    profile = find_profile(row)
    if profile is None:
        user = User(username=free_username(row), email=row.email, first_name=row.first_name, last_name=row.last_name)
        user.set_unusable_password()
        user.save()
        profile = Profile.objects.get(user=user)
        report.created += 1
    else:
        user = profile.user
        user.first_name, user.last_name = row.first_name or user.first_name, row.last_name or user.last_name
        user.email = row.email or user.email
        user.save(update_fields=["first_name", "last_name", "email"])
        report.updated += 1
    profile.external_id = row.hr_id or profile.external_id
    profile.title = row.title or profile.title
    profile.location = row.location or profile.location
    profile.time_zone = row.time_zone
    profile.start_date = row.start_date or profile.start_date
    if row.team:
        profile.team, _ = Team.objects.get_or_create(name=row.team, defaults={"slug": free_team_slug(row.team)})
    profile.save()
    return profile


def free_username(row: PersonRow) -> str:
    User = get_user_model()
    base = (row.email.split("@")[0] if row.email else slugify(row.hr_id)) or "person"
    username, number = base[:140], 2
    while User.objects.filter(username=username).exists():
        username, number = f"{base[:140]}-{number}", number + 1
    return username


def free_team_slug(name: str) -> str:
    base, number = slugify(name)[:90] or "team", 2
    slug = base
    while Team.objects.filter(slug=slug).exists():
        slug, number = f"{base}-{number}", number + 1
    return slug


def link_managers(rows: list[PersonRow], profiles: dict[int, Profile], report: PeopleReport) -> None:
    """Sets each row's manager; a manager who cannot be found, or a chain that would loop, is reported
    on the row's line and the row keeps its previous manager."""
    by_key = {}
    for row in rows:
        for key in (row.hr_id, row.email):
            if key:
                by_key[key.lower()] = profiles[row.line]
    wanted: dict[int, int | None] = {}
    for row in rows:
        if not row.manager:
            continue
        manager = by_key.get(row.manager.lower())
        if manager is None:
            manager = (
                Profile.objects.filter(external_id=row.manager).first()
                or Profile.objects.filter(user__email__iexact=row.manager).first()
            )
        if manager is None:
            report.errors.append((row.line, f"manager {row.manager!r} is neither in this file nor in Onramp"))
            continue
        wanted[row.line] = manager.user_id
    before = dict(Profile.objects.values_list("user_id", "manager_id"))
    chain = dict(before)
    for row in rows:
        if row.line in wanted:
            chain[profiles[row.line].user_id] = wanted[row.line]
    for row in rows:
        if row.line not in wanted:
            continue
        person = profiles[row.line].user_id
        if chain_loops(person, chain):
            report.errors.append((row.line, f"manager {row.manager!r} makes the reporting chain loop"))
            chain[person] = before.get(person)
            continue
        Profile.objects.filter(pk=profiles[row.line].pk).update(manager_id=wanted[row.line])
