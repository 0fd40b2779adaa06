import Mustache

// Row types the templates repeat thousands of times on a large estate answer their fields by
// name instead of through Swift's Mirror, which Mustache otherwise uses (measured: a third of
// the rendering time at 10,000 VMs), and their text as `TemplateText`.

/// Text a template places, handed to Mustache as already renderable: it then escapes it at
/// once, where a plain `String` in an `Any` first goes through three more dynamic casts and
/// `String(describing:)`. The output is the same (the golden files).
struct TemplateText: MustacheCustomRenderable {
    let text: String

    init(_ text: String) { self.text = text }

    var renderText: String { text }
    var isNull: Bool { false }
}

extension ReportView.Row2: MustacheParent {
    public func child(named name: String) -> Any? {
        switch name {
        case "label": TemplateText(label)
        case "value": TemplateText(value)
        default: nil
        }
    }
}

extension ReportView.ApplicationRow: MustacheParent {
    public func child(named name: String) -> Any? {
        switch name {
        case "name": TemplateText(self.name)
        case "costPerHour": TemplateText(costPerHour)
        case "before": TemplateText(before)
        case "after": TemplateText(after)
        case "availabilityBefore": TemplateText(availabilityBefore)
        case "availabilityAfter": TemplateText(availabilityAfter)
        case "downtimeBefore": TemplateText(downtimeBefore)
        case "downtimeAfter": TemplateText(downtimeAfter)
        case "exposureBefore": TemplateText(exposureBefore)
        case "exposureAfter": TemplateText(exposureAfter)
        case "protection": TemplateText(protection)
        case "p90": TemplateText(p90)
        case "target": TemplateText(target)
        case "verdict": TemplateText(verdict)
        case "flagged": flagged
        case "confidence": TemplateText(confidence)
        default: nil
        }
    }
}

extension ReportView.PairRow: MustacheParent {
    public func child(named name: String) -> Any? {
        switch name {
        case "id": TemplateText(id)
        case "site": TemplateText(site)
        case "vms": TemplateText(vms)
        case "memory": TemplateText(memory)
        case "threads": TemplateText(threads)
        case "count": TemplateText(count)
        case "disk": TemplateText(disk)
        case "binding": TemplateText(binding)
        case "members": TemplateText(members)
        default: nil
        }
    }
}

extension ReportView.AssumptionRow: MustacheParent {
    public func child(named name: String) -> Any? {
        switch name {
        case "entry": TemplateText(entry)
        case "key": TemplateText(key)
        case "value": TemplateText(value)
        case "basis": TemplateText(basis)
        default: nil
        }
    }
}

extension ReportView.RiskRow: MustacheParent {
    public func child(named name: String) -> Any? {
        switch name {
        case "name": TemplateText(self.name)
        case "expected": TemplateText(expected)
        case "mean": TemplateText(mean)
        case "p50": TemplateText(p50)
        case "p90": TemplateText(p90)
        case "p99": TemplateText(p99)
        case "estate": estate
        default: nil
        }
    }
}
