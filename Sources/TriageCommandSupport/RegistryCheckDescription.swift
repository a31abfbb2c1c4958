/// What `triage --help` and the `triage-registry-check` executable both say of the registry check.
public enum RegistryCheckDescription {
    /// The one-line help of `triage registry-check`, in `triage --help` and in its own help.
    public static let abstract = "Ask the image's registry whether the tag exists, whether it needs credentials, and which platforms it offers."
}
