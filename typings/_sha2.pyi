# CPython's built-in SHA-256 (hashlib's fallback when OpenSSL is absent); typeshed has no stub.
from hashlib import _Hash

def sha256(string: bytes = ..., *, usedforsecurity: bool = ...) -> _Hash: ...
