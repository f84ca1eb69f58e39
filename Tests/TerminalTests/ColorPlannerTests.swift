import Canvas
import Terminal
import Testing

struct ColorPlannerTests {
    @Test(arguments: [
        // color, colors, defaultColors, foreground → number, bold
        (Theme.Color.none, 256, true, true, Int16(-1), false),
        (.none, 8, false, true, 7, false),
        (.none, 8, false, false, 0, false),
        (.ansi(3), 8, true, true, 3, false),
        (.ansi(11), 256, true, true, 11, false),
        (.ansi(11), 16, true, true, 11, false),
        (.ansi(11), 8, true, true, 3, true),
        (.ansi(11), 8, true, false, 3, false),
        (.ansi(99), 8, true, true, 7, true),
        (.ansi(-4), 256, true, true, 0, false),
        (.indexed(208), 256, true, true, 208, false),
        (.indexed(196), 16, true, true, 9, false),
        (.indexed(196), 8, true, true, 1, false),
        (.indexed(21), 16, true, true, 4, false),
        (.indexed(231), 16, true, true, 15, false),
        (.indexed(226), 16, true, true, 11, false),
        (.indexed(244), 16, true, true, 8, false),
        (.indexed(255), 16, true, true, 7, false),
        (.indexed(4), 8, true, true, 4, false),
        (.indexed(999), 256, true, true, 255, false),
    ])
    func cursesColor(color: Theme.Color, colors: Int, defaults: Bool, fg: Bool, number: Int16, bold: Bool) {
        let result = ColorPlanner.cursesColor(color, colors: colors, defaultColors: defaults, isForeground: fg)
        #expect(result.number == number)
        #expect(result.brightenWithBold == bold)
    }

    @Test func darkThemeOn256Colours() {
        let looks = ColorPlanner.appearances(theme: .dark, capability: .colors(count: 256, pairs: 256, defaultColors: true))
        #expect(looks.count == Role.allCases.count)
        #expect(looks[.plain] == RoleAppearance())
        #expect(looks[.error] == RoleAppearance(pair: Int16(Role.error.rawValue) + 1, foreground: 1, background: -1, bold: true))
        #expect(looks[.highlight] == RoleAppearance(pair: Int16(Role.highlight.rawValue) + 1, foreground: 0, background: 3))
        #expect(looks[.selected] == RoleAppearance(reverse: true))
        #expect(looks[.dim]?.foreground == 8)
    }

    @Test func brightColoursOnEightColourTerminalBecomeBold() {
        let look = ColorPlanner.appearance(role: .dim, theme: .dark, capability: .colors(count: 8, pairs: 64, defaultColors: true))
        #expect(look.foreground == 0)
        #expect(look.bold)
    }

    @Test func monochromeUsesTheMonochromeThemeWithoutPairs() {
        for role in Role.allCases {
            let look = ColorPlanner.appearance(role: role, theme: .dark, capability: .monochrome)
            let style = Theme.monochrome.style(for: role)
            #expect(look == RoleAppearance(bold: style.bold, reverse: style.reverse, underline: style.underline))
        }
    }

    @Test func tooFewPairsKeepsAttributesOnly() {
        let look = ColorPlanner.appearance(role: .error, theme: .dark, capability: .colors(count: 8, pairs: Int(Role.error.rawValue) + 1, defaultColors: true))
        #expect(look == RoleAppearance(bold: true))
    }
}
