/// The ground truth of a simulated case: what truth.json says, as a value.
public struct SimulatedTruth: Sendable, Hashable {
    /// The root-cause service (base name, no pod suffix).
    public var service: String
    /// The injected fault.
    public var fault: FaultKind
    /// When the fault began at the root, as `2026-05-24T11:54:10.221Z` (true time, before any clock skew).
    public var start: String
    /// From the root up its callers to the user-facing entry; each step calls the one before it.
    public var propagation: [String]
    /// Every service that shows symptoms, the root included.
    public var affected: [String]
    /// Other answers the evidence cannot rule out (usually empty).
    public var acceptableRoots: [String]
    /// What happened and which hard parts the case has, in prose.
    public var notes: String

    public init(
        service: String, fault: FaultKind, start: String, propagation: [String], affected: [String],
        acceptableRoots: [String], notes: String
    ) {
        self.service = service
        self.fault = fault
        self.start = start
        self.propagation = propagation
        self.affected = affected
        self.acceptableRoots = acceptableRoots
        self.notes = notes
    }

    /// truth.json in the FORMAT.md shape, keys in its order, two-space indent, a final newline.
    ///
    /// `source` names the generator, seed, style and difficulty knobs, as other datasets name theirs.
    func json(source: String) -> String {
        JSONText.object([
            (
                "root_cause",
                .object([("service", .string(service)), ("fault", .string(fault.rawValue)), ("start", .string(start))])
            ),
            ("propagation", .array(propagation.map { .string($0) })),
            ("affected", .array(affected.map { .string($0) })),
            ("acceptable_roots", .array(acceptableRoots.map { .string($0) })),
            ("notes", .string(notes)),
            ("source", .string(source)),
        ]).pretty() + "\n"
    }
}
