"""validate()'s quick yes in C (``cognito_typed._runtime.fill.accepts``): it says yes only where the
model's own Python checks find nothing, and it says it for the requests programs send."""

from __future__ import annotations

import dataclasses
import sys
from typing import Any

import pytest
from client_fixtures import Examples, request_class
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from strategies import WireStrategies
from support import SERVICE, STRUCTURES, model_class

from cognito_typed import ValidationError, models
from cognito_typed._runtime import fill
from cognito_typed._runtime import validation as v
from cognito_typed._runtime.base import Model
from cognito_typed._runtime.patterns import java_pattern

needs_builder = pytest.mark.skipif(
    not fill.AVAILABLE,
    reason="no C builder: not built (no C compiler at install) or turned off (COGNITO_TYPED_PURE_PYTHON=1)",
)
pytestmark = needs_builder


class Text(str):
    """A ``str`` subclass: the Python kinds judge it (the C check says "not sure")."""

    __slots__ = ()


def bad_values(kind: v.Kind) -> list[Any]:
    """Values that break ``kind``'s rules, or that only its Python check may judge."""
    k: Any = kind
    t = type(kind)
    if t is v.Str:
        out: list[Any] = [5, b"a", Text("a")]
        if k.min:
            out.append("")
        if k.max is not None:
            out.append("a" * (k.max + 1))
        if k.pattern is not None:
            out += ["\x00", " ", "a\nb", "é" * max(k.min or 1, 1)]
        return out
    if t is v.Enum:
        return ["NOT_ONE_OF_THEM", 5, Text(k.values[0]), k.values[0].lower() + "x"]
    if t is v.Int:
        lo = k._type_lo if k.min is None else k.min
        hi = k._type_hi if k.max is None else k.max
        return [lo - 1, hi + 1, True, 1.0, "1", 2**70, -(2**70)]
    if t is v.Bool:
        return [1, "true"]
    if t is v.Timestamp:
        return ["yesterday", 10**20, [2024]]
    if t is v.ListOf:
        out = ["abc", {"a"}, {"a": 1}, *([bad] for bad in bad_values(k.item)[:3])]
        if k.min:
            out.append([])
        return out
    if t is v.MapOf:
        return [["a"], {5: "a"}, *({"key": bad} for bad in bad_values(k.value)[:3]), *({bad: "a"} for bad in [5])]
    if t is v.Struct:
        return [{"a": 1}, "abc", 5]
    return []


