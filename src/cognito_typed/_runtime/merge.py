"""Merge-on-update: describe the resource, overlay only what the caller changed, send the full update.

Cognito's update calls replace the whole resource: a setting left out of an update is reset
to its default. The generated ``merge_*`` and ``plan_*`` client methods run the engine here
with a :class:`MergeSpec` generated from the model (``cognito_typed.merges``).

Change semantics:

- a field not passed (``None``) keeps its current value;
- a passed value replaces it; nested structures merge member by member (only the members
  given in the nested model change), lists and maps replace whole;
- :data:`RESET` sends the field absent, so Cognito applies its default; ``reset_paths`` does
  that for members of nested structures (``"LambdaConfig.PreSignUp"``).

What is carried comes from the botocore model the client runs with
(``client.meta.service_model``), not only from the model the code was generated from: every
member that the live describe output returns and the live update input accepts is carried,
as the service returned it, so a setting that a newer botocore adds is never reset by a
merge (the reason this project exists). The engine works on wire dicts; it checks the values
the caller gave with the model's rules, and leaves the carried values to botocore's own
validator and to the service.
"""

from __future__ import annotations

import enum
import threading
import weakref
from collections.abc import Callable, Mapping, Sequence
from dataclasses import MISSING, dataclass, field, fields
from functools import cached_property
from typing import TYPE_CHECKING, Any, Final, Generic, TypeVar, cast

from cognito_typed._runtime.base import FILLING, Model, Request, build, new
from cognito_typed._runtime.fill import accepts
from cognito_typed._runtime.fill import plan as fill_plan
from cognito_typed._runtime.rules import READS, check_given, check_merged
from cognito_typed._runtime.validation import ValidationError, Violation, show

if TYPE_CHECKING:
    from cognito_typed._runtime.client import ClientBase

__all__ = ["RESET", "Change", "ConcurrentModificationError", "MergeSpec", "Plan", "Reset", "apply", "merge", "plan"]

U = TypeVar("U", bound=Request[Any])
Res = TypeVar("Res", bound=Model)
T = TypeVar("T")


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

    Cognito has no conditional update: this check reads the resource again right before
    sending, which narrows the window for a lost update but cannot close it.
    """


@dataclass(frozen=True)
class MergeSpec(Generic[U, Res]):
    """How one update pairs with its describe call (generated from the model and the quirks table)."""

    update: type[U]
    describe: type[Request[Any]]
    resource_model: type[Res]
    resource: str | None  # wire member of the describe response holding the resource; None: the response
    updated: str | None  # wire member of the update response holding the updated resource
    identifiers: tuple[str, ...]  # wire names, same in the describe and the update request
    members: Mapping[str, str]  # every update input member: Python name -> wire name
    carried: Mapping[str, str]  # update wire name -> describe wire name, per the generated model
    last_modified: str | None = None
    drop_when_present: tuple[tuple[str, str], ...] = ()
    omit_empty: tuple[str, ...] = ()
    # Secrets the botocore model does not mark (codegen/model_fixes.py): wire path -> () for the
    # whole value, or the keys of a map whose values are secrets.
    secrets: tuple[tuple[str, tuple[str, ...]], ...] = ()
    # The documented traps (codegen/merge_quirks.py):
    describe_only: tuple[tuple[str, tuple[str, ...], tuple[str, str] | None], ...] = ()
    """(map member, keys describe returns but the update refuses, (describe member, value) it depends on)."""
    mirrors: tuple[tuple[str, str], ...] = ()
    """Pairs of wire paths the service keeps identical: a change goes to both, a reset resets both."""
    one_of: tuple[tuple[str, str, tuple[tuple[str, str], ...]], ...] = ()
    """(structure, selector, ((selector value, member), ...)): the selector's value allows one member."""
    uncompared: tuple[str, ...] = ()
    """Members of the described resource that move with no write to it: ``check_concurrent`` ignores them."""
    not_carried: tuple[tuple[str, str], ...] = ()
    """(update member, described member that shows one): what the describe cannot give back, so that an
    update without it loses it; a plan that changes anything lists that loss."""
    # What a raw update does to the members it omits (codegen/resets.py), for the simulator and docs:
    defaults: tuple[tuple[str, Any], ...] = ()
    """Wire paths an omitted member comes back with, and the value."""
    keeps: tuple[str, ...] = ()
    """Members an omitted one keeps its value (documented)."""
    omitted: str = "assumed"
    """``"documented"``: the AWS docs say the update replaces; ``"assumed"``: they are silent."""

    @cached_property
    def mirror_heads(self) -> tuple[tuple[str, str, frozenset[str]], ...]:
        """``mirrors`` with the top-level members of each pair (a change that has neither leaves it be)."""
        return tuple((a, b, frozenset((a.split(".", 1)[0], b.split(".", 1)[0]))) for a, b in self.mirrors)

    @cached_property
    def identifier_params(self) -> tuple[tuple[str, str], ...]:
        """(Python name, wire name) of each identifier."""
        return tuple((p, w) for p, w in self.members.items() if w in self.identifiers)

    @cached_property
    def secret_paths(self) -> Mapping[str, tuple[str, ...]]:
        """``secrets`` as a mapping."""
        return dict(self.secrets)

    @cached_property
    def renames(self) -> Mapping[str, str]:
        """Update members the describe output returns under another name."""
        return {u: d for u, d in self.carried.items() if u != d}


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
    if value is None:
        return "<absent>"
    return "<hidden>" if sensitive else show(value, False)  # (validation.show: a repr that cannot fail)


