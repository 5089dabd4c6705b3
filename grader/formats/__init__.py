"""File formats: YAML read with the line and column of every node, validated with exact places.

The public API is ``__all__``; names are imported on first use, so importing the
package costs nothing until one is needed.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from renshu.grader.lazy_exports import lazy_getattr

if TYPE_CHECKING:
    from renshu.grader.formats.yaml_source import (
        PositionedYaml,
        describe_validation_error,
        read_yaml_file,
        validate_model,
    )

_EXPORTS = {
    "PositionedYaml": "yaml_source",
    "describe_validation_error": "yaml_source",
    "read_yaml_file": "yaml_source",
    "validate_model": "yaml_source",
}
__all__ = [
    "PositionedYaml",
    "describe_validation_error",
    "read_yaml_file",
    "validate_model",
]

__getattr__ = lazy_getattr(__name__, _EXPORTS)
