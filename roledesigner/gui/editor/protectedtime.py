"""The Time tab: contracted hours, a job plan or an office holder's days a month, system work,
protected days and learning time, with the sentence the job description will say and a picture
of the week."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QCheckBox, QLabel, QScrollArea, QVBoxLayout, QWidget

from roledesigner.documents.weekchart import week_chart
from roledesigner.documents.wording import time_sentences
from roledesigner.domain.models import TimePlan
from roledesigner.domain.timeplan import shown, standard_day
from roledesigner.domain.vocabulary import AllocationUnit, Contract, Weekday, label
from roledesigner.gui.editor.binding import Checks, OnFocusOut
from roledesigner.gui.editor.forms import EditorParts

PA_PATH = "time.contracted_programmed_activities"
#: The picture of the week's width on screen, in the window's own (device-independent) pixels, and
#: the least width it is painted at before it is scaled down to that (its layout is for 900).
PICTURE_WIDTH = 520
PICTURE_LAYOUT_WIDTH = 900
DAYS_PATH = "time.contracted_days_per_month"


def days_note(plan: TimePlan) -> str:
    """Why an office holder's weekly hours are greyed out, and the day the days a month are counted in."""
    return (
        "An office holder's time is given in days a month, not weekly hours: each is a standard day of "
        f"{shown(standard_day(plan))} hours."
    )


def picture_pixmap(png_of_width: Callable[[int], bytes], ratio: float) -> QPixmap:
    """The picture of the week for a screen of device pixel ratio `ratio` (2 on a screen at 200 per
    cent): painted with at least as many pixels as the screen shows it with, then scaled to exactly
    those, and marked with the ratio, so it is sharp at any scaling and PICTURE_WIDTH wide."""
    ratio = max(1.0, ratio)
    device_width = round(PICTURE_WIDTH * ratio)
    pixmap = QPixmap()
    pixmap.loadFromData(png_of_width(max(PICTURE_LAYOUT_WIDTH, device_width)))
    if pixmap.width() != device_width:
        pixmap = pixmap.scaledToWidth(device_width, Qt.TransformationMode.SmoothTransformation)
    pixmap.setDevicePixelRatio(ratio)
    return pixmap


class _RatioWatcher(QObject):
    """Calls back when a widget moves to a screen of another scaling (a child of it, so it lives as long)."""

    def __init__(self, widget: QWidget, callback: Callable[[], None]) -> None:
        super().__init__(widget)
        self.callback = callback
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.DevicePixelRatioChange, QEvent.Type.ScreenChangeInternal):
            self.callback()
        return False


