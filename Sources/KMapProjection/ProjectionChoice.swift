import KMapCompose
import KMapModel

/// Picks the map projection for a view from its size and shape, as an atlas would.
///
/// A view small enough that the equirectangular plane is true to 0.5 % everywhere in it keeps `Equirectangular`
/// (the built-in campaign, pixel for pixel as before). A wider one gets a conformal projection through PROJ, so
/// shapes and angles stay true and the scale is the same in every direction: Lambert conformal conic with standard
/// parallels at 1/6 and 5/6 of the latitude span (the classic rule for a mid-latitude area wider than tall), or
/// transverse Mercator on the view's central meridian for a view taller than wide or one that crosses the equator.
public enum ProjectionChoice {
    /// The largest scale error the equirectangular plane may have anywhere in a view before a conformal one is used.
    public static let equirectangularTolerance = 0.005

    /// The plane for `view`.
    /// - Throws: `ProjectionError` when PROJ cannot build the conformal projection (the message names it).
    public static func plane(for view: GeoBounds) throws(ProjectionError) -> any PlaneProjection {
        if Equirectangular.worstScaleError(over: view) <= equirectangularTolerance {
            return Equirectangular(center: view.center)
        }
        return try PROJPlane(definition: conformalDefinition(for: view))
    }

    /// The PROJ string of the conformal projection for `view` (WGS 84, metres).
    public static func conformalDefinition(for view: GeoBounds) -> String {
        let c = view.center
        let latSpan = view.maxLat - view.minLat
        let lonSpan = (view.maxLon - view.minLon) * cos(c.lat * Double.pi / 180)
        let crossesEquator = view.minLat < 0 && view.maxLat > 0
        if crossesEquator || latSpan >= lonSpan {
            return "+proj=tmerc +lat_0=\(fmt(c.lat)) +lon_0=\(fmt(c.lon)) +k=1 +x_0=0 +y_0=0 +ellps=WGS84 +units=m"
        }
        let lat1 = view.minLat + latSpan / 6
        let lat2 = view.minLat + latSpan * 5 / 6
        return "+proj=lcc +lat_1=\(fmt(lat1)) +lat_2=\(fmt(lat2)) +lat_0=\(fmt(c.lat)) +lon_0=\(fmt(c.lon)) "
            + "+x_0=0 +y_0=0 +ellps=WGS84 +units=m"
    }

    /// Six decimals (about 10 cm): the same string, and so the same pixels, in every process.
    static func fmt(_ v: Double) -> String {
        let scaled = (v * 1_000_000).rounded() / 1_000_000
        return "\(scaled)"
    }
}

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif
