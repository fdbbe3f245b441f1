import KMapModel

/// A campaign's terrain resampled to a frame's device pixels as shadow coverage: how much each pixel of the map
/// area darkens the ground.
///
/// The hillshade multiplied onto the ground, scaled so that flat ground (a shade at or above the terrain's
/// `neutral`) stays as it is: a cell of shade `s` covers `1 - s / neutral`, so slopes turned from the light
/// darken as much, relative to the plain, as in the hillshade itself, and a cell in full shadow fully. Each pixel samples the grid at its centre (through
/// `Projection.unproject`, so any projection serves), bilinearly between cells, after averaging blocks of cells
/// when several fall in one pixel, so a fine DEM does not alias into noise. The result depends only on the
/// terrain, the projection and the area: computed once per composer, the same bytes on every frame.
struct ReliefShading {
    /// The rectangle covered, in layout units: whole device pixels (`scale` of them a unit), inside the map area
    /// up to rounding; a cell of `coverage` per device pixel.
    let frame: Rect
    let columns: Int
    let rows: Int
    let coverage: [UInt8]

    /// nil when the terrain does not reach into `area`; `area` and `projection` are in layout units, `scale`
    /// device pixels a unit (`FrameLayout.pixelScale`).
    init?(_ terrain: Terrain, area: Rect, projection: Projection, scale: Double = 1) {
        let b = terrain.bounds
        let corners = [
            Coordinate(lon: b.minLon, lat: b.minLat), Coordinate(lon: b.maxLon, lat: b.minLat),
            Coordinate(lon: b.minLon, lat: b.maxLat), Coordinate(lon: b.maxLon, lat: b.maxLat),
        ].map(projection.project)
        // In device pixels from here to the sampling.
        let x0 = (max(corners.map(\.x).min()!, area.x) * scale).rounded(.down)
        let x1 = (min(corners.map(\.x).max()!, area.maxX) * scale).rounded(.up)
        let y0 = (max(corners.map(\.y).min()!, area.y) * scale).rounded(.down)
        let y1 = (min(corners.map(\.y).max()!, area.maxY) * scale).rounded(.up)
        guard x1 - x0 >= 1, y1 - y0 >= 1 else { return nil }
        let columns = Int(x1 - x0)
        let rows = Int(y1 - y0)
        let covered = Rect(x: x0 / scale, y: y0 / scale, width: (x1 - x0) / scale, height: (y1 - y0) / scale)
        let grid = Grid(terrain, covering: covered, projection: projection, pixel: 1 / scale)
        let neutral = max(1, terrain.neutral)
        var coverage = [UInt8](repeating: 0, count: columns * rows)
        for r in 0..<rows {
            for c in 0..<columns {
                let at = projection.unproject(
                    Point(x: (x0 + Double(c) + 0.5) / scale, y: (y0 + Double(r) + 0.5) / scale))
                guard let shade = grid.sample(at), shade < neutral else { continue }
                let darkness = 1 - shade / neutral
                coverage[r * columns + c] = UInt8((darkness * 255).rounded())
            }
        }
        guard coverage.contains(where: { $0 != 0 }) else { return nil }
        frame = covered
        self.columns = columns
        self.rows = rows
        self.coverage = coverage
    }

    /// The cells under a pixel rectangle, averaged in blocks of `step × step` when cells are smaller than pixels.
    struct Grid {
        let west: Double
        let north: Double
        /// Degrees per (averaged) cell.
        let cellLon: Double
        let cellLat: Double
        let columns: Int
        let rows: Int
        /// Mean shade per cell; NaN where no cell of the block holds data (a flat array of floats: a fine DEM's
        /// window is millions of cells).
        let shades: [Float]