@dataclass(frozen=True, repr=False, eq=False)
class Plan(Generic[U, Res]):
    """What a merged update would send, and how it differs from the resource now. Nothing is sent.

    ``params`` is the update exactly as :meth:`~cognito_typed.CognitoIdentityProvider.apply`
    sends it (wire names; carried values as the service returned them, members that the
    generated models do not know included: ``unknown`` names those). ``request`` and
    ``current`` are typed views, built when first read.
    """

    spec: MergeSpec[U, Res]
    params: Mapping[str, Any]
    changes: tuple[Change, ...]
    described: Mapping[str, Any] = field(repr=False)
    """The resource as the describe call returned it (wire names)."""
    unknown: tuple[str, ...] = ()

    @property
    def noop(self) -> bool:
        """True when the update would change nothing: applying it sends no request."""
        return not self.changes

    @cached_property
    def current(self) -> Res:
        """The resource as it is now (typed)."""
        return build(self.spec.resource_model, self.described)

    @cached_property
    def request(self) -> U:
        """The update request (typed; members the generated models do not know are in ``params`` only)."""
        return self.spec.update.from_wire(self.params)

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
        if self.unknown:
            lines.append(f"carried as returned, unknown to the generated models: {', '.join(self.unknown)}")
        return "\n".join(lines)

    def __str__(self) -> str:
        return self.table()

    def __repr__(self) -> str:
        paths = ", ".join(c.path for c in self.changes) or "no changes"
        return f"Plan({self.spec.update.__operation__}: {paths})"


# --- the live model ------------------------------------------------------------------------


@dataclass(frozen=True)
class _Live:
    """A pair as the client's own botocore model has it."""

    update: Any  # botocore StructureShape of the update input
    resource: Any  # botocore StructureShape of the described resource
    carried: Mapping[str, str]  # update wire -> describe wire
    unknown: tuple[str, ...]  # carried members the generated update model does not have
    required: frozenset[str]  # what the update requires
    needed: frozenset[str]  # what the update or the describe requires (identifiers among them)


_LIVE: weakref.WeakKeyDictionary[Any, dict[str, _Live]] = weakref.WeakKeyDictionary()
_LAST_LIVE: list[Any] = [None, {}]  # the service model last asked for, and its entry of _LIVE


