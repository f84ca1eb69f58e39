import Testing
@testable import Loading

@Suite struct ThemeLoaderTests {
    @Test func readsRolesColoursAndAttributes() throws {
        let text = """
            name: dark
            roles:
              error: {fg: red, bold: true}
              address: {fg: 2}
              statusBar: {fg: bright-white, bg: blue, reverse: false, underline: true}
              title: bright_cyan
              dim: {foreground: grey, background: default}
            """
        let theme = try ThemeLoader.parse(text: text, file: "dark.yaml", knownRoles: ["error", "address", "statusBar", "title", "dim"])
        #expect(theme.name == "dark")
        #expect(theme.styles["error"]?.foreground == .ansi(1) && theme.styles["error"]?.bold == true)
        #expect(theme.styles["address"]?.foreground == .indexed(2))
        let bar = try #require(theme.styles["statusBar"])
        #expect(bar.foreground == .ansi(15) && bar.background == .ansi(4) && bar.reverse == false && bar.underline == true)
        #expect(theme.styles["title"]?.foreground == .ansi(14))
        #expect(theme.styles["dim"]?.foreground == .ansi(8) && theme.styles["dim"]?.background == .terminalDefault)
        #expect(theme.styles["error"]?.location.map { "\($0)" } == "dark.yaml:3:10")
    }

    @Test func nameDefaultsToTheFileName() throws {
        #expect(try ThemeLoader.parse(text: "roles: {}\n", file: "themes/solar.yaml").name == "solar")
    }

    @Test(arguments: [
        ("roles:\n  error: {fg: crimson}\n", "2:15", "roles.error.fg: unknown colour \"crimson\"; use black, red, green, yellow, blue, magenta, cyan, white, bright-…, default or a number 0–255"),
        ("roles:\n  error: {fg: 256}\n", "2:15", "roles.error.fg: 256 is out of range 0…255"),
        ("roles:\n  error: {bold: yes}\n", "2:17", "roles.error.bold: expected true or false, found a string (\"yes\")"),
        ("roles:\n  error: {blink: true}\n", "2:11", "roles.error: unknown attribute \"blink\"; use fg, bg, bold, reverse or underline"),
        ("roles:\n  eror: {fg: red}\n", "2:3", "unknown role \"eror\"; roles are error, title"),
        ("roles: [error]\n", "1:8", "roles: expected a mapping, found a list"),
        ("", "1:1", "theme file is empty; expected name and roles"),
    ])
    func reportsMistakes(text: String, expectedPosition: String, expectedMessage: String) {
        do {
            _ = try ThemeLoader.parse(text: text, file: "t.yaml", knownRoles: ["error", "title"])
            Issue.record("expected an error")
        } catch {
            #expect(position(error) == expectedPosition)
            #expect(error.message == expectedMessage)
        }
    }

    @Test func loadsFromDisk() throws {
        let dir = try scratchDirectory()
        try write("name: mono\nroles:\n  selected: {reverse: true}\n", to: dir + "/mono.yaml")
        #expect(try ThemeLoader.load(path: dir + "/mono.yaml").styles["selected"]?.reverse == true)
        #expect(throws: LoadError(file: dir + "/none.yaml", message: "no such file")) { try ThemeLoader.load(path: dir + "/none.yaml") }
    }
}
