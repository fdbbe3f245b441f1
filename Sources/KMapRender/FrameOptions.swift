import KMapGazetteer

/// What a user chooses about a frame, independent of the day.
public struct FrameOptions: Sendable, Hashable {
    public var width: Int
    public var height: Int
    public var transparent: Bool
    /// The extent to show; nil for the campaign's `view`.
    public var view: GeoBounds?

    public init(width: Int = 1600, height: Int = 1200, transparent: Bool = false, view: GeoBounds? = nil) {
        self.width = width
        self.height = height
        self.transparent = transparent
        self.view = view
    }

    /// The frame sizes kmap accepts: big enough for the furniture, small enough for memory.
    public static let widthRange = 400...8000
    public static let heightRange = 300...8000
}
