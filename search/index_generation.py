"""The term index's generation (`onramp.page_generation.Generation`): it moves on whenever the term index
changes (pages indexed or taken out, every weight computed again, the index cleared), so what is kept of the
index (its statistics, each term's page count, the best pages for a question's terms) goes stale at once in
every process."""

from onramp.page_generation import Generation

INDEX = Generation("search:term-index-generation")
