import Addressing

/// A worker pool: how many machines, where.
public struct Worker: Sendable, Hashable {
    public var name: String
    public var minimum: Int
    public var maximum: Int
    public var zones: [String]
    /// `kubernetes.kubelet.maxPods` of this pool, when set there.
    public var maxPods: Int?
    public var location: SourceLocation?

    public init(name: String, minimum: Int, maximum: Int, zones: [String], maxPods: Int? = nil, location: SourceLocation? = nil) {
        self.name = name
        self.minimum = minimum
        self.maximum = maximum
        self.zones = zones
        self.maxPods = maxPods
        self.location = location
    }
}

/// The cloud a shoot runs on; decides how AUTOv6 is resolved and how pod prefixes are cut.
public enum ProviderType: String, Sendable, Hashable, CaseIterable {
    case aws, gcp, azure, openstack
    /// Any other provider (alicloud, local, …): planned like a plain IPv4 cluster.
    case other
}

/// What shootnet reads from a Gardener Shoot manifest.
public struct Shoot: Sendable, Hashable {
    public var name: String
    public var namespace: String?
    public var provider: Located<String>
    public var region: String?
    public var workers: [Worker]
    public var networking: Networking
    /// `kubeControllerManager.nodeCIDRMaskSize`.
    public var nodeMaskV4: Located<Int>?
    /// `kubeControllerManager.nodeCIDRMaskSizeIPv6`.
    public var nodeMaskV6: Located<Int>?
    /// `kubernetes.kubelet.maxPods` (shoot-wide default).
    public var maxPods: Located<Int>?
    public var status: NetworkingStatus?
    /// `spec.seedName`, else `status.seedName`.
    public var seedName: String?
    /// `spec.provider.infrastructureConfig`, when written.
    public var infrastructure: InfrastructureConfig?
    /// `spec.kubernetes.kubeControllerManager` was written (where its mask fields live).
    public var kubeControllerManagerLocation: SourceLocation?
    public var location: SourceLocation?

    public init(name: String, namespace: String? = nil, provider: Located<String>, region: String? = nil,
                workers: [Worker] = [], networking: Networking = Networking(), nodeMaskV4: Located<Int>? = nil,
                nodeMaskV6: Located<Int>? = nil, maxPods: Located<Int>? = nil, status: NetworkingStatus? = nil,
                seedName: String? = nil, location: SourceLocation? = nil) {
        self.name = name
        self.namespace = namespace
        self.provider = provider
        self.region = region
        self.workers = workers
        self.networking = networking
        self.nodeMaskV4 = nodeMaskV4
        self.nodeMaskV6 = nodeMaskV6
        self.maxPods = maxPods
        self.status = status
        self.seedName = seedName
        self.location = location
    }

    /// A shoot without worker pools: only a control plane (Gardener's "workerless" shoot).
    @inlinable public var isWorkerless: Bool { workers.isEmpty }

    public var providerType: ProviderType { ProviderType(rawValue: provider.value) ?? .other }
}
