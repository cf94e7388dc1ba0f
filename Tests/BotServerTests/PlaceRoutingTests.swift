import IntentParser
import TaskBoard
import Testing

@testable import BotServer

/// One routing rule for chat and board: an estate named by its name or any alias reaches its grid.
@Suite struct PlaceRoutingTests {
    let router: PlaceRouter

    init() throws {
        let community = try Community.load(
            communityPath: ResourceLocator.resolve("config/community.yaml"),
            lexiconPath: ResourceLocator.resolve("config/lexicon.yaml"))
        router = community.router(gridWorkers: ["G1": ["gw-1"]])
    }

    @Test func aliasesRouteLikeNames() {
        #expect(router.grid(ofEstate: "龙西小区") == "G1")
        #expect(router.grid(ofEstate: "花苑小区") == router.grid(ofEstate: "广场花苑"))
        #expect(router.grid(ofEstate: "森工") == router.grid(ofEstate: "森工大厦小区"))
        #expect(router.canonicalEstate("森工") == "森工大厦小区")
        #expect(router.canonicalEstate("金桂苑") == "金桂苑")
        #expect(router.grid(ofEstate: "金桂苑") == nil)
    }

    @Test func aPlacesOwnGridWinsOverItsEstates() {
        #expect(router.route(Location(estate: "世纪花园小区")).grid == router.grid(ofEstate: "世纪花园"))
        #expect(router.route(Location(estate: "龙西小区", grid: "G4")).grid == "G4")
        #expect(router.route(Location(landmark: "菜市场门口")).grid == nil)
    }

    @Test func anAliasIsStoredByItsCanonicalName() {
        let routed = router.route(Location(estate: "森工", building: "3"))
        #expect(routed.estate == "森工大厦小区")
        #expect(routed.building == "3")
        #expect(routed.grid == router.grid(ofEstate: "森工大厦小区"))
    }

    @Test func aGridsWorkersComeWithIt() {
        #expect(router.workers(of: "G1") == ["gw-1"])
        #expect(router.workers(of: "G2").isEmpty)
        #expect(router.workers(of: nil).isEmpty)
        #expect(router.gridName("G1") != nil)
        #expect(router.gridName("nope") == nil)
    }
}
