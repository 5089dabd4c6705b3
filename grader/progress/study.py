"""The study facade the TUI calls: topics, quiz items, answers, review, exercises, grading.

Everything domain-related the app needs goes through ``StudyService`` so that
``renshu.tui`` owns no domain logic. Heavy imports (Hypothesis, the sandbox)
happen only when an exercise is graded.
"""

from __future__ import annotations

import random
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from renshu.grader.errors import BankError
from renshu.grader.exercises.catalogue import LoadedExercise, builtin_catalog, get_exercise
from renshu.grader.progress.queries import exercise_outcomes, seen_question_ids
from renshu.grader.progress.review import due_queue, has_passed, record_answer, record_grading
from renshu.grader.progress.stats import Stats, compute_stats
from renshu.grader.progress.store import ProgressStore, StoreNotice, open_store
from renshu.grader.quiz.answer_check import (
    AnswerResult,
    NumericInstance,
    check_answer,
    check_numeric,
    instantiate_numeric,
    shuffled_order,
)
from renshu.grader.quiz.banks import Catalogue, load_catalogue, load_curriculum
from renshu.grader.quiz.model import (
    AnyQuestion,
    Flashcard,
    MultiSelect,
    Numeric,
    Ordering,
    SingleChoice,
    fill_params,
    text_in,
)
from renshu.grader.settings import data_dir as resolve_data_dir
from renshu.grader.text import Bilingual, Lang

if TYPE_CHECKING:
    from renshu.grader.grading.result import GradeResult
    from renshu.grader.grading.warm_child import WarmChild

WORKSPACE_DIR = "workspace"


@dataclass(frozen=True)
class TopicSummary:
    topic: str
    title: Bilingual
    questions: int
    exercises: int
    mastery: float  # 0..1, mean over the topic's concepts
    due: int
    background: bool = False  # not in the E資格 2024 outline: studied as background


@dataclass(frozen=True)
class HomeSummary:
    topics: list[TopicSummary]
    due_today: int  # today's queue: due reviews and new questions
    streak_days: int
    studied_today: bool
    reviews_due: int = 0
    new_today: int = 0


@dataclass
class StudyItem:
    """One question as shown: params drawn, ordering shuffled, hints counted."""

    question: AnyQuestion
    kind: str = "practice"  # "practice" | "review" | "new"
    numeric: NumericInstance | None = None
    order: list[int] = field(default_factory=list)  # ordering: item indices as first shown
    # single/multi choice: choice indices in display order (banks list the right ones first)
    choice_order: list[int] = field(default_factory=list)
    hints_shown: int = 0

    @property
    def id(self) -> str:
        return self.question.id

    @property
    def type(self) -> str:
        return self.question.type

    def prompt(self, lang: Lang) -> str:
        """The prompt in ``lang``; drawn numeric values are filled into either language."""
        text = text_in(self.question.prompt, lang)
        if self.numeric is not None and self.numeric.values:
            return fill_params(text, self.numeric.values)
        return text


@dataclass(frozen=True)
class ExerciseStatus:
    exercise: LoadedExercise
    status: str  # "not_started" | "failing" | "passed"

    @property
    def id(self) -> str:
        return self.exercise.id


