"""Open Badges 2.0 / 3.0 and CLR 2.0 credentials -> a verdict each, offline.

Verdicts, most severe first (a credential gets the first that applies):
- `invalid`: the credential breaks a rule of its standard (missing or wrong types, contexts,
  a corrupt key, an OB 2.0 hosted assertion outside its issuer's allowed origins, a key
  controller that is not the issuer). It comes before `tampered` because JSON-LD drops
  terms its contexts do not define, so a signature over a malformed credential says little;
- `tampered`: a signature is present and its key is in the input, but it does not match;
- `revoked`: the issuer's revocation list (OB 2.0) or Bitstring status list (OB 3.0) in the
  input lists it;
- `expired` / `not-yet-valid`: by `expires`/`validUntil` and `issuedOn`/`validFrom` against
  `today`;
- `verified`: the signature checks with a key present in the input (in the verification
  method, a did:key, a JWS header `jwk`, or a DID document (did:web), controller document or
  key document in the input, found by its id or, for did:web, its https URL);
- `unverifiable-offline`: nothing is wrong with it, but checking it needs the network (an
  OB 2.0 hosted assertion must be fetched from its id; a key or status list not in the input),
  or it carries no proof; `reason` says which.
Files that are not credentials (badge classes, issuers, keys, DID documents, revocation and
status lists) get `supporting`: they are used to resolve the credentials. A status list counts
only when its issuer is the credential's and its own proof does not fail. Proofs of other suites
(ecdsa-sd-2023, ecdsa-rdfc-2019, bbs-2023, RsaSignature2018, JsonWebSignature2020...) are
`unverifiable-offline`, the reason naming the suite.

`fetch(url)` gives documents by URL from the input only (the CLI indexes the input files by
their ids and by `--resolve PREFIX=FOLDER`); nothing here touches the network. JSON-LD
canonicalisation (RDFC-1.0) uses pyld with the contexts bundled in `contexts/`.
"""

from __future__ import annotations

import base64
import gzip
import hashlib
import json
import re
import struct
import zlib
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, TypedDict, cast
from urllib.parse import urlsplit

from skillstack.importers.jsonvalue import Json, JsonObject, as_list, member, objects

if TYPE_CHECKING:
    from joserfc.jwk import Key

Fetch = Callable[[str], Json]  # a document of the input by its URL (a JSON value, or a compact JWS), else None
Signed = tuple[JsonObject, Json, bytes, bytes]  # a compact JWS: header, payload, signing input, signature

VC_V1 = "https://www.w3.org/2018/credentials/v1"
VC_V2 = "https://www.w3.org/ns/credentials/v2"
OB2_CONTEXT = "https://w3id.org/openbadges/v2"
CONTEXTS = Path(__file__).parent / "contexts"
BUNDLED = {
    VC_V1: "2018-credentials-v1.jsonld", VC_V2: "credentials-v2.jsonld",
    "https://purl.imsglobal.org/spec/clr/v2p0/context.json": "clr-v2p0.json",
    "https://purl.imsglobal.org/spec/clr/v2p0/context-2.0.1.json": "clr-v2p0-2.0.1.json",
    "https://purl.imsglobal.org/spec/ob/v3p0/context.json": "ob-v3p0.json",
    "https://purl.imsglobal.org/spec/ob/v3p0/context/ob_v3p0.jsonld": "ob-v3p0.json",
    "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.1.json": "ob-v3p0-3.0.1.json",
    "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.2.json": "ob-v3p0-3.0.2.json",
    "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json": "ob-v3p0-3.0.3.json",
    "https://purl.imsglobal.org/spec/ob/v3p0/extensions.json": "ob-v3p0-extensions.json",
    "https://w3id.org/security/suites/ed25519-2020/v1": "security-suites-ed25519-2020-v1.jsonld",
    "https://w3id.org/security/data-integrity/v1": "data-integrity-v1.jsonld",
    "https://www.w3.org/ns/did/v1": "did-v1.jsonld", "https://w3id.org/security/v1": "security-v1.jsonld",
    "https://w3id.org/security/v2": "security-v2.jsonld", OB2_CONTEXT: "obv2x.jsonld",
    "https://www.w3.org/ns/odrl.jsonld": "odrl.jsonld",
}
OB3_TYPES = ("OpenBadgeCredential", "AchievementCredential", "EndorsementCredential", "ClrCredential")
SUPPORT_TYPES = ("BadgeClass", "Issuer", "Profile", "CryptographicKey", "RevocationList",
                 "BitstringStatusListCredential", "StatusList2021Credential", "Multikey",
                 "Ed25519VerificationKey2020", "Ed25519VerificationKey2018", "JsonWebKey2020")
