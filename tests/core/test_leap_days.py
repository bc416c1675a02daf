"""29 February, pinned with explicit dates (issue 18): the property test named after the rule
(test_followup.test_birthday_rule_feb_29_falls_on_1_march_in_common_years) draws dates at random
and caught a 28-February mutation in only some runs.

The rules (followup.py's docstring):
  * a birthday on 29 February falls on 1 March in common years (the first day the full number
    of years has been lived): ages, age milestones, the age band of a pseudonymised summary, the
    age rules of interviews and limitation clocks that start on a birthday;
  * a period of N years is 12 x N months, the day clamped to the month's end: 29 February 2024
    plus one year is 28 February 2025 (due dates, recurring reviews, limitation periods).
2000 is a leap year (divisible by 400), 2024 is one, 2100 is not (divisible by 100 only): there is
no 2100-02-29. Every expected date below is written out, never computed."""
from __future__ import annotations

from datetime import date

import pytest

from barnahus_app.followup import actions as fu
from barnahus_app.documents.summary import age_band
from tests.support.records import sample_case

BORN_2000 = date(2000, 2, 29)
BORN_2024 = date(2024, 2, 29)


def iso(value):
    """Readable test ids: 2000-02-29 rather than dob0."""
    return value.isoformat() if isinstance(value, date) else None


def test_2100_has_no_29_february():
    with pytest.raises(ValueError):
        date(2100, 2, 29)


@pytest.mark.parametrize("dob,age,expected", [
    (BORN_2000, 1, date(2001, 3, 1)),
    (BORN_2000, 4, date(2004, 2, 29)),
    (BORN_2000, 18, date(2018, 3, 1)),
    (BORN_2000, 35, date(2035, 3, 1)),
    (BORN_2000, 100, date(2100, 3, 1)),   # 2100 is a common year
    (BORN_2000, 400, date(2400, 2, 29)),  # 2400 is a leap year again
    (BORN_2024, 1, date(2025, 3, 1)),
    (BORN_2024, 4, date(2028, 2, 29)),
    (BORN_2024, 18, date(2042, 3, 1)),
    (BORN_2024, 76, date(2100, 3, 1)),
], ids=iso)
def test_birthday(dob, age, expected):
    assert fu.birthday(dob, age) == expected


# (born, on, age that day): the day before the birthday of a common year is still the younger age.
AGES = [
    ("2000-02-29", "2001-02-28", 0),
    ("2000-02-29", "2001-03-01", 1),
    ("2000-02-29", "2004-02-28", 3),
    ("2000-02-29", "2004-02-29", 4),
    ("2000-02-29", "2018-02-28", 17),
    ("2000-02-29", "2018-03-01", 18),
    ("2000-02-29", "2100-02-28", 99),
    ("2000-02-29", "2100-03-01", 100),
    ("2024-02-29", "2025-02-28", 0),
    ("2024-02-29", "2025-03-01", 1),
    ("2024-02-29", "2028-02-28", 3),
    ("2024-02-29", "2028-02-29", 4),
    ("2024-02-29", "2042-02-28", 17),
    ("2024-02-29", "2042-03-01", 18),
]


@pytest.mark.parametrize("dob,on,age", AGES)
def test_age_on(dob, on, age):
    assert fu.age_on(date.fromisoformat(dob), date.fromisoformat(on)) == age


@pytest.mark.parametrize("dob,referral,band", [
    ("2000-02-29", date(2018, 2, 28), "Age 15–17"),
    ("2000-02-29", date(2018, 3, 1), "Age 18 or over"),
    ("2012-02-29", date(2015, 2, 28), "Age 0–2"),
    ("2012-02-29", date(2015, 3, 1), "Age 3–5"),
    ("2024-02-29", date(2027, 2, 28), "Age 0–2"),
    ("2024-02-29", date(2027, 3, 1), "Age 3–5"),
], ids=iso)
def test_the_age_band_of_a_pseudonymised_summary(dob, referral, band):
    assert age_band(dob, referral) == band


@pytest.mark.parametrize("start,years,expected", [
    (BORN_2000, 1, date(2001, 2, 28)),
    (BORN_2000, 4, date(2004, 2, 29)),
    (BORN_2000, 100, date(2100, 2, 28)),
    (BORN_2024, 1, date(2025, 2, 28)),
    (BORN_2024, 4, date(2028, 2, 29)),
    (BORN_2024, 76, date(2100, 2, 28)),
], ids=iso)
def test_a_period_of_years_from_29_february_ends_on_28_february_in_common_years(start, years, expected):
    assert fu.add_years(start, years) == expected
    assert fu.add_months(start, 12 * years) == expected


@pytest.mark.parametrize("start,expected", [
    (date(2000, 1, 31), date(2000, 2, 29)),
    (date(2024, 1, 31), date(2024, 2, 29)),
    (date(2100, 1, 31), date(2100, 2, 28)),
], ids=iso)
def test_one_month_after_31_january(start, expected):
    assert fu.add_months(start, 1) == expected


# A legal adviser's table: the clock starts when the victim turns 35 (as Spain's), a 10-year period.
TABLE = {"version": 1, "warning_lead_months": 12, "jurisdictions": {"XX": {"rules": [
    {"categories": ["rape_child"], "clock_starts": {"from": "victim_birthday", "age": 35},
     "period_years": {"rape_child": 10}, "sources": []}]}}}


@pytest.mark.parametrize("dob,offence,starts,expires", [
    (BORN_2000, date(2010, 6, 1), date(2035, 3, 1), date(2045, 3, 1)),
    (BORN_2024, date(2030, 6, 1), date(2059, 3, 1), date(2069, 3, 1)),
    # an offence after the 35th birthday starts the clock itself; 10 years from 29 February
    (BORN_2000, date(2040, 2, 29), date(2040, 2, 29), date(2050, 2, 28)),
], ids=iso)
def test_a_limitation_clock_that_starts_on_a_29_february_birthday(dob, offence, starts, expires):
    lim = fu.compute_limitation(TABLE, "XX", "rape_child", offence, dob)
    assert (lim.state, lim.starts_on, lim.expires_on) == ("computed", starts, expires)


@pytest.mark.parametrize("dob,ages,due", [
    ("2024-02-29", [4], date(2028, 2, 29)),
    ("2024-02-29", [18], date(2042, 3, 1)),
    ("2024-02-29", [76], date(2100, 3, 1)),
    ("2000-02-29", [100], date(2100, 3, 1)),
], ids=iso)
def test_an_age_milestone_of_a_29_february_child(open_as, dob, ages, due):
    s = open_as("coordinator")
    case = sample_case(s)
    s.update_person(case["child_id"], date_of_birth=dob)
    rid = s.add_followup_rule(case["child_id"], "age_milestone", case["id"], ages=ages)
    assert [r.due for r in s.reminders(date(2026, 1, 1), 40_000) if r.rule_id == rid] == [due]
