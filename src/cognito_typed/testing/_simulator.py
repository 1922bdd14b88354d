"""The simulator behind :func:`cognito_typed.testing.simulate` (see the package docstring).

It hooks botocore's ``before-call`` event for cognito-idp, as moto hooks ``before-send``: the
operations it owns get their answer here and never reach moto's HTTP layer; the rest go on to
moto. For a resource moto stores, moto stays the source of existence (a describe of something
moto does not have is moto's error) and sees every write too, so that the operations moto
implements on its own keep working; what describe returns is the simulator's copy.
"""

from __future__ import annotations

import base64
import copy
import dataclasses
import hashlib
import json
import re
import threading
import uuid
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any, Self, cast

import botocore.handlers  # pyright: ignore[reportMissingTypeStubs]
import botocore.session  # pyright: ignore[reportMissingTypeStubs]
from botocore.awsrequest import AWSResponse  # pyright: ignore[reportMissingTypeStubs]
from botocore.exceptions import ClientError  # pyright: ignore[reportMissingTypeStubs]

from cognito_typed._runtime.merge import (  # pyright: ignore[reportPrivateUsage]
    MergeSpec,
    _get,  # pyright: ignore[reportPrivateUsage]
    _live,  # pyright: ignore[reportPrivateUsage]
    _sensitive,  # pyright: ignore[reportPrivateUsage]
    _with,  # pyright: ignore[reportPrivateUsage]
)

__all__ = ["SimulatedReset", "Simulator", "simulate"]

_EVENT = "before-call.cognito-identity-provider"


@dataclass(frozen=True)
class SimulatedReset:
    """One setting an update changed although its request did not name it."""

    operation: str
    identifiers: Mapping[str, Any]
    member: str  # wire name in the describe output
    before: Any  # None: was absent
    after: Any  # None: now absent
    sensitive: frozenset[str] = frozenset()  # wire names (the member, identifiers) whose values repr hides

    def __repr__(self) -> str:  # printed in test failures: a value the model marks sensitive never shows
        def show(name: str, value: Any) -> str:
            return "<absent>" if value is None else "<hidden>" if name in self.sensitive else repr(value)

        ids = ", ".join(f"{k!r}: {show(k, v)}" for k, v in self.identifiers.items())
        return (
            f"SimulatedReset(operation={self.operation!r}, identifiers={{{ids}}}, member={self.member!r}, "
            f"before={show(self.member, self.before)}, after={show(self.member, self.after)})"
        )


class _ServiceError(Exception):
    def __init__(self, code: str, message: str, status: int = 400) -> None:
        super().__init__(message)
        self.code, self.message, self.status = code, message, status


def _not_found(what: str) -> _ServiceError:
    return _ServiceError("ResourceNotFoundException", what)


def _invalid(message: str) -> _ServiceError:
    return _ServiceError("InvalidParameterException", message)


