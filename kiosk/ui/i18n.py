"""Languages of the window: Bulgarian, Romanian and English, switchable at runtime.

Our strings come from ``kiosk/ui/translations/kiosk_<lang>.qm`` (Qt Linguist sources beside
them). Qt's own strings (standard buttons, dialogs) come from Qt's ``qtbase_<lang>.qm``; Qt ships
none for Romanian, so ``qtbase_ro.qm`` of our own is in the same folder.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QLibraryInfo, QLocale, QTranslator

log = logging.getLogger(__name__)

LANGUAGES: dict[str, str] = {"bg": "Български", "ro": "Română", "en": "English"}
DEFAULT = "en"
TRANSLATIONS = Path(__file__).resolve().parent / "translations"


def system_language() -> str:
    name = QLocale.system().name().split("_")[0]
    return name if name in LANGUAGES else DEFAULT


class Translations:
    """Installs the translators of one language and swaps them on :meth:`switch`."""

    def __init__(self, app: QCoreApplication) -> None:
        self.app = app
        self.language = DEFAULT
        self._installed: list[QTranslator] = []

    def switch(self, language: str) -> bool:
        """Change the language of every window; False (and English) if it is not available."""
        if language not in LANGUAGES:
            language = DEFAULT
        for translator in self._installed:
            self.app.removeTranslator(translator)
        self._installed = []
        ok = True
        if language != DEFAULT:
            ok = self._install(TRANSLATIONS / f"kiosk_{language}.qm")
            qt_own = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))
            qtbase = qt_own / f"qtbase_{language}.qm"
            self._install(qtbase if qtbase.exists() else TRANSLATIONS / f"qtbase_{language}.qm")
        else:
            # English plurals ("%n people found") come from the English catalogue.
            self._install(TRANSLATIONS / "kiosk_en.qm")
        QLocale.setDefault(QLocale(language))
        self.language = language
        # Qt posts a LanguageChange to every widget; deliver them now, so the whole window
        # speaks the new language before the next scan result is drawn.
        QCoreApplication.sendPostedEvents(None, QEvent.Type.LanguageChange)
        return ok

    def clear(self) -> None:
        """Remove this object's translators (Qt's built-in English remains)."""
        for translator in self._installed:
            self.app.removeTranslator(translator)
        self._installed = []

    def _install(self, path: Path) -> bool:
        translator = QTranslator(self.app)
        if not path.exists() or not translator.load(str(path)):
            log.warning("translation %s is missing", path)
            return False
        self.app.installTranslator(translator)
        self._installed.append(translator)
        return True
