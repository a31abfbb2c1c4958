/// The runbooks and scenarios shipped in the repository's `Runbooks/` and `Scenarios/` folders,
/// compiled into Triage so that one installed file works from any directory, offline. The
/// EmbedLibrary plugin loads and validates them when Triage is built (a problem in one fails the
/// build at its `Runbooks/FILE:line:column`) and generates `runbooks` and `scenarios`, the
/// archives of their decoded models, which load without reading YAML, and `sharedSnippets`, the
/// texts of the shared snippets files they import (`Runbooks/shared/`), which other runbooks may
/// import too.
public enum BuiltIns {}
