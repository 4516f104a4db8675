
/// Turns a message into its template: the constant words kept, the variable parts (numbers, ids, hashes,
/// addresses, durations) replaced by `<*>`, pod names reduced to their service.
///
/// Lines that differ only in variable parts share a template, and so become one event.
public enum TemplateMasker {
    /// The key text for `message`: what ingest groups lines by before clustering them.
    public static func template(of message: Substring) -> String {
        var masker = MessageMasker()
        defer { masker.release() }
        var text = String(message)
        return text.withUTF8 { bytes in
            masker.mask(bytes)
            return masker.key.string
        }
    }

    /// A stable 12-hex-digit id for a template: FNV-1a over its UTF-8 bytes.
    public static func identifier(of template: String) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in template.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        let hex = String(hash, radix: 16)
        let padded = String(repeating: "0", count: max(0, 16 - hex.count)) + hex
        return String(padded.prefix(12))
    }
}
