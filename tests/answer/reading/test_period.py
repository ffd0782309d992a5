"""The period slot, Duckling style: each phrase and the span of months it means (covered year 2025)."""

from __future__ import annotations

import pytest

from bot.answer.reading.reader import Reader
from tests.answer.reading.conftest import tokens

Y = 2025 * 12  # January 2025


@pytest.mark.parametrize(
    ("text", "span", "compared"),
    [
        ("total trade in 2025", (Y, Y + 11), None),
        ("last year", (Y, Y + 11), None),
        ("december imports", (Y + 11, Y + 11), None),
        ("last month", (Y + 11, Y + 11), None),
        ("jan-oct trade", (Y, Y + 9), None),
        ("the first 10 months of 2025", (Y, Y + 9), None),
        ("H1", (Y, Y + 5), None),
        ("first half of 2025", (Y, Y + 5), None),
        ("q3 exports", (Y + 6, Y + 8), None),
        ("first three quarters", (Y, Y + 8), None),
        ("second to fourth quarters of 2025", (Y + 3, Y + 11), None),
        ("June-December 2025", (Y + 5, Y + 11), None),
        ("2021-2025", (Y - 48, Y + 11), None),
        ("since 2020", (Y - 48, Y + 11), None),
        ("the 14th five-year plan", (Y - 48, Y + 11), None),
        ("over the past five years", (Y - 48, Y + 11), None),
        ("total imports ovr the last 5 yrs", (Y - 48, Y + 11), None),
        ("growth over the 2021-2025 plan period", (Y - 48, Y + 11), None),
        ("the 13th five year plan", (Y - 108, Y - 49), None),
        ("trade in 2024", (Y - 12, Y - 1), None),
        ("2026", (Y + 12, Y + 23), None),
        ("up how much compared with 2024?", None, (Y - 12, Y - 1)),
        ("2025 vs 2020", (Y, Y + 11), (Y - 60, Y - 49)),
        ("did trade in 2025 exceed the 2020 level", (Y, Y + 11), (Y - 60, Y - 49)),
        ("how much did trade rise above 2020", None, (Y - 60, Y - 49)),
        ("than in the 13th fyp", None, (Y - 108, Y - 49)),
        ("imports may grow", None, None),
        ("and the year before?", (Y - 12, Y - 1), None),
    ],
)
def test_periods(reader: Reader, text: str, span: tuple[int, int] | None, compared: tuple[int, int] | None) -> None:
    found = reader.periods.parse(tokens(text, reader), set())
    assert (found.period.first, found.period.last) == span if span else found.period is None
    assert (found.compared_with.first, found.compared_with.last) == compared if compared else not found.compared_with


@pytest.mark.parametrize(
    "text",
    [
        "since the launch",
        "Dec 18 to Jan 10",
        "since dec 18",
        "since the dec 18 launch",
        "Dec. 18, 2025 - Jan. 14, 2026",
        "from mid-December to Jan 10",
        "between 18 December and 10 January",
    ],
)
def test_a_span_from_a_date_is_an_event(reader: Reader, text: str) -> None:
    assert reader.periods.parse(tokens(text, reader), set()).period.event


def test_growth_since_a_year_is_a_change_on_that_year(reader: Reader) -> None:
    reading = reader.read("cross-border e-commerce growth since 2020")
    assert reading.period is None and reading.compared_with.label == "2020"
    assert reader.read("cumulative trade since 2020").period.label == "2021-2025"


@pytest.mark.parametrize(
    ("text", "ending"),
    [
        ("consecutive months of import growth by the end of 2025", True),
        ("how many firms as of the end of 2025", True),
        ("imports at the end of last year", True),
        ("imports in 2025", False),
        ("the end of 2025", False),  # no "by", "as of", "at": a time, not where something stood
    ],
)
def test_by_the_end_of_a_period_means_whatever_closes_with_it(reader: Reader, text: str, ending: bool) -> None:
    period = reader.periods.parse(tokens(text, reader), set()).period
    assert period is not None and period.ending is ending
    if ending:  # the streak since June ends in December 2025: it is what stood then
        streak = period.model_copy(update={"first": Y + 5, "ending": False})
        assert period.same_span(streak) and not period.same_span(streak.model_copy(update={"last": Y + 10}))


@pytest.mark.parametrize("text", ["starting in June", "since June", "from june on"])
def test_a_month_a_span_starts_with_matches_any_span_from_it(reader: Reader, text: str) -> None:
    from bot.answer.reading.frame import Period

    period = reader.periods.parse(tokens(text, reader), set()).period
    assert period.starting and period.label == "since Jun 2025"
    assert period.same_span(Period.months(2025, 6, 12, "Jun-Dec 2025"))
    assert not period.same_span(Period.months(2025, 7, 12, "Jul-Dec 2025"))


def test_a_company_an_average_is_per_names_no_subject(reader: Reader) -> None:
    assert not reader.read("avg per company?").subjects
    assert [s.topic for s in reader.read("avg trade per SOE").subjects] == ["soes"]


@pytest.mark.parametrize(
    "text", ["higher than a year before", "compared with the previous year", "than the year before"]
)
def test_a_year_before_compared_with_is_a_change_on_the_year_before_whatever_span(reader: Reader, text: str) -> None:
    found = reader.periods.parse(tokens(text, reader), set())
    assert found.year_on_year and found.compared_with is None and found.period is None
