"""Only the literal "cognito-idp" gives the Cognito client; any other or unknown name does not."""

import boto3
import boto3.session


def get_client(service):  # type: ignore[no-untyped-def]  # typical untyped helper
    return boto3.client(service_name=service)


def get_session_client(service, region):  # type: ignore[no-untyped-def]
    return boto3.session.Session(region_name=region).client(service)


def identity() -> str:
    sts = get_client("sts")  # type: ignore[no-untyped-call]
    ses = get_session_client("ses", "eu-west-1")  # type: ignore[no-untyped-call]
    account: str = sts.get_caller_identity()["Account"]
    quota = ses.get_send_quota()
    return account + str(quota)


cognito = boto3.client("cognito-idp")
reveal_type(cognito)
reveal_type(boto3.session.Session().client("cognito-idp"))
cognito.admin_get_usr(UserPoolId="eu-west-1_AbC", Username="alice")
