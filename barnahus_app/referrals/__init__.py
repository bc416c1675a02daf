"""Referrals between agencies: in and out, their status flow, outcome and what was shared."""
