"""Schemathesis against the workbench's OpenAPI schema, in-process: no request makes a server error.
Bounded (a few examples per operation) so the suite stays fast."""

from __future__ import annotations

import pytest
from web_support import SEED, need, upload, wait_job

schemathesis = pytest.importorskip("schemathesis")
fastapi_testclient = pytest.importorskip("fastapi.testclient")
from hypothesis import HealthCheck, settings  # noqa: E402 - after the skip: schemathesis brings hypothesis
from schemathesis.checks import not_a_server_error  # noqa: E402


def _app(tmp_path_factory):
    from budgetdoc.web import create_app

    tmp = tmp_path_factory.mktemp("schema")
    app = create_app(str(tmp / "s.db"), upload_dir=tmp / "up", max_upload_mb=1)
    with fastapi_testclient.TestClient(app) as client:  # a stored document, so ids 1.. exist
        job = upload(client, "seed.txt", need(SEED).read_bytes()).json()["jobs"][0]
        assert wait_job(client, job["id"])["status"] == "done"
    return app


@pytest.fixture(scope="module")
def web_app(tmp_path_factory):
    return _app(tmp_path_factory)


schema = schemathesis.pytest.from_fixture("web_schema")


@pytest.fixture(scope="module")
def web_schema(web_app):
    return schemathesis.openapi.from_asgi("/openapi.json", web_app)


@schema.parametrize()
@settings(max_examples=8, deadline=None, suppress_health_check=list(HealthCheck), database=None)
def test_no_server_error(case):
    case.call_and_validate(checks=[not_a_server_error])
