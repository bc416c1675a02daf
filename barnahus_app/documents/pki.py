"""The centre's signing identity: an organisation CA and a signing certificate it issues, made
here, or the centre's own certificate imported from a PKCS#12 file. Pure cryptography; storing
them (inside the encrypted record) is documents.py's job."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

from barnahus_app.errors import ValidationError


@dataclass(frozen=True)
class Credentials:
    """A signer's key and certificate plus the chain up to (and including) its root, all PEM."""
    key_pem: str
    cert_pem: str
    chain_pems: tuple[str, ...]

    @property
    def cert(self) -> x509.Certificate:
        return x509.load_pem_x509_certificate(self.cert_pem.encode())

    @property
    def root_pem(self) -> str:
        return self.chain_pems[-1] if self.chain_pems else self.cert_pem


def _name(common: str, organisation: str) -> x509.Name:
    return x509.Name([x509.NameAttribute(NameOID.ORGANIZATION_NAME, organisation[:64]),
                      x509.NameAttribute(NameOID.COMMON_NAME, common[:64])])


def pem(obj) -> str:
    if isinstance(obj, x509.Certificate):
        return obj.public_bytes(serialization.Encoding.PEM).decode()
    return obj.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                             serialization.NoEncryption()).decode()


def colon_fingerprint(hex_fp: str) -> str:
    """'ab12…' -> 'AB:12:…', the form `openssl x509 -fingerprint -sha256` prints."""
    hex_fp = (hex_fp or "").strip()
    return ":".join(hex_fp[i:i + 2] for i in range(0, len(hex_fp), 2)).upper()


def fingerprint(cert_pem: str) -> str:
    cert = x509.load_pem_x509_certificate(cert_pem.encode())
    return cert.fingerprint(hashes.SHA256()).hex()


def create_centre_credentials(centre_name: str, years: int = 30,
                              now: dt.datetime | None = None) -> tuple[Credentials, str, str]:
    """A new organisation CA (EC P-384) and a document-signing certificate (EC P-256) it issues.
    Returns (signer credentials, CA certificate PEM, CA key PEM). Long validity: documents are
    checked against the signing time decades later. The CA key is for the centre's safe
    (ca_pkcs12), never for the record."""
    organisation = (centre_name or "").strip() or "Barnahus"
    now = now or dt.datetime.now(dt.timezone.utc)
    ca_key = ec.generate_private_key(ec.SECP384R1())
    ca_name = _name(f"{organisation} document CA", organisation)
    ca = (x509.CertificateBuilder().subject_name(ca_name).issuer_name(ca_name)
          .public_key(ca_key.public_key()).serial_number(x509.random_serial_number())
          .not_valid_before(now - dt.timedelta(minutes=5))
          .not_valid_after(now + dt.timedelta(days=365 * (years + 5)))
          .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
          .add_extension(x509.KeyUsage(digital_signature=False, content_commitment=False,
                                       key_encipherment=False, data_encipherment=False,
                                       key_agreement=False, key_cert_sign=True, crl_sign=True,
                                       encipher_only=False, decipher_only=False), critical=True)
          .add_extension(x509.SubjectKeyIdentifier.from_public_key(ca_key.public_key()), critical=False)
          .sign(ca_key, hashes.SHA384()))
    return issue_signer(pem(ca), pem(ca_key), years, now), pem(ca), pem(ca_key)


def issue_signer(ca_pem: str, ca_key_pem: str, years: int = 30,
                 now: dt.datetime | None = None) -> Credentials:
    """A new document-signing key and certificate issued by the CA (creating the centre's
    identity, and renewing it with the CA file from the safe). Never valid beyond the CA."""
    now = now or dt.datetime.now(dt.timezone.utc)
    ca = x509.load_pem_x509_certificate(ca_pem.encode())
    ca_key = serialization.load_pem_private_key(ca_key_pem.encode(), None)
    organisation = organisation_of(ca_pem) or "Barnahus"
    key = ec.generate_private_key(ec.SECP256R1())
    not_after = min(now + dt.timedelta(days=365 * years), ca.not_valid_after_utc)
    signer = (x509.CertificateBuilder().subject_name(_name(f"{organisation} document signing", organisation))
              .issuer_name(ca.subject).public_key(key.public_key())
              .serial_number(x509.random_serial_number())
              .not_valid_before(now - dt.timedelta(minutes=5))
              .not_valid_after(not_after)
              .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
              .add_extension(x509.KeyUsage(digital_signature=True, content_commitment=True,
                                           key_encipherment=False, data_encipherment=False,
                                           key_agreement=False, key_cert_sign=False, crl_sign=False,
                                           encipher_only=False, decipher_only=False), critical=True)
              .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.EMAIL_PROTECTION,
                                                    ExtendedKeyUsageOID.CODE_SIGNING]), critical=False)
              .add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(ca_key.public_key()),
                             critical=False)
              .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False)
              .sign(ca_key, hashes.SHA384()))
    return Credentials(pem(key), pem(signer), (ca_pem,))


