"""The one exception registration import raises for bad input.

Organizers see these messages directly, so each one says which file, where in it (row and column
when known), what is wrong and what to do about it. Import code never lets any other exception
escape for a problem in the file itself: a traceback is not something the desk can act on.
"""

from __future__ import annotations

import os


class ImportFileError(Exception):
    """A problem with an import file that the user must fix. ``str(e)`` is the full message.

    The message reads ``"<file name>[, row N][, column 'X']: <problem> — <advice>"``. Only the file
    name (not the full path) is shown, because that is what the organizer recognises; the full
    path stays available in :attr:`path`.
    """

    def __init__(
        self,
        path: str | os.PathLike[str],
        problem: str,
        advice: str,
        *,
        row: int | None = None,
        column: str | None = None,
        reason: str = "bad_file",
        details: tuple[str, ...] = (),
    ) -> None:
        self.path = os.fspath(path)
        #: Stable machine code: bad_file, cell_too_long, code_too_long, bad_code, bad_rows,
        #: warnings_strict, different_list, many_missing, unknown_sheet.
        self.reason = reason
        #: Lines listing what the problem concerns (the rows refused, the people who would be
        #: cancelled), shown below the message.
        self.details = details
        self.problem = problem
        self.advice = advice
        self.row = row
        self.column = column
        super().__init__(self._message())

    def _message(self) -> str:
        where = os.path.basename(self.path) or self.path
        if self.row is not None:
            where += f", row {self.row}"
        if self.column is not None:
            where += f", column '{self.column}'"
        text = f"{where}: {self.problem} — {self.advice}"
        if self.details:
            text += "".join(f"\n  {line}" for line in self.details)
        return text

    def __str__(self) -> str:
        return self._message()

    def __reduce__(
        self,
    ) -> tuple[object, tuple[str, str, str, int | None, str | None, str, tuple[str, ...]]]:
        # Exception's default pickling replays ``cls(*self.args)``, which cannot carry the
        # keyword-only arguments; errors may cross a process boundary (an import worker).
        return (
            _rebuild,
            (
                self.path, self.problem, self.advice, self.row, self.column, self.reason,
                self.details,
            ),
        )  # fmt: skip


def _rebuild(
    path: str,
    problem: str,
    advice: str,
    row: int | None,
    column: str | None,
    reason: str = "bad_file",
    details: tuple[str, ...] = (),
) -> ImportFileError:
    return ImportFileError(
        path, problem, advice, row=row, column=column, reason=reason, details=details
    )