def _live(service_model: Any, spec: MergeSpec[Any, Any]) -> _Live:
    by_spec: dict[str, _Live]
    last_model, by_spec = _LAST_LIVE
    if last_model is not service_model:  # (a WeakKeyDictionary lookup is Python code: the last one is kept)
        by_spec = _LIVE.setdefault(service_model, {})
        _LAST_LIVE[:] = (service_model, by_spec)
    name = spec.update.__operation__
    found = by_spec.get(name)
    if found is None:
        update = service_model.operation_model(name).input_shape
        output = service_model.operation_model(spec.describe.__operation__).output_shape
        resource = output if spec.resource is None else output.members[spec.resource]
        returned = resource.members
        renames = spec.renames
        carried = {
            u: renames.get(u, u) for u in update.members if u not in spec.identifiers and renames.get(u, u) in returned
        }
        known = set(spec.members.values())
        required = frozenset(update.required_members)
        needed = required | set(service_model.operation_model(spec.describe.__operation__).input_shape.required_members)
        unknown = tuple(u for u in carried if u not in known)
        found = by_spec[name] = _Live(update, resource, carried, unknown, required, needed)
    return found


def _sensitive(shape: Any, seen: frozenset[str] = frozenset()) -> bool:
    """A shape whose values (or any value inside them) the model marks sensitive."""
    if shape.metadata.get("sensitive"):
        return True
    if shape.name in seen:
        return False
    seen = seen | {shape.name}
    kind = shape.type_name
    if kind == "structure":
        return any(_sensitive(m, seen) for m in shape.members.values())
    if kind == "list":
        return _sensitive(shape.member, seen)
    if kind == "map":
        return _sensitive(shape.key, seen) or _sensitive(shape.value, seen)
    return False


# --- the engine ----------------------------------------------------------------------------


def _overlay(shape: Any, base: Mapping[str, Any], change: Mapping[str, Any]) -> dict[str, Any]:
    """``base`` with ``change`` laid over it: structures member by member, anything else whole."""
    out = dict(base)
    members = shape.members
    for key, value in change.items():
        member = members.get(key)
        old = out.get(key)
        if member is not None and member.type_name == "structure" and isinstance(old, dict) and isinstance(value, dict):
            out[key] = _overlay(member, cast(Mapping[str, Any], old), cast(Mapping[str, Any], value))
        else:
            out[key] = value
    return out


def _diff(
    shape: Any,
    before: Mapping[str, Any],
    after: Mapping[str, Any],
    secrets: Mapping[str, tuple[str, ...]],
    prefix: str = "",
) -> list[Change]:
    changes: list[Change] = []
    members = shape.members
    position, known = _per_shape(_NAMES, shape, _names)
    old_of, new_of = before.get, after.get
    # The members whose values are not the same objects (most are: the merge copies the dicts, not
    # the values), in the model's order; members the model does not have after them, in name order.
    differ = [key for key, value in after.items() if old_of(key) is not value]
    differ += before.keys() - after.keys()
    extra = [key for key in differ if key not in known]
    if extra:
        differ = [key for key in differ if key in known]
    if len(differ) > 1:
        differ.sort(key=position.__getitem__)
    for key in (*differ, *sorted(extra)) if extra else differ:
        old, new = old_of(key), new_of(key)
        if old is new or old == new:
            continue
        path, member = prefix + key, members.get(key)
        secret = secrets.get(path)
        if member is not None and member.type_name == "structure" and isinstance(old, dict) and isinstance(new, dict):
            changes += _diff(member, cast(Mapping[str, Any], old), cast(Mapping[str, Any], new), secrets, f"{path}.")
        elif secret and (isinstance(old, dict) or isinstance(new, dict)):  # a map with secret values: key by key
            was: Mapping[str, Any] = cast(Mapping[str, Any], old) if isinstance(old, dict) else {}
            now: Mapping[str, Any] = cast(Mapping[str, Any], new) if isinstance(new, dict) else {}
            keyed = [Change(f"{path}.{k}", was.get(k), now.get(k), k in secret) for k in sorted({*was, *now})]
            keyed = [c for c in keyed if c.current != c.new]
            # No key differs, yet the map does: an empty map against none. It is a change like any other.
            changes += keyed or [Change(path, old, new, True)]
        else:
            changes.append(Change(path, old, new, _hides(member, secret)))
    return changes


