"""The recovery key in shares: k-of-n SLIP-39 word shares of the record key.

An administrator may split the recovery key so that no single person holds the whole record: any
k of the n shares give it back, fewer give nothing. Each share is a SLIP-39 mnemonic of 33 words
(Trezor's reference implementation, `shamir-mnemonic`): its words carry a checksum, so a mistyped
word is found in the share it belongs to, and every share of one split starts with the same
words (the split's identifier), so shares of two different splits are told apart.

The master secret is the 32-byte record key itself, so combining gives the recovery key (the
text parse_recovery_key reads) and the 64-hex raw key any SQLCipher client accepts. A rotation of
the record key makes old shares useless: split the new key again.

An optional SLIP-39 passphrase (printable ASCII) is applied as the standard prescribes: a wrong
passphrase gives a different key, which then does not open the record.
"""
from __future__ import annotations

from dataclasses import dataclass

import shamir_mnemonic
from shamir_mnemonic import MnemonicError, Share
from shamir_mnemonic.wordlist import WORDLIST

from barnahus_app.errors import ValidationError, WrongCredentials
from barnahus_app.record.keyslots import format_recovery_key, parse_recovery_key

MIN_SHARES, MAX_SHARES = 2, 16
KEY_BYTES = 32
WORDS_PER_SHARE = 33   # 256-bit secret: 4 words of parameters, 26 of value, 3 of checksum
_WORDS = frozenset(WORDLIST)


class ShareError(ValidationError):
    """A share (or set of shares) that cannot be combined. position: the 1-based place of the
    share the message is about, in the order given, or None when it is about the whole set."""

    def __init__(self, message: str, position: int | None = None):
        super().__init__("shares", message)
        self.position = position


def check_counts(k: int, n: int) -> None:
    """k of n: 2 <= k <= n <= 16 (one share alone would be the whole key; SLIP-39 holds 16)."""
    if isinstance(k, bool) or isinstance(n, bool) or not isinstance(k, int) or not isinstance(n, int):
        raise ValidationError("k", "The number of shares must be whole numbers.")
    if not MIN_SHARES <= n <= MAX_SHARES:
        raise ValidationError("n", f"Make between {MIN_SHARES} and {MAX_SHARES} shares.")
    if not MIN_SHARES <= k <= n:
        raise ValidationError(
            "k", f"The number of shares needed must be at least {MIN_SHARES} and at most the "
                 f"number of shares made ({n}).")


def _passphrase(passphrase: str) -> bytes:
    if not all(32 <= ord(c) <= 126 for c in passphrase):
        raise ValidationError("passphrase", "A share passphrase may hold only printable ASCII "
                                            "characters (letters, digits, punctuation, spaces).")
    return passphrase.encode("ascii")


def split_key(record_key: bytes, k: int, n: int, passphrase: str = "") -> list[str]:
    """n shares of record_key, any k of which combine to it. Each a line of 33 words."""
    check_counts(k, n)
    if len(record_key) != KEY_BYTES:
        raise ValidationError("recovery_key", "A record key has 32 bytes.")
    groups = shamir_mnemonic.generate_mnemonics(1, [(k, n)], record_key, _passphrase(passphrase))
    return groups[0]


def split(recovery_key_text: str, k: int, n: int, passphrase: str = "") -> list[str]:
    """n shares of the record key the recovery key text encodes, any k of which combine to it."""
    try:
        record_key = parse_recovery_key(recovery_key_text)
    except WrongCredentials:
        raise ValidationError("recovery_key", "This is not a recovery key: one has 64 hexadecimal "
                                              "digits (0-9, A-F), in groups of 8.") from None
    return split_key(record_key, k, n, passphrase)


def _ordinal(n: int) -> str:
    return f"{n}{'th' if 10 <= n % 100 <= 20 else {1: 'st', 2: 'nd', 3: 'rd'}.get(n % 10, 'th')}"


def normalise_share(text: str) -> str:
    """The share's words, lower case, single spaces. Lines starting with '#' (a share file's
    explanation) are left out. A word may be typed by its first four letters: SLIP-39 words
    differ within them."""
    lines = [ln for ln in text.splitlines() if not ln.lstrip().startswith("#")]
    words = []
    for word in " ".join(lines).replace(",", " ").lower().split():
        if word not in _WORDS and len(word) >= 4:
            matches = [w for w in WORDLIST if w.startswith(word[:4])]
            if len(matches) == 1 and matches[0].startswith(word):
                word = matches[0]
        words.append(word)
    return " ".join(words)


@dataclass(frozen=True)
class _Parsed:
    position: int
    label: str
    share: Share


