import Testing
import WebApp

struct HostPolicyTests {
    static let loopback = HostPolicy(bindHost: "127.0.0.1", machineName: "vm")

    @Test(arguments: [
        ("127.0.0.1:8080", true), ("localhost:8080", true), ("LOCALHOST:8080", true), ("[::1]:8080", true),
        ("127.0.0.1:8081", false), ("127.0.0.1", false), ("evil.example:8080", false), ("127.0.0.1.nip.io:8080", false),
        ("vm:8080", false), ("", false), ("127.0.0.1:80x", false), ("user@127.0.0.1:8080", false), ("127.0.0.1:8080/", false),
        ("192.168.1.5:8080", false),
    ])
    func aLoopbackServerAcceptsOnlyLoopbackNamesWithItsPort(authority: String, allowed: Bool) {
        #expect(Self.loopback.allows(authority: authority, port: 8080) == allowed)
    }

    @Test func portEightyMayBeLeftOut() {
        #expect(Self.loopback.allows(authority: "localhost", port: 80))
        #expect(!Self.loopback.allows(authority: "localhost:8080", port: 80))
    }

    @Test func aServerOnAllInterfacesAcceptsAddressesAndItsOwnNameButNoOtherName() {
        let policy = HostPolicy(bindHost: "0.0.0.0", machineName: "Lab-PC")
        #expect(policy.allows(authority: "192.168.1.5:8080", port: 8080))
        #expect(policy.allows(authority: "[fe80::1]:8080", port: 8080))
        #expect(policy.allows(authority: "lab-pc:8080", port: 8080))
        #expect(policy.allows(authority: "localhost:8080", port: 8080))
        #expect(!policy.allows(authority: "attacker.example:8080", port: 8080))
        #expect(!policy.allows(authority: "999.1.1.1:8080", port: 8080))
    }

    @Test func aServerOnOneAddressAcceptsThatAddressOnly() {
        let policy = HostPolicy(bindHost: "192.168.1.5", machineName: "vm")
        #expect(policy.allows(authority: "192.168.1.5:8080", port: 8080))
        #expect(!policy.allows(authority: "127.0.0.1:8080", port: 8080))
        #expect(HostPolicy(bindHost: "::1", machineName: "").allows(authority: "[::1]:9000", port: 9000))
    }

    @Test func loopbackAddresses() {
        for host in ["127.0.0.1", "127.1.2.3", "localhost", "::1"] { #expect(HostPolicy.isLoopback(host)) }
        for host in ["0.0.0.0", "::", "192.168.1.5", "127.0.0.1.example", "example.com"] { #expect(!HostPolicy.isLoopback(host)) }
    }
}
