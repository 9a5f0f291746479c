"""Elasticsearch documents for pages, people and gaps, and the searches Ask runs on them.

Everything here only builds documents and request bodies (`to_dict()`); talking to a cluster is
`search.backends.elastic`'s job."""

from __future__ import annotations

from elasticsearch.dsl import Boolean, Date, DenseVector, Document, InnerDoc, Keyword, Nested, Q, Search, Text

from django.conf import settings

from expertise.models import ExpertiseScore
from search.backends import ParsedQuery
from search.posting_weights import FIELD_WEIGHTS
from wiki.models import ArticlePage

# Titles weigh most, then headings, summaries and topics, then the body: the weights the database backend's
# BM25 gives the same fields.
PAGE_FIELDS = [name if weight == 1 else f"{name}^{weight:g}" for name, weight in FIELD_WEIGHTS.items()]
PERSON_FIELDS = ["name^2", "topics^3", "ask_me_about^3", "team", "role"]
GAP_FIELDS = ["title^3", "topics^2", "description"]
HIGHLIGHT_CHARS = 220
# Semantic recall on Elasticsearch: the kNN search over section vectors finds this many pages among this many
# candidates, and the RRF retriever fuses the best RANK_WINDOW of each list with k = 60 (as `search.ask` does).
KNN_PAGES = 50
KNN_CANDIDATES = 200
RANK_WINDOW = 100
RRF_K = 60


def index_name(kind: str) -> str:
    return f"{getattr(settings, 'ELASTICSEARCH_INDEX', 'onramp')}-ask-{kind}"


def english_text(**kwargs) -> Text:
    return Text(analyzer="english", **kwargs)


class SectionVector(InnerDoc):
    """One section of a page (`search.semantic.sections`) and its sentence vector."""

    heading = english_text()
    vector = DenseVector(dims=384, index=True, similarity="cosine")


class PageDocument(Document):
    title = english_text(fields={"exact": Keyword()})
    headings = english_text(multi=True)
    summary = english_text()
    body = english_text()
    topics = english_text(multi=True)
    topic_slugs = Keyword(multi=True)
    ancestor_ids = Keyword(multi=True)
    kind = Keyword()
    url_path = Keyword()
    live = Boolean()
    last_published_at = Date()
    # Empty unless semantic recall is installed and on; a kNN search scores a page by its nearest section.
    sections = Nested(SectionVector)

    class Index:
        name = "onramp-ask-pages"  # replaced by `index_name("pages")` when used

    @classmethod
    def from_page(cls, page) -> PageDocument:
        from search.page_text import body_text_of, headings_of, summary_of

        topics = list(page.topics.all()) if hasattr(page, "topics") else []
        return cls(
            meta={"id": page.pk},
            title=page.title,
            headings=headings_of(page),
            summary=summary_of(page),
            body=body_text_of(page),
            topics=[topic.name for topic in topics],
            topic_slugs=[topic.slug for topic in topics],
            ancestor_ids=[str(pk) for pk in page.get_ancestors(inclusive=True).values_list("pk", flat=True)],
            kind=page.kind if isinstance(page, ArticlePage) else "process",
            url_path=page.url_path,
            live=page.live,
            last_published_at=page.last_published_at,
            sections=section_vectors_of(page),
        )


def section_vectors_of(page) -> list[SectionVector]:
    """The page's sections with their vectors (embedded now if their text changed, and stored for the next
    time), or none without semantic recall."""
    from search.semantic import model

    if not model.is_available() or not page.live:
        return []
    from search.semantic.store import section_vectors

    return [
        SectionVector(heading=heading, vector=[float(x) for x in vector]) for heading, vector in section_vectors(page)
    ]


class PersonDocument(Document):
    username = Keyword()
    name = english_text()
    team = english_text()
    role = english_text()
    topics = english_text(multi=True)
    ask_me_about = english_text(multi=True)
    active = Boolean()

    class Index:
        name = "onramp-ask-people"

    @classmethod
    def from_profile(cls, profile) -> PersonDocument:
        scored = ExpertiseScore.objects.filter(person_id=profile.user_id).select_related("topic").order_by("-score")
        return cls(
            meta={"id": profile.user_id},
            username=profile.user.get_username(),
            name=profile.name,
            team=profile.team.name if profile.team_id else "",
            role=profile.title,
            topics=[score.topic.name for score in scored[:20]],
            ask_me_about=[topic.name for topic in profile.ask_me_about.all()],
            active=profile.user.is_active and profile.active,
        )


