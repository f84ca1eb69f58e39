import Loading

/// `--save-loop FILE`: saves two versions of FILE in turn through ``SafeFile`` until the
/// process is killed. The reliability tests kill it at random moments and check that FILE
/// and FILE.bak always hold one complete version (saving is atomic even under SIGKILL).
enum SaveLoop {
    static func run(path: String, count: Int) -> Int32 {
        guard let original = try? InputLoader.load(file: path) else {
            print("shootnet-fuzz: --save-loop: \(path) does not load")
            return 2
        }
        // The two versions are the file without and with a marker line, whichever it holds now.
        let marker = "# saved by shootnet-fuzz --save-loop\n"
        let text = original.source.text
        let base = text.hasSuffix(marker) ? String(text.dropLast(marker.count)) : text
        let versions = [base, base + marker]
        var fingerprint = original.source.fingerprint
        var saves = 0
        while count == 0 || saves < count {
            do {
                fingerprint = try SafeFile.write(versions[text == base ? (saves + 1) % 2 : saves % 2], to: path, expectedFingerprint: fingerprint,
                                                 byteOrderMark: original.source.hasByteOrderMark).fingerprint
            } catch {
                print("shootnet-fuzz: --save-loop: \(error)")
                return 1
            }
            saves += 1
        }
        print("shootnet-fuzz: --save-loop: \(saves) saves")
        return 0
    }
}
