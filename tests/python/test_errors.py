"""Bad input: every error is a libtco.errors exception with a stable code and the JSON path of the bad value."""

from __future__ import annotations

import decimal
import json
import pickle

import pytest
from conftest import gpu_workload, make_scenario

import libtco
from libtco import _core
from libtco.errors import (
    ArithmeticOverflowError,
    Cancelled,
    Error,
    InputError,
    NotFoundError,
    ParseError,
    PlacementError,
    ValidationError,
)


def api(replicas=1, **extra):
    w = {"name": "api", "replicas": replicas, "vcpu": 1, "memory_gib": 2}
    w.update(extra)
    return w


def check(err: Error, *, code: str, path: str) -> None:
    """The error has the code and path, and its message reads "[code] path: detail"."""
    assert err.code == code
    assert err.code_number == int(code.rsplit(".", 1)[1])
    assert err.path == path
    assert str(err) == f"[{code}] {path or '(document)'}: {err.detail}"
    assert err.detail


# --- parse ----------------------------------------------------------------------------------------


def test_bad_json_is_a_parse_error():
    with pytest.raises(ParseError) as info:
        libtco.load_scenario('{"schema_version": 1,')
    check(info.value, code="libtco.parse.100", path="")
    assert isinstance(info.value, ValueError)
    assert isinstance(info.value, Error)
    assert "invalid JSON" in info.value.detail


def test_duplicate_keys_are_a_parse_error():
    with pytest.raises(ParseError) as info:
        libtco.load_scenario('{"schema_version": 1, "month": "2026-09", "month": "2026-10"}')
    check(info.value, code="libtco.parse.101", path="/month")


def test_a_file_that_is_not_utf8_is_a_parse_error(tmp_path):
    path = tmp_path / "latin1.json"
    path.write_bytes(b'{"name": "caf\xe9"}')
    with pytest.raises(ParseError) as info:
        libtco.load_scenario(path)
    check(info.value, code="libtco.parse.100", path="")


# --- validation -----------------------------------------------------------------------------------


def test_an_unknown_key_is_a_validation_error_at_its_path():
    doc = make_scenario([api(replicaz=2)])
    with pytest.raises(ValidationError) as info:
        libtco.load_scenario(doc)
    check(info.value, code="libtco.validation.112", path="/workloads/0/replicaz")
    assert isinstance(info.value, ValueError)
    assert "replicaz" in info.value.detail


def test_a_misspelt_optional_key_is_an_unknown_key():
    doc = make_scenario([api(gpu_memory_gb=16)])
    with pytest.raises(ValidationError) as info:
        libtco.load_scenario(doc)
    check(info.value, code="libtco.validation.112", path="/workloads/0/gpu_memory_gb")


def test_an_unknown_top_level_key():
    with pytest.raises(ValidationError) as info:
        libtco.load_scenario(make_scenario(montth="2026-10"))
    check(info.value, code="libtco.validation.112", path="/montth")


def test_a_missing_required_key():
    doc = make_scenario([api()])
    del doc["workloads"][0]["replicas"]
    with pytest.raises(ValidationError) as info:
        libtco.load_scenario(doc)
    check(info.value, code="libtco.validation.111", path="/workloads/0/replicas")


def test_negative_replicas_at_their_path():
    doc = make_scenario([api(), {**api(), "name": "b"}, {**api(replicas=-1), "name": "c"}])
    with pytest.raises(ValidationError) as info:
        libtco.load_scenario(doc)
    check(info.value, code="libtco.validation.113", path="/workloads/2/replicas")
    assert "-1" in info.value.detail


def test_zero_vcpu_is_out_of_range():
    with pytest.raises(ValidationError) as info:
        libtco.load_scenario(make_scenario([api(vcpu=0)]))
    check(info.value, code="libtco.validation.113", path="/workloads/0/vcpu")


def test_a_string_for_replicas_is_the_wrong_type():
    with pytest.raises(ValidationError) as info:
        libtco.load_scenario(make_scenario([api(replicas="3")]))
    check(info.value, code="libtco.validation.110", path="/workloads/0/replicas")


