"""wagtail.search's app config, extended: installed in its place in INSTALLED_APPS."""

from wagtail.search import apps as wagtail_search

# The module, not the class, is imported: Django would take an AppConfig class found in this module for
# onramp's own config.


class SearchConfig(wagtail_search.WagtailSearchAppConfig):
    """wagtail.search, whose index updates on save can be paused in one thread at a time
    (`onramp.wagtail_compat.indexing_paused`) instead of for the whole process."""

    default = False

    def ready(self) -> None:
        super().ready()  # connects modelsearch's handlers, which the next line replaces
        from onramp.wagtail_compat import replace_index_signal_handlers

        replace_index_signal_handlers()
