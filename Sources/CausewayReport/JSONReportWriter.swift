public import CausewayAnalysis
public import Foundation

/// Writes the report as the JSON document of FORMAT.md: keys sorted, two-space indent, stable bytes.
public enum JSONReportWriter {
    public static func data(_ report: IncidentReport) -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        // Every field is a plain value; encoding cannot fail.
        var data = (try? encoder.encode(report)) ?? Data("{}".utf8)
        data.append(0x0A)
        return data
    }

    public static func string(_ report: IncidentReport) -> String {
        String(decoding: data(report), as: UTF8.self)
    }
}
