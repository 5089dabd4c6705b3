"""The E資格 2024 syllabus areas every question and exercise serves.

A topic in ``quizzes/curriculum.yaml`` names its area (``syllabus:``) and says
when it is background rather than examined (``background: true``, or some of
its concepts in ``background_concepts``); a question or an exercise may name
another area with its own ``syllabus:``. The exam weights are an approximation
of the shares commonly reported for the 2024 outline, not an official table.
"""

from __future__ import annotations

from typing import Literal, get_args

from renshu.grader.text import Bilingual

SyllabusArea = Literal["math", "ml", "dl_basics", "dl_applications", "dev_ops"]
AREAS: tuple[SyllabusArea, ...] = get_args(SyllabusArea)

AREA_TITLES: dict[SyllabusArea, Bilingual] = {
    "math": Bilingual(ja="数学的基礎", en="Mathematical foundations"),
    "ml": Bilingual(ja="機械学習", en="Machine learning"),
    "dl_basics": Bilingual(ja="深層学習の基礎", en="Deep-learning foundations"),
    "dl_applications": Bilingual(ja="深層学習の応用", en="Deep-learning applications"),
    "dev_ops": Bilingual(ja="開発・運用環境", en="Development and deployment"),
}

# Share of a mock paper per area (sums to 1): unofficial, as commonly reported.
EXAM_WEIGHTS: dict[SyllabusArea, float] = {
    "math": 0.10,
    "ml": 0.15,
    "dl_basics": 0.40,
    "dl_applications": 0.25,
    "dev_ops": 0.10,
}
