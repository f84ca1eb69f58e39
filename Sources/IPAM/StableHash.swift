/// FNV-1a over UTF-8: a hash that is the same on every run and machine (Swift's `Hasher` is
/// seeded per process), so simulated ranges are deterministic.
public enum StableHash {
    public static func of(_ text: String) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in text.utf8 {
            h ^= UInt64(b)
            h = h &* 0x0000_0100_0000_01b3
        }
        return h
    }
}
