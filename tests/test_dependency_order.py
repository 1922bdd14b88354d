"""The generator's one ordering: dependencies first, ties by name, cycles refused by name."""

from __future__ import annotations

import pytest

from codegen.views import dependencies_first


def test_dependencies_come_first_and_ties_go_by_name() -> None:
    deps = {"Pool": {"Policy", "Lambda"}, "Policy": {"Password"}, "Password": set(), "Lambda": set(), "Zed": set()}
    assert dependencies_first(deps, deps.__getitem__) == ["Lambda", "Password", "Policy", "Pool", "Zed"]


def test_names_outside_the_set_are_not_ordered() -> None:
    assert dependencies_first(["B", "A"], lambda n: {"Elsewhere"}) == ["A", "B"]


def test_a_cycle_is_an_error_naming_the_shape() -> None:
    deps = {"Node": {"Child"}, "Child": {"Node"}}
    with pytest.raises(ValueError, match=r"^(Child|Node) refers to itself"):
        dependencies_first(deps, deps.__getitem__)
