"""Badges and printer of this kiosk: the printer, the badge template with a live preview of a
real attendee's badge, when to print automatically, and a test page."""

from __future__ import annotations

from PIL import Image
from PySide6.QtCore import QEvent, QSize, Qt, Signal
from PySide6.QtGui import QImage, QPixmap, QResizeEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QRadioButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from kiosk.app.badging import TemplateInfo
from kiosk.app.printing import FoundPrinter, PrintPolicy
from kiosk.ui.a11y import label_fields
from kiosk.ui.print_backend import Preview, PrintSettings
from kiosk.ui.texts import template_title
from kiosk.ui.widgets.parts import save_cancel_buttons


def to_pixmap(image: Image.Image) -> QPixmap:
    rgb = image.convert("RGB")
    data = rgb.tobytes()
    qimage = QImage(data, rgb.width, rgb.height, rgb.width * 3, QImage.Format.Format_RGB888)
    return QPixmap.fromImage(qimage.copy())


class BadgeSettingsDialog(QDialog):
    """A form: the window saves the chosen settings through the print backend."""

    preview_requested = Signal(str)  # template name
    test_requested = Signal(str)  # printer URI
    find_requested = Signal()

    def __init__(
        self, settings: PrintSettings, templates: list[TemplateInfo], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.templates = [t for t in templates if t.kind == "badge"]
        self.printer = QComboBox(self)
        self.printer.setEditable(True)
        self.printer.setMinimumWidth(380)
        self.printer.setCurrentText(settings.printer_uri)
        self.find_button = QPushButton(self)
        self.test_button = QPushButton(self)
        self.template = QComboBox(self)
        for info in self.templates:
            # A built-in template's title says its medium, in the window's language; the
            # organiser's own template shows its title as written and the medium measured.
            shown = template_title(info.name, info.title) or f"{info.title} — {info.media}"
            self.template.addItem(shown, info.name)
        index = self.template.findData(settings.template)
        self.template.setCurrentIndex(max(0, index))
        self.policy_group = QButtonGroup(self)
        self.policy_buttons: dict[PrintPolicy, QRadioButton] = {}
        for policy in PrintPolicy:
            button = QRadioButton(self)
            self.policy_group.addButton(button)
            self.policy_buttons[policy] = button
        self.policy_buttons[settings.policy].setChecked(True)
        self.meeting_slip = QCheckBox(self)
        self.meeting_slip.setChecked(settings.meeting_slip)
        self.note = QLabel(self)
        self.note.setWordWrap(True)
        self.note.setObjectName("Muted")
        self.preview = QLabel(self)
        self.preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.preview.setMinimumSize(QSize(340, 420))
        self.preview.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.preview.setFrameShape(QFrame.Shape.StyledPanel)
        self.preview.setStyleSheet("background: #eceff1;")
        self.preview_image: Image.Image | None = None

        printer_row = QHBoxLayout()
        printer_row.addWidget(self.printer, 1)
        printer_row.addWidget(self.find_button)
        printer_row.addWidget(self.test_button)
        policies = QVBoxLayout()
        for button in self.policy_buttons.values():
            policies.addWidget(button)
        policies.addWidget(self.meeting_slip)
        self.form = QFormLayout()
        self.form_labels = [QLabel(self) for _ in range(3)]
        self.form.addRow(self.form_labels[0], printer_row)
        self.form.addRow(self.form_labels[1], self.template)
        self.form.addRow(self.form_labels[2], policies)
        label_fields(self.form)
        left = QVBoxLayout()
        left.addLayout(self.form)
        left.addWidget(self.note)
        left.addStretch(1)
        body = QHBoxLayout()
        body.addLayout(left, 3)
        body.addWidget(self.preview, 2)
        self.buttons, _ = save_cancel_buttons(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(18, 16, 18, 14)
        layout.setSpacing(12)
        layout.addLayout(body, 1)
        layout.addWidget(self.buttons)
        self.template.currentIndexChanged.connect(self._template_changed)
        self.find_button.clicked.connect(self.find_requested)
        self.test_button.clicked.connect(self._test)
        self.resize(980, 560)
        self.retranslate()

    def _test(self) -> None:
        self.note.setText(self.tr("Sending a test page…"))
        self.test_requested.emit(self.printer.currentText().strip())

    def chosen(self) -> PrintSettings:
        policy = next(p for p, b in self.policy_buttons.items() if b.isChecked())
        template = str(self.template.currentData() or "")
        return PrintSettings(
            policy, self.printer.currentText().strip(), template, self.meeting_slip.isChecked()
        )

    def _template_changed(self, _index: int) -> None:
        self.preview.setText(self.tr("Drawing the badge…"))
        self.preview_requested.emit(str(self.template.currentData() or ""))

    def request_preview(self) -> None:
        self._template_changed(self.template.currentIndex())

    def show_preview(self, preview: Preview) -> None:
        if preview.template != self.template.currentData():
            return  # an older choice's picture
        if preview.image is None:
            self.preview_image = None
            self.preview.setText(self.tr("No preview: {problem}").format(problem=preview.problem))
            return
        self.preview_image = preview.image
        self._paint_preview()

    def _paint_preview(self) -> None:
        if self.preview_image is None:
            return
        pixmap = to_pixmap(self.preview_image)
        area = self.preview.size() - QSize(16, 16)
        self.preview.setPixmap(
            pixmap.scaled(
                area,
                Qt.AspectRatioMode.KeepAspectRatio,
                Qt.TransformationMode.SmoothTransformation,
            )
        )

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._paint_preview()

    def show_printers(self, found: list[FoundPrinter]) -> None:
        current = self.printer.currentText()
        self.printer.clear()
        for printer in found:
            self.printer.addItem(f"{printer.uri}", printer.uri)
            self.printer.setItemData(
                self.printer.count() - 1, printer.description, Qt.ItemDataRole.ToolTipRole
            )
        self.printer.setCurrentText(current)
        found_text = self.tr("%n printer(s) found.", "", len(found))
        hint = self.tr("ESC/POS printers need ?profile=… (e.g. TM-T20II).")
        self.note.setText(f"{found_text} {hint}")

    def show_test_result(self, uri: str, problem: str) -> None:
        if problem:
            self.note.setText(self.tr("Test page not printed: {problem}").format(problem=problem))
        else:
            self.note.setText(self.tr("Test page sent to {uri}.").format(uri=uri))

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Badges and printer"))
        self.form_labels[0].setText(self.tr("Printer"))
        self.form_labels[1].setText(self.tr("Badge"))
        self.form_labels[2].setText(self.tr("Print automatically"))
        editor = self.printer.lineEdit()
        if editor is not None:
            editor.setPlaceholderText(
                self.tr("e.g. escpos+tcp://192.168.1.50:9100?profile=TM-T20II")
            )
        self.find_button.setText(self.tr("Find printers"))
        self.test_button.setText(self.tr("Test page"))
        self.policy_buttons[PrintPolicy.NEVER].setText(self.tr("Never (print from the details)"))
        self.policy_buttons[PrintPolicy.FIRST_ADMISSION].setText(
            self.tr("On the first admission of the event")
        )
        self.policy_buttons[PrintPolicy.EVERY_ADMISSION].setText(self.tr("On every admission"))
        self.meeting_slip.setText(self.tr("Then the person's B2B meetings of the day, if any"))
        if not self.note.text():
            self.note.setText(
                self.tr(
                    "The preview shows the attendee with the longest name, so you can see how "
                    "long names fit."
                )
            )

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
