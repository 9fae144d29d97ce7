"""A window with the same widgets as ours and nothing else: no pydantic, no library, no logic.

Run as a fresh process by `benchmarks.gui.startup` beside the bare window, which appends the
same show-and-quit-at-first-paint as every other start it measures. It answers one question:
how much of the start-up target does merely making our window's widgets use up? The counts
follow the real main window (about 480 widgets: 2 docks, 7 editor tabs, 5 tables, 10 lists,
22 check boxes, 37 actions); the library tree holds 50 rows in 6 groups, as ours.
"""

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QDockWidget,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QMainWindow,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableView,
    QTabWidget,
    QTextBrowser,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

app = QApplication([])
window = QMainWindow()
window.setWindowTitle("Untitled - Role Designer")

toolbar = window.addToolBar("Main")
for number, menu_name in enumerate(["&File", "&Edit", "&Design", "&Library", "&View", "&Tools", "&Help"]):
    menu = window.menuBar().addMenu(menu_name)
    for item in range(5 if number < 2 else 6):
        action = QAction(f"Action {number}.{item}", window)
        action.setShortcut(QKeySequence(f"Ctrl+Shift+{chr(65 + number * 3 + item % 3)}"))
        action.setStatusTip("Does one thing")
        menu.addAction(action)
        if item < 1:
            toolbar.addAction(action)

status = window.statusBar()
status.addPermanentWidget(QLabel("Review: nothing to fix"))
progress = QProgressBar()
progress.hide()
status.addPermanentWidget(progress)

library = QWidget()
library_layout = QVBoxLayout(library)
library_layout.addWidget(QLineEdit(placeholderText="Search roles and capabilities"))
filters = QHBoxLayout()
for _ in range(3):
    box = QComboBox()
    box.addItems(["All", "Roles", "Capabilities", "Local", "Place", "System"])
    filters.addWidget(box)
library_layout.addLayout(filters)
model = QStandardItemModel()
for group in range(6):
    parent = QStandardItem(f"Domain {group}")
    for row in range(9):
        parent.appendRow(QStandardItem(f"Entry {group}.{row} with a name of some length"))
    model.appendRow(parent)
tree = QTreeView()
tree.setModel(model)
tree.expandAll()
library_splitter = QSplitter(Qt.Orientation.Vertical)
library_splitter.addWidget(tree)
library_splitter.addWidget(QTextBrowser())
library_layout.addWidget(library_splitter)
for text in ("Add to role", "Edit"):
    library_layout.addWidget(QPushButton(text))

tabs = QTabWidget()
for tab in range(7):
    page = QWidget()
    form = QFormLayout(page)
    for field in range(2):
        form.addRow(f"Field {tab}.{field}", QLineEdit())
    for field in range(3):
        form.addRow(f"Choice {tab}.{field}", QCheckBox("Yes"))
    if tab < 5:
        form.addRow("Kind", QComboBox())
    form.addRow("Notes", QPlainTextEdit())
    lists = QGroupBox("Items") if tab < 2 else QWidget()
    line = QHBoxLayout(lists)
    for _ in range(2 if tab < 3 else 1):
        line.addWidget(QListView())
    buttons = QVBoxLayout()
    for text in ("Add", "Remove", "Up"):
        buttons.addWidget(QPushButton(text))
    line.addLayout(buttons)
    form.addRow(lists)
    if tab < 5:
        table = QTableView()
        table.setModel(QStandardItemModel(3, 4))
        form.addRow(table)
    if tab < 2:
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(page)
        page = scroll
    tabs.addTab(page, f"Tab {tab}")
window.setCentralWidget(tabs)

preview = QSplitter(Qt.Orientation.Vertical)
preview.addWidget(QTextBrowser())
preview.addWidget(QListView())
for title, widget, area in (
    ("Library", library, Qt.DockWidgetArea.LeftDockWidgetArea),
    ("Preview and review", preview, Qt.DockWidgetArea.RightDockWidgetArea),
):
    dock = QDockWidget(title, window)
    dock.setWidget(widget)
    window.addDockWidget(area, dock)

window.resize(1280, 800)