# What a describe returns for a resource that exists with its pool (or client) but was never set:
# these have no Create call. AWS returns the identifiers; the session configuration of an app
# client starts at "The default is 60." (ClientSSOSessionConfigType.MaxValidityMinutes).
_UNSET: dict[str, Callable[[Mapping[str, Any]], dict[str, Any]]] = {
    "DescribeRiskConfiguration": lambda ids: dict(ids),
    "GetUICustomization": lambda ids: {"UserPoolId": ids["UserPoolId"], "ClientId": ids.get("ClientId") or "ALL"},
    "GetLogDeliveryConfiguration": lambda ids: {"UserPoolId": ids["UserPoolId"], "LogConfigurations": []},
    "GetUserPoolClientSessionConfiguration": lambda ids: {**ids, "SSOSession": {"MaxValidityMinutes": 60}},
    "GetUserPoolSessionConfiguration": lambda ids: dict(ids),
}
# Update members that name what the resource belongs to, not a setting of it: an update that names
# another owner is refused, as the doc sentence beside each says.
_OWNER = {
    ("UpdateUserPoolDomain", "UserPoolId"): "The ID of the user pool that is associated with the domain you're "
    "updating. (UpdateUserPoolDomainRequest.UserPoolId)",
}
# DescribeIdentityProvider's ProviderDetails are not what the request set: "The following examples
# describe the provider detail keys for each IdP type." (IdentityProviderType.ProviderDetails) Its
# "Describe response" examples add, per type, the keys below (with these values: the provider's fixed
# endpoints), which the update refuses (the merge's describe_only); the SignInWithApple example
# has no private_key, which its "Create or update request" example sends. SAML's describe-only keys
# come from the metadata document and are not simulated.
_DESCRIBED_DETAILS: dict[str, dict[str, str]] = {
    "OIDC": {"attributes_url_add_attributes": "false"},
    "Google": {
        "attributes_url": "https://people.googleapis.com/v1/people/me?personFields=",
        "attributes_url_add_attributes": "true",
        "authorize_url": "https://accounts.google.com/o/oauth2/v2/auth",
        "oidc_issuer": "https://accounts.google.com",
        "token_request_method": "POST",
        "token_url": "https://www.googleapis.com/oauth2/v4/token",
    },
    "LoginWithAmazon": {
        "attributes_url": "https://api.amazon.com/user/profile",
        "attributes_url_add_attributes": "false",
        "authorize_url": "https://www.amazon.com/ap/oa",
        "token_request_method": "POST",
        "token_url": "https://api.amazon.com/auth/o2/token",
    },
    "Facebook": {  # {v}: the request's api_version (the example's is v17.0)
        "attributes_url": "https://graph.facebook.com/{v}/me?fields=",
        "attributes_url_add_attributes": "true",
        "authorize_url": "https://www.facebook.com/{v}/dialog/oauth",
        "token_request_method": "GET",
        "token_url": "https://graph.facebook.com/{v}/oauth/access_token",
    },
    "SignInWithApple": {
        "attributes_url_add_attributes": "false",
        "authorize_url": "https://appleid.apple.com/auth/authorize",
        "oidc_issuer": "https://appleid.apple.com",
        "token_request_method": "POST",
        "token_url": "https://appleid.apple.com/auth/token",
    },
}
_UNDESCRIBED_DETAILS = {"SignInWithApple": frozenset({"private_key"})}


def _shown(pair: _Pair, resource: Mapping[str, Any]) -> dict[str, Any]:
    """What a call returns for a resource the simulator holds: a copy, as the service shows it."""
    value = copy.deepcopy(dict(resource))
    found = value.get("ProviderDetails")
    if pair.spec.describe.__operation__ == "DescribeIdentityProvider" and isinstance(found, dict):
        details = cast(dict[str, Any], found)
        kind = str(value.get("ProviderType"))
        version = str(details.get("api_version", "v17.0"))
        hidden = _UNDESCRIBED_DETAILS.get(kind, frozenset[str]())
        shown = {k: v for k, v in details.items() if k not in hidden}
        for key, text in _DESCRIBED_DETAILS.get(kind, {}).items():
            shown.setdefault(key, text.replace("{v}", version))
        value["ProviderDetails"] = shown
    return value


# Members two describe calls both return: a write through one is seen by the other.
_SHARED = {("UpdateUserPool", "MfaConfiguration"): ("SetUserPoolMfaConfig", "MfaConfiguration")}
_SHARED.update({v: k for k, v in _SHARED.items()})


def _snake(name: str) -> str:
    return re.sub(r"(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])", "_", name).lower()


@dataclass(frozen=True)
class _Pair:
    spec: MergeSpec[Any, Any]
    create: str | None  # the operation that makes the resource, when there is one
    delete: str | None
    lists: str | None  # the operation that lists the resources, when the simulator must answer it
    moto: frozenset[str]  # the pair's operations moto implements


_PASS = threading.local()  # set while the simulator itself calls moto
_ACTIVE: list[Simulator] = []


def _before_call(model: Any, params: Mapping[str, Any], request_signer: Any, context: Any, **_: Any) -> Any:
    if not _ACTIVE or getattr(_PASS, "on", False) or model.service_model.service_name != "cognito-idp":
        return None
    return _ACTIVE[-1]._handle(model, params, request_signer, context)  # pyright: ignore[reportPrivateUsage]


