"""Settings from environment variables, checked once with helpful errors.

Every setting has one row in ``SETTINGS_HELP``; README's table is generated from the same text.
"""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from data.load import DEFAULT_FOLDER

CACHE_TYPES = ("filesystem", "redis", "simple", "null")

SETTINGS_HELP = {
    "GCM_DATA_DIR": "folder with the shipped-layout CSV files (default: data/sources)",
    "GCM_EXTRA_DATA": "extra user data files (tidy, SDG export, SDMX-CSV or OWID CSV), separated by ':'",
    "GCM_CACHE_TYPE": "filesystem (default), redis, simple (one process) or null (no cache)",
    "GCM_CACHE_DIR": "folder for the filesystem cache (default: .cache/figures)",
    "GCM_REDIS_URL": "redis://host:port/db; setting it selects the redis cache",
    "GCM_CACHE_TIMEOUT": "seconds a cached figure lives (default 3600)",
    "GCM_HOST": "address gunicorn binds (default 127.0.0.1)",
    "GCM_PORT": "port gunicorn binds (default 8050)",
    "GCM_WORKERS": "gunicorn worker processes (default 2, at least 1)",
    "GCM_RELOAD_SECONDS": "how often data file modification times are checked (default 5)",
    "GCM_FRAME_ANCESTORS": "CSP frame-ancestors for embedding (default 'self')",
    "GCM_ACCESS_LOG": "1 logs every request (gunicorn access log); 0 or unset: off",
}


class SettingsError(ValueError):
    """A setting has a bad value; the message names the variable, the value and what is expected."""


@dataclass(frozen=True)
class Settings:
    """Everything configurable about one running dashboard."""

    data_dir: Path = DEFAULT_FOLDER
    extra_data: tuple[Path, ...] = ()
    cache_type: str = "filesystem"
    cache_dir: Path = Path(".cache/figures")
    redis_url: str = ""
    cache_timeout: int = 3600
    host: str = "127.0.0.1"
    port: int = 8050
    workers: int = 2
    reload_seconds: float = 5.0
    frame_ancestors: str = "'self'"
    access_log: bool = False
    extra: dict = field(default_factory=dict)

    @classmethod
    def from_env(cls, env: dict | None = None) -> "Settings":
        """Read settings from ``env`` (default ``os.environ``); raise :class:`SettingsError` on a bad value."""
        env = dict(os.environ if env is None else env)
        data_dir = Path(env.get("GCM_DATA_DIR", str(DEFAULT_FOLDER)))
        if not data_dir.is_dir():
            raise SettingsError(f"GCM_DATA_DIR={data_dir} is not a folder; point it at a folder of data CSV files")
        extra = tuple(Path(p) for p in env.get("GCM_EXTRA_DATA", "").split(":") if p.strip())
        for path in extra:
            if not path.is_file():
                raise SettingsError(f"GCM_EXTRA_DATA names {path}, which is not a readable file")
        redis_url = env.get("GCM_REDIS_URL", "").strip()
        cache_type = env.get("GCM_CACHE_TYPE", "redis" if redis_url else "filesystem").strip().lower()
        if cache_type not in CACHE_TYPES:
            raise SettingsError(f"GCM_CACHE_TYPE={cache_type!r} is not one of {', '.join(CACHE_TYPES)}")
        if cache_type == "redis" and not redis_url.startswith(("redis://", "rediss://", "unix://")):
            raise SettingsError("GCM_CACHE_TYPE=redis needs GCM_REDIS_URL like redis://127.0.0.1:6379/0, "
                                f"got {redis_url!r}")
        return cls(
            data_dir=data_dir,
            extra_data=extra,
            cache_type=cache_type,
            cache_dir=Path(env.get("GCM_CACHE_DIR", ".cache/figures")),
            redis_url=redis_url,
            cache_timeout=_int(env, "GCM_CACHE_TIMEOUT", 3600, 0, 86400 * 30),
            host=env.get("GCM_HOST", "127.0.0.1").strip() or "127.0.0.1",
            port=_int(env, "GCM_PORT", 8050, 1, 65535),
            workers=_int(env, "GCM_WORKERS", 2, 1, 64),
            reload_seconds=_float(env, "GCM_RELOAD_SECONDS", 5.0, 0.0, 3600.0),
            frame_ancestors=env.get("GCM_FRAME_ANCESTORS", "'self'").strip() or "'self'",
            access_log=_switch(env, "GCM_ACCESS_LOG"),
        )


def _switch(env: dict, name: str) -> bool:
    """An on/off variable: 1 (or true/yes/on) is on; unset, empty, 0 (or false/no/off) is off."""
    raw = env.get(name, "").strip().lower()
    if raw in ("", "0", "false", "no", "off"):
        return False
    if raw in ("1", "true", "yes", "on"):
        return True
    raise SettingsError(f"{name}={raw!r} is not a switch; expected 1 (on) or 0 (off)")


def _int(env: dict, name: str, default: int, low: int, high: int) -> int:
    return _number(env, name, default, low, high, int, "a whole number")


def _float(env: dict, name: str, default: float, low: float, high: float) -> float:
    return _number(env, name, default, low, high, float, "a number")


def _number(env: dict, name: str, default, low, high, convert, what: str):
    """Read a numeric variable; a bad or out-of-range value raises a message naming it."""
    raw = env.get(name)
    if raw is None or raw.strip() == "":
        return default
    try:
        value = convert(raw)
    except ValueError:
        raise SettingsError(f"{name}={raw!r} is not {what}; expected {low}-{high}") from None
    if not low <= value <= high:
        raise SettingsError(f"{name}={value} is out of range; expected {low}-{high}")
    return value