def variants(model: Model, depth: int = 0) -> list[Model]:
    """``model`` with one field broken, each way :func:`bad_values` knows, nested models included."""
    out: list[Model] = []
    for name, kind, required, _ in type(model).__dict__["_checks"]:
        value = getattr(model, name)
        candidates = bad_values(kind)
        if required:
            candidates.append(None)
        if isinstance(value, list) and value and getattr(kind, "max", None) is not None:
            candidates.append(value * (kind.max // len(value) + 1))  # type: ignore[attr-defined]
        if isinstance(value, Model) and depth < 3:
            candidates += variants(value, depth + 1)
        if isinstance(value, list) and value and isinstance(value[0], Model) and depth < 3:
            candidates += [[broken, *value[1:]] for broken in variants(value[0], depth + 1)]
        out += [dataclasses.replace(model, **{name: bad}) for bad in candidates]  # type: ignore[type-var]
    return out


def python_finds(model: Model) -> list[Any]:
    out: list[Any] = []
    model._check(out, "", False, True)  # pyright: ignore[reportPrivateUsage]
    return out


@pytest.mark.parametrize("name", STRUCTURES)
def test_it_says_yes_only_where_the_python_checks_find_nothing(name: str, wire: WireStrategies) -> None:
    cls = model_class(name)
    counts = {"yes": 0, "found": 0, "clean": 0}

    @settings(max_examples=8, deadline=None, suppress_health_check=list(HealthCheck))
    @given(wire.structure(name), st.randoms(use_true_random=False))
    def check(data: dict[str, Any], random: Any) -> None:
        model = cls.from_wire(data)
        candidates = [model, *variants(model)]
        for candidate in [model, *random.sample(candidates, min(len(candidates), 60))]:
            before = fill.accepts(candidate)  # before the Python checks remember what matched
            found = python_finds(candidate)
            after = fill.accepts(candidate)
            if before or after:
                assert found == [], (candidate, found)
            counts["yes"] += after
            counts["found"] += bool(found)
            counts["clean"] += not found

    check()
    fields = cls.__dict__["_checks"]
    if fields and not any(judged_in_python_only(kind) for _, kind, _, _ in fields):
        assert counts["yes"] > 0 and counts["found"] > 0, counts  # (not vacuous: it judged, and saw breaks)


def judged_in_python_only(kind: v.Kind, seen: frozenset[type] = frozenset()) -> bool:
    """``kind`` holds, at any depth, a blob or a document (kinds the C check leaves to Python)."""
    k: Any = kind
    if type(kind) in (v.Blob, v.Document):
        return True
    if type(kind) is v.ListOf:
        return judged_in_python_only(k.item, seen)
    if type(kind) is v.MapOf:
        return judged_in_python_only(k.key, seen) or judged_in_python_only(k.value, seen)
    if type(kind) is v.Struct:
        held = k.resolve()
        return held not in seen and any(
            judged_in_python_only(sub, seen | {held}) for _, sub, _, _ in held.__dict__["_checks"]
        )
    return False


def test_the_requests_programs_send_are_judged_by_it() -> None:
    """Every operation's request with every member given, as the model allows, is judged in C (once
    its pattern-checked values have been seen to match), unless it holds a blob or a document."""
    judged, python_only = [], []
    for op in SERVICE.operations:
        if op.input is None:
            continue
        cls = request_class(op.name)
        request = cls.from_wire(Examples(full=True, items=1, svc=SERVICE).request(op.name))
        if python_finds(request):
            continue  # (an example that breaks a rule the model states: the Python check says so)
        if any(judged_in_python_only(kind) for _, kind, _, _ in cls.__dict__["_checks"]):
            python_only.append(op.name)
            continue
        assert fill.accepts(request), op.name
        judged.append(op.name)
    assert len(judged) >= 140, (len(judged), python_only)


def test_validate_still_reports_what_is_wrong() -> None:
    """The quick yes changes nothing for a request it is not sure of: the Python checks report."""
    good = models.CreateUserPoolClientRequest(user_pool_id="us-east-1_Example1", client_name="web")
    good.validate()
    assert fill.accepts(good)
    bad = dataclasses.replace(good, auth_session_validity=16)
    assert not fill.accepts(bad)
    with pytest.raises(ValidationError) as caught:
        bad.validate()
    assert [(x.path, x.rule) for x in caught.value.violations] == [("AuthSessionValidity", "3..15")]


def test_a_secret_is_matched_each_time_and_never_remembered() -> None:
    kinds = dict((name, kind) for name, kind, _, _ in models.CreateUserPoolClientRequest.__dict__["_checks"])
    secret = kinds["client_secret"]
    request = models.CreateUserPoolClientRequest(
        user_pool_id="us-east-1_Example1", client_name="web", client_secret="s3cretvalue0123456789abcdef"
    )
    request.validate()  # (the pool id and the name are remembered: they are no secrets)
    assert "s3cretvalue0123456789abcdef" not in secret.matched
    assert fill.accepts(request)  # (the secret by its pattern's ASCII run, from C; a regex for other text)
    assert "s3cretvalue0123456789abcdef" not in secret.matched
    assert not fill.accepts(dataclasses.replace(request, client_secret="not a secret!"))


def test_a_secret_whose_pattern_has_no_run_is_matched_by_its_regex_each_time() -> None:
    """A password's pattern (``^[\\S]+.*[\\S]+$``) is no one class repeated: C asks the pattern's matcher
    about each password, each time, and remembers none; so does a secret with a run for non-ASCII text."""
    kinds = dict((name, kind) for name, kind, _, _ in models.AdminSetUserPasswordRequest.__dict__["_checks"])
    password = kinds["password"]
    assert password.pattern is not None and java_pattern(password.pattern).ascii_run() is None
    request = models.AdminSetUserPasswordRequest(
        user_pool_id="us-east-1_Example1", username="alice", password="correct horse battery staple"
    )
    for _ in range(3):
        request.validate()
        assert fill.accepts(request)
    assert "correct horse battery staple" not in password.matched
    for wrong in (" leading space", "trailing space ", "x"):
        assert not fill.accepts(dataclasses.replace(request, password=wrong)), wrong
        with pytest.raises(ValidationError, match="Password"):
            dataclasses.replace(request, password=wrong).validate()
    username = kinds["username"]  # (a secret too, with a run: text beyond ASCII goes to its regex)
    assert java_pattern(username.pattern or "").ascii_run() is not None
    assert fill.accepts(dataclasses.replace(request, username="\u00e5lice"))  # (\\p{L} takes it)
    assert not fill.accepts(dataclasses.replace(request, username="\u00e5l ice"))
    assert "\u00e5lice" not in username.matched and "alice" not in username.matched


def patterned_kinds() -> dict[str, v.Str]:
    """Every string kind with a pattern that a member of a structure uses (in lists and maps too)."""
    found: dict[str, v.Str] = {}

    def visit(kind: v.Kind) -> None:
        k: Any = kind
        if type(kind) is v.Str and k.pattern is not None:
            found.setdefault(k.pattern + ("  (secret)" if k.sensitive else ""), k)
        elif type(kind) is v.ListOf:
            visit(k.item)
        elif type(kind) is v.MapOf:
            visit(k.key)
            visit(k.value)

    for name in STRUCTURES:
        for _, kind, _, _ in model_class(name).__dict__["_checks"]:
            visit(kind)
    return found


PATTERNED = patterned_kinds()


def one_field_plan(kind: v.Kind) -> tuple[Any, type[Model]]:
    from cognito_typed._runtime._fill import Plan

    class One(Model):
        __slots__ = ("name",)

    plan = Plan(One, [("name", "Name", 0, False, None)])
    plan.set_checks([("name", True, False, fill._spec(kind))])  # pyright: ignore[reportPrivateUsage]
    return plan, One


def test_most_patterns_are_one_class_repeated_and_judged_without_a_regex() -> None:
    runs = {p for p, kind in PATTERNED.items() if java_pattern(kind.pattern or "").ascii_run() is not None}
    assert len(PATTERNED) >= 30 and len(runs) >= len(PATTERNED) // 2, (len(runs), len(PATTERNED))
    assert {"[\\w+]+  (secret)", "[\\S]+  (secret)", "[\\w\\s+=,.@-]+"} <= runs  # client ids, passwords, names
    assert "Level[1-4]" not in runs and "[\\w-]+_[0-9a-zA-Z]+" not in runs  # (the pool id's: two parts)


@pytest.mark.parametrize("pattern", sorted(PATTERNED))
def test_every_ascii_character_is_judged_by_its_run_as_the_regex_does(pattern: str) -> None:
    """Each of the 128 characters, the empty text, each character after a letter and before a line feed:
    for a one-class pattern the C answer is the regex's, for any pattern a yes is never a violation."""
    from cognito_typed._runtime.patterns import java_pattern

    kind = PATTERNED[pattern]
    plan, one_class = one_field_plan(kind)
    run = java_pattern(kind.pattern or "").ascii_run() is not None
    chars = [chr(c) for c in range(128)]
    for value in ["", *chars, *("a" + c for c in chars), *(c + "\n" for c in chars)]:
        one = object.__new__(one_class)
        object.__setattr__(one, "name", value)
        found: list[Any] = []
        kind.check(value, found, "", "Name", True, True)
        judged = plan.accepts(one)
        assert not (judged and found), (value, found)
        if run:
            assert judged == (found == []), (value, found)


@pytest.mark.parametrize("pattern", sorted(PATTERNED))
@settings(max_examples=150, deadline=None, suppress_health_check=list(HealthCheck))
@given(
    st.one_of(
        st.text(st.characters(max_codepoint=127), max_size=12),
        st.text(st.characters(max_codepoint=127, blacklist_categories=("Cc",)), min_size=1, max_size=12),
        st.text(max_size=6),
    )
)
def test_an_ascii_value_is_judged_by_its_run_exactly_as_the_regex_does(pattern: str, value: str) -> None:
    """For a pattern that is one class repeated, the C check's answer for an ASCII value is the
    regex's (no yes the Python check would refuse, and no "not sure" for a value it accepts); for any
    other pattern, or any other value, a yes still means that the Python check finds nothing."""
    from cognito_typed._runtime.patterns import java_pattern

    kind = PATTERNED[pattern]
    plan, one_class = one_field_plan(kind)
    one = object.__new__(one_class)
    object.__setattr__(one, "name", value)
    found: list[Any] = []
    kind.check(value, found, "", "Name", True, True)  # (hide: nothing remembered, as for a secret)
    judged = plan.accepts(one)
    if judged:
        assert found == [], (value, found)
    if value.isascii() and java_pattern(kind.pattern or "").ascii_run() is not None:
        assert judged == (found == []), (value, found)


def test_a_matcher_that_fails_or_changes_the_list_leaves_it_to_python() -> None:
    from cognito_typed._runtime._fill import Plan, Spec

    class Box(Model):
        __slots__ = ("items",)
        _fill = (("items", "Items", "list", False, None),)

    items: list[Any] = ["a", "b", "c"]

    def shrinks(value: str) -> bool:
        items.clear()
        return True

    def fails(value: str) -> bool:
        raise RuntimeError("boom")

    for matcher, expected in ((shrinks, False), (fails, False), (lambda value: True, True)):
        items[:] = ["a", "b", "c"]
        item = Spec("str", True, None, None, set(), matcher, None, None, None)
        plan = Plan(Box, [("items", "Items", 2, False, None)])
        plan.set_checks([("items", False, False, Spec("list", False, None, None, None, None, None, item, None))])
        box = object.__new__(Box)
        object.__setattr__(box, "items", items)
        assert plan.accepts(box) is expected


def test_an_interrupt_in_a_matcher_goes_through() -> None:
    from cognito_typed._runtime._fill import Plan, Spec

    class One(Model):
        __slots__ = ("name",)

    def interrupted(value: str) -> bool:
        raise KeyboardInterrupt

    plan = Plan(One, [("name", "Name", 0, False, None)])
    plan.set_checks([("name", False, True, Spec("str", False, None, None, set(), interrupted, None, None, None))])
    one = object.__new__(One)
    object.__setattr__(one, "name", "x")
    with pytest.raises(KeyboardInterrupt):
        plan.accepts(one)


@pytest.mark.parametrize(
    ("args", "error"),
    [
        (("nope", False, None, None, None, None, None, None, None), "unknown tag"),
        (("enum", False, None, None, None, None, None, None, None), "set must be"),
        (("int", False, None, None, {"a"}, None, None, None, None), "set must be"),
        (("str", False, None, None, None, len, None, None, None), "matcher"),
        (("str", False, None, None, set(), None, None, None, None, b"short", 1), "a run is"),
        (("str", False, None, None, None, None, None, None, None, bytes(16), 1), "a run is"),
        (("int", False, None, None, None, None, None, None, None, bytes(16), 1), "a run is"),
        (("struct", False, None, None, None, None, None, None, None), "sub is the Plan"),
        (("list", False, None, None, None, None, None, None, None), "item (list, map)"),
        (("int", False, "1", None, None, None, None, None, None), "integer"),
    ],
)
def test_a_wrong_spec_is_refused(args: tuple[Any, ...], error: str) -> None:
    from cognito_typed._runtime._fill import Spec

    with pytest.raises((TypeError, ValueError), match=error.replace("(", r"\(").replace(")", r"\)")):
        Spec(*args)


def test_checks_are_set_once_and_keep_no_reference() -> None:
    from cognito_typed._runtime._fill import Plan, Spec

    class One(Model):
        __slots__ = ("name",)

    plan = Plan(One, [("name", "Name", 0, False, None)])
    spec = Spec("str", False, 1, 5, None, None, None, None, None)
    with pytest.raises(TypeError):
        plan.set_checks([("nope", False, False, spec)])
    assert plan.set_checks([("name", True, False, spec)]) is True
    assert plan.set_checks([]) is False  # never replaced (another thread may be reading them)
    one = object.__new__(One)
    assert plan.accepts(one) is False  # a field never set
    value = "".join(["ab", "c"])
    object.__setattr__(one, "name", value)
    before = sys.getrefcount(value)
    for _ in range(1000):
        assert plan.accepts(one) is True
    assert sys.getrefcount(value) == before
    object.__setattr__(one, "name", "abcdef")
    assert plan.accepts(one) is False
    object.__setattr__(one, "name", None)
    assert plan.accepts(one) is False  # required


def test_a_list_changed_while_judged_gets_no_yes() -> None:
    """A secret's matcher is Python code (so may be another thread): a list it changes, even to one of the
    same size, is left to the Python checks."""
    from cognito_typed._runtime._fill import Plan, Spec

    class Box(Model):
        __slots__ = ("items",)

    items: list[Any] = ["a", "b", "c"]

    def swaps(value: str) -> bool:
        items[:] = [5, "b", "c"]
        return True

    item = Spec("str", True, None, None, set(), swaps, None, None, None)
    plan = Plan(Box, [("items", "Items", 2, False, None)])
    plan.set_checks([("items", False, False, Spec("list", False, None, None, None, None, None, item, None))])
    box = object.__new__(Box)
    object.__setattr__(box, "items", items)
    assert plan.accepts(box) is False
    assert items == [5, "b", "c"]


def test_a_table_changed_while_read_cannot_crash_it() -> None:
    """set_checks and Plan read their tables from a snapshot: a conversion that runs code (a __bool__)
    and empties the caller's list meanwhile does no harm."""
    from cognito_typed._runtime._fill import Plan, Spec

    class One(Model):
        __slots__ = ("name",)

    table: list[Any] = []

    class Clears:
        def __bool__(self) -> bool:
            table.clear()
            return True

    spec = Spec("str", False, None, None, None, None, None, None, None)
    table[:] = [("name", Clears(), False, spec), ("name", False, False, spec)]
    plan = Plan(One, [("name", "Name", 0, False, None)])
    assert plan.set_checks(table) is True
    table[:] = [("name", "Name", 0, Clears(), None), ("name", "Name", 0, False, None)]
    assert Plan(One, table).cls is One


def test_an_interrupt_while_compiling_leaves_nothing_behind(monkeypatch: pytest.MonkeyPatch) -> None:
    """Compiled once per class, under a lock; an interrupt meanwhile leaves no half-made entry that
    would judge the class in Python for good."""
    request = models.AttributeType(name="email", value="a@example.com")
    fill.CHECKED.pop(models.AttributeType, None)

    def interrupted(kind: Any) -> Any:
        raise KeyboardInterrupt

    monkeypatch.setattr(fill, "_spec", interrupted)
    with pytest.raises(KeyboardInterrupt):
        fill.accepts(request)
    assert models.AttributeType not in fill.CHECKED
    monkeypatch.undo()
    request.validate()
    assert fill.accepts(request)
    assert fill.CHECKED[models.AttributeType] is not None