_BUILTIN_HANDLERS = cast(list[tuple[str, Any]], botocore.handlers.BUILTIN_HANDLERS)  # pyright: ignore[reportUnknownMemberType]
if (_EVENT, _before_call) not in _BUILTIN_HANDLERS:
    # Every session made from now on carries the hook (inert while no simulator runs), as
    # moto's own. A session made before this import does not: make clients after it.
    _BUILTIN_HANDLERS.append((_EVENT, _before_call))


class Simulator:
    """moto's in-process Cognito with Amazon Cognito's replace-on-update semantics laid over it.

    Use :func:`simulate` (a context manager). ``resets`` lists, in order, every setting an update
    changed that its request did not name.
    """

    def __init__(self, *, start_moto: bool = True) -> None:
        self._start_moto = start_moto
        self._mock: Any = None
        self._lock = threading.RLock()
        self._store: dict[tuple[Any, ...], dict[str, Any]] = {}
        self._deleted: set[tuple[Any, ...]] = set()
        self._moto_clients: dict[tuple[str, str, str], Any] = {}
        self._pairs: dict[int, dict[str, tuple[str, _Pair]]] = {}
        self._last = datetime(2000, 1, 1, tzinfo=UTC)
        self.resets: list[SimulatedReset] = []

    # --- lifecycle ------------------------------------------------------------------------------

    def start(self) -> Self:
        if self._start_moto:
            from moto import mock_aws

            self._mock = mock_aws()
            self._mock.start()
        _ACTIVE.append(self)
        return self

    def stop(self) -> None:
        _ACTIVE.remove(self)
        if self._mock is not None:
            self._mock.stop()
            self._mock = None

    def __enter__(self) -> Self:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    # --- dispatch -------------------------------------------------------------------------------

    def _roles(self, service_model: Any) -> dict[str, tuple[str, _Pair]]:
        """Operation name -> (role, pair), for the client's own botocore model."""
        found = self._pairs.get(id(service_model))
        if found is None:
            from cognito_typed import merges

            names = set(service_model.operation_names)
            implemented = _moto_operations()
            found = {}
            for spec in (getattr(merges, n) for n in merges.__all__ if n != "SKIPPED"):
                noun = re.sub(r"^(Describe|Get)", "", spec.describe.__operation__)
                create = f"Create{noun}" if f"Create{noun}" in names else None
                delete = f"Delete{noun}" if f"Delete{noun}" in names else None
                plural = f"List{noun}s" if f"List{noun}s" in names else None
                if plural is None and f"List{noun[:-1]}ies" in names and noun.endswith("y"):
                    plural = f"List{noun[:-1]}ies"
                ops = {spec.update.__operation__, spec.describe.__operation__, create, delete, plural}
                pair = _Pair(spec, create, delete, plural, frozenset(o for o in ops if o and _snake(o) in implemented))
                found[spec.update.__operation__] = ("update", pair)
                found[spec.describe.__operation__] = ("describe", pair)
                if create:
                    found[create] = ("create", pair)
                if delete:
                    found[delete] = ("delete", pair)
                if plural and plural not in pair.moto:
                    found[plural] = ("list", pair)
            found["DeleteUserPool"] = ("delete-pool", found["DescribeUserPool"][1])
            self._pairs[id(service_model)] = found
        return found

    def _handle(self, model: Any, params: Mapping[str, Any], signer: Any, context: Any) -> Any:
        role = self._roles(model.service_model).get(model.name)
        if role is None:
            return None  # moto's
        kind, pair = role
        body = params.get("body") or b"{}"
        request: dict[str, Any] = json.loads(body.decode() if isinstance(body, bytes) else body)
        credentials = signer._credentials.get_frozen_credentials()  # the caller's account
        call = _Call(self, model, request, credentials, context.get("client_region") or "us-east-1")
        try:
            with self._lock:
                result = getattr(call, kind.replace("-", "_"))(pair)
        except _ServiceError as error:
            return _response(error.status, {"Error": {"Code": error.code, "Message": error.message}})
        return _response(200, result)

    # --- helpers for _Call ------------------------------------------------------------------------

    def _now(self) -> datetime:
        """A timestamp later than every one handed out before: LastModifiedDate always moves."""
        now = datetime.now(UTC)
        self._last = max(now, self._last + timedelta(milliseconds=1))
        return self._last

    def _moto(self, credentials: Any, region: str) -> Any:
        key = (credentials.access_key, credentials.secret_key, region)
        client = self._moto_clients.get(key)
        if client is None:
            client = self._moto_clients[key] = botocore.session.Session().create_client(  # pyright: ignore[reportUnknownMemberType]
                "cognito-idp",
                region_name=region,
                aws_access_key_id=credentials.access_key,
                aws_secret_access_key=credentials.secret_key,
                aws_session_token=credentials.token,
            )
        return client


