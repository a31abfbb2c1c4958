/// The runbooks (with the shared snippets they import, `Runbooks/shared/`) and scenarios shipped
/// in the repository's `Runbooks/` and `Scenarios/` folders,
/// compiled into Triage (the EmbedLibrary plugin generates their texts), so that one installed
/// file works from any directory, offline. Their problems still point at `Runbooks/FILE:line:col`.
public enum BuiltIns {}
