/// What makes a case hard besides the incident: distractor errors that began earlier, clock skew, everyday
/// Kubernetes events.
extension IncidentRun {
    /// Errors that started well before the onset, in unrelated services and in one near the root.
    mutating func distractors() {
        guard options.distractors else { return }
        let unrelated = services.indices.filter {
            !affected[$0] && $0 != root && services[$0].logs && services[$0].role.isApplication && services[$0].role != .gateway
        }
        var chosen = rng.sample(unrelated, count: rng.int(1...3))
        let near = (topology.callees(ofIndex: root) + topology.callers(ofIndex: root)).filter { services[$0].logs && services[$0].role.isApplication }
        if !near.isEmpty && rng.chance(0.6) { chosen.append(rng.pick(near)) }
        for s in chosen {
            let service = services[s]
            let kind = rng.below(6)
            let start = windowStart + rng.int64(0...max(1, (onset - windowStart) / 3))
            var t = start
            let gap = rng.int64(5_000...45_000)
            let otherDeps = topology.callees(ofIndex: s).filter { $0 != root && !affected[$0] }
            let blamed = otherDeps.isEmpty ? nil : rng.pick(otherDeps)
            while t < end {
                emit(s, at: t, distractorLine(service, kind: kind, blamed: blamed.map { services[$0] }), pod: rng.below(service.pods.count))
                t += gap / 2 + rng.int64(0...gap)
            }
            difficultyNotes.append("\(service.name) logs \(kind == 5 && blamed != nil ? "errors about \(blamed.map { services[$0].name } ?? "")" : "errors") from before the incident on, unrelated to it.")
        }
    }

    private mutating func distractorLine(_ s: SimulatedService, kind: Int, blamed: SimulatedService?) -> Line {
        switch kind {
        case 0:
            return Line(.error, rng.pick(["Failed to export metrics to statsd-exporter.monitoring:9125: connection refused",
                                          "failed to export spans: rpc error: code = Unavailable desc = connection error: desc = \"transport: Error while dialing: dial tcp 10.96.\(rng.int(0...200)).\(rng.int(2...250)):4317: connect: connection refused\""]))
        case 1:
            return Line(.warn, rng.pick(["JWT validation failed: token expired at \(SimulatedInstant(milliseconds: windowStart - rng.int64(60_000...9_000_000)).iso)", "Invalid API key presented by client \(rng.hex(8))"]), fields: [("user", Phrasebook.userID(using: &rng))])
        case 2:
            return Line(.warn, "Validation failed for \(rng.pick(["POST", "PUT"])) /v1/\(s.domain): field '\(rng.pick(["email", "postalCode", "quantity", "phone"]))' \(rng.pick(["must be a well-formed email address", "must not be blank", "must be greater than 0"]))")
        case 3:
            let exception = "java.lang.IllegalStateException: Lock 'cleanup-\(s.noun)' is held by another instance"
            return Line(.error, "Scheduled job cleanup-expired-\(s.noun) failed: \(s.runtime == .java ? exception : "lock held by another instance")", trace: s.runtime == .java && options.stackTraces ? [exception, "\tat \(s.codeRoot).jobs.CleanupJob.run(CleanupJob.java:\(rng.int(20...90)))"] : [])
        case 4:
            return Line(.error, "Deprecated configuration key '\(s.domain).client.timeout' is used; use '\(s.domain).http.read-timeout' instead. The old key will be ignored in the next major version.")
        default:
            if let blamed {
                return Line(.warn, "Slow response from \(blamed.name): \(rng.int(1_100...4_000))ms (threshold 1000ms)")
            }
            return Line(.error, "Failed to refresh feature flags from flagd.platform:8013: context deadline exceeded")
        }
    }

    /// Some services' clocks are off by a few hundred milliseconds to several seconds.
    mutating func drawClockSkew() {
        guard options.clockSkew else { return }
        var candidates = services.indices.filter { services[$0].logs }
        let count = min(candidates.count, rng.int(1...3))
        // Half the time one of the skewed clocks is the root's or a direct caller's, where it hurts.
        if rng.chance(0.5) {
            let near = ([root] + topology.callers(ofIndex: root)).filter { services[$0].logs }
            if !near.isEmpty {
                let s = rng.pick(near)
                candidates.removeAll { $0 == s }
                candidates.insert(s, at: 0)
            }
        } else {
            candidates = rng.shuffled(candidates)
        }
        for s in candidates.prefix(count) {
            let magnitude = rng.logUniform(300...8_000)
            services[s].skew = Int64(magnitude) * (rng.chance(0.5) ? -1 : 1)
            difficultyNotes.append("\(services[s].name)'s clock is \(abs(services[s].skew)) ms \(services[s].skew < 0 ? "behind" : "ahead").")
        }
    }

    /// Everyday events of other workloads, written beside the incident's own.
    mutating func backgroundEvents() {
        let others = services.indices.filter { $0 != root && services[$0].role.isApplication }
        for _ in 0..<rng.int(2...8) {
            let t = windowStart + rng.int64(0...(end - windowStart))
            let job = "\(rng.pick(["report-generator", "cleanup-sessions", "db-backup", "sitemap-builder"]))-\(rng.int(28_000_000...29_999_999))-\(rng.string(5, from: "bcdfghjklmnpqrstvwxz2456789"))"
            switch rng.below(4) {
            case 0:
                event(t, "Scheduled", "Successfully assigned \(namespace)/\(job) to \(rng.pick(nodes))", warning: false, pod: job, container: nil, component: "default-scheduler")
            case 1:
                event(t, "Pulled", "Container image \"registry.\(company).io/\(job.split(separator: "-").prefix(2).joined(separator: "-")):latest\" already present on machine", warning: false, pod: job, container: "job")
            case 2 where !others.isEmpty:
                let s = services[rng.pick(others)]
                event(t, "SuccessfulRescale", "New size: \(rng.int(2...6)); reason: All metrics below target", warning: false, pod: s.name, container: nil, component: "horizontal-pod-autoscaler", kind: "HorizontalPodAutoscaler")
            default:
                event(t, "Completed", "Job completed", warning: false, pod: job, container: nil, component: "job-controller", kind: "Job")
            }
        }
        if options.distractors {
            let job = "nightly-export-\(rng.int(28_000_000...29_999_999))-\(rng.string(5, from: "bcdfghjklmnpqrstvwxz2456789"))"
            event(windowStart + rng.int64(0...30_000), "BackOff", "Back-off restarting failed container export in pod \(job)_\(namespace)(\(rng.hex(8))-\(rng.hex(4))-\(rng.hex(4))-\(rng.hex(4))-\(rng.hex(12)))", pod: job, container: "export", count: rng.int(5...40), last: end - rng.int64(0...60_000))
        }
    }
}
