import Foundation
import Synchronization

/// A mapped file that is cut short while it is read (`kubectl get shoots -A -o json > f.json`
/// run again in another terminal truncates `f.json` first) makes the kernel send SIGBUS on the
/// next read of a page past its new end. That would kill the process with a core dump; this
/// guard turns it into the one-line error of every unusable input and exit status 2.
///
/// The handler runs inside the signal: it only reads a table written before any mapped page
/// is read, writes one line and ends the process (`write` and `_exit` are async-signal-safe).
/// A SIGBUS outside every watched mapping goes to the action there was before. The terminal
/// UI's crash handler, installed later, restores the terminal first and hands the fault on.
enum TruncationGuard {
    /// One watched mapping and the line to write when it is cut short.
    private struct Entry {
        var start: UInt
        var end: UInt
        var line: UnsafeMutablePointer<UInt8>?
        var lineLength: Int
    }

    private static let capacity = 256
    nonisolated(unsafe) private static var entries: UnsafeMutablePointer<Entry>?
    nonisolated(unsafe) private static var count = 0
    nonisolated(unsafe) private static var previous = sigaction()
    private static let lock = NSLock()
    /// Set by the first fault's handler: several threads read a mapping at once, and a second
    /// one cut short too must not write the line again before the process ends.
    private static let exiting = Atomic<Bool>(false)

    /// Watches `length` bytes at `base`, the mapping of `file`. Called before the mapping is
    /// read, from any thread.
    static func watch(_ base: UnsafeRawPointer, length: Int, file: String) {
        lock.lock()
        defer { lock.unlock() }
        if entries == nil {
            _ = exiting.load(ordering: .relaxed)  // initialized here, not inside the handler
            let table = UnsafeMutablePointer<Entry>.allocate(capacity: capacity)
            table.initialize(repeating: Entry(start: 0, end: 0, line: nil, lineLength: 0), count: capacity)
            entries = table
            install()
        }
        guard let entries else { return }
        // A slot left by a mapping that is gone, else a new one (past the capacity, the
        // mapping goes unwatched: a cut-short file then ends the process as before).
        var slot = (0..<count).first { entries[$0].end == 0 }
        if slot == nil, count < capacity {
            slot = count
            count += 1
        }
        guard let slot else { return }
        let error = LoadError(file: file, message: "the file was cut short while it was read (written again meanwhile?); read it again once it is complete")
        let text = Array("\(error)\n".utf8)
        let line = UnsafeMutablePointer<UInt8>.allocate(capacity: text.count)
        line.initialize(from: text, count: text.count)
        let start = UInt(bitPattern: base)
        entries[slot].line = line
        entries[slot].lineLength = text.count
        entries[slot].start = start
        entries[slot].end = start + UInt(length)
    }

    /// Stops watching the mapping at `base` (before it is unmapped).
    static func forget(_ base: UnsafeRawPointer) {
        lock.lock()
        defer { lock.unlock() }
        guard let entries else { return }
        let start = UInt(bitPattern: base)
        for i in 0..<count where entries[i].start == start && entries[i].end != 0 {
            entries[i].end = 0
            entries[i].line?.deallocate()
            entries[i].line = nil
        }
    }

    private static func install() {
        var action = sigaction()
        action.__sigaction_handler.sa_sigaction = { signal, info, _ in TruncationGuard.handle(signal, info) }
        action.sa_flags = SA_SIGINFO
        sigemptyset(&action.sa_mask)
        sigaction(SIGBUS, &action, &previous)
    }

    private static func handle(_ signal: Int32, _ info: UnsafeMutablePointer<siginfo_t>?) {
        if let info, let entries {
            let address = UInt(bitPattern: info.pointee._sifields._sigfault.si_addr)
            for i in 0..<count {
                let e = entries[i]
                if e.end != 0, address >= e.start, address < e.end, let line = e.line {
                    // Another thread is ending the process: wait for it (returning would fault again).
                    if exiting.exchange(true, ordering: .relaxed) { while true { pause() } }
                    _ = write(2, line, e.lineLength)
                    _exit(2)
                }
            }
        }
        // Not a watched mapping: the previous action takes it. A fault recurs on return; a
        // signal that was sent (kill, si_code <= 0) is sent again.
        sigaction(SIGBUS, &previous, nil)
        if info == nil || info!.pointee.si_code <= 0 { raise(signal) }
    }
}
