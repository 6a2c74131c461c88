"""Which check-in list is today's (kiosk.core.lists): one rule for the command line, the desk,
the self-service kiosk and printing."""

from __future__ import annotations

from datetime import date

from kiosk.core.lists import list_for, list_to_show
from kiosk.core.model import CheckinList

DAY1, DAY2 = date(2026, 9, 28), date(2026, 9, 29)
SETUP_DAY, AFTER = date(2026, 9, 27), date(2026, 10, 1)

day1 = CheckinList(1, "Day 2026-09-28", DAY1)
day2 = CheckinList(2, "Day 2026-09-29", DAY2)
workshop2 = CheckinList(10_500, "Workshop", DAY2)
dinner = CheckinList(20_000, "Dinner")  # no day: open on every day
lounge = CheckinList(30_000, "VIP lounge")


def test_todays_list_is_the_list_dated_today() -> None:
    lists = [dinner, day1, day2]
    assert list_for(lists, DAY1) == day1
    assert list_for(lists, DAY2) == day2


def test_of_two_lists_dated_today_the_first_made_is_todays_whatever_the_order() -> None:
    assert list_for([workshop2, day2], DAY2) == day2
    assert list_for([day2, workshop2], DAY2) == day2


def test_a_list_without_a_day_is_never_chosen_by_itself() -> None:
    assert list_for([dinner], DAY1) is None
    assert list_for([dinner, lounge, day1], SETUP_DAY) is None


def test_no_list_is_todays_before_after_or_between_the_event_days() -> None:
    lists = [day1, day2]
    assert list_for(lists, SETUP_DAY) is None
    assert list_for(lists, AFTER) is None
    assert list_for([], DAY1) is None


def test_staff_are_shown_todays_list_when_there_is_one() -> None:
    assert list_to_show([dinner, day1, day2, workshop2], DAY2) == day2


def test_on_the_set_up_day_staff_are_shown_the_first_day_to_come() -> None:
    assert list_to_show([dinner, day2, day1], SETUP_DAY) == day1


def test_after_the_event_staff_are_shown_the_last_day() -> None:
    assert list_to_show([day1, day2, dinner], AFTER) == day2


def test_with_lists_without_days_only_staff_are_shown_the_first_made() -> None:
    assert list_to_show([lounge, dinner], DAY1) == dinner
    assert list_to_show([], DAY1) is None


def test_the_list_shown_is_todays_whenever_there_is_a_list_for_today() -> None:
    lists = [lounge, day1, workshop2, day2, dinner]
    for day in (SETUP_DAY, DAY1, DAY2, AFTER):
        today = list_for(lists, day)
        if today is not None:
            assert list_to_show(lists, day) == today
