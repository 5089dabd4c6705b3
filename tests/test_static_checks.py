"""Static checks name the problem and its place before anything runs."""

from __future__ import annotations

from renshu.grader.grading.static_checks import check_source

SIG = ["x", "h_prev", "c_prev", "params"]


def check(source: str):
    return check_source(source, "lstm_cell", SIG, "mine.py")


def test_syntax_error_reports_file_line_column() -> None:
    problem = check(
        "import numpy as np\n\ndef lstm_cell(x, h_prev, c_prev, params):\n    return (x +\n"
    )
    assert problem is not None
    assert problem.reason == "syntax"
    assert problem.message.en.startswith("mine.py:4:")
    assert problem.line == 4
    assert problem.column is not None


def test_missing_function_lists_what_the_file_defines() -> None:
    problem = check("def lstm(x):\n    return x\n\ndef helper():\n    pass\n")
    assert problem is not None
    assert problem.reason == "missing_function"
    assert "lstm, helper" in problem.message.en


def test_wrong_argument_count_shows_the_contract() -> None:
    problem = check("def lstm_cell(x, h_prev, c_prev):\n    return x, x\n")
    assert problem is not None
    assert problem.reason == "signature"
    assert "takes 3" in problem.message.en
    assert "lstm_cell(x, h_prev, c_prev, params)" in problem.message.en


def test_extra_arguments_with_defaults_and_varargs_are_fine() -> None:
    assert (
        check("def lstm_cell(x, h_prev, c_prev, params, debug=False):\n    return x, x\n") is None
    )
    assert check("def lstm_cell(*args):\n    return args[0], args[0]\n") is None


def test_async_def_and_generator_are_not_plain_functions() -> None:
    problem = check("async def lstm_cell(x, h_prev, c_prev, params):\n    return x, x\n")
    assert problem is not None
    assert problem.reason == "not_a_function"
    problem = check("def lstm_cell(x, h_prev, c_prev, params):\n    yield x\n")
    assert problem is not None
    assert problem.reason == "not_a_function"


def test_yield_in_a_nested_function_is_allowed() -> None:
    src = "def lstm_cell(x, h_prev, c_prev, params):\n    def g():\n        yield 1\n    return x, x\n"
    assert check(src) is None


def test_ellipsis_blanks_are_unfinished_but_ellipsis_indexing_is_not() -> None:
    problem = check(
        "def lstm_cell(x, h_prev, c_prev, params):\n    f = ...  # TODO\n    return f, f\n"
    )
    assert problem is not None
    assert problem.reason == "unfinished"
    assert problem.line == 2
    assert (
        check("def lstm_cell(x, h_prev, c_prev, params):\n    return x[..., :1], x[..., 0:1]\n")
        is None
    )


DEEP = {
    "unary_minus": "x = " + "-" * 200_000 + "1\n",
    "long_sum": "x = " + "1+" * 200_000 + "1\n",
    "nested_not": "x = " + "not " * 50_000 + "1\n",
}


def test_too_deeply_nested_expression_is_a_clean_problem() -> None:
    head = "# exercise: lstm_cell\ndef lstm_cell(x, h_prev, c_prev, params):\n    return x\n"
    for name, body in DEEP.items():
        problem = check(head + body)  # CPython's parser raises MemoryError / RecursionError
        assert problem is not None, name
        assert problem.reason == "too_complex", name
        assert "nested too deeply" in problem.message.en
        assert "入れ子が深すぎる" in problem.message.ja
