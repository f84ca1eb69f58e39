import Canvas
@preconcurrency import CNcursesw

/// Role appearances as curses wants them: colour pairs initialised, attributes as `attr_t`.
struct CursesPalette {
    private(set) var attributes: [attr_t]
    private(set) var pairs: [Int16]

    /// Initialises the colour pairs of `theme` (curses must be running).
    init(theme: Theme, capability: ColorCapability) {
        let looks = ColorPlanner.appearances(theme: theme, capability: capability)
        attributes = Array(repeating: shim_a_normal(), count: Role.allCases.count)
        pairs = Array(repeating: 0, count: Role.allCases.count)
        for role in Role.allCases {
            guard let look = looks[role] else { continue }
            let index = Int(role.rawValue)
            if look.pair > 0 {
                _ = init_pair(look.pair, look.foreground, look.background)
            }
            var attr = shim_a_normal()
            if look.bold { attr |= shim_a_bold() }
            if look.reverse { attr |= shim_a_reverse() }
            if look.underline { attr |= shim_a_underline() }
            attributes[index] = attr
            pairs[index] = look.pair
        }
    }
}
