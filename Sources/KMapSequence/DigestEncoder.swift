/// An `Encoder` that feeds everything a value encodes into an FNV-1a hash, building no text on the way.
///
/// `FrameDigest` hashed `String(reflecting: scene)`: for a campaign of 10,000 places the reflection took most
/// of a frame's time. A value's synthesized `Codable` conformance lists every stored property, so this hash
/// covers the whole scene by construction. The byte stream is unambiguous for a given type: every nested value
/// is bracketed, strings and keys carry their length, numbers have a fixed width, and nil has its own tag.
final class DigestEncoder: Encoder {
    /// The hash so far, behind a pointer: a class's stored property is checked for exclusive access on every
    /// use, which cost a fifth of the time over a scene's hundreds of thousands of values.
    let hash: UnsafeMutablePointer<FNV1a>
    var codingPath: [any CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    private init(_ start: FNV1a) {
        hash = .allocate(capacity: 1)
        hash.initialize(to: start)
    }

    deinit { hash.deallocate() }

    /// The hash of `value`'s encoding, continuing from `start`.
    static func hash<T: Encodable>(_ value: T, from start: FNV1a) -> FNV1a {
        let encoder = DigestEncoder(start)
        encoder.nested(value)
        return encoder.hash.pointee
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        hash.pointee.add(byte: UInt8(ascii: "{"))
        return KeyedEncodingContainer(Keyed<Key>(encoder: self))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        hash.pointee.add(byte: UInt8(ascii: "["))
        return Unkeyed(encoder: self)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer { Unkeyed(encoder: self) }

    /// A nested value between brackets, so that where it ends is part of the hash.
    func nested<T: Encodable>(_ value: T) {
        hash.pointee.add(byte: UInt8(ascii: "("))
        // Encoding into this encoder cannot fail: no container throws.
        try! value.encode(to: self)
        hash.pointee.add(byte: UInt8(ascii: ")"))
    }

    func key(_ key: some CodingKey) { string(key.stringValue) }

    func string(_ s: String) {
        hash.pointee.add(byte: UInt8(ascii: "s"))
        hash.pointee.add(word: UInt64(s.utf8.count))
        hash.pointee.add(s)
    }

    func number(_ tag: Unicode.Scalar, _ bits: UInt64) {
        hash.pointee.add(byte: UInt8(ascii: tag))
        hash.pointee.add(word: bits)
    }

    func integer(_ value: some FixedWidthInteger) { number("i", UInt64(truncatingIfNeeded: value)) }

    struct Keyed<Key: CodingKey>: KeyedEncodingContainerProtocol {
        let encoder: DigestEncoder
        var codingPath: [any CodingKey] { [] }

        mutating func encodeNil(forKey key: Key) {
            encoder.key(key)
            encoder.hash.pointee.add(byte: UInt8(ascii: "0"))
        }
        mutating func encode(_ value: Bool, forKey key: Key) {
            encoder.key(key)
            encoder.number("b", value ? 1 : 0)
        }
        mutating func encode(_ value: String, forKey key: Key) {
            encoder.key(key)
            encoder.string(value)
        }
        mutating func encode(_ value: Double, forKey key: Key) {
            encoder.key(key)
            encoder.number("d", value.bitPattern)
        }
        mutating func encode(_ value: Int, forKey key: Key) {
            encoder.key(key)
            encoder.integer(value)
        }
        mutating func encode(_ value: Float, forKey key: Key) {
            encoder.key(key)
            encoder.number("f", UInt64(value.bitPattern))
        }
        mutating func encode(_ value: Int8, forKey key: Key) {
            encoder.key(key)
            encoder.integer(value)
        }
        mutating func encode(_ value: Int16, forKey key: Key) {
            encoder.key(key)
            encoder.integer(value)
        }
        mutating func encode(_ value: Int32, forKey key: Key) {
            encoder.key(key)
            encoder.integer(value)
        }
        mutating func encode(_ value: Int64, forKey key: Key) {
            encoder.key(key)
            encoder.integer(value)
        }
        mutating func encode(_ value: UInt, forKey key: Key) {
            encoder.key(key)
            encoder.integer(value)
        }
        mutating func encode(_ value: UInt8, forKey key: Key) {
            encoder.key(key)
            encoder.integer(value)
        }
        mutating func encode(_ value: UInt16, forKey key: Key) {
            encoder.key(key)
            encoder.integer(value)
        }
        mutating func encode(_ value: UInt32, forKey key: Key) {
            encoder.key(key)
            encoder.integer(value)
        }
        mutating func encode(_ value: UInt64, forKey key: Key) {
            encoder.key(key)
            encoder.integer(value)
        }
        mutating func encode<T: Encodable>(_ value: T, forKey key: Key) {
            encoder.key(key)
            encoder.nested(value)
        }
        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
            encoder.key(key)
            return encoder.container(keyedBy: keyType)
        }
        mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
            encoder.key(key)
            return encoder.unkeyedContainer()
        }
        mutating func superEncoder() -> any Encoder { encoder }
        mutating func superEncoder(forKey key: Key) -> any Encoder {
            encoder.key(key)
            return encoder
        }
    }

    /// Both the unkeyed and the single-value container: values in order.
    struct Unkeyed: UnkeyedEncodingContainer, SingleValueEncodingContainer {
        let encoder: DigestEncoder
        var codingPath: [any CodingKey] { [] }
        var count = 0

        mutating func encodeNil() { encoder.hash.pointee.add(byte: UInt8(ascii: "0")) }
        mutating func encode(_ value: Bool) { encoder.number("b", value ? 1 : 0) }
        mutating func encode(_ value: String) { encoder.string(value) }
        mutating func encode(_ value: Double) { encoder.number("d", value.bitPattern) }
        mutating func encode(_ value: Int) { encoder.integer(value) }
        mutating func encode(_ value: Float) { encoder.number("f", UInt64(value.bitPattern)) }
        mutating func encode(_ value: Int8) { encoder.integer(value) }
        mutating func encode(_ value: Int16) { encoder.integer(value) }
        mutating func encode(_ value: Int32) { encoder.integer(value) }
        mutating func encode(_ value: Int64) { encoder.integer(value) }
        mutating func encode(_ value: UInt) { encoder.integer(value) }
        mutating func encode(_ value: UInt8) { encoder.integer(value) }
        mutating func encode(_ value: UInt16) { encoder.integer(value) }
        mutating func encode(_ value: UInt32) { encoder.integer(value) }
        mutating func encode(_ value: UInt64) { encoder.integer(value) }
        mutating func encode<T: Encodable>(_ value: T) { encoder.nested(value) }
        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
            encoder.container(keyedBy: keyType)
        }
        mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer { encoder.unkeyedContainer() }
        mutating func superEncoder() -> any Encoder { encoder }
    }
}
