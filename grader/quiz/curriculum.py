"""The curriculum (``quizzes/curriculum.yaml``): topic and concept ids, each topic's exercises
in study order, its syllabus area and what is background. Its own module, so that what
needs only the curriculum (the next exercise after a pass) never builds the bank models."""

from __future__ import annotations

import functools
import importlib.resources
from collections.abc import Iterable
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, model_validator

from renshu.grader.formats.yaml_source import read_yaml_file
from renshu.grader.syllabus import SyllabusArea
from renshu.grader.text import Bilingual


class CurriculumTopic(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    title: Bilingual
    concepts: dict[str, Bilingual]
    exercises: list[str] = Field(default_factory=list)  # in the order to study them
    syllabus: SyllabusArea  # the E資格 2024 area the topic serves
    background: bool = False  # the whole topic is background, not examined
    background_concepts: list[str] = Field(default_factory=list)  # concept ids, topic-local


class Curriculum(BaseModel):
    """Topic and concept ids every bank and exercise must use."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    schema_version: int
    topics: dict[str, CurriculumTopic]

    @model_validator(mode="after")
    def _background_concepts_exist(self) -> Curriculum:
        for name, topic in self.topics.items():
            unknown = set(topic.background_concepts) - topic.concepts.keys()
            if unknown:
                raise ValueError(f"topic {name}: unknown background_concepts {sorted(unknown)}")
        return self

    def concept_ids(self) -> set[str]:
        return {f"{t}.{c}" for t, topic in self.topics.items() for c in topic.concepts}

    def area_of(self, topic: str, own: SyllabusArea | None = None) -> SyllabusArea:
        """The syllabus area of a question or exercise: its own, else its topic's."""
        if own is not None:
            return own
        return self.topics[topic].syllabus if topic in self.topics else "dl_basics"

    def is_background(self, topic: str, concepts: Iterable[str]) -> bool:
        """True when the topic, or every one of the concepts, is background only."""
        entry = self.topics.get(topic)
        if entry is None:
            return False
        if entry.background:
            return True
        local = [c.split(".", 1)[1] for c in concepts if c.startswith(f"{topic}.")]
        return bool(local) and all(c in entry.background_concepts for c in local)

    def exercise_order(self, topic: str, exercise_id: str) -> tuple[int, int, str]:
        """Sort key: the topic's place, then the exercise's place in the topic's list (an
        exercise the curriculum does not list goes after the listed ones)."""
        topic_ids = list(self.topics)
        if topic not in self.topics:
            return (len(topic_ids), 0, exercise_id)
        listed = self.topics[topic].exercises
        place = listed.index(exercise_id) if exercise_id in listed else len(listed)
        return (topic_ids.index(topic), place, exercise_id)


def builtin_quizzes_dir() -> Path:
    return Path(str(importlib.resources.files("renshu") / "quizzes"))


@functools.cache
def load_curriculum() -> Curriculum:
    """The curriculum shipped with renshu (a broken one is a bug and raises)."""
    doc = read_yaml_file(builtin_quizzes_dir() / "curriculum.yaml")
    return Curriculum.model_validate(doc.data)
