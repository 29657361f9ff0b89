"""Editing a JSON document for what-ifs: deep-merging keyword fields and setting values by JSON pointer.

The edited document is always read again by the C++ core, so every value is validated with the
same codes and paths as a file would be; these functions only place values.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from .. import _core
from ..errors import BAD_FORMAT, MISSING_FIGURE, NotFoundError, ValidationError

__all__ = ["merge", "plain", "set_pointer"]

# Settings whose default follows another key (libtco::settings_following_a_mode): when that key
# changes, they go back to their default (the new mode's) unless the same edit gives them too. The
# normal form spells every default out, so without this a time-slicing replicas_per_gpu would outlive
# a switch to MPS.
DEPENDENTS: dict[str, tuple[str, ...]] = dict(_core.settings_following_a_mode)


def plain(value: Any) -> Any:
    """``value`` as plain JSON data: objects with a ``to_dict()`` (a Workload) and mappings become dicts,
    tuples lists; numbers, strings and None stay as they are (the JSON writer keeps decimals exact)."""
    if hasattr(value, "to_dict") and callable(value.to_dict):
        return plain(value.to_dict())
    if isinstance(value, Mapping):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    return value


def _workload_index(workloads: list[Any], name: str, path: str) -> int:
    for index, workload in enumerate(workloads):
        if isinstance(workload, Mapping) and workload.get("name") == name:
            return index
    raise NotFoundError.from_code(MISSING_FIGURE, path, f"the scenario has no workload named \"{name}\"")


def merge(doc: dict[str, Any], fields: Mapping[str, Any], path: str = "") -> None:
    """Deep-merges ``fields`` into ``doc`` in place.

    An object merges into an object key by key; ``None`` removes a key (its default applies again);
    anything else replaces. ``workloads`` given as a mapping ``{name: fields}`` merges into the
    workloads of those names (a list replaces them all).
    """
    _reset_dependents(doc, fields)
    for key, value in fields.items():
        here = f"{path}/{_escape(key)}"
        if value is None:
            doc.pop(key, None)
        elif path == "" and key == "workloads" and isinstance(value, Mapping):
            workloads = doc.setdefault("workloads", [])
            for name, changes in value.items():
                index = _workload_index(workloads, str(name), f"/workloads/{_escape(str(name))}")
                if not isinstance(changes, Mapping):
                    raise ValidationError.from_code(
                        BAD_FORMAT, f"/workloads/{index}", "expected the fields to change as a mapping, e.g. {\"replicas\": 4}")
                merge(workloads[index], plain(changes), f"/workloads/{index}")
        elif isinstance(value, Mapping) and isinstance(doc.get(key), dict):
            merge(doc[key], plain(value), here)
        else:
            doc[key] = plain(value)


def set_pointer(doc: dict[str, Any], pointer: str, value: Any) -> None:
    """Sets the value at a JSON pointer (a workload may be named instead of indexed:
    ``/workloads/chat-llm/replicas``); missing objects on the way are created; ``None`` removes the key."""
    if not pointer.startswith("/"):
        raise ValidationError.from_code(BAD_FORMAT, "", f"expected a JSON pointer such as /team/engineers, got \"{pointer}\"")
    tokens = list(_core.pointer_tokens(pointer))
    parent: Any = doc
    walked = ""
    for depth, token in enumerate(tokens):
        last = depth == len(tokens) - 1
        if isinstance(parent, list):
            index = _list_index(parent, token, walked, pointer)
            walked += f"/{index}"
            if last:
                if value is None:
                    del parent[index]
                else:
                    parent[index] = plain(value)
                return
            parent = parent[index]
        elif isinstance(parent, dict):
            walked += f"/{_escape(token)}"
            if last:
                _reset_dependents(parent, {token: value})
                if value is None:
                    parent.pop(token, None)
                else:
                    parent[token] = plain(value)
                return
            parent = parent.setdefault(token, {})
        else:
            raise NotFoundError.from_code(MISSING_FIGURE, walked, f"{pointer}: {walked} holds a value, not an object or array")


def _reset_dependents(doc: dict[str, Any], fields: Mapping[str, Any]) -> None:
    """Drops the settings that follow a key ``fields`` changes (see DEPENDENTS), unless ``fields`` gives them."""
    for key, dependents in DEPENDENTS.items():
        if key in fields and plain(fields[key]) != doc.get(key):
            for dependent in dependents:
                if dependent not in fields:
                    doc.pop(dependent, None)


def _list_index(items: list[Any], token: str, walked: str, pointer: str) -> int:
    if _core.is_index_token(token):
        index = int(token)
        if index < len(items):
            return index
        raise NotFoundError.from_code(MISSING_FIGURE, f"{walked}/{token}", f"{pointer}: {walked} has {len(items)} entries")
    return _workload_index(items, token, f"{walked}/{_escape(token)}")


def _escape(token: str) -> str:
    return str(_core.escape_token(token))