def _hides(member: Any, secret: tuple[str, ...] | None) -> bool:
    """Whether a change of ``member`` (a botocore shape, None if unknown) hides its values: a member the
    model does not know, a secret the model does not mark (``secret``: its entry in ``secret_paths``),
    or a sensitive shape."""
    return member is None or secret is not None or _per_shape(_SENSITIVE, member, _sensitive)


def _hidden_at(shape: Any, path: str, secrets: Mapping[str, tuple[str, ...]]) -> bool:
    """Whether a change at ``path`` (a wire path in ``shape``) hides its values, as :func:`_diff` would."""
    member: Any = shape
    for part in path.split("."):
        member = member.members.get(part) if member is not None and member.type_name == "structure" else None
    return _hides(member, secrets.get(path))


def _per_shape(cache: dict[int, tuple[Any, Any]], shape: Any, make: Callable[[Any], T]) -> T:
    """``make(shape)``, remembered in ``cache`` by the shape's id (the shape kept beside it, so that an
    id reused by another shape is never taken for it): ``_diff`` asks the same of each shape per merge."""
    found = cache.get(id(shape))
    if found is None or found[0] is not shape:
        if len(cache) >= 1024:  # (many service models over time: start again)
            cache.clear()
        found = cache[id(shape)] = (shape, make(shape))
    made: T = found[1]
    return made


def _names(shape: Any) -> tuple[Mapping[str, int], frozenset[str]]:
    """A structure shape's member names with their places in the model's order, and as a set
    (botocore's ``members`` is an ``OrderedDict``, whose walk costs a lookup per step)."""
    names = tuple(shape.members)
    return {n: i for i, n in enumerate(names)}, frozenset(names)


_NAMES: dict[int, tuple[Any, Any]] = {}  # shape id -> (shape, _names(shape))
_SENSITIVE: dict[int, tuple[Any, Any]] = {}  # shape id -> (shape, _sensitive(shape))


def _without(data: Mapping[str, Any], path: str) -> dict[str, Any]:
    """A copy of ``data`` without the member at dotted ``path`` (copying only the dicts on the way)."""
    head, _, rest = path.partition(".")
    out = dict(data)
    if not rest:
        out.pop(head, None)
    elif isinstance(out.get(head), dict):
        out[head] = _without(out[head], rest)
    return out


def _get(data: Mapping[str, Any], path: str) -> Any:
    node: Any = data
    for key in path.split("."):
        if not isinstance(node, dict) or key not in node:
            return None
        node = node[key]  # pyright: ignore[reportUnknownVariableType]  (no cast: _get runs a dozen times per merge)
    return node  # pyright: ignore[reportUnknownVariableType]


def _path_problem(shape: Any, path: str) -> str | None:
    """Why ``path`` names no member of ``shape`` (wire names, through nested structures), or None."""
    for i, wire in enumerate(parts := path.split(".")):
        member = shape.members.get(wire)
        if member is None:
            return f"{shape.name} has no member {wire!r}"
        if i < len(parts) - 1 and member.type_name != "structure":
            return f"{wire} is not a structure"
        shape = member
    return None


def _partial(cls: type[U], values: Mapping[str, Any]) -> U:
    """An instance of ``cls`` holding ``values`` only (others ``None``, required ones too): for
    checking what a caller gave, never sent. Its slots are set as ``__init__`` sets them: by the C
    builder's ``init`` when there is one, else as ``from_wire`` fills a model (``filling``)."""
    get = values.get
    names = cls._names  # pyright: ignore[reportPrivateUsage]
    builder = fill_plan(cls)
    instance: Any
    if builder is not None:  # the C builder's init: every slot at once
        instance = new(cls)
        builder.init(instance, tuple(map(get, names)))
        return cast(U, instance)
    instance = FILLING[cls]()
    for name in names:
        setattr(instance, name, get(name))
    instance.__class__ = cls
    made: U = instance
    return made


_ALWAYS: dict[type[Model], frozenset[str]] = {}


def _always(resource_model: type[Model]) -> frozenset[str]:
    """The wire names of ``resource_model``'s required fields (members the resource always has)."""
    found = _ALWAYS.get(resource_model)
    if found is None:
        found = _ALWAYS[resource_model] = frozenset(
            f.metadata["wire"] for f in fields(resource_model) if f.default is MISSING
        )
    return found


