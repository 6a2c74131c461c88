"""Badges for a list as one PDF of sheets, for an office printer: who (everyone, or the people
expected on a check-in list), which sheet, in which order, into which file. The badges are
drawn on a thread of their own with a progress bar that can cancel; a cancelled or failed run
leaves no file behind, and an existing file is replaced only when staff say so."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressDialog,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kiosk.app.badging import BADGE_ORDERS, BadgesWritten, TemplateInfo
from kiosk.app.checkin import Clock
from kiosk.core.model import CheckinList
from kiosk.ui.a11y import label_fields
from kiosk.ui.print_backend import BadgesPdfRequest, BadgesPdfRun
from kiosk.ui.texts import list_text, template_title

PROBLEM_STYLE = "color: #c62828; font-weight: 600;"


class BadgesPdfDialog(QDialog):
    """The form, and the run it starts (:class:`BadgesPdfRun`) with its progress dialog."""

    #: A PDF was written (BadgesWritten): the window may say so in its status bar.
    written = Signal(object)

    def __init__(
        self,
        path: str,
        lists: list[CheckinList],
        sheets: list[TemplateInfo],
        parent: QWidget | None = None,
        *,
        current_list: int | None = None,
        clock: Clock | None = None,
    ) -> None:
        super().__init__(parent)
        self.path = path
        self.clock = clock
        self.lists = lists
        self.run: BadgesPdfRun | None = None
        self.progress: QProgressDialog | None = None
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.people = QComboBox(self)
        self.people.addItem("", None)
        for checkin_list in lists:
            self.people.addItem("", checkin_list.id)
        self.people.setCurrentIndex(max(0, self.people.findData(current_list)))
        self.sheet = QComboBox(self)
        self.sheet.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.sheet.setMinimumContentsLength(40)
        for info in sheets:
            shown = template_title(info.name, info.title)
            self.sheet.addItem(shown or info.title, info.name)
            tip = shown or info.media  # the whole title when the box cuts it
            self.sheet.setItemData(self.sheet.count() - 1, tip, Qt.ItemDataRole.ToolTipRole)
        self.order = QComboBox(self)
        for order in BADGE_ORDERS:
            self.order.addItem("", order)
        self.output = QLineEdit(self)
        self.output.setMinimumWidth(360)
        self.output.setText(str(Path(path).resolve().parent / "badges.pdf"))
        self.choose = QPushButton(self)
        self.note = QLabel(self)
        self.note.setWordWrap(True)
        self.note.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        output_row = QHBoxLayout()
        output_row.addWidget(self.output, 1)
        output_row.addWidget(self.choose)
        self.form = QFormLayout()
        self.form.setSpacing(8)
        self.labels = [QLabel(self) for _ in range(4)]
        self.form.addRow(self.labels[0], self.people)
        self.form.addRow(self.labels[1], self.sheet)
        self.form.addRow(self.labels[2], self.order)
        self.form.addRow(self.labels[3], output_row)
        label_fields(self.form)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.write = self.buttons.addButton("", QDialogButtonBox.ButtonRole.AcceptRole)
        self.write.setDefault(True)
        self.buttons.accepted.connect(self.start)
        self.buttons.rejected.connect(self.reject)
        self.choose.clicked.connect(self._choose_file)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(18, 16, 18, 14)
        layout.setSpacing(12)
        layout.addWidget(self.intro)
        layout.addLayout(self.form)
        layout.addWidget(self.note)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(720)
        self.retranslate()

    # -- the form ------------------------------------------------------------------------------

    def request(self) -> BadgesPdfRequest:
        """What the form says (the file as typed, with .pdf added when it has no suffix)."""
        output = Path(self.output.text().strip()).expanduser()
        if output.name and output.suffix.lower() != ".pdf":
            output = output.with_name(output.name + ".pdf")
        list_id = self.people.currentData()
        return BadgesPdfRequest(
            output=output,
            template=str(self.sheet.currentData() or ""),
            list_id=int(list_id) if list_id is not None else None,
            order=str(self.order.currentData()),
        )

    def problem(self, request: BadgesPdfRequest) -> str:
        """Why the form cannot be run as it is ("" when it can)."""
        if not self.output.text().strip():
            return self.tr("Choose the PDF file to write.")
        if not request.output.parent.is_dir():
            return self.tr("The folder {folder} does not exist: choose another.").format(
                folder=request.output.parent
            )
        if request.output.is_dir():
            return self.tr("{path} is a folder: give a file name.").format(path=request.output)
        if not request.template:
            return self.tr("There is no sheet template to draw on.")
        return ""

    def _choose_file(self) -> None:
        chosen, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Badges PDF"), self.output.text(), self.tr("PDF files (*.pdf)")
        )
        if chosen:
            self.output.setText(chosen)

    def _show_note(self, text: str, *, problem: bool = False) -> None:
        self.note.setStyleSheet(PROBLEM_STYLE if problem else "")
        self.note.setText(text)
        self.note.setAccessibleName(text)

    # -- the run -------------------------------------------------------------------------------

    def start(self) -> None:
        """Check the form, ask before replacing a file, then draw on the run's thread."""
        if self.run is not None:
            return
        request = self.request()
        problem = self.problem(request)
        if problem:
            self._show_note(problem, problem=True)
            return
        if request.output.exists() and not self.confirm_replace(request.output):
            return
        self.output.setText(str(request.output))
        run = BadgesPdfRun(self.path, request, self, clock=self.clock)
        run.progressed.connect(self._progressed)
        run.written.connect(self._written)
        run.cancelled.connect(self._cancelled)
        run.failed.connect(self._failed)
        run.finished.connect(self._finished)
        self.run = run
        self._set_busy(True)
        self._show_note(self.tr("Reading who gets a badge…"))
        self.progress = self._progress_dialog()
        run.start()

    def confirm_replace(self, output: Path) -> bool:
        """Ask before an existing file is replaced (nothing is overwritten by surprise)."""
        answer = QMessageBox.question(
            self,
            self.tr("Replace the file?"),
            self.tr("{name} already exists in {folder}. Replace it?").format(
                name=output.name, folder=output.parent
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    def _progress_dialog(self) -> QProgressDialog:
        progress = QProgressDialog(self)
        progress.setWindowTitle(self.tr("Badges PDF"))
        progress.setLabelText(self.tr("Reading who gets a badge…"))
        progress.setCancelButtonText(self.tr("Cancel"))
        progress.setRange(0, 0)
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setAutoClose(False)
        progress.setAutoReset(False)
        progress.setMinimumWidth(380)
        progress.setMinimumDuration(500)  # a run of a few badges finishes without a flash
        progress.canceled.connect(self.cancel)
        return progress

    def cancel(self) -> None:
        """Stop the run at the next badge (nothing is written)."""
        if self.run is not None:
            self.run.cancel()
            if self.progress is not None:
                self.progress.setLabelText(self.tr("Cancelling…"))

    def _progressed(self, done: int, total: int) -> None:
        progress = self.progress
        if progress is None:
            return
        progress.setLabelText(
            self.tr("Drawing badge {done} of {total}…").format(done=done, total=total)
        )
        progress.setRange(0, total)
        # Last: a window-modal progress dialog lets events through here, and the run's end
        # may be among them.
        progress.setValue(done)

    def _written(self, written: BadgesWritten) -> None:
        badges = self.tr("Wrote %n badge(s)", "", written.badges)
        pages = self.tr("on %n page(s) to {path}.", "", written.pages).format(path=written.path)
        self._show_note(f"{badges} {pages}")
        self.written.emit(written)

    def _cancelled(self) -> None:
        self._show_note(self.tr("Cancelled: no file was written."))

    def _failed(self, message: str) -> None:
        self._show_note(
            self.tr("The badges were not written: {problem}").format(problem=message),
            problem=True,
        )

    def _finished(self) -> None:
        if self.progress is not None:
            self.progress.close()
            self.progress.deleteLater()
            self.progress = None
        if self.run is not None:
            self.run.deleteLater()
            self.run = None
        self._set_busy(False)

    def _set_busy(self, busy: bool) -> None:
        for widget in (self.people, self.sheet, self.order, self.output, self.choose, self.write):
            widget.setEnabled(not busy)

    @property
    def running(self) -> bool:
        return self.run is not None

    def stop(self) -> None:
        """Cancel a run and wait for its thread (closing the dialog or the window)."""
        run = self.run
        if run is not None:
            run.cancel()
            run.wait()
            self._finished()

    def reject(self) -> None:
        self.stop()
        super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.stop()
        super().closeEvent(event)

    # -- words ---------------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Badges PDF"))
        self.intro.setText(
            self.tr(
                "Badges on sheets for an office printer, to cut and hand out. The desk keeps "
                "checking in while they are drawn."
            )
        )
        self.labels[0].setText(self.tr("People"))
        self.labels[1].setText(self.tr("Sheet"))
        self.labels[2].setText(self.tr("Order"))
        self.labels[3].setText(self.tr("PDF file"))
        self.people.setItemText(0, self.tr("Everyone registered"))
        for index, checkin_list in enumerate(self.lists, start=1):
            self.people.setItemText(
                index, self.tr("Expected on {list}").format(list=list_text(checkin_list))
            )
        words = {
            "last-name": self.tr("Last name"),
            "organization": self.tr("Organisation"),
            "country": self.tr("Country"),
            "code": self.tr("Ticket code"),
        }
        for index, order in enumerate(BADGE_ORDERS):
            self.order.setItemText(index, words[order])
        self.choose.setText(self.tr("Choose…"))
        self.write.setText(self.tr("Write PDF"))
        if not self.note.text():
            self._show_note(
                self.tr(
                    "People on a list are those its check-in would admit: registered for its "
                    "day and in one of its categories."
                )
            )

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
