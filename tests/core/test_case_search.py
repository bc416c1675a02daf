"""Finding a child in the case list: the date of birth in the list, a date of birth typed in the
common forms, and why a case matched when another person's name did (issue 17)."""
from __future__ import annotations

import pytest

from barnahus_app.api import CaseFilter
from barnahus_app.cases.actions import search_dates


@pytest.fixture
def family(open_as):
    """Two children called Ella Berg (born 2015-03-07 and 2016-11-30), each with a carer."""
    s = open_as("coordinator")

    def case(given, family, dob, carer, police=None):
        child = s.create_person(given_name=given, family_name=family, date_of_birth=dob,
                                acknowledge_duplicates=True)
        adult = s.create_person(given_name=carer[0], family_name=carer[1], date_of_birth=carer[2],
                                acknowledge_duplicates=True)
        c = s.create_case(referral_received_at="2026-03-04T09:30:00+01:00", jurisdiction="SE",
                          police_reference=police)
        s.add_child(c["id"], child, "victim")
        s.add_party(c["id"], adult, "carer", "parent", child)
        return c["reference"]

    refs = {"first": case("Ella", "Berg", "2015-03-07", ("Anna", "Lindqvist", "1985-06-01"), "5000-K123-26"),
            "second": case("Ella", "Berg", "2016-11-30", ("Märta", "Öberg", "1980-01-02"))}
    return s, refs


@pytest.mark.parametrize("typed", ["2015-03-07", "7.3.2015", "07.03.2015", "07/03/2015", "7/3/2015",
                                   "7 March 2015", "7 mars 2015", "7 Mar 2015", "March 7, 2015",
                                   "20150307"])
def test_a_date_of_birth_in_the_common_forms(typed):
    dates, rest = search_dates(typed)
    assert [d.iso for d in dates] == ["2015-03-07"]
    assert rest.strip() == ""


def test_text_that_only_looks_like_a_date_stays_words():
    assert search_dates("31.02.2015")[0] == []
    assert search_dates("BH-2015-00307")[0] == []
    dates, rest = search_dates("Ella 7.3.2015")
    assert [d.iso for d in dates] == ["2015-03-07"] and rest.strip() == "Ella"


def test_the_list_shows_the_childs_date_of_birth(family):
    s, refs = family
    rows = {r["reference"]: r for r in s.list_cases().rows}
    assert rows[refs["first"]]["child_date_of_birth"] == "2015-03-07"
    assert rows[refs["second"]]["child_date_of_birth"] == "2016-11-30"


@pytest.mark.parametrize("typed", ["7.3.2015", "07/03/2015", "7 mars 2015", "20150307", "Ella 2015-03-07"])
def test_search_finds_the_child_by_date_of_birth(family, typed):
    s, refs = family
    page = s.list_cases(CaseFilter(text=typed))
    assert [r["reference"] for r in page.rows] == [refs["first"]]
    assert page.total == 1
    assert page.rows[0]["matched"] == []   # the child in the row says it


def test_search_by_a_carers_date_of_birth_says_whose(family):
    s, refs = family
    page = s.list_cases(CaseFilter(text="1.6.1985"))
    assert [r["reference"] for r in page.rows] == [refs["first"]]
    assert page.rows[0]["matched"] == [{"role": "carer", "relationship": "parent", "name": "Anna Lindqvist",
                                        "date_of_birth": "1985-06-01"}]


def test_a_match_on_another_persons_name_says_why(family):
    s, refs = family
    page = s.list_cases(CaseFilter(text="oberg"))   # folded as the index folds: Öberg
    assert [r["reference"] for r in page.rows] == [refs["second"]]
    assert page.rows[0]["matched"] == [{"role": "carer", "relationship": "parent", "name": "Märta Öberg",
                                        "date_of_birth": None}]
    # "Berg" is the children's own name: nothing more to say.
    both = s.list_cases(CaseFilter(text="Berg"))
    assert both.total == 2 and [r["matched"] for r in both.rows] == [[], []]


def test_a_match_on_a_police_reference_says_so(family):
    s, refs = family
    page = s.list_cases(CaseFilter(text="K123"))
    assert page.rows[0]["reference"] == refs["first"]
    assert page.rows[0]["matched"] == [{"role": "police_reference", "relationship": None,
                                        "name": "5000-K123-26", "date_of_birth": None}]
