import Foundation

/// A planted password in every form a secret reaches Triage, for tests that assert it appears
/// nowhere: Kubernetes Secrets (JSON, YAML, describe, last-applied annotation) under any key
/// name, and free text (URL user info, flags, variables, headers, base64 of `user:password`).
public enum PlantedSecrets {
    /// The password planted in every form.
    public static let password = "Pl4nted-Passw0rd-qz7"
    /// A second secret for Secret data under odd key names.
    public static let token = "Tok3n-Planted-Value-kx9"
    /// `robot:PASSWORD` in base64, as docker configs and Basic headers carry it.
    public static let auth = Data("robot:\(password)".utf8).base64EncodedString()
    /// A docker config for `registry.example.com` with the password.
    public static let dockerConfig = Data(
        #"{"auths":{"registry.example.com":{"username":"robot","password":"\#(password)","auth":"\#(auth)"}}}"#.utf8
    ).base64EncodedString()

    /// Every text that must never survive masking, encoded or not.
    public static let all = [
        password, token, auth, dockerConfig, Data(password.utf8).base64EncodedString(), Data(token.utf8).base64EncodedString(),
    ]

    /// The last-applied annotation's JSON, which repeats the Secret's data.
    public static let lastApplied =
        #"{"apiVersion":"v1","data":{"weird.key":"\#(Data(token.utf8).base64EncodedString())"},"kind":"Secret","metadata":{"name":"odd","namespace":"shop"},"stringData":{"p":"\#(password)"}}"#

    /// `kubectl get secret -o json` of a List with a pull secret and an Opaque secret whose keys
    /// have no telling names.
    public static let secretListJSON = """
        {
            "apiVersion": "v1",
            "items": [
                {
                    "apiVersion": "v1",
                    "data": {
                        ".dockerconfigjson": "\(dockerConfig)"
                    },
                    "kind": "Secret",
                    "metadata": {
                        "name": "regcred",
                        "namespace": "shop"
                    },
                    "type": "kubernetes.io/dockerconfigjson"
                },
                {
                    "apiVersion": "v1",
                    "data": {
                        "weird.key": "\(Data(token.utf8).base64EncodedString())",
                        "x": "\(Data(password.utf8).base64EncodedString())"
                    },
                    "kind": "Secret",
                    "metadata": {
                        "annotations": {
                            "kubectl.kubernetes.io/last-applied-configuration": "\(lastApplied.replacingOccurrences(of: "\"", with: "\\\""))\\n"
                        },
                        "name": "odd",
                        "namespace": "shop"
                    },
                    "stringData": {
                        "p": "\(password)"
                    },
                    "type": "Opaque"
                }
            ],
            "kind": "List",
            "metadata": {
                "resourceVersion": ""
            }
        }
        """

    /// `kubectl get secret -o yaml` of the same two Secrets.
    public static let secretListYAML = """
        apiVersion: v1
        items:
        - apiVersion: v1
          data:
            .dockerconfigjson: \(dockerConfig)
          kind: Secret
          metadata:
            name: regcred
          type: kubernetes.io/dockerconfigjson
        - apiVersion: v1
          data:
            weird.key: \(Data(token.utf8).base64EncodedString())
            x: "\(Data(password.utf8).base64EncodedString())"
          kind: Secret
          metadata:
            annotations:
              kubectl.kubernetes.io/last-applied-configuration: |
                \(lastApplied)
              other: kept
            name: odd
          stringData:
            p: |
              \(password)
            q: \(password)
          type: Opaque
        kind: List
        """

    /// `kubectl describe secret` with the last-applied annotation printed under its key.
    public static let describeSecret = """
        Name:         odd
        Namespace:    shop
        Labels:       <none>
        Annotations:  kubectl.kubernetes.io/last-applied-configuration:
                        \(lastApplied)

        Type:  Opaque

        Data
        ====
        weird.key:  23 bytes
        x:          20 bytes
        """

    /// `kubectl get secret` (a table: nothing secret, and nothing masked).
    public static let secretTable = """
        NAME      TYPE                             DATA   AGE
        regcred   kubernetes.io/dockerconfigjson   1      3d
        odd       Opaque                           2      1h
        """

    /// Free-text forms, one per line: URL user info, login flags, variables, headers, pairs.
    public static let freeText = [
        "Failed to pull image \"registry.example.com/shop/api:1.0\": failed to resolve reference: https://robot:\(password)@registry.example.com/v2/shop/api/manifests/1.0: unauthorized",
        "docker login -u robot -p \(password) registry.example.com",
        "podman login --username robot --password \(password) registry.example.com",
        "helm registry login registry.example.com --password=\(password)",
        "skopeo inspect --creds robot:\(password) docker://registry.example.com/shop/api:1.0",
        "crictl pull --creds \"robot:\(password)\" registry.example.com/shop/api:1.0",
        "curl -u robot:\(password) https://registry.example.com/v2/",
        "error: password:\(password)",
        "REGISTRY_PASSWORD=\(password)",
        "export DB_TOKEN=\"\(password)\"",
        "CLIENT_SECRET='\(password)' MY_API_KEY=\(password) ./run",
        "      REGISTRY_PASSWORD:  \(password)",
        "Authorization: Bearer \(password).tail/+=",
        "authorization: Basic \(auth)",
        "GET /v2/ with header \"Authorization\": \"Bearer \(password)\"",
        "request failed: Bearer \(password)",
        "auth \(auth) rejected",
        "kubectl create secret generic odd --from-literal=.dockerconfigjson=\(password)",
        "{\"args\":[\"--password\",\"\(password)\"],\"env\":\"REGISTRY_PASSWORD\\u003d\(password)\"}",
        "{\"name\":\"REGISTRY_PASSWORD\",\"value\":\"\(password)\"}",
        "token=\(password)&scope=repository:shop/api:pull",
        "https:\\/\\/robot:\(password)@registry.example.com\\/v2\\/",
        "docker login -u robot -p\(password) registry.example.com",
        "mysql -u root -p\(password) -h db",
        "Cookie: session=\(password); theme=dark",
        "Set-Cookie: token=\(password); Path=/; HttpOnly",
        "config: {password: \(password), user: robot}",
    ]

    /// `kubectl config view --raw`: a kubeconfig's client key, token and OIDC credentials.
    public static let kubeconfig = """
        users:
        - name: admin
          user:
            client-certificate-data: LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0t
            client-key-data: \(password)
            token: \(token)
            auth-provider:
              config:
                id-token: \(token)
                refresh-token: \(password)
                client-secret: \(password)
        """

    /// A pod's env in JSON and YAML: a variable named like a secret, its value in `value`.
    public static let envForms = """
        "env": [
            {
                "name": "REGISTRY_PASSWORD",
                "value": "\(password)"
            }
        ],
        env:
        - name: DB_SECRET
          value: \(password)
        - name: API_TOKEN
          value: >-
            \(password)
        """

    /// Every form above, as one text with Windows line endings too.
    public static var everything: String {
        ([secretListJSON, secretListYAML, describeSecret, secretTable, envForms, kubeconfig] + freeText).joined(separator: "\n")
    }

    /// The planted values `text` still shows.
    public static func leaks(in text: String) -> [String] {
        all.filter { text.contains($0) }
    }
}
