import Canvas
import Foundation
import Loading
import Spec
@testable import App

/// Drives an ``AppModel`` the way the terminal would: keys in, canvas out.
struct AppHarness {
    var model: AppModel
    var effects: [AppEffect] = []

    static let repo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func sample(_ name: String, width: Int = 140, height: Int = 45) throws -> AppHarness {
        let path = repo.appendingPathComponent("samples/\(name)").path
        let loaded = try InputLoader.load(file: path)
        return AppHarness(model: AppModel(file: path, input: loaded.input, width: width, height: height))
    }

    mutating func send(_ event: InputEvent) {
        effects += model.update(.input(event))
    }

    mutating func press(_ keys: Key...) { for k in keys { send(.key(k)) } }

    mutating func type(_ text: String) { for c in text { send(.key(.char(c))) } }

    var screen: String { model.view().text() }

    func row(containing needle: String) -> String? {
        model.view().lines().first { $0.contains(needle) }
    }

    /// Focuses the spec pane and moves to `field`.
    mutating func goToField(_ field: SpecField) {
        while model.focus != .spec { press(.tab) }
        press(.home)
        for _ in 0..<(model.fields.firstIndex(of: field) ?? 0) { press(.down) }
    }

    /// Edits `field` to `text` through the keyboard: Enter, clear, type, Enter.
    mutating func edit(_ field: SpecField, to text: String) {
        goToField(field)
        press(.enter, .ctrl("u"))
        type(text)
        press(.enter)
    }
}
