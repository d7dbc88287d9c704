import pytest

from village.questions.wording import answered_line


@pytest.mark.parametrize(
    ("experts", "parents", "line"),
    [
        (0, 0, "No answers yet"),
        (1, 0, "1 expert has answered"),
        (0, 1, "1 parent has answered"),
        (1, 1, "1 expert and 1 parent have answered"),
        (4, 2, "4 experts and 2 parents have answered"),
        (3, 0, "3 experts have answered"),
        (0, 5, "5 parents have answered"),
        (1, 12, "1 expert and 12 parents have answered"),
        (2, 1, "2 experts and 1 parent have answered"),
    ],
)
def test_count_line_grammar(experts, parents, line):
    assert answered_line(experts, parents) == line
