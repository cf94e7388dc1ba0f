import Testing

@testable import BotServer

/// Which addresses count as local for the downloader, IPv4 inside IPv6 included.
@Suite struct PhotoAddressTests {
    @Test(arguments: [
        "127.0.0.1", "127.8.9.10", "10.1.2.3", "172.16.0.1", "172.31.255.255", "192.168.1.1", "169.254.169.254",
        "100.64.0.1", "0.0.0.0", "224.0.0.1", "255.255.255.255", "198.18.0.1", "::", "::1", "fe80::1", "fc00::1",
        "fd12:3456::1", "ff02::1", "::ffff:127.0.0.1", "::ffff:10.0.0.1", "::ffff:169.254.169.254", "::127.0.0.1",
        "64:ff9b::a00:1", "2002:c0a8:101::1", "fec0::1",
        // Teredo (2001::/32) and local-use NAT64 (64:ff9b:1::/48) reach hosts the address does not name.
        "2001:0:4136:e378:8000:63bf:3fff:fdd2", "2001::1", "64:ff9b:1::a00:1", "64:ff9b:1:ffff::8.8.8.8",
        "2001:db8::1",
    ])
    func localAddressesAreNotPublic(_ text: String) throws {
        let address = try #require(IPAddress(text))
        #expect(!address.isPublic, "\(address)")
    }

    @Test(arguments: [
        "1.1.1.1", "8.8.8.8", "203.0.113.7", "172.32.0.1", "100.128.0.1", "192.169.0.1", "2001:4860:4860::8888",
        "::ffff:8.8.8.8", "2400:3200::1",
    ])
    func publicAddressesArePublic(_ text: String) throws {
        let address = try #require(IPAddress(text))
        #expect(address.isPublic, "\(address)")
    }

    @Test func numericForms() {
        #expect(IPAddress("127.0.0.1") == .v4(0x7F00_0001))
        #expect(IPAddress("::ffff:127.0.0.1")?.description == "::ffff:127.0.0.1")
        #expect(IPAddress("example.com") == nil)
    }
}