VERDICTS = ("invalid", "tampered", "revoked", "expired", "not-yet-valid", "verified", "unverifiable-offline",
            "supporting", "unreadable")


class BadgeJson(TypedDict):
    """One result in `import badges --format json` (before the match the profile update adds)."""

    file: str
    verdict: str
    reason: str
    spec: str
    format: str
    name: str
    issuer: str
    issuer_id: str
    achievement_id: str
    alignments: list[dict[str, str]]
    earned: str | None
    expires: str | None
    warnings: list[str]
    checks: dict[str, str]


@dataclass
class BadgeResult:
    """One input credential (or supporting document) and what was found."""

    file: str
    verdict: str = "unreadable"
    reason: str = ""
    spec: str = ""
    format: str = "json"
    warnings: list[str] = field(default_factory=list)
    name: str = ""
    issuer: str = ""
    issuer_id: str = ""
    achievement_id: str = ""
    alignments: list[dict[str, str]] = field(default_factory=list)
    earned: date | None = None
    expires: date | None = None
    findings: dict[str, str] = field(default_factory=dict)  # check -> what it found

    def as_json(self) -> BadgeJson:
        return {"file": self.file, "verdict": self.verdict, "reason": self.reason, "spec": self.spec,
                "format": self.format, "name": self.name, "issuer": self.issuer, "issuer_id": self.issuer_id,
                "achievement_id": self.achievement_id, "alignments": self.alignments,
                "earned": self.earned.isoformat() if self.earned else None,
                "expires": self.expires.isoformat() if self.expires else None,
                "warnings": self.warnings, "checks": self.findings}


# ---- reading the payload out of JSON, JWS, PNG and SVG -----------------------------------


def payload(data: bytes) -> tuple[str, Json]:
    """(format, JSON object or compact JWS string) carried by the bytes of a badge file."""
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return "baked-png", _png_payload(data)
    text = data.decode("utf-8-sig", errors="replace").strip()
    if text.startswith("<") and "<svg" in text[:2000]:
        return "baked-svg", _svg_payload(text)
    if re.fullmatch(r"[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*", text):
        return "jws", text
    try:
        return "json", json.loads(text)
    except json.JSONDecodeError:
        return "unreadable", None


def _png_payload(data: bytes) -> Json:
    at = 8
    while at + 8 <= len(data):
        (size,) = struct.unpack(">I", data[at:at + 4])
        kind, body = data[at + 4:at + 8], data[at + 8:at + 8 + size]
        at += 12 + size
        if kind not in (b"iTXt", b"tEXt"):
            continue
        keyword, _, rest = body.partition(b"\0")
        if keyword not in (b"openbadges", b"openbadgecredential"):
            continue
        if kind == b"iTXt":
            compressed, rest = rest[0], rest[2:]
            _lang, _, rest = rest.partition(b"\0")
            _translated, _, rest = rest.partition(b"\0")
            if compressed:
                rest = zlib.decompress(rest)
        return _text_payload(rest.decode("utf-8", errors="replace"))
    return None


def _svg_payload(text: str) -> Json:
    match = re.search(r"<openbadges:(?:assertion|credential)\b([^>]*?)(/>|>(.*?)</openbadges:)", text, re.DOTALL)
    if not match:
        return None
    verify = re.search(r"verify\s*=\s*\"([^\"]*)\"", match.group(1))
    if verify:
        return _text_payload(verify.group(1))
    inner = (match.group(3) or "").strip()
    inner = re.sub(r"^<!\[CDATA\[(.*)\]\]>$", r"\1", inner, flags=re.DOTALL)
    return _text_payload(inner)


def _text_payload(text: str) -> Json:
    text = text.strip()
    if text.startswith("{"):
        try:
            return json.loads(text)
        except json.JSONDecodeError:
            return None
    return text  # a compact JWS, or a URL of a hosted assertion


def _b64(part: str) -> bytes:
    return base64.urlsafe_b64decode(part + "=" * (-len(part) % 4))


def jws_parts(token: str) -> Signed | None:
    try:
        head, body, sig = token.split(".")
        header = json.loads(_b64(head))
        if not isinstance(header, dict):
            return None  # a JOSE header is a JSON object
        return header, json.loads(_b64(body)), f"{head}.{body}".encode(), _b64(sig)
    except (ValueError, UnicodeDecodeError):
        return None


# ---- keys ------------------------------------------------------------------------------

_B58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"


