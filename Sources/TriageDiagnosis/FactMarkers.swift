/// How the value after a marker phrase is delimited.
enum ValueStyle: Sendable, Equatable {
    /// Up to the given closing byte (a quote or brace).
    case until(UInt8)
    /// One token: up to whitespace or punctuation; a trailing `:` or `...` is dropped.
    case bare
    /// `reading manifest TAG in REPO` (containers/image): the value is `REPO:TAG`.
    case readingManifest
    /// `TAG: Pulling from REPO` (docker): the value is `REPO:TAG`.
    case pullingFrom
    /// `Error pulling image (TAG) from REPO` (old docker): the value is `REPO:TAG`.
    case parenthesisedTag
    /// `REF:   resolving |---|` (ctr's progress lines): the `REF:` token before the marker, a
    /// reference with a registry or path.
    case precedingReference
    /// `https://HOST/v2/REPO/manifests/REF` (the distribution API URL every client prints): the
    /// value is `HOST/REPO:REF`, with containerd's `?ns=HOST` naming the upstream host behind a mirror.
    case manifestURL
}

/// A fact the text around a marker phrase reveals.
enum FactMarker: Sendable {
    /// An image reference; lower rank wins (the pod spec's spelling beats the runtime's).
    case image(rank: Int, ValueStyle)
    /// A pod name (`ns/name` and `name_ns` forms are reduced to the name).
    case pod(ValueStyle)
    /// A container name.
    case container(ValueStyle)
    /// A node name.
    case node(ValueStyle)
    /// `Successfully assigned ns/pod to node`.
    case assignment
}

/// Marker phrases (lowercase, matched case-insensitively) and what follows them.
enum FactMarkers {
    static let quote = UInt8(ascii: "\""), apostrophe = UInt8(ascii: "'"), brace = UInt8(ascii: "}")

    static let phrases: [(String, FactMarker)] = [
        ("failed to pull image \"", .image(rank: 0, .until(quote))), ("back-off pulling image \"", .image(rank: 0, .until(quote))),
        ("pulling image \"", .image(rank: 0, .until(quote))), ("container image \"", .image(rank: 0, .until(quote))),
        ("failed to apply default image tag \"", .image(rank: 0, .until(quote))), ("pullimage \"", .image(rank: 0, .until(quote))),
        ("pull image \"", .image(rank: 0, .until(quote))), ("image=\"", .image(rank: 1, .until(quote))),
        ("failed to pull image ", .image(rank: 1, .bare)), ("image pull failed for ", .image(rank: 1, .bare)),
        ("failed pulling image \"", .image(rank: 1, .until(quote))), ("failed to get sandbox image \"", .image(rank: 1, .until(quote))),
        ("error pulling image \"", .image(rank: 1, .until(quote))), ("unable to find image '", .image(rank: 1, .until(apostrophe))),
        ("failed to pull and unpack image \"", .image(rank: 2, .until(quote))), ("failed to resolve reference \"", .image(rank: 2, .until(quote))),
        ("failed to resolve image \"", .image(rank: 2, .until(quote))), ("parse image reference \"", .image(rank: 2, .until(quote))),
        ("parse image name \"", .image(rank: 2, .until(quote))), ("invalid image name \"", .image(rank: 2, .until(quote))),
        ("initializing source docker://", .image(rank: 2, .bare)), ("while pulling \"docker://", .image(rank: 2, .until(quote))),
        ("pull access denied for ", .image(rank: 3, .bare)), ("manifest for ", .image(rank: 3, .bare)),
        ("reading manifest ", .image(rank: 3, .readingManifest)), (": pulling from ", .image(rank: 4, .pullingFrom)),
        ("error pulling image (", .image(rank: 3, .parenthesisedTag)), ("trying to pull ", .image(rank: 4, .bare)),
        ("docker pull ", .image(rank: 4, .bare)), ("podman pull ", .image(rank: 4, .bare)), ("crictl pull ", .image(rank: 4, .bare)),
        (" resolving ", .image(rank: 4, .precedingReference)), (" resolved ", .image(rank: 4, .precedingReference)),
        ("ctr image pull ", .image(rank: 4, .bare)), ("ctr images pull ", .image(rank: 4, .bare)), ("ctr i pull ", .image(rank: 4, .bare)),
        ("nerdctl pull ", .image(rank: 4, .bare)), ("podman image pull ", .image(rank: 4, .bare)), ("pulling \"", .image(rank: 4, .until(quote))),
        ("image \"", .image(rank: 5, .until(quote))), ("repository ", .image(rank: 6, .bare)),
        ("/manifests/", .image(rank: 6, .manifestURL)),
        ("pod=\"", .pod(.until(quote))), ("pod/", .pod(.bare)), ("from pod \"", .pod(.until(quote))), ("in pod \"", .pod(.until(quote))),
        ("skipping pod \"", .pod(.until(quote))), ("podname=\"", .pod(.until(quote))),
        ("spec.containers{", .container(.until(brace))), ("spec.initcontainers{", .container(.until(brace))),
        ("spec.ephemeralcontainers{", .container(.until(brace))), ("and container \"", .container(.until(quote))),
        ("container \"", .container(.until(quote))), ("startcontainer\" for \"", .container(.until(quote))),
        ("containername=\"", .container(.until(quote))),
        ("kubelet, ", .node(.bare)), ("{kubelet ", .node(.until(brace))), ("node=\"", .node(.until(quote))),
        ("generated from kubelet on ", .node(.bare)), ("successfully assigned ", .assignment),
    ]
}
