"""Sniffing what an import file is: container format, text encoding, CSV delimiter, header row.

Organizers get registration lists from many tools: Excel on Bulgarian Windows saves CSV in
Windows-1251, on Romanian Windows in Windows-1250 (with the legacy cedilla ş ţ), Excel's "Unicode
text" is UTF-16 with tabs, Google Sheets and web platforms write UTF-8 (with or without a BOM), and
Excel in most of Europe separates fields with ";" because "," is the decimal mark. Nothing here asks
the user; every guess is made from the content, and every failure is an
:class:`~kiosk.importing.errors.ImportFileError` saying what to do.
"""

from __future__ import annotations

import codecs
import csv
import io
import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import BinaryIO, Literal

from kiosk.importing.errors import ImportFileError
from kiosk.importing.presets import header_key, is_known_header

Container = Literal["zip", "ole2", "html", "xml_spreadsheet", "pdf", "text"]

DELIMITERS = (",", ";", "\t")

#: How much of a file the guesses look at; a registration list's first rows say it all, and this
#: keeps detection O(1) in the file size.
_SAMPLE_BYTES = 256 * 1024
SAMPLE_CHARS = 64 * 1024

_SAVE_AS_UTF8 = (
    "open it in Excel or LibreOffice and save it as “CSV UTF-8”, or as .xlsx, then import again"
)


def sniff_container(head: bytes) -> Container:
    """What kind of file the first bytes say this is, whatever its name.

    Spreadsheets are often renamed or mislabelled (an "xls" download that is really a web page,
    an .xlsx that is a CSV), so the content decides, never the extension alone.
    """
    if head.startswith((b"PK\x03\x04", b"PK\x05\x06")):
        return "zip"
    if head.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        return "ole2"
    if head.startswith(b"%PDF"):
        return "pdf"
    start = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if start.startswith(b"<?xml") and b"urn:schemas-microsoft-com:office:spreadsheet" in head:
        return "xml_spreadsheet"
    if start.startswith((b"<!doctype html", b"<html", b"<table")) or (
        start.startswith(b"<") and b"<table" in head.lower()
    ):
        return "html"
    return "text"


# ---------------------------------------------------------------------------------------------
# Text encoding.


def decode_text(data: bytes, path: str) -> tuple[str, str]:
    """Decode a CSV file's bytes; returns ``(text, encoding)`` (see :func:`detect_encoding`)."""
    facts = detect_encoding(path, lambda: io.BytesIO(data))
    return data.decode(facts.encoding), facts.encoding


@dataclass(frozen=True, slots=True)
class TextFacts:
    """What one pass over a text file found: its encoding, how many quote characters it has
    (an odd count means a quote is never closed) and whether it holds only white space."""

    encoding: str
    quotes: int
    blank: bool


#: Bytes read at a time by the passes over a file.
CHUNK_BYTES = 1 << 20


def detect_encoding(path: str, open_binary: Callable[[], BinaryIO]) -> TextFacts:
    """The text encoding of a CSV file, read as a stream (``open_binary`` opens it afresh).

    Order of evidence: a byte-order mark; the NUL-byte pattern of BOM-less UTF-16; strict UTF-8
    (legacy 8-bit text is almost never valid UTF-8 by accident); otherwise Windows-1251 or -1250,
    whichever reads as more plausible words (see :func:`_plausibility`). The whole file is
    decoded once, a chunk at a time, so a broken character anywhere is found; memory stays at
    one chunk.
    """
    with open_binary() as stream:
        sample = stream.read(_SAMPLE_BYTES * 4)
    encoding: str | None = None
    if sample.startswith(codecs.BOM_UTF8):
        encoding = "utf-8-sig"
    elif sample.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        encoding = "utf-16"  # Python's utf-16 codec reads the BOM and drops it
    else:
        encoding = _bomless_utf16(sample)
    if encoding is not None:
        facts, bad_line = _decode_pass(open_binary, encoding)
        if bad_line is not None:
            label = "UTF-8" if encoding == "utf-8-sig" else "UTF-16"
            raise ImportFileError(
                path,
                f"the file is marked as {label} text but has broken characters "
                f"(near line {bad_line})",
                f"it may have been cut short or mix encodings; {_SAVE_AS_UTF8}",
                row=bad_line,
            )
        if encoding.startswith("utf-16-"):
            # Only a NUL pattern said "UTF-16": make sure it is text.
            _reject_binary(sample.decode(encoding, errors="ignore"), path)
        return facts

    # Binary files are practically never valid UTF-8, so valid UTF-8 is text: control
    # characters in it are left for clean() to remove.
    facts, bad_line = _decode_pass(open_binary, "utf-8")
    if bad_line is None:
        return facts
    _reject_mixed_utf8(sample, path)
    facts = _decode_legacy(open_binary, sample, path)
    _reject_binary(sample.decode(facts.encoding, errors="ignore"), path)
    return facts