class TimeTab(QScrollArea):
    def __init__(self, parts: EditorParts) -> None:
        super().__init__()
        self.controller = controller = parts.controller
        self.captions = parts.captions
        self.parts = parts
        b = parts.binder
        page = QWidget()
        layout = QVBoxLayout(page)
        self.pa_binding = b.line(PA_PATH, number=True)
        # Emptied while typed in, the job plan goes (no programmed activities): the field stays
        # open for a new figure until the user moves on.
        OnFocusOut(self.pa_binding.widget, self._enable_pa_field)
        basis = b.check(
            PA_PATH,
            "Counted in programmed activities (4 hours each)",
            to_design=self._job_plan,
            from_design=lambda activities: activities is not None,
            setter=self._set_job_plan,
        )
        assert isinstance(basis.widget, QCheckBox)
        self.pa_basis: QCheckBox = basis.widget
        self.hours_binding = b.line("time.contracted_hours_per_week", number=True)
        self.days_binding = b.line(DAYS_PATH, number=True)
        days: Checks = b.checks(
            "time.protected_days",
            Weekday,
            text=lambda day: label(day)[:3],
            name=lambda day: f"Protect {label(day)}",
            tip=lambda day: f"Keep {label(day)}s free of organisational commitments",
        )
        self.day_checks = {Weekday(day): box for day, box in days.boxes.items()}
        form = parts.form(
            [
                (
                    "Contracted hours a wee&k",
                    self.hours_binding,
                    "Full time is usually 37.5 hours. A job plan in programmed activities sets the hours itself "
                    "(4 hours each), and an office holder gives days a month, so this field is then greyed out.",
                    "",
                ),
                (
                    "Da&ys a month",
                    self.days_binding,
                    "For an office holder (an appointment): the days a month the post needs, each a standard day.",
                ),
                (
                    "&Working days a week",
                    b.line("time.working_days_per_week", number=True),
                    "Used to turn hours into days.",
                ),
                (
                    "Job pla&n",
                    self.pa_basis,
                    "For consultants: 10 programmed activities is a full-time week of 40 hours.",
                ),
                (
                    "Programmed &activities a week",
                    self.pa_binding,
                    "Only for a job plan in programmed activities: tick Job plan first.",
                ),
                (
                    "System work un&it",
                    b.choice(
                        "time.system_work.unit",
                        AllocationUnit,
                        setter=lambda value: controller.change_unit(AllocationUnit(value)),
                    ),
                    "Give system time in the unit you think in; the others follow.",
                ),
                (
                    "System work a&mount",
                    b.line("time.system_work.amount", number=True),
                    "For example 50 per cent, 2.5 days, 2 programmed activities, "
                    "or 3 GP sessions (4 hours 10 minutes each).",
                ),
                ("Protected &days", days, "Weekdays kept free of organisational commitments."),
                (
                    "Learnin&g hours a month",
                    b.line("development.learning_hours_per_month", number=True),
                    "Protected time for learning and development.",
                ),
            ]
        )
        layout.addLayout(form)
        self.time_sentence = QLabel()
        self.time_sentence.setWordWrap(True)
        self.time_sentence.setAccessibleName("Protected time, as the job description will say it")
        self.week_picture = QLabel()
        self.week_picture.setMinimumHeight(120)
        self.week_picture.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        layout.addWidget(self.time_sentence)
        layout.addWidget(self.week_picture)
        _RatioWatcher(self.week_picture, lambda: self.picture_timer.start())
        layout.addStretch(1)
        self.setWidgetResizable(True)
        self.setWidget(page)
        # The picture of the week takes a few milliseconds to paint: redraw a moment after typing.
        self.picture_timer = QTimer(self)
        self.picture_timer.setSingleShot(True)
        self.picture_timer.setInterval(150)
        self.picture_timer.timeout.connect(self.update_picture)
        self.picture = QPixmap()
        self._shown: tuple[Any, ...] | None = None  # the time, joint post and contract the tab shows
        controller.designChanged.connect(self.refresh)
        self.refresh()

    def _job_plan(self, checked: bool) -> Decimal | None:
        """Ticked: the job plan there is, or a full-time one of 10 programmed activities to start
        from; unticked: none."""
        current = self.controller.design.time.contracted_programmed_activities
        if not checked:
            return None
        return Decimal(10) if current is None else current

    def _set_job_plan(self, activities: Decimal | None) -> str | None:
        """Ticking and unticking are undo steps of their own, never merged with typing in the field."""
        if activities is None:
            return self.controller.set_field(PA_PATH, None, label="Stop counting in programmed activities", merge=False)
        return self.controller.set_field(
            PA_PATH, activities, label="Count the job plan in programmed activities", merge=False
        )

    def _enable_pa_field(self) -> None:
        """The fields follow the post's basis (core: timeplan.basis_hours). Programmed activities open
        only for a job plan counted in them, and show only for a post that can have one (not an
        office holder); days a month show for an office holder; the contracted hours, which either
        sets, open only when neither does."""
        design = self.controller.design
        plan = design.time
        appointment = design.contract is Contract.APPOINTMENT
        field = self.pa_binding.widget
        counted = plan.contracted_programmed_activities is not None
        enabled = counted or field.hasFocus()
        field.setEnabled(enabled)
        self.captions[field].setEnabled(enabled)
        for widget in (self.pa_basis, field):
            self.parts.show_row(widget, counted or not appointment)
        self.parts.show_row(self.days_binding.widget, appointment or plan.contracted_days_per_month is not None)
        hours = self.hours_binding.widget
        open_hours = not counted and not appointment and plan.contracted_days_per_month is None
        hours.setEnabled(open_hours)
        self.captions[hours].setEnabled(open_hours)
        self.parts.say_note(hours, "" if counted or open_hours else days_note(plan))

    def refresh(self) -> None:
        """The sentence, the greyed-out fields and (a moment later) the picture follow the time
        plan and the joint post's shares; an edit of anything else leaves them alone."""
        design = self.controller.design
        now = (design.time, design.joint, design.contract)
        if now == self._shown:
            return
        self._shown = now
        self.time_sentence.setText(" ".join(time_sentences(design.time)))
        self._enable_pa_field()
        self.picture_timer.start()

    def update_picture(self) -> None:
        from roledesigner.documents.weekpicture import render_png

        chart = week_chart(self.controller.design)
        ratio = self.week_picture.devicePixelRatioF()
        #: The picture as painted for the label's screen (the label hands back a copy at its own ratio).
        self.picture = picture_pixmap(lambda width: render_png(chart, width=width), ratio)
        self.week_picture.setPixmap(self.picture)
        self.week_picture.setAccessibleName(chart.alt_text)
        self.week_picture.setToolTip(chart.alt_text)
