from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class InboxConfig(AppConfig):
    name = "inbox"
    verbose_name = _("Inbox")

    def ready(self):
        from django.contrib.auth.signals import user_logged_in

        from inbox.notifications import count_unread

        def fill_unread_count(sender, user, **kwargs):
            count_unread(user)

        user_logged_in.connect(fill_unread_count, dispatch_uid="inbox.fill_unread_count", weak=False)
