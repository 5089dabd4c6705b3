"""Every message the domain can say, as a stable code (the wording is in ``domain_text``)."""

from __future__ import annotations

import enum


class MessageCode(enum.StrEnum):
    """A catalogue key; its value is what the JSON result carries in ``detail.code``."""

    # grading verdicts
    PASSED = "grade.passed"
    CALL_TIMEOUT = "grade.call_timeout"
    CHILD_STOPPED = "grade.child_stopped"
    LOAD_TIMEOUT = "grade.load_timeout"
    LOAD_STOPPED = "grade.load_stopped"
    RAISED = "grade.raised"
    RAISED_MEMORY = "grade.raised_memory"
    MISSING_CALLABLE = "grade.missing_callable"
    IMPORT_EXIT = "grade.import_exit"
    IMPORT_MEMORY = "grade.import_memory"
    IMPORT_RAISED = "grade.import_raised"
    UNREADABLE = "grade.unreadable"
    # static checks, before anything runs
    TOO_COMPLEX = "static.too_complex"
    SYNTAX_UNPARSABLE = "static.syntax_unparsable"
    SYNTAX = "static.syntax"
    MISSING_FUNCTION = "static.missing_function"
    NOT_PLAIN = "static.not_plain"
    KIND_ASYNC = "static.kind_async"
    KIND_GENERATOR = "static.kind_generator"
    SIGNATURE = "static.signature"
    UNFINISHED = "static.unfinished"
    NONE_DEFINED = "static.none_defined"
    # comparison with the reference
    TUPLE_LENGTH = "compare.tuple_length"
    WRONG_TYPE = "compare.wrong_type"
    WANT_TUPLE = "compare.want_tuple"
    WANT_FLOAT = "compare.want_float"
    WANT_ARRAY = "compare.want_array"
    WANT_INT = "compare.want_int"
    WANT_INTS = "compare.want_ints"
    GOT_UNSUPPORTED = "compare.got_unsupported"
    GOT_ARRAY = "compare.got_array"
    NOT_REAL = "compare.not_real"
    INT_VALUE = "compare.int_value"
    INTS_LENGTH = "compare.ints_length"
    INTS_VALUE = "compare.ints_value"
    NOT_FINITE = "compare.not_finite"
    VALUE = "compare.value"
    # shape mismatches in the contract's axis names
    SHAPE = "shape.mismatch"
    SHAPE_GUESSED = "shape.mismatch_guessed"
    GUESS_TRANSPOSED = "shape.transposed"
    GUESS_PERMUTED = "shape.permuted"
    GUESS_SQUEEZED = "shape.squeezed"
    GUESS_NO_BATCH = "shape.no_batch"
    GUESS_MISSING_AXIS = "shape.missing_axis"
    GUESS_EXTRA_AXIS = "shape.extra_axis"
    GUESS_LABELLED = "shape.labelled"
    # answer checking
    CHOICE_WRONG = "quiz.choice_wrong"
    CHOICE_WRONG_WHY = "quiz.choice_wrong_why"
    CHOICE_MISSED = "quiz.choice_missed"
    TRUE = "quiz.true"
    FALSE = "quiz.false"
    OUT_OF_PLACE = "quiz.out_of_place"
    BLANK_WRONG = "quiz.blank_wrong"
