"""Column names, order and types as the published codebooks give them (written out here so a
change to an exporter cannot silently change what the tests expect).

GDELT: "The GDELT Event Database Data Format Codebook V2.0" (2015), the 61 fields of the event
table, and "GDELT 2.0 Event Mentions" (16 fields); types as in GDELT's BigQuery schema
(INTEGER, FLOAT, STRING). ICEWS: "ICEWS Coded Event Data" (Dataverse) event file header.
ACLED: "ACLED Codebook" (2023), the data columns of an export.
"""

from __future__ import annotations

I, F, S = "INTEGER", "FLOAT", "STRING"  # noqa: E741 - the codebooks' type letters


def _actor(n: int) -> list[tuple[str, str]]:
    return [(f"Actor{n}{c}", S) for c in (
        "Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code",
        "Religion2Code", "Type1Code", "Type2Code", "Type3Code")]


def _geo(prefix: str) -> list[tuple[str, str]]:
    return [(f"{prefix}_Type", I), (f"{prefix}_FullName", S), (f"{prefix}_CountryCode", S),
            (f"{prefix}_ADM1Code", S), (f"{prefix}_ADM2Code", S), (f"{prefix}_Lat", F),
            (f"{prefix}_Long", F), (f"{prefix}_FeatureID", S)]


GDELT_EVENT: list[tuple[str, str]] = [
    ("GLOBALEVENTID", I), ("SQLDATE", I), ("MonthYear", I), ("Year", I), ("FractionDate", F),
    *_actor(1), *_actor(2),
    ("IsRootEvent", I), ("EventCode", S), ("EventBaseCode", S), ("EventRootCode", S),
    ("QuadClass", I), ("GoldsteinScale", F), ("NumMentions", I), ("NumSources", I),
    ("NumArticles", I), ("AvgTone", F),
    *_geo("Actor1Geo"), *_geo("Actor2Geo"), *_geo("ActionGeo"),
    ("DATEADDED", I), ("SOURCEURL", S),
]

GDELT_MENTIONS: list[tuple[str, str]] = [
    ("GLOBALEVENTID", I), ("EventTimeDate", I), ("MentionTimeDate", I), ("MentionType", I),
    ("MentionSourceName", S), ("MentionIdentifier", S), ("SentenceID", I),
    ("Actor1CharOffset", I), ("Actor2CharOffset", I), ("ActionCharOffset", I),
    ("InRawText", I), ("Confidence", I), ("MentionDocLen", I), ("MentionDocTone", F),
    ("MentionDocTranslationInfo", S), ("Extras", S),
]

ICEWS: list[tuple[str, str]] = [
    ("Event ID", I), ("Event Date", S), ("Source Name", S), ("Source Sectors", S),
    ("Source Country", S), ("Event Text", S), ("CAMEO Code", S), ("Intensity", F),
    ("Target Name", S), ("Target Sectors", S), ("Target Country", S), ("Story ID", I),
    ("Sentence Number", I), ("Publisher", S), ("City", S), ("District", S), ("Province", S),
    ("Country", S), ("Latitude", F), ("Longitude", F),
]

ACLED: list[tuple[str, str]] = [
    ("event_id_cnty", S), ("event_date", S), ("year", I), ("time_precision", I),
    ("disorder_type", S), ("event_type", S), ("sub_event_type", S), ("actor1", S),
    ("assoc_actor_1", S), ("inter1", I), ("actor2", S), ("assoc_actor_2", S), ("inter2", I),
    ("interaction", I), ("civilian_targeting", S), ("iso", S), ("region", S), ("country", S),
    ("admin1", S), ("admin2", S), ("admin3", S), ("location", S), ("latitude", F),
    ("longitude", F), ("geo_precision", I), ("source", S), ("source_scale", S), ("notes", S),
    ("fatalities", I), ("tags", S), ("timestamp", I),
]

#: ACLED's event types and their sub-event types (codebook, "Event types").
ACLED_EVENT_TYPES: dict[str, set[str]] = {
    "Battles": {"Armed clash", "Government regains territory", "Non-state actor overtakes territory"},
    "Explosions/Remote violence": {"Chemical weapon", "Air/drone strike", "Suicide bomb",
                                   "Shelling/artillery/missile attack",
                                   "Remote explosive/landmine/IED", "Grenade"},
    "Violence against civilians": {"Sexual violence", "Attack", "Abduction/forced disappearance"},
    "Protests": {"Peaceful protest", "Protest with intervention",
                 "Excessive force against protesters"},
    "Riots": {"Violent demonstration", "Mob violence"},
    "Strategic developments": {"Agreement", "Arrests", "Change to group/activity",
                               "Disrupted weapons use", "Headquarters or base established",
                               "Looting/property destruction",
                               "Non-violent transfer of territory", "Other"},
}

#: CAMEO actor type codes (CAMEO codebook, "Actor codes": domestic and international roles).
CAMEO_TYPES = frozenset(
    ["COP", "GOV", "INS", "JUD", "MIL", "OPP", "PTY", "REB", "SEP", "SPY", "UAF", "AGR", "BUS", "CRM", "CVL", "DEV", "EDU", "ELI", "ENV", "HLH", "HRI", "LAB", "LEG", "MED", "REF", "MOD", "RAD", "AMN", "IRC", "GRP", "UNO", "PKO", "UIS", "IGO", "IMG", "INT", "MNC", "NGM", "NGO", "SET"]
)
#: CAMEO's regional and historical state codes (besides ISO 3166 alpha-3 countries).
CAMEO_REGIONS = frozenset(
    ["AFR", "ASA", "BLK", "CAS", "CAU", "CFR", "CRB", "EAF", "EEU", "EUR", "LAM", "MEA", "MDT", "NAF", "NMR", "PGS", "SAF", "SAM", "SAS", "SEA", "SCN", "WAF", "WST", "USR", "DDR", "YUG", "CSK"]
)


def conforms(value: str, kind: str) -> bool:
    """Whether a cell reads as the codebook's type (empty cells are missing values)."""
    if value == "":
        return True
    try:
        if kind == I:
            int(value)
        elif kind == F:
            float(value)
    except ValueError:
        return False
    return True
