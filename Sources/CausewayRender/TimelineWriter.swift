public import CausewayAnalysis
internal import CausewayCore
internal import Foundation

/// Writes the incident's timeline as DOT with every node pinned to its place, for libgvc's pinned layout
/// (``GraphvizLayout/pinned``): one lane per affected service, each event a mark at its time, patient zero
/// and the first user-visible symptom marked, the time to detection (MTTD) drawn above the lanes, the
/// incident window shaded, and notes on shared timestamps and clock skew below the axis.
///
/// Pure Swift, like ``DOTWriter``: the positions are computed here, so the picture does not depend on a
/// layout heuristic, and every string from a log passes through ``DOTText``. An event is drawn on the lane
/// of the service that logged it (whose clock stamped it); when it is about another service, a hollow mark
/// on that service's lane says who reported it. Marks that share a time on one lane are set a few points
/// apart, in the timeline's (causal) order. Every mark's tooltip holds its time, message and `file:line`.
///
/// ## Topics
/// - ``dot(for:)``
/// - ``layout``
public struct TimelineWriter: Sendable {
    public init() {}

    /// The layout the DOT is written for.
    public static let layout = GraphvizLayout.pinned

    /// Most lanes drawn; events of services beyond them are counted in a note.
    static let laneLimit = 24

    // Geometry, in points.
    static let labelWidth = 170.0
    static let plotLeft = 184.0
    static let plotWidth = 600.0
    static let laneHeight = 34.0
    static let lanesTop = 58.0
    static let noteHeight = 13.0
    static let markSize = 10.0
    static let dodge = 9.0

    /// The colour of a mark by level: errors red, warnings orange, the rest grey.
    static func colour(_ level: LogLevel) -> String {
        level >= .error ? "#b03a2e" : level == .warning ? "#ca6f1e" : "#5d6d7e"
    }

