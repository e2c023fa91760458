"""Make samples/corpus/farc-and-dissidents.pdf from the text below (run once, at authoring time).

    .venv/bin/python samples/make_pdf.py

Needs fpdf2 (a dev dependency). The PDF's metadata (title, author, creation date) is set so that
the PDF reader's metadata handling has something to read; the output is deterministic.
"""
from __future__ import annotations

import datetime as dt
from pathlib import Path

from fpdf import FPDF

OUT = Path(__file__).resolve().parent / "corpus" / "farc-and-dissidents.pdf"
TITLE = "The FARC and Its Dissidents"
AUTHOR = "Camila Restrepo"
CREATED = dt.datetime(2022, 9, 12, 10, 0, tzinfo=dt.timezone.utc)

PAGES = [
    [
        ("h", TITLE),
        ("p", "The Revolutionary Armed Forces of Colombia - People's Army (FARC-EP), usually called the FARC, "
              "was a Marxist-Leninist guerrilla group founded in 1964 by Manuel Marulanda and Jacobo Arenas after "
              "an army offensive against peasant self-defence communities in southern Tolima. For five decades it "
              "fought the Colombian state, mainly in the south and east of the country, and financed itself "
              "through kidnapping, extortion and taxes on the coca trade."),
        ("p", "The United States designated the FARC a Foreign Terrorist Organization in October 1997. "
              "Marulanda died of natural causes in March 2008. His successor, Alfonso Cano, was killed by the "
              "Colombian army in November 2011, and Rodrigo Londono, known as Timoleon Jimenez or Timochenko, "
              "became the group's commander."),
        ("h", "The peace agreement"),
        ("p", "After four years of talks in Havana, the government of Juan Manuel Santos and the FARC signed a "
              "final peace agreement on 24 November 2016. The guerrillas handed over their weapons to a United "
              "Nations mission in 2017 and founded a legal political party, which was renamed Comunes in 2021. "
              "On 30 November 2021 the United States revoked the FARC's designation."),
    ],
    [
        ("h", "The dissidents"),
        ("p", "Not all fronts accepted the agreement. Commanders around Gentil Duarte and Ivan Mordisco rejected "
              "it in 2016 and kept their units in arms. Their network, later called the Central General Staff "
              "(Estado Mayor Central), operated in several regions of Colombia and across the border in "
              "Venezuela. Gentil Duarte was reportedly killed in Venezuela in May 2022, according to Colombia's "
              "defence minister."),
        ("p", "On 29 August 2019 the former FARC negotiator Ivan Marquez announced in a video that he was "
              "returning to arms, together with Jesus Santrich and other former commanders. Their group became "
              "known as the Segunda Marquetalia. It has been a rival of the Central General Staff, and Santrich "
              "was killed in Venezuela in May 2021, reportedly in an ambush by rival armed men."),
        ("p", "On the same day that it revoked the FARC's designation, the United States designated the "
              "Segunda Marquetalia and the dissident faction that used the FARC-EP name as Foreign Terrorist "
              "Organizations. In January 2022 the dissidents and the National Liberation Army (ELN) clashed in "
              "the department of Arauca, on the Venezuelan border, in fighting that killed dozens of people."),
    ],
]


def build() -> bytes:
    pdf = FPDF()
    pdf.set_title(TITLE)
    pdf.set_author(AUTHOR)
    pdf.set_creator("samples/make_pdf.py (factionmap)")
    pdf.set_creation_date(CREATED)
    pdf.set_margins(20, 20, 20)
    for blocks in PAGES:
        pdf.add_page()
        for kind, text in blocks:
            pdf.set_font("Helvetica", "B" if kind == "h" else "", 14 if kind == "h" else 11)
            pdf.multi_cell(0, 7 if kind == "h" else 6, text)
            pdf.ln(4)
    return bytes(pdf.output())


if __name__ == "__main__":
    OUT.write_bytes(build())
    print(f"wrote {OUT} ({OUT.stat().st_size} bytes)")
