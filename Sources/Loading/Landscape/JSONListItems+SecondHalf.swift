import Bytes
import Dispatch
import Foundation
import Synchronization

extension JSONListItems {
    /// The second half of a large list, scanned on another thread while the first half is
    /// scanned on the caller's: the scan is the one part of reading a landscape that no other
    /// work can overlap (every shoot needs every seed, and seeds may come last).
    ///
    /// It starts at the first guessed item start after the middle
    /// (``JSONListItems/guessItemStart(_:from:indent:)``). The guess is right exactly when the
    /// scan from the list's start reaches that place as an item's start; only then are this
    /// scan's items taken. A wrong guess (a nested array's element, say) is dropped and the
    /// first scan simply goes on, so the items never depend on the guess.
    final class SecondHalf: @unchecked Sendable {  // `result` is written before `done` is signalled, read after
        /// Where the guessed item starts.
        let start: Int
        private let cancelled = Atomic<Bool>(false)
        private let done = DispatchSemaphore(value: 0)
        private var result: (items: [Item], end: Scanner)?
        private var waited = false

        private init(start: Int) { self.start = start }

        /// Starts the scan at the first guess at or after `from`; nil when there is none.
        /// `indent`: how many spaces start the first item's line, when it starts a line.
        static func start(_ b: ByteSpan, from: Int, indent: Int?, releasing: @escaping @Sendable (Range<Int>) -> Void) -> SecondHalf? {
            guard let guess = JSONListItems.guessItemStart(b, from: from, indent: indent) else { return nil }
            let half = SecondHalf(start: guess)
            nonisolated(unsafe) let bytes = b  // the caller waits for this scan before the bytes go
            // A thread of its own, not a pooled one: the caller blocks until this scan is done,
            // and a pool whose threads are all taken (tests, the UI) would never run it.
            Thread {
                // Lines are counted from 1 here; ``Scanner/adopt(_:end:)`` makes them absolute.
                var scanner = Scanner(b: bytes, i: guess, lineStart: guess)
                if let items = scanner.itemsToEnd(cancelled: { half.cancelled.load(ordering: .relaxed) }, releasing: releasing) {
                    half.result = (items, scanner)
                }
                half.done.signal()
            }.start()
            return half
        }

        /// The items from ``start`` to the end of the list and the scanner after it, once the
        /// scan is done; nil when it failed.
        func finish() -> (items: [Item], end: Scanner)? {
            wait()
            return result
        }

        /// Stops the scan (if it still runs) and waits for it to let go of the bytes.
        func cancel() {
            cancelled.store(true, ordering: .relaxed)
            wait()
        }

        private func wait() {
            guard !waited else { return }
            waited = true
            done.wait()
        }
    }
}
