import ArgumentParser
import Loading
#if canImport(Glibc)
import Glibc
#endif

/// Writing to the standard streams without Foundation's buffering surprises.
enum FileOutput {
    static func stdout(_ bytes: [UInt8]) {
        bytes.withUnsafeBufferPointer { buf in
            guard let base = buf.baseAddress else { return }
            var offset = 0
            while offset < buf.count {
                let n = write(1, base + offset, buf.count - offset)
                if n <= 0 { return }
                offset += n
            }
        }
    }

    static func stdout(_ text: String) { stdout(Array(text.utf8)) }

    /// One line on stderr (a newline is added when missing).
    static func stderr(_ text: String) {
        let line = text.hasSuffix("\n") ? text : text + "\n"
        let bytes = Array(line.utf8)
        bytes.withUnsafeBufferPointer { buf in _ = write(2, buf.baseAddress, buf.count) }
    }

    static var stdoutIsTerminal: Bool { isatty(1) == 1 }

    /// Ends a command that has written everything, with `status`. Releasing a 50,000-node
    /// plan object by object takes longer than the kernel takes to drop the whole address
    /// space, so the command does not wait for it (output goes through write(2) unbuffered,
    /// so nothing is pending).
    static func finish(_ status: Int32 = 0) -> Never {
        Glibc.exit(status)
    }
}

/// Says a load error on stderr as its own `FILE:LINE:COL: error: …` line and returns exit 2
/// (unusable input) to throw.
func unusable(_ error: LoadError) -> ExitCode {
    FileOutput.stderr("\(error)")
    return ExitCode(ExitStatus.unusableInput)
}

/// Says `message` on stderr in one line and returns the exit code to throw: commands end by
/// throwing it, never by exiting deep inside.
func failure(_ message: String, status: Int32 = ExitStatus.unusableInput) -> ExitCode {
    FileOutput.stderr("shootnet: \(message)")
    return ExitCode(status)
}
