"""The `careercoach` command line.

Subcommands live in small modules and are imported only when called, so a quick
`careercoach add` never pays for the engines, rich or Textual.
"""

from __future__ import annotations

import importlib
import sys
from typing import Any

import click

from careercoach import __version__, collector
from careercoach.cli.context import AppContext
from careercoach.cli.output import inert_output
from careercoach.errors import CareerCoachError
from careercoach.textsafe import terminal_safe

# name -> "module:attribute"; each module owns its commands.
COMMANDS: dict[str, str] = {
    "add": "careercoach.cli.entries:add",
    "list": "careercoach.cli.entries:list_entries",
    "show": "careercoach.cli.entries:show",
    "edit": "careercoach.cli.entries:edit",
    "delete": "careercoach.cli.entries:delete",
    "restore": "careercoach.cli.trash:restore",
    "profile": "careercoach.cli.profile:profile",
    "doctor": "careercoach.cli.doctor:doctor",
    "demo": "careercoach.cli.demo:demo",
    "score": "careercoach.cli.score:score",
    "script": "careercoach.cli.script:script",
    "soften": "careercoach.cli.script:soften",
    "plan": "careercoach.cli.plan:plan",
    "export": "careercoach.cli.exchange:export",
    "import": "careercoach.cli.exchange:import_command",
    "nudge": "careercoach.cli.nudge:nudge",
    "calendar": "careercoach.cli.calendar_export:calendar",
    "review": "careercoach.cli.review:review",
}

COMMAND_HELP: dict[str, str] = {
    "add": "Log an entry: careercoach add KIND TITLE.",
    "list": "List entries, newest first, with filters.",
    "show": "Show one entry in full.",
    "edit": "Change an entry's fields.",
    "delete": "Delete an entry (restorable for 30 days).",
    "restore": "Restore a deleted entry by id; without one, list them.",
    "profile": "Show or set your profile.",
    "doctor": "Check the journal and its backups; restore one.",
    "demo": "Write a realistic demo journal (for a look or for benchmarks).",
    "score": "Promotion readiness: score, reasons, next actions, timing.",
    "script": "A polite promotion-request script in English and/or Japanese.",
    "soften": "Rewrite a direct sentence in the soft, options-first style.",
    "plan": "Performance Improvement Plan navigator and evidence trail.",
    "export": "Export a promotion packet (md), a spreadsheet (csv) or a backup (json).",
    "import": "Import a JSON backup or a jrnl export.",
    "nudge": "One line for your shell start-up: a check-in or a date is due.",
    "calendar": "Your evaluation, renewal, JLPT and plan dates as an .ics file.",
    "review": "Evaluation review: the period's record and a self-evaluation draft (en/ja).",
}


class UserFacingError(click.ClickException):
    """One line on stderr and exit status 2, as for any other bad input."""

    exit_code = 2


def _error_line(message: str) -> None:
    """Every error is one inert line: it may echo a file name or a value from a file."""
    click.echo(f"Error: {terminal_safe(message, keep_newlines=False)}", err=True)


class LazyGroup(click.Group):
    """A click group that imports a subcommand's module only when it runs."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(COMMANDS)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        target = COMMANDS.get(cmd_name)
        if target is None:
            return None
        module_name, attribute = target.split(":")
        return getattr(importlib.import_module(module_name), attribute)

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        """List commands from static help so `--help` stays fast."""
        rows = [(name, COMMAND_HELP.get(name, "")) for name in self.list_commands(ctx)]
        with formatter.section("Commands"):
            formatter.write_dl(rows)

    def main(self, *args: Any, standalone_mode: bool = True, **kwargs: Any) -> Any:
        """Like click's standalone mode, but any bad input is one line and exit status 2."""
        if not standalone_mode:
            return super().main(*args, standalone_mode=False, **kwargs)
        try:
            result = super().main(*args, standalone_mode=False, **kwargs)
        except click.UsageError as exc:
            command = exc.ctx.command_path if exc.ctx else "careercoach"
            _error_line(f"{exc.format_message()} (see `{command} --help`)")
            sys.exit(2)
        except click.ClickException as exc:
            _error_line(exc.format_message())
            sys.exit(exc.exit_code)
        except click.Abort:
            click.echo("Aborted.", err=True)
            sys.exit(1)
        except BrokenPipeError:  # e.g. `careercoach list | head`
            sys.stdout = click.utils.PacifyFlushWrapper(sys.stdout)  # type: ignore[assignment]
            sys.exit(1)
        sys.exit(result if isinstance(result, int) else 0)

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except CareerCoachError as exc:
            raise UserFacingError(str(exc)) from None


# Checked in `cli` once the command is known: `nudge` must reach its doctor hint, exit 0.
JOURNAL_FILE = click.Path(dir_okay=False)
CHECKS_ITS_OWN_JOURNAL = ("nudge",)


@click.group(cls=LazyGroup, invoke_without_command=True)
@click.version_option(__version__, prog_name="careercoach")
@click.option(
    "--journal",
    "journal_path",
    type=click.Path(readable=False),
    envvar=None,
    help="Journal file to use (default: $CAREERCOACH_HOME or your user data folder).",
)
@click.option("--demo", is_flag=True, help="Open the app on a throwaway demo journal.")
@click.pass_context
def cli(ctx: click.Context, journal_path: str | None, demo: bool) -> None:
    """A private career coach for foreign professionals working in Japan.

    Run without a command to open the app. Your journal stays on this computer.
    """
    if journal_path is not None and not journal_path.strip():
        raise UserFacingError("--journal is empty: name a journal file (is a variable unset?)")
    if journal_path is not None and ctx.invoked_subcommand not in CHECKS_ITS_OWN_JOURNAL:
        option = next(p for p in ctx.command.params if p.name == "journal_path")
        JOURNAL_FILE.convert(journal_path, option, ctx)  # click's own one-line refusal
    ctx.obj = AppContext(journal_override=journal_path)
    if ctx.invoked_subcommand is not None:
        if demo:
            raise UserFacingError("--demo opens the app; use it without a command")
        ctx.with_resource(inert_output())
        return
    from careercoach.cli.app_launcher import launch

    try:
        launch(ctx.obj, demo=demo)
    except CareerCoachError as exc:
        raise UserFacingError(str(exc)) from None


def main() -> None:
    """Console-script entry point: the collector stays off unless the app starts."""
    collector.for_command()
    cli.main(prog_name="careercoach", args=sys.argv[1:])
