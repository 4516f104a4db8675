import CausewayIngest
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A progress line on standard error while large inputs are read, drawn only when standard error is a
/// terminal (never in pipes, files or CI logs).
final class ProgressLine: @unchecked Sendable {
    let counter: ProgressCounter
    private let done = DispatchSemaphore(value: 0)
    private var thread: Thread?

    /// Nil when standard error is not a terminal or the input is small.
    init?(paths: [String]) {
        guard isatty(2) == 1, let inputs = try? ResolvedInputs.resolve(paths) else { return nil }
        let total = inputs.logFiles.reduce(0) { sum, file in
            sum + ((try? FileManager.default.attributesOfItem(atPath: file.path)[.size] as? Int) ?? 0)
        }
        guard total > 32 << 20 else { return nil }
        counter = ProgressCounter(total: total)
    }

    func start() {
        let thread = Thread { [self] in
            let start = Date()
            while done.wait(timeout: .now() + .milliseconds(250)) == .timedOut {
                let read = counter.bytesRead
                let share = min(100, read * 100 / max(1, counter.total))
                let rate = Double(read) / max(0.001, Date().timeIntervalSince(start)) / 1e6
                let line = String(format: "\rreading %3d%%  %.0f of %.0f MB  %.0f MB/s ", share, Double(read) / 1e6, Double(counter.total) / 1e6, rate)
                FileHandle.standardError.write(Data(line.utf8))
            }
            FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
        }
        self.thread = thread
        thread.start()
    }

    func stop() {
        done.signal()
        while thread?.isFinished == false { usleep(1000) }
    }
}
