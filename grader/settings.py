"""Every environment variable and path renshu reads, in one place.

| variable | meaning |
|---|---|
| ``RENSHU_HOME`` | the data folder (progress, user banks); else the platform's user data folder |
| ``RENSHU_LANG`` | ``ja`` or ``en`` for every screen and report; else the locale decides |
| ``RENSHU_CACHE`` | the cache folder (replay plans of passing searches); else the platform's |
| ``RENSHU_BANKS`` | extra bank folders, ``os.pathsep``-separated |
| ``RENSHU_SANDBOX_ISOLATION`` | force a weaker sandbox: ``namespaces`` or ``process-group`` |
| ``EDITOR`` | the editor ``ctrl+e`` opens in the study app (``vi`` when unset) |
| ``LC_ALL``, ``LC_MESSAGES``, ``LANG`` | the locale, in POSIX order, when ``RENSHU_LANG`` is unset |
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path
from typing import Literal

Lang = Literal["ja", "en"]
LANGS: tuple[Lang, ...] = ("ja", "en")

HOME_VARIABLE = "RENSHU_HOME"
LANG_VARIABLE = "RENSHU_LANG"
BANKS_VARIABLE = "RENSHU_BANKS"
ISOLATION_VARIABLE = "RENSHU_SANDBOX_ISOLATION"
CACHE_VARIABLE = "RENSHU_CACHE"


def cache_dir() -> Path:
    """The cache folder (not created here): ``RENSHU_CACHE``, else platformdirs."""
    env = os.environ.get(CACHE_VARIABLE)
    if env:
        return Path(env)
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("renshu", appauthor=False))


def data_dir(override: Path | None = None) -> Path:
    """The user data folder (not created here): ``--data-dir``, ``RENSHU_HOME``, platformdirs."""
    if override is not None:
        return override
    env = os.environ.get(HOME_VARIABLE)
    if env:
        return Path(env)
    from platformdirs import user_data_dir

    return Path(user_data_dir("renshu", appauthor=False))


def detect_language() -> Lang:
    """The one rule for the language, used by the CLI and the study app alike.

    ``RENSHU_LANG`` when it is ``ja`` or ``en``; else the first set locale variable of
    ``LC_ALL``, ``LC_MESSAGES``, ``LANG`` (POSIX precedence for messages): Japanese
    when it starts with ``ja``, English otherwise.
    """
    forced = forced_language()
    if forced is not None:
        return forced
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(name, "")
        if value:
            return "ja" if value.lower().startswith("ja") else "en"
    return "en"


def forced_language() -> Lang | None:
    """``RENSHU_LANG`` when it is ``ja`` or ``en`` (it beats a language saved in the app)."""
    forced = os.environ.get(LANG_VARIABLE, "")
    if forced == "ja":
        return "ja"
    return "en" if forced == "en" else None


def bank_folders_from_env() -> list[Path]:
    """The folders listed in ``RENSHU_BANKS`` (blank entries skipped)."""
    return [Path(p) for p in os.environ.get(BANKS_VARIABLE, "").split(os.pathsep) if p.strip()]


def forced_isolation() -> str:
    """``RENSHU_SANDBOX_ISOLATION`` as given (empty when unset)."""
    return os.environ.get(ISOLATION_VARIABLE, "")


def editor_command(environ: Mapping[str, str] | None = None) -> str:
    """``EDITOR`` as written (``vi`` when unset or empty); ``environ`` defaults to the process's."""
    return (os.environ if environ is None else environ).get("EDITOR") or "vi"
