/// What `seedBenchmarkItems` wrote, so a benchmark can aim its filters at values that exist.
public struct BenchmarkSeed: Sendable, Equatable {
    /// The numbers of the items written, consecutive.
    public var itemIDs: ClosedRange<Int64>
    /// The vocabularies the items were drawn from.
    public var categories: [String]
    public var grids: [String]
    public var estates: [String]
    /// The seeded secretary, who may run every command.
    public var secretaryID: Int64

    /// Memberwise.
    public init(
        itemIDs: ClosedRange<Int64>, categories: [String], grids: [String], estates: [String], secretaryID: Int64
    ) {
        self.itemIDs = itemIDs
        self.categories = categories
        self.grids = grids
        self.estates = estates
        self.secretaryID = secretaryID
    }
}