def test_more_than_one_gpu_must_be_whole():
    with pytest.raises(ValidationError) as info:
        libtco.load_scenario(make_scenario([gpu_workload(gpus=decimal.Decimal("1.5"))]))
    check(info.value, code="libtco.validation.116", path="/workloads/0/gpus")


def test_duplicate_workload_names():
    with pytest.raises(ValidationError) as info:
        libtco.load_scenario(make_scenario([api(), api()]))
    check(info.value, code="libtco.validation.117", path="/workloads/1/name")


def test_more_than_12_decimal_places_are_too_precise():
    with pytest.raises(ValidationError) as info:
        libtco.load_scenario(make_scenario([api(vcpu="0.1234567890123")]))
    check(info.value, code="libtco.validation.115", path="/workloads/0/vcpu")
    # 12 places are fine, and so are trailing zeros past them.
    libtco.load_scenario(make_scenario([api(vcpu="0.123456789012")]))
    libtco.load_scenario(make_scenario([api(vcpu="0.12345678901200000")]))


def test_a_bad_month():
    with pytest.raises(ValidationError) as info:
        libtco.load_scenario(make_scenario(month="2026-13"))
    check(info.value, code="libtco.validation.114", path="/month")


def test_hours_longer_than_the_month():
    with pytest.raises(ValidationError) as info:
        libtco.load_scenario(make_scenario([api(hours=731)]))
    check(info.value, code="libtco.validation.113", path="/workloads/0/hours")


def test_a_bad_eks_support_level():
    with pytest.raises(ValidationError) as info:
        libtco.load_scenario(make_scenario(eks={"support": "premium"}))
    check(info.value, code="libtco.validation.114", path="/eks/support")


def test_an_unsupported_schema_version():
    doc = make_scenario()
    doc["schema_version"] = 2
    with pytest.raises(ValidationError) as info:
        libtco.load_scenario(doc)
    check(info.value, code="libtco.validation.113", path="/schema_version")


def test_a_non_finite_decimal_is_rejected_before_reaching_the_core():
    with pytest.raises(ValidationError) as info:
        libtco.load_scenario(make_scenario([api(vcpu=decimal.Decimal("NaN"))]))
    check(info.value, code="libtco.validation.114", path="/workloads/0/vcpu")
    with pytest.raises(ValidationError) as info:
        libtco.load_scenario(make_scenario([api(memory_gib=float("inf"))]))
    check(info.value, code="libtco.validation.114", path="/workloads/0/memory_gib")


def test_a_python_object_that_is_not_json_data():
    with pytest.raises(ValidationError) as info:
        libtco.load_scenario(make_scenario([api(gpu_models={"A10G"})]))
    check(info.value, code="libtco.validation.110", path="/workloads/0/gpu_models")
    with pytest.raises(ValidationError) as info:
        libtco.load_scenario({"schema_version": 1, 2: "two"})
    check(info.value, code="libtco.validation.110", path="")


def test_a_path_with_special_characters_is_escaped_as_a_json_pointer():
    doc = make_scenario(instance_types={"a/b~c": {"vcpu": "x"}})
    with pytest.raises(ValidationError) as info:
        libtco.load_scenario(doc)
    check(info.value, code="libtco.validation.114", path="/instance_types/a~1b~0c/vcpu")


# --- lookup ---------------------------------------------------------------------------------------


def test_an_unknown_instance_type_in_node_types_is_not_found():
    doc = make_scenario([api()], eks={"node_types": ["g9.huge"]})
    scenario = libtco.load_scenario(doc)  # the scenario alone is valid: names resolve against a catalog
    with pytest.raises(NotFoundError) as info:
        libtco.compare(scenario)
    check(info.value, code="libtco.lookup.200", path="/eks/node_types/0")
    assert isinstance(info.value, KeyError)
    assert "g9.huge" in info.value.detail
    # Not quoted like a plain KeyError's message.
    assert str(info.value).startswith("[libtco.lookup.200]")


def test_an_unknown_instance_type_in_explicit_nodes():
    doc = make_scenario(ecs={"nodes": [{"instance_type": "g9.huge", "count": 1}]})
    with pytest.raises(NotFoundError) as info:
        libtco.compare(doc)
    check(info.value, code="libtco.lookup.200", path="/ecs/nodes/0/instance_type")


