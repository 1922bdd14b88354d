"""Test code that updates Cognito against Cognito's own update semantics, in process.

moto's in-process cognito-idp merges an update into what it stores: a setting the request leaves
out keeps its value. Amazon Cognito replaces: "If you don't provide a value for an attribute,
Amazon Cognito sets it to its default value." Code that loses settings passes on moto and fails in
production. :func:`simulate` runs moto with the difference laid over it, for every update that has a
describe partner (the merge-on-update pairs of :mod:`cognito_typed.merges`)::

    import boto3
    from cognito_typed.testing import simulate

    with simulate() as cognito:  # moto's mock_aws, plus replace-on-update
        raw = boto3.client("cognito-idp", region_name="us-east-1")
        pool = raw.create_user_pool(PoolName="users")["UserPool"]["Id"]
        ...
        raw.update_user_pool_client(UserPoolId=pool, ClientId=client_id, ClientName="renamed")
        print(cognito.resets)  # what that update reset, member by member

What the simulator does on top of moto:

- an update sets every member the request omits to its documented default, or removes it
  (``cognito_typed.merges.<PAIR>.defaults``; the AWS sentence each follows is in the generator's
  table, ``codegen/resets.py``); members the describe output always returns (a client's name)
  and the few the docs say are kept (``keeps``) keep their value;
- ``LastModifiedDate`` moves on every write, for every resource whose describe output has one;
- the documented payload rules are enforced as the service would: a template with both
  ``EmailMessage`` and ``EmailMessageByLink``, two different pre-token-generation ARNs,
  describe-only ``ProviderDetails`` keys, and ``UnusedAccountValidityDays`` beside
  ``TemporaryPasswordValidityDays`` are refused with ``InvalidParameterException``;
- an update that names a pool or app client that does not exist is refused with
  ``ResourceNotFoundException``, and a domain update that names another pool than the domain's
  with ``InvalidParameterException`` ("The ID of the user pool that is associated with the domain
  you're updating.");
- ``DescribeIdentityProvider`` shows ``ProviderDetails`` as the "Describe response" examples of
  its documentation do: with the keys the service adds for the provider type (which the update
  refuses), and without a Sign in with Apple ``private_key`` (SAML's keys from the metadata
  document are not added);
- the operations of these pairs that moto does not implement are implemented (resource
  servers' updates, terms, CIMD policies, risk configuration, hosted-UI customization, log
  delivery, session configuration).

Which members are carried comes from the botocore model of the client making the call, as for
the merge: a member a newer botocore adds is reset by a raw update that omits it.
Clients must be made after the simulator starts (as with moto). It is for tests: one process,
state in memory, no IAM, no tiers.
"""

from cognito_typed.testing._simulator import SimulatedReset, Simulator, simulate

__all__ = ["SimulatedReset", "Simulator", "simulate"]
