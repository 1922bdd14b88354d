"""``python -m cognito_idp_typed.check``: the plugin's constraint checks without mypy, same messages.

The mypy side of each comparison is the committed mypy snapshot of the same case
(tests/typing/cases/stubs/*.mypy.txt, produced by mypy with the plugin and checked by
test_typing_snapshots.py), so the two cannot drift apart silently.
"""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

check = pytest.importorskip("cognito_idp_typed.check", reason="install the stubs: pip install -e ./stubs")

CASES = Path(__file__).resolve().parent / "typing" / "cases" / "stubs"


def _run(*args: str, cwd: Path = CASES) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "cognito_idp_typed.check", *args], cwd=cwd, capture_output=True, text=True, timeout=120
    )


@pytest.mark.parametrize("case", ["constraints", "invalid_literal", "not_literal", "coexistence"])
def test_same_messages_as_the_mypy_plugin(case: str) -> None:
    path = next(CASES.rglob(f"{case}.py"))
    expected = [
        line
        for line in path.with_suffix(".mypy.txt").read_text(encoding="utf-8").splitlines()
        if "[cognito-constraint]" in line
    ]
    assert expected, "the case has constraint errors under mypy"
    assert len(check.check_file(path)) == len(expected)
    result = _run(path.name, cwd=path.parent)
    assert result.stdout.splitlines() == expected
    assert result.returncode == 1
    assert result.stderr.strip() == f"Found {len(expected)} error{'s' if len(expected) != 1 else ''}"


def test_correct_code_exits_zero() -> None:
    result = _run("ok_calls.py", "presence.py", "exceptions.py")
    assert (result.returncode, result.stdout) == (0, "")


def test_a_file_that_does_not_parse_exits_two(tmp_path: Path) -> None:
    (tmp_path / "broken.py").write_text("def f(:\n", encoding="utf-8")
    result = _run(str(tmp_path))
    assert result.returncode == 2
    assert "broken.py: error: cannot check" in result.stderr


def _problems(source: str) -> list[str]:
    return [line.split(": error: ", 1)[1] for line in check.check_source(textwrap.dedent(source), "m.py")]


def test_finds_clients_however_they_are_made() -> None:
    problems = _problems(
        """
        from typing import Final
        import boto3
        from boto3.session import Session
        from mypy_boto3_cognito_idp import CognitoIdentityProviderClient

        SERVICE: Final = "cognito-idp"
        module_client = boto3.client(SERVICE)

        def connect():
            return boto3.client(service_name="cognito-idp", region_name="eu-west-1")

        class Admin:
            def __init__(self) -> None:
                self.idp = Session().client("cognito-idp")

            def purge(self) -> None:
                self.idp.list_users(UserPoolId="p_1", Limit=100)

        def annotated(idp: CognitoIdentityProviderClient) -> None:
            idp.create_group(GroupName="g", UserPoolId="p_1", Precedence=-1)
            pages = idp.get_paginator("list_groups")
            pages.paginate(UserPoolId="nopool")

        module_client.list_users(UserPoolId="p_1", Limit=61)
        connect().admin_get_user(UserPoolId="p_1", Username="")
        """
    )
    assert problems == [
        '"list_users": Limit is 100, above the model\'s maximum 60 (QueryLimitType)  [cognito-constraint]',
        '"create_group": Precedence is -1, below the model\'s minimum 0 (PrecedenceType)  [cognito-constraint]',
        "\"ListGroupsPaginator.paginate\": UserPoolId is 'nopool', which does not match the model's pattern "
        "[\\w-]+_[0-9a-zA-Z]+ (UserPoolIdType)  [cognito-constraint]",
        '"list_users": Limit is 61, above the model\'s maximum 60 (QueryLimitType)  [cognito-constraint]',
        '"admin_get_user": Username has length 0, below the model\'s minimum 1 (UsernameType)  [cognito-constraint]',
    ]


def test_other_services_and_unknown_values_are_left_alone() -> None:
    assert (
        _problems(
            """
            import boto3
            iam = boto3.client("iam")
            iam.list_users(MaxItems=5000)            # IAM's list_users: not ours
            idp = boto3.client("cognito-idp")
            def f(limit, name):
                idp.list_users(UserPoolId=name, Limit=limit)
                idp.list_users(UserPoolId="p_1", **{"Limit": limit})
                idp.admin_create_user(UserPoolId="p_1", Username="u", DesiredDeliveryMediums=[*name])
            """
        )
        == []
    )
