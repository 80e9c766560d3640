"""Build small DOCX files (and broken or hostile zips) for the reader tests, at test time."""

from __future__ import annotations

import io
import struct
import zipfile

import docx


def docx_bytes(document: object) -> bytes:
    """The saved bytes of a python-docx Document."""
    buffer = io.BytesIO()
    document.save(buffer)  # type: ignore[attr-defined]
    return buffer.getvalue()


def rewrite_entry(data: bytes, name: str, content: bytes) -> bytes:
    """The same zip with entry ``name`` replaced by ``content``."""
    source = zipfile.ZipFile(io.BytesIO(data))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target:
        for entry in source.infolist():
            target.writestr(entry.filename, content if entry.filename == name else source.read(entry))
    return buffer.getvalue()


def add_entry(data: bytes, name: str, content: bytes) -> bytes:
    """The same zip with one more (deflated) entry."""
    buffer = io.BytesIO(data)
    with zipfile.ZipFile(buffer, "a", zipfile.ZIP_DEFLATED) as target:
        target.writestr(name, content)
    return buffer.getvalue()


def declare_size(data: bytes, name: str, size: int) -> bytes:
    """The same zip whose central directory claims ``name`` inflates to ``size`` bytes."""
    raw = bytearray(data)
    encoded = name.encode()
    at = raw.find(b"PK\x01\x02")
    while at != -1:
        name_length = struct.unpack_from("<H", raw, at + 28)[0]
        if bytes(raw[at + 46 : at + 46 + name_length]) == encoded:
            struct.pack_into("<I", raw, at + 24, size)
            return bytes(raw)
        at = raw.find(b"PK\x01\x02", at + 4)
    raise KeyError(name)


def new_document() -> docx.document.Document:
    return docx.Document()
