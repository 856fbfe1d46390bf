"""The import contract in pyproject.toml names every part of the portal, so each has its layer."""

import re
from pathlib import Path

import pytest

tomllib = pytest.importorskip("tomllib")

BASE_DIR = Path(__file__).resolve().parents[2]


def named_in_the_layers():
    config = tomllib.loads((BASE_DIR / "pyproject.toml").read_text())["tool"]["importlinter"]
    [contract] = [c for c in config["contracts"] if c["type"] == "layers"]
    return {
        name.strip().strip("()") for layer in contract["layers"] for name in re.split("[|:]", layer)
    }


def modules_of_the_portal():
    found = {"projects"}
    for path in (BASE_DIR / "portal").iterdir():
        if (path.suffix == ".py" and path.stem != "__init__") or (path / "__init__.py").exists():
            found.add(f"portal.{path.stem}")
    return found


def test_every_module_of_the_portal_has_a_layer():
    """A module left out could be imported from any layer, the kernel included."""
    assert modules_of_the_portal() - named_in_the_layers() == set()
