public import CausewayCore
internal import Foundation

#if canImport(Glibc)
    internal import Glibc
#endif

/// Reads chosen lines back from the files they came from: evidence the streaming pass did not keep (it keeps
/// a few samples per template, not every line), such as the two lines on either side of a slow hop.
///
/// Only files can be read again; lines from standard input or from memory have no text here.
public struct SourceLineReader: Sendable {
    /// File paths by the path reports show.
    private let paths: [String: String]

    public init(files: [(path: String, displayPath: String)] = []) {
        var paths: [String: String] = [:]
        for file in files where paths[file.displayPath] == nil { paths[file.displayPath] = file.path }
        self.paths = paths
    }

    /// The text of each location that can be read again (cut at ``LogIngestor/maximumLineBytes``).
    /// - Complexity: one pass over each file named, up to its last wanted line.
    public func texts(at locations: [SourceLocation]) -> [SourceLocation: String] {
        var wanted: [String: Set<Int>] = [:]
        for location in locations where paths[location.file] != nil { wanted[location.file, default: []].insert(location.line) }
        var found: [SourceLocation: String] = [:]
        for (displayPath, lines) in wanted.sorted(by: { $0.key < $1.key }) {
            guard let path = paths[displayPath], let last = lines.max() else { continue }
            let descriptor = open(path, O_RDONLY)
            guard descriptor >= 0 else { continue }
            defer { close(descriptor) }
            var magic = [UInt8](repeating: 0, count: 2)
            let got = magic.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress, 2, 0) }
            var source: BlockSource
            if got == 2, magic[0] == 0x1F, magic[1] == 0x8B {
                guard let stream = GzipStream(descriptor: descriptor) else { continue }
                source = .gzip(stream)
            } else {
                var info = stat()
                guard fstat(descriptor, &info) == 0 else { continue }
                source = .fileRange(descriptor: descriptor, offset: 0, end: Int(info.st_size))
            }
            var reader = LineReader()
            reader.forEachLine(of: &source) { bytes, number, _ in
                guard number <= last, lines.contains(number) else { return }
                found[SourceLocation(file: displayPath, line: number)] = bytes.string
            }
        }
        return found
    }
}
