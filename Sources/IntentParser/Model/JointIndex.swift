/// Every feature of the parser's three models in one table, with each model's row for it: a message's
/// features are looked up once for all models. The lookups (probes into a few MiB that rarely stay in
/// cache) are most of what the model costs per message.
struct JointIndex: Sendable {
    let table: FeatureTable
    /// Joint index → row in the intent, category and query model (-1: not a feature of that model).
    let intentRows: [Int32]
    let categoryRows: [Int32]
    let queryRows: [Int32]

    init(intent: LinearModel, category: LinearModel, query: LinearModel) {
        var index: [String: Int] = [:]
        var names: [String] = []
        for m in [intent, category, query] {
            for name in m.names where index[name] == nil {
                index[name] = names.count
                names.append(name)
            }
        }
        func rows(_ m: LinearModel) -> [Int32] {
            var out = [Int32](repeating: -1, count: names.count)
            for (row, name) in m.names.enumerated() { out[index[name]!] = Int32(row) }
            return out
        }
        table = FeatureTable(names)
        intentRows = rows(intent)
        categoryRows = rows(category)
        queryRows = rows(query)
    }

    /// The joint index of each feature (-1 when no model has it), all looked up before any is used so
    /// the probes overlap in memory.
    func rows(_ keys: [FeatureKey]) -> [Int32] {
        [Int32](unsafeUninitializedCapacity: keys.count) { buffer, count in
            for (i, key) in keys.enumerated() { buffer[i] = table.row(key) }
            count = keys.count
        }
    }
}
