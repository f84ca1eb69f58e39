@testable import Terminal
import Testing

struct LocaleTests {
    @Test(arguments: [("UTF-8", true), ("utf8", true), ("UTF8", true), ("ANSI_X3.4-1968", false), ("ISO-8859-1", false), ("", false)])
    func codeset(name: String, expected: Bool) {
        #expect(Codeset.isUTF8(name) == expected)
    }

    @Test func unicodeDecision() {
        #expect(LocaleSetup.unicodeUsable(environmentIsUTF8: true, localeExplicitlySet: true, utf8Available: false))
        #expect(LocaleSetup.unicodeUsable(environmentIsUTF8: false, localeExplicitlySet: false, utf8Available: true))
        #expect(!LocaleSetup.unicodeUsable(environmentIsUTF8: false, localeExplicitlySet: true, utf8Available: true))
        #expect(!LocaleSetup.unicodeUsable(environmentIsUTF8: false, localeExplicitlySet: false, utf8Available: false))
    }

    @Test func nearestPaletteColour() {
        #expect(XtermPalette.rgb(of: 16) == .init(r: 0, g: 0, b: 0))
        #expect(XtermPalette.rgb(of: 231) == .init(r: 255, g: 255, b: 255))
        #expect(XtermPalette.rgb(of: 232) == .init(r: 8, g: 8, b: 8))
        #expect(XtermPalette.nearestANSI(to: 9, limit: 8) == 1)
        #expect(XtermPalette.nearestANSI(to: 9, limit: 16) == 9)
    }
}
