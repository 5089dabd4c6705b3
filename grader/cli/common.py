"""What every command module shares: exit codes, the parser class, common options."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any, cast

from renshu.grader.settings import Lang, detect_language

EXIT_OK, EXIT_FAIL, EXIT_USAGE = 0, 1, 2
LANGS = ("ja", "en")


class Parser(argparse.ArgumentParser):
    """Usage errors exit with status 2 and one line on stderr."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        sys.stderr.write(f"{self.prog}: error: {message}{_did_you_mean(message)}\n")
        raise SystemExit(EXIT_USAGE)


def _did_you_mean(message: str) -> str:
    """For "invalid choice: 'grad' (choose from ...)", the closest choice."""
    import difflib
    import re

    found = re.search(r"invalid choice: '([^']*)' \(choose from (.*)\)", message)
    if not found:
        return ""
    choices = re.findall(r"'?([\w-]+)'?", found.group(2))
    close = difflib.get_close_matches(found.group(1), choices, n=1, cutoff=0.5)
    return f"; did you mean {close[0]!r}?" if close else ""


def data_option() -> argparse.ArgumentParser:
    """``--data-dir DIR``, shared by every command that reads or writes progress."""
    data = argparse.ArgumentParser(add_help=False)
    data.add_argument(
        "--data-dir",
        type=Path,
        default=None,
        metavar="DIR",
        help="where progress is kept (default: RENSHU_HOME, else the user data folder)",
    )
    return data


def lang_of(args: argparse.Namespace, default: Lang | None = None) -> Lang:
    """``--lang`` if given, else ``default``, else the one language rule
    (``settings.detect_language``)."""
    given = getattr(args, "lang", None)
    if given in LANGS:
        return cast(Lang, given)
    return default or detect_language()


def json_dumps(obj: Any) -> str:
    return json.dumps(obj, ensure_ascii=False)


# The subparsers object argparse hands each command module to register itself on.
Subparsers = Any
