"""Curated: names that stand for a state although they are not its name.

Source: hand-written by the geokg project (common newsroom usage); no installed
package has these. Capitals themselves come from the data packages (see
graph.geodata); this file only adds what they lack.
"""

from __future__ import annotations

# Buildings and addresses whose name stands for a government
# ("the Kremlin said" -> Russia). (phrase, ISO alpha-3)
INSTITUTIONS: tuple[tuple[str, str], ...] = (
    ("Kremlin", "RUS"),
    ("White House", "USA"),
    ("Pentagon", "USA"),
    ("Defense Department", "USA"),
    ("Department of Defense", "USA"),
    ("DoD", "USA"),
    ("State Department", "USA"),
    ("Foggy Bottom", "USA"),
    ("Downing Street", "GBR"),
    ("Number 10", "GBR"),
    ("No 10", "GBR"),
    ("Whitehall", "GBR"),
    ("Elysee", "FRA"),
    ("Élysée", "FRA"),
    ("Elysee Palace", "FRA"),
    ("Élysée Palace", "FRA"),
    ("Quai d'Orsay", "FRA"),
    ("Zhongnanhai", "CHN"),
    ("Blue House", "KOR"),
)

# Cities used for a government that the packages do not list as its capital
# (seat of government, or the city the press uses). (city, ISO alpha-3)
SEATS_OF_GOVERNMENT: tuple[tuple[str, str], ...] = (
    ("Tel Aviv", "ISR"),
    ("The Hague", "NLD"),
    ("La Paz", "BOL"),
    ("Abidjan", "CIV"),
    ("Kiev", "UKR"),
    ("Beijing", "CHN"),
    ("Peking", "CHN"),
)

# World regions and continents (entity kind Place). Listed so that the longer
# name wins over a country name inside it ("Latin America" is not the USA).
REGIONS: tuple[str, ...] = (
    "Africa", "Asia", "Europe", "Oceania", "Antarctica", "Eurasia",
    "North America", "South America", "Latin America", "Central America", "the Americas",
    "Middle East", "Near East", "Far East", "Central Asia", "South Asia", "Southeast Asia",
    "East Asia", "West Africa", "East Africa", "North Africa", "Sub-Saharan Africa",
    "Horn of Africa", "Sahel", "Maghreb", "Levant", "Caucasus", "South Caucasus",
    "Balkans", "Western Balkans", "Scandinavia", "Baltic states", "Eastern Europe", "Western Europe",
    "Persian Gulf", "Gulf of Aden", "Red Sea", "Black Sea", "Caspian Sea", "Mediterranean",
    "Mediterranean Sea", "South China Sea", "East China Sea", "Taiwan Strait", "Strait of Hormuz",
    "Arctic", "Indo-Pacific", "Korean Peninsula", "Arabian Peninsula", "Sinai", "Sinai Peninsula",
    "Golan Heights", "Nagorno-Karabakh", "Karabakh", "Crimea", "Donbas", "Donbass", "Kashmir",
    "Kurdistan", "Iraqi Kurdistan", "Gaza Strip", "West Bank", "Gaza", "Xinjiang", "Tibet",
)

# US states that share a name with a country or a more famous city are left
# to the country/city; the other state names are patterns (so "New Jersey" is
# not the island of Jersey, "New Mexico" not Mexico).
US_STATES_LEFT_OUT: frozenset[str] = frozenset({"Georgia", "New York", "Washington"})

# Names NER tags as places that are not on Earth: never entities.
NOT_PLACES: frozenset[str] = frozenset(
    {"Earth", "Sun", "Moon", "Mars", "Mercury", "Venus", "Jupiter", "Saturn", "Uranus", "Neptune",
     "Pluto", "Solar System", "Milky Way", "Universe"}
)
