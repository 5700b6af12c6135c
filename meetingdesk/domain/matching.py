"""Type-ahead matching without diacritics: "son" finds Phạm Hoàng Sơn, "duc" finds Đức."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Generic, TypeVar

from meetingdesk.domain.text import words

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Candidate(Generic[T]):
    """Something to pick, with its name (given name last) and other searchable words."""

    value: T
    name: str
    extra: str = ""
    _name_words: tuple[str, ...] = field(init=False, repr=False)
    _extra_words: tuple[str, ...] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_name_words", tuple(words(self.name)))
        object.__setattr__(self, "_extra_words", tuple(words(self.extra)))

    def score(self, query_words: Sequence[str]) -> int:
        """0 when some query word matches nothing; higher is better.

        A query word scores most as the given name (last word), less as another word of the
        name, least as a word of the titles or site.
        """
        total = 0
        for q in query_words:
            if self._name_words and self._name_words[-1].startswith(q):
                total += 100 if self._name_words[-1] == q else 60
            elif any(w.startswith(q) for w in self._name_words):
                total += 30
            elif any(w.startswith(q) for w in self._extra_words):
                total += 10
            else:
                return 0
        return total


def best_matches(query: str, candidates: Sequence[Candidate[T]], limit: int = 10) -> list[T]:
    """Candidates matching every word of ``query`` (folded), best first; all when empty."""
    query_words = words(query)
    if not query_words:
        return [c.value for c in candidates[:limit]]
    scored = [(c.score(query_words), i, c) for i, c in enumerate(candidates)]
    ranked = sorted((s for s in scored if s[0] > 0), key=lambda s: (-s[0], s[1]))
    return [c.value for _, _, c in ranked[:limit]]


def typed_rank(query: str, text: str) -> int | None:
    """How well ``text`` answers what was typed, folded (no tones, ``đ``→``d``): 0 when the
    text starts with it ("thai" → Thái Nguyên), 1 when one of its words does ("nguyen" →
    Thái Nguyên), 2 when every typed word starts a word somewhere; ``None`` when it does not
    match. Lists that rank by it put the exact start of a name first."""
    typed = " ".join(words(query))
    if not typed:
        return 2
    folded = " ".join(words(text))
    if folded.startswith(typed):
        return 0
    if f" {typed}" in f" {folded}":
        return 1
    text_words = folded.split()
    if all(any(w.startswith(q) for w in text_words) for q in typed.split()):
        return 2
    return None