def _violations(request: Model, wires: frozenset[str], constraints: bool) -> list[Violation]:
    """The violations of the members in ``wires`` (required ones elsewhere are not the caller's)."""
    out: list[Violation] = []
    if constraints and accepts(request):  # (the C check's quick yes: nothing to find)
        return out
    request._check(out, "", False, constraints)  # pyright: ignore[reportPrivateUsage]
    return [v for v in out if _top(v.path) in wires]


def _top(path: str) -> str:
    return path.split(".", 1)[0].split("[", 1)[0]


def plan(
    client: ClientBase, spec: MergeSpec[U, Res], args: Mapping[str, Any], reset_paths: Sequence[str] = ()
) -> Plan[U, Res]:
    """Describe the resource and build the merged update; send nothing else.

    Bad input (the caller's values breaking the model's rules, an identifier missing or reset, a
    member the update requires reset, a ``reset_paths`` entry that names no member, a member both
    given and reset) raises :class:`ValidationError` before any call, the describe included.
    """
    if isinstance(reset_paths, str):  # one path given bare: a str is a Sequence[str] of characters
        reset_paths = (reset_paths,)
    constraints = client._constraints  # pyright: ignore[reportPrivateUsage]
    members, identifiers = spec.members, spec.identifiers
    given: dict[str, Any] = {}
    resets: list[str] = []
    id_wire: dict[str, Any] = {}
    for name, value in args.items():
        if value is None:
            continue
        if value is RESET:
            resets.append(members[name])
            continue
        given[name] = value
        if (wire := members[name]) in identifiers:
            id_wire[wire] = value

    # 1. The caller's values, before anything is read. The installed botocore's model must have
    # both operations (and, below, what the caller passes: UnsupportedByBotocoreError otherwise).
    installed = client._installed.operations  # pyright: ignore[reportPrivateUsage]
    for operation in (spec.describe.__operation__, spec.update.__operation__):
        if operation not in installed:
            raise client._unsupported(operation)  # pyright: ignore[reportPrivateUsage]
    violations: list[Violation] = []
    live = _live(client._client.meta.service_model, spec)  # pyright: ignore[reportPrivateUsage]
    paths: list[str] = []
    for path in reset_paths:
        if isinstance(path, str):  # pyright: ignore[reportUnnecessaryIsInstance]  # (untyped code)
            paths.append(path)
        else:
            violations.append(
                Violation(f"reset_paths {show(path, False)}", "is no str", "a dotted path of wire member names", "type")
            )
    heads = {path.split(".", 1)[0] for path in paths}
    for wire in identifiers:  # (the describe needs them: without one, botocore's own error, or a call)
        if wire in resets or wire in heads:
            reset = "cannot be reset: it names the resource"
            violations.append(Violation(wire, reset, "required: it names the resource to update", "required"))
        elif wire not in id_wire and wire in live.needed:  # (SetRiskConfiguration's ClientId is optional: the pool's)
            violations.append(Violation(wire, "is missing", "required: it names the resource to update", "required"))
    for wire in dict.fromkeys((*resets, *paths)):  # (a member the update requires cannot be sent absent)
        if wire in identifiers:
            continue
        if wire in live.required:
            violations.append(Violation(wire, "cannot be reset: the update requires it", "required", "required"))
        elif wire in spec.keeps:  # (sent absent, it would silently stay as it is)
            kept = "cannot be reset by sending it absent: the service keeps its current value then"
            violations.append(Violation(wire, kept, "give the value it is to have", "merge"))
    reset_paths = paths
    for path in reset_paths:
        problem = _path_problem(live.update, path)
        if problem is not None:
            violations.append(
                Violation(f"reset_paths {path!r}", problem, "a dotted path of wire member names", "merge")
            )
    partial = _partial(spec.update, given)
    given_wire = frozenset(members[n] for n in given)
    violations += _violations(partial, given_wire, constraints)
    # The documented rules are constraints too (constraints=False skips them); they run when the
    # caller gave a member they read.
    if constraints and given_wire & READS.get(spec.update.__name__, frozenset()):
        check_given(partial, violations)
    if violations:
        raise ValidationError(spec.update.__name__, violations)
    passed = partial.to_wire()
    client._check_installed(  # pyright: ignore[reportPrivateUsage]
        spec.update.__operation__, passed, enums=constraints, digest=spec.update.__input_digest__
    )
    change = {k: v for k, v in passed.items() if k not in id_wire}
    all_resets = _with_mirrors(spec, (*resets, *reset_paths))
    for path, why in all_resets.items():
        if _get(change, path) is not None:
            problem = "is both given a new value and reset" + (f" (with {why}, its mirror)" if why else "")
            violations.append(Violation(path, problem, "pass a value or RESET/reset_paths, not both", "merge"))
    if violations:
        raise ValidationError(spec.update.__name__, violations)

    # 2. The resource as it is, and the update that keeps it.
    response = client._call(spec.describe.__method__, id_wire)  # pyright: ignore[reportPrivateUsage]
    described: Mapping[str, Any] = response if spec.resource is None else response.get(spec.resource) or {}
    return _plan_from(spec, live, described, id_wire, change, tuple(all_resets), constraints)


