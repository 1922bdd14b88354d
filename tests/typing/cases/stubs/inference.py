# checkers: mypy
"""The plugin types the client in all three construction forms, without any annotation.

mypy only: pyright infers these through the partial boto3 stub while boto3-stubs is not
installed, and otherwise needs the annotation (see ok_calls.py).
"""

from typing import Final

import boto3
import boto3.session
import botocore.session

SERVICE: Final = "cognito-idp"

reveal_type(boto3.client("cognito-idp"))
reveal_type(boto3.client(service_name="cognito-idp", region_name="eu-west-1"))
reveal_type(boto3.client(SERVICE))
reveal_type(boto3.session.Session().client("cognito-idp"))
reveal_type(boto3.Session(profile_name="dev").client("cognito-idp"))
reveal_type(botocore.session.get_session().create_client("cognito-idp"))
reveal_type(botocore.session.Session().create_client("cognito-idp", region_name="eu-west-1"))
reveal_type(boto3.client("s3"))

client = boto3.client("cognito-idp")
client.admin_get_user(UserPoolId="eu-west-1_AbC", Usernme="alice")
