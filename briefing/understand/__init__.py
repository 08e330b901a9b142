"""Understand stage: Source -> Report. Pure: no file system, no clock."""

from briefing.understand.analyse import understand
from briefing.understand.model import Report

__all__ = ["Report", "understand"]
