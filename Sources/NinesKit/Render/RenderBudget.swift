import Foundation
import Mustache

/// What one rendering of one template may spend. Mustache renders in one synchronous call with
/// no hook of its own, so the view is handed over wrapped (`BoundedView`): every value the
/// template looks up and every repetition of a section goes through here, and once a bound is
/// passed every lookup answers nothing and every list is empty, so the rendering ends at once
/// and `TemplateSet.render` throws.
final class RenderBudget {
    /// Longest a template may take to render one file, seconds.
    static let maxSeconds = 60.0

    /// Estimated output so far, bytes: the text of every value looked up plus, for each
    /// repetition of a section, the longest literal body of a section of that name.
    private(set) var bytes = 0
    /// Why the rendering was stopped (nil: it was not).
    private(set) var exceeded: String?
    private let bodyBytes: [String: Int]
    private let limitBytes: Int
    private let deadline: UInt64
    private var ticks = 0

    init(outline: TemplateOutline, maxBytes: Int = TemplateSet.maxOutputBytes, maxSeconds: Double = RenderBudget.maxSeconds) {
        self.bodyBytes = outline.bodyBytes
        self.limitBytes = maxBytes
        self.deadline = DispatchTime.now().uptimeNanoseconds + UInt64(maxSeconds * 1e9)
    }

    /// Charges `count` bytes; false once a bound is passed.
    func charge(_ count: Int) -> Bool {
        guard exceeded == nil else { return false }
        bytes += count
        if bytes > limitBytes {
            exceeded = "renders more than \(limitBytes / 1_048_576) MiB"
        }
        ticks += 1
        if ticks & 1023 == 0 && DispatchTime.now().uptimeNanoseconds > deadline {
            exceeded = "takes longer than \(Int(RenderBudget.maxSeconds)) s to render"
        }
        return exceeded == nil
    }

    /// The longest literal body of a section called `name`, bytes: what one repetition of it
    /// is charged.
    func sectionBytes(_ name: String) -> Int { bodyBytes[name] ?? 0 }

    /// `value` as the template should see it: lists and records wrapped so that their use is
    /// charged, text charged and passed through. The common kinds (text, flags, the view's own
    /// records) are tested first, with concrete casts: this runs for every value a template
    /// reads, 400,000 times for a 10,000-VM report.
    func wrap(_ value: Any?, name: String) -> Any? {
        guard let value, exceeded == nil else { return nil }
        if let text = value as? TemplateText { return charge(text.text.utf8.count) ? text : nil }
        if let text = value as? String { return charge(text.utf8.count) ? text : nil }
        if value is Bool { return value }
        if let parent = value as? MustacheParent, !(value is any MustacheSequence) {
            return BoundedView(parent: parent, budget: self)
        }
        switch value {
        case is MustacheLambda: return value
        case let list as any MustacheSequence: return BoundedSequence(elements: Self.elements(list), name: name, budget: self)
        case is MustacheCustomRenderable: return charge(8) ? value : nil
        case is Int, is Double: return charge(8) ? value : nil
        default:
            // A number, an enumeration or anything else without parts renders as itself.
            guard Mirror(reflecting: value).children.isEmpty else { return BoundedView(value: value, budget: self) }
            return charge(8) ? value : nil
        }
    }

    private static func elements<S: Sequence>(_ sequence: S) -> [Any] { sequence.map { $0 } }
}

/// A record of the view seen through a `RenderBudget`.
struct BoundedView: MustacheParent {
    /// The record as Mustache would read it: its own `child(named:)`, or its stored properties.
    private let parent: MustacheParent?
    private let value: Any
    let budget: RenderBudget

    init(parent: MustacheParent, budget: RenderBudget) {
        self.parent = parent
        self.value = parent
        self.budget = budget
    }

    init(value: Any, budget: RenderBudget) {
        let object = (value as? MustacheCustomRepresentation)?.representation ?? value
        self.parent = object as? MustacheParent
        self.value = object
        self.budget = budget
    }

    func child(named name: String) -> Any? {
        let child: Any?
        if let parent {
            child = parent.child(named: name)
        } else if let found = Mirror(reflecting: value).children.first(where: { $0.label == name }) {
            let mirror = Mirror(reflecting: found.value)
            child = mirror.displayStyle == .optional ? mirror.children.first?.value : found.value
        } else {
            child = nil
        }
        return budget.wrap(child, name: name)
    }
}

/// A list of the view seen through a `RenderBudget`: each element is charged as the section
/// repeats, and the list ends early once a bound is passed.
struct BoundedSequence: MustacheSequence, MustacheTransformable {
    let elements: [Any]
    let name: String
    let budget: RenderBudget

    func makeIterator() -> AnyIterator<Any> {
        var index = 0
        let bytes = budget.sectionBytes(name)
        return AnyIterator {
            guard index < elements.count, budget.charge(bytes) else { return nil }
            defer { index += 1 }
            return budget.wrap(elements[index], name: name)
        }
    }

    func transform(_ name: String) -> Any? {
        elements.transform(name).map { budget.wrap($0, name: self.name) as Any }
    }
}
