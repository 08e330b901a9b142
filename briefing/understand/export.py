"""The report model as JSON (`briefing.report/1`) and as a short text summary."""

from __future__ import annotations

from decimal import Decimal

from briefing.understand.model import SCHEMA_ID, Report


def number(value: Decimal) -> int | float:
    """JSON number for a Decimal: an int when whole, else the nearest float."""
    return int(value) if value == value.to_integral_value() else float(value)


def report_to_dict(report: Report) -> dict:
    d = report.district
    return {
        "schema": SCHEMA_ID,
        "source": report.source,
        "sha256": report.sha256,
        "encoding": report.encoding,
        "script": report.script,
        "title": report.title,
        "date": report.date,
        "outlet": report.outlet,
        "district": None
        if d is None
        else {"zh": d.zh, "en": d.en, "code": d.code, "city_zh": d.city_zh, "province_zh": d.province_zh},
        "period": report.period,
        "kind": report.kind,
        "sections": [
            {
                "id": s.id,
                "kind": s.kind,
                "heading": s.heading,
                "level": s.level,
                "span": list(s.span),
                "heading_span": list(s.heading_span) if s.heading_span else None,
            }
            for s in report.sections
        ],
        "figures": [
            {
                "id": f.id,
                "section": f.section,
                "label": f.label,
                "counted": f.counted,
                "value": number(f.value),
                "value_text": format(f.value, "f"),
                "unit": f.unit,
                "approx": f.approx,
                "change": f.change,
                "basis": f.basis,
                "span": list(f.span),
                "text": f.text,
                "sentence": list(f.sentence),
                "sentence_text": f.sentence_text,
            }
            for f in report.figures
        ],
        "initiatives": [
            {
                "name": i.name,
                "kind": i.kind,
                "sections": list(i.sections),
                "figure_ids": list(i.figure_ids),
                "spans": [list(s) for s in i.spans],
            }
            for i in report.initiatives
        ],
        "exchanges": [
            {
                "section": e.section,
                "question_span": list(e.question_span),
                "answer_span": list(e.answer_span) if e.answer_span else None,
                "asked_by": e.asked_by,
                "answered_by": e.answered_by,
            }
            for e in report.exchanges
        ],
        "paragraphs": [
            {
                "section": p.section,
                "role": p.role,
                "span": list(p.span),
                "sentences": [{"span": list(x.span), "text": x.text} for x in p.sentences],
            }
            for p in report.paragraphs
        ],
        "chrome": [{"span": list(span), "role": role} for span, role in report.chrome],
    }


def report_to_text(report: Report, source_text: str) -> str:
    d = report.district
    lines = [
        f"title     {report.title}",
        f"date      {report.date or '-'}    outlet {report.outlet or '-'}",
        f"district  {d.zh + ' ' + d.en + ' (' + (d.code or '') + ', ' + (d.city_zh or '') + ')' if d else '-'}",
        f"period    {report.period or '-'}    kind {report.kind}    script {report.script}",
        "",
    ]
    for s in report.sections:
        lines.append(f"[{s.id}] {s.kind}: {s.heading or '(lede)'}")
        for f in report.figures:
            if f.section == s.id:
                extra = " ".join(x for x in (f.approx, f.change, f.basis) if x)
                lines.append(
                    f"    {f.id:>4} {f.text:<14} = {format(f.value, 'f')} {f.unit} {extra}  «{f.label}»"
                )
    if report.initiatives:
        lines.append("")
        lines.append("initiatives: " + "、".join(i.name for i in report.initiatives))
    return "\n".join(lines)
