"""States named by their people's adjective: read by the entity stage ("Turkish forces" is Turkey) and
by the non-actor labels (a lone "Pakistani" is no place)."""
from __future__ import annotations

import re

# a state named by its people's adjective and one of its organs: "Turkish forces", "Azerbaijani security
# personnel", "Russian airstrikes" (never "Russian fighters": foreign volunteers are not the state)
DEMONYMS = {
    "Afghan": "Afghanistan", "Algerian": "Algeria", "American": "United States", "Armenian": "Armenia",
    "Australian": "Australia", "Azerbaijani": "Azerbaijan", "Azeri": "Azerbaijan", "Bahraini": "Bahrain",
    "Bangladeshi": "Bangladesh", "Belgian": "Belgium", "Bosnian": "Bosnia and Herzegovina",
    "Burkinabe": "Burkina Faso", "Cameroonian": "Cameroon", "Canadian": "Canada", "Chadian": "Chad",
    "Chinese": "China", "Colombian": "Colombia", "Congolese": "Democratic Republic of the Congo", "Danish": "Denmark",
    "Egyptian": "Egypt", "Ethiopian": "Ethiopia", "Finnish": "Finland", "French": "France", "Georgian": "Georgia",
    "German": "Germany", "Greek": "Greece", "Indian": "India", "Indonesian": "Indonesia", "Iranian": "Iran",
    "Iraqi": "Iraq", "Irish": "Ireland", "Israeli": "Israel", "Italian": "Italy", "Jordanian": "Jordan",
    "Kazakh": "Kazakhstan", "Kenyan": "Kenya", "Kuwaiti": "Kuwait", "Kyrgyz": "Kyrgyzstan", "Lebanese": "Lebanon",
    "Libyan": "Libya", "Malaysian": "Malaysia", "Malian": "Mali", "Mauritanian": "Mauritania", "Moroccan": "Morocco",
    "Mozambican": "Mozambique", "Dutch": "Netherlands", "Nigerien": "Niger", "Nigerian": "Nigeria",
    "Norwegian": "Norway", "Pakistani": "Pakistan", "Philippine": "Philippines", "Filipino": "Philippines",
    "Qatari": "Qatar", "Russian": "Russia", "Saudi": "Saudi Arabia", "Serbian": "Serbia", "Somali": "Somalia",
    "Spanish": "Spain", "Sri Lankan": "Sri Lanka", "Sudanese": "Sudan", "Swedish": "Sweden", "Swiss": "Switzerland",
    "Syrian": "Syria", "Tajik": "Tajikistan", "Tanzanian": "Tanzania", "Tunisian": "Tunisia", "Turkish": "Turkey",
    "Turkmen": "Turkmenistan", "Ugandan": "Uganda", "Ukrainian": "Ukraine", "Emirati": "United Arab Emirates",
    "British": "United Kingdom", "Uzbek": "Uzbekistan", "Yemeni": "Yemen",
}

# an office a person holds for the state, named after its people's adjective: "the Syrian President", "the
# Spanish Prime Minister", "the Irish ambassador" (the mention is the state; the office is the tie's wording)
_OFFICE = re.compile(r"\s+(?:(?:prime|foreign|interior|defen[cs]e)\s+)?(?:minister|president|ambassador)$", re.I)


def office_start(text: str, start: int, end: int) -> int | None:
    """Where the office begins in a demonym mention text[start:end] that names one held by a person
    (the offset of the space before "President" in "Syrian President"); None for any other organ
    ("Turkish forces", "the Iraqi government")."""
    m = _OFFICE.search(text, start, end)
    return m.start() if m and m.end() == end else None
