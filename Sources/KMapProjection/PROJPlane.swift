internal import CPROJ
import KMapCompose
import KMapModel

#if canImport(Glibc)
    import Glibc
#endif

/// A PROJ projection as a `PlaneProjection`: longitude/latitude on WGS 84 to metres on a plane, and back.
///
/// Owns its PROJ context and projection (destroyed on deinit). PROJ objects are not thread-safe and a composer
/// is shared by the parallel frame workers, so every call takes a lock. Forward results are kept (exact by
/// construction: the same position always projects the same): every frame of a sequence projects the same places
/// again; without the cache a 10,000-place frame took about 70 ms more than on the equirectangular plane.
public final class PROJPlane: PlaneProjection, @unchecked Sendable {
    public let name: String
    private let context: OpaquePointer
    private let pj: OpaquePointer
    private let lock = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
    /// Forward projections made so far (under `lock`); emptied when it reaches `cacheLimit` entries.
    private var cache: [Coordinate: Point] = [:]
    private static let cacheLimit = 1 << 20

    /// - Parameter definition: a PROJ string of a projection (`+proj=lcc …`), angles in and out in degrees.
    /// - Throws: `ProjectionError` naming the definition and PROJ's reason.
    public init(definition: String) throws(ProjectionError) {
        name = definition
        guard let ctx = proj_context_create() else {
            throw ProjectionError(definition: definition, operation: "creating a context", reason: "out of memory")
        }
        proj_log_level(ctx, PJ_LOG_NONE)  // errors come back through proj_context_errno, not stderr
        guard let made = proj_create(ctx, definition) else {
            let code = proj_context_errno(ctx)
            let reason = proj_context_errno_string(ctx, code).map { String(cString: $0) } ?? "error \(code)"
            proj_context_destroy(ctx)
            throw ProjectionError(definition: definition, operation: "creating the projection", reason: reason)
        }
        context = ctx
        pj = made
        pthread_mutex_init(lock, nil)
    }

    deinit {
        proj_destroy(pj)
        proj_context_destroy(context)
        pthread_mutex_destroy(lock)
        lock.deallocate()
    }

    private func locked<T>(_ body: () -> T) -> T {
        pthread_mutex_lock(lock)
        defer { pthread_mutex_unlock(lock) }
        return body()
    }

    public func forward(_ c: Coordinate) -> Point {
        locked {
            if let known = cache[c] { return known }
            let out = proj_trans(pj, PJ_FWD, proj_coord(proj_torad(c.lon), proj_torad(c.lat), 0, 0))
            if !out.xy.x.isFinite { _ = proj_errno_reset(pj) }  // HUGE_VAL: outside the projection's domain
            if cache.count >= Self.cacheLimit { cache.removeAll(keepingCapacity: true) }
            let p = Point(x: out.xy.x, y: out.xy.y)
            cache[c] = p
            return p
        }
    }

    public func inverse(_ p: Point) -> Coordinate {
        let out = locked {
            let out = proj_trans(pj, PJ_INV, proj_coord(p.x, p.y, 0, 0))
            if !out.lp.lam.isFinite { _ = proj_errno_reset(pj) }  // outside the domain: no error left for later calls
            return out
        }
        return Coordinate(lon: proj_todeg(out.lp.lam), lat: proj_todeg(out.lp.phi))
    }

    /// The point scale factor along the parallel (PROJ's `proj_factors`); equal along the meridian, conformal.
    public func unitsPerMetre(at c: Coordinate) -> Double {
        locked { proj_factors(pj, proj_coord(proj_torad(c.lon), proj_torad(c.lat), 0, 0)).parallel_scale }
    }

    /// PROJ's factors at `c`: (scale along the meridian, scale along the parallel, maximum angular distortion in
    /// degrees), for tests and diagnostics.
    public func factors(at c: Coordinate) throws(ProjectionError) -> (meridian: Double, parallel: Double, angle: Double)
    {
        // The call, its error and the reset under one lock: another thread's call cannot come between them.
        let (f, code, reason) = locked {
            let f = proj_factors(pj, proj_coord(proj_torad(c.lon), proj_torad(c.lat), 0, 0))
            let code = proj_errno(pj)
            guard code != 0 else { return (f, code, "") }
            let reason = proj_context_errno_string(context, code).map { String(cString: $0) } ?? "\(code)"
            _ = proj_errno_reset(pj)
            return (f, code, reason)
        }
        if code != 0 {
            throw ProjectionError(
                definition: name, operation: "computing scale factors at (\(c.lon), \(c.lat))", reason: reason)
        }
        return (f.meridional_scale, f.parallel_scale, proj_todeg(f.angular_distortion))
    }

    /// The geodesic distance between two positions on the WGS 84 ellipsoid, in kilometres (Karney's algorithm in PROJ).
    public func geodesicKm(_ a: Coordinate, _ b: Coordinate) -> Double {
        locked {
            proj_lp_dist(
                pj, proj_coord(proj_torad(a.lon), proj_torad(a.lat), 0, 0),
                proj_coord(proj_torad(b.lon), proj_torad(b.lat), 0, 0)) / 1000
        }
    }
}