def _decode_pass(
    open_binary: Callable[[], BinaryIO], encoding: str
) -> tuple[TextFacts, int | None]:
    """Decode the whole file a chunk at a time: its facts, and the line of the first broken
    character (None when there is none)."""
    decoder = codecs.getincrementaldecoder(encoding)()
    lines = quotes = 0
    blank = True
    with open_binary() as stream:
        while True:
            chunk = stream.read(CHUNK_BYTES)
            try:
                text = decoder.decode(chunk, final=not chunk)
            except UnicodeDecodeError as exc:
                bad = lines + chunk.count(b"\n", 0, max(exc.start, 0)) + 1
                return TextFacts(encoding, quotes, blank), bad
            lines += chunk.count(b"\n")
            quotes += text.count('"')
            if blank and text.strip():
                blank = False
            if not chunk:
                return TextFacts(encoding, quotes, blank), None


#: High bytes of the characters registration lists are made of in UTF-16: ASCII (0x00), Latin
#: letters with diacritics (0x01-0x02), Cyrillic (0x04), punctuation like – “ ” € (0x20).
_TEXT_HIGH_BYTES = (0x00, 0x01, 0x02, 0x03, 0x04, 0x05, 0x1E, 0x20, 0x21)


def _bomless_utf16(data: bytes) -> str | None:
    """Recognise UTF-16 without a BOM by where its NUL bytes are.

    In UTF-16 every ASCII character (digits, "@", delimiters, line breaks, Latin letters) has a
    zero high byte, so NULs cluster on one parity (odd offsets little-endian, even big-endian),
    and the high bytes as a whole take only a few values (0x04 for Cyrillic, 0x01 for ă ș ț…).
    UTF-8 or 8-bit text has no NULs, or only a stray few among varied bytes.
    """
    sample = data[:4096]
    n = len(sample) - len(sample) % 2
    if n < 4:
        return None
    even, odd = sample[0:n:2], sample[1:n:2]
    half = n // 2
    for high, low, candidate in ((odd, even, "utf-16-le"), (even, odd, "utf-16-be")):
        nuls = high.count(0)
        if nuls < 2 or low.count(0) * 20 > nuls:
            continue
        if sum(high.count(b) for b in _TEXT_HIGH_BYTES) * 10 < half * 9:
            continue
        try:
            sample[:n].decode(candidate)
        except UnicodeDecodeError:
            # A surrogate pair may straddle the cut; only reject if the start itself is broken.
            try:
                sample[: max(0, n - 4)].decode(candidate)
            except UnicodeDecodeError:
                continue
        return candidate
    return None


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")


def _reject_binary(text: str, path: str) -> None:
    """Refuse content that decodes but is clearly not text (an image, a database, …); needed
    where the decoding accepts any bytes (the 8-bit code pages, guessed UTF-16)."""
    sample = text[:SAMPLE_CHARS]
    if sample and len(_CONTROL.findall(sample)) * 100 > len(sample):
        raise ImportFileError(
            path,
            "this is not a text (CSV) file or a spreadsheet",
            "choose the registrations export itself (.csv or .xlsx)",
        )


_ESCAPED = re.compile(r"[\udc80-\udcff]")
_VALID_NON_ASCII = re.compile(r"[^\x00-\x7f\udc80-\udcff]")


def _reject_mixed_utf8(data: bytes, path: str) -> None:
    """A file that is mostly valid UTF-8 with a few invalid bytes mixes encodings (often two
    exports pasted together). Guessing a legacy encoding would garble every other name, so say
    where the bad bytes are instead."""
    text = data[: _SAMPLE_BYTES * 4].decode("utf-8", errors="surrogateescape")
    bad = _ESCAPED.search(text)
    if bad is None:  # the invalid bytes are beyond the sample; judge by the sample anyway
        return
    good = len(_VALID_NON_ASCII.findall(text))
    invalid = len(_ESCAPED.findall(text))
    if good >= 3 and good >= 3 * invalid:
        line = text.count("\n", 0, bad.start()) + 1
        raise ImportFileError(
            path,
            f"the file is UTF-8 text but line {line} has characters in another encoding",
            f"the file mixes encodings (often two exports pasted together); fix line {line} "
            f"or {_SAVE_AS_UTF8}",
            row=line,
        )


_WORDS = re.compile(r"[^\W\d_]+")