def _parse(text: str, position: int, label: str) -> _Parsed:
    words = normalise_share(text).split()
    if not words:
        raise ShareError(f"{label} is empty.", position)
    for i, word in enumerate(words, 1):
        if word not in _WORDS:
            raise ShareError(f"{label}: word {i} is not a share word; check its spelling against "
                             "the holder's copy.", position)
    if len(words) != WORDS_PER_SHARE:
        raise ShareError(f"{label} has {len(words)} words; a share of a recovery key has "
                         f"{WORDS_PER_SHARE}. A word is missing or doubled.", position)
    try:
        share = Share.from_mnemonic(" ".join(words))
    except MnemonicError:
        raise ShareError(f"{label} has a mistyped or swapped word (its checksum does not match); "
                         "compare it word by word with the holder's copy.", position) from None
    if share.group_count != 1 or share.group_threshold != 1:
        raise ShareError(f"{label} is a share of another kind (SLIP-39 with groups), not of a "
                         "recovery key.", position)
    return _Parsed(position, label, share)


def combine_key(shares: list[str], passphrase: str = "", labels: list[str] | None = None) -> bytes:
    """The record key from k or more shares of one split. labels name each share in messages
    (default "Share 1", "Share 2", ...: the order given)."""
    shares = list(shares)
    if labels is None:
        labels = [f"Share {i}" for i in range(1, len(shares) + 1)]
    if not any(normalise_share(s) for s in shares):
        raise ShareError("No shares were given.")
    # empty entries (a box left blank) are skipped; positions stay those given
    parsed = [_parse(text, i, label) for i, (text, label) in enumerate(zip(shares, labels), 1)
              if normalise_share(text)]
    first = parsed[0]
    seen: dict[int, _Parsed] = {}
    for p in parsed:
        if p.share.common_parameters() != first.share.common_parameters() or \
                p.share.member_threshold != first.share.member_threshold:
            raise ShareError(f"{p.label} is from a different split than {first.label.lower()} "
                             "(their first words differ): give shares made at the same time.",
                             p.position)
        if p.share.index in seen:
            raise ShareError(f"{p.label} and {seen[p.share.index].label.lower()} are the same share "
                             f"(the {_ordinal(p.share.index + 1)} holder's); each share counts once.",
                             p.position)
        seen[p.share.index] = p
    k = first.share.member_threshold
    if len(parsed) < k:
        missing = k - len(parsed)
        raise ShareError(f"These shares need {k} of them to be combined; {len(parsed)} "
                         f"{'was' if len(parsed) == 1 else 'were'} given. Add {missing} more "
                         f"share{'s' if missing > 1 else ''} from other holders.")
    use = [p.share.mnemonic() for p in parsed[:k]]
    try:
        key = shamir_mnemonic.combine_mnemonics(use, _passphrase(passphrase))
    except MnemonicError:
        raise ShareError("The shares do not fit together: one of them was altered (every word "
                         "still in the list). Compare each with its holder's copy.") from None
    if len(key) != KEY_BYTES:
        raise ShareError("These shares do not hold a recovery key (the secret is not 32 bytes).")
    return key


def combine(shares: list[str], passphrase: str = "", labels: list[str] | None = None) -> str:
    """The recovery key text (as parse_recovery_key reads it) from k or more shares of one split.
    raw_hex(...) of the same gives the 64-hex key for an independent SQLCipher client."""
    return format_recovery_key(combine_key(shares, passphrase, labels))


def raw_hex(recovery_key_text: str) -> str:
    """The 64 lower-case hex digits SQLCipher takes as a raw key: PRAGMA key = "x'...'"."""
    return parse_recovery_key(recovery_key_text).hex()


def numbered_rows(share: str, per_row: int = 6) -> list[str]:
    """The share's words numbered, per_row to a line, in columns (for a fixed-width font): how a
    holder reads a share aloud or types it back."""
    words = share.split()
    return [" ".join(f"{i + j + 1:>2}. {w:<9}" for j, w in enumerate(words[i:i + per_row])).rstrip()
            for i in range(0, len(words), per_row)]


def threshold(text: str) -> int | None:
    """How many shares the split of this share needs (k), or None if it is no whole share yet."""
    try:
        return Share.from_mnemonic(normalise_share(text)).member_threshold
    except (MnemonicError, ValueError):
        return None


def share_file_text(share: str, number: int, k: int, n: int) -> str:
    """A share as a holder keeps it: what it is and how many are needed, then the words.
    Nothing else about the record. combine (normalise_share) skips the '#' lines."""
    numbered = "\n".join(f"# {r}" for r in numbered_rows(share))
    return (f"# Barnahus Case Record - recovery key share {number} of {n}\n"
            f"# Any {k} of the {n} shares together open the record; fewer reveal nothing.\n"
            "# Keep it locked away; hand it over only when the record has to be recovered.\n"
            "# The share (33 words; the numbered list below repeats them for reading aloud):\n"
            f"{share}\n"
            "#\n"
            f"{numbered}\n")
