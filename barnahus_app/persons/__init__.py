"""Persons (children, family, others), their terms, age assessments, no-contact pairs, and the
centre's agencies and staff contacts."""