MIN_CA_PASSPHRASE = 12


def ca_pkcs12(ca_pem: str, ca_key_pem: str, passphrase: str) -> bytes:
    """The CA key and certificate as a PKCS#12 file for the centre's safe, encrypted with the
    passphrase (PBES2, AES-256, PBKDF2-SHA256)."""
    if not isinstance(passphrase, str) or len(passphrase) < MIN_CA_PASSPHRASE:
        raise ValidationError("ca_passphrase", f"use at least {MIN_CA_PASSPHRASE} characters.")
    key = serialization.load_pem_private_key(ca_key_pem.encode(), None)
    cert = x509.load_pem_x509_certificate(ca_pem.encode())
    encryption = (serialization.PrivateFormat.PKCS12.encryption_builder()
                  .kdf_rounds(200_000)
                  .key_cert_algorithm(pkcs12.PBES.PBESv2SHA256AndAES256CBC)
                  .hmac_hash(hashes.SHA256())
                  .build(passphrase.encode("utf-8")))
    return pkcs12.serialize_key_and_certificates(b"centre document CA", key, cert, None, encryption)


def load_ca_pkcs12(data: bytes, passphrase: str | None) -> tuple[str, str]:
    """(CA certificate PEM, CA key PEM) from the centre's CA file (ca_pkcs12's output, or a CA
    key and certificate from the centre's own PKI)."""
    key, cert, _extra = _open_pkcs12(data, passphrase, "ca_file", "passphrase")
    try:
        is_ca = cert.extensions.get_extension_for_class(x509.BasicConstraints).value.ca
    except x509.ExtensionNotFound:
        is_ca = False
    if not is_ca:
        raise ValidationError("ca_file", "holds a certificate that is not a CA.")
    if key.public_key().public_numbers() != cert.public_key().public_numbers():
        raise ValidationError("ca_file", "holds a key that does not belong to its certificate.")
    return pem(cert), pem(key)


def _open_pkcs12(data: bytes, password: str | None, field: str, what: str):
    """(key, certificate, other certificates) of a PKCS#12 file that holds a key with its certificate."""
    try:
        key, cert, extra = pkcs12.load_key_and_certificates(
            data, password.encode("utf-8") if password else None)
    except ValueError:
        raise ValidationError(field, f"cannot be opened: the {what} is wrong or the file is not "
                                     "a PKCS#12 (.p12/.pfx) file.") from None
    if key is None or cert is None:
        raise ValidationError(field, "holds no private key with its certificate.")
    return key, cert, extra


def load_pkcs12(data: bytes, password: str | None) -> Credentials:
    """The centre's own certificate from its PKI. The file must hold the key, its certificate
    and the issuing chain up to the root (so a recipient can check it without our software)."""
    key, cert, extra = _open_pkcs12(data, password, "pkcs12", "password")
    if not isinstance(key, (ec.EllipticCurvePrivateKey, rsa.RSAPrivateKey)):
        raise ValidationError("pkcs12", "holds a key type that cannot sign documents (use RSA or EC).")
    chain = _order_chain(cert, list(extra or []))
    return Credentials(pem(key), pem(cert), tuple(pem(c) for c in chain))


def _order_chain(leaf: x509.Certificate, pool: list[x509.Certificate]) -> list[x509.Certificate]:
    chain, current = [], leaf
    while current.issuer != current.subject:
        issuer = next((c for c in pool if c.subject == current.issuer), None)
        if issuer is None:
            raise ValidationError("pkcs12", "does not include the certificate that issued "
                                            f"'{current.subject.rfc4514_string()[:80]}'.")
        chain.append(issuer)
        pool.remove(issuer)
        current = issuer
    return chain


def split_pem(text: str) -> list[str]:
    """The certificates of a concatenated PEM text, each with its END line."""
    end = "-----END CERTIFICATE-----"
    return [p.strip() + "\n" + end + "\n" for p in text.split(end) if p.strip()]


def subject_of(cert_pem: str) -> str:
    return x509.load_pem_x509_certificate(cert_pem.encode()).subject.rfc4514_string()


def organisation_of(cert_pem: str) -> str:
    """The organisation named in a certificate (else its common name, else '')."""
    name = x509.load_pem_x509_certificate(cert_pem.encode()).subject
    for oid in (NameOID.ORGANIZATION_NAME, NameOID.COMMON_NAME):
        values = name.get_attributes_for_oid(oid)
        if values:
            return str(values[0].value)
    return ""