def _with_mirrors(spec: MergeSpec[Any, Any], resets: Sequence[str]) -> dict[str, str | None]:
    """The paths to reset: ``resets`` and, for each, the mirror it takes along (path -> the reset it follows)."""
    out: dict[str, str | None] = dict.fromkeys(resets)
    for path in resets:
        for a, b in spec.mirrors:
            for this, other in ((a, b), (b, a)):
                if (this == path or this.startswith(path + ".")) and other not in out:
                    out[other] = path
    return out


def _plan_from(
    spec: MergeSpec[U, Res],
    live: _Live,
    described: Mapping[str, Any],
    id_wire: Mapping[str, Any],
    change: Mapping[str, Any],
    resets: Sequence[str],
    constraints: bool,
) -> Plan[U, Res]:
    base: dict[str, Any] = {u: described[d] for u, d in live.carried.items() if d in described}
    for name in spec.omit_empty:
        if base.get(name) == []:
            del base[name]
    violations: list[Violation] = []
    lost: list[Change] = []  # what the update loses of the resource, not by the caller's change
    for name, keys, when in spec.describe_only:  # returned, but the update refuses them
        if when is not None and described.get(when[0]) != when[1]:
            continue
        for value, source in ((base.get(name), base), (change.get(name), change)):
            if not isinstance(value, dict) or not keys & value.keys():
                continue
            kept = {k: v for k, v in cast(dict[str, Any], value).items() if k not in keys}
            if source is change:  # the caller passed them: fine when they are the values returned
                returned: dict[str, Any] = cast(dict[str, Any], described.get(name) or {})
                for key in sorted(keys & value.keys()):
                    if value[key] != returned.get(key):
                        violations.append(
                            Violation(
                                f"{name}.{key}", "is returned by describe only", "the update does not take it", "merge"
                            )
                        )
                change = {**change, name: kept}
            else:
                base[name] = kept

    merged = _overlay(live.update, base, change)
    # The service keeps a mirrored pair identical: a change goes to both.
    for a, b, heads in spec.mirror_heads if change else ():
        if heads.isdisjoint(change):
            continue
        new_a, new_b = _get(change, a), _get(change, b)
        if new_a is not None and new_b is not None:
            if new_a != new_b:
                violations.append(Violation(a, f"differs from {b}", f"must be identical to {b}", "merge"))
        elif new_a is not None and _get(merged, b) is not None:
            merged = _with(merged, b, new_a)
        elif new_b is not None and _get(merged, a) is not None:
            merged = _with(merged, a, new_b)
    for path in resets:
        merged = _without(merged, path)
        merged = _complete(live.update, merged, path)
    for name in spec.omit_empty:  # absent means the same as empty here, and [] is refused
        if merged.get(name) == []:
            del merged[name]
    for structure, selector, choices in spec.one_of:  # the selector allows one of the members
        node = _get(merged, structure)
        chosen: Any = cast(dict[str, Any], node).get(selector) if isinstance(node, dict) else None
        for value, member in choices if chosen is not None else ():
            path = f"{structure}.{member}"
            if value == chosen or _get(merged, path) is None:
                continue
            if _get(change, path) is not None and _get(change, path) != _get(base, path):
                violations.append(
                    Violation(
                        path,
                        f"is given, but {structure}.{selector} is {chosen}",
                        f"goes with {selector} {value}",
                        "merge",
                    )
                )
            if _get(base, path) is not None and _get(change, path) in (None, _get(base, path)):  # lost by the update
                lost.append(Change(path, _get(base, path), None, _hidden_at(live.update, path, spec.secret_paths)))
            merged, base = _without(merged, path), _without(base, path)
    for path, other in spec.drop_when_present:
        asked = _get(change, path)
        passed_back = asked is None or asked == _get(base, path)  # (not an explicit change)
        # ``other`` reset: ``path``, carried (or passed back), would still set it, the legacy member as the setting
        other_reset = passed_back and any(other == r or other.startswith(r + ".") for r in resets)
        if _get(merged, path) is not None and (_get(merged, other) is not None or other_reset):
            if not passed_back:
                violations.append(
                    Violation(path, "cannot be sent together with " + other, f"use {other} instead", "merge")
                )
            merged = _without(merged, path)
            if _get(base, other) is not None or not other_reset:  # (the legacy member alone: its loss is shown)
                base = _without(base, path)
    changes = _diff(live.update, base, merged, spec.secret_paths)
    # What the describe cannot give back (a UI customization's logo): reset when asked, so the update is
    # sent for it; otherwise lost by any update, and listed once there is one (nothing is sent otherwise).
    for member, shown_by in spec.not_carried:
        if member not in merged and described.get(shown_by) is not None:
            (changes if member in resets else lost).append(Change(member, described[shown_by], None))
    if changes:
        changes += lost

    # 3. What the change does to the rest. Carried values are the service's: botocore's validator
    #    and the service judge them. The rules that read several members (the unit of a validity,
    #    the default redirect among the callbacks) judge the merged request, and report only what
    #    the resource as it is does not break already.
    params = {**merged, **id_wire}
    if changes:
        for required in live.update.required_members:
            if required not in params:
                problem = "is missing"
                if not described:  # (DescribeUserPoolDomain answers an unknown domain so, with no error)
                    problem += f": {spec.describe.__operation__} returned an empty resource (is there one?)"
                violations.append(Violation(required, problem, "required", "required"))
    if (
        changes
        and not violations
        and constraints
        and {_top(c.path) for c in changes} & READS.get(spec.update.__name__, frozenset())
    ):
        check_merged(spec.update, params, {**base, **id_wire}, described, violations)
    if violations:
        raise ValidationError(spec.update.__name__, violations)
    unknown = tuple(u for u in live.unknown if u in params) if live.unknown else ()
    return Plan(spec, params, tuple(changes), described, unknown)


