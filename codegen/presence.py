"""Which response members Amazon Cognito returns on every successful call: one source for both packages.

botocore's model marks almost every output member optional. That is honest about the wire format but
not about the service: ``DescribeUserPool`` always returns ``UserPool``, a user pool always has an
``Id``. Code typed against the raw model must narrow what is always there; code that is not narrowed
gets false alarms. This module decides, per *output* structure member, whether the member is
**always present** on a successful response, from three rules over the model and one small table:

``resource``
    The member an operation is named for: ``Verb`` + ``Noun`` where the verb is one of
    :data:`RESOURCE_VERBS` (after an ``Admin`` prefix) and the output has a member named ``Noun``
    (``CreateUserPool`` -> ``UserPool``, ``AdminCreateUser`` -> ``User``,
    ``DescribeTermsByClient`` -> ``Terms``). A successful read or write of a resource returns it.
``listing``
    The list a ``List...`` operation returns: the paginator's result key, or the one list member
    beside the pagination tokens (``ListUsers`` -> ``Users``; an empty result is ``[]``). Maps
    (``ListTagsForResource`` -> ``Tags``) are not included.
``identifier``
    Inside a structure found by the two rules above (the resource, or an item of the list):
    ``Id`` and ``Arn``, and every member whose name is a *required input* of an operation that
    creates, reads or lists that resource (``DescribeUserPoolClient(UserPoolId, ClientId)`` ->
    ``UserPoolClientType.ClientId``; ``ListGroups`` items are read by ``GetGroup(GroupName, ...)``).
    Something the caller must name a resource by is part of what the service returns for it.

:data:`TABLE` then adds what the rules cannot see and removes what they get wrong, each entry with
its public evidence (an AWS documentation sentence or documented response, or for a removal the
source that contradicts the rule). Everything else stays optional: the results and challenges of
the auth flows, pagination tokens, optional settings inside a described resource, MFA settings.

A member is listed only when AWS returns it on every success *and* moto's in-process cognito-idp
(the version requirements-dev.txt pins) returns it too, so typed code that relies on it runs on moto:
``tests/test_presence.py`` calls every operation moto implements and checks each listed member.

Use :func:`always_present` (the set) and :func:`reasons` (why, for docs and tests). Members the model
already requires are not listed: they are required anyway.

**Presence that depends on the request.** Some members are there for one kind of call only: a
``REFRESH_TOKEN_AUTH`` sign-in always returns ``AuthenticationResult``, ``USER_SRP_AUTH`` always
answers with a challenge, and tokens from a password or challenge flow carry a ``RefreshToken``
(a refresh does not). :data:`VARIANTS` lists these, each with its evidence; :func:`variants` gives
them for a model and :func:`selected` picks the one a concrete request gets. The stubs turn them
into overloads keyed on the request; a response model can use :func:`selected` the same way.
:func:`always_present` does not include them: they hold for some calls, not for every success.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Mapping
from dataclasses import dataclass

from codegen.ir import Member, Operation, Service, Shape
from codegen.types import reachable

__all__ = [
    "RESOURCE_VERBS",
    "TABLE",
    "VARIANTS",
    "Entry",
    "Variant",
    "always_present",
    "problems",
    "reasons",
    "selected",
    "variants",
]

RESOURCE_VERBS = ("Create", "Describe", "Get", "Update", "Set", "Start", "Stop")
_ADDRESSING_VERBS = frozenset({"Create", "Describe", "Get"})  # their required inputs name (or define) the resource
_TOKENS = frozenset({"NextToken", "PaginationToken"})
_IDS = frozenset({"Id", "Arn"})


@dataclass(frozen=True)
class Entry:
    """One exception to the rules: ``present`` adds the member, ``not present`` removes it."""

    shape: str  # an output structure
    member: str  # its wire name
    present: bool
    evidence: str  # the sentence or documented response, quoted
    source: str  # where it is published


_UG = "https://docs.aws.amazon.com/cognito/latest/developerguide"
_API = "https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference"
_CLI = "https://awscli.amazonaws.com/v2/documentation/api/latest/reference/cognito-idp"
_TOKENS_PAGE = f"{_UG}/amazon-cognito-user-pools-using-tokens-with-identity-providers.html"
_TOKEN_SENTENCE = (
    "If the login is successful, Amazon Cognito creates a session and returns an ID token, an access token, "
    "and a refresh token for the authenticated user. [...] Refresh a token to retrieve a new ID and access tokens."
)
_AUTH_OUTPUT = (
    'Documented output of respond-to-auth-challenge: "AuthenticationResult": {"AccessToken": ..., '
    '"ExpiresIn": 3600, "TokenType": "Bearer", "RefreshToken": ..., "IdToken": ...} (every documented '
    "AuthenticationResult carries ExpiresIn and TokenType)."
)
_LIST_USERS_OUTPUT = (
    'Documented output of list-users: each user has "Username", "Enabled", "UserStatus", "UserCreateDate", '
    '"UserLastModifiedDate" and "Attributes" of {"Name": ..., "Value": ...} pairs.'
)
_SUB = (
    "Amazon Cognito assigns a unique user identifier value to each user's sub attribute "
    "(so a user's attributes are never empty)."
)
_POOL_NAME = "CreateUserPool: PoolName [REQUIRED] - A friendly name for your user pool (returned as Name)."
_ATTRIBUTES_TO_GET = (
    "ListUsers: When you don't provide an AttributesToGet parameter, Amazon Cognito returns all attributes for "
    "each user. [...] Amazon Cognito returns an error if not all users in the results have set a value for the "
    "attribute you request. (And every user has a sub attribute.)"
)

# Sorted by shape, then member. Keep each entry's evidence to what the source says.
TABLE: tuple[Entry, ...] = (
    Entry("AdminGetUserResponse", "Enabled", True, _LIST_USERS_OUTPUT, f"{_CLI}/admin-get-user.html"),
    Entry("AdminGetUserResponse", "UserAttributes", True, _SUB, f"{_UG}/user-pool-settings-attributes.html"),
    Entry("AdminGetUserResponse", "UserCreateDate", True, _LIST_USERS_OUTPUT, f"{_CLI}/admin-get-user.html"),
    Entry("AdminGetUserResponse", "UserLastModifiedDate", True, _LIST_USERS_OUTPUT, f"{_CLI}/admin-get-user.html"),
    Entry("AdminGetUserResponse", "UserStatus", True, _LIST_USERS_OUTPUT, f"{_CLI}/admin-get-user.html"),
    Entry(
        "AssociateSoftwareTokenResponse",
        "SecretCode",
        True,
        "AssociateSoftwareToken: Begins setup of time-based one-time password (TOTP) multi-factor authentication "
        "(MFA) for a user, with a unique private key that Amazon Cognito generates and returns in the API response.",
        f"{_API}/API_AssociateSoftwareToken.html",
    ),
    Entry(
        "AttributeType",
        "Value",
        True,
        "UserType.Attributes: Names and values of a user's attributes. " + _LIST_USERS_OUTPUT,
        f"{_API}/API_UserType.html",
    ),
    Entry("AuthenticationResultType", "AccessToken", True, _TOKEN_SENTENCE, _TOKENS_PAGE),
    Entry("AuthenticationResultType", "ExpiresIn", True, _AUTH_OUTPUT, f"{_CLI}/respond-to-auth-challenge.html"),
    Entry("AuthenticationResultType", "IdToken", True, _TOKEN_SENTENCE, _TOKENS_PAGE),
    Entry("AuthenticationResultType", "TokenType", True, _AUTH_OUTPUT, f"{_CLI}/respond-to-auth-challenge.html"),
    Entry(
        "IdentityProviderType",
        "UserPoolId",
        False,
        "AWS returns it, but moto's CognitoIdpIdentityProvider.to_json() has no UserPoolId: typed code that "
        "relied on it would break on moto.",
        "moto 5.2.5, moto/cognitoidp/models.py",
    ),
    Entry("UserPoolDescriptionType", "Name", True, _POOL_NAME, f"{_API}/API_CreateUserPool.html"),
    Entry("UserPoolType", "Name", True, _POOL_NAME, f"{_API}/API_CreateUserPool.html"),
    Entry("UserType", "Attributes", True, _ATTRIBUTES_TO_GET, f"{_API}/API_ListUsers.html"),
    Entry("UserType", "Enabled", True, _LIST_USERS_OUTPUT, f"{_CLI}/list-users.html"),
    Entry("UserType", "UserCreateDate", True, _LIST_USERS_OUTPUT, f"{_CLI}/list-users.html"),
    Entry("UserType", "UserLastModifiedDate", True, _LIST_USERS_OUTPUT, f"{_CLI}/list-users.html"),
    Entry("UserType", "UserStatus", True, _LIST_USERS_OUTPUT, f"{_CLI}/list-users.html"),
)


@dataclass(frozen=True)
class Variant:
    """Members always present in the responses to some requests of some operations.

    ``when`` names the request member the variant depends on (None: every call of the operations);
    ``values`` are the enum values of that member that select it (empty: whenever it is passed).
    ``present`` lists (output structure, wire name) pairs: the operations' outputs, or structures
    reached from them through structure members (``AuthenticationResultType`` inside an auth response).
    """

    name: str  # joins the generated TypedDict names: InitiateAuthRefreshResponseTypeDef
    operations: tuple[str, ...]
    present: tuple[tuple[str, str], ...]
    evidence: str
    source: str
    when: str | None = None
    values: tuple[str, ...] = ()


_AUTH_FLOW = f"{_API}/API_InitiateAuth.html#CognitoUserPools-InitiateAuth-request-AuthFlow"
_INITIATE = ("AdminInitiateAuth", "InitiateAuth")
_SIGN_IN_FLOWS = ("ADMIN_NO_SRP_AUTH", "ADMIN_USER_PASSWORD_AUTH", "CUSTOM_AUTH", "USER_AUTH", "USER_PASSWORD_AUTH")
_SIGNED_IN = (
    "If the login is successful, Amazon Cognito creates a session and returns an ID token, an access token, "
    "and a refresh token for the authenticated user."
)
_MFA_SETUP = (
    "ChallengeName MFA_SETUP: use the session returned in this challenge from InitiateAuth or AdminInitiateAuth "
    "as an input to AssociateSoftwareToken. Then, use the session returned by VerifySoftwareToken as an input to "
    "RespondToAuthChallenge or AdminRespondToAuthChallenge with challenge name MFA_SETUP to complete sign-in."
)

# Sorted by name, then operations. moto 5.2.5 returns every listed member for the calls that select the
# variant (tests/test_presence.py); where moto does not implement a flow, the evidence alone decides.
VARIANTS: tuple[Variant, ...] = (
    Variant(
        "Refresh",
        _INITIATE,
        (("AdminInitiateAuthResponse", "AuthenticationResult"), ("InitiateAuthResponse", "AuthenticationResult")),
        "AuthFlow: REFRESH_TOKEN_AUTH will take in a valid refresh token and return new tokens. (Developer guide: "
        "Refresh a token to retrieve a new ID and access tokens.)",
        _AUTH_FLOW,
        when="AuthFlow",
        values=("REFRESH_TOKEN", "REFRESH_TOKEN_AUTH"),
    ),
    Variant(
        "SignIn",
        _INITIATE,
        (("AuthenticationResultType", "RefreshToken"),),
        _SIGNED_IN + " (A refresh, REFRESH_TOKEN_AUTH, returns no new refresh token.)",
        _TOKENS_PAGE,
        when="AuthFlow",
        values=_SIGN_IN_FLOWS,
    ),
    Variant(
        "SignIn",
        ("AdminRespondToAuthChallenge", "RespondToAuthChallenge"),
        (("AuthenticationResultType", "RefreshToken"),),
        "AuthenticationResult: After your application has passed all challenges, Amazon Cognito returns an "
        "AuthenticationResult with the JSON web tokens (JWTs) that indicate successful sign-in. Developer guide "
        "(understanding user pool JWTs): " + _SIGNED_IN,
        f"{_API}/API_RespondToAuthChallenge.html#CognitoUserPools-RespondToAuthChallenge-response-AuthenticationResult",
    ),
    Variant(
        "Srp",
        _INITIATE,
        tuple(
            (shape, member)
            for shape in ("AdminInitiateAuthResponse", "InitiateAuthResponse")
            for member in ("ChallengeName", "ChallengeParameters", "Session")
        ),
        "AuthFlow: USER_SRP_AUTH will take in USERNAME and SRP_A and return the SRP variables to be used for next "
        "challenge execution (the PASSWORD_VERIFIER challenge). AuthenticationResult: If they must pass another "
        "challenge before they get tokens, Amazon Cognito returns a challenge in ChallengeName, ChallengeParameters, "
        "and Session response parameters.",
        _AUTH_FLOW,
        when="AuthFlow",
        values=("USER_SRP_AUTH",),
    ),
    Variant(
        "WithSession",
        ("AssociateSoftwareToken",),
        (("AssociateSoftwareTokenResponse", "Session"),),
        "AssociateSoftwareToken Session: The session that should be passed both ways in challenge-response calls "
        "to the service. This allows authentication of the user as part of the MFA setup process. "
        "(VerifySoftwareToken Session: The session ID from an AssociateSoftwareToken request.)",
        "https://aws-amplify.github.io/aws-sdk-ios/docs/reference/AWSCognitoIdentityProvider/Classes/"
        "AWSCognitoIdentityProviderAssociateSoftwareTokenRequest.html",
        when="Session",
    ),
    Variant(
        "WithSession",
        ("VerifySoftwareToken",),
        (("VerifySoftwareTokenResponse", "Session"),),
        _MFA_SETUP,
        f"{_API}/API_InitiateAuth.html#CognitoUserPools-InitiateAuth-response-ChallengeName",
        when="Session",
    ),
)


# --------------------------------------------------------------------------- the rules


def _noun(op: Operation) -> tuple[str, str] | None:
    """``AdminCreateUser`` -> ``("Create", "User")``; None when the verb is not a resource verb."""
    name = op.name.removeprefix("Admin")
    for verb in RESOURCE_VERBS:
        if name.startswith(verb) and name[len(verb) : len(verb) + 1].isupper():
            return verb, name[len(verb) :]
    return None


def _singular(noun: str) -> str:
    return noun[:-1] if noun.endswith("s") and not noun.endswith("ss") else noun


def _resource_member(service: Service, op: Operation) -> str | None:
    """The member ``op`` is named for (rule ``resource``), if its output has one."""
    verb_noun = _noun(op)
    if op.output is None or verb_noun is None:
        return None
    noun = verb_noun[1]
    members = {m.wire_name for m in service.shapes[op.output].members}
    if noun in members:
        return noun
    by = re.match(r"(\w+?)By[A-Z]\w*$", noun)  # DescribeTermsByClient -> Terms
    return by.group(1) if by and by.group(1) in members else None


def _listing_member(service: Service, op: Operation) -> str | None:
    """The list a List operation returns (rule ``listing``)."""
    if op.output is None or not op.name.removeprefix("Admin").startswith("List"):
        return None
    if op.paginator is not None:
        return op.paginator.result_key
    candidates = [m for m in service.shapes[op.output].members if m.wire_name not in _TOKENS]
    if len(candidates) == 1 and service.shapes[candidates[0].shape].kind == "list":
        return candidates[0].wire_name
    return None


def _member_shape(service: Service, structure: str, wire: str) -> Shape:
    return service.shapes[next(m.shape for m in service.shapes[structure].members if m.wire_name == wire)]


def _required_inputs(service: Service, op: Operation) -> set[str]:
    return {m.wire_name for m in service.shapes[op.input].members if m.required}


def _readers(service: Service) -> dict[str, set[str]]:
    """Resource noun -> required inputs of every operation that creates or reads it."""
    out: dict[str, set[str]] = {}
    for op in service.operations:
        verb_noun = _noun(op)
        if verb_noun is not None and verb_noun[0] in _ADDRESSING_VERBS:
            out.setdefault(verb_noun[1], set()).update(_required_inputs(service, op))
    return out


def _derive(service: Service) -> dict[tuple[str, str], str]:
    found: dict[tuple[str, str], str] = {}
    # Structure -> names it is addressed by (required inputs of the operations returning or reading it).
    addressed: dict[str, set[str]] = {}
    readers = _readers(service)
    for op in service.operations:
        if op.output is None:
            continue
        resource = _resource_member(service, op)
        if resource is not None:
            found[(op.output, resource)] = "rule resource"
            shape = _member_shape(service, op.output, resource)
            verb = _noun(op)
            if shape.kind == "structure" and verb is not None and verb[0] in _ADDRESSING_VERBS:
                addressed.setdefault(shape.name, set()).update(_required_inputs(service, op))
        listing = _listing_member(service, op)
        if listing is not None:
            found[(op.output, listing)] = "rule listing"
            item = _member_shape(service, op.output, listing).item
            if item is not None and service.shapes[item].kind == "structure":
                noun = _singular(op.name.removeprefix("Admin").removeprefix("List"))
                addressed.setdefault(item, set()).update(_required_inputs(service, op) | readers.get(noun, set()))
    for structure, names in addressed.items():
        for m in service.shapes[structure].members:
            if m.wire_name in _IDS or m.wire_name in names:
                found.setdefault((structure, m.wire_name), "rule identifier")
    return found


# --------------------------------------------------------------------------- the result


def _outputs(service: Service) -> set[str]:
    return {
        n
        for n in reachable(service, [op.output for op in service.operations if op.output])
        if service.shapes[n].kind == "structure" and not service.shapes[n].exception
    }


SERVICE = "cognito-idp"  # the model TABLE and VARIANTS are about; other models (test fixtures) get the rules only


def _table(service: Service, derived: dict[tuple[str, str], str]) -> tuple[list[Entry], list[str]]:
    """The entries that fit the model, and a message for each that does not (an older or newer model)."""
    if service.service_name != SERVICE:
        return [], []
    outputs = _outputs(service)
    fitting: list[Entry] = []
    problems: list[str] = []
    for e in TABLE:
        shape = service.shapes.get(e.shape)
        member = next((m for m in shape.members if m.wire_name == e.member), None) if shape else None
        where = f"presence table {e.shape}.{e.member}"
        if shape is None or e.shape not in outputs:
            problems.append(f"{where}: the model has no output structure {e.shape} (entry skipped)")
        elif member is None:
            problems.append(f"{where}: {e.shape} has no member {e.member} (entry skipped)")
        elif member.required:
            problems.append(f"{where}: the model requires it already (entry obsolete)")
        elif e.present and (e.shape, e.member) in derived:
            problems.append(f"{where}: a rule derives it already (entry obsolete)")
        elif not e.present and (e.shape, e.member) not in derived:
            problems.append(f"{where}: removes what no rule derives (entry skipped)")
        else:
            fitting.append(e)
    return fitting, problems


def _derived(service: Service) -> dict[tuple[str, str], str]:
    return {
        key: why
        for key, why in _derive(service).items()
        if not next(m for m in service.shapes[key[0]].members if m.wire_name == key[1]).required
    }


def _reasons(service: Service) -> dict[tuple[str, str], str]:
    derived = _derived(service)
    for e in _table(service, derived)[0]:
        if e.present:
            derived[(e.shape, e.member)] = f"table: {e.evidence} ({e.source})"
        else:
            del derived[(e.shape, e.member)]
    return dict(sorted(derived.items()))


def problems(service: Service) -> list[str]:
    """A message for each entry of :data:`TABLE` and :data:`VARIANTS` that does not fit ``service``'s model
    (an older or newer botocore): the generator warns with them; such entries are left out or trimmed."""
    return _table(service, _derived(service))[1] + _variants(service)[1]


def reasons(service: Service) -> dict[tuple[str, str], str]:
    """Every always-present member, ``(structure, wire name) -> why`` (``rule ...`` or ``table: evidence``)."""
    return dict(_reasons(service))


def always_present(service: Service) -> frozenset[tuple[str, str]]:
    """``(output structure shape name, wire member name)`` of the members AWS returns on every success.

    Only members the model leaves optional are listed. A structure used on both sides (``AttributeType``)
    is affected on the output side only: requests keep the model's ``required``.
    """
    return frozenset(_reasons(service))


# --------------------------------------------------------------------------- presence by request


def _variants(service: Service) -> tuple[list[Variant], list[str]]:
    """The variants that fit the model (enum values it lacks left out), and a message for what does not fit."""
    if service.service_name != SERVICE:
        return [], []
    ops = {op.name: op for op in service.operations}
    out: list[Variant] = []
    problems: list[str] = []
    taken: dict[tuple[str, str | None], set[str] | None] = {}  # (operation, member) -> values so far (None: all)
    for v in VARIANTS:
        where = f"presence variant {v.name} of {'/'.join(v.operations)}"
        missing = [name for name in v.operations if name not in ops]
        gone = [f"{s}.{w}" for s, w in v.present if not any(m.wire_name == w for m in _members(service, s))]
        if missing or gone:
            problems.append(f"{where}: the model has no {', '.join(missing + gone)} (variant skipped)")
            continue
        values = v.values
        if v.when is not None:
            members = [next((m for m in service.shapes[ops[n].input].members if m.wire_name == v.when), None)
                       for n in v.operations]  # fmt: skip
            if any(m is None for m in members):
                problems.append(f"{where}: a request has no member {v.when} (variant skipped)")
                continue
            enums = [set(service.shapes[m.shape].enum) for m in members if m is not None]
            values = tuple(x for x in v.values if all(x in enum for enum in enums))
            if set(v.values) - set(values):
                problems.append(f"{where}: {v.when} has no value {', '.join(sorted(set(v.values) - set(values)))}")
            if v.values and not values:
                continue
        for name in v.operations:
            output = ops[name].output
            tree = reachable(service, [output]) if output else set[str]()
            if not any(shape in tree for shape, _ in v.present):
                raise ValueError(f"{where}: nothing it lists is in {name}'s response")
            so_far = taken.setdefault((name, v.when), set())
            if so_far is None or (values and so_far & set(values)) or (not values and so_far):
                raise ValueError(f"{where}: overlaps another variant of {name}")
            taken[(name, v.when)] = so_far | set(values) if values else None
        out.append(dataclasses.replace(v, values=values))
    if len({op for op, _ in taken}) != len(taken):
        raise ValueError("presence variants: an operation's variants depend on two different request members")
    return out, problems


def _members(service: Service, shape: str) -> tuple[Member, ...]:
    return service.shapes[shape].members if shape in service.shapes else ()


def variants(service: Service) -> tuple[Variant, ...]:
    """The :data:`VARIANTS` that fit ``service``'s model (see :func:`problems` for what does not)."""
    return tuple(_variants(service)[0])


def selected(service: Service, operation: str, request: Mapping[str, object]) -> Variant | None:
    """The variant a request of ``operation`` (its wire-name keys and values) gets, or None."""
    for v in variants(service):
        if operation in v.operations and (
            v.when is None or (v.when in request and (not v.values or request[v.when] in v.values))
        ):
            return v
    return None
