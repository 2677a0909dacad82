"""Loading the shipped and user content YAML safely, with a parsed-content cache."""

from __future__ import annotations

from careercoach.content.loader import Checker, builtin_path, load_yaml, type_name

__all__ = ["Checker", "builtin_path", "load_yaml", "type_name"]
