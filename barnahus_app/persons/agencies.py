"""Agencies and their staff outside the record's users (Session mixin)."""
from __future__ import annotations

from sqlalchemy import insert, select, update

from barnahus_app.errors import NotFound
from barnahus_app.fields import AGENCY_FIELDS, STAFF_FIELDS, clean
from barnahus_app.persons.tables import Agency, StaffContact
from barnahus_app.session_base import SessionBase

A = Agency.__table__
S = StaffContact.__table__


class AgencyActions(SessionBase):
    def create_agency(self, **values) -> int:
        self._authorize("agency", "create")
        data = clean(AGENCY_FIELDS, values)
        with self.record.transaction() as conn:
            aid = conn.execute(insert(A).values(**data, active=True)).inserted_primary_key[0]
            self._audit(conn, "agency.created", "agency", aid)
        return aid

    def update_agency(self, agency_id: int, **values) -> None:
        self._authorize("agency", "update")
        data = clean(AGENCY_FIELDS, values, partial=True)
        with self.record.transaction() as conn:
            if conn.execute(update(A).where(A.c.id == agency_id).values(**data)).rowcount == 0:
                raise NotFound(f"There is no agency {agency_id}.")
            self._audit(conn, "agency.updated", "agency", agency_id, {"fields": sorted(data)})

    def list_agencies(self) -> list[dict]:
        self._authorize("agency", "read")
        with self.record.transaction() as conn:
            agencies = [dict(r._mapping) for r in conn.execute(select(A).order_by(A.c.name))]
            staff = [dict(r._mapping) for r in conn.execute(select(S).order_by(S.c.name))]
            self._audit(conn, "agency.list")
        for a in agencies:
            a["staff"] = [s for s in staff if s["agency_id"] == a["id"]]
        return agencies

    def add_staff_contact(self, **values) -> int:
        self._authorize("agency", "update")
        data = clean(STAFF_FIELDS, values)
        with self.record.transaction() as conn:
            if conn.execute(select(A.c.id).where(A.c.id == data["agency_id"])).first() is None:
                raise NotFound(f"There is no agency {data['agency_id']}.")
            sid = conn.execute(insert(S).values(**data)).inserted_primary_key[0]
            self._audit(conn, "agency.staff_added", "agency", data["agency_id"], {"staff": sid})
        return sid