def _with(data: Mapping[str, Any], path: str, value: Any) -> dict[str, Any]:
    """A copy of ``data`` with ``value`` at dotted ``path`` (copying only the dicts on the way)."""
    head, _, rest = path.partition(".")
    out = dict(data)
    out[head] = _with(out.get(head) or {}, rest, value) if rest else value
    return out


def _complete(shape: Any, data: dict[str, Any], path: str) -> dict[str, Any]:
    """``data`` without the structure holding ``path`` when removing ``path`` left it without a
    member it requires (``PreTokenGenerationConfig`` without its ``LambdaArn``), up the path."""
    parts = path.split(".")
    for depth in range(len(parts) - 1, 0, -1):
        parent = ".".join(parts[:depth])
        node, member = _get(data, parent), shape
        for part in parts[:depth]:
            member = member.members.get(part) if member is not None else None
        # An older botocore's model may lack the structure (a mirror's path, say): then nothing of it is sent.
        if member is None:
            continue
        if isinstance(node, dict) and any(r not in node for r in member.required_members):
            data = _without(data, parent)
    return data


# In-process merges of one resource run one at a time: a merge reads the resource and writes it
# whole, so two at once would lose one of them. Locks are striped by resource (a bounded set).
_LOCKS = tuple(threading.RLock() for _ in range(64))


