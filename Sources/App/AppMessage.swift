import Canvas
import Spec

/// Everything that can happen to the app: input from the terminal, and results of effects.
public enum AppMessage: Sendable {
    case input(InputEvent)
    case saved(Result<SaveSuccess, SaveFailure>)
    /// The result of ``AppEffect/saveAs(path:edits:force:adopt:)``.
    case savedAs(Result<SaveSuccess, SaveFailure>, adopt: Bool)
    /// Where a copied command went: the clipboard (when the terminal takes OSC 52) and/or a
    /// file; `failure` when it went nowhere.
    case copied(clipboard: Bool, file: String?, failure: String?)
    /// The runtime noticed the file on disk is not what was loaded.
    case fileChangedOnDisk
    /// A fresh load after `reload`.
    case reloaded(Result<PlanInput, SaveFailure>)
    case recoveryWritten(path: String)
    /// At start: a recovery file of an earlier session, and its text (``RecoveryFormat``).
    case recoveryFound(path: String, text: String)
    /// Something at a recovery path was not read (a FIFO, a link, another user's file): why.
    case recoveryRefused(String)
}

/// What a save did, so the status line tells exactly that.
public struct SaveSuccess: Equatable, Sendable {
    public var path: String
    /// Where the previous version was kept; nil when there was no file to back up.
    public var backup: String?
    /// What could not be kept (owner, hard links), one clause each.
    public var notes: [String]

    public init(path: String, backup: String?, notes: [String] = []) {
        self.path = path
        self.backup = backup
        self.notes = notes
    }
}

/// Why a save or reload failed, in one line.
public struct SaveFailure: Error, Equatable, Sendable {
    public var message: String
    /// True when the file changed behind the app's back (the user may reload or overwrite).
    public var changedOnDisk: Bool

    public init(message: String, changedOnDisk: Bool = false) {
        self.message = message
        self.changedOnDisk = changedOnDisk
    }
}
