"""Merge-on-update: describe the resource, overlay only what the caller changed, send the full update.

Cognito's update calls replace the whole resource: a setting left out of an update is
reset to its default. The generated ``merge_*`` and ``plan_*`` client methods run the
engine here with a :class:`MergeSpec` derived from the model (``cognito_typed.merges``).

Change semantics:

- a field not passed (:data:`~cognito_typed.UNSET`) keeps its current value;
- a passed value replaces it; nested structures merge member by member (only the members
  given in the nested model change), lists and maps replace whole;
- :data:`RESET` sends the field absent, so Cognito applies its default.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Final, Generic, TypeVar, cast

from cognito_typed._runtime import UNSET, Model, Request, StructOf, ValidationError, Violation, is_mapping

if TYPE_CHECKING:
    from cognito_typed._client import ClientBase

__all__ = ["RESET", "Change", "ConcurrentModificationError", "MergeSpec", "Plan", "Reset"]

U = TypeVar("U", bound=Request[Any])
Res = TypeVar("Res", bound=Model)


class Reset(enum.Enum):
    """The type of :data:`RESET`."""

    RESET = "RESET"

    def __repr__(self) -> str:
        return "RESET"

    __str__ = __repr__


RESET: Final = Reset.RESET
"""Pass to a ``merge_*``/``plan_*`` method to send the field absent: Cognito resets it to its default."""


class ConcurrentModificationError(RuntimeError):
    """The resource changed between the describe and the update (``check_concurrent=True``).

    Cognito has no conditional update: this check re-reads ``LastModifiedDate`` right before
    sending, which narrows the window for a lost update but cannot close it.
    """


@dataclass(frozen=True)
class MergeSpec(Generic[U, Res]):
    """How one update pairs with its describe call (generated from the model)."""

    update: type[U]
    describe: type[Request[Any]]
    resource_model: type[Res]
    resource: str | None  # wire member of the describe response holding the resource; None: the response
    updated: str | None  # wire member of the update response holding the updated resource
    identifiers: tuple[str, ...]  # wire names, same in the describe and the update request
    carried: Mapping[str, str]  # update wire name -> describe wire name
    last_modified: str | None = None
    drop_when_present: tuple[tuple[str, str], ...] = ()
    read_only_keys: tuple[tuple[str, str], ...] = ()  # (map member, key) returned but not accepted
    omit_empty: tuple[str, ...] = ()


@dataclass(frozen=True)
class Change:
    """One field the update changes: wire path, value now, value after (``None``: absent)."""

    path: str
    current: Any
    new: Any
    sensitive: bool = False

    def __repr__(self) -> str:  # a plan may be logged: a sensitive value never shows
        return (
            f"Change(path={self.path!r}, current={_show(self.current, self.sensitive)}, "
            f"new={_show(self.new, self.sensitive)}, sensitive={self.sensitive})"
        )


def _show(value: Any, sensitive: bool) -> str:
    if sensitive:
        return "<hidden>"
    return "<absent>" if value is None else repr(value)


@dataclass(frozen=True)
class Plan(Generic[U, Res]):
    """What a merged update would send, and how it differs from the resource now. Nothing is sent."""

    spec: MergeSpec[U, Res]
    current: Res
    request: U
    changes: tuple[Change, ...]

    @property
    def noop(self) -> bool:
        """True when the update would change nothing: applying it sends no request."""
        return not self.changes

    def table(self) -> str:
        """The changes as a plain-text table (sensitive values hidden)."""
        if self.noop:
            return f"{self.spec.update.__operation__}: no changes"
        rows = [("field", "current", "new")]
        for c in self.changes:
            rows.append((c.path, _show(c.current, c.sensitive), _show(c.new, c.sensitive)))
        widths = [min(max(len(r[i]) for r in rows), 60) for i in range(3)]
        lines = [" | ".join(cell[:60].ljust(w) for cell, w in zip(row, widths, strict=True)) for row in rows]
        lines.insert(1, "-+-".join("-" * w for w in widths))
        return "\n".join(lines)

    def __str__(self) -> str:
        return self.table()


# --- the engine ----------------------------------------------------------------------


def _get(data: Mapping[str, Any], path: str) -> Any:
    node: Any = data
    for key in path.split("."):
        if not is_mapping(node) or key not in node:
            return None
        node = node[key]
    return node


def _pop(data: dict[str, Any], path: str) -> None:
    *parents, last = path.split(".")
    node: Any = data
    for key in parents:
        node = node.get(key) if is_mapping(node) else None
    if is_mapping(node):
        cast(dict[str, Any], node).pop(last, None)


def _without(data: Mapping[str, Any], path: str) -> dict[str, Any]:
    """A copy of ``data`` without the member at dotted ``path`` (copying only the dicts on the way)."""
    head, _, rest = path.partition(".")
    out = dict(data)
    if not rest:
        out.pop(head, None)
    elif is_mapping(out.get(head)):
        out[head] = _without(out[head], rest)
    return out


def _overlay(model: type[Model], base: Mapping[str, Any], change: Mapping[str, Any]) -> dict[str, Any]:
    """``base`` with ``change`` laid over it: structures member by member, anything else whole."""
    out = dict(base)
    by_wire = model.__schema__.by_wire
    for wire, value in change.items():
        kind = by_wire[wire].kind
        if isinstance(kind, StructOf) and is_mapping(out.get(wire)):
            out[wire] = _overlay(kind.model, out[wire], value)
        else:
            out[wire] = value
    return out


def _diff(model: type[Model], before: Mapping[str, Any], after: Mapping[str, Any], prefix: str = "") -> list[Change]:
    changes: list[Change] = []
    for field in model.__schema__.fields:
        old, new = before.get(field.wire), after.get(field.wire)
        if old == new:
            continue
        if isinstance(field.kind, StructOf) and is_mapping(old) and is_mapping(new):
            changes += _diff(field.kind.model, old, new, f"{prefix}{field.wire}.")
        else:
            changes.append(Change(prefix + field.wire, old, new, field.sensitive))
    return changes


def _resource_of(spec: MergeSpec[Any, Res], response: Model) -> Res:
    if spec.resource is None:
        return spec.resource_model.from_wire(response.to_wire())
    wire = response.to_wire().get(spec.resource, {})
    return spec.resource_model.from_wire(wire)


def plan(
    client: ClientBase, spec: MergeSpec[U, Res], args: Mapping[str, Any], reset_paths: Sequence[str] = ()
) -> Plan[U, Res]:
    """Describe the resource and build the merged update request (validated); send nothing else.

    ``reset_paths`` are wire paths inside nested structures (``"LambdaConfig.PreSignUp"``) to send
    absent, for one member where ``RESET`` would clear the whole structure.
    """
    if isinstance(reset_paths, str):  # one path given bare: a str is a Sequence[str] of characters
        reset_paths = (reset_paths,)
    fields = spec.update.__schema__.by_name
    describe_fields = spec.describe.__schema__.by_name
    ids = {name: value for name, value in args.items() if describe_fields.get(name) and value is not UNSET}
    given = {n: v for n, v in args.items() if n not in ids and v is not UNSET and v is not RESET}
    resets = tuple(fields[n].wire for n, v in args.items() if v is RESET)
    change = _check_given(spec, given, reset_paths)  # bad input costs no call, not even the describe
    current = _resource_of(spec, client.send(spec.describe(**ids)))
    id_wire = {fields[name].wire: value for name, value in ids.items()}
    return _plan_from(spec, current, id_wire, change, (*resets, *reset_paths))


def _path_problem(model: type[Model], path: str) -> str | None:
    """Why ``path`` names no member of ``model`` (wire names, through nested structures), or None."""
    for i, wire in enumerate(parts := path.split(".")):
        field = model.__schema__.by_wire.get(wire)
        if field is None:
            return f"{model.__name__} has no member {wire!r}"
        if i < len(parts) - 1:
            if not isinstance(field.kind, StructOf):
                return f"{wire} is not a structure"
            model = field.kind.model
    return None


def _check_given(spec: MergeSpec[Any, Any], given: Mapping[str, Any], reset_paths: Sequence[str]) -> dict[str, Any]:
    """Check what the caller gave (the model's constraints, and the rules that need no other
    field) and return it on the wire."""
    from cognito_typed._rules import VALUE_RULES

    fields = spec.update.__schema__.by_name
    violations: list[Violation] = []
    for path in reset_paths:
        problem = _path_problem(spec.update, path)
        if problem is not None:
            violations.append(Violation(f"reset_paths {path!r}", problem, "a dotted path of wire member names"))
    for name, value in given.items():
        fields[name].kind.check(value, fields[name].wire, violations)
    if violations:
        raise ValidationError(spec.update.__name__, violations)
    change = {fields[n].wire: fields[n].kind.to_wire(v) if fields[n].rewrites else v for n, v in given.items()}
    partial = spec.update.from_wire(change)
    for rule in VALUE_RULES.get(spec.update.__name__, ()):
        rule(partial, violations)
    if violations:
        raise ValidationError(spec.update.__name__, violations)
    return change


def _plan_from(
    spec: MergeSpec[U, Res],
    current: Res,
    id_wire: Mapping[str, Any],
    change_wire: Mapping[str, Any],
    resets: Sequence[str],
) -> Plan[U, Res]:
    """The merged update: ``current``'s carried members, ``change_wire`` laid over them, ``resets``
    (top-level wire names or dotted paths) taken out, the model's traps applied; validated."""
    current_wire = current.to_wire()

    # What the resource has now, as the update would send it.
    base: dict[str, Any] = {}
    for update_wire, describe_wire in spec.carried.items():
        if describe_wire in current_wire:
            base[update_wire] = current_wire[describe_wire]
    for name in spec.omit_empty:
        if base.get(name) == []:
            del base[name]
    for name, key in spec.read_only_keys:
        if is_mapping(base.get(name)) and key in base[name]:
            base[name] = {k: v for k, v in base[name].items() if k != key}

    merged = _overlay(spec.update, base, change_wire)
    for path in resets:
        merged = _without(merged, path)
    for name in spec.omit_empty:  # absent means the same as empty here, and [] is refused
        if merged.get(name) == []:
            del merged[name]

    violations: list[Violation] = []
    for path, other in spec.drop_when_present:
        if _get(merged, path) is not None and _get(merged, other) is not None:
            asked = _get(change_wire, path)
            if asked is not None and asked != _get(base, path):  # an explicit change, not a value passed back
                violations.append(Violation(path, "cannot be sent together with " + other, f"use {other} instead"))
            _pop(merged, path)
            _pop(base, path)
    if violations:
        raise ValidationError(spec.update.__name__, violations)

    request = spec.update.from_wire({**merged, **id_wire})
    request.validate()
    from cognito_typed._rules import check_merge

    check_merge(request, current)
    return Plan(spec, current, request, tuple(_diff(spec.update, base, merged)))


