"""The revision algebra's derived values: computed once, never shared for writing."""

from __future__ import annotations

from meetingdesk.domain.replication import ALIVE, create, merge, winner, write


def test_record_state_shown_is_computed_once_and_values_gives_a_copy() -> None:
    state = create("r1", "2023-04-03T14:00:00", {"phone": "0280 111"})
    assert state.shown is state.shown and state.shown == {"phone": "0280 111"}
    mine = state.values()
    mine["phone"] = "changed"
    mine[ALIVE] = False
    assert state.shown == {"phone": "0280 111"} and state.values() == {"phone": "0280 111"}


def test_record_state_conflicts_tell_values_apart_by_type_and_float_text() -> None:
    base = create("r1", "2023-04-03T14:00:00", {"n": "trước"})
    for a, b, conflict in ((1, True, True), (1, 1.0, True), (0.0, -0.0, True),
                           ("x", "x", False), (None, None, False)):
        left = write(base, "r2", "2023-04-03T15:00:00", {"n": a})
        right = write(base, "r3", "2023-04-03T15:00:00", {"n": b})
        merged = merge(left, right)
        assert (merged.conflicts() == ("n",)) is conflict, (a, b)
        assert merged == merge(right, left)
        assert merged.shown["n"] == winner(merged.fields["n"])
