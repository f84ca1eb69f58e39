import Canvas
import Foundation
import Loading
import TestSupport
import Testing
@testable import shootnet

@Suite("Theme files")
struct ThemeFileTests {
    @Test(arguments: ["dark", "light", "mono"])
    func bundledThemesLoadWithTheirColours(_ name: String) throws {
        let path = PackagePaths.root.appendingPathComponent("themes/\(name).yaml").path
        let theme = Theme(document: try ThemeLoader.load(path: path, knownRoles: Theme.roleNames))
        #expect(theme.name == name)
        #expect(theme.style(for: .selected).reverse)
        if name == "mono" {
            #expect(Role.allCases.allSatisfy { theme.style(for: $0).foreground == .none })
        } else {
            #expect(theme.style(for: .error).foreground != .none)
            #expect(theme.style(for: .frame).foreground != .none)
        }
    }

    @Test func darkFileMatchesTheBuiltInDark() throws {
        let path = PackagePaths.root.appendingPathComponent("themes/dark.yaml").path
        let theme = Theme(document: try ThemeLoader.load(path: path))
        for role in Role.allCases { #expect(theme.style(for: role) == Theme.dark.style(for: role), "\(role.name)") }
    }
}