def apply(client: ClientBase, plan: Plan[U, Res], *, check_concurrent: bool = False) -> Res:
    """Send the plan's update (nothing when it changes nothing) and return the updated resource."""
    spec = plan.spec
    if plan.noop:
        return plan.current
    if check_concurrent and spec.last_modified is not None:
        wire = plan.request.to_wire()
        ids = {spec.describe.__schema__.by_wire[w].name: wire[w] for w in spec.identifiers if w in wire}
        now = _resource_of(spec, client.send(spec.describe(**ids))).to_wire().get(spec.last_modified)
        before = plan.current.to_wire().get(spec.last_modified)
        if now != before:
            raise ConcurrentModificationError(
                f"{spec.update.__operation__}: the resource changed since it was read "
                f"({spec.last_modified} {before} -> {now}); plan again. Cognito has no conditional "
                "update, so this check narrows the window for lost updates but cannot close it."
            )
    response = client.send(plan.request)
    if spec.updated is not None and response is not None:
        updated = response.to_wire().get(spec.updated)
        if updated is not None:
            return spec.resource_model.from_wire(updated)
    # The update returns no resource: the current one with the update laid over it.
    sent = plan.request.to_wire()
    after = dict(plan.current.to_wire())
    for update_wire, describe_wire in spec.carried.items():
        if update_wire in sent:
            after[describe_wire] = sent[update_wire]
        else:
            after.pop(describe_wire, None)
    return spec.resource_model.from_wire(after)
