"""What the screens say about a person's B2B meetings (Qt context "Meetings")."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from kiosk.core.meetings import country_code, with_word
from kiosk.core.text import has_cyrillic, transliterate
from kiosk.ui.texts import ui_language

if TYPE_CHECKING:  # found after a scan; the desk window is painted before the meetings code
    from kiosk.app.meetings import Meeting, Person, ScanMeetings


def partner_text(partner: Person, *, latin: bool = False) -> str:
    """ "Ion Popescu (Black Sea Cluster)"; with ``latin`` a Cyrillic name gets its Latin
    spelling too, as on badges ("Иван Петров / Ivan Petrov")."""
    name = partner.name
    if latin and has_cyrillic(name):
        name = f"{name} / {transliterate(name)}"
    return f"{name} ({partner.organization})" if partner.organization else name


def when_text(meeting: Meeting) -> str:
    return f"{meeting.start:%H:%M}–{meeting.end:%H:%M}" if meeting.end else f"{meeting.start:%H:%M}"


class MeetingTexts(QObject):
    """The words (Qt context "MeetingTexts")."""

    def desk_lines(self, found: ScanMeetings) -> list[str]:
        meetings = list(found.meetings)
        if not meetings:
            return []
        upcoming = found.upcoming()
        first = (upcoming or meetings)[0]
        partner = first.partner_of(found.attendee_uid)
        where = f", {first.location}" if first.location else ""
        count = self.tr("%n B2B meetings today", "", len(meetings))
        started = (
            upcoming
            and found.at is not None
            and datetime.combine(first.day, first.start) <= found.at
        )
        if started:  # arrived while a meeting is under way: it is the one to hurry to
            detail = self.tr("now, since {time}{where}, with {partner}")
        elif upcoming and upcoming[0] is not meetings[0]:  # arrived after the first had ended
            detail = self.tr("next {time}{where}, with {partner}")
        else:
            detail = self.tr("first {time}{where}, with {partner}")
        bulgarian = with_word(ui_language(), partner.name)
        if bulgarian is not None:  # "със Симона", "с Ion": the catalogue's "с" before a name
            detail = detail.replace(" с {partner}", f" {bulgarian} {{partner}}")
        when = f"{first.start:%H:%M}"
        lines = [
            count + " — " + detail.format(time=when, where=where, partner=partner_text(partner))
        ]
        missing = [
            f"{m.partner_of(found.attendee_uid).name} ({m.start:%H:%M})"
            for m in upcoming
            if not m.partner_of(found.attendee_uid).arrived
        ]
        if missing:
            lines.append(self.tr("Not here yet: {people}").format(people=", ".join(missing)))
        if found.marked_held:
            held = len(found.marked_held)
            lines.append(self.tr("%n meetings marked held (both badges scanned here)", "", held))
        return lines

    def kiosk_title(self) -> str:
        return self.tr("Your meetings today")


_texts: MeetingTexts | None = None


def _words() -> MeetingTexts:
    global _texts
    if _texts is None:
        _texts = MeetingTexts()
    return _texts


def desk_lines(found: ScanMeetings) -> list[str]:
    """For the desk's result panel: the count, the first meeting, and the partners not here
    yet ("3 B2B meetings today — first 10:30, Table 12, with Ion Popescu (Black Sea Cluster)")."""
    return _words().desk_lines(found)


def kiosk_lines(found: ScanMeetings) -> list[str]:
    """For the attendee at the self-service kiosk: their own schedule only (time, table,
    partner and firm), never whether the partner has arrived; meetings already over at the
    check-in are left out (someone arriving at 11:40 is not sent to a 10:00 table)."""
    lines = []
    for m in found.upcoming():
        partner = m.partner_of(found.attendee_uid)
        parts = [when_text(m)]
        if m.location:
            parts.append(m.location)
        parts.append(partner_text(partner, latin=True))
        lines.append("  ·  ".join(parts))
    return lines


def kiosk_title() -> str:
    return _words().kiosk_title()


def country_label(country: str) -> str:
    """A country as the board shows it: the two first-event countries by code, others as given."""
    code = country_code(country)
    return code if code in ("BG", "RO") else country
