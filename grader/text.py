"""Bilingual text: built-in content always carries both Japanese and English."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict

from renshu.grader.plain_text import clean_text, clean_tree
from renshu.grader.settings import LANGS, Lang

__all__ = ["LANGS", "Bilingual", "Lang", "clean_text", "clean_tree"]


class Bilingual(BaseModel):
    """A text given in Japanese and English (Markdown allowed)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    ja: str
    en: str

    def get(self, lang: Lang) -> str:
        return self.ja if lang == "ja" else self.en
