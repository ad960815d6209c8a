"""The JSON Schema files shipped for editors, written from the keys' own definitions.

python -m newslint.schemafiles     # after changing a key; a test checks they match
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from newslint.config import config_validator
from newslint.packs import pack_validator
from newslint.validation import SCHEMA_DIR


def schema_files() -> dict[str, Any]:
    """The shipped schema files, by file name, as they must read."""
    return {
        "pack.schema.json": pack_validator().schema,
        "config.schema.json": config_validator().schema,
    }


def write_schema_files(folder: Path = SCHEMA_DIR) -> list[Path]:
    folder.mkdir(exist_ok=True)
    written = []
    for name, schema in schema_files().items():
        target = folder / name
        target.write_text(json.dumps(schema, indent=2, ensure_ascii=False) + "\n", "utf-8")
        written.append(target)
    return written


if __name__ == "__main__":
    for written in write_schema_files():
        print(written)
