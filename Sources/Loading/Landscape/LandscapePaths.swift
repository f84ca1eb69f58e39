import Foundation

/// What a landscape path names: the file itself, or a directory's manifests.
enum LandscapePaths {
    static let extensions = [".yaml", ".yml", ".json"]

    /// `path` itself when it is not a directory (opening it reports what is wrong); a
    /// directory's `*.yaml`, `*.yml` and `*.json` files in name order, not recursing, hidden
    /// files left out.
    static func files(at path: String) throws(LoadError) -> [String] {
        var info = stat()
        guard stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR else { return [path] }
        guard let dir = opendir(path) else {
            throw LoadError(file: path, message: "cannot list the directory: \(FileReader.systemMessage(errno))")
        }
        defer { closedir(dir) }
        var names: [String] = []
        while let entry = readdir(dir) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            guard !name.hasPrefix("."), extensions.contains(where: { name.hasSuffix($0) }) else { continue }
            let full = path.hasSuffix("/") ? path + name : path + "/" + name
            var s = stat()
            guard stat(full, &s) == 0, (s.st_mode & S_IFMT) == S_IFREG else { continue }
            names.append(full)
        }
        guard !names.isEmpty else {
            throw LoadError(file: path, message: "the directory has no *.yaml, *.yml or *.json file")
        }
        return names.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
    }
}
