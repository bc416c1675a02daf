"""Amounts of the Justice tab: kept by the core in integer minor units of an ISO 4217 currency,
shown and typed in the user's locale ("12 500,00 SEK" in Swedish, "12,500.00 SEK" in English)."""
from __future__ import annotations

import re

from PySide6.QtCore import QCoreApplication, QLocale

from barnahus_app.documents.summary import ZERO_DECIMAL_CURRENCIES
from barnahus_app.errors import ValidationError

_TYPED = re.compile(r"^(\d{1,13})(?:[.,](\d{1,2}))?$")


def decimals(currency: str | None) -> int:
    return 0 if currency in ZERO_DECIMAL_CURRENCIES else 2


def money_text(minor: int | None, currency: str | None) -> str:
    """money_text(1250000, "SEK") == "12,500.00 SEK" (en_US); "" for no amount."""
    if minor is None:
        return ""
    loc = QLocale()
    places = decimals(currency)
    whole, part = divmod(minor, 10 ** places) if places else (minor, 0)
    text = loc.toString(whole)
    if places:
        text += loc.decimalPoint() + f"{part:0{places}d}"
    return f"{text} {currency or ''}".strip()


def parse_amount(field: str, text: str, currency: str | None) -> int | None:
    """What was typed ("12 500,50", "12500.50", "12,500.50" in English) in minor units; None if
    empty. ValidationError(field) when it is not an amount: the dialog shows it beside the field."""
    loc = QLocale()
    raw = "".join(text.split()).replace("\u00a0", "").replace("\u202f", "")
    group = loc.groupSeparator()
    if group and group != loc.decimalPoint() and not group.isspace():
        raw = raw.replace(group, "")
    if not raw:
        return None
    m = _TYPED.match(raw)
    places = decimals(currency)
    if m is None or (m.group(2) and not places):
        raise ValidationError(field, QCoreApplication.translate(
            "JusticePanel", "Type the amount in %1, e.g. %2.").replace("%1", currency or "the currency").replace(
            "%2", money_text(1250000 if places else 12500, currency).removesuffix(currency or "").strip()))
    frac = (m.group(2) or "").ljust(places, "0")
    return int(m.group(1)) * 10 ** places + (int(frac) if frac else 0)
