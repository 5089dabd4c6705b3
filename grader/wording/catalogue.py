"""The one ja/en catalogue: every sentence renshu shows, looked up by key.

Sections (each a ``{key: (ja, en)}`` table in this package) are merged once; a key
defined twice is an error at import. ``say`` words a key, ``render`` a ``Message``.
The language itself comes from one rule, ``renshu.grader.settings.detect_language``.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from renshu.grader.settings import Lang
from renshu.grader.wording.app_screens_text import APP_SCREENS_TEXT
from renshu.grader.wording.app_text import APP_TEXT
from renshu.grader.wording.cli_text import CLI_TEXT
from renshu.grader.wording.codes import MessageCode
from renshu.grader.wording.domain_text import DOMAIN_TEXT
from renshu.grader.wording.mistake_text import MISTAKE_TEXT
from renshu.grader.wording.result_text import RESULT_TEXT

if TYPE_CHECKING:
    from renshu.grader.wording.message import Message

Entry = tuple[str, str]


def _merge(*sections: Mapping[str, Entry] | Mapping[MessageCode, Entry]) -> dict[str, Entry]:
    merged: dict[str, Entry] = {}
    for section in sections:
        for key, entry in section.items():
            if str(key) in merged:
                raise ValueError(f"catalogue key {key!s} is defined twice")
            merged[str(key)] = entry
    return merged


CATALOGUE: dict[str, Entry] = _merge(
    DOMAIN_TEXT, MISTAKE_TEXT, RESULT_TEXT, CLI_TEXT, APP_TEXT, APP_SCREENS_TEXT
)


def say(key: str, lang: Lang, /, **params: object) -> str:
    """The text of ``key`` in ``lang`` with its ``{name}`` fields filled from ``params``."""
    ja, en = CATALOGUE[key]
    template = ja if lang == "ja" else en
    return template.format(**params) if params else template


def render(message: Message, lang: Lang) -> str:
    """``message`` worded in ``lang``; nested messages and bilingual params in ``lang`` too."""
    values = {name: _param(value, lang) for name, value in message.params.items()}
    return say(message.code.value, lang, **values)


def _param(value: object, lang: Lang) -> object:
    if isinstance(value, str | int | float):
        return value
    from renshu.grader.text import Bilingual  # a Message or a Bilingual: pydantic is loaded
    from renshu.grader.wording.message import Message

    if isinstance(value, Message):
        return render(value, lang)
    if isinstance(value, Bilingual):
        return value.get(lang)
    return value