def _plausibility(text: str) -> int:
    """How much ``text`` looks like real Bulgarian/Romanian/Latin-alphabet words.

    Only words with non-ASCII letters tell encodings apart. A whole-Cyrillic word is plausible; a
    Latin word with a few diacritics is plausible; a Latin "word" made mostly of accented letters
    (``Čâŕíîâ``: cp1251 Иванов read as cp1250) is not; and a word mixing Cyrillic and Latin letters
    (``Єtefгnescu``: cp1250 Ştefănescu read as cp1251) is a sure sign of the wrong code page.
    """
    score = 0
    for word in _WORDS.findall(text):
        if word.isascii():
            continue
        cyrillic = sum(1 for c in word if "\u0400" <= c <= "\u04ff")
        if cyrillic == len(word):
            score += 2 if len(word) > 1 else 1
        elif cyrillic:
            score -= 5
        else:
            accented = sum(1 for c in word if not c.isascii())
            score += 2 if accented * 2 <= len(word) else -3
    return score


def _decode_legacy(
    open_binary: Callable[[], BinaryIO], sample: bytes, path: str
) -> TextFacts:
    """Windows-1251 (Bulgarian) or Windows-1250 (Romanian, Central European), by plausibility."""
    sample = sample[:_SAMPLE_BYTES]
    scored: list[tuple[int, int, str]] = []
    for order, encoding in enumerate(("cp1251", "cp1250")):
        try:
            decoded = sample.decode(encoding)
        except UnicodeDecodeError:
            continue
        # Ties go to cp1251 (order 0): with no letters to judge by, either reads the same.
        scored.append((_plausibility(decoded), -order, encoding))
    for _, _, encoding in sorted(scored, reverse=True):
        facts, bad_line = _decode_pass(open_binary, encoding)
        if bad_line is None:
            return facts
    raise ImportFileError(
        path,
        "the text encoding could not be recognised (it is not UTF-8, UTF-16, Windows-1251 "
        "or Windows-1250)",
        _SAVE_AS_UTF8,
    )


# ---------------------------------------------------------------------------------------------
# CSV delimiter.

_SEP_LINE = re.compile(r"\A\ufeff?sep=(.)\r?\n", re.IGNORECASE)


def excel_sep_line(text: str) -> str | None:
    """The delimiter declared by Excel's optional first line ``sep=;``, if present and known."""
    match = _SEP_LINE.match(text)
    if match and match.group(1) in DELIMITERS:
        return match.group(1)
    return None


def detect_delimiter(text: str) -> str:
    """Choose ``,``, ``;`` or tab for a CSV text.

    ``csv.Sniffer`` is easily fooled (by commas inside names, decimal commas, quoted fields), so
    each candidate is scored by actually parsing the first rows with it, quotes respected:
    first by how many cells of the best row are known column headers (the delimiter that
    splits "Име;Фамилия;Имейл" into three known headers is the right one), then by whether it
    gives more than one column, then by how consistent the number of fields is across rows,
    then by the number of columns.
    """
    sample = text[:SAMPLE_CHARS]
    truncated = len(text) > len(sample)
    best = ","
    best_score: tuple[int, bool, float, int] = (-1, False, 0.0, 0)
    for delimiter in DELIMITERS:
        if delimiter not in sample:
            continue
        records = list(csv.reader(io.StringIO(sample, newline=""), delimiter=delimiter))
        if truncated and records:
            records.pop()  # the sample may end in the middle of a row
        rows = [r for r in records if any(c.strip() for c in r)][:200]
        if not rows:
            continue
        counts = Counter(len(r) for r in rows)
        modal, frequency = counts.most_common(1)[0]
        consistency = round(frequency / len(rows), 1)
        hits = max(_known_cells(r) for r in rows[:30])
        score = (hits, modal > 1, consistency, modal)
        if score > best_score:
            best, best_score = delimiter, score
    return best


def _known_cells(row: Sequence[str]) -> int:
    return sum(1 for c in row if c and len(c) < 200 and is_known_header(header_key(c)))


# ---------------------------------------------------------------------------------------------
# Header row.

#: Rows above the header that may hold titles ("Participants — Conference 2026", export date…).
HEADER_SEARCH_ROWS = 30


def find_header_row(rows: Sequence[Sequence[str]]) -> tuple[int, bool]:
    """Which of the first non-empty rows of a sheet is the header; returns ``(index, sure)``.

    ``sure`` is True when the row has at least two cells that are known column names, or is a
    single-column header that is one (like "Name"); otherwise the guess is the first row about as
    wide as the widest of these rows, because title rows above a header are narrow.
    """
    rows = rows[:HEADER_SEARCH_ROWS]
    if not rows:
        return 0, False
    for index, row in enumerate(rows):
        known = _known_cells(row)
        filled = sum(1 for c in row if c.strip())
        if known >= 2 or (known >= 1 and known * 2 >= filled):
            return index, True
    widths = [sum(1 for c in row if c.strip()) for row in rows]
    widest = max(widths)
    for index, width in enumerate(widths):
        if width * 2 >= widest:
            return index, False
    return 0, False  # pragma: no cover - the widest row always qualifies
