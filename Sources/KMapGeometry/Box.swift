/// An axis-aligned rectangle in the plane, to skip GEOS overlays whose outcome the bounding boxes already decide.
struct Box {
    var minX: Double
    var minY: Double
    var maxX: Double
    var maxY: Double

    init(_ e: (Double, Double, Double, Double)) {
        (minX, minY, maxX, maxY) = e
    }

    func contains(_ b: Box) -> Bool { b.minX >= minX && b.minY >= minY && b.maxX <= maxX && b.maxY <= maxY }

    func intersects(_ b: Box) -> Bool { b.minX <= maxX && b.maxX >= minX && b.minY <= maxY && b.maxY >= minY }
}
