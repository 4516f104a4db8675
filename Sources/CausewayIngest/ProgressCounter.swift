internal import Synchronization

/// Bytes read so far, shared by every worker; the command line reads it to draw a progress line.
public final class ProgressCounter: Sendable {
    private let done = Atomic<Int>(0)
    /// The input's size in bytes, when known.
    public let total: Int

    public init(total: Int) {
        self.total = total
    }

    public func add(_ bytes: Int) {
        done.add(bytes, ordering: .relaxed)
    }

    public var bytesRead: Int { done.load(ordering: .relaxed) }
}
