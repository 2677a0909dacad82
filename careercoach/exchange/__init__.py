"""Moving journals in and out: the promotion packet, CSV, JSON backups and jrnl."""

from __future__ import annotations

from careercoach.exchange.transfer import (
    FORMATS,
    ImportReport,
    export_to_path,
    import_file,
    render_export,
)

__all__ = ["FORMATS", "ImportReport", "export_to_path", "import_file", "render_export"]
