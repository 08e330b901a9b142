"""Fonts for the PDF: Noto Sans CJK from the noto-cjk-sans-otc wheel (OFL-1.1), subset per
document with HarfBuzz's own subsetter (uharfbuzz, milliseconds) and handed to WeasyPrint from memory
(render/pdf.py), so WeasyPrint neither subsets a 19 MB collection itself nor fetches any file.

Simplified text gets the SC face, Traditional the TC face (HK on request), so every character is
drawn in the glyph forms of its script.
"""

from __future__ import annotations

from functools import lru_cache

import uharfbuzz as hb

FACES = {"SC": "Noto Sans CJK SC", "TC": "Noto Sans CJK TC", "HK": "Noto Sans CJK HK"}


@lru_cache(maxsize=1)
def _collection() -> tuple[hb.Blob, dict[str, int]]:
    import noto_cjk_sans_otc

    path = str(noto_cjk_sans_otc.FONT_PATH)
    blob = hb.Blob.from_file_path(path)
    index = {}
    for i in range(16):
        try:
            face = hb.Face(blob, i)
        except Exception:  # noqa: BLE001 - past the last face
            break
        name = face.get_name(hb.OTNameIdPredefined.FONT_FAMILY) if hasattr(hb, "OTNameIdPredefined") else None
        name = name or face.get_name(1)
        if not name or face.glyph_count == 0:
            break
        for key, family in FACES.items():
            if name == family:
                index[key] = i
    missing = set(FACES) - set(index)
    if missing:
        raise RuntimeError(f"Noto Sans CJK collection lacks faces {sorted(missing)}")
    return blob, index


def subset(chars: str, face: str = "SC") -> bytes:
    """The font cut down to `chars` (plus what shaping needs), as OpenType bytes."""
    blob, index = _collection()
    source = hb.Face(blob, index[face])
    wanted = hb.SubsetInput()
    wanted.unicode_set.update(sorted({ord(c) for c in chars if not c.isspace()} | {0x20, 0xA0}))
    wanted.flags |= hb.SubsetFlags.NO_HINTING
    result = hb.subset(source, wanted)
    if result is None:
        raise RuntimeError(f"HarfBuzz could not subset the {face} face")
    return result.blob.data


def missing(chars: str, font: bytes) -> str:
    """The characters of `chars` the font has no glyph for (they would be drawn by a system font,
    or as empty boxes)."""
    have = hb.Face(hb.Blob(font)).unicodes
    return "".join(sorted({c for c in chars if ord(c) not in have and c.isprintable() and not c.isspace()}))
