from pathlib import Path

import pytest

from django.core.cache import cache
from django.test import RequestFactory

from expertise.models import Topic
from search.models import GlossaryTerm
from wiki.factories import ArticlePageFactory, ProcessPageFactory


def pytest_collection_modifyitems(config, items):
    # Ask ranks with a different engine on each database (FTS5, PostgreSQL full text): its tests run on both.
    here = Path(__file__).parent
    for item in items:
        if here in Path(item.path).parents:
            item.add_marker(pytest.mark.postgres)


@pytest.fixture(autouse=True)
def fresh_caches():
    """The glossary and vocabulary are cached between requests; each test starts from its own data."""
    cache.clear()
    yield
    cache.clear()


def article(title: str, *, summary: str = "", body: str = "", headings=(), parent=None, topics=(), **kwargs):
    blocks = [("heading", {"text": text, "level": "h2"}) for text in headings]
    if body:
        blocks.append(("text", f"<p>{body}</p>"))
    return ArticlePageFactory(title=title, summary=summary, body=blocks, parent=parent, topics=topics, **kwargs)


@pytest.fixture
def corpus(db, home):
    """A small wiki: finance and people processes, with articles whose words overlap on purpose."""
    invoices = Topic.objects.create(name="Supplier invoices", slug="supplier-invoices")
    expenses = Topic.objects.create(name="Travel expenses", slug="travel-expenses")
    finance = ProcessPageFactory(title="Finance", summary="<p>Money in and money out.</p>", parent=home)
    people = ProcessPageFactory(title="People", summary="<p>Hiring and leaving.</p>", parent=home)
    p2p = ProcessPageFactory(title="Procure to pay", summary="<p>From requisition to payment.</p>", parent=finance)
    pages = {
        "finance": finance,
        "people": people,
        "p2p": p2p,
        "post_invoice": article(
            "Posting a supplier invoice",
            summary="Enter the invoice against its purchase order.",
            body="Open the invoice queue, match the purchase order and post the document.",
            parent=p2p,
            topics=[invoices],
            kind="procedure",
        ),
        "mentions_invoice": article(
            "Month-end checklist",
            summary="Everything to close a month.",
            body="Reconcile bank accounts. Chase any supplier invoice still unposted. Book accruals.",
            parent=finance,
            kind="reference",
        ),
        "travel": article(
            "Claiming travel expenses",
            summary="Get your hotel and train tickets paid back.",
            body="Submit receipts within thirty days; your manager approves the claim.",
            parent=people,
            topics=[expenses],
            kind="how-to",
        ),
        "journal": article(
            "Reversing a journal entry",
            summary="Undo a posting made in error.",
            body="Find the entry, choose reverse and give a reason.",
            headings=["Before you reverse"],
            parent=finance,
            kind="procedure",
        ),
    }
    GlossaryTerm.objects.create(
        term="JE", expansion="journal entry", definition="A record of a transaction in the ledger."
    )
    GlossaryTerm.objects.create(term="P2P", expansion="procure to pay", definition="Buying goods and paying for them.")
    return pages


@pytest.fixture
def request_for(rf: RequestFactory):
    def build(user, path="/ask/"):
        from django.contrib.sessions.backends.cache import SessionStore

        request = rf.get(path)
        request.user = user
        request.session = SessionStore()
        return request

    return build
