"""What may come next in the justice track (issue #16), as pure functions the Justice tab offers
from: the events a proceeding may take where it stands, and the statuses a compensation claim may
move to. Expected values written out by hand from the module docstring's tables."""
from __future__ import annotations

import pytest

from barnahus_app.justice.actions import allowed_events, claim_next_statuses, takes_payment


@pytest.mark.parametrize("status, expected", [
    ("open", ("reported_to_police", "investigation_opened", "final_disposition")),
    ("reported", ("investigation_opened", "charge_decision", "final_disposition")),
    ("investigating", ("charge_decision", "final_disposition")),
    ("declined", ("charge_decision", "final_disposition")),
    ("no_further_action", ("charge_decision", "final_disposition")),
    ("charged", ("indictment", "hearing", "final_disposition")),
    ("indicted", ("hearing", "verdict", "final_disposition")),
    ("decided", ("hearing", "verdict", "sentence", "appeal", "final_disposition")),
    ("sentenced", ("hearing", "appeal", "final_disposition")),
    ("appealed", ("hearing", "verdict", "final_disposition")),
    ("closed", ()),
])
def test_a_criminal_proceeding_takes_the_events_of_its_flow(status, expected):
    assert allowed_events("criminal", status) == expected


@pytest.mark.parametrize("kind", ["child_protection", "civil"])
def test_other_proceedings_take_hearings_and_a_final_disposition_while_open(kind):
    assert allowed_events(kind, "open") == ("hearing", "final_disposition")
    assert allowed_events(kind, "closed") == ()


@pytest.mark.parametrize("status, expected", [
    ("rights_not_explained", ("explained",)),
    ("explained", ("filed",)),
    ("filed", ("pending", "awarded", "partly_awarded", "rejected")),
    ("pending", ("awarded", "partly_awarded", "rejected")),
    ("appealed", ("awarded", "partly_awarded", "rejected")),
    ("awarded", ("unenforceable", "appealed")),
    ("partly_awarded", ("unenforceable", "appealed")),
    ("rejected", ("appealed",)),
    ("partly_paid", ("unenforceable",)),
    ("paid", ()),
    ("unenforceable", ()),
])
def test_a_claim_moves_along_its_flow(status, expected):
    assert claim_next_statuses(status) == expected


def test_only_an_award_not_yet_fully_paid_takes_a_payment():
    assert [s for s in ("rights_not_explained", "explained", "filed", "pending", "awarded", "partly_awarded",
                        "rejected", "paid", "partly_paid", "unenforceable", "appealed") if takes_payment(s)] == [
        "awarded", "partly_awarded", "partly_paid"]