    public func dot(for report: IncidentReport) -> String {
        var canvas = PinnedCanvas()
        let lanes = Self.lanes(report)
        let laneIndex = Dictionary(uniqueKeysWithValues: lanes.enumerated().map { ($0.element.service, $0.offset) })
        let timed = report.timeline.enumerated().filter { $0.element.time != nil && laneIndex[$0.element.service] != nil }
        let scale = TimeScale(report: report, entries: timed.map(\.element))
        let lanesBottom = Self.lanesTop + Double(max(lanes.count, 1)) * Self.laneHeight
        let title = "Timeline: \(report.title)"

        // Lanes: a band each, zebra-striped, with the service's name, role and health on the left.
        for (index, lane) in lanes.enumerated() {
            let centre = Self.lanesTop + (Double(index) + 0.5) * Self.laneHeight
            canvas.box(
                id: "lane-\(DOTText.identifier(lane.service.rawValue))", x: Self.plotLeft + Self.plotWidth / 2, y: centre,
                width: Self.plotWidth, height: Self.laneHeight - 2, fill: index % 2 == 0 ? "#f4f6f7" : "#fbfcfc",
                tooltip: "\(lane.service) (\(lane.role.rawValue)): \(lane.health.rawValue)" + lane.impact, classes: "lane health-\(lane.health.rawValue)")
            let flag = lane.isPatientZero ? "patient zero · " : ""
            canvas.text(
                id: "lane-label-\(DOTText.identifier(lane.service.rawValue))", lane.service.rawValue + "\n" + flag + lane.role.rawValue + " · " + lane.health.rawValue,
                x: 4, y: centre, width: Self.labelWidth, align: .right, size: 10,
                colour: lane.health >= .degraded ? DOTWriter.colours(lane.health).border : "#1c2833", bold: lane.isPatientZero)
        }
        if lanes.isEmpty {
            canvas.text(id: "empty", "No timed event to place.", x: Self.plotLeft, y: Self.lanesTop + Self.laneHeight / 2, width: Self.plotWidth, align: .left, size: 10, colour: "#566573")
        }

        // The incident window, when it was found or given (the whole input says nothing).
        if let window = report.incidentWindow, window.source != .wholeInput, !lanes.isEmpty {
            let from = scale.x(max(window.start, scale.start))
            let to = scale.x(min(window.end, scale.end))
            if to - from >= 2 {
                canvas.box(
                    id: "incident-window", x: (from + to) / 2, y: (Self.lanesTop + lanesBottom) / 2, width: to - from,
                    height: lanesBottom - Self.lanesTop, fill: "#fef5e7", border: "#f0b27a", dashed: true,
                    tooltip: "Incident window (\(window.source.rawValue)): \(window.start.iso8601) to \(window.end.iso8601)", classes: "window")
                // At the band's right end, away from patient zero's flag, which sits near its start.
                canvas.text(
                    id: "incident-window-label", "incident window (\(window.source.rawValue))", x: max(from, to - 160), y: Self.lanesTop - 6,
                    width: min(160, to - from), align: .right, size: 8, colour: "#b9770e")
            }
        }

        // Guides down the lanes at the first root-cause line and the first user-visible symptom.
        let detection = report.detection
        if let detection, !lanes.isEmpty {
            let from = scale.x(detection.from)
            let to = scale.x(detection.to)
            canvas.box(
                id: "guide-root", x: from, y: (Self.lanesTop + lanesBottom) / 2, width: 0.8, height: lanesBottom - Self.lanesTop,
                fill: DOTWriter.pathColour, tooltip: "First line about the root cause: \(detection.from.iso8601) (\(detection.fromEvidence.file):\(detection.fromEvidence.line))",
                classes: "guide patient-zero")
            if abs(to - from) >= 1 {
                canvas.box(
                    id: "guide-user-visible", x: to, y: (Self.lanesTop + lanesBottom) / 2, width: 0.8, height: lanesBottom - Self.lanesTop,
                    fill: "#ca6f1e", tooltip: "First user-visible symptom at \(detection.toService): \(detection.to.iso8601) (\(detection.toEvidence.file):\(detection.toEvidence.line))",
                    classes: "guide first-user-visible")
            }
        }

        // Marks.
        var lastX: [Int: [Double]] = [:]
        func place(_ x: Double, lane: Int) -> Double {
            var x = x
            while lastX[lane, default: []].contains(where: { abs($0 - x) < Self.dodge - 0.5 }) { x += Self.dodge }
            lastX[lane, default: []].append(x)
            return x
        }
        var markIDs: [String: String] = [:]
        var markAt: [String: (Double, Double)] = [:]
        for (index, entry) in timed {
            guard let time = entry.time, let lane = laneIndex[entry.service] else { continue }
            let key = entry.event ?? "entry-\(index)"
            let centre = Self.lanesTop + (Double(lane) + 0.5) * Self.laneHeight
            let x = place(scale.x(time), lane: lane)
            let colour = Self.colour(entry.level)
            let about = entry.about.map { " → \($0)" } ?? ""
            var tooltip = "\(time.iso8601) · \(entry.service): \(entry.title)\(about) ×\(entry.count)\n\(Self.clip(entry.message, 300))\n(\(entry.evidence.file):\(entry.evidence.line))"
            var classes = "mark level-\(entry.level.name.lowercased())"
            var size = Self.markSize
            var flag: String?
            switch entry.marker {
            case "patient-zero":
                classes += " patient-zero"
                size = 14
                flag = "patient zero"
                tooltip = "Patient zero · " + tooltip
            case "first-user-visible":
                classes += " first-user-visible"
                size = 12
                flag = "first user-visible"
                tooltip = "First user-visible symptom · " + tooltip
            default: break
            }
            let id = "mark-" + DOTText.identifier(key)
            markIDs[key] = id
            markAt[key] = (x, centre)
            canvas.mark(
                id: id, x: x, y: centre, size: size, shape: entry.level >= .error ? "diamond" : "circle", fill: colour,
                border: entry.marker == "patient-zero" ? "#641e16" : colour, double: entry.marker == "patient-zero", tooltip: tooltip, classes: classes)
            if let flag {
                canvas.text(id: id + "-flag", flag, x: x - 50, y: centre - size / 2 - 7, width: 100, align: .centre, size: 8, colour: colour, bold: true)
            }
            // The service the event is about, when it has a lane of its own.
            if let about = entry.about, let aboutLane = laneIndex[about], aboutLane != lane {
                let aboutCentre = Self.lanesTop + (Double(aboutLane) + 0.5) * Self.laneHeight
                canvas.mark(
                    id: id + "-about", x: place(scale.x(time), lane: aboutLane), y: aboutCentre, size: 8, shape: "circle", fill: "#ffffff",
                    border: colour, double: false,
                    tooltip: "Reported by \(entry.service) · \(time.iso8601): \(entry.title) → \(about)\n\(Self.clip(entry.message, 300))\n(\(entry.evidence.file):\(entry.evidence.line))",
                    classes: "mark reported")
            }
        }

        // Clock skew: the effect stamped before its cause, joined by a dashed line.
        let notes = report.timingNotes
        for (index, note) in notes.enumerated() where note.kind == .clockSkew && note.events.count == 2 {
            guard let effect = markIDs[note.events[0]], let cause = markIDs[note.events[1]],
                let a = markAt[note.events[1]], let b = markAt[note.events[0]] else { continue }
            canvas.edge(id: "skew-\(index)", from: cause, to: effect, colour: "#7d3c98", dashed: true, tooltip: note.text)
            canvas.text(id: "skew-\(index)-label", "clock skew?", x: (a.0 + b.0) / 2 - 40, y: (a.1 + b.1) / 2 - 8, width: 80, align: .centre, size: 8, colour: "#7d3c98")
        }

        // MTTD above the lanes.
        if let detection, !lanes.isEmpty {
            let from = scale.x(detection.from)
            let to = scale.x(detection.to)
            let y = Self.lanesTop - 22
            var label = "MTTD \(CausalGraph.duration(detection.seconds))"
            let tooltip = "Time to detection: " + detection.statement
            if from - to >= 6 {
                // The symptom is stamped before the root cause's first line: say so rather than draw a length.
                label = "symptom stamped \(CausalGraph.duration(detection.to.seconds(until: detection.from))) before the root cause's first line"
                canvas.point(id: "mttd-start", x: to, y: y)
                canvas.point(id: "mttd-end", x: from, y: y)
                canvas.edge(id: "mttd", from: "mttd-start", to: "mttd-end", colour: "#7d3c98", dashed: true, tooltip: tooltip, both: true)
                canvas.text(id: "mttd-label", label, x: (from + to) / 2 - 170, y: y - 9, width: 340, align: .centre, size: 9, colour: "#7d3c98", bold: true, tooltip: tooltip)
            } else if to - from >= 6 {
                canvas.point(id: "mttd-start", x: from, y: y)
                canvas.point(id: "mttd-end", x: to, y: y)
                canvas.edge(id: "mttd", from: "mttd-start", to: "mttd-end", colour: "#1f618d", dashed: false, tooltip: tooltip, both: true)
                canvas.text(id: "mttd-label", label, x: (from + to) / 2 - 80, y: y - 9, width: 160, align: .centre, size: 9, colour: "#1f618d", bold: true, tooltip: tooltip)
            } else {
                canvas.mark(id: "mttd", x: from, y: y, size: 7, shape: "invtriangle", fill: "#1f618d", border: "#1f618d", double: false, tooltip: tooltip, classes: "mttd")
                let text = label + (detection.seconds < 0.001 ? ": the fault and its first visible effect share a timestamp" : "")
                let width = Double(text.count) * 5.6
                // Beside the mark, on whichever side has room.
                if from + 7 + width <= Self.plotLeft + Self.plotWidth {
                    canvas.text(id: "mttd-label", text, x: from + 7, y: y, width: width, align: .left, size: 9, colour: "#1f618d", bold: true, tooltip: tooltip)
                } else {
                    canvas.text(id: "mttd-label", text, x: from - 7 - width, y: y, width: width, align: .right, size: 9, colour: "#1f618d", bold: true, tooltip: tooltip)
                }
            }
        }

        // The axis.
        let axisY = lanesBottom + 6
        canvas.box(id: "axis", x: Self.plotLeft + Self.plotWidth / 2, y: axisY, width: Self.plotWidth, height: 0.8, fill: "#566573", tooltip: "Time (UTC)", classes: "axis")
        for tick in scale.ticks() {
            let x = scale.x(tick.time)
            canvas.box(id: "tick-\(tick.time.nanoseconds)", x: x, y: axisY + 3, width: 0.8, height: 6, fill: "#566573", tooltip: tick.time.iso8601, classes: "tick")
            canvas.text(id: "tick-label-\(tick.time.nanoseconds)", tick.label, x: x - 40, y: axisY + 14, width: 80, align: .centre, size: 8, colour: "#566573")
        }
        canvas.text(id: "axis-label", "UTC", x: Self.plotLeft + Self.plotWidth - 40, y: axisY + 26, width: 40, align: .right, size: 8, colour: "#566573")

        // Notes, then the legend.
        var y = axisY + 40
        var lines = notes.map(\.text)
        let hidden = report.timeline.filter { $0.time != nil && laneIndex[$0.service] == nil }.count
        if hidden > 0 { lines.append("\(hidden) event(s) of services beyond the \(Self.laneLimit) lanes drawn are not shown.") }
        if report.timeline.contains(where: { $0.time != nil }) {
            lines.append("Marks at one time on one lane are set slightly apart, in causal order.")
        }
        for (index, note) in lines.enumerated() {
            for (part, line) in Self.wrap(note, width: 150, lines: 3).enumerated() {
                canvas.text(id: "note-\(index)-\(part)", line, x: 4, y: y, width: Self.plotLeft + Self.plotWidth, align: .left, size: 8.5, colour: "#566573")
                y += Self.noteHeight
            }
        }
        y += 4
        var legendX = 4.0
        for (index, item) in [("diamond", "#b03a2e", "error"), ("circle", "#ca6f1e", "warning"), ("circle", "#ffffff", "reported by another service")].enumerated() {
            canvas.mark(id: "legend-\(index)", x: legendX + 5, y: y, size: 8, shape: item.0, fill: item.1, border: item.1 == "#ffffff" ? "#b03a2e" : item.1, double: false, tooltip: item.2, classes: "legend")
            canvas.text(id: "legend-\(index)-label", item.2, x: legendX + 13, y: y, width: 150, align: .left, size: 8, colour: "#566573")
            legendX += 28 + Double(item.2.count) * 4.6
        }
        y += 10
        return canvas.dot(title: title, height: y)
    }

