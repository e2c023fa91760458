"""States named by their people's adjective: read by the entity stage ("Turkish forces" is Turkey) and
by the non-actor labels (a lone "Pakistani" is no place)."""
from __future__ import annotations

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
