import Foundation

/// A small tmpfs mounted for one test: a disk that fills up, or a file system that turns
/// read-only. Needs root with CAP_SYS_ADMIN (true in this project's sandbox and in most
/// containers run as root); tests that need it are skipped where mounting is refused.
final class FaultMount {
    let folder: String
    private var mounted = false

    /// Whether this process may mount a tmpfs (probed once).
    static let available: Bool = {
        guard geteuid() == 0, let probe = try? FaultMount(sizeKiB: 64) else { return false }
        probe.unmount()
        return true
    }()

    init(sizeKiB: Int) throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("shootnet-tmpfs-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        guard Self.command("/bin/mount", ["-t", "tmpfs", "-o", "size=\(sizeKiB)k,mode=0755", "tmpfs", folder]) else {
            try? FileManager.default.removeItem(atPath: folder)
            throw Refused()
        }
        mounted = true
    }

    deinit { unmount() }

    func path(_ name: String) -> String { folder + "/" + name }

    /// Makes the file system read-only (writes then fail with EROFS, even for root).
    func makeReadOnly() throws {
        guard Self.command("/bin/mount", ["-o", "remount,ro", folder]) else { throw Refused() }
    }

    /// Fills the disk, then frees `leaveBytes` (rounded to pages) again.
    func fill(leaving leaveBytes: Int = 0) {
        let filler = path(".filler")
        let fd = open(filler, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        guard fd >= 0 else { return }
        let block = [UInt8](repeating: 0x23, count: 4096)
        var size = 0
        while true {
            let n = block.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
            if n <= 0 { break }
            size += n
        }
        if leaveBytes > 0 { _ = ftruncate(fd, off_t(max(0, size - leaveBytes))) }
        close(fd)
    }

    func unmount() {
        guard mounted else { return }
        mounted = !Self.command("/bin/umount", ["-l", folder])
        try? FileManager.default.removeItem(atPath: folder)
    }

    /// Names in the folder other than `expected` (temporary files left behind, say).
    func strayFiles(expected: Set<String>) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter { !expected.contains($0) && $0 != ".filler" }
    }

    struct Refused: Error {}

    @discardableResult
    static func command(_ tool: String, _ args: [String]) -> Bool {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: tool)
        p.arguments = args
        p.standardOutput = FileHandle.nullDevice
        p.standardError = FileHandle.nullDevice
        guard (try? p.run()) != nil else { return false }
        p.waitUntilExit()
        return p.terminationStatus == 0
    }
}
