import IntentParser
import Testing

@testable import BotServer

/// One routing rule for chat and board: an estate named by its name or any alias reaches its grid.
@Suite struct PlaceRoutingTests {
    let community: Community

    init() throws {
        community = try Community.load(
            communityPath: ResourceLocator.resolve("config/community.yaml"),
            lexiconPath: ResourceLocator.resolve("config/lexicon.yaml"))
    }

    @Test func aliasesRouteLikeNames() {
        #expect(community.grid(ofEstate: "龙西小区") == "G1")
        #expect(community.grid(ofEstate: "花苑小区") == community.grid(ofEstate: "广场花苑"))
        #expect(community.grid(ofEstate: "森工") == community.grid(ofEstate: "森工大厦小区"))
        #expect(community.canonicalEstate("森工") == "森工大厦小区")
        #expect(community.canonicalEstate("金桂苑") == "金桂苑")
        #expect(community.grid(ofEstate: "金桂苑") == nil)
    }

    @Test func aPlacesOwnGridWinsOverItsEstates() {
        #expect(community.grid(for: Place(estate: "世纪花园小区")) == community.grid(ofEstate: "世纪花园"))
        #expect(community.grid(for: Place(estate: "龙西小区", grid: "G4")) == "G4")
        #expect(community.grid(for: Place(landmark: "菜市场门口")) == nil)
    }
}
