public import CausewayAnalysis
internal import Foundation

/// A stored incident's id: `INC-` and the first twelve hex digits of the SHA-256 of its report's content.
///
/// The id is derived from what the analysis found, not from when it ran, so storing the same report
/// twice stores it once. The content hashed is the report encoded with sorted keys, leaving out the two
/// fields that do not describe the incident: the similar incidents (they change as the history grows)
/// and the generator (a new Causeway version that finds the same thing finds the same incident).
public struct IncidentID: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    public let rawValue: String

    /// Wraps an id as printed (`INC-3fa9c1d2e4b7`); nil when it does not look like one.
    public init?(_ text: String) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let upper = trimmed.uppercased()
        guard upper.hasPrefix("INC-") else { return nil }
        let digits = trimmed.dropFirst(4).lowercased()
        guard digits.count == 12, digits.allSatisfy({ $0.isHexDigit }) else { return nil }
        rawValue = "INC-" + digits
    }

    init(unchecked rawValue: String) {
        self.rawValue = rawValue
    }

    /// The id of `report`'s incident.
    public init(of report: IncidentReport) {
        var canonical = report
        canonical.similarIncidents = SimilarIncidents(searched: false, note: "", matches: [])
        canonical.generator = ""
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        // Every field is a plain value; encoding cannot fail.
        let data = (try? encoder.encode(canonical)) ?? Data()
        rawValue = "INC-" + SHA256.hex(data).prefix(12)
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let id = IncidentID(text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "expected an incident id such as INC-3fa9c1d2e4b7")
        }
        self = id
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }

    public var description: String { rawValue }

    public static func < (lhs: IncidentID, rhs: IncidentID) -> Bool { lhs.rawValue < rhs.rawValue }
}
