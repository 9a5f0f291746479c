"""factory_boy factories for wiki pages and training materials (tests, benchmarks). People and topics come
from expertise.factories."""

import factory

from django.utils.text import slugify

from wagtail.models import Page, Site

from expertise.factories import UserFactory
from wiki.models import ArticlePage, ProcessPage, TrainingMaterial


class WikiPageFactory(factory.django.DjangoModelFactory):
    """Creates a page under `parent` (the site's home page by default) and publishes it."""

    title = factory.Sequence(lambda n: f"Page {n}")
    slug = factory.LazyAttribute(lambda page: slugify(page.title))
    page_owner = factory.SubFactory(UserFactory)

    class Meta:
        abstract = True

    @classmethod
    def _create(cls, model_class, *args, parent: Page | None = None, topics=(), **kwargs):
        parent = parent or Site.objects.get(is_default_site=True).root_page
        page = model_class(*args, **kwargs)
        parent.add_child(instance=page)
        if topics:
            page.topics.set(list(topics))
        page.save_revision(user=page.page_owner).publish(user=page.page_owner, skip_permission_checks=True)
        page.refresh_from_db()
        return page


class ProcessPageFactory(WikiPageFactory):
    summary = "<p>How we run this process.</p>"

    class Meta:
        model = ProcessPage


class ArticlePageFactory(WikiPageFactory):
    kind = ArticlePage.Kind.PROCEDURE
    summary = factory.Faker("sentence")
    body = factory.LazyFunction(
        lambda: [
            ("heading", {"text": "Before you start", "level": "h2"}),
            ("text", "<p>Check that the purchase order is released.</p>"),
        ]
    )

    class Meta:
        model = ArticlePage


class TrainingMaterialFactory(factory.django.DjangoModelFactory):
    title = factory.Sequence(lambda n: f"Course {n}")
    kind = TrainingMaterial.Kind.COURSE
    url = factory.LazyAttribute(
        lambda material: f"https://learning.example.com/{material.title.lower().replace(' ', '-')}"
    )
    trainer = factory.SubFactory(UserFactory)

    class Meta:
        model = TrainingMaterial