def base58_decode(text: str) -> bytes:
    number = 0
    for char in text:
        number = number * 58 + _B58.index(char)
    raw = number.to_bytes((number.bit_length() + 7) // 8, "big")
    return b"\0" * (len(text) - len(text.lstrip("1"))) + raw


def ed25519_key(multibase: str) -> bytes | None:
    """The 32 raw bytes of a multibase (`z...`) multicodec Ed25519 public key, or None."""
    if not multibase.startswith("z"):
        return None
    try:
        raw = base58_decode(multibase[1:])
    except ValueError:
        return None
    return raw[2:] if raw[:2] == b"\xed\x01" and len(raw) == 34 else None


def _verify_ed25519(key: bytes, signature: bytes, data: bytes) -> bool:
    from cryptography.exceptions import InvalidSignature
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

    try:
        Ed25519PublicKey.from_public_bytes(key).verify(signature, data)
        return True
    except (InvalidSignature, ValueError):
        return False


# ---- JSON-LD -----------------------------------------------------------------------------

_LOADED: dict[str, Json] = {}


def _document_loader(url: str, _options: object = None) -> dict[str, Json]:
    name = BUNDLED.get(url.rstrip("#"))
    if name is None:
        from pyld.jsonld import JsonLdError

        raise JsonLdError(f"context {url} is not bundled (no network)", "jsonld.LoadDocumentError",
                          code="loading document failed")
    if name not in _LOADED:
        _LOADED[name] = json.loads((CONTEXTS / name).read_text(encoding="utf-8"))
    return {"contextUrl": None, "documentUrl": url, "document": _LOADED[name]}


def canonical(doc: JsonObject) -> bytes:
    from pyld import jsonld

    text = jsonld.normalize(doc, {"algorithm": "URDNA2015", "format": "application/n-quads",
                                  "documentLoader": _document_loader, "safe": False})
    return str(text).encode("utf-8")


def defined_terms(contexts: list[Json]) -> set[str]:
    """Every term the credential's contexts define (bundled ones read from disk)."""
    out: set[str] = set()

    def walk(ctx: Json) -> None:
        if isinstance(ctx, str):
            name = BUNDLED.get(ctx)
            if name:
                walk(member(_document_loader(ctx)["document"], "@context"))
        elif isinstance(ctx, list):
            for item in ctx:
                walk(item)
        elif isinstance(ctx, dict):
            for key, value in ctx.items():
                out.add(key)
                if isinstance(value, dict) and "@context" in value:
                    walk(value["@context"])
    walk(contexts)
    return out


# ---- the checks ----------------------------------------------------------------------------


def _types(value: Json) -> list[str]:
    raw = value.get("type", value.get("@type")) if isinstance(value, dict) else None
    return [raw] if isinstance(raw, str) else [t for t in raw if isinstance(t, str)] if isinstance(raw, list) else []


def _when(text: Json) -> datetime | None:
    if not isinstance(text, str):
        return None
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        return None
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def _ident(value: Json) -> str:
    ident = value.get("id", "") if isinstance(value, dict) else value
    return ident if isinstance(ident, str) else ""  # an id is a URI: any other value is no id


def local_fetcher(documents: Iterable[bytes], folders: Sequence[tuple[str, Path]],
                  read: Callable[[Path], bytes]) -> Fetch:
    """URL -> document, from the given files' own ids, or a file under a folder that stands for a
    URL prefix (`--resolve PREFIX=FOLDER`, read with `read` on first use); never the network."""
    by_id: dict[str, Json] = {}
    for data in documents:
        _fmt, body = payload(data)
        if isinstance(body, str) and not body.startswith("http"):
            parts = jws_parts(body)
            body = parts[1] if parts else None
        ident = body.get("id") if isinstance(body, dict) else None
        if isinstance(ident, str):
            by_id.setdefault(ident, body)

    def fetch(url: str) -> Json:
        if url in by_id:
            return by_id[url]
        for prefix, folder in folders:
            if url.startswith(prefix):
                target = folder / url[len(prefix):].split("#")[0]
                if target.is_file() and folder.resolve() in target.resolve().parents:
                    body = payload(read(target))[1]
                    by_id[url] = body
                    return body
        return None

    return fetch


def check_file(file: str, data: bytes, fetch: Fetch, now: datetime) -> BadgeResult:
    """The verdict on one badge file, its payload resolved through `fetch`."""
    result = BadgeResult(file)
    fmt, body = payload(data)
    result.format = fmt
    if body is None:
        result.reason = "no JSON, JWS or baked credential found"
        return result
    signed: Signed | None = None
    if isinstance(body, str):
        if body.startswith("http"):
            fetched = fetch(body)
            if fetched is None:
                result.verdict, result.reason = "unverifiable-offline", f"the baked assertion is hosted at {body}"
                return result
            body = fetched
        else:
            signed = jws_parts(body)
            if signed is None:
                result.reason = "the JWS cannot be decoded"
                return result
            result.format = "jws" if fmt == "jws" else f"{fmt}+jws"
            body = signed[1]
            if isinstance(body, dict) and isinstance(body.get("vc"), dict):
                body = body["vc"]  # VC-JWT (VCDM 1.1) carries the credential under `vc`
    if not isinstance(body, dict):
        result.reason = "the payload is not a JSON object"
        return result
    try:
        _dispatch(result, body, signed, fetch, now)
    except (AttributeError, TypeError, ValueError, KeyError, IndexError) as exc:
        result.verdict, result.reason = "invalid", f"malformed ({type(exc).__name__}: {str(exc)[:100]})"
    return result


def _dispatch(result: BadgeResult, body: JsonObject, signed: Signed | None, fetch: Fetch, now: datetime) -> None:
    types = _types(body)
    contexts = as_list(body.get("@context"))
    if "Assertion" in types or (OB2_CONTEXT in contexts and "BadgeClass" not in types and "recipient" in body):
        result.spec = "OB2.0"
        _ob2(result, body, signed, fetch, now)
    elif "VerifiableCredential" in types and any(t in types for t in OB3_TYPES):
        result.spec = "CLR2.0" if "ClrCredential" in types else "OB3.0"
        _ob3(result, body, signed, fetch, now)
    elif "VerifiableCredential" in types and not any(t in types for t in SUPPORT_TYPES):
        result.verdict = "invalid"
        result.reason = f"a VerifiableCredential whose type names none of {', '.join(OB3_TYPES)}"
    elif not types and (str(body.get("id", "")).startswith("did:") or "verificationMethod" in body):
        result.verdict, result.reason = "supporting", "a DID or controller document, used to resolve keys"
    elif any(t in types for t in SUPPORT_TYPES):
        result.verdict, result.reason = "supporting", f"a {' '.join(types)}, used to resolve credentials"
        result.name = str(body.get("name", ""))
        result.spec = "OB2.0" if OB2_CONTEXT in contexts else ""
    else:
        result.reason = f"not an Open Badges or CLR document (type {types or 'missing'})"


def _decide(result: BadgeResult, findings: dict[str, tuple[str, str]]) -> None:
    """Pick the verdict by severity from `check -> (verdict, why)`."""
    result.findings = {check: f"{verdict}: {why}" if why else verdict for check, (verdict, why) in findings.items()}
    for verdict in VERDICTS:
        for (found, why) in findings.values():
            if found == verdict:
                result.verdict, result.reason = verdict, why
                return


def _dates(result: BadgeResult, issued: Json, expires: Json, now: datetime,
           findings: dict[str, tuple[str, str]], issued_name: str, expires_name: str) -> None:
    start, end = _when(issued), _when(expires)
    result.earned = start.date() if start else None
    result.expires = end.date() if end else None
    if issued is not None and start is None:
        findings["dates"] = ("invalid", f"{issued_name} {issued!r} is not a date-time")
    elif end is not None and end <= now:
        findings["dates"] = ("expired", f"{expires_name} {expires} has passed")
    elif start is not None and start > now:
        findings["dates"] = ("not-yet-valid", f"{issued_name} {issued} is in the future")


# ---- Open Badges 2.0 -------------------------------------------------------------------------


def _ob2(result: BadgeResult, body: JsonObject, signed: Signed | None, fetch: Fetch, now: datetime) -> None:
    findings: dict[str, tuple[str, str]] = {}
    badge = body.get("badge")
    badge = fetch(badge) if isinstance(badge, str) else badge
    issuer = badge.get("issuer") if isinstance(badge, dict) else None
    issuer_doc = fetch(issuer) if isinstance(issuer, str) else issuer
    if isinstance(badge, dict):
        result.name = str(badge.get("name", ""))
        result.achievement_id = _ident(badge)
        result.alignments = [{k: str(a.get(k, "")) for k in ("targetName", "targetUrl", "targetCode") if a.get(k)}
                             for a in objects(badge.get("alignment"))]
    if isinstance(issuer_doc, dict):
        result.issuer, result.issuer_id = str(issuer_doc.get("name", "")), _ident(issuer_doc)
    for key in ("recipient", "badge", "verification", "issuedOn"):
        if key not in body:
            findings["schema"] = ("invalid", f"the assertion has no {key}")
    _dates(result, body.get("issuedOn"), body.get("expires"), now, findings, "issuedOn", "expires")
    given = body.get("verification")
    verification: JsonObject = given if isinstance(given, dict) else {}
    kind = str(verification.get("type", "")).lower()
    if signed is not None or kind in ("signed", "signedbadge"):
        _ob2_signed(result, body, signed, issuer_doc, fetch, findings)
    elif not isinstance(badge, dict) or not isinstance(issuer_doc, dict):
        missing = "badge class" if not isinstance(badge, dict) else "issuer profile"
        findings["hosted"] = ("unverifiable-offline", f"its {missing} is not in the input")
    else:
        _ob2_hosted(result, body, issuer_doc, findings)
    _decide(result, findings)


def _ob2_hosted(result: BadgeResult, body: JsonObject, issuer: JsonObject,
                findings: dict[str, tuple[str, str]]) -> None:
    """OB 2.0 hosted verification policy: startsWith, then allowedOrigins (default: the issuer id's host)."""
    assertion_id, issuer_id = _ident(body), _ident(issuer)
    given = issuer.get("verification")
    policy: JsonObject = given if isinstance(given, dict) else {}
    starts = [str(s) for s in as_list(policy.get("startsWith"))]
    if starts and not any(assertion_id.startswith(s) for s in starts):
        findings["hosted"] = ("invalid", (f"assertion id {assertion_id} does not start with any of {starts}, "
                                         "its issuer's verification policy"))
        return
    origins = [str(o) for o in as_list(policy.get("allowedOrigins"))] or (
        [urlsplit(issuer_id).netloc] if issuer_id.startswith("http") else [])
    if not origins or not issuer_id.startswith("http"):
        result.warnings.append(f"issuer {issuer_id} has no HTTP domain to enforce the hosted verification "
                               "policy against")
    elif urlsplit(assertion_id).netloc not in origins:
        findings["hosted"] = ("invalid", f"assertion {assertion_id} is not hosted in the allowed origins {origins}")
        return
    findings["hosted"] = ("unverifiable-offline", (f"a hosted assertion is verified by fetching {assertion_id}, "
                                                  "which needs the network"))


def _ob2_signed(result: BadgeResult, body: JsonObject, signed: Signed | None, issuer: Json, fetch: Fetch,
                findings: dict[str, tuple[str, str]]) -> None:
    if signed is None:
        findings["signature"] = ("unverifiable-offline", "a signed assertion given without its JWS")
        return
    header, _payload, signing_input, signature = signed
    creator = member(body.get("verification"), "creator")
    keys: list[Json] = [creator] if creator else []
    if isinstance(issuer, dict):
        keys += [k for k in as_list(issuer.get("publicKey")) if k not in keys]
    pem = None
    for ref in keys:
        doc = fetch(ref) if isinstance(ref, str) else ref
        found = member(doc, "publicKeyPem")
        if isinstance(found, str) and found:  # PEM text; any other value is not a key
            pem = found
            break
    if pem is None:
        findings["signature"] = ("unverifiable-offline", "the issuer's public key is not in the input")
    elif _verify_pem(pem, header, signing_input, signature):
        findings["signature"] = ("verified", "")
    else:
        findings["signature"] = ("tampered", "the JWS signature does not match the issuer's key")
    listed = member(issuer, "revocationList")
    if listed:
        revocations = fetch(listed) if isinstance(listed, str) else listed  # by URL, or embedded as badge and issuer may be
        if not isinstance(revocations, dict):
            result.warnings.append("the issuer's revocation list is not in the input")
        else:
            revoked = [r if isinstance(r, str) else _ident(r) for r in as_list(revocations.get("revokedAssertions"))]
            if _ident(body) in revoked or body.get("uid") in revoked:
                findings["revocation"] = ("revoked", "listed in the issuer's revocation list")


def _verify_pem(pem: str, header: JsonObject, signing_input: bytes, signature: bytes) -> bool:
    from joserfc.jwk import RSAKey

    return _jws_verifies(RSAKey.import_key(pem), header, signing_input, signature)


def _jws_verifies(key: Key, header: JsonObject, signing_input: bytes, signature: bytes) -> bool:
    """A compact JWS checked by joserfc with the algorithm its header names (keys may sit in the header,
    so the header may be longer than joserfc's default limit)."""
    from joserfc import jws
    from joserfc.errors import JoseError
    from joserfc.jws import JWSRegistry

    registry = JWSRegistry(algorithms=[str(header.get("alg"))])
    registry.max_header_length = 16384
    token = signing_input.decode() + "." + base64.urlsafe_b64encode(signature).decode().rstrip("=")
    try:
        jws.deserialize_compact(token, key, registry=registry)
        return True
    except JoseError:
        return False


# ---- Open Badges 3.0 / CLR 2.0 ------------------------------------------------------------------


def _ob3(result: BadgeResult, body: JsonObject, signed: Signed | None, fetch: Fetch, now: datetime) -> None:
    findings: dict[str, tuple[str, str]] = {}
    issuer = body.get("issuer")
    result.issuer_id = _ident(issuer)
    result.issuer = str(issuer.get("name", "")) if isinstance(issuer, dict) else ""
    subject: Json = next(iter(as_list(body.get("credentialSubject"))), {})
    achievement = subject.get("achievement", {}) if isinstance(subject, dict) else {}
    result.name = str(achievement.get("name") or body.get("name", "")) if isinstance(achievement, dict) else ""
    result.achievement_id = _ident(achievement)
    if isinstance(achievement, dict):
        result.alignments = [{k: str(a.get(k, "")) for k in ("targetName", "targetUrl", "targetCode") if a.get(k)}
                             for a in objects(achievement.get("alignment"))]
    _ob3_schema(result, body, findings)
    v1 = VC_V1 in as_list(body.get("@context"))
    _dates(result, body.get("issuanceDate" if v1 and "validFrom" not in body else "validFrom"),
           body.get("expirationDate" if v1 and "validUntil" not in body else "validUntil"), now, findings,
           "validFrom", "validUntil")
    if v1:
        result.warnings.append("uses the VC Data Model 1.1 context; Open Badges 3.0 expects 2.0")
    if signed is not None:
        _ob3_jwt(signed, findings)
    else:
        _ob3_proof(result, body, findings, fetch)
    _ob3_status(result, body, fetch, findings)
    _decide(result, findings)


def _ob3_schema(result: BadgeResult, body: JsonObject, findings: dict[str, tuple[str, str]]) -> None:
    contexts = as_list(body.get("@context"))
    types = _types(body)
    if not contexts or contexts[0] not in (VC_V1, VC_V2):
        findings["context"] = ("invalid", f"the first @context must be {VC_V2} (or {VC_V1})")
    elif not any(isinstance(c, str) and ("/spec/ob/v3p0/" in c or "/spec/clr/v2p0/" in c) for c in contexts):
        findings["context"] = ("invalid", "no Open Badges 3.0 or CLR 2.0 context")
    issuer = body.get("issuer")
    if not _ident(issuer):
        findings["schema"] = ("invalid", "the credential has no issuer with an id")
    subject_type = "ClrSubject" if "ClrCredential" in types else "AchievementSubject"
    expected = {"ClrCredential": "ClrSubject", "EndorsementCredential": "EndorsementSubject"}
    subject_type = next((v for k, v in expected.items() if k in types), "AchievementSubject")
    for subject in as_list(body.get("credentialSubject")):
        if not isinstance(subject, dict) or subject_type not in _types(subject):
            findings["schema"] = ("invalid", f"credentialSubject type must include {subject_type}")
        for res in as_list(subject.get("result") if isinstance(subject, dict) else None):
            if "Result" not in _types(res):
                findings["schema"] = ("invalid", "a credentialSubject result's type must include Result")
    for evidence in as_list(body.get("evidence")):
        if "Evidence" not in _types(evidence):
            findings["schema"] = ("invalid", "an evidence item's type must include Evidence")
    proofs = objects(body.get("proof"))
    if proofs:
        terms = defined_terms(contexts)
        for proof in proofs:
            for kind in _types(proof):
                if kind not in terms:
                    findings["json-ld"] = ("invalid", (f"proof type {kind} is not defined by the credential's "
                                                      "contexts"))
    del result


def _ob3_jwt(signed: Signed, findings: dict[str, tuple[str, str]]) -> None:
    header, _body, signing_input, signature = signed
    jwk = header.get("jwk")
    if not isinstance(jwk, dict):
        findings["signature"] = ("unverifiable-offline", "the JWT header carries no key (jwk) and none is in the input")
        return
    from joserfc.errors import JoseError
    from joserfc.jwk import JWKRegistry

    try:
        key = JWKRegistry.import_key(cast("dict[str, str | list[str]]", jwk))  # joserfc checks its members
    except (JoseError, ValueError, TypeError) as exc:
        findings["signature"] = ("invalid", f"the JWT header's key cannot be used ({exc})")
        return
    if _jws_verifies(key, header, signing_input, signature):
        findings["signature"] = ("verified", "")
    else:
        findings["signature"] = ("tampered", "the JWT signature does not match the key in its header")


# proof types and cryptosuites that exist but are not checked here, and why (the verdict says so)
_UNCHECKED = {
    "ecdsa-sd-2023": "selective-disclosure proofs (ecdsa-sd-2023) are not checked by skillstack",
    "bbs-2023": "BBS proofs (bbs-2023) are not checked by skillstack",
    "ecdsa-rdfc-2019": "ECDSA proofs (ecdsa-rdfc-2019) are not checked by skillstack",
    "ecdsa-jcs-2019": "ECDSA proofs (ecdsa-jcs-2019) are not checked by skillstack",
    "eddsa-jcs-2022": "JCS-canonicalised proofs (eddsa-jcs-2022) are not checked by skillstack",
    "RsaSignature2018": "RsaSignature2018 proofs are not checked by skillstack (a retired suite)",
    "JsonWebSignature2020": "JsonWebSignature2020 proofs are not checked by skillstack",
    "EcdsaSecp256k1Signature2019": "EcdsaSecp256k1Signature2019 proofs are not checked by skillstack",
}


def _ob3_proof(result: BadgeResult, body: JsonObject, findings: dict[str, tuple[str, str]],
               fetch: Fetch | None = None) -> None:
    proofs = objects(body.get("proof"))
    usable = [p for p in proofs if p.get("proofPurpose") == "assertionMethod" and (
        "Ed25519Signature2020" in _types(p) or ("DataIntegrityProof" in _types(p)
                                                and p.get("cryptosuite") in ("eddsa-rdfc-2022", "eddsa-2022")))]
    if not proofs:
        findings["signature"] = ("unverifiable-offline", "the credential carries no proof")
        return
    if not usable:
        kinds = [str(p.get("cryptosuite", "")) if "DataIntegrityProof" in _types(p) else
                 next(iter(_types(p)), "") for p in proofs]
        why = next((_UNCHECKED[k] for k in kinds if k in _UNCHECKED), None)
        findings["signature"] = ("unverifiable-offline", why or (
            f"no proof of a type that can be checked (found {', '.join(kinds) or 'untyped'}; checked: "
            "Ed25519Signature2020, eddsa-rdfc-2022, eddsa-2022 with proofPurpose assertionMethod)"))
        return
    proof = usable[0]
    method = str(proof.get("verificationMethod", ""))
    found = resolve_key(method, fetch or (lambda _url: None))
    if not isinstance(found[0], bytes):
        findings["signature"] = (str(found[0]), str(found[1]))
        return
    key, controller = found[0], found[1]
    if controller is not None and result.issuer_id and controller != result.issuer_id:
        findings["signature"] = ("invalid", (f"the key's controller {controller} is not the issuer "
                                            f"{result.issuer_id}"))
        return
    signature = proof.get("proofValue", "")
    if not isinstance(signature, str):
        findings["signature"] = ("invalid", "the proof's proofValue is not a string")
        return
    try:
        raw_signature = base58_decode(signature[1:]) if signature.startswith("z") else b""
    except ValueError:
        raw_signature = b""
    try:
        options = {k: v for k, v in proof.items() if k != "proofValue"}
        options["@context"] = body.get("@context")
        document = {k: v for k, v in body.items() if k != "proof"}
        data = hashlib.sha256(canonical(options)).digest() + hashlib.sha256(canonical(document)).digest()
    except Exception as exc:  # noqa: BLE001  (pyld raises many error types for unloadable contexts or bad JSON-LD)
        findings["signature"] = ("unverifiable-offline", (f"the credential cannot be canonicalised offline: "
                                                         f"{str(exc).splitlines()[0][:120]}"))
        return
    if len(raw_signature) == 64 and _verify_ed25519(key, raw_signature, data):
        findings["signature"] = ("verified", "")
    else:
        findings["signature"] = ("tampered", "the proof's signature does not match the credential")


def did_web_url(did: str) -> str:
    """The URL of a did:web DID document: `did:web:example.com` -> https://example.com/.well-known/did.json,
    `did:web:example.com:users:alice` -> https://example.com/users/alice/did.json."""
    from urllib.parse import unquote

    parts = [unquote(p) for p in did.split("#")[0].removeprefix("did:web:").split(":")]
    return f"https://{parts[0]}/" + ("/".join(parts[1:]) + "/did.json" if len(parts) > 1 else ".well-known/did.json")


def resolve_key(method: str, fetch: Fetch) -> tuple[bytes, str | None] | tuple[str, str]:
    """The Ed25519 key of a verification method and its controller (None when the key is its own id),
    or a finding `(verdict, why)`. Offline only: a did:key, a multibase key in the method's fragment,
    or a DID document / controller document / key document in the input (by id; a did:web's
    document also by its https URL)."""
    base, _, fragment = method.partition("#")
    if method.startswith("did:key:"):
        key = ed25519_key(base[len("did:key:"):])
        return (key, None) if key else ("invalid", f"the verification method {method} holds no valid Ed25519 key")
    if fragment.startswith("z6Mk") and not base.startswith("did:"):
        key = ed25519_key(fragment)
        return (key, base) if key else ("invalid", f"the verification method {method} holds no valid Ed25519 key")
    if not re.match(r"^[a-z][a-z0-9+.-]*:", method):
        return "invalid", f"the verification method {method!r} is not a URI (no scheme)"
    candidates = [method, base] + ([did_web_url(base)] if base.startswith("did:web:") else [])
    for url in candidates:
        doc = fetch(url)
        entry = _method_entry(doc, method, base) if isinstance(doc, dict) else None
        if entry is None:
            continue
        key = _entry_key(entry)
        if key is None:
            return "invalid", f"the verification method {method} in the input holds no usable Ed25519 key"
        controller = entry.get("controller") if isinstance(entry.get("controller"), str) else base
        return key, str(controller)
    where = "its DID document" if base.startswith("did:") else "its controller or key document"
    return "unverifiable-offline", f"the key {method} is not in the input ({where} would resolve it offline)"


def _method_entry(doc: JsonObject, method: str, base: str) -> JsonObject | None:
    """The verification method `method` in a DID, controller or key document."""
    if doc.get("id") == method and any(k in doc for k in ("publicKeyMultibase", "publicKeyJwk", "publicKeyBase58")):
        return doc
    for key in ("verificationMethod", "assertionMethod", "publicKey"):
        for entry in as_list(doc.get(key)):
            if not isinstance(entry, dict):
                continue
            ident = str(entry.get("id", ""))
            if ident == method or (ident.startswith("#") and base + ident == method):
                return entry
    return None


def _entry_key(entry: JsonObject) -> bytes | None:
    multibase = entry.get("publicKeyMultibase")
    if isinstance(multibase, str):
        return ed25519_key(multibase)
    jwk = entry.get("publicKeyJwk")
    if isinstance(jwk, dict) and jwk.get("kty") == "OKP" and jwk.get("crv") == "Ed25519":
        try:
            raw = _b64(str(jwk.get("x", "")))
        except ValueError:
            return None
        return raw if len(raw) == 32 else None
    b58 = entry.get("publicKeyBase58")
    if isinstance(b58, str):
        try:
            raw = base58_decode(b58)
        except ValueError:
            return None
        return raw if len(raw) == 32 else None
    return None


def _ob3_status(result: BadgeResult, body: JsonObject, fetch: Fetch,
                findings: dict[str, tuple[str, str]]) -> None:
    """Bitstring Status List / StatusList2021 entries, against a status list credential in the input.

    The list is used only when its issuer is the credential's and its own proof does not fail;
    a list whose proof cannot be checked offline is used with a warning."""
    warnings = result.warnings
    for status in as_list(body.get("credentialStatus")):
        if not isinstance(status, dict):
            continue
        kinds = _types(status)
        if not any(k in ("BitstringStatusListEntry", "StatusList2021Entry") for k in kinds):
            continue
        url = str(status.get("statusListCredential", ""))
        listing = fetch(url)
        listing_jwt = None
        if isinstance(listing, str):
            listing_jwt = jws_parts(listing)
            listing = listing_jwt[1] if listing_jwt else None
        subject = listing.get("credentialSubject") if isinstance(listing, dict) else None
        encoded = subject.get("encodedList") if isinstance(subject, dict) else None
        if not isinstance(listing, dict) or not isinstance(subject, dict) or not isinstance(encoded, str):
            warnings.append(f"its status list {url} is not in the input; revocation not checked")
            continue
        list_issuer = _ident(listing.get("issuer"))
        if result.issuer_id and list_issuer != result.issuer_id:
            warnings.append(f"its status list {url} is issued by {list_issuer or 'no one'}, not by the credential's "
                            "issuer; revocation not checked")
            continue
        list_findings: dict[str, tuple[str, str]] = {}
        checker = BadgeResult(url, issuer_id=list_issuer)
        if listing_jwt is not None:
            _ob3_jwt(listing_jwt, list_findings)
        else:
            _ob3_proof(checker, listing, list_findings, fetch)
        verdict, why = list_findings.get("signature", ("unverifiable-offline", "no proof"))
        if verdict in ("tampered", "invalid"):
            warnings.append(f"its status list {url} fails its own proof check ({why}); revocation not checked")
            continue
        if verdict != "verified":
            warnings.append(f"its status list {url} is used, but its own proof is not checked offline ({why})")
        position = status.get("statusListIndex", -1)
        try:
            index = int(position) if isinstance(position, (str, int, float)) else None  # null, [], {}: no index
            raw = encoded.removeprefix("u")
            bits = gzip.decompress(_b64(raw))
        except (ValueError, OSError, EOFError, zlib.error):
            index = None
        if index is None:
            findings["status"] = ("invalid", f"the status list {url} cannot be decoded")
            continue
        if index < 0 or index >= len(bits) * 8:
            findings["status"] = ("invalid", f"status index {index} is outside the list")
        elif bits[index // 8] >> (7 - index % 8) & 1:
            purpose = status.get("statusPurpose", subject.get("statusPurpose", "revocation"))
            if purpose in ("revocation", "suspension"):
                findings["status"] = ("revoked", f"bit {index} of the status list {url} is set ({purpose})")
