import CYaml

/// The `id:` a runbook or scenario text declares at its top level, read from the YAML parser's
/// events up to that key's value and no further: nothing is composed, decoded or validated, so a
/// library can know which file holds an id before it decodes any.
///
/// It is the value decoding would read (the same parser, the first top-level `id` key), so a file
/// found by it decodes to that id or fails to decode.
enum DeclaredID {
    /// The id of `text`, or nil when it has none that reading up to it can tell: the text is not a
    /// mapping, has no top-level `id`, its id is not a single value, or a syntax error comes first.
    /// Decoding the file says which.
    static func of(_ text: String) -> String? {
        declared(text).flatMap { $0.key == "id" ? $0.value : nil }
    }

    /// The name a shared snippets file declares with its top-level `shared:` key, read the same way.
    static func sharedName(_ text: String) -> String? {
        declared(text).flatMap { $0.key == SharedSnippets.topKey ? $0.value : nil }
    }

    /// The first top-level `id` or `shared` key of `text` and its value.
    static func declared(_ text: String) -> (key: String, value: String)? {
        let parser = UnsafeMutablePointer<yaml_parser_t>.allocate(capacity: 1)
        defer { parser.deallocate() }
        guard yaml_parser_initialize(parser) == 1 else { return nil }
        defer { yaml_parser_delete(parser) }
        var text = text
        return text.withUTF8 { buffer -> (key: String, value: String)? in
            let input = UnsafeMutablePointer<Input>.allocate(capacity: 1)
            input.initialize(to: Input(bytes: buffer))
            defer { input.deallocate() }
            yaml_parser_set_input(parser, Input.read, input)
            var depth = 0
            var atKey = true
            var nextKey: String?
            while true {
                var event = yaml_event_t()
                guard yaml_parser_parse(parser, &event) == 1 else { return nil }
                defer { yaml_event_delete(&event) }
                switch event.type {
                case YAML_MAPPING_START_EVENT, YAML_SEQUENCE_START_EVENT:
                    if depth == 0, event.type != YAML_MAPPING_START_EVENT { return nil }
                    if nextKey != nil { return nil }
                    depth += 1
                case YAML_MAPPING_END_EVENT, YAML_SEQUENCE_END_EVENT:
                    depth -= 1
                    if depth == 0 { return nil }
                    if depth == 1 { atKey.toggle() }
                case YAML_SCALAR_EVENT where depth == 1:
                    let scalar = event.data.scalar
                    let value = String(decoding: UnsafeBufferPointer(start: scalar.value, count: scalar.length), as: UTF8.self)
                    if let nextKey { return (nextKey, value) }
                    nextKey = atKey && (value == "id" || value == SharedSnippets.topKey) ? value : nil
                    atKey.toggle()
                case YAML_ALIAS_EVENT where depth == 1:
                    if nextKey != nil { return nil }
                    atKey.toggle()
                case YAML_STREAM_END_EVENT, YAML_DOCUMENT_END_EVENT, YAML_NO_EVENT:
                    return nil
                default:
                    continue
                }
            }
        }
    }

    /// The text, handed to the parser a little at a time: given the whole string, libyaml decodes
    /// up to 16 KB of it before the first event, which for a library of scenarios cost more than
    /// everything else an id costs.
    private struct Input {
        let bytes: UnsafeBufferPointer<UInt8>
        var offset = 0

        /// The most bytes handed over at once: the first lines of a file, where its id usually is.
        static let chunk = 512

        static let read: @convention(c) (UnsafeMutableRawPointer?, UnsafeMutablePointer<UInt8>?, Int, UnsafeMutablePointer<Int>?) -> Int32 = {
            data, buffer, size, sizeRead in
            guard let input = data?.assumingMemoryBound(to: Input.self), let buffer, let sizeRead else { return 0 }
            let count = min(size, chunk, input.pointee.bytes.count - input.pointee.offset)
            if count > 0, let base = input.pointee.bytes.baseAddress {
                buffer.update(from: base + input.pointee.offset, count: count)
            }
            input.pointee.offset += count
            sizeRead.pointee = count
            return 1
        }
    }
}
