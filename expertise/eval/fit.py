"""Learning how much each kind of evidence counts (expertise.ranking.SIGNAL_WEIGHTS) from the hold-out.

Each question asked at a tuning cutoff is one choice among its candidates: the people who really edited the
area afterwards are the ones a good ranking puts first. The weights are those under which the later editors
are most probable when a person is picked with probability ∝ exp(Σ weight × signal) (a softmax over each
question's candidates, the ranking's own relevance), fitted by gradient descent with the weights kept at
zero or above and a little shrinkage towards zero. Plain Python: a few thousand candidates, six weights."""

from __future__ import annotations

import math
from dataclasses import dataclass

STEPS = 600
LEARNING_RATE = 0.05
SHRINKAGE = 0.01


@dataclass
class Question:
    """One area asked at one cutoff: each candidate's signals, and whether they really edited it later."""

    candidates: list[dict[str, float]]
    edited_later: list[bool]


def fit_weights(questions: list[Question], names: list[str]) -> dict[str, float]:
    """Non-negative weights for `names` that make the later editors of each question most probable under
    the softmax of Σ weight × signal. Questions without a later editor among their candidates say nothing
    and are left out."""
    useful = [q for q in questions if any(q.edited_later) and len(q.candidates) > 1]
    if not useful:
        raise ValueError("no question has a later editor among its candidates: nothing to learn from")
    rows = [([[c.get(name, 0.0) for name in names] for c in q.candidates], q.edited_later) for q in useful]
    weights = [0.0] * len(names)
    first, second = [0.0] * len(names), [0.0] * len(names)
    for step in range(1, STEPS + 1):
        gradient = [SHRINKAGE * w for w in weights]
        for candidates, later in rows:
            scores = [sum(w * x for w, x in zip(weights, row, strict=True)) for row in candidates]
            top = max(scores)
            exps = [math.exp(score - top) for score in scores]
            total = sum(exps)
            chosen = sum(later)
            for index, row in enumerate(candidates):
                # d/dw of −mean(log p(later editor)) = E_p[x] − mean over later editors of x
                pull = exps[index] / total - (1 / chosen if later[index] else 0.0)
                for k, x in enumerate(row):
                    gradient[k] += pull * x / len(rows)
        for k in range(len(names)):
            first[k] = 0.9 * first[k] + 0.1 * gradient[k]
            second[k] = 0.999 * second[k] + 0.001 * gradient[k] ** 2
            step_size = LEARNING_RATE * (first[k] / (1 - 0.9**step)) / (math.sqrt(second[k] / (1 - 0.999**step)) + 1e-8)
            weights[k] = max(0.0, weights[k] - step_size)
    return {name: round(weight, 2) for name, weight in zip(names, weights, strict=True)}


def measures_with(questions: list[Question], weights: dict[str, float], *, k: int = 5) -> tuple[float, float]:
    """MRR of the first later editor and precision at k over the questions, ranking each question's candidates
    by Σ weight × signal: how well the weights do on the questions they were fitted on."""
    if not questions:
        return 0.0, 0.0
    reciprocal, precision = 0.0, 0.0
    for question in questions:
        scores = [sum(weights.get(name, 0.0) * value for name, value in c.items()) for c in question.candidates]
        order = sorted(range(len(scores)), key=lambda index: -scores[index])
        later = [question.edited_later[index] for index in order]
        reciprocal += next((1 / rank for rank, hit in enumerate(later[:10], start=1) if hit), 0.0)
        precision += sum(later[:k]) / k
    return reciprocal / len(questions), precision / len(questions)
