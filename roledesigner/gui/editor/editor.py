"""The role editor: every part of a design, in tabs, bound to the controller.

Widgets only show and pass on; the controller and the core decide. Each tab is built in a
module of its own (overview, purpose, responsibilities, capabilities, protectedtime, joint,
support) from the shared parts in forms.py. `focus_field()` takes a finding's field path and
shows that field, so a double-click in the review jumps there.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QProxyStyle, QStyle, QStyleOption, QTabWidget, QWidget

from roledesigner.domain.edits import parse_path
from roledesigner.gui.controller import DocumentController
from roledesigner.gui.editor.capabilities import CapabilitiesTab
from roledesigner.gui.editor.forms import EditorParts
from roledesigner.gui.editor.joint import JointTab
from roledesigner.gui.editor.overview import OverviewTab
from roledesigner.gui.editor.protectedtime import TimeTab
from roledesigner.gui.editor.purpose import PurposeTab
from roledesigner.gui.editor.responsibilities import responsibilities_tab
from roledesigner.gui.editor.signoffs import SignOffTab
from roledesigner.gui.editor.support import support_tab
from roledesigner.gui.editor.tableviews import ListTable

__all__ = ["TABS", "TAB_TIPS", "RoleEditor"]

#: The tabs' titles, short enough for all eight to show in the editor's width at 1280 x 800 with
#: both docks open, and each tab's full description, shown as its tooltip.
TABS = ["Overview", "Purpose", "Responsibilities", "Capabilities", "Time", "Joint post", "Support", "Sign-off"]
#: Each tab's title with its Alt-letter mnemonic: none of the menu bar's letters (File, Edit, View,
#: Library, Help), and R left to the pages' Remove buttons and Reports to (so Responsi&bilities).
TAB_TITLES = [
    "&Overview",
    "&Purpose",
    "Responsi&bilities",
    "&Capabilities",
    "&Time",
    "&Joint post",
    "S&upport",
    "&Sign-off",
]
TAB_TIPS = [
    "Overview: job title, footprint, grade and pay framework, contract and terms, reporting lines and dimensions",
    "Job purpose and system context, and any text from an imported job description not yet placed",
    "Responsibilities: system and organisational",
    "Capabilities and the person specification",
    "Time: contracted hours (or an office holder's days a month), system work, protected days and learning time",
    "Joint post: partners, host employer, funding and time shares, and the two legal steps",
    "Support and development, job stability and working relationships",
    "Sign-off: who agreed the post for each organisation, and on which version",
]


#: How much narrower than the style's own each tab's side space is: with the Sign-off tab, the eight
#: titles need the room to fit the editor's default width beside both docks at 1280 x 800.
TAB_SPACE_SAVED = 10


class CompactTabs(QProxyStyle):
    """The app's own style, with a little less space either side of a tab's title."""

    def pixelMetric(
        self, metric: QStyle.PixelMetric, option: QStyleOption | None = None, widget: QWidget | None = None
    ) -> int:
        value = super().pixelMetric(metric, option, widget)
        if metric == QStyle.PixelMetric.PM_TabBarTabHSpace:
            return max(8, value - TAB_SPACE_SAVED)
        return value


class RoleEditor(QTabWidget):
    """Every section of the role, one tab each."""

    def __init__(self, controller: DocumentController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        parts = EditorParts(controller)
        self.binder = parts.binder
        self.tables: dict[str, ListTable] = parts.tables
        #: Each form field's caption, and the note beneath the fields given one, by the field's widget.
        self.captions = parts.captions
        self.notes = parts.notes
        self.setDocumentMode(True)
        # Every tab always shows in full: the editor is never narrower than its tab bar.
        self.setUsesScrollButtons(False)
        self.setElideMode(Qt.TextElideMode.ElideNone)
        self._tab_style = CompactTabs()  # kept: a widget does not own the style it is given
        self.tabBar().setStyle(self._tab_style)
        self.setAccessibleName("Role editor")
        self.overview_tab = OverviewTab(parts)
        self.purpose_tab = PurposeTab(parts)
        capabilities = CapabilitiesTab(parts)
        self.time_tab = TimeTab(parts)
        self.joint_tab = JointTab(parts)
        self.signoff_tab = SignOffTab(parts)
        pages = [
            self.overview_tab,
            self.purpose_tab,
            responsibilities_tab(parts),
            capabilities,
            self.time_tab,
            self.joint_tab,
            support_tab(parts),
            self.signoff_tab,
        ]
        for title, tip, page in zip(TAB_TITLES, TAB_TIPS, pages, strict=True):
            self.setTabToolTip(self.addTab(page, title), tip)
        # The widgets tests, the main window and the review reach, by their long-standing names.
        self.capability_message = capabilities.capability_message
        self.pa_basis = self.time_tab.pa_basis
        self.pa_binding = self.time_tab.pa_binding
        self.hours_binding = self.time_tab.hours_binding
        self.day_checks = self.time_tab.day_checks
        self.time_sentence = self.time_tab.time_sentence
        self.week_picture = self.time_tab.week_picture
        self.joint_check = self.joint_tab.joint_check
        self.joint_area = self.joint_tab.joint_area
        self.joint_totals = self.joint_tab.joint_totals
        self.partner_message = self.joint_tab.partner_message
        self.partner_fields = self.joint_tab.partner_fields

    def show_capability_message(self, message: str) -> None:
        """Say (or, with "", clear) why a capability was not added, beneath the capabilities."""
        self.tables["capabilities"].list_model.say(message)

    def _update_picture(self) -> None:
        """Draw the picture of the week now (a screenshot cannot wait for the timer)."""
        self.time_tab.update_picture()

    # --- jumping to a field --------------------------------------------------------------------

    def focus_field(self, path: str) -> bool:
        """Show the tab and the widget (or table row and column) for a finding's field; False if
        no widget shows it. The tab is the one whose page holds the widget, so it cannot drift."""
        if not path:
            return False
        binding = self.binder.find(path)
        if binding is not None:
            return self._focus(binding.widget)
        for list_path, table in self.tables.items():
            if path == list_path or path.startswith((f"{list_path}[", f"{list_path}.")):
                parts = parse_path(path[len(list_path) :].replace("[*]", "[0]")) if path != list_path else []
                row = parts[0] if parts and isinstance(parts[0], int) else 0
                attr = next((str(part) for part in parts if isinstance(part, str)), "")
                self._show_page_of(table)
                if not table.list_model.rowCount():
                    return self._focus(table)
                table.select_row(row, attr)
                row_fields = {"joint.partners": self.partner_fields, "signoffs": self.signoff_tab.fields}
                if attr in row_fields.get(list_path, {}):
                    row_fields[list_path][attr].setFocus(Qt.FocusReason.OtherFocusReason)
                return True
        # A part of the design with no widget of its own ("development"): its first field.
        inner = [b.widget for b in self.binder.fields() if b.path.startswith(f"{path}.")]
        inner += [table for list_path, table in self.tables.items() if list_path.startswith(f"{path}.")]
        return self._focus(inner[0]) if inner else False

    def _show_page_of(self, widget: QWidget) -> None:
        """Show the tab whose page holds `widget`, found by walking up from the widget."""
        page: QWidget | None = widget
        while page is not None and self.indexOf(page) < 0:
            page = page.parentWidget()
        if page is not None:
            self.setCurrentWidget(page)

    def _focus(self, widget: QWidget) -> bool:
        self._show_page_of(widget)
        widget.setFocus(Qt.FocusReason.OtherFocusReason)
        return True
