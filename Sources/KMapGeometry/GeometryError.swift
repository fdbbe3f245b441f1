/// GEOS could not compute a geometry (it returns NULL and reports through its message handler).
public struct GeometryError: Error, Sendable, CustomStringConvertible {
    public var operation: String
    public var description: String { "GEOS failed to compute \(operation)" }
}
