/// HTTP response statuses in log lines: how a request went, whatever the logger.
///
/// Access logs state it after the request line (`"GET /x HTTP/1.1" 503 …`, nginx, Apache, gunicorn,
/// Django), after the method and path (`GET /x 404 8.2 ms`, morgan, Go and Rails routers), or as a field
/// (`status=503`, `"statusCode":503`, `res.statusCode=503`), or after HAProxy's five request timers
/// (`0/0/1/19/20 200`). A status is a three-digit number in 100…599.
enum HTTPStatus {
    /// Only the first bytes are examined: statuses sit near the start of a line.
    static let scanLimit = 1024

    /// A field value holding a status: `503` or `"503"`.
    static func value(_ text: Bytes) -> Int? {
        var start = 0
        var end = text.count
        if end >= 2, text[0] == ASCII.quote, text[end - 1] == ASCII.quote {
            start = 1
            end -= 1
        }
        guard end - start == 3 else { return nil }
        return threeDigits(text, at: start)
    }

    /// The status a message states, from a request line, a method and path, or a `status` key.
    static func inText(_ text: Bytes) -> Int? {
        let limit = min(text.count, scanLimit)
        var i = 0
        while i + 3 < limit {
            let b = text[i]
            let boundary = i == 0 || !ASCII.isAlphanumeric(text[i - 1])
            if b == 0x48, boundary, let status = afterProtocol(text, from: i, limit: limit) {
                return status
            }
            if boundary, ASCII.isUpper(b), let status = afterMethod(text, from: i, limit: limit) {
                return status
            }
            if b | 0x20 == 0x73, let status = afterStatusKey(text, from: i, limit: limit) {
                return status
            }
            if i > 0, text[i - 1] == ASCII.space, ASCII.isDigit(b) || b == ASCII.hyphen, let status = afterTimers(text, from: i, limit: limit) {
                return status
            }
            i += 1
        }
        return nil
    }

    /// `HTTP/1.1" 503` or `HTTP/2 503`.
    private static func afterProtocol(_ text: Bytes, from i: Int, limit: Int) -> Int? {
        guard i + 5 < limit, text[i + 1] == 0x54, text[i + 2] == 0x54, text[i + 3] == 0x50, text[i + 4] == ASCII.slash
        else { return nil }
        var j = i + 5
        while j < limit, ASCII.isDigit(text[j]) || text[j] == ASCII.dot { j += 1 }
        if j < limit, text[j] == ASCII.quote { j += 1 }
        guard j < limit, ASCII.isSpace(text[j]) else { return nil }
        return boundedStatus(text, at: text.skipSpaces(from: j))
    }

    private static let methods: [[UInt8]] = ["GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS"].map { Array($0.utf8) }

    /// `GET /v1/orders 404 8.2 ms` (no protocol between the path and the status).
    private static func afterMethod(_ text: Bytes, from i: Int, limit: Int) -> Int? {
        var matched = 0
        for method in methods where i + method.count < limit {
            var k = 0
            while k < method.count, text[i + k] == method[k] { k += 1 }
            if k == method.count {
                matched = k
                break
            }
        }
        guard matched > 0, text[i + matched] == ASCII.space else { return nil }
        let pathStart = i + matched + 1
        guard pathStart < limit, text[pathStart] == ASCII.slash || text[pathStart] == 0x68 else { return nil }
        let pathEnd = text.tokenEnd(from: pathStart)
        guard pathEnd < limit else { return nil }
        let next = text.skipSpaces(from: pathEnd)
        if next < limit, text[next] == 0x48 { return afterProtocol(text, from: next, limit: limit) }
        return boundedStatus(text, at: next)
    }

    /// HAProxy's HTTP log: the five timers of a request, then its status (`… be_api/<NOSRV> 0/-1/-1/-1/0 503
    /// 217 - - SC-- …`, `… be_api/api-3 0/0/1/19/20 200 555 …`).
    private static func afterTimers(_ text: Bytes, from i: Int, limit: Int) -> Int? {
        var j = i
        var slashes = 0
        var digitsInField = 0
        while j < limit, !ASCII.isSpace(text[j]) {
            let c = text[j]
            if c == ASCII.slash {
                guard digitsInField > 0 else { return nil }
                slashes += 1
                digitsInField = 0
            } else if ASCII.isDigit(c) {
                digitsInField += 1
            } else if c != ASCII.hyphen && c != 0x2B {
                return nil
            }
            j += 1
        }
        guard slashes == 4, digitsInField > 0, j + 1 < limit, text[j] == ASCII.space else { return nil }
        return boundedStatus(text, at: j + 1)
    }

    /// `status=503`, `status: 503`, `"status":503`, `statusCode=503`, `status_code="503"`.
    private static func afterStatusKey(_ text: Bytes, from i: Int, limit: Int) -> Int? {
        let word: [UInt8] = Array("status".utf8)
        guard i + word.count < limit else { return nil }
        for k in 1..<word.count where ASCII.lower(text[i + k]) != word[k] { return nil }
        // A word of its own or the end of a camel-case name (`httpStatus`), never inside a word (`xstatus`).
        if i > 0, ASCII.isLetter(text[i - 1]), ASCII.isLower(text[i]) { return nil }
        var j = i + word.count
        if j < limit, text[j] == ASCII.underscore { j += 1 }
        if j + 4 <= limit, ASCII.lower(text[j]) == 0x63, ASCII.lower(text[j + 1]) == 0x6F, ASCII.lower(text[j + 2]) == 0x64,
            ASCII.lower(text[j + 3]) == 0x65
        {
            j += 4
        }
        var separators = 0
        while j < limit, separators < 3, text[j] == ASCII.quote || text[j] == ASCII.colon || text[j] == ASCII.equals || text[j] == ASCII.space {
            separators += 1
            j += 1
        }
        guard separators > 0 else { return nil }
        return boundedStatus(text, at: j, allowQuote: true)
    }

    /// Three digits at `j` standing alone (not part of a longer number or a decimal).
    private static func boundedStatus(_ text: Bytes, at j: Int, allowQuote: Bool = false) -> Int? {
        guard j + 3 <= text.count, let status = threeDigits(text, at: j) else { return nil }
        if j + 3 < text.count {
            let after = text[j + 3]
            if ASCII.isDigit(after) || after == ASCII.dot || ASCII.isLetter(after) { return nil }
            if after == ASCII.quote, !allowQuote { return nil }
        }
        return status
    }

    private static func threeDigits(_ text: Bytes, at j: Int) -> Int? {
        guard ASCII.isDigit(text[j]), ASCII.isDigit(text[j + 1]), ASCII.isDigit(text[j + 2]) else { return nil }
        let value = Int(text[j] - 0x30) * 100 + Int(text[j + 1] - 0x30) * 10 + Int(text[j + 2] - 0x30)
        return (100...599).contains(value) ? value : nil
    }
}
