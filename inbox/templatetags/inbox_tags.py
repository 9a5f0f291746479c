from django import template

from inbox.notifications import unread_count

register = template.Library()


@register.inclusion_tag("inbox/includes/inbox_link.html", takes_context=True)
def inbox_link(context):
    request = context.get("request")
    user = getattr(request, "user", None)
    return {"count": unread_count(user) if user is not None else 0}
