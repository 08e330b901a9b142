"""Read stage: bytes on disk -> Source (decoded text, encoding, blocks with offsets)."""

from briefing.read.source import Block, Source, read_bytes, read_source

__all__ = ["Block", "Source", "read_bytes", "read_source"]
