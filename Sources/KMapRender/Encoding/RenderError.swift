import KMapCompose

/// Why a frame could not be drawn or encoded.
public enum RenderError: Error, Sendable, CustomStringConvertible {
    /// Cairo reported a failure (out of memory, an invalid size…).
    case cairo(String, during: String)
    case badSize(String)
    /// kmap's own encoder failed (the fast PNG writer's libdeflate).
    case encoder(String)

    public var description: String {
        switch self {
        case .cairo(let status, let during): "Cairo failed while \(during): \(status)"
        case .badSize(let why): why
        case .encoder(let why): "encoding failed: \(why)"
        }
    }
}
