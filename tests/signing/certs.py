"""A test PKI made with ``cryptography``: a root CA, signer certificates (good, expired,
without the digitalSignature key usage, from an unknown CA) and their .p12 files."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.x509.oid import NameOID

PASSWORD = "mật-khẩu 123"


@dataclass(frozen=True)
class Issued:
    key: rsa.RSAPrivateKey
    cert: x509.Certificate

    def pem(self) -> bytes:
        return self.cert.public_bytes(serialization.Encoding.PEM)

    def key_pem(self) -> bytes:
        return self.key.private_bytes(serialization.Encoding.PEM,
                                      serialization.PrivateFormat.PKCS8,
                                      serialization.NoEncryption())

    def p12(self, password: str = PASSWORD, chain: tuple[Issued, ...] = ()) -> bytes:
        from cryptography.hazmat.primitives.serialization import pkcs12

        return pkcs12.serialize_key_and_certificates(
            b"signer", self.key, self.cert, [c.cert for c in chain] or None,
            serialization.BestAvailableEncryption(password.encode()))


def _name(common: str, org: str) -> x509.Name:
    return x509.Name([x509.NameAttribute(NameOID.COUNTRY_NAME, "VN"),
                      x509.NameAttribute(NameOID.ORGANIZATION_NAME, org),
                      x509.NameAttribute(NameOID.COMMON_NAME, common)])


def _key() -> rsa.RSAPrivateKey:
    return rsa.generate_private_key(public_exponent=65537, key_size=2048)


def make_ca(common: str = "MeetingDesk Test Root CA") -> Issued:
    key = _key()
    now = datetime.now(UTC)
    name = _name(common, "Test CA")
    cert = (x509.CertificateBuilder().subject_name(name).issuer_name(name)
            .public_key(key.public_key()).serial_number(x509.random_serial_number())
            .not_valid_before(now - timedelta(days=30))
            .not_valid_after(now + timedelta(days=3650))
            .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
            .add_extension(x509.KeyUsage(
                digital_signature=False, content_commitment=False, key_encipherment=False,
                data_encipherment=False, key_agreement=False, key_cert_sign=True,
                crl_sign=True, encipher_only=False, decipher_only=False), critical=True)
            .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()),
                           critical=False)
            .sign(key, hashes.SHA256()))
    return Issued(key, cert)


def make_signer(ca: Issued, common: str = "Mai Văn Chính",
                org: str = "Ban Tổ chức Trung ương", *, digital_signature: bool = True,
                expired: bool = False) -> Issued:
    key = _key()
    now = datetime.now(UTC)
    start, end = ((now - timedelta(days=400), now - timedelta(days=1)) if expired
                  else (now - timedelta(days=1), now + timedelta(days=365)))
    cert = (x509.CertificateBuilder().subject_name(_name(common, org))
            .issuer_name(ca.cert.subject).public_key(key.public_key())
            .serial_number(x509.random_serial_number())
            .not_valid_before(start).not_valid_after(end)
            .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
            .add_extension(x509.KeyUsage(
                digital_signature=digital_signature, content_commitment=digital_signature,
                key_encipherment=not digital_signature, data_encipherment=False,
                key_agreement=False, key_cert_sign=False, crl_sign=False, encipher_only=False,
                decipher_only=False), critical=True)
            .add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(
                ca.key.public_key()), critical=False)
            .sign(ca.key, hashes.SHA256()))
    return Issued(key, cert)


def make_tsa(ca: Issued) -> Issued:
    """A timestamping authority's certificate (critical timeStamping extended key usage)."""
    key = _key()
    now = datetime.now(UTC)
    cert = (x509.CertificateBuilder().subject_name(_name("MeetingDesk Test TSA", "Test CA"))
            .issuer_name(ca.cert.subject).public_key(key.public_key())
            .serial_number(x509.random_serial_number())
            .not_valid_before(now - timedelta(days=1)).not_valid_after(now + timedelta(days=365))
            .add_extension(x509.ExtendedKeyUsage([x509.oid.ExtendedKeyUsageOID.TIME_STAMPING]),
                           critical=True)
            .add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(
                ca.key.public_key()), critical=False)
            .sign(ca.key, hashes.SHA256()))
    return Issued(key, cert)


def write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


class Pki:
    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.ca = make_ca()
        self.signer = make_signer(self.ca)
        self.secretary = make_signer(self.ca, "Nguyễn Thị Thu Hà")
        self.tsa = make_tsa(self.ca)
        self.stranger_ca = make_ca("Unknown Root CA")
        self.stranger = make_signer(self.stranger_ca, "Kẻ Giả Mạo", "Không rõ")
        self.ca_pem = write(folder / "ca.pem", self.ca.pem())
        self.p12 = write(folder / "signer.p12", self.signer.p12(chain=(self.ca,)))
        self.secretary_p12 = write(folder / "secretary.p12",
                                         self.secretary.p12(chain=(self.ca,)))
        self.stranger_p12 = write(folder / "stranger.p12",
                                        self.stranger.p12(chain=(self.stranger_ca,)))
        self.expired_p12 = write(
            folder / "expired.p12", make_signer(self.ca, expired=True).p12())
        self.no_usage_p12 = write(
            folder / "no-usage.p12",
            make_signer(self.ca, digital_signature=False).p12())
