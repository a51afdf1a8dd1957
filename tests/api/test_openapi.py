"""The OpenAPI document tells the truth about the answers the native API gives."""

from __future__ import annotations

import json

import pytest

API = "/api/essaim/v1"


@pytest.fixture
def schema(client, db):
    return client.get(f"{API}/openapi.json").json()


def test_every_operation_documents_the_400_and_the_422(schema):
    operations = [(path, method, op) for path, item in schema["paths"].items()
                  for method, op in item.items()]
    assert len(operations) > 40
    for path, method, op in operations:
        assert {"400", "422"} <= set(op["responses"]), (method, path)
        error = op["responses"]["400"]["content"]["application/json"]["schema"]
        assert error.get("required") == ["error"] or "$ref" in error


def test_names_and_texts_cannot_be_empty(schema):
    parts = schema["components"]["schemas"]
    assert parts["PostIn"]["properties"]["text"]["minLength"] == 1
    assert parts["CommunityIn"]["properties"]["name"]["minLength"] == 1
    assert "text" in parts["PostIn"]["required"]


def test_the_documented_answers_are_the_real_ones(client, alice):
    client.force_login(alice)
    unparsable = client.post(f"{API}/posts", "[!i", content_type="application/json")
    assert unparsable.status_code == 400 and unparsable.json()["error"]
    bad_path = client.get(f"{API}/timelines/lists/-8.6e-79")
    assert bad_path.status_code == 422 and "list_id" in bad_path.json()["error"]
    bad_query = client.get(f"{API}/timelines/company?with_replies=null")
    assert bad_query.status_code == 422 and bad_query.json()["error"]
    empty = client.post(f"{API}/posts", json.dumps({"text": ""}), content_type="application/json")
    assert empty.status_code == 422 and "text" in empty.json()["error"]
