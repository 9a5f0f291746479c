from django.dispatch import Signal

# Sent with `page` and `verification` when an owner confirms a page is still correct.
page_verified = Signal()
