import TriageModel

/// What each of the engine's output parsers is called, the facts it may produce and their value
/// formats, as data: what the runbook validator checks a runbook against, both when Triage is
/// built (the EmbedLibrary plugin's tool links this module, not the engine) and when a runbook
/// file loads. Each parser of `TriageEngine` takes its signature from here.
public enum ParserSignatures {
    /// Every signature, sorted by name.
    public static let all: [ParserSignature] = [pullFailure, serviceAccount, pullSecrets, pod, registryCheck, podEvents, node].sorted { $0.name < $1.name }

    /// The `pull-failure` parser's.
    public static let pullFailure = ParserSignature(
        name: "pull-failure",
        summary:
            "any output of a failed image pull: cause, alternatives, evidence, image (normalised and as written), registry (family, API address, ECR region, Azure name), runtime, failing containers",
        facts: [
            "cause", "causes", "alternatives", "evidence", "image", "image_as_written", "image_problem", "image_suggestion",
            "repository", "registry", "registry_family", "registry_address", "registry_hostname", "ecr_region",
            "acr_name", "runtime", "runtime_service", "pod", "container", "failing_containers", "node",
            "pull_failures", "last_pull_failure_age", "backoff_delay_seconds", "backoff_capped", "next_pull_in_seconds",
        ],
        formats: [
            "image": .imageReference, "image_suggestion": .imageReference, "registry": .host, "pod": .dns1123Subdomain,
            "container": .dns1123Label, "failing_containers": .dns1123Label, "node": .dns1123Subdomain,
        ],
        headline: [.init("cause", "cause"), .init("container", "container"), .init("image", "image"), .init("node", "node"), .init("evidence", "evidence")]
    )

    /// The `service-account-json` parser's.
    public static let serviceAccount = ParserSignature(
        name: "service-account-json",
        summary: "kubectl get serviceaccount -o json: its imagePullSecrets, merged with the pod's, and the object naming each",
        facts: ["service_account_found", "sa_pull_secrets", "all_pull_secrets", "pull_secrets_named_by"],
        formats: ["sa_pull_secrets": .dns1123Subdomain, "all_pull_secrets": .dns1123Subdomain],
        headline: [.init("all_pull_secrets", "pull secrets")]
    )

    /// The `pull-secrets` parser's.
    public static let pullSecrets = ParserSignature(
        name: "pull-secrets",
        summary: "kubectl get secret NAMES -o json: which pull secrets exist, their types and registry hosts",
        facts: [
            "secrets_found", "secrets_missing", "secrets_wrong_type", "wrong_type_secrets", "secret_registries", "secret_summary",
            "secret_for_registry", "registry_secrets", "secrets_forbidden", "secret_to_fix", "secret_named_by",
        ],
        formats: [
            "secrets_found": .dns1123Subdomain, "secrets_missing": .dns1123Subdomain, "secrets_wrong_type": .dns1123Subdomain,
            "wrong_type_secrets": .dns1123Subdomain, "registry_secrets": .dns1123Subdomain, "secret_to_fix": .dns1123Subdomain,
        ],
        headline: [
            .init("secrets_missing", "missing"), .init("secrets_wrong_type", "wrong type"), .init("secret_registries", "registries"),
            .init("secrets_forbidden", "forbidden"),
        ]
    )

