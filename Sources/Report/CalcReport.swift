import TextPolicy
import Addressing

/// What `shootnet calc` shows for one prefix: its range and size, special ranges, an optional
/// split into subnets (listed up to a cap) and an optional containment test.
///
/// ``make(cidr:split:contains:max:)`` validates the command's raw arguments; the text and
/// JSON writers (``write(_:to:)``) are pure and stream the subnet list, so a large `--max`
/// never builds a huge string.
public struct CalcReport: Sendable, Hashable {
    /// `-o text|json`.
    public enum Format: String, Sendable, CaseIterable {
        case text
        case json
    }

    /// `--split LEN`: the subnet length and how many subnets to list.
    public struct Split: Sendable, Hashable {
        public let length: Int
        /// At most this many subnets are listed (`--max`).
        public let listLimit: Int
    }

    /// `--contains ADDR|PREFIX` and its answer.
    public struct Containment: Sendable, Hashable {
        /// The tested range; a single address is its /32 or /128.
        public let target: IPPrefix
        public let isSingleAddress: Bool
        public let result: Bool
    }

    /// How many subnets a split lists unless `--max` says otherwise.
    public static let defaultListLimit = 256

    /// The address as typed, when it had host bits set (`10.0.0.1/8`); nil otherwise.
    public let typedAddress: IPAddress?
    /// The network, host bits cleared.
    public let prefix: IPPrefix
    public let split: Split?
    public let containment: Containment?

    public init(typedAddress: IPAddress? = nil, prefix: IPPrefix, split: Split? = nil, containment: Containment? = nil) {
        self.typedAddress = typedAddress == prefix.network ? nil : typedAddress
        self.prefix = prefix
        self.split = split
        self.containment = containment
    }
}

/// A calc argument that cannot be used, with the one-line reason.
public struct CalcArgumentError: Error, Sendable, Hashable, CustomStringConvertible {
    /// `argument` for the CIDR, or the option's name (`--split`, `-o` …).
    public let argument: String
    /// The value as typed.
    public let value: String
    public let reason: String

    public init(argument: String, value: String, reason: String) {
        self.argument = argument
        self.value = value
        self.reason = reason
    }

    /// `argument "1.2.3.4/33": prefix length 33 is out of range 0..32` — always one line, at
    /// most ``maxMessageLength`` characters (a 100 KB argument is not echoed whole).
    public var message: String {
        let text = "\(argument) \(Self.quoted(value)): \(reason)"
        return text.count > Self.maxMessageLength ? String(text.prefix(Self.maxMessageLength - 1)) + "…" : text
    }
    public var description: String { message }

    /// Error messages are cut at this many characters, as load errors are.
    public static let maxMessageLength = 500
    /// The quoted value shows at most this many characters.
    static let maxQuotedLength = 60

    /// The value in double quotes with quotes, backslashes and unsafe characters escaped (the
    /// one text policy, ``UnsafeText``), cut with `…`: a message stays one short line.
    static func quoted(_ s: String) -> String {
        var plain = ""
        for u in s.unicodeScalars.prefix(maxQuotedLength) {
            if u == "\"" || u == "\\" { plain += "\\" }
            plain.unicodeScalars.append(u)
        }
        let cut = s.unicodeScalars.count > maxQuotedLength ? "…" : ""
        return "\"" + UnsafeText.escaped(plain) + cut + "\""
    }
}

