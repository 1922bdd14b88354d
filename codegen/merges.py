"""Derive merge-on-update pairs from the IR: update/set operation + its describe/get partner.

A pair carries every update input member that the describe output also returns
(after the renames in :mod:`codegen.merge_quirks`); members the describe output returns
but the update does not take are read-only and dropped.
"""

from __future__ import annotations

from dataclasses import dataclass

from codegen.ir import Operation, Service
from codegen.merge_quirks import QUIRKS, Quirks
from codegen.resets import OMITTED, Omitted

_UPDATES = ("Update", "Set")
_READS = ("Describe", "Get")


@dataclass(frozen=True)
class MergePair:
    update: Operation
    describe: Operation
    resource: str | None  # wire member of the describe output holding the resource; None: the output itself
    updated: str | None  # wire member of the update output holding the resource, when it returns it
    identifiers: tuple[str, ...]  # describe input members, passed by the caller to both calls
    carried: tuple[tuple[str, str], ...]  # (update member, describe member), in update order
    dropped: tuple[str, ...]  # describe members the update does not take (read-only)
    last_modified: str | None
    quirks: Quirks
    omitted: Omitted | None  # what a raw update does to what it omits (codegen/resets.py); None: not known


@dataclass(frozen=True)
class Skipped:
    update: Operation
    reason: str


def _partner(service: Service, op: Operation) -> Operation | None:
    by_name = {o.name: o for o in service.operations}
    for prefix in _UPDATES:
        if op.name.startswith(prefix):
            noun = op.name[len(prefix) :]
            for read in _READS:
                partner = by_name.get(read + noun)
                if partner is not None and partner.output is not None:
                    return partner
    return None


def _resource(service: Service, describe: Operation) -> str | None:
    """The one structure member of the describe output, if that is all it has."""
    assert describe.output is not None
    members = service.shapes[describe.output].members
    if len(members) == 1 and service.shapes[members[0].shape].kind == "structure":
        return members[0].wire_name
    return None


def derive(service: Service) -> tuple[list[MergePair], list[Skipped]]:
    pairs: list[MergePair] = []
    skipped: list[Skipped] = []
    for op in service.operations:
        describe = _partner(service, op)
        if describe is None:
            continue
        quirks = QUIRKS.get(op.name, Quirks())
        if quirks.skip:
            skipped.append(Skipped(op, quirks.skip))
            continue
        assert describe.output is not None
        resource = _resource(service, describe)
        resource_shape = service.shapes[service.shapes[describe.output].members[0].shape] if resource else None
        returned = {m.wire_name for m in (resource_shape or service.shapes[describe.output]).members}
        identifiers = tuple(m.wire_name for m in service.shapes[describe.input].members)
        update_members = [m.wire_name for m in service.shapes[op.input].members]
        carried = tuple(
            (name, quirks.renames.get(name, name))
            for name in update_members
            if name not in identifiers and quirks.renames.get(name, name) in returned
        )
        if not carried:
            skipped.append(
                Skipped(op, f"{describe.name} returns none of the settings {op.name} takes: nothing to carry.")
            )
            continue
        kept = {describe_name for _, describe_name in carried}
        updated = None
        if resource and op.output:
            updated = resource if resource in {m.wire_name for m in service.shapes[op.output].members} else None
        pairs.append(
            MergePair(
                update=op,
                describe=describe,
                resource=resource,
                updated=updated,
                identifiers=identifiers,
                carried=carried,
                dropped=tuple(sorted(returned - kept - set(identifiers))),
                last_modified="LastModifiedDate" if "LastModifiedDate" in returned else None,
                quirks=quirks,
                omitted=OMITTED.get(op.name),
            )
        )
    return pairs, skipped
