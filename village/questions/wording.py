"""Sentences the question pages build from numbers, so their grammar is tested in one place."""


def _count(n: int, singular: str, plural: str) -> str:
    return f"{n} {singular if n == 1 else plural}"


def answered_line(experts: int, parents: int) -> str:
    """'4 experts and 2 parents have answered', '1 parent has answered', 'No answers yet'."""
    if experts == 0 and parents == 0:
        return "No answers yet"
    parts = []
    if experts:
        parts.append(_count(experts, "expert", "experts"))
    if parents:
        parts.append(_count(parents, "parent", "parents"))
    verb = "has" if experts + parents == 1 else "have"
    return f"{' and '.join(parts)} {verb} answered"
