import Foundation
import Mustache

/// Wraps a view so that rendering records every name a template looks up and none of the views
/// on the stack has: Mustache renders those as nothing, so a misspelt tag would pass unseen.
/// A property that exists but is nil counts as found (the template's section for it is optional).
final class LookupProbe {
    private(set) var asked: Set<String> = []
    private(set) var found: Set<String> = []

    var unfilled: Set<String> { asked.subtracting(found) }

    func wrap(_ value: Any) -> Any {
        switch value {
        case is String, is Bool, is Int, is Int64, is Double: value
        case let array as [Any]: array.map(wrap)
        default: Node(value: value, probe: self)
        }
    }

    fileprivate func lookUp(_ name: String, in value: Any) -> Any? {
        asked.insert(name)
        guard let child = Mirror(reflecting: value).children.first(where: { $0.label == name }) else { return nil }
        found.insert(name)
        let inner = Mirror(reflecting: child.value)
        guard inner.displayStyle == .optional else { return wrap(child.value) }
        return inner.children.first.map { wrap($0.value) }
    }

    private struct Node: MustacheParent {
        let value: Any
        let probe: LookupProbe

        func child(named name: String) -> Any? { probe.lookUp(name, in: value) }
    }
}