class GapDocument(Document):
    title = english_text()
    description = english_text()
    topics = english_text(multi=True)
    status = Keyword()
    process_id = Keyword()

    class Index:
        name = "onramp-ask-gaps"

    @classmethod
    def from_gap(cls, gap) -> GapDocument:
        return cls(
            meta={"id": gap.pk},
            title=gap.title,
            description=gap.description,
            topics=[topic.name for topic in gap.topics.all()],
            status=gap.status,
            process_id=str(gap.process_id or ""),
        )


def text_query(query: ParsedQuery, fields: list[str], *, phrase_field: str = "title") -> Q:
    """Matches the question's words (forgiving typos), its glossary expansions as phrases, and rewards the
    words standing close together."""
    should = [
        Q(
            "multi_match",
            query=" ".join(query.words),
            fields=fields,
            type="best_fields",
            fuzziness="AUTO",
            prefix_length=1,
        ),
        Q("match_phrase", **{phrase_field: {"query": " ".join(query.words), "slop": 2, "boost": 2}}),
    ]
    should += [
        Q("multi_match", query=phrase, fields=fields, type="phrase", boost=0.8) for phrase in query.extra_phrases
    ]
    return Q("bool", should=should, minimum_should_match=1)


def page_search(query: ParsedQuery, *, filters: dict | None = None, size: int = 100) -> Search:
    filters = filters or {}
    conditions = [Q("term", live=True)]
    if filters.get("area"):
        conditions.append(Q("term", ancestor_ids=str(filters["area"])))
    if filters.get("topic"):
        conditions.append(Q("term", topic_slugs=filters["topic"]))
    if filters.get("kind"):
        conditions.append(Q("term", kind=filters["kind"]))
    search = Search(index=index_name("pages"))
    vector = question_vector(query)
    if vector is None:
        search = search.query(Q("bool", must=[text_query(query, PAGE_FIELDS)], filter=conditions))
    else:
        search = search.extra(retriever=hybrid_retriever(query, vector, conditions))
    search = (
        search.highlight_options(
            encoder="html",
            pre_tags=["<mark>"],
            post_tags=["</mark>"],
            fragment_size=HIGHLIGHT_CHARS,
            number_of_fragments=1,
        )
        .highlight("summary", "body", "headings")
        .source(False)
        .extra(size=size)
    )
    search.aggs.bucket("areas", "terms", field="ancestor_ids", size=50)
    search.aggs.bucket("topics", "terms", field="topic_slugs", size=20)
    return search


def question_vector(query: ParsedQuery) -> list[float] | None:
    """The question's sentence vector, as the database path embeds it, or None without semantic recall."""
    from search.semantic import model

    if not model.is_available():
        return None
    return [float(x) for x in model.embed([" ".join([query.text, *query.extra_phrases])])[0]]


def hybrid_retriever(query: ParsedQuery, vector: list[float], conditions: list[Q]) -> dict:
    """Elasticsearch's own reciprocal rank fusion (the `rrf` retriever, Elasticsearch 8.16 and later) of the
    BM25 query and a kNN search over the section vectors, both under the same filters."""
    filters = [condition.to_dict() for condition in conditions]
    return {
        "rrf": {
            "retrievers": [
                {"standard": {"query": Q("bool", must=[text_query(query, PAGE_FIELDS)], filter=conditions).to_dict()}},
                {
                    "knn": {
                        "field": "sections.vector",
                        "query_vector": vector,
                        "k": KNN_PAGES,
                        "num_candidates": KNN_CANDIDATES,
                        "filter": filters,
                    }
                },
            ],
            "rank_window_size": RANK_WINDOW,
            "rank_constant": RRF_K,
        }
    }


def person_search(query: ParsedQuery, *, size: int = 20) -> Search:
    return (
        Search(index=index_name("people"))
        .query(
            Q("bool", must=[text_query(query, PERSON_FIELDS, phrase_field="topics")], filter=[Q("term", active=True)])
        )
        .source(["username"])
        .extra(size=size)
    )


def gap_search(query: ParsedQuery, *, open_statuses: list[str], size: int = 5) -> Search:
    return (
        Search(index=index_name("gaps"))
        .query(Q("bool", must=[text_query(query, GAP_FIELDS)], filter=[Q("terms", status=list(open_statuses))]))
        .source(False)
        .extra(size=size)
    )
