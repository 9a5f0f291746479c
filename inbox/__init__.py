"""In-app notifications with an unread count, each also sent by email in the background.

Every message Onramp sends a person goes through here: other apps call `inbox.notify_from_templates(...)`
(subject and body from the app's `templates/<app>/notifications/`), or `inbox.notify(...)` with the text
ready. The deduplication key makes a repeated call (a task that ran twice, two workers at once) a no-op."""


def notify(recipient, *, kind: str, subject: str, body: str = "", url: str = "", key: str, reply_to: str = ""):
    from inbox.notifications import notify as _notify

    return _notify(recipient, kind=kind, subject=subject, body=body, url=url, key=key, reply_to=reply_to)


def notify_from_templates(
    recipient, *, template: str, context: dict, kind: str, url: str = "", key: str, reply_to: str = ""
):
    from inbox.notifications import notify_from_templates as _notify_from_templates

    return _notify_from_templates(
        recipient, template=template, context=context, kind=kind, url=url, key=key, reply_to=reply_to
    )
