import Foundation
import Testing
import TestSupport

/// `shootnet calc` through the built binary.
@Suite struct CalcCLITests {
    private func json(_ args: [String], sourceLocation: SourceLocation = #_sourceLocation) throws -> [String: Any] {
        let r = try ProcessRunner.shootnet(["calc"] + args + ["-o", "json"])
        #expect(r.exitCode == 0, "stderr: \(r.stderr)", sourceLocation: sourceLocation)
        #expect(r.stderr.isEmpty, sourceLocation: sourceLocation)
        #expect(r.stdout.hasPrefix("{\n") && r.stdout.hasSuffix("}\n"), sourceLocation: sourceLocation)
        let object = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8))
        return try #require(object as? [String: Any], sourceLocation: sourceLocation)
    }

    @Test func contractFieldsAreCanonical() throws {
        let o = try json(["2001:DB8:0:0:4000::/66"])
        #expect(o["cidr"] as? String == "2001:db8:0:0:4000::/66")
        #expect(o["family"] as? String == "IPv6")
        #expect(o["prefixLength"] as? Int == 66)
        #expect(o["network"] as? String == "2001:db8:0:0:4000::")
        #expect(o["first"] as? String == "2001:db8:0:0:4000::")
        #expect(o["last"] as? String == "2001:db8::7fff:ffff:ffff:ffff")
        #expect(o["addresses"] as? String == "4611686018427387904")
        #expect(o["subnets"] == nil)
        #expect(o["contains"] == nil)
        let names = (o["specialRanges"] as? [[String: Any]])?.compactMap { $0["name"] as? String }
        #expect(names == ["documentation", "global-unicast"])
    }

    @Test(arguments: [
        ("10.0.0.1/8", "10.0.0.0/8", "10.0.0.0", "10.255.255.255", "16777216", "IPv4"),
        ("192.0.2.7", "192.0.2.7/32", "192.0.2.7", "192.0.2.7", "1", "IPv4"),
        ("2001:DB8::1", "2001:db8::1/128", "2001:db8::1", "2001:db8::1", "1", "IPv6"),
        ("::/0", "::/0", "::", "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff", "340282366920938463463374607431768211456", "IPv6"),
        ("::ffff:10.0.0.1/120", "::ffff:10.0.0.0/120", "::ffff:10.0.0.0", "::ffff:10.0.0.255", "256", "IPv6"),
    ])
    func hostBitsAreClearedAndBareAddressesAreSingleHosts(
        _ input: String, _ cidr: String, _ network: String, _ last: String, _ addresses: String, _ family: String
    ) throws {
        let o = try json([input])
        #expect(o["cidr"] as? String == cidr)
        #expect(o["network"] as? String == network)
        #expect(o["last"] as? String == last)
        #expect(o["addresses"] as? String == addresses)
        #expect(o["family"] as? String == family)
    }

    @Test(arguments: [
        ("10.0.0.0/8", "10.200.1.1", true),
        ("10.0.0.0/8", "11.0.0.0", false),
        ("10.0.0.0/8", "10.1.0.0/16", true),
        ("10.0.0.0/8", "::ffff:10.0.0.1", false),
        ("2001:db8::/32", "2001:DB8:FFFF::1", true),
    ])
    func containsAnswersTrueOrFalse(_ cidr: String, _ target: String, _ expected: Bool) throws {
        let o = try json([cidr, "--contains", target])
        #expect(o["contains"] as? Bool == expected)
        let text = try ProcessRunner.shootnet(["calc", cidr, "--contains", target])
        #expect(text.stdout.contains("Contains:") && text.stdout.contains(expected ? ": yes" : ": no"))
    }

    @Test func smallSplitListsEverySubnet() throws {
        let o = try json(["2001:db8:0:0:4000::/66", "--split", "68"])
        #expect(o["subnets"] as? [String] == [
            "2001:db8:0:0:4000::/68", "2001:db8:0:0:5000::/68", "2001:db8:0:0:6000::/68", "2001:db8:0:0:7000::/68",
        ])
        #expect(o["subnetsTotal"] as? String == "4")
        #expect(o["subnetsTruncated"] as? Bool == false)
        let text = try ProcessRunner.shootnet(["calc", "2001:db8:0:0:4000::/66", "--split", "/68"])
        #expect(text.exitCode == 0)
        #expect(text.stdout.contains("Split into /68:   4 subnets"))
        #expect(!text.stdout.contains("more not listed"))
    }

    @Test func largeSplitIsCappedAndSaysHowToGetMore() throws {
        let text = try ProcessRunner.shootnet(["calc", "10.0.0.0/8", "--split", "24"])
        #expect(text.exitCode == 0)
        let listed = text.stdoutLines.filter { $0.hasPrefix("  10.") }
        #expect(listed.count == 256)
        #expect(listed.first == "  10.0.0.0/24" && listed.last == "  10.0.255.0/24")
        #expect(text.stdout.contains("65536 subnets (2^16), listing the first 256"))
        #expect(text.stdout.contains("... 65280 more not listed (the last is 10.255.255.0/24); use --max N to list more"))

        let o = try json(["10.0.0.0/8", "--split", "24", "--max", "10"])
        #expect((o["subnets"] as? [String])?.count == 10)
        #expect(o["subnetsTotal"] as? String == "65536")
        #expect(o["subnetsListed"] as? Int == 10)
        #expect(o["subnetsTruncated"] as? Bool == true)

        let none = try json(["10.0.0.0/8", "--split", "24", "--max", "0"])
        #expect((none["subnets"] as? [String])?.isEmpty == true)
    }

    @Test func astronomicalSplitFinishesQuickly() throws {
        let start = Date()
        let o = try json(["::/0", "--split", "128"])
        #expect((o["subnets"] as? [String])?.count == 256)
        #expect(o["subnetsTotal"] as? String == "340282366920938463463374607431768211456")
        #expect(Date().timeIntervalSince(start) < 20)
        let text = try ProcessRunner.shootnet(["calc", "::/0", "--split", "128", "--max", "1"])
        #expect(text.stdout.contains("... 340282366920938463463374607431768211455 more not listed"))
    }

    @Test func textShowsTheFacts() throws {
        let r = try ProcessRunner.shootnet(["calc", "10.0.0.1/8"])
        #expect(r.exitCode == 0 && r.stderr.isEmpty)
        for expected in [
            "Address:          10.0.0.1 (host bits cleared)", "CIDR:             10.0.0.0/8",
            "Netmask:          255.0.0.0", "Wildcard:         0.255.255.255",
            "Usable hosts:     10.0.0.1 - 10.255.255.254 (16777214)", "Nibble aligned:   yes",
            "Special ranges:   private 10.0.0.0/8 (RFC 1918)",
        ] {
            #expect(r.stdoutLines.contains(expected), "missing line: \(expected)\n\(r.stdout)")
        }
        let v6 = try ProcessRunner.shootnet(["calc", "2001:db8:0:0:4000::/66"])
        #expect(v6.stdoutLines.contains("Nibble aligned:   no (nearest nibble boundaries /64 and /68)"))
    }

    /// Every unusable argument: exit 2, nothing on stdout, one line on stderr naming it.
    @Test(arguments: [
        (["2001:db8::%eth0/64"], "argument \"2001:db8::%eth0/64\": zone identifiers (%…) are not allowed here"),
        (["1.2.3.4/33"], "argument \"1.2.3.4/33\": prefix length 33 is out of range 0..32"),
        (["010.1.1.1"], "argument \"010.1.1.1\": IPv4 octet \"010\" has a leading zero (ambiguous: octal or decimal?)"),
        (["1:2:3:4::5:6:7:8"], "argument \"1:2:3:4::5:6:7:8\": \"::\" must stand for at least one zero group, but 8 groups are already given"),
        ([""], "argument \"\": empty address"),
        (["10.0.0.0/08"], "argument \"10.0.0.0/08\": prefix length \"08\" has a leading zero"),
        (["a\nb"], "argument \"a\\nb\": unexpected character \"a\""),
        (["10.0.0.0/8", "--split", "x"], "--split \"x\": prefix length \"x\" is not a number (IPv4 subnet lengths are 8..32)"),
        (["10.0.0.0/8", "--split", "7"], "--split \"7\": /7 is shorter than the prefix /8; subnets need a length of 8..32"),
        (["10.0.0.0/8", "--split", "33"], "--split \"33\": prefix length 33 is out of range 0..32 (IPv4 subnet lengths are 8..32)"),
        (["::/0", "--split", "129"], "--split \"129\": prefix length 129 is out of range 0..128 (IPv6 subnet lengths are 0..128)"),
        (["10.0.0.0/8", "--contains", "1.2.3"], "--contains \"1.2.3\": IPv4 address needs 4 octets, found 3"),
        (["10.0.0.0/8", "--contains", "fe80::1%eth0"], "--contains \"fe80::1%eth0\": zone identifiers (%…) are not allowed here"),
        (["10.0.0.0/8", "--split", "16", "--max", "ten"], "--max \"ten\": not a number (the count of subnets to list, e.g. 1024)"),
        (["10.0.0.0/8", "-o", "yaml"], "-o \"yaml\": unknown output format (use text or json)"),
    ] as [([String], String)])
    func unusableInputExitsTwoWithOneLine(_ args: [String], _ reason: String) throws {
        // Both output formats fail the same way (unless the format itself is the bad argument).
        let variants = args.contains("-o") ? [args] : [args, args + ["-o", "json"]]
        for variant in variants {
            let r = try ProcessRunner.shootnet(["calc"] + variant)
            #expect(r.exitCode == 2, "\(args)")
            #expect(r.stdout.isEmpty)
            #expect(r.stderrLines == ["shootnet: calc: " + reason], "\(r.stderr)")
        }
    }

    @Test func runnerFindsTheBinaryAndReportsExitCodes() throws {
        let help = try ProcessRunner.shootnet(["calc", "--help"])
        #expect(help.exitCode == 0)
        #expect(help.stdout.contains("--split") && help.stdout.contains("--contains") && help.stdout.contains("--max"))
        let r = try ProcessRunner.shootnet(["calc", "192.0.2.1"], stdin: "ignored\n")
        #expect(r.exitCode == 0 && !r.timedOut)
    }

    /// Issue 13: an argument of 100,000 characters is not echoed whole: the message stays one
    /// short line (at most 500 characters), the quoted value cut with `…`.
    @Test func aHugeArgumentIsNotEchoedWhole() throws {
        let r = try ProcessRunner.shootnet(["calc", String(repeating: "1", count: 100_000)])
        #expect(r.exitCode == 2)
        let line = r.stderr.trimmingCharacters(in: .newlines)
        #expect(!line.contains("\n") && line.count <= 520 && line.contains("…"), "\(line.count) characters")
        let negative = try ProcessRunner.shootnet(["calc", "10.0.0.0/8", "--split", "-3"])
        #expect(negative.exitCode == 2 && negative.stderr.contains("--split \"-3\""))
    }
}
