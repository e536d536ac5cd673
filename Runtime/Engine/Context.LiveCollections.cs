using V8Host.Engine;

namespace V8Host;

public sealed partial class Context
{
    private LiveCollections? _liveCollections;

    /// <summary>Live views of .NET collections handed to this context; created with the first one.</summary>
    internal LiveCollections LiveCollections => LazyInitializer.EnsureInitialized(ref _liveCollections, () => new LiveCollections(this));
}
