import App
import Canvas
import IPAM
import Loading
import Spec

/// The edge of the landscape view's Elm loop: terminal events in, frames out, and the two
/// effects it asks for — decoding a shoot of the input for Enter, and copying a fix.
struct LandscapeRuntime {
    let screen: any TerminalBackend
    let shoots: LandscapeShoots
    /// The seeds by name, found as the landscape check found them.
    let seeds: [String: SeedNetworks]
    var model: LandscapeModel

    init(screen: any TerminalBackend, result: LandscapeResult, shoots: LandscapeShoots, seeds: [SeedNetworks], source: String) {
        self.screen = screen
        self.shoots = shoots
        self.seeds = LandscapeCheck.seedsByName(seeds)
        let size = screen.size
        model = LandscapeModel(result: result, source: source, width: size.width, height: size.height, glyphs: screen.glyphs)
    }

    /// Runs until the view quits; returns the exit status.
    mutating func run() -> Int32 {
        while true {
            screen.draw(model.view(), cursor: model.cursorPosition)
            if let status = send(.input(screen.nextEvent(timeoutMilliseconds: 500))) { return status }
        }
    }

    private mutating func send(_ message: LandscapeMessage) -> Int32? {
        for effect in model.update(message) {
            switch effect {
            case .quit(let status):
                screen.close()
                return status
            case .loadShoot(let index):
                if let status = send(.shootLoaded(index: index, load(index))) { return status }
            case .copy(let text):
                let done = FixFile.copy(text, screen: screen)
                if let status = send(.copied(clipboard: done.clipboard, file: done.file, failure: done.failure)) { return status }
            }
        }
        return nil
    }

    /// Shoot `index` as the landscape check planned it: with its seed's networks.
    private func load(_ index: Int) -> Result<PlanInput, SaveFailure> {
        switch shoots.shoot(index) {
        case .success(let shoot):
            var settings = Settings()
            if let name = shoot.seedName { settings.seed = seeds[name] }
            return .success(PlanInput(shoot: shoot, settings: settings, observed: ObservedState()))
        case .failure(let error):
            return .failure(SaveFailure(message: error.message))
        }
    }
}
