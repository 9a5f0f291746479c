"""Finding people: the directory's search and filters."""

from django.db.models import Q, QuerySet

from expertise.models import Profile, Team, Topic


def search_people(
    *, text: str = "", team: Team | None = None, topic: Topic | None = None, location: str = ""
) -> QuerySet[Profile]:
    people = Profile.objects.filter(active=True, user__is_active=True).select_related("user", "team")
    if text:
        for word in text.split():
            people = people.filter(
                Q(display_name__icontains=word)
                | Q(user__first_name__icontains=word)
                | Q(user__last_name__icontains=word)
                | Q(title__icontains=word)
            )
    if team is not None:
        people = people.filter(team=team)
    if topic is not None:
        people = people.filter(
            Q(ask_me_about_links__tag=topic)
            | Q(user__expertise_scores__topic=topic, user__expertise_scores__rank__gte=1)
        ).distinct()
    if location:
        people = people.filter(location__icontains=location)
    return people.order_by("user__first_name", "user__last_name")
