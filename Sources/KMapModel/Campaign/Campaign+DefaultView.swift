/// The frame a campaign is shown in when nothing else is asked for.
///
/// A campaign's roads run to far-away ends (Aleppo, Ithriya) while the fighting happens in a few kilometres
/// around Khanasir; fitting the places where control changes, with a margin, shows the fighting at a scale a
/// reader can tell its villages apart. Places with events outside the frame are flagged at its edge by the
/// composer, and a campaign's own `view` still wins.
extension Campaign {
    /// The explicit `view` of `campaign.yaml`, or else the action's extent with a margin (`fittedView`).
    public var defaultView: GeoBounds { info.view ?? fittedView }

    /// The places named by events that change control, in gazetteer order: where something happens.
    ///
    /// Narrative events (a convoy leaving As-Safira, prices rising in Aleppo) do not count: they happen far from
    /// the fighting and are flagged at the frame's edge instead.
    public var actionPlaces: [Place] {
        let named = Set(timeline.events.filter(\.changesControl).flatMap(\.places))
        return gazetteer.places.filter { named.contains($0.id) }
    }

    /// The extent of `actionPlaces` (every place when no event changes control, the area when there are none),
    /// grown on every side by a fifth of its span and at least `minimumMarginKm`.
    public var fittedView: GeoBounds {
        let places = actionPlaces.isEmpty ? gazetteer.places : actionPlaces
        guard let first = places.first else { return info.area }
        var b = GeoBounds(
            minLon: first.coordinate.lon, minLat: first.coordinate.lat, maxLon: first.coordinate.lon,
            maxLat: first.coordinate.lat)
        for p in places.dropFirst() {
            b.minLon = min(b.minLon, p.coordinate.lon)
            b.maxLon = max(b.maxLon, p.coordinate.lon)
            b.minLat = min(b.minLat, p.coordinate.lat)
            b.maxLat = max(b.maxLat, p.coordinate.lat)
        }
        let kmPerDegree = 6371.0088 * Double.pi / 180
        let cosLat = max(0.01, cos(b.center.lat * Double.pi / 180))
        let marginLat = max((b.maxLat - b.minLat) * 0.2, Self.minimumMarginKm / kmPerDegree)
        let marginLon = max((b.maxLon - b.minLon) * 0.2, Self.minimumMarginKm / (kmPerDegree * cosLat))
        return GeoBounds(
            minLon: b.minLon - marginLon, minLat: b.minLat - marginLat, maxLon: b.maxLon + marginLon,
            maxLat: b.maxLat + marginLat)
    }

    /// The least margin around the action: room for a marker, its label and a village just outside the fighting.
    public static let minimumMarginKm = 4.0
}

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif
