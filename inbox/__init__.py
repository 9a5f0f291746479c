"""In-app notifications with an unread count, each also sent by email in the background.

Other apps call `inbox.notify(...)`; the deduplication key makes a repeated call (a task that ran twice,
two workers at once) a no-op."""


def notify(recipient, *, kind: str, subject: str, body: str = "", url: str = "", key: str):
    from inbox.notifications import notify as _notify

    return _notify(recipient, kind=kind, subject=subject, body=body, url=url, key=key)
