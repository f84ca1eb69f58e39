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
        let versions = [original.source.text, original.source.text + "# saved by shootnet-fuzz --save-loop\n"]
        var fingerprint = original.source.fingerprint
        var saves = 0
        while count == 0 || saves < count {
            do {
                fingerprint = try SafeFile.write(versions[(saves + 1) % 2], to: path, expectedFingerprint: fingerprint,
                                                 byteOrderMark: original.source.hasByteOrderMark)
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
