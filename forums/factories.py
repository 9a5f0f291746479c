"""Factories for gaps (tests, benchmarks)."""

import inspect

import factory

from django.utils import timezone

from expertise.factories import UserFactory
from forums.gaps import raise_gap
from forums.models import CLOSED_GAP_STATUSES, Gap, GapSource

RAISE_GAP_ARGUMENTS = set(inspect.signature(raise_gap).parameters)


class GapFactory(factory.django.DjangoModelFactory):
    """A gap raised the way people raise one (`forums.gaps.raise_gap`: its raiser recorded, the experts on its
    topics told). Fields raise_gap does not take, such as `status` and `decline_reason`, are written after it,
    for a gap further along; a closed gap gets `closed_at` now unless it is given."""

    title = factory.Sequence(lambda n: f"Nothing documented on case {n}")
    source = GapSource.DIRECT
    raised_by = factory.SubFactory(UserFactory)

    class Meta:
        model = Gap

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        later = {name: kwargs.pop(name) for name in list(kwargs) if name not in RAISE_GAP_ARGUMENTS}
        gap = raise_gap(**kwargs)
        if later.get("status") in CLOSED_GAP_STATUSES:
            later.setdefault("closed_at", timezone.now())
        if later:
            model_class.objects.filter(pk=gap.pk).update(**later)
            gap.refresh_from_db()
        return gap