def simulate(*, start_moto: bool = True) -> Simulator:
    """A :class:`Simulator` to use as a context manager. ``start_moto=False`` when the test already
    runs inside moto's ``mock_aws``."""
    return Simulator(start_moto=start_moto)


def _moto_operations() -> frozenset[str]:
    from moto.cognitoidp.responses import CognitoIdpResponse

    return frozenset(n for n in dir(CognitoIdpResponse) if not n.startswith("_"))


def _response(status: int, parsed: dict[str, Any]) -> tuple[Any, dict[str, Any]]:
    headers: dict[str, str] = {}
    metadata: dict[str, Any] = {
        "RequestId": str(uuid.uuid4()),
        "HTTPStatusCode": status,
        "HTTPHeaders": headers,
        "RetryAttempts": 0,
    }
    return AWSResponse("https://cognito-idp.simulated", status, headers, None), {**parsed, "ResponseMetadata": metadata}


class _Call:
    """One call the simulator answers."""

    def __init__(self, sim: Simulator, model: Any, request: dict[str, Any], credentials: Any, region: str) -> None:
        self.sim, self.model, self.request = sim, model, request
        self.credentials, self.region = credentials, region
        self.service_model = model.service_model

    # --- moto ---------------------------------------------------------------------------------------

    def moto(self, operation: str, params: Mapping[str, Any]) -> dict[str, Any]:
        """Call moto as the caller would; its error is the caller's error."""
        client = self.sim._moto(self.credentials, self.region)  # pyright: ignore[reportPrivateUsage]
        _PASS.on = True
        try:
            response: dict[str, Any] = getattr(client, _snake(operation))(**params)
        except ClientError as error:
            info = cast(dict[str, Any], error.response).get("Error", {})
            raise _ServiceError(str(info.get("Code")), str(info.get("Message")), 400) from None
        finally:
            _PASS.on = False
        response.pop("ResponseMetadata", None)
        return response

    def exists(self, ids: Mapping[str, Any]) -> None:
        """The pool (and app client) named by ``ids`` exist in moto, or moto's error is raised."""
        self.moto("DescribeUserPool", {"UserPoolId": ids["UserPoolId"]})
        if ids.get("ClientId") not in (None, "ALL"):
            self.moto("DescribeUserPoolClient", {"UserPoolId": ids["UserPoolId"], "ClientId": ids["ClientId"]})

    # --- the store ----------------------------------------------------------------------------------

    def key(self, pair: _Pair, ids: Mapping[str, Any]) -> tuple[Any, ...]:
        values = tuple(ids.get(i) for i in pair.spec.identifiers)
        if pair.spec.describe.__operation__ == "GetUICustomization" and values[-1] is None:
            values = (*values[:-1], "ALL")
        return (self.credentials.access_key, self.region, pair.spec.describe.__operation__, *values)

    def ids(self, pair: _Pair, request: Mapping[str, Any]) -> dict[str, Any]:
        return {i: request[i] for i in pair.spec.identifiers if i in request}

    def current(self, pair: _Pair, ids: Mapping[str, Any]) -> dict[str, Any]:
        """The resource as the simulator holds it, read from moto (or made) the first time."""
        spec, key = pair.spec, self.key(pair, ids)
        found = self.sim._store.get(key)  # pyright: ignore[reportPrivateUsage]
        if found is not None:
            return found
        describe = spec.describe.__operation__
        if key in self.sim._deleted:  # pyright: ignore[reportPrivateUsage]
            raise _not_found(f"{describe}: {dict(ids)} does not exist.")
        if describe in pair.moto:
            response = self.moto(describe, ids)
            resource = dict(response if spec.resource is None else response.get(spec.resource) or {})
        elif describe in _UNSET:
            self.exists(ids)
            resource = _UNSET[describe](ids)
        else:
            raise _not_found(f"{describe}: {dict(ids)} does not exist.")
        return self.keep(pair, ids, self.completed(pair, resource, resource))

    def keep(self, pair: _Pair, ids: Mapping[str, Any], resource: dict[str, Any]) -> dict[str, Any]:
        key = self.key(pair, ids)
        self.sim._store[key] = resource  # pyright: ignore[reportPrivateUsage]
        self.sim._deleted.discard(key)  # pyright: ignore[reportPrivateUsage]
        return resource

    def completed(self, pair: _Pair, resource: dict[str, Any], before: Mapping[str, Any]) -> dict[str, Any]:
        """``resource`` with the defaults AWS fills in for what it lacks, and its timestamps."""
        live = _live(self.service_model, pair.spec)
        for path, value in pair.spec.defaults:
            top, _, rest = path.partition(".")
            target = live.carried.get(top, top) + (f".{rest}" if rest else "")
            if _get(resource, target) is None:
                resource = _with(resource, target, copy.deepcopy(value))
        members = live.resource.members
        if "CreationDate" in members:
            resource.setdefault("CreationDate", before.get("CreationDate") or self.sim._now())  # pyright: ignore[reportPrivateUsage]
        if "LastModifiedDate" in members:
            resource["LastModifiedDate"] = self.sim._now()  # pyright: ignore[reportPrivateUsage]
        return resource

    def answer(self, pair: _Pair, resource: Mapping[str, Any], member: str | None) -> dict[str, Any]:
        value = _shown(pair, resource)
        return value if member is None else {member: value}

    # --- the roles ----------------------------------------------------------------------------------

    def describe(self, pair: _Pair) -> dict[str, Any]:
        return self.answer(pair, self.current(pair, self.ids(pair, self.request)), pair.spec.resource)

    def update(self, pair: _Pair) -> dict[str, Any]:
        spec, request = pair.spec, self.request
        ids = self.ids(pair, request)
        before = self.current(pair, ids)
        self.refuse_what_the_docs_refuse(pair, request, before)
        operation = spec.update.__operation__
        extra: dict[str, Any] = {}
        if operation in pair.moto:  # moto sees the write too (its other operations read its state)
            extra = self.moto(operation, request)
        after = self.completed(pair, self.replaced(pair, before, request), before)
        self.keep(pair, ids, after)
        self.record(pair, ids, before, after, request)
        self.share(pair, ids, after)
        output = self.service_model.operation_model(operation).output_shape
        answer = {k: v for k, v in extra.items() if output is not None and k in output.members}
        if spec.updated is not None:
            answer[spec.updated] = _shown(pair, after)
        return answer

    def create(self, pair: _Pair) -> dict[str, Any]:
        spec, request = pair.spec, self.request
        assert pair.create is not None
        if pair.create in pair.moto:
            response = self.moto(pair.create, request)
            made = response.get(spec.resource) if spec.resource else None
            if isinstance(made, dict):  # the create returns the resource: keep it, completed
                resource = dict(cast(dict[str, Any], made))
                live = _live(self.service_model, pair.spec)
                for member, value in request.items():  # what moto's older model dropped, as sent
                    if member in live.resource.members and member not in resource:
                        resource[member] = copy.deepcopy(value)
                resource = self.completed(pair, resource, {})
                self.keep(pair, self.ids(pair, {**request, **_ids_of(resource)}), resource)
                response[spec.resource] = _shown(pair, resource)  # type: ignore[index]
            return response
        self.exists(request)
        live = _live(self.service_model, pair.spec)
        resource = {m: v for m, v in request.items() if m in live.resource.members}
        for identifier in spec.identifiers:  # the new resource's own id (TermsId, CIMDPolicyId)
            if identifier not in resource:
                resource[identifier] = _new_id(self.service_model, live.resource.members[identifier])
        resource = self.completed(pair, resource, {})
        self.keep(pair, self.ids(pair, resource), resource)
        return self.answer(pair, resource, spec.resource)

    def delete(self, pair: _Pair) -> dict[str, Any]:
        assert pair.delete is not None
        ids = self.ids(pair, self.request)
        if pair.delete in pair.moto:
            response = self.moto(pair.delete, self.request)
        else:
            self.current(pair, ids)  # not found: the error
            response = {}
        key = self.key(pair, ids)
        self.sim._store.pop(key, None)  # pyright: ignore[reportPrivateUsage]
        if pair.spec.describe.__operation__ in pair.moto or pair.delete not in pair.moto:
            self.sim._deleted.add(key)  # pyright: ignore[reportPrivateUsage]
        return response

    def delete_pool(self, pair: _Pair) -> dict[str, Any]:
        response = self.moto("DeleteUserPool", self.request)
        pool = self.request["UserPoolId"]
        store = self.sim._store  # pyright: ignore[reportPrivateUsage]
        for key in [k for k in store if k[:2] == (self.credentials.access_key, self.region) and pool in k[3:]]:
            del store[key]
        return response

    def list(self, pair: _Pair) -> dict[str, Any]:
        assert pair.lists is not None
        output = self.service_model.operation_model(pair.lists).output_shape
        member = next(n for n, m in output.members.items() if m.type_name == "list")
        wanted = {k: v for k, v in self.request.items() if k in pair.spec.identifiers}
        self.exists(wanted)
        prefix = (self.credentials.access_key, self.region, pair.spec.describe.__operation__)
        items = [
            copy.deepcopy(r)
            for k, r in self.sim._store.items()  # pyright: ignore[reportPrivateUsage]
            if k[:3] == prefix and all(r.get(n) == v for n, v in wanted.items())
        ]
        return {member: items}

    # --- replace-on-update ----------------------------------------------------------------------------

    def replaced(self, pair: _Pair, before: Mapping[str, Any], request: Mapping[str, Any]) -> dict[str, Any]:
        """The resource after an update that replaces it with ``request``."""
        spec = pair.spec
        live = _live(self.service_model, spec)
        carried = live.carried  # update member -> describe member, from the caller's model
        always = self.always_returned(pair)
        after = {k: v for k, v in before.items() if k not in carried.values()}  # read-only members stay
        for update_member, describe_member in carried.items():
            if update_member in request:
                after[describe_member] = copy.deepcopy(request[update_member])
            elif describe_member in before and (describe_member in always or update_member in spec.keeps):
                after[describe_member] = before[describe_member]
        for a, b in spec.mirrors:  # the service keeps these identical
            given_a, given_b = _get(request, a), _get(request, b)
            a, b = _renamed(carried, a), _renamed(carried, b)
            if given_a is not None and given_b is None and _get(after, b) is not None:
                after = _with(after, b, given_a)
            elif given_b is not None and given_a is None and _get(after, a) is not None:
                after = _with(after, a, given_b)
        if spec.update.__operation__ == "SetUICustomization":  # the describe shows a URL for the file
            after.pop("ImageUrl", None)
            if request.get("ImageFile"):
                digest = hashlib.sha256(base64.b64decode(request["ImageFile"])).hexdigest()[:16]
                after["ImageUrl"] = f"https://simulated.cognito.example/{before.get('UserPoolId')}/{digest}.png"
            after["CSSVersion"] = str(uuid.uuid4())
        return after

    def always_returned(self, pair: _Pair) -> frozenset[str]:
        """Members the describe output always has (the model requires them, or AWS always returns them)."""
        live = _live(self.service_model, pair.spec)
        required = set(live.resource.required_members)
        for f in dataclasses.fields(pair.spec.resource_model):
            if f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING and "wire" in f.metadata:
                required.add(f.metadata["wire"])
        return frozenset(required)

    def refuse_what_the_docs_refuse(self, pair: _Pair, request: Mapping[str, Any], before: Mapping[str, Any]) -> None:
        spec = pair.spec
        # The pool and app client an update names exist (the resource's own were found already; this
        # is the one it is moved to: "The ID of the app client that you want to associate with the
        # CIMD policy."). A missing one is the same ResourceNotFoundException as for any call.
        self.exists({k: request[k] for k in ("UserPoolId", "ClientId") if k in request})
        for (operation, member), sentence in _OWNER.items():
            owner = before.get(member)  # None: nothing found (moto's update reports the missing resource)
            if operation == spec.update.__operation__ and owner is not None and request.get(member, owner) != owner:
                # The error code is assumed (AWS's is unverified here); that it is refused follows the sentence.
                raise _invalid(f"{member} {request[member]} is not the one of this resource: {sentence}")
        for structure, selector, choices in spec.one_of:
            node = _get(request, structure)
            if isinstance(node, dict) and sum(1 for _, m in choices if m in node) > 1:
                raise _invalid(f"{structure}: supply one of {', '.join(m for _, m in choices)} for {selector}.")
        for a, b in spec.mirrors:
            if None not in (_get(request, a), _get(request, b)) and _get(request, a) != _get(request, b):
                raise _invalid(f"{a} and {b} must be identical.")
        for path, other in spec.drop_when_present:
            if _get(request, path) is not None and _get(request, other) is not None:
                name, other_name = path.rsplit(".", 1)[-1], other.rsplit(".", 1)
                raise _invalid(f"Please use {other_name[-1]} in {other_name[0].split('.')[-1]} instead of {name}")
        for member, keys, when in spec.describe_only:
            given = request.get(member)
            if isinstance(given, dict) and (when is None or before.get(when[0]) == when[1]):
                for key in sorted(keys & given.keys()):
                    raise _invalid(
                        f"{key} is not a valid key for {before.get('ProviderType')} identity provider details"
                    )

    def record(
        self, pair: _Pair, ids: Mapping[str, Any], before: Mapping[str, Any], after: Mapping[str, Any], request: Any
    ) -> None:
        live = _live(self.service_model, pair.spec)
        named = {live.carried[u] for u in request if u in live.carried}
        secrets = {live.carried.get(path, path) for path, _ in pair.spec.secrets}  # the table's (ProviderDetails)
        for member in live.carried.values():
            if member not in named and before.get(member) != after.get(member):
                shapes = {member: live.resource.members.get(member)}
                shapes.update({k: live.update.members.get(k) for k in ids})
                hidden = frozenset(k for k, shape in shapes.items() if k in secrets or (shape and _sensitive(shape)))
                self.sim.resets.append(
                    SimulatedReset(
                        pair.spec.update.__operation__,
                        dict(ids),
                        member,
                        before.get(member),
                        after.get(member),
                        hidden,
                    )
                )

    def share(self, pair: _Pair, ids: Mapping[str, Any], after: Mapping[str, Any]) -> None:
        for (update, member), (other_update, other_member) in _SHARED.items():
            if update != pair.spec.update.__operation__:
                continue
            _, other = self.sim._roles(self.service_model)[other_update]  # pyright: ignore[reportPrivateUsage]
            held = self.sim._store.get(self.key(other, ids))  # pyright: ignore[reportPrivateUsage]
            if held is not None:
                if member in after:
                    held[other_member] = after[member]
                else:
                    held.pop(other_member, None)


def _ids_of(resource: Mapping[str, Any]) -> dict[str, Any]:
    """A resource's identifiers by the names describe calls take them (a pool's Id is its UserPoolId)."""
    out = dict(resource)
    if "UserPoolId" not in out and "Id" in out:
        out["UserPoolId"] = out["Id"]
    return out


def _renamed(carried: Mapping[str, str], path: str) -> str:
    top, _, rest = path.partition(".")
    return carried.get(top, top) + (f".{rest}" if rest else "")


def _new_id(service_model: Any, shape: Any) -> str:
    pattern = shape.metadata.get("pattern", "")
    if "[4]" in pattern or "{8}-" in pattern:  # a UUID
        return str(uuid.uuid4())
    return uuid.uuid4().hex[: shape.metadata.get("max", 32)]
