/// Who controls what at an instant: every place, every road and the supply route.
///
/// A pure value produced by `Timeline.state(at:)`; everything downstream (the state JSON, the scene) reads
/// only this.
public struct ControlState: Sendable, Hashable {
    public var instant: Instant
    /// In gazetteer order.
    public var places: [PlaceControl]
    /// In gazetteer order.
    public var roads: [LinkState]
    public var route: LinkState?
    /// Events applied so far, in order (ids); the last ones are the newest.
    public var appliedEventCount: Int

    private var index: [String: Int]

    /// - Parameter index: each place id's position in `places`, when the caller has it (a replay keeps one for
    ///   the whole timeline, so a frame of 10,000 places does not hash every id again).
    init(
        instant: Instant, places: [PlaceControl], roads: [LinkState], route: LinkState?, appliedEventCount: Int,
        index: [String: Int]? = nil
    ) {
        self.instant = instant
        self.places = places
        self.roads = roads
        self.route = route
        self.appliedEventCount = appliedEventCount
        self.index =
            index
            ?? Dictionary(
                places.enumerated().map { ($0.element.placeID, $0.offset) }, uniquingKeysWith: { _, last in last })
    }

    public subscript(placeID: String) -> PlaceControl? { index[placeID].map { places[$0] } }

    /// The control of `placeID`, looked for first at position `hint`: states of one timeline keep every place at
    /// the same position, so comparing two states of 10,000 places need not hash every id.
    public func control(of placeID: String, hint: Int) -> PlaceControl? {
        if places.indices.contains(hint), places[hint].placeID == placeID { return places[hint] }
        return self[placeID]
    }

    public func road(_ id: String) -> LinkState? { roads.first { $0.id == id } }
}
