"""The README's main job (``nox -s demo``) runs, and shows what it says it shows: on the simulator,
a raw one-field rename resets AuthSessionValidity and the token validities, the merge keeps them."""

from __future__ import annotations

import re

from support import ROOT, run_python


def test_the_demo_shows_the_raw_reset_beside_the_merge() -> None:
    result = run_python(str(ROOT / "demo" / "demo.py"))
    assert result.returncode == 0, result.stderr[-3000:]
    out = result.stdout
    rows = {
        m.group(1): (m.group(2).strip(), m.group(3).strip()) for m in re.finditer(r"\| (\S+) +\| (.+?)\| (.+)", out)
    }
    assert rows["AuthSessionValidity"] == ("3", "15")
    assert rows["AccessTokenValidity"] == ("1", "30")
    assert rows["RefreshTokenValidity"] == ("30", "10080")
    assert rows["DeletionProtection"] == ("<absent>", "'ACTIVE'")
    assert "the raw rename reset 10 of 10 settings; the merge changed only the name" in out
    assert "the merge kept them all" in out
    assert "calls: ['DescribeUserPoolClient']" in out  # the no-op sends no update
