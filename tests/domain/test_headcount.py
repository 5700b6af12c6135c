from meetingdesk.domain.headcount import SiteHeadcount


def test_site_headcount_reported_count_is_the_present_count() -> None:
    count = SiteHeadcount(summoned=20, reported=18, named_present=2)
    assert (count.present, count.absent, count.accounted) == (18, 2, True)


def test_site_headcount_named_present_people_are_the_floor() -> None:
    count = SiteHeadcount(summoned=20, reported=1, named_present=3)
    assert (count.present, count.absent) == (3, 17)


def test_site_headcount_without_a_report_counts_the_named() -> None:
    count = SiteHeadcount(summoned=25, reported=None, named_present=2, named_absent=1)
    assert (count.present, count.absent, count.accounted) == (2, 1, False)
    listed = SiteHeadcount(summoned=2, reported=None, named_present=1, named_absent=1)
    assert (listed.present, listed.absent, listed.accounted) == (1, 1, True)
    unmarked = SiteHeadcount(summoned=2, reported=None, named_present=1, named_expected=1)
    assert not unmarked.accounted


def test_site_headcount_absent_never_below_the_named_absent() -> None:
    count = SiteHeadcount(summoned=10, reported=10, named_present=0, named_absent=1)
    assert (count.present, count.absent) == (10, 1)
    assert SiteHeadcount(summoned=0, reported=5).absent == 0


def test_headcount_adds_up_only_when_present_and_absent_fit_in_the_summoned() -> None:
    assert SiteHeadcount(summoned=20, reported=18).adds_up
    assert not SiteHeadcount(summoned=22, reported=22, named_absent=1).adds_up
    assert not SiteHeadcount(summoned=20, reported=35).adds_up
    assert SiteHeadcount(summoned=0, reported=12).adds_up  # nothing summoned: not judged
