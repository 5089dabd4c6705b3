"""Bilingual text: built-in content always carries both Japanese and English."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict

Lang = Literal["ja", "en"]
LANGS: tuple[Lang, ...] = ("ja", "en")


class Bilingual(BaseModel):
    """A text given in Japanese and English (Markdown allowed)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    ja: str
    en: str

    def get(self, lang: Lang) -> str:
        return self.ja if lang == "ja" else self.en
