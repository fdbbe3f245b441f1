/// Where a sequence's files go: a folder in the command line, memory in tests.
///
/// Writes must be whole or nothing (a temporary file renamed into place), since an interrupted run is resumed
/// from what the store holds.
public protocol FrameStore: Sendable {
    /// The size in bytes of `file`, or nil when there is no such file.
    func size(of file: String) -> Int?
    /// Writes `bytes` as `file`, replacing any earlier version in one step.
    func write(_ bytes: [UInt8], to file: String) throws
}