def _lock(client: ClientBase, spec: MergeSpec[Any, Any], ids: Mapping[str, Any]) -> threading.RLock:
    key = (client._client.meta.region_name, *map(str, map(ids.get, spec.identifiers)))  # pyright: ignore[reportPrivateUsage]
    return _LOCKS[hash(key) % len(_LOCKS)]


def merge(
    client: ClientBase,
    spec: MergeSpec[U, Res],
    args: Mapping[str, Any],
    reset_paths: Sequence[str] = (),
    *,
    check_concurrent: bool = False,
) -> Res:
    """Plan and apply, holding the resource's in-process lock from the describe to the update."""
    ids = {w: args.get(p) for p, w in spec.identifier_params}
    lock = _lock(client, spec, ids)
    with lock:
        return _apply(client, plan(client, spec, args, reset_paths), check_concurrent, lock)


def apply(client: ClientBase, plan: Plan[U, Res], *, check_concurrent: bool = False) -> Res:
    """Send the plan's update (nothing when it changes nothing) and return the updated resource.

    ``check_concurrent`` describes the resource again and raises :class:`ConcurrentModificationError`
    when anything in it differs from what the plan was made from (not only a timestamp: moto's app
    clients have none, and a pool's need not move), but what moves with no write to it (a pool's
    ``EstimatedNumberOfUsers``, ``codegen/merge_quirks.py``). It refuses a plan made from an empty describe,
    which would leave nothing to compare.
    """
    return _apply(client, plan, check_concurrent, None)


def _apply(client: ClientBase, plan: Plan[U, Res], check_concurrent: bool, lock: threading.RLock | None) -> Res:
    spec = plan.spec
    if plan.noop:
        return plan.current
    params = plan.params
    ids = {w: params[w] for w in spec.identifiers if w in params} if check_concurrent or lock is None else {}
    with lock or _lock(client, spec, ids):
        if check_concurrent:
            before = _comparable(plan.described, spec.uncompared)
            if not before:
                raise ConcurrentModificationError(
                    f"{spec.update.__operation__}: check_concurrent has nothing to compare (the describe "
                    "returned an empty resource); plan again, or apply without the check."
                )
            response = client._call(spec.describe.__method__, ids)  # pyright: ignore[reportPrivateUsage]
            now = _comparable(response if spec.resource is None else response.get(spec.resource) or {}, spec.uncompared)
            if now != before:
                moved = sorted(k for k in {*now, *before} if now.get(k) != before.get(k))
                raise ConcurrentModificationError(
                    f"{spec.update.__operation__}: the resource changed since it was read ({', '.join(moved)}); "
                    "plan again. Cognito has no conditional update, so this check narrows the window for "
                    "lost updates but cannot close it."
                )
        response = client._call(spec.update.__method__, dict(params))  # pyright: ignore[reportPrivateUsage]
    if spec.updated is not None:
        updated = response.get(spec.updated)
        if isinstance(updated, dict):
            return build(spec.resource_model, cast(Mapping[str, Any], updated))
    # The update returns no resource: the one described, with the update laid over it. A member the
    # resource always has (a required field: a pool's Name) stays as described when the update leaves
    # it out (RESET): the service keeps it, as it has nothing to reset it to.
    live = _live(client._client.meta.service_model, spec)  # pyright: ignore[reportPrivateUsage]
    after = dict(plan.described)
    always = _always(spec.resource_model)
    for update_wire, describe_wire in live.carried.items():
        if update_wire in params:
            after[describe_wire] = params[update_wire]
        elif describe_wire not in always:
            after.pop(describe_wire, None)
    return build(spec.resource_model, after)


def _comparable(resource: Mapping[str, Any], uncompared: tuple[str, ...]) -> Mapping[str, Any]:
    """What check_concurrent compares: the described resource, but what moves with no write to it."""
    return {k: v for k, v in resource.items() if k != "ResponseMetadata" and k not in uncompared}
