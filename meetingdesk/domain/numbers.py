"""Numbers as Vietnamese text writes them: thousands grouped with dots ("7.246"), a decimal
comma ("95,0%"); and shares kept as numbers until they are written (an XLSX cell holds the
number, formatted as a percentage, where a PDF table shows the text)."""

from __future__ import annotations

from dataclasses import dataclass


def vi_number(value: int) -> str:
    """``7246`` → ``7.246``."""
    return f"{value:,}".replace(",", ".")


def vi_percent(fraction: float, decimals: int = 1) -> str:
    """``0.95`` → ``95,0%``."""
    return f"{100 * fraction:,.{decimals}f}%".translate(_SWAP_SEPARATORS)


_SWAP_SEPARATORS = str.maketrans({",": ".", ".": ","})


@dataclass(frozen=True, slots=True)
class Share:
    """``part`` out of ``whole`` (present over summoned): its :attr:`fraction`, and as text
    a Vietnamese percentage, "—" when there is nothing to divide."""

    part: int
    whole: int

    @property
    def fraction(self) -> float | None:
        return self.part / self.whole if self.whole else None

    def __str__(self) -> str:
        fraction = self.fraction
        return "—" if fraction is None else vi_percent(fraction)
