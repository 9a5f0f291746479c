from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    name = "search"
    verbose_name = _("Ask (search)")

    def ready(self):
        # Imported here: these modules import models, which the app registry loads before ready() runs.
        from forums.candidates import register_candidate_source
        from forums.gap_topics import register_text_expander
        from search import glossary, people_cache, shown_pages, signals  # noqa: F401  (connects the receivers)
        from search.misses import SearchMisses

        register_candidate_source(SearchMisses())
        # A gap that says "P2P" is about the topic "Procure to pay".
        register_text_expander(glossary.expansions)
