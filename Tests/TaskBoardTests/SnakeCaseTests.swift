import Testing

@testable import TaskBoard

@Suite struct SnakeCaseTests {
    @Test(arguments: [
        ("itemID", "item_id"), ("imageURLs", "image_urls"), ("sourceMessageID", "source_message_id"),
        ("sha256", "sha256"), ("id", "id"), ("url", "url"), ("encodingAESKey", "encoding_aes_key"),
        ("nextAttemptAt", "next_attempt_at"), ("apiURL", "api_url"), ("maxPerMessage", "max_per_message"),
    ])
    func bothWays(camel: String, snake: String) {
        #expect(SnakeCase.snake(camel) == snake)
        #expect(SnakeCase.camel(snake) == camel)
    }

    @Test func queryColumnsAreTheTablesColumns() {
        #expect(Item.CodingKeys.sourceMessageID.name == "source_message_id")
        #expect(Photo.CodingKeys.nextAttemptAt.name == "next_attempt_at")
    }
}
