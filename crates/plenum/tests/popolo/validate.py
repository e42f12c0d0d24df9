"""Validates a Popolo JSON file against the official draft-03 schemas in a directory.

usage: validate.py SCHEMA_DIR FILE

Each item of `persons`, `organizations`, `posts`, `memberships` and `events` is checked
with jsonschema's Draft3Validator; `$ref`s between the schema files resolve to the files
of SCHEMA_DIR (by their `id`), never to the network. Prints every error with its path and
exits 1 if there is any.
"""

import json
import pathlib
import sys

from jsonschema import Draft3Validator
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT3

COLLECTIONS = {
    "persons": "person.json",
    "organizations": "organization.json",
    "posts": "post.json",
    "memberships": "membership.json",
    "events": "event.json",
}


def main():
    schema_dir, file = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2])
    schemas = {}
    resources = []
    for path in sorted(schema_dir.glob("*.json")):
        schema = json.loads(path.read_text(encoding="utf-8"))
        schemas[path.name] = schema
        resource = Resource.from_contents(schema, default_specification=DRAFT3)
        uri = schema["id"]
        resources.append((uri, resource))
        resources.append((uri.rstrip("#"), resource))
    registry = Registry().with_resources(resources)
    data = json.loads(file.read_text(encoding="utf-8"))
    errors = 0
    checked = 0
    for collection, name in COLLECTIONS.items():
        validator = Draft3Validator(schemas[name], registry=registry)
        for i, item in enumerate(data.get(collection, [])):
            checked += 1
            for error in validator.iter_errors(item):
                errors += 1
                where = "".join(f"[{p!r}]" for p in error.absolute_path)
                print(f"$.{collection}[{i}]{where}: {error.message}")
    print(f"checked {checked} items, {errors} errors")
    sys.exit(1 if errors or not checked else 0)


main()
