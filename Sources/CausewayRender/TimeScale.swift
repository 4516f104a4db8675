internal import CausewayAnalysis
internal import CausewayCore

/// Maps times to x positions over the drawn events and the detection interval, with a margin on either
/// side; when every time is the same, a two-second span centred on it.
struct TimeScale {
    var start: Timestamp
    var end: Timestamp

    init(report: IncidentReport, entries: [TimelineEntry]) {
        var times = entries.compactMap(\.time)
        if let detection = report.detection { times += [detection.from, detection.to] }
        let low = times.min() ?? Timestamp(nanoseconds: 0)
        let high = times.max() ?? low
        var span = high.nanoseconds - low.nanoseconds
        var first = low.nanoseconds
        if span < 1_000_000 {
            first -= 1_000_000_000 - span / 2
            span = 2_000_000_000
        }
        let margin = span / 20
        start = Timestamp(nanoseconds: first - margin)
        end = Timestamp(nanoseconds: first + span + margin)
    }

    func x(_ time: Timestamp) -> Double {
        let span = Double(end.nanoseconds - start.nanoseconds)
        let offset = Double(time.nanoseconds - start.nanoseconds)
        return TimelineWriter.plotLeft + (span > 0 ? offset / span : 0.5) * TimelineWriter.plotWidth
    }

    /// Round times at a step that gives about five to eight ticks.
    func ticks() -> [(time: Timestamp, label: String)] {
        let steps: [Int64] = [
            1, 2, 5, 10, 20, 50, 100, 200, 500, 1_000, 2_000, 5_000, 10_000, 15_000, 30_000, 60_000, 120_000, 300_000,
            600_000, 900_000, 1_800_000, 3_600_000, 7_200_000, 21_600_000, 43_200_000, 86_400_000, 604_800_000,
            2_592_000_000, 31_536_000_000,
        ].map { $0 * 1_000_000 }
        let span = end.nanoseconds - start.nanoseconds
        let step: Int64 = steps.first(where: { span / $0 <= 7 }) ?? steps[steps.count - 1]
        var tick = (start.nanoseconds / step + (start.nanoseconds % step > 0 ? 1 : 0)) * step
        var ticks: [(Timestamp, String)] = []
        while tick <= end.nanoseconds, ticks.count < 12 {
            let time = Timestamp(nanoseconds: tick)
            let label = step < 1_000_000_000 ? time.timeOfDay : String(time.timeOfDay.prefix(8))
            ticks.append((time, label))
            tick += step
        }
        return ticks
    }
}
