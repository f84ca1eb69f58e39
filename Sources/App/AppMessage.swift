import Canvas
import Spec

/// Everything that can happen to the app: input from the terminal, and results of effects.
public enum AppMessage: Sendable {
    case input(InputEvent)
    case saved(Result<String, SaveFailure>)
    /// The runtime noticed the file on disk is not what was loaded.
    case fileChangedOnDisk
    /// A fresh load after `reload`.
    case reloaded(Result<PlanInput, SaveFailure>)
    case recoveryWritten(path: String)
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
