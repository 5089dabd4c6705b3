"""A message as data: a catalogue code and its parameters, worded only when shown.

The domain (grading, answer checking) returns ``Message`` s, never sentences, so
every renderer can word the same result in Japanese or English at any time.
A parameter is a plain value (formatted by the template, ``{err:.3g}``), a
``Bilingual`` content text, or another ``Message`` (worded in the same language).
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, field_validator

from renshu.grader.text import Bilingual, Lang, clean_tree
from renshu.grader.wording.codes import MessageCode


class Message(BaseModel):
    """``code`` names a template in the catalogue; ``params`` fill its ``{name}`` fields."""

    model_config = ConfigDict(frozen=True)

    code: MessageCode
    params: dict[str, str | int | float | Bilingual | Message] = {}

    @field_validator("params", mode="after")
    @classmethod
    def _no_control_characters(cls, value: Any) -> Any:
        """Parameters often quote what a submission raised or returned: keep them inert."""
        return clean_tree(value)

    def text(self, lang: Lang) -> str:
        from renshu.grader.wording.catalogue import render

        return render(self, lang)

    def get(self, lang: Lang) -> str:
        """The same as ``text``: a ``Message`` reads like a ``Bilingual``."""
        return self.text(lang)

    @property
    def ja(self) -> str:
        return self.text("ja")

    @property
    def en(self) -> str:
        return self.text("en")


def msg(code: MessageCode, **params: str | int | float | Bilingual | Message) -> Message:
    """``Message(code=code, params=params)``, shorter at the call site."""
    return Message(code=code, params=params)


Phrase = str | Bilingual | Message  # anything that can be shown in either language


def phrase_text(phrase: Phrase, lang: Lang) -> str:
    """A phrase in ``lang``: a plain string is the same in every language."""
    if isinstance(phrase, str):
        return phrase
    if isinstance(phrase, Bilingual):
        return phrase.get(lang)
    return phrase.text(lang)
