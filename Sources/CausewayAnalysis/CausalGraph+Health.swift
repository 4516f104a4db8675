public import CausewayCore
public import CausewayIngest

/// Service health read off the events: what each service's own and reported symptoms say about it.
extension CausalGraph {
    /// The health each event implies for each service it touches: its subject gets the signal's subject
    /// health; its emitter, when reporting on another service, the signal's observer health. An error no
    /// rule classifies degrades its emitter; an unclassified warning alone does not.
    /// - Complexity: O(events).
    public func health(rulebook: SignalRulebook) -> [ServiceName: ServiceHealth] {
        var health: [ServiceName: ServiceHealth] = [:]
        for service in serviceIndex.keys { health[service] = .healthy }
        for node in eventNodes {
            let event = event(node)
            for (service, value) in impacts(of: event, rulebook: rulebook) {
                health[service] = max(health[service] ?? .healthy, value)
            }
        }
        return health
    }

    /// The services an event says something about, with the health it implies for each.
    func impacts(of event: EventNode, rulebook: SignalRulebook) -> [(ServiceName, ServiceHealth)] {
        guard let id = event.signal, let definition = rulebook.definition(id) else {
            return event.template.level >= .error ? [(event.emitter, .degraded)] : []
        }
        if event.subject == event.emitter { return [(event.subject, definition.subjectHealth)] }
        return [(event.subject, definition.subjectHealth), (event.emitter, definition.observerHealth)]
    }

    /// Events that say something about `service` (as subject, or as a failing observer).
    func events(touching service: ServiceName, rulebook: SignalRulebook) -> [Int] {
        eventNodes.filter { node in
            impacts(of: event(node), rulebook: rulebook).contains { $0.0 == service && $0.1 >= .degraded }
        }
    }
}
