"""briefing: per-district English briefings from Chinese local-government reports.

The pipeline, one package per stage, data flowing one way:
read (bytes -> Source) -> understand (Source -> Report) -> compose (Reports -> Briefing)
-> render (Briefing -> md/html/pdf bytes) -> build (plan, write, index).
"""

__version__ = "0.1.0"
