"""What every command shares: its exit codes and JSON printed as the checks outside the program read it."""

from __future__ import annotations

from typing import Any

EXIT_OK, EXIT_REFUSED = 0, 2


def print_json(data: Any) -> None:
    """data as indented JSON, Vietnamese letters as they are."""
    import json

    print(json.dumps(data, ensure_ascii=False, indent=2, default=str))
