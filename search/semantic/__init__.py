"""Semantic recall for Ask: a small sentence-embedding model (all-MiniLM-L6-v2) run on the CPU with NumPy,
one vector per page section, fused with BM25's ranking. Optional: without the model's package installed,
or with `ONRAMP_SEMANTIC` off, nothing here runs and Ask ranks with BM25 alone."""
