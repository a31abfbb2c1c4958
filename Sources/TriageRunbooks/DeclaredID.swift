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
        let parser = UnsafeMutablePointer<yaml_parser_t>.allocate(capacity: 1)
        defer { parser.deallocate() }
        guard yaml_parser_initialize(parser) == 1 else { return nil }
        defer { yaml_parser_delete(parser) }
        var text = text
        return text.withUTF8 { buffer -> String? in
            yaml_parser_set_input_string(parser, buffer.baseAddress, buffer.count)
            var depth = 0
            var atKey = true
            var idIsNext = false
            while true {
                var event = yaml_event_t()
                guard yaml_parser_parse(parser, &event) == 1 else { return nil }
                defer { yaml_event_delete(&event) }
                switch event.type {
                case YAML_MAPPING_START_EVENT, YAML_SEQUENCE_START_EVENT:
                    if depth == 0, event.type != YAML_MAPPING_START_EVENT { return nil }
                    if idIsNext { return nil }
                    depth += 1
                case YAML_MAPPING_END_EVENT, YAML_SEQUENCE_END_EVENT:
                    depth -= 1
                    if depth == 0 { return nil }
                    if depth == 1 { atKey.toggle() }
                case YAML_SCALAR_EVENT where depth == 1:
                    let scalar = event.data.scalar
                    let value = String(decoding: UnsafeBufferPointer(start: scalar.value, count: scalar.length), as: UTF8.self)
                    if idIsNext { return value }
                    idIsNext = atKey && value == "id"
                    atKey.toggle()
                case YAML_ALIAS_EVENT where depth == 1:
                    if idIsNext { return nil }
                    atKey.toggle()
                case YAML_STREAM_END_EVENT, YAML_DOCUMENT_END_EVENT, YAML_NO_EVENT:
                    return nil
                default:
                    continue
                }
            }
        }
    }
}
