/// Zones of control derived from the places' control: each place claims the ground nearer to it than to any
/// other place (a Voronoi cell), but no further than `radius`. Where cells of different controllers meet, a
/// front line is drawn.
///
/// These are derivations, not sourced lines: the legend says so. Cells are convex, so each is a disc polygon
/// clipped by the bisectors with its neighbours (Sutherland–Hodgman); every edge remembers which neighbour's
/// bisector made it, which yields the front lines exactly.
///
/// - Complexity: O(n·k) for n places with k neighbours within 2·radius (found through a grid), O(n²) at worst.
public struct ZoneBuilder {
    public struct Site {
        public var id: String
        public var point: Point
        public var faction: String
        public init(id: String, point: Point, faction: String) {
            self.id = id
            self.point = point
            self.faction = faction
        }
    }

    public struct Cell {
        /// The index of its site.
        public var site: Int
        /// An open ring (the last vertex is not repeated).
        public var polygon: [Point]
    }

    /// A vertex, and the label of the edge from it to the next vertex: a neighbour's index, or -1 for the disc.
    private struct Vertex {
        var p: Point
        var edge: Int
    }

    let sites: [Site]
    let radius: Double

    /// Zones of `sites` (in any plane: pixels for a frame, kilometres for an export) up to `radius` from each.
    public init(sites: [Site], radius: Double) {
        self.sites = sites
        self.radius = radius
    }

    public func build() -> (cells: [Cell], fronts: [[Point]]) {
        let grid = Grid(sites.map(\.point), cell: 2 * radius)
        var cells: [Cell] = []
        var fronts: [[Point]] = []
        for (i, site) in sites.enumerated() {
            var polygon = disc(site.point)
            for j in grid.near(site.point, within: 2 * radius) where j != i {
                let other = sites[j].point
                if other == site.point { continue }
                polygon = clip(polygon, keepingCloserTo: site.point, than: other, label: j)
                if polygon.isEmpty { break }
            }
            guard polygon.count >= 3 else { continue }
            cells.append(Cell(site: i, polygon: polygon.map(\.p)))
            for (k, v) in polygon.enumerated() where v.edge > i && sites[v.edge].faction != site.faction {
                fronts.append([v.p, polygon[(k + 1) % polygon.count].p])
            }
        }
        return (cells, fronts)
    }

    private func disc(_ c: Point) -> [Vertex] {
        (0..<64).map { k in
            let a = Double(k) / 64 * 2 * Double.pi
            return Vertex(p: Point(x: c.x + radius * cos(a), y: c.y + radius * sin(a)), edge: -1)
        }
    }

    /// Keeps the half-plane of points closer to `a` than to `b`.
    private func clip(_ polygon: [Vertex], keepingCloserTo a: Point, than b: Point, label: Int) -> [Vertex] {
        let m = Point(x: (a.x + b.x) / 2, y: (a.y + b.y) / 2)
        let n = Point(x: b.x - a.x, y: b.y - a.y)
        func side(_ p: Point) -> Double { (p.x - m.x) * n.x + (p.y - m.y) * n.y }
        var out: [Vertex] = []
        for k in polygon.indices {
            let v = polygon[k], w = polygon[(k + 1) % polygon.count]
            let sv = side(v.p), sw = side(w.p)
            let inV = sv <= 0, inW = sw <= 0
            if inV { out.append(v) }
            if inV != inW {
                let t = sv / (sv - sw)
                let x = Point(x: v.p.x + t * (w.p.x - v.p.x), y: v.p.y + t * (w.p.y - v.p.y))
                out.append(Vertex(p: x, edge: inV ? label : v.edge))
            }
        }
        return out
    }

    /// A uniform bucket grid for neighbour queries.
    struct Grid {
        let size: Double
        var buckets: [Int64: [Int]] = [:]

        init(_ points: [Point], cell: Double) {
            size = max(cell, 1e-9)
            for (i, p) in points.enumerated() { buckets[key(Int64((p.x / size).rounded(.down)), Int64((p.y / size).rounded(.down))), default: []].append(i) }
        }

        func key(_ x: Int64, _ y: Int64) -> Int64 { (x << 32) ^ (y & 0xFFFF_FFFF) }

        /// Indices of points within `d` of `p` (a superset bounded by the grid), in ascending order.
        func near(_ p: Point, within d: Double) -> [Int] {
            let r = Int64((d / size).rounded(.up))
            let cx = Int64((p.x / size).rounded(.down)), cy = Int64((p.y / size).rounded(.down))
            var out: [Int] = []
            for x in (cx - r)...(cx + r) { for y in (cy - r)...(cy + r) { out += buckets[key(x, y)] ?? [] } }
            return out.sorted()
        }
    }
}

#if canImport(Glibc)
import Glibc
#endif