class StudyService:
    """The learner's catalogue, progress and exercises, for one app session."""

    def __init__(
        self,
        data_dir: Path | None = None,
        extra_banks: Iterable[Path] = (),
        *,
        now: datetime | None = None,
        seed: int | None = None,
    ) -> None:
        self.data_dir = resolve_data_dir(data_dir)
        self._extra_banks = list(extra_banks)
        self._fixed_now = now
        self._rng = random.Random(seed)
        self.catalogue: Catalogue = load_catalogue(self._extra_banks, data_dir=self.data_dir)
        self.store: ProgressStore = open_store(self.data_dir, now=self.now())
        self._warm: WarmChild | None = None  # a sandbox child started for the open exercise

    # -- basics ------------------------------------------------------------------------

    def now(self) -> datetime:
        return self._fixed_now or datetime.now(UTC)

    def utc_offset(self) -> timedelta:
        if self._fixed_now is not None:
            return timedelta(0)
        return datetime.now().astimezone().utcoffset() or timedelta(0)

    @property
    def bank_errors(self) -> list[BankError]:
        return self.catalogue.errors

    @property
    def notices(self) -> list[StoreNotice]:
        return self.store.notices

    def language(self, default: Lang = "en") -> Lang:
        value = self.store.setting("language", default)
        return "ja" if value == "ja" else "en"

    def set_language(self, lang: Lang) -> None:
        self.store.set_setting("language", lang)

    def close(self) -> None:
        if self._warm is not None:
            self._warm.close()
        self.store.close()

    # -- home and stats ----------------------------------------------------------------

    def stats(self) -> Stats:
        concepts = {qid: q.concepts for qid, (q, _b) in self.catalogue.questions.items()}
        return compute_stats(self.store, concepts, now=self.now(), utc_offset=self.utc_offset())

    def home(self) -> HomeSummary:
        stats = self.stats()
        curriculum = load_curriculum()
        exercises = builtin_catalog()
        queue = self.review_queue()
        due_by_topic: dict[str, int] = {}
        for item in queue:
            if item.kind == "review":
                topic = item.id.split(".", 1)[0]
                due_by_topic[topic] = due_by_topic.get(topic, 0) + 1
        topics = []
        for topic, info in curriculum.topics.items():
            concepts = [v for c, v in stats.mastery.items() if c.startswith(topic + ".")]
            topics.append(
                TopicSummary(
                    topic=topic,
                    title=info.title,
                    questions=len(self.catalogue.by_topic(topic)),
                    exercises=sum(1 for e in exercises.values() if e.spec.topic == topic),
                    mastery=sum(concepts) / len(concepts) if concepts else 0.0,
                    due=due_by_topic.get(topic, 0),
                    background=info.background,
                )
            )
        reviews = sum(1 for item in queue if item.kind == "review")
        return HomeSummary(
            topics,
            len(queue),
            stats.streak_days,
            stats.studied_today,
            reviews,
            len(queue) - reviews,
        )

    # -- quizzes and review --------------------------------------------------------------

    def present(self, question: AnyQuestion, kind: str = "practice") -> StudyItem:
        item = StudyItem(question, kind)
        if isinstance(question, Numeric):
            item.numeric = instantiate_numeric(question, "en", self._rng)
        if isinstance(question, Ordering):
            item.order = shuffled_order(question, self._rng)
        if isinstance(question, SingleChoice | MultiSelect):
            item.choice_order = list(range(len(question.choices)))
            self._rng.shuffle(item.choice_order)
        return item

    def topic_session(self, topic: str, limit: int = 10) -> list[StudyItem]:
        """Questions of a topic: the learner's due and unseen ones first, then the rest."""
        questions = self.catalogue.by_topic(topic)
        due = {i.id for i in self.review_queue() if i.id.startswith(topic + ".")}
        seen = seen_question_ids(self.store)
        ordered = sorted(questions, key=lambda q: (q.id not in due, q.id in seen))
        return [self.present(q) for q in ordered[:limit]]

    def review_queue(self) -> list[StudyItem]:
        ids = list(self.catalogue.questions)
        queue = due_queue(self.store, ids, now=self.now(), utc_offset=self.utc_offset())
        return [StudyItem(self.catalogue.questions[i.question_id][0], i.kind) for i in queue]

    def review_session(self) -> list[StudyItem]:
        return [self.present(item.question, item.kind) for item in self.review_queue()]

    def check(self, item: StudyItem, raw: Any, lang: Lang) -> AnswerResult:
        """The verdict on ``raw`` worded in ``lang``, recording nothing (to re-show feedback).

        Choice answers are indices into the question's choices (not display
        positions); ordering answers are item indices in the learner's arrangement.
        """
        if isinstance(item.question, Numeric):
            return check_numeric(item.question, raw, lang, item.numeric)
        return check_answer(item.question, raw, lang)

    def answer(self, item: StudyItem, raw: Any, lang: Lang, seconds: float) -> AnswerResult:
        """Check an answer (``AnswerFormatError`` if unreadable) and record it."""
        question = item.question
        result = self.check(item, raw, lang)
        record_answer(
            self.store,
            question.id,
            _jsonable(raw),
            result.correct,
            seconds,
            item.hints_shown,
            self_rating=result.rating if isinstance(question, Flashcard) else None,
            now=self.now() if self._fixed_now else None,
        )
        return result

    def search(self, text: str, lang: Lang = "en") -> list[tuple[str, str, str]]:
        """``(kind, id, label)`` of topics, questions and exercises matching ``text`` in
        either language; each label in ``lang`` (a question's first line, blanks as ___)."""
        needle = text.casefold()
        found = []
        for topic, info in load_curriculum().topics.items():
            if needle in (topic + info.title.ja + info.title.en).casefold():
                found.append(("topic", topic, info.title.get(lang)))
        for ex in builtin_catalog().values():
            if needle in (ex.id + ex.spec.title.ja + ex.spec.title.en).casefold():
                found.append(("exercise", ex.id, ex.spec.title.get(lang)))
        for qid, (q, _b) in self.catalogue.questions.items():
            both = text_in(q.prompt, "ja") + text_in(q.prompt, "en")
            if needle in (qid + both).casefold():
                found.append(("question", qid, _one_line(text_in(q.prompt, lang))))
        return found

    # -- exercises -----------------------------------------------------------------------

    def exercises(self) -> list[ExerciseStatus]:
        graded = exercise_outcomes(self.store)
        out = []
        curriculum = load_curriculum()
        in_order = sorted(
            builtin_catalog().values(),
            key=lambda ex: curriculum.exercise_order(ex.spec.topic, ex.id),
        )
        for ex in in_order:
            status = (
                "not_started" if ex.id not in graded else ("passed" if graded[ex.id] else "failing")
            )
            out.append(ExerciseStatus(ex, status))
        return out

    def workspace_file(self, exercise_id: str) -> Path:
        """The learner's file (the one ``renshu start`` and ``renshu watch`` use too)."""
        from renshu.grader.progress.workspace import workspace_path

        return workspace_path(self.data_dir, exercise_id)

    def next_intervals(self, question_id: str) -> dict[int, timedelta]:
        """For each rating 1-4, how long until the question would be due again."""
        from renshu.grader.progress.review import next_intervals

        return next_intervals(self.store, question_id, self.now())

    def exercise_hints_shown(self, exercise_id: str) -> int:
        """Hints of the exercise already revealed (by ``renshu hint`` or in the app)."""
        from renshu.grader.progress.workspace import hints_shown

        return hints_shown(self.data_dir, exercise_id)

    def reveal_exercise_hint(self, exercise_id: str, count: int) -> None:
        from renshu.grader.progress.workspace import set_hints_shown

        set_hints_shown(self.data_dir, exercise_id, count)

    def last_result(self, exercise_id: str) -> GradeResult | None:
        """The last result of the exercise's workspace file, from the CLI or the app."""
        from renshu.grader.progress.workspace import load_last_result

        return load_last_result(self.data_dir, exercise_id)

    def prepare_grading(self, exercise_id: str, path: Path) -> None:
        """Start a sandbox child now: the next grading, of any exercise, starts warm."""
        from renshu.grader.grading.warm_child import WarmChild

        if self._warm is None:
            self._warm = WarmChild()
        self._warm.start_next()

    def grade(self, exercise_id: str, source: str, path: Path, lang: Lang) -> GradeResult:
        """Grade ``source`` (the editor's text) and record the run (heavy imports happen here)."""
        from renshu.grader.grading.engine import grade_source
        from renshu.grader.grading.submission import source_hash

        exercise = get_exercise(exercise_id)
        result = grade_source(source, exercise, str(path), lang=lang, warm=self._warm)
        boost: list[str] = []
        if result.status == "fail" and result.misconception is not None:
            concepts = set(exercise.spec.concepts)
            boost = [
                qid
                for qid, (q, _b) in self.catalogue.questions.items()
                if concepts & set(q.concepts)
            ]
        record_grading(
            self.store,
            exercise.id,
            result.status.value,
            result.reason.value,
            source_hash(source),
            result.misconception.id if result.misconception else None,
            boost_questions=boost,
            now=self.now() if self._fixed_now else None,
        )
        from renshu.grader.progress.workspace import is_workspace_file, save_last_result

        if is_workspace_file(self.data_dir, exercise.id, path):
            save_last_result(self.data_dir, result)
        return result

    def has_passed(self, exercise_id: str) -> bool:
        return has_passed(self.store, exercise_id)

    def solution(self, exercise_id: str) -> str:
        from renshu.grader.exercises.solution_text import solution_source

        return solution_source(get_exercise(exercise_id))


def _one_line(prompt: str) -> str:
    """A prompt as one line for a list: its first line, cloze blanks as ___, numeric
    parameters by name (``{H}`` → ``H``), no Markdown code marks."""
    first = prompt.strip().splitlines()[0] if prompt.strip() else ""
    first = re.sub(r"\{\{\d+\}\}", "___", first)
    return re.sub(r"\{(\w+)\}", r"\1", first).replace("`", "")  # a parameter by its name


def _jsonable(raw: object) -> object:
    if isinstance(raw, tuple | set):
        return list(raw)
    return raw