extension CalcReport {
    /// Builds the report from the command's raw arguments. Host bits in `cidr` are cleared and
    /// a bare address counts as /32 or /128; anything unusable is an error naming the argument.
    public static func make(cidr: String, split: String? = nil, contains: String? = nil,
                            max: String? = nil) -> Result<CalcReport, CalcArgumentError> {
        let typed: IPAddress
        let prefix: IPPrefix
        switch AddressParser.parsePrefixOrAddress(Substring(cidr), allowHostBits: true) {
        case .failure(let e):
            return .failure(CalcArgumentError(argument: "argument", value: cidr, reason: e.message))
        case .success(let p):
            prefix = p
            // The address part as typed; parsing succeeded, so this succeeds too.
            let addressText = cidr.split(separator: "/", maxSplits: 1).first ?? Substring(cidr)
            typed = (try? AddressParser.parseAddress(addressText).get()) ?? p.network
        }

        var limit = defaultListLimit
        if let max {
            switch parseCount(max) {
            case .success(let n): limit = n
            case .failure(let reason): return .failure(CalcArgumentError(argument: "--max", value: max, reason: reason.text))
            }
        }

        var splitRequest: Split?
        if let split {
            switch parseSplitLength(split, of: prefix) {
            case .success(let length): splitRequest = Split(length: length, listLimit: limit)
            case .failure(let reason): return .failure(CalcArgumentError(argument: "--split", value: split, reason: reason.text))
            }
        }

        var containment: Containment?
        if let contains {
            switch AddressParser.parsePrefixOrAddress(Substring(contains)) {
            case .failure(let e):
                return .failure(CalcArgumentError(argument: "--contains", value: contains, reason: e.message))
            case .success(let target):
                containment = Containment(target: target, isSingleAddress: !contains.contains("/"),
                                          result: prefix.contains(target))
            }
        }
        return .success(CalcReport(typedAddress: typed, prefix: prefix, split: splitRequest, containment: containment))
    }

    /// Parses `-o`: `text` or `json`.
    public static func parseFormat(_ text: String) -> Result<Format, CalcArgumentError> {
        guard let format = Format(rawValue: text) else {
            return .failure(CalcArgumentError(argument: "-o", value: text, reason: "unknown output format (use text or json)"))
        }
        return .success(format)
    }

    /// `--split` as a prefix length (an optional leading `/`), at least the prefix's own.
    private static func parseSplitLength(_ text: String, of prefix: IPPrefix) -> Result<Int, Reason> {
        let digits = text.hasPrefix("/") ? Substring(text).dropFirst() : Substring(text)
        switch AddressParser.parseLength(digits, max: prefix.bits) {
        case .failure(let e):
            return .failure(Reason("\(e.message) (\(prefix.family) subnet lengths are \(prefix.length)..\(prefix.bits))"))
        case .success(let length) where length < prefix.length:
            return .failure(Reason("/\(length) is shorter than the prefix /\(prefix.length); subnets need a length of \(prefix.length)..\(prefix.bits)"))
        case .success(let length):
            return .success(length)
        }
    }

    /// A non-negative decimal count without sign or leading zeros.
    private static func parseCount(_ text: String) -> Result<Int, Reason> {
        guard !text.isEmpty, text.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else {
            return .failure(Reason("not a number (the count of subnets to list, e.g. 1024)"))
        }
        if text.utf8.count > 1 && text.utf8.first == 0x30 { return .failure(Reason("leading zero in number")) }
        guard let n = Int(text) else { return .failure(Reason("number too large (at most \(Int.max))")) }
        return .success(n)
    }
}

/// Why one option value is unusable (the argument is named by the caller).
private struct Reason: Error {
    let text: String
    init(_ text: String) { self.text = text }
}

extension CalcReport.Split {
    /// How many subnets the split makes, in decimal (2^128 included).
    func total(of prefix: IPPrefix) -> String { prefix.subnetCountText(length: length) ?? "0" }

    /// How many subnets are listed: the cap or all of them, whichever is fewer.
    func listed(of prefix: IPPrefix) -> Int {
        guard let count = prefix.subnetCount(length: length), count <= UInt128(listLimit) else { return listLimit }
        return Int(count)
    }

    /// How many subnets are left out, in decimal.
    func omitted(of prefix: IPPrefix) -> String {
        let shown = UInt128(listed(of: prefix))
        guard let count = prefix.subnetCount(length: length) else {
            // 2^128 subnets: 2^128 − shown, written without overflowing.
            return shown == 0 ? total(of: prefix) : String((UInt128.max - shown) + 1)
        }
        return String(count - shown)
    }
}