def test_an_unknown_gpu_model():
    with pytest.raises(NotFoundError) as info:
        libtco.compare(make_scenario([gpu_workload(gpu_models=["A10G", "Z99"])]))
    check(info.value, code="libtco.lookup.201", path="/workloads/0/gpu_models/1")


def test_a_region_no_embedded_catalog_prices():
    with pytest.raises(NotFoundError) as info:
        libtco.compare(make_scenario(region="eu-west-1"))
    check(info.value, code="libtco.lookup.206", path="/region")
    assert "aws-us-east-1-2026-07-20" in str(info.value)


def test_a_region_the_given_catalog_does_not_price():
    with pytest.raises(NotFoundError) as info:
        libtco.compare(make_scenario(region="eu-west-1"), catalog=libtco.embedded_catalog())
    check(info.value, code="libtco.lookup.203", path="/region")


def test_a_type_without_a_price():
    # p5e.48xlarge is in the catalog without an on-demand price.
    with pytest.raises(NotFoundError) as info:
        libtco.compare(make_scenario([api()], eks={"node_types": ["p5e.48xlarge"]}))
    check(info.value, code="libtco.lookup.204", path="/eks/node_types/0")


# --- placement ------------------------------------------------------------------------------------


def test_a_replica_that_fits_no_allowed_instance_is_a_placement_error():
    with pytest.raises(PlacementError) as info:
        libtco.compare(make_scenario([gpu_workload(gpus=16, vcpu=8, memory_gib=64)]))
    check(info.value, code="libtco.placement.300", path="/workloads/0")
    assert isinstance(info.value, ValueError)


def test_a_replica_too_big_for_the_allowed_types():
    doc = make_scenario([api(), api(name="big", vcpu=8, memory_gib=8)], eks={"node_types": ["m5.xlarge"]})
    with pytest.raises(PlacementError) as info:
        libtco.compare(doc)
    check(info.value, code="libtco.placement.300", path="/workloads/1")


# --- arithmetic -----------------------------------------------------------------------------------


def test_a_price_of_1e30_overflows():
    doc = make_scenario(instance_types={"g5.xlarge": {"on_demand_usd_per_hour": decimal.Decimal("1e30")}})
    with pytest.raises(ArithmeticOverflowError) as info:
        libtco.load_scenario(doc)
    check(info.value, code="libtco.arithmetic.400", path="/instance_types/g5.xlarge/on_demand_usd_per_hour")
    assert isinstance(info.value, ArithmeticError)
    assert isinstance(info.value, ValueError)


def test_money_that_overflows_in_the_arithmetic():
    # $1e25 a year per engineer reads fine, but 100 engineers make $1e27 a year: past the ~1.7e26 range.
    doc = make_scenario(team={"engineers": 100, "loaded_cost_per_engineer_year": "1e25"})
    libtco.load_scenario(doc)
    with pytest.raises(ArithmeticOverflowError) as info:
        libtco.compare(doc)
    assert info.value.code == "libtco.arithmetic.400"


# --- files ----------------------------------------------------------------------------------------


def test_a_missing_file_is_an_input_error(tmp_path):
    missing = tmp_path / "nope.json"
    with pytest.raises(InputError) as info:
        libtco.load_scenario(missing)
    check(info.value, code="libtco.io.500", path="")
    assert isinstance(info.value, OSError)
    assert info.value.filename == str(missing)
    assert str(missing) in str(info.value)
    with pytest.raises(InputError):
        libtco.load_catalog(str(missing))


def test_errors_from_a_file_name_the_file(scenario_file):
    path = scenario_file(make_scenario([api(replicas=0)]))
    with pytest.raises(ValidationError) as info:
        libtco.load_scenario(path)
    assert info.value.filename == str(path)
    assert info.value.path == "/workloads/0/replicas"


def test_a_source_of_the_wrong_type():
    with pytest.raises(TypeError):
        libtco.load_scenario(42)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        libtco.load_catalog([1, 2])  # type: ignore[arg-type]


