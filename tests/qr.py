"""Reading QR codes back from pictures as a kiosk's camera does: asking for QR codes only.

A decoder asked for every barcode kind now and then also "finds" a short ITF (interleaved
2-of-5) barcode along one row of a QR code's modules — 2 of 600 signed tickets with zxing-cpp
3.1, which made CI fail once. The camera and the self-test ask for QR only, and so do the tests.
"""

from __future__ import annotations

import zxingcpp
from PIL import Image


def read_qr(image: Image.Image) -> list[str]:
    """The texts of the QR codes in ``image``, in the decoder's order."""
    formats = zxingcpp.BarcodeFormats(zxingcpp.BarcodeFormat.QRCode)
    return [str(r.text) for r in zxingcpp.read_barcodes(image.convert("L"), formats=formats)]
