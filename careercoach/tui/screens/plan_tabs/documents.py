"""The Documents tab: what to keep while you still have access, ticked as you keep it."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from careercoach import plan as ip
from careercoach.textsafe import terminal_safe
from careercoach.tui.screens.plan_tabs.base import PlanTab, PlanView, fill, lines, one_line


class DocumentsTab(PlanTab):
    BINDINGS: ClassVar[list[BindingType]] = [Binding("x", "toggle_document", "Done")]

    def __init__(self, content: ip.PlanContent) -> None:
        super().__init__("Documents", id="documents-tab")
        self.content = content

    def compose(self) -> ComposeResult:
        yield OptionList(id="document-list")
        yield Static("", id="document-detail")

    def focus_content(self) -> None:
        self.focus_on(self.query_one("#document-list", OptionList))

    def show(self, view: PlanView) -> None:
        super().show(view)
        done = set(view.plan.documents_done)
        options = [
            Option(
                Content.assemble(
                    ("[x] " if item.id in done else "[ ] ", "bold"), one_line(item.label)
                ),
                id=item.id,
            )
            for item in self.content.documents
        ]
        document_list = fill(self.query_one("#document-list", OptionList), options)
        document_list.border_title = f"Kept: {len(done)} of {len(self.content.documents)}"
        self.show_detail()

    @on(OptionList.OptionHighlighted, "#document-list")
    def show_detail(self) -> None:
        index = self.query_one("#document-list", OptionList).highlighted
        if index is None:
            return
        item = self.content.documents[index]
        self.query_one("#document-detail", Static).update(
            lines(
                f"{terminal_safe(item.hint)} ({one_line(item.section)})",
                Content.styled(terminal_safe(self.content.document_caveat), "$text-muted"),
                Content.styled("Press x to mark it kept (or not).", "$text-muted"),
            )
        )

    def action_toggle_document(self) -> None:
        """Mark the highlighted checklist item kept, or not kept."""
        index = self.query_one("#document-list", OptionList).highlighted
        if index is None or self.view is None:
            return
        item_id = self.content.documents[index].id
        done = item_id not in self.view.plan.documents_done
        self.change(ip.change.document(item_id, done, self.content))
