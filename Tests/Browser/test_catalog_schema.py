"""catalog.json is a documented, versioned open-data format: the sample's catalog is valid
against docs/catalog.schema.json, read by a real JSON Schema validator."""
import copy
import json
import pathlib

import jsonschema
import pytest

SCHEMA = json.loads((pathlib.Path(__file__).resolve().parents[2] / "docs/catalog.schema.json").read_text(encoding="utf-8"))


def validator():
    jsonschema.Draft202012Validator.check_schema(SCHEMA)
    return jsonschema.Draft202012Validator(SCHEMA, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)


@pytest.fixture(scope="module")
def catalog(site):
    return json.loads((site / "catalog.json").read_text(encoding="utf-8"))


def test_the_samples_catalog_is_valid_against_the_schema(catalog):
    errors = sorted(validator().iter_errors(catalog), key=lambda e: list(e.path))
    assert not errors, "\n".join(f"{list(e.path)}: {e.message}" for e in errors)
    assert catalog["format"] == "disclose-catalog" and catalog["version"] == 1
    assert catalog["record_count"] == len(catalog["records"]) > 0
    # The one member besides the common ones is named by the record's type.
    common = set(SCHEMA["$defs"]["record"]["properties"])
    for record in catalog["records"]:
        assert set(record) - common == {record["type"]}, record["index_number"]
    # Every built-in type of the sample is there, the report's statistics too.
    types = {record["type"] for record in catalog["records"]}
    assert {"policy", "interpretation", "budget", "guide", "report", "notice", "plan", "personnel", "decision"} <= types


@pytest.mark.parametrize("change, where", [
    (lambda c: c.update(version=2), "version"),
    (lambda c: c.pop("format"), "format"),
    (lambda c: c["records"][0].pop("index_number"), "index_number"),
    (lambda c: c["records"][0].update(created="2024/3/1"), "created"),
    (lambda c: c["records"][0].update(url="policies/x.html"), "url"),
    (lambda c: c["records"][0].update(extra={"a": 1}), "records"),
])
def test_the_schema_refuses_what_the_format_is_not(catalog, change, where):
    broken = copy.deepcopy(catalog)
    change(broken)
    errors = list(validator().iter_errors(broken))
    assert errors, where
