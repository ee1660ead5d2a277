"""Turn bytes into text: UTF-8 first, detected encodings next, binary refused."""

from __future__ import annotations

from triangulate.errors import InputError

__all__ = ["decode_bytes"]

# A file with NUL bytes or mostly control characters is not text, whatever its name says.
_BOMS = (
    (b"\xef\xbb\xbf", "utf-8"),
    (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
)
_CONTROL = set(range(0, 9)) | {11, 12} | set(range(14, 32))


def decode_bytes(data: bytes, source: str) -> str:
    """Decode an input file's bytes, detecting non-UTF-8 encodings; raise InputError if binary."""
    if not data.strip():
        raise InputError(source, "the file is empty; remove it or add the article's text")
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom) :].decode(codec)
            except UnicodeDecodeError as exc:
                raise InputError(
                    source, f"the file claims {codec} but does not decode; convert it to UTF-8"
                ) from exc
    if b"\x00" in data[:8192] or _control_ratio(data[:8192]) > 0.05:
        raise InputError(source, "the file is binary, not text; give .txt, .html or .jsonl files")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise InputError(
            source, "the text encoding could not be detected; convert the file to UTF-8"
        )
    return str(best)


def _control_ratio(sample: bytes) -> float:
    if not sample:
        return 0.0
    return sum(1 for b in sample if b in _CONTROL) / len(sample)
