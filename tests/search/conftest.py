from pathlib import Path

import pytest

from django.contrib.auth.models import Group
from django.core.cache import cache
from django.test import RequestFactory

from wagtail.models import PageViewRestriction, Site

from expertise.models import Topic
from search.models import GlossaryTerm
from tests.shared_worlds import fresh, rolled_back_after
from wiki.factories import ArticlePageFactory, ProcessPageFactory


@pytest.hookimpl(wrapper=True)
def pytest_collection_modifyitems(config, items):
    # Ask ranks with a different engine on each database (FTS5, PostgreSQL full text): its tests run on both.
    here = Path(__file__).parent
    for item in items:
        if here in Path(item.path).parents:
            item.add_marker(pytest.mark.postgres)
    result = yield
    # After the others have selected and ordered the tests (pytest-django puts the tests that commit last): within
    # each run of consecutive tests of one module here, those without the corpus go first, so that once the
    # module's shared corpus is built (shared_corpus) every test left in the run asked for it. Tests only move
    # within their run, so no test of another module, nor one that commits, changes place. Every xdist worker
    # sorts alike.
    runs, run, previous = {}, 0, None
    for item in items:
        module = item.nodeid.split("::")[0]
        if module != previous:
            run, previous = run + 1, module
        runs[id(item)] = run
    items.sort(key=lambda item: (runs[id(item)], here in Path(item.path).parents and "corpus" in item.fixturenames))
    return result


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


def quokka_wiki_with(home, *, board_papers: int) -> dict:
    """`board_papers` pages about quokkas in a section closed to all but the board members' group, and two
    weaker ones open to everyone: "Quokka feeding" and "Animal care" (which names wombats too)."""
    closed = ProcessPageFactory(title="Board", parent=home)
    restriction = PageViewRestriction.objects.create(page=closed, restriction_type=PageViewRestriction.GROUPS)
    restriction.groups.add(Group.objects.create(name="Board members"))
    for number in range(board_papers):
        article(f"Quokka board paper {number}", summary="Quokka quokka.", body="Quokka plans.", parent=closed)
    open_area = ProcessPageFactory(title="Everyone", parent=home)
    visible = [
        article("Quokka feeding", body="Feed the quokka.", parent=open_area),
        article("Animal care", body="Quokkas and wombats need water.", parent=open_area),
    ]
    return {"closed": closed, "open_area": open_area, "visible": visible}


@pytest.fixture(scope="module")
def shared_corpus(request, django_db_setup, django_db_blocker):
    """The module's corpus, built once inside a transaction that stays open while the module's tests run (each in
    a savepoint of its own: pytest-django's `db`) and is rolled back after the last one; its tests without the
    corpus ran before it was built (pytest_collection_modifyitems). None in a module where a test asks for the
    corpus and for `settings`: such a test may change what building it does (a search backend), so it builds
    its own."""
    module = request.node.nodeid + "::"
    tests = [item for item in request.session.items if item.nodeid.startswith(module) and "corpus" in item.fixturenames]
    if any("settings" in item.fixturenames for item in tests):
        yield None
        return
    yield from rolled_back_after(
        django_db_blocker, lambda: build_corpus(Site.objects.get(is_default_site=True).root_page.specific)
    )


@pytest.fixture
def corpus(shared_corpus, db, home):
    """A small wiki: finance and people processes, with articles whose words overlap on purpose. Each test gets
    the module's shared corpus, its pages read again from the database (tests/shared_worlds.py, `fresh`)."""
    return build_corpus(home) if shared_corpus is None else fresh(shared_corpus)


def build_corpus(home) -> dict:
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
