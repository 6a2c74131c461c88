"""Ticket codes: an alphabet that survives keyboard layouts, with a check character."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from kiosk.core import codes
from kiosk.core.reasons import Hint

bodies = st.text(alphabet=codes.ALPHABET, min_size=codes.BODY_LENGTH, max_size=codes.BODY_LENGTH)


def test_generated_codes_use_only_digits_and_unambiguous_capitals() -> None:
    for _ in range(200):
        code = codes.generate()
        assert len(code) == codes.CODE_LENGTH and codes.is_valid(code)
        assert not set(code) & set("ILOUQYZ")


def test_the_alphabet_size_is_prime_so_the_check_catches_transpositions() -> None:
    n = codes.MODULUS
    assert n == 29 and all(n % d for d in range(2, n))


@given(bodies, st.integers(0, codes.BODY_LENGTH), st.sampled_from(codes.ALPHABET))
def test_any_single_wrong_character_is_detected(body: str, pos: int, wrong: str) -> None:
    code = body + codes.check_character(body)
    if code[pos] == wrong:
        return
    typo = code[:pos] + wrong + code[pos + 1 :]
    assert not codes.is_valid(typo)


@given(bodies, st.integers(0, codes.BODY_LENGTH - 1))
def test_any_swap_of_neighbours_is_detected(body: str, pos: int) -> None:
    code = body + codes.check_character(body)
    if code[pos] == code[pos + 1]:
        return
    swapped = code[:pos] + code[pos + 1] + code[pos] + code[pos + 2 :]
    assert not codes.is_valid(swapped)


def test_lower_case_and_look_alike_letters_are_read_as_our_code() -> None:
    code = codes.check_character("0011ABCD")
    full = "0011ABCD" + code
    assert codes.canonical("ooil abcd" + code.lower()) == full
    assert codes.canonical("0011-ABCD-" + code) == full


def test_a_mistyped_last_character_gets_the_check_character_hint() -> None:
    code = codes.generate()
    wrong = code[:-1] + ("0" if code[-1] != "0" else "1")
    assert codes.unknown_hint(wrong.lower()) is Hint.CHECK_CHARACTER  # typed by a person


def test_a_scan_cut_short_or_with_a_wrong_check_character_is_a_partial_scan() -> None:
    # Issue 17: the scanner's WC3J52AVJ arrived as 3J52AVJ on a busy laptop.
    code = "WC3J52AV" + codes.check_character("WC3J52AV")
    wrong = code[:-1] + ("0" if code[-1] != "0" else "1")
    for piece in (code[2:], code[:-1], code[:3], wrong):
        assert codes.is_partial(piece), piece
        assert codes.unknown_hint(piece) is Hint.PARTIAL_SCAN
    assert not codes.is_partial(code)
    assert not codes.is_partial("AB")  # two keys are not a scan
    assert not codes.is_partial("popescu") and not codes.is_partial("12345-678")


def test_the_code_at_the_end_of_typed_text_is_found_even_after_a_name() -> None:
    code = "WC3J52AV" + codes.check_character("WC3J52AV")
    assert codes.code_at_end(code) == code
    assert codes.code_at_end("popescu" + code) == code
    assert codes.code_at_end(code[1:]) is None
    assert codes.code_at_end(code.lower()) is None  # a scanner types our codes in capitals
    assert codes.code_at_end("constantin") is None
    imported = {"EB-0042917", "1234"}
    assert codes.code_at_end("xEB-0042917", imported.__contains__) == "EB-0042917"
    assert codes.code_at_end("ab1234", imported.__contains__) == "1234"
    assert codes.code_at_end("234", imported.__contains__) is None


def test_foreign_codes_and_garbage_get_no_misleading_hint() -> None:
    assert codes.unknown_hint("EVENTBRITE-123456789") is None
    assert codes.unknown_hint("") is Hint.MALFORMED
    assert codes.unknown_hint("x" * (codes.MAX_SCAN_LENGTH + 1)) is Hint.MALFORMED


@given(st.text())
def test_cleaning_a_scan_never_fails_and_leaves_no_control_characters(raw: str) -> None:
    cleaned = codes.clean_scan(raw)
    assert all(c.isprintable() for c in cleaned) and cleaned == cleaned.strip()
