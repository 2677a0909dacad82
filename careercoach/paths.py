"""Every path the app uses, in one place.

Order of precedence for the journal: `--journal PATH`, then `$CAREERCOACH_HOME`,
then the platform's user-data folder. Settings (theme, the user's criteria override)
live in `$CAREERCOACH_HOME` too when it is set, so a test or a demo never touches
the real folders.
"""

from __future__ import annotations

import os
from pathlib import Path

APP_NAME = "careercoach"
JOURNAL_FILENAME = "journal.json"
HOME_ENV = "CAREERCOACH_HOME"
BACKUP_DIRNAME = "backups"


def _home_override() -> Path | None:
    value = os.environ.get(HOME_ENV, "").strip()
    return Path(value).expanduser() if value else None


def data_dir() -> Path:
    """The folder that holds the journal by default."""
    home = _home_override()
    if home is not None:
        return home
    from platformdirs import user_data_path

    return user_data_path(APP_NAME, appauthor=False)


def config_dir() -> Path:
    """The folder for settings and the user's content overrides."""
    home = _home_override()
    if home is not None:
        return home / "config"
    from platformdirs import user_config_path

    return user_config_path(APP_NAME, appauthor=False)


def journal_path(override: str | os.PathLike[str] | None = None) -> Path:
    """The journal file the app should open."""
    if override:
        return Path(override).expanduser()
    return data_dir() / JOURNAL_FILENAME


def backup_dir(journal: Path) -> Path:
    """Backups sit beside the journal, so moving the folder moves them too."""
    return journal.parent / BACKUP_DIRNAME


def lock_path(journal: Path) -> Path:
    return journal.with_name(journal.name + ".lock")


def temp_prefix(journal: Path) -> str:
    """Name prefix of in-flight temp files; leftovers with it are never the journal."""
    return f".{journal.name}.tmp-"


def cache_dir() -> Path:
    """The folder for data the app can always rebuild (parsed content)."""
    home = _home_override()
    if home is not None:
        return home / "cache"
    from platformdirs import user_cache_path

    return user_cache_path(APP_NAME, appauthor=False)


def settings_path() -> Path:
    return config_dir() / "settings.json"


def user_criteria_path() -> Path:
    return config_dir() / "criteria.yaml"


def content_dir() -> Path:
    """The content folder: inside the installed package, or the repo root in a checkout."""
    packaged = Path(__file__).parent / "shipped_content"
    if packaged.is_dir():
        return packaged
    return Path(__file__).parent.parent / "content"


def make_private_dir(folder: Path) -> None:
    """Create `folder` (and parents) as 0700; existing folders keep their mode."""
    missing = []
    current = folder
    while not current.exists():
        missing.append(current)
        if current.parent == current:
            break
        current = current.parent
    for path in reversed(missing):
        path.mkdir(mode=0o700, exist_ok=True)
        os.chmod(path, 0o700)
