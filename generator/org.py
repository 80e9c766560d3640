"""The organisation profile (name, short name, about text, website, logo) from TOML, with a default."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path
from typing import Any

from generator.blocks import Org
from generator.phrasebook import Phrasebook
from tally.errors import InputError
from tally.model import read_source

#: Keys an org profile may set, at its top level or in a per-language table such as ``[ar]``.
ORG_KEYS = ("name", "short_name", "about", "website", "logo")
DEFAULT_LOGO = Path(__file__).resolve().parent.parent / "templates" / "assets" / "logo.svg"
_LOGO_TYPES = {".svg": "image/svg+xml", ".png": "image/png", ".jpg": "image/jpeg", ".jpeg": "image/jpeg"}


def initials(name: str) -> str:
    """``Syrian Network for Human Rights`` → ``SNHR``: the capitals of its words."""
    letters = [word[0] for word in re.findall(r"[^\W\d_][\w'-]*", name) if word[0].isupper()]
    return "".join(letters) if len(letters) > 1 else ""


def read_org_profile(path: Path) -> dict[str, Any]:
    """An org profile's TOML tables as data; errors name the file and the key at fault."""
    try:
        data = tomllib.loads(read_source(path, InputError))
    except tomllib.TOMLDecodeError as err:
        raise InputError(f"{path}: not valid TOML ({err})") from None
    for key, value in data.items():
        if isinstance(value, dict):
            for inner, text in value.items():
                _check_key(path, f"{key}.{inner}", inner, text)
        else:
            _check_key(path, key, key, value)
    return data


def _check_key(path: Path, where: str, key: str, value: object) -> None:
    if key not in ORG_KEYS:
        raise InputError(f"{path}: {where}: unknown key; valid keys: {', '.join(ORG_KEYS)}")
    if not isinstance(value, str):
        raise InputError(f"{path}: {where}: must be a string")


def _read_logo(path: Path, name: str) -> tuple[bytes, str]:
    kind = _LOGO_TYPES.get(path.suffix.lower())
    if kind is None:
        raise InputError(f"{name}: logo {path}: unsupported image type; valid extensions: {', '.join(_LOGO_TYPES)}")
    try:
        return path.read_bytes(), kind
    except OSError as err:
        raise InputError(f"{name}: logo {path}: cannot be read ({err.strerror})") from None


def load_org(path: Path | None, pb: Phrasebook, publisher: str | None = None) -> Org:
    """The org as ``pb``'s language names it: the profile's values for that language, else its top-level
    ones, else the document's publisher, else the phrasebook's neutral default."""
    data = read_org_profile(path) if path is not None else {}
    local = data.get(pb.lang, {}) if isinstance(data.get(pb.lang), dict) else {}

    def value(key: str) -> str:
        found = local.get(key, data.get(key))
        return found if isinstance(found, str) else ""

    name = value("name") or (publisher if publisher and pb.lang == "en" else "") or pb.say("org.name")
    short = value("short_name") or initials(name) or pb.say("org.short_name")
    about = value("about") or pb.say("about.default", org=name, short=short)
    logo_path = Path(value("logo")) if value("logo") else DEFAULT_LOGO
    if path is not None and value("logo") and not logo_path.is_absolute():
        logo_path = path.parent / logo_path
    logo, kind = _read_logo(logo_path, str(path or "default org profile"))
    return Org(name=name, short_name=short, about=about, website=value("website"), logo=logo, logo_type=kind)
