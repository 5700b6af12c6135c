"""A site's attendance as sites report it: a headcount, with a few people named.

Most sites of an online conference report only how many are present ("điểm cầu Cao Bằng: 18/20
đồng chí dự"); some leaders are named on the list. The named people marked present are the floor
of the count: a site that reported 18 and then names 19 present has 19.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class SiteHeadcount:
    summoned: int
    reported: int | None
    """The present count the site reported; ``None`` until it does."""
    named_present: int = 0
    named_absent: int = 0
    named_expected: int = 0
    """Named people not yet marked present or absent."""

    @property
    def present(self) -> int:
        """The present count: the reported one, never below the named people present."""
        return max(self.reported or 0, self.named_present)

    @property
    def absent(self) -> int:
        """Summoned and not present (at least the named people marked absent); before the
        site reports, only the named people marked absent."""
        if self.reported is None:
            return self.named_absent
        return max(self.summoned - self.present, self.named_absent, 0)

    @property
    def accounted(self) -> bool:
        """Whether the minutes can state this site's attendance: it reported a count, or
        its named list covers everyone summoned and nobody on it is still unmarked."""
        if self.reported is not None:
            return True
        named = self.named_present + self.named_absent
        return self.named_expected == 0 and named > 0 and named >= self.summoned

    @property
    def adds_up(self) -> bool:
        """Whether the present and the absent fit in the summoned count ("triệu tập 22, có mặt
        22, vắng 1" does not); a site with no summoned count is not judged."""
        return self.summoned == 0 or self.present + self.absent <= self.summoned
