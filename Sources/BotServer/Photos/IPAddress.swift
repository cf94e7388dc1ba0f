import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// An address a host name resolved to, judged by whether the downloader may connect to it.
enum IPAddress: Equatable, Sendable, CustomStringConvertible {
    /// Big-endian bytes as a number: 127.0.0.1 is 0x7F00_0001.
    case v4(UInt32)
    /// The 16 bytes in network order.
    case v6([UInt8])

    /// Parses a numeric address ("10.0.0.1", "::ffff:127.0.0.1").
    init?(_ text: String) {
        var v4 = in_addr()
        if inet_pton(AF_INET, text, &v4) == 1 {
            self = .v4(UInt32(bigEndian: v4.s_addr))
            return
        }
        var v6 = in6_addr()
        guard inet_pton(AF_INET6, text, &v6) == 1 else { return nil }
        self = .v6(withUnsafeBytes(of: &v6) { Array($0) })
    }

    /// True for addresses on the public internet; false for loopback, private, shared (CGNAT),
    /// link-local, unique-local, unspecified, multicast, reserved and benchmark ranges, including
    /// IPv4 addresses carried inside IPv6 ones (mapped, compatible, NAT64, 6to4), which reach the
    /// same hosts, and the tunnels whose far end the address does not say (Teredo, local-use NAT64).
    var isPublic: Bool {
        switch self {
        case .v4(let a):
            return !Self.localV4.contains { a & $0.mask == $0.prefix }
        case .v6(let b):
            guard b.count == 16 else { return false }
            if b[0..<10].allSatisfy({ $0 == 0 }) && ((b[10] == 0xFF && b[11] == 0xFF) || (b[10] == 0 && b[11] == 0)) {
                return Self.v4(b, at: 12).isPublic  // ::ffff:a.b.c.d, ::a.b.c.d (also :: and ::1)
            }
            if b[0..<12].elementsEqual([0x00, 0x64, 0xFF, 0x9B, 0, 0, 0, 0, 0, 0, 0, 0]) {
                return Self.v4(b, at: 12).isPublic  // 64:ff9b::/96
            }
            // Local-use NAT64 (RFC 8215) translates to whatever the operator chose, private ranges included.
            if b[0..<6].elementsEqual([0x00, 0x64, 0xFF, 0x9B, 0x00, 0x01]) { return false }  // 64:ff9b:1::/48
            // Teredo tunnels to an IPv4 host hidden (inverted) in the address; its relay decides where.
            if b[0..<4].elementsEqual([0x20, 0x01, 0x00, 0x00]) { return false }  // 2001::/32
            if b[0..<4].elementsEqual([0x20, 0x01, 0x0D, 0xB8]) { return false }  // 2001:db8::/32 documentation
            if b[0] == 0x20 && b[1] == 0x02 {
                return Self.v4(b, at: 2).isPublic  // 2002::/16
            }
            if b[0] & 0xFE == 0xFC { return false }  // fc00::/7 unique local
            if b[0] == 0xFE && b[1] & 0xC0 == 0x80 { return false }  // fe80::/10 link-local
            if b[0] == 0xFE && b[1] & 0xC0 == 0xC0 { return false }  // fec0::/10 old site-local
            if b[0] == 0xFF { return false }  // multicast
            return true
        }
    }

    /// 127.0.0.0/8 and ::1, also an IPv4 loopback carried in IPv6 (::ffff:127.0.0.1).
    var isLoopback: Bool {
        switch self {
        case .v4(let a): return a >> 24 == 127
        case .v6(let b):
            guard b.count == 16 else { return false }
            if b == [UInt8](repeating: 0, count: 15) + [1] { return true }
            return b[0..<10].allSatisfy { $0 == 0 } && b[10] == 0xFF && b[11] == 0xFF && Self.v4(b, at: 12).isLoopback
        }
    }

    var description: String {
        switch self {
        case .v4(let a):
            return "\(a >> 24).\(a >> 16 & 0xFF).\(a >> 8 & 0xFF).\(a & 0xFF)"
        case .v6(var b):
            var text = [CChar](repeating: 0, count: Int(INET6_ADDRSTRLEN))
            guard b.count == 16, inet_ntop(AF_INET6, &b, &text, socklen_t(text.count)) != nil else { return "?" }
            return String(decoding: text.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        }
    }

    private static func v4(_ b: [UInt8], at i: Int) -> IPAddress {
        .v4(UInt32(b[i]) << 24 | UInt32(b[i + 1]) << 16 | UInt32(b[i + 2]) << 8 | UInt32(b[i + 3]))
    }

    /// IPv4 ranges that are not the public internet (RFC 6890), as prefix and mask.
    private static let localV4: [(prefix: UInt32, mask: UInt32)] = [
        (0x0000_0000, 0xFF00_0000),  // 0.0.0.0/8 "this network", unspecified
        (0x0A00_0000, 0xFF00_0000),  // 10.0.0.0/8
        (0x6440_0000, 0xFFC0_0000),  // 100.64.0.0/10 shared (carrier NAT)
        (0x7F00_0000, 0xFF00_0000),  // 127.0.0.0/8 loopback
        (0xA9FE_0000, 0xFFFF_0000),  // 169.254.0.0/16 link-local (cloud metadata)
        (0xAC10_0000, 0xFFF0_0000),  // 172.16.0.0/12
        (0xC000_0000, 0xFFFF_FF00),  // 192.0.0.0/24 protocol assignments
        (0xC0A8_0000, 0xFFFF_0000),  // 192.168.0.0/16
        (0xC612_0000, 0xFFFE_0000),  // 198.18.0.0/15 benchmarking
        (0xE000_0000, 0xF000_0000),  // 224.0.0.0/4 multicast
        (0xF000_0000, 0xF000_0000),  // 240.0.0.0/4 reserved, broadcast
    ]
}