    /// The `pod-json` parser's.
    public static let pod = ParserSignature(
        name: "pod-json",
        summary:
            "kubectl get pod -o json: node, images, pull secrets, service account, workload; each container's kind, image, pull policy, restarts, state and waiting reason and message; the cause its waiting message names; whether every container runs",
        facts: Set(
            [
                "pod_found", "phase", "pod_reason", "node", "images", "service_account", "pull_secrets", "owner_kind", "owner_name",
                "waiting_reasons", "failing_containers", "failing_images", "workload", "workload_kind", "workload_name",
                "restart_policy", "sidecars",
                "containers", "container_kinds", "container_images", "container_pull_policies", "container_restart_counts",
                "container_states", "container_waiting_reasons", "container_waiting_messages",
                "failing_now", "failing_container_kinds", "failing_container", "failing_container_kind", "failing_image",
                "failing_pull_policy", "failing_restart_count", "failing_waiting_reason", "failing_waiting_message",
                "all_running", "running_since", "pod_ready",
                "status_cause", "cause", "causes", "alternatives", "evidence", "image", "image_problem", "image_suggestion",
                "registry", "registry_family", "runtime", "container", "container_kind",
            ] + podRestartFacts),
        formats: [
            "node": .dns1123Subdomain, "images": .imageReference, "failing_images": .imageReference, "failing_image": .imageReference,
            "image": .imageReference, "image_suggestion": .imageReference, "container_images": .imageReference, "registry": .host,
            "service_account": .dns1123Subdomain, "pull_secrets": .dns1123Subdomain, "owner_name": .dns1123Subdomain,
            "workload_name": .dns1123Subdomain, "failing_containers": .dns1123Label, "failing_container": .dns1123Label,
            "container": .dns1123Label, "containers": .dns1123Label, "problem_container": .dns1123Label, "problem_image": .imageReference,
            "config_maps_used": .dns1123Subdomain, "secrets_used": .dns1123Subdomain, "claims_used": .dns1123Subdomain,
        ],
        headline: [
            .init("failing_containers", "failing"), .init("failing_images", "image"), .init("waiting_reasons", "waiting"), .init("cause", "cause"),
            .init("node", "node"), .init("workload", "declared in"),
        ]
    )

    /// The `registry-check` parser's.
    public static let registryCheck = ParserSignature(
        name: "registry-check",
        summary:
            "triage registry-check -o json: reachability, tag existence, missing tag or repository, auth, platforms and whether the node's is offered, nearest tags, the image's repository",
        facts: [
            "registry_reachable", "tag_exists", "missing", "needs_auth", "image_platforms", "platform_offered", "nearest_tags",
            "registry_error", "registry_error_cause", "registry_note", "image_repository",
        ],
        formats: ["image_repository": .imageReference, "nearest_tags": .tag],
        headline: [
            .init("registry_reachable", "reachable"), .init("tag_exists", "tag exists"), .init("missing", "missing"), .init("nearest_tags", "nearest tags"),
            .init("registry_error", "error"),
        ]
    )

    /// The `pod-events-json` parser's.
    public static let podEvents = ParserSignature(
        name: "pod-events-json",
        summary:
            "kubectl get events -o json for a pod: count, first and last seen of the failed pulls and back-offs, the kubelet's back-off and next attempt, the images the events name and those the spec no longer uses",
        facts: [
            "events_found", "pull_failures", "pull_failures_first_seen", "pull_failures_last_seen", "last_pull_error",
            "back_offs", "back_offs_first_seen", "back_offs_last_seen", "backoff_delay_seconds", "backoff_capped",
            "next_pull_due", "event_images", "stale_event_images", "event_containers",
        ],
        headline: [.init("pull_failures", "failed pulls"), .init("last_pull_error", "last error"), .init("next_pull_due", "next pull")]
    )

    /// The `node-json` parser's.
    public static let node = ParserSignature(
        name: "node-json",
        summary: "kubectl get node -o json: runtime and version, OS and platform, DiskPressure and Ready, whether the image offers the node's platform",
        facts: [
            "node_runtime", "node_runtime_version", "node_os", "node_platform", "node_arch", "node_disk_pressure", "node_ready",
            "kubelet_version", "platform_offered",
        ],
        headline: [
            .init("node_runtime", "runtime"), .init("node_platform", "platform"), .init("node_ready", "ready"), .init("node_disk_pressure", "disk pressure"),
        ]
    )

    /// The facts the `pod-json` parser reads about the container in trouble and its last run.
    static let podRestartFacts = [
        "container_terminated_reasons", "container_last_reasons", "container_last_exit_codes",
        "problem_now", "problem_container", "problem_container_kind", "problem_image", "problem_restart_count",
        "problem_state", "problem_waiting_reason", "problem_waiting_message",
        "last_reason", "last_exit_code", "last_signal", "last_message", "last_ran_seconds", "last_finished_at",
        "memory_limit", "memory_limit_doubled", "memory_request", "cpu_limit",
        "liveness_probe", "liveness_initial_delay", "liveness_period", "liveness_timeout", "liveness_threshold",
        "liveness_failure_seconds", "startup_probe", "readiness_probe",
        "container_command", "container_args", "config_maps_used", "secrets_used", "claims_used",
    ]
}