    // MARK: - Lanes

    struct Lane {
        var service: ServiceName
        var role: ServiceRole
        var health: ServiceHealth
        var isPatientZero: Bool
        /// `. <impact> (file:line, …)` for affected services, empty otherwise.
        var impact: String
    }

    /// Patient zero first, then up the propagation path, then the other affected services by first anomaly,
    /// the unrelated ones, and any other service that logged a timeline event.
    static func lanes(_ report: IncidentReport) -> [Lane] {
        var lanes: [Lane] = []
        var seen = Set<ServiceName>()
        let known = Dictionary(
            (report.affectedServices + report.unrelatedAnomalies).map { ($0.service, $0) }, uniquingKeysWith: { first, _ in first })
        let roles = Dictionary(report.topology.services.map { ($0.name, $0.role) }, uniquingKeysWith: { first, _ in first })
        func add(_ service: ServiceName) {
            guard lanes.count < laneLimit, seen.insert(service).inserted else { return }
            let entry = known[service]
            lanes.append(
                Lane(
                    service: service, role: entry?.role ?? roles[service] ?? .unknown, health: entry?.health ?? .healthy,
                    isPatientZero: service == report.patientZero?.service,
                    impact: entry.map { ". \($0.impact)" + ($0.evidence.isEmpty ? "" : " (\(DOTWriter.cited($0.evidence)))") } ?? ""))
        }
        report.propagationPath.forEach(add)
        report.patientZero.map { add($0.service) }
        let affected = report.affectedServices.filter { $0.health != .atRisk }
            .sorted { ($0.firstAnomaly?.nanoseconds ?? .max, $0.service) < ($1.firstAnomaly?.nanoseconds ?? .max, $1.service) }
        affected.forEach { add($0.service) }
        report.unrelatedAnomalies.forEach { add($0.service) }
        report.timeline.filter { $0.time != nil }.forEach { add($0.service) }
        return lanes
    }

    /// At most `lines` lines of about `width` characters, broken at spaces; the last one ends in `…` when
    /// text is left over.
    static func wrap(_ text: String, width: Int, lines: Int) -> [String] {
        var result: [String] = []
        var current = ""
        for word in text.split(separator: " ") {
            if !current.isEmpty, current.count + 1 + word.count > width {
                result.append(current)
                current = ""
            }
            current += (current.isEmpty ? "" : " ") + word
        }
        if !current.isEmpty { result.append(current) }
        if result.count > lines {
            result = Array(result.prefix(lines))
            result[lines - 1] += " …"
        }
        return result.map { clip($0, width + 20) }
    }

    static func clip(_ text: String, _ limit: Int) -> String {
        text.count > limit ? String(text.prefix(limit)) + "…" : text
    }
}