        /// `pixel`: the size of a device pixel in the projection's units.
        init(_ terrain: Terrain, covering rect: Rect, projection: Projection, pixel: Double) {
            let dLon = (terrain.bounds.maxLon - terrain.bounds.minLon) / Double(terrain.columns)
            let dLat = (terrain.bounds.maxLat - terrain.bounds.minLat) / Double(terrain.rows)
            // Pixels per cell at the rectangle's centre; cells per pixel decide the averaging.
            let mid = projection.unproject(rect.center)
            let p = projection.project(mid)
            let px = abs(projection.project(Coordinate(lon: mid.lon + dLon, lat: mid.lat)).x - p.x)
            let py = abs(projection.project(Coordinate(lon: mid.lon, lat: mid.lat + dLat)).y - p.y)
            let step = max(1, Int((pixel / max(1e-9, max(px, py))).rounded(.down)))
            // The cells the rectangle needs, with a block's margin for the bilinear neighbours.
            let geo = [
                Point(x: rect.x, y: rect.y), Point(x: rect.maxX, y: rect.y), Point(x: rect.x, y: rect.maxY),
                Point(x: rect.maxX, y: rect.maxY),
            ].map(projection.unproject)
            func column(_ lon: Double) -> Int { Int(((lon - terrain.bounds.minLon) / dLon).rounded(.down)) }
            func row(_ lat: Double) -> Int { Int(((terrain.bounds.maxLat - lat) / dLat).rounded(.down)) }
            let c0 = max(0, column(geo.map(\.lon).min()!) - 2 * step)
            let c1 = min(terrain.columns, column(geo.map(\.lon).max()!) + 2 * step + 1)
            let r0 = max(0, row(geo.map(\.lat).max()!) - 2 * step)
            let r1 = min(terrain.rows, row(geo.map(\.lat).min()!) + 2 * step + 1)
            let columns = max(0, (c1 - c0 + step - 1) / step)
            let rows = max(0, (r1 - r0 + step - 1) / step)
            var shades = [Float](repeating: .nan, count: columns * rows)
            for br in 0..<rows {
                for bc in 0..<columns {
                    var sum = 0
                    var n = 0
                    for r in (r0 + br * step)..<min(r1, r0 + (br + 1) * step) {
                        for c in (c0 + bc * step)..<min(c1, c0 + (bc + 1) * step) {
                            let s = terrain.shades[r * terrain.columns + c]
                            if s != 0 {
                                sum += Int(s)
                                n += 1
                            }
                        }
                    }
                    if n > 0 { shades[br * columns + bc] = Float(sum) / Float(n) }
                }
            }
            west = terrain.bounds.minLon + Double(c0) * dLon
            north = terrain.bounds.maxLat - Double(r0) * dLat
            cellLon = dLon * Double(step)
            cellLat = dLat * Double(step)
            self.columns = columns
            self.rows = rows
            self.shades = shades
        }

        /// The shade at `c`, bilinear between the centres of the four nearest cells that hold data; nil outside
        /// the grid or where none of them does.
        func sample(_ at: Coordinate) -> Double? {
            let u = (at.lon - west) / cellLon - 0.5
            let v = (north - at.lat) / cellLat - 0.5
            guard u > -1, v > -1, u < Double(columns), v < Double(rows) else { return nil }
            let i = Int(u.rounded(.down))
            let j = Int(v.rounded(.down))
            let fu = u - Double(i)
            let fv = v - Double(j)
            var sum = 0.0
            var weight = 0.0
            func add(_ c: Int, _ r: Int, _ w: Double) {
                guard c >= 0, r >= 0, c < columns, r < rows, w > 0 else { return }
                let s = shades[r * columns + c]
                guard !s.isNaN else { return }
                sum += Double(s) * w
                weight += w
            }
            add(i, j, (1 - fu) * (1 - fv))
            add(i + 1, j, fu * (1 - fv))
            add(i, j + 1, (1 - fu) * fv)
            add(i + 1, j + 1, fu * fv)
            // Half a cell beyond the last centre still counts; further out, the ground has no data.
            return weight >= 0.25 ? sum / weight : nil
        }
    }
}
