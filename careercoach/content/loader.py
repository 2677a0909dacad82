"""Loading content YAML safely, and the small checks every content schema uses.

Content files are data we ship (and users may override), so they are read like
untrusted input: a size cap, PyYAML's safe loader, and no aliases at all (a
342-byte alias bomb loads fine with `safe_load` and then exhausts memory when
walked). Each validation error names the file, the key path and the problem.
Shipped files that parsed cleanly are cached (`content_cache`): PyYAML is imported
only when one changed, or for a user's own file.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from careercoach import paths
from careercoach.content import cache as content_cache
from careercoach.errors import ContentError

MAX_CONTENT_BYTES = 1 << 20


def _safe_loader() -> type:
    """libyaml's safe loader when PyYAML was built with it: ten times faster than the
    pure-Python one."""
    import yaml

    return getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def refuse_aliases(text: str) -> None:
    """Scan the parse events (cheap, nothing is built) and stop at the first alias."""
    import yaml
    from yaml.events import AliasEvent

    for event in yaml.parse(text, Loader=_safe_loader()):
        if isinstance(event, AliasEvent):
            raise ContentError(
                f"line {event.start_mark.line + 1}: YAML aliases (*{event.anchor}) are not allowed"
            )


def parse_yaml(text: str, source: str) -> Any:
    """Parse YAML text with the no-alias safe loader; errors name `source`."""
    import yaml

    try:
        refuse_aliases(text)
        return yaml.load(text, Loader=_safe_loader())
    except ContentError as exc:
        raise ContentError(f"{source}: {exc}") from None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        last_line = text.count("\n") + 1  # libyaml puts "end of file" one line past it
        where = f"line {min(mark.line + 1, last_line)}: " if mark else ""
        problem = exc.problem or exc.context or "invalid YAML"
        raise ContentError(f"{source}: {where}{problem}") from None
    except yaml.YAMLError as exc:
        raise ContentError(f"{source}: invalid YAML ({exc})") from None


def load_yaml(path: Path) -> Any:
    """Read one YAML file with a size cap; never a traceback for bad files."""
    try:
        status = path.stat()
    except OSError as exc:
        raise ContentError(f"{path}: cannot read it ({exc.strerror})") from None
    if status.st_size > MAX_CONTENT_BYTES:
        raise _too_large(path, status.st_size)
    resolved = path.resolve()
    if resolved.parent != paths.content_dir().resolve():
        return _read_and_parse(path)  # the user's own file: never copied elsewhere
    return content_cache.load(resolved, status, lambda: _read_and_parse(path))


def _read_and_parse(path: Path) -> Any:
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise ContentError(f"{path}: cannot read it ({exc.strerror})") from None
    if len(raw) > MAX_CONTENT_BYTES:  # it grew since it was measured
        raise _too_large(path, len(raw))
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise ContentError(f"{path}: not UTF-8 text") from None
    return parse_yaml(text, str(path))


def _too_large(path: Path, size: int) -> ContentError:
    return ContentError(
        f"{path}: {size} bytes is too large for a content file (at most {MAX_CONTENT_BYTES} bytes)"
    )


def builtin_path(name: str) -> Path:
    """A shipped content file, e.g. `builtin_path("criteria.yaml")`."""
    return paths.content_dir() / name


# -- schema checks ------------------------------------------------------------


class Checker:
    """Validation helpers bound to one source file, so every message names it."""

    def __init__(self, source: str | Path) -> None:
        self.source = str(source)

    def fail(self, where: str, problem: str) -> ContentError:
        return ContentError(f"{self.source}: {where}: {problem}")

    def mapping(
        self,
        value: Any,
        where: str,
        *,
        required: Iterable[str] = (),
        optional: Iterable[str] = (),
    ) -> Mapping[str, Any]:
        """A mapping with exactly these keys (unknown keys are mistakes)."""
        if not isinstance(value, Mapping):
            raise self.fail(where, f"expected a mapping, got {type_name(value)}")
        required = tuple(required)
        allowed = set(required) | set(optional)
        for key in value:
            if not isinstance(key, str):
                raise self.fail(where, f"key {key!r} must be text")
            if allowed and key not in allowed:
                raise self.fail(f"{where}.{key}", "unknown key")
        for key in required:
            if key not in value:
                raise self.fail(where, f"missing field {key!r}")
        return value

    def text(self, value: Any, where: str, *, allow_empty: bool = False) -> str:
        if not isinstance(value, str):
            raise self.fail(where, f"expected text, got {type_name(value)}")
        if not allow_empty and not value.strip():
            raise self.fail(where, "must not be empty")
        return value

    def number(
        self, value: Any, where: str, *, minimum: float | None = None, maximum: float | None = None
    ) -> float:
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise self.fail(where, f"expected a number, got {type_name(value)}")
        if minimum is not None and value < minimum:
            raise self.fail(where, f"must be at least {minimum:g}, got {value:g}")
        if maximum is not None and value > maximum:
            raise self.fail(where, f"must be at most {maximum:g}, got {value:g}")
        return value

    def integer(
        self, value: Any, where: str, *, minimum: int | None = None, maximum: int | None = None
    ) -> int:
        if isinstance(value, bool) or not isinstance(value, int):
            raise self.fail(where, f"expected a whole number, got {type_name(value)}")
        return int(self.number(value, where, minimum=minimum, maximum=maximum))

    def boolean(self, value: Any, where: str) -> bool:
        if not isinstance(value, bool):
            raise self.fail(where, f"expected true or false, got {type_name(value)}")
        return value

    def sequence(self, value: Any, where: str, *, allow_empty: bool = False) -> list[Any]:
        if not isinstance(value, list):
            raise self.fail(where, f"expected a list, got {type_name(value)}")
        if not allow_empty and not value:
            raise self.fail(where, "must not be empty")
        return value

    def text_list(self, value: Any, where: str, *, allow_empty: bool = False) -> tuple[str, ...]:
        items = self.sequence(value, where, allow_empty=allow_empty)
        return tuple(self.text(item, f"{where}[{i}]") for i, item in enumerate(items))

    def choice(self, value: Any, where: str, choices: Iterable[str]) -> str:
        options = tuple(choices)
        if value not in options:
            raise self.fail(where, f"{value!r} is not one of {', '.join(options)}")
        return value


def type_name(value: Any) -> str:
    if value is None:
        return "nothing"
    return {
        bool: "true/false",
        int: "a number",
        float: "a number",
        str: "text",
        list: "a list",
        dict: "a mapping",
    }.get(type(value), type(value).__name__)
