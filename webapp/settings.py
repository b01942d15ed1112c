"""Settings from environment variables, checked once with helpful errors.

:data:`SETTINGS` is the one table of every setting: variable, default, parser and help. The
:class:`Settings` fields, :meth:`Settings.from_env` and README's configuration table
(``python -m webapp.settings``; a test keeps them equal) all come from it.
"""
from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from data.paths import DEFAULT_FOLDER

CACHE_TYPES = ("filesystem", "redis", "simple", "null")


class SettingsError(ValueError):
    """A setting has a bad value; the message names the variable, the value and what is expected."""


def whole_number(low: int, high: int) -> Callable[[str, str], int]:
    """A parser for an integer in ``low..high``."""
    return lambda name, raw: _number(name, raw, low, high, int, "a whole number")


def number(low: float, high: float) -> Callable[[str, str], float]:
    """A parser for a number in ``low..high``."""
    return lambda name, raw: _number(name, raw, low, high, float, "a number")


def _number(name: str, raw: str, low, high, convert, what: str):
    try:
        value = convert(raw)
    except ValueError:
        raise SettingsError(f"{name}={raw!r} is not {what}; expected {low}-{high}") from None
    if not low <= value <= high:
        raise SettingsError(f"{name}={value} is out of range; expected {low}-{high}")
    return value


def text(name: str, raw: str) -> str:
    """Any text, surrounding spaces removed."""
    return raw.strip()


def folder(name: str, raw: str) -> Path:
    """An existing folder."""
    path = Path(raw)
    if not path.is_dir():
        raise SettingsError(f"{name}={path} is not a folder; point it at a folder of data CSV files")
    return path


def files(name: str, raw: str) -> tuple[Path, ...]:
    """Readable files separated by ':'."""
    paths = tuple(Path(p) for p in raw.split(":") if p.strip())
    for path in paths:
        if not path.is_file():
            raise SettingsError(f"{name} names {path}, which is not a readable file")
    return paths


def switch(name: str, raw: str) -> bool:
    """An on/off variable: 1 (or true/yes/on) is on; 0 (or false/no/off) is off."""
    value = raw.strip().lower()
    if value in ("0", "false", "no", "off"):
        return False
    if value in ("1", "true", "yes", "on"):
        return True
    raise SettingsError(f"{name}={value!r} is not a switch; expected 1 (on) or 0 (off)")


def cache_type(name: str, raw: str) -> str:
    """One of :data:`CACHE_TYPES`."""
    value = raw.strip().lower()
    if value not in CACHE_TYPES:
        raise SettingsError(f"{name}={value!r} is not one of {', '.join(CACHE_TYPES)}")
    return value


@dataclass(frozen=True)
class Setting:
    """One environment variable: the Settings field it fills, its default, parser and help."""

    env: str
    attr: str
    default: Any
    parse: Callable[[str, str], Any]
    help: str


SETTINGS = (
    Setting("GCM_DATA_DIR", "data_dir", DEFAULT_FOLDER, folder,
            "folder with the shipped-layout CSV files (default `data/sources`)"),
    Setting("GCM_EXTRA_DATA", "extra_data", (), files,
            "extra user data files (tidy, SDG export, SDMX-CSV or OWID CSV), separated by `:`"),
    Setting("GCM_CACHE_TYPE", "cache_type", "filesystem", cache_type,
            "`filesystem` (default, shared by workers), `redis`, `simple` (one process), `null` (no cache)"),
    Setting("GCM_CACHE_DIR", "cache_dir", Path(".cache/figures"), lambda name, raw: Path(raw),
            "filesystem cache folder (default `.cache/figures`)"),
    Setting("GCM_REDIS_URL", "redis_url", "", text,
            "`redis://host:port/db`; setting it selects the Redis cache (shared across hosts)"),
    Setting("GCM_CACHE_TIMEOUT", "cache_timeout", 3600, whole_number(0, 86400 * 30),
            "seconds a cached figure lives (default 3600)"),
    Setting("GCM_CACHE_MAX_MB", "cache_max_mb", 256, whole_number(1, 1024 * 1024),
            "most megabytes the filesystem cache may hold; the oldest entries go first (default 256)"),
    Setting("GCM_CACHE_RETRY_SECONDS", "cache_retry_seconds", 30.0, number(0.1, 3600.0),
            "after repeated cache failures or timeouts, seconds the cache is skipped before it is tried "
            "again (default 30)"),
    Setting("GCM_ACCEPTED_DIR", "accepted_dir", Path(".cache/accepted-data"), lambda name, raw: Path(raw),
            "folder keeping a copy of the last accepted data, so every worker serves it "
            "(default `.cache/accepted-data`)"),
    Setting("GCM_HOST", "host", "127.0.0.1", text, "address gunicorn binds (default 127.0.0.1)"),
    Setting("GCM_PORT", "port", 8050, whole_number(1, 65535), "port gunicorn binds (default 8050)"),
    Setting("GCM_WORKERS", "workers", 2, whole_number(1, 64), "gunicorn worker processes (default 2, at least 1)"),
    Setting("GCM_RELOAD_SECONDS", "reload_seconds", 5.0, number(0.0, 3600.0),
            "how often each worker checks the data files in the background (default 5; 0: never)"),
    Setting("GCM_FRAME_ANCESTORS", "frame_ancestors", "'self'", text,
            "CSP `frame-ancestors` for embedding (default `'self'`)"),
    Setting("GCM_ACCESS_LOG", "access_log", False, switch,
            "`1` logs every request (gunicorn access log); `0` or unset: off, so the start line with the "
            "URL stays visible"),
)


@dataclass(frozen=True)
class Settings:
    """Everything configurable about one running dashboard (fields as in :data:`SETTINGS`)."""

    data_dir: Path = DEFAULT_FOLDER
    extra_data: tuple[Path, ...] = ()
    cache_type: str = "filesystem"
    cache_dir: Path = Path(".cache/figures")
    redis_url: str = ""
    cache_timeout: int = 3600
    cache_max_mb: int = 256
    cache_retry_seconds: float = 30.0
    accepted_dir: Path = Path(".cache/accepted-data")
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
        values = {}
        for setting in SETTINGS:
            raw = env.get(setting.env)
            # An empty value means "not set": keeps the default, as a shell's VAR= would suggest.
            values[setting.attr] = setting.default if raw is None or raw.strip() == "" \
                else setting.parse(setting.env, raw)
        if values["redis_url"] and "GCM_CACHE_TYPE" not in env:
            values["cache_type"] = "redis"
        if values["cache_type"] == "redis" and not values["redis_url"].startswith(("redis://", "rediss://", "unix://")):
            raise SettingsError("GCM_CACHE_TYPE=redis needs GCM_REDIS_URL like redis://127.0.0.1:6379/0, "
                                f"got {values['redis_url']!r}")
        return cls(**values)


def markdown_table() -> str:
    """README's configuration table, generated from :data:`SETTINGS`."""
    rows = ["| variable | meaning |", "|---|---|"]
    rows += [f"| `{s.env}` | {s.help} |" for s in SETTINGS]
    return "\n".join(rows)


if __name__ == "__main__":
    print(markdown_table())