# --- catalogs -------------------------------------------------------------------------------------


def test_an_invalid_catalog():
    doc = json.loads(_core.embedded_catalog_json())
    doc["instance_types"]["g5.xlarge"]["vcpu"] = -4
    with pytest.raises(ValidationError) as info:
        libtco.load_catalog(doc)
    check(info.value, code="libtco.validation.113", path="/instance_types/g5.xlarge/vcpu")
    with pytest.raises(ValidationError):
        _core.check_catalog(json.dumps(doc))


def test_a_catalog_missing_a_required_fee():
    doc = json.loads(_core.embedded_catalog_json())
    del doc["fees"]["ecs_cluster"]
    with pytest.raises(ValidationError) as info:
        libtco.load_catalog(doc)
    check(info.value, code="libtco.validation.111", path="/fees/ecs_cluster")


# --- the translation itself -----------------------------------------------------------------------


# Each C++ exception class that an input reaches, raised by real input through the C++ core (no binding
# reads a file itself, so libtco::io_error has no input: InputError comes from the Python layer, above).
RAISED_BY_THE_CORE = [
    (lambda: _core.normalize_scenario('{"schema_version": 1,'), ParseError, (ValueError,), "libtco.parse.100", ""),
    (lambda: _core.normalize_scenario(json.dumps(make_scenario([api(replicas=-1)]))), ValidationError, (ValueError,),
     "libtco.validation.113", "/workloads/0/replicas"),
    (lambda: _core.compare_json(json.dumps(make_scenario([api()], eks={"node_types": ["g9.huge"]}))), NotFoundError,
     (KeyError, LookupError), "libtco.lookup.200", "/eks/node_types/0"),
    (lambda: _core.compare_json(json.dumps(make_scenario([gpu_workload(gpus=16, vcpu=8, memory_gib=64)]))), PlacementError,
     (ValueError,), "libtco.placement.300", "/workloads/0"),
    (lambda: _core.compare_json(json.dumps(make_scenario(team={"engineers": 100, "loaded_cost_per_engineer_year": "1e25"}))),
     ArithmeticOverflowError, (ArithmeticError, ValueError), "libtco.arithmetic.400", ""),
    (lambda: _core.sweep(json.dumps(make_scenario([api()])), None, [("/team/engineers", ["1", "2"])], 1, lambda done, total: False),
     Cancelled, (), "libtco.run.600", ""),
]


@pytest.mark.parametrize(("run", "cls", "builtins", "code", "path"), RAISED_BY_THE_CORE,
                         ids=[cls.__name__ for _, cls, *_ in RAISED_BY_THE_CORE])
def test_every_cpp_exception_class_is_translated(run, cls, builtins, code, path):
    with pytest.raises(cls) as info:
        run()
    err = info.value
    assert type(err) is cls
    assert isinstance(err, Error)
    for b in builtins:
        assert isinstance(err, b)
    check(err, code=code, path=path)


def test_errors_pickle_with_their_attributes():
    with pytest.raises(NotFoundError) as info:
        _core.compare_json(json.dumps(make_scenario([api()], eks={"node_types": ["g9.huge"]})))
    copy = pickle.loads(pickle.dumps(info.value))
    assert type(copy) is NotFoundError
    assert (copy.code, copy.code_number, copy.path, copy.detail, str(copy)) == (
        "libtco.lookup.200",
        200,
        "/eks/node_types/0",
        info.value.detail,
        f"[libtco.lookup.200] /eks/node_types/0: {info.value.detail}",
    )
    assert "g9.huge" in copy.detail


def test_a_long_non_ascii_value_in_an_error_message():
    # The C++ core shortens long values in messages by bytes; the translation must survive a cut
    # in the middle of a multi-byte character.
    with pytest.raises(ValidationError) as info:
        libtco.load_scenario(make_scenario([api(replicas="a" + "é" * 30)]))
    assert info.value.path == "/workloads/0/replicas"
    assert info.value.detail.startswith('expected a whole number, got "aé')


def test_a_bad_render_format_is_a_value_error():
    with pytest.raises(ValueError, match="format"):
        _core.render(_core.default_scenario_json(), None, "xml")
